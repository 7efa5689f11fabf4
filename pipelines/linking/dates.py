"""The date a document reports on, for the story window: `published_at`, else the most specific date its text gives.

In order: the publication date; a dateline date at the head of the text
("WASHINGTON, March 3 (Reuters) -", the year from `ingested_at` when left
out); a weekday, "yesterday" or "today" in the lead, counted back from
`ingested_at` ("on Monday" in a text ingested on Wednesday is two days
before).  The first two are *firm*; a weekday holds only if the document
was ingested within days of the event (an archive loaded a year later
breaks it), so stories use it to find partners in its week but link it
outside that week, as a document with no date at all, only on strong
evidence.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from .text import fold

LEAD_CHARS = 400  # the lead: where a dateline or the event's weekday sits
MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())} | {"sept": 9})
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_DATELINE = re.compile(
    r"^[^\n]{0,60}?\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?"
    r"\s*(?:\([^)]{1,30}\)\s*)?[-:]", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r"|yesterday|today|tonight)\b", re.IGNORECASE)


def _dateline(lead: str, ingested_at: datetime | None) -> datetime | None:
    m = _DATELINE.match(lead)
    if not m:
        return None
    month, day = MONTHS[m.group(1).lower()], int(m.group(2))
    if m.group(3):
        years = [int(m.group(3))]
    elif ingested_at is not None:  # the year that puts the date on or just before ingestion
        years = [ingested_at.year, ingested_at.year - 1]
    else:
        return None
    for year in years:
        try:
            found = datetime(year, month, day, tzinfo=ingested_at.tzinfo if ingested_at else None)
        except ValueError:
            return None
        if ingested_at is None or found <= ingested_at + timedelta(days=1):
            return found
    return None


def _relative(lead: str, ingested_at: datetime | None) -> datetime | None:
    m = _RELATIVE.search(lead)
    if not m or ingested_at is None:
        return None
    word = m.group(1).lower()
    if word in ("today", "tonight"):
        back = 0
    elif word == "yesterday":
        back = 1
    else:
        back = (ingested_at.weekday() - WEEKDAYS[word]) % 7
    return (ingested_at - timedelta(days=back)).replace(hour=12, minute=0, second=0, microsecond=0)


def firm_date(published_at: datetime | None, ingested_at: datetime | None, text: str) -> datetime | None:
    """The publication date, else the dateline's: dates that hold however late the document was ingested."""
    if published_at is not None:
        return published_at
    return _dateline(fold(text[:LEAD_CHARS]), ingested_at)


def story_date(published_at: datetime | None, ingested_at: datetime | None, text: str) -> datetime | None:
    """The date a document is about: published, else dateline, else a weekday of the lead; None when unknown."""
    return firm_date(published_at, ingested_at, text) or _relative(fold(text[:LEAD_CHARS]), ingested_at)


def day_number(when: datetime | None) -> float | None:
    """A date as days since 1970 (naive dates read as UTC); None stays None."""
    if when is None:
        return None
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc).replace(tzinfo=None)
    return (when - datetime(1970, 1, 1)).total_seconds() / 86400
