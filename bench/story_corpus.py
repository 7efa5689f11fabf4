"""A synthetic news stream for story linking: BASIL 2010-2016 events, each told again as other events of its kind.

Every BASIL triplet (one event told by nyt, fox and hpo) is a *kind* of event.
An event of that kind is the triplet with its people, places and
organisations swapped for names taken from other triplets (one mapping per
event, so its three outlets agree), its numbers changed, and its date moved (its weekdays with it);
each outlet's copy also drops a quarter of its paragraphs.  Events come in
pairs of one kind zero to ten days apart (two earthquakes the same week, one
team's two games), so the date window alone cannot tell them apart; pairs are
spread over time at a steady rate of documents per day, as a news stream is.
A tenth of the documents have no `published_at`: they carry an `ingested_at`
a few hours after the event, and a third of them a dateline with the date.

    from bench.story_corpus import synthetic_stream
    docs, gold = synthetic_stream(10_000)   # StoryDoc list in time order, doc_id -> event id

An event id is `k<kind>.p<pair>.<0 or 1>`: the two events of a pair share a kind.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from datetime import datetime, timedelta
from pathlib import Path
import sys

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.linking.basil import BasilArticle, basil_root, iter_articles  # noqa: E402
from pipelines.linking.stories import StoryDoc  # noqa: E402
from pipelines.linking.text import STOPWORDS, quoted_fragments  # noqa: E402

DOCS_PER_DAY = 30
PAIR_GAP_DAYS = 10  # the second event of a kind follows the first by 0..10 days
UNDATED_SHARE = 0.1
DROP_PARAGRAPH = 0.25
START = datetime(2010, 1, 4)
_CAPITALISED = re.compile(r"(?<=[a-z,;:]\s)([A-Z][a-z]+|[A-Z]{2,5})\b")  # mid-sentence: a name, not a sentence start
_NUMBER = re.compile(r"\d+")
_CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                      "june july august september october november december".split())
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CITIES = ["WASHINGTON", "NEW YORK", "CHICAGO", "LOS ANGELES", "LONDON", "HOUSTON", "ATLANTA", "BOSTON"]


def _name_tokens(articles: list[BasilArticle]) -> set[str]:
    found = set()
    for a in articles:
        for m in _CAPITALISED.finditer(a.title + " " + a.text):
            if m.group(1).lower() not in STOPWORDS and m.group(1).lower() not in _CALENDAR:
                found.add(m.group(1))
    return found


def kinds(root: Path) -> list[tuple[list[BasilArticle], set[str]]]:
    """Each BASIL triplet with the name tokens it mentions."""
    triplets: dict[str, list[BasilArticle]] = defaultdict(list)
    for a in iter_articles(root):
        triplets[a.triplet].append(a)
    return [(arts, _name_tokens(arts)) for _, arts in sorted(triplets.items())]


def _retell(text: str, names: dict[str, str], numbers: dict[str, str], shift: int) -> str:
    """`text` with names and numbers swapped and its weekdays moved `shift` days on."""
    swaps = dict(names)
    swaps.update({d: WEEKDAYS[(i + shift) % 7] for i, d in enumerate(WEEKDAYS)})
    text = re.sub(r"\b(" + "|".join(map(re.escape, sorted(swaps, key=len, reverse=True))) + r")\b",
                  lambda m: swaps[m.group(1)], text)
    return _NUMBER.sub(lambda m: numbers.get(m.group(), m.group()), text)


def _event(kind, pool: dict[bool, list[str]], rng: random.Random, original: bool):
    """Name and number mappings of one event of `kind` (the original event keeps its own)."""
    articles, tokens = kind
    if original:
        return {}, {}
    names = {t: rng.choice(pool[t.isupper()]) for t in sorted(tokens)}
    digits = sorted({m.group() for a in articles for m in _NUMBER.finditer(a.title + " " + a.text)})
    numbers = {d: str(rng.randint(10 ** (len(d) - 1) if len(d) > 1 else 1, 10 ** len(d) - 1)) for d in digits
               if not (len(d) == 4 and d.startswith(("19", "20")))}  # years stay years
    return names, numbers


def synthetic_stream(n_docs: int, seed: int = 11, root: Path | None = None) -> tuple[list[StoryDoc], dict[str, str]]:
    """`n_docs` documents (StoryDoc, in order of ingestion) and the event each reports."""
    rng = random.Random(seed)
    all_kinds = kinds(root or basil_root())
    pool = {caps: sorted({t for _, ts in all_kinds for t in ts if t.isupper() == caps}) for caps in (False, True)}
    span = max(30, n_docs / DOCS_PER_DAY)
    docs, gold, used = [], {}, set()
    pair = 0
    while len(docs) < n_docs:
        k, pair = rng.randrange(len(all_kinds)), pair + 1
        first = START + timedelta(days=rng.randrange(int(span)))
        for second, day in enumerate((first, first + timedelta(days=rng.randint(0, PAIR_GAP_DAYS)))):
            event = f"k{k:02d}.p{pair:06d}.{second}"
            names, numbers = _event(all_kinds[k], pool, rng, original=k not in used)
            used.add(k)
            articles = all_kinds[k][0]
            shift = (day - min(a.published_at for a in articles)).days  # each outlet keeps its own delay
            for a in articles:
                doc_id = f"{event}_{a.source}"
                when = a.published_at + timedelta(days=shift, hours=rng.randint(5, 20))
                paragraphs = [a.paragraphs[0]] + [p for p in a.paragraphs[1:] if rng.random() > DROP_PARAGRAPH]
                text = _retell("\n\n".join(" ".join(p) for p in paragraphs), names, numbers, shift)
                published, ingested = when, when + timedelta(hours=rng.randint(0, 6))
                if rng.random() < UNDATED_SHARE:
                    published = None
                    if rng.random() < 1 / 3:
                        text = f"{rng.choice(CITIES)}, {when:%B} {when.day} - {text}"
                docs.append(StoryDoc(doc_id, _retell(a.title, names, numbers, shift), text, a.source, published,
                                     (), tuple(quoted_fragments(text)), ingested_at=ingested))
                gold[doc_id] = event
    docs = sorted(docs[:n_docs], key=lambda d: (d.ingested_at, d.doc_id))
    return docs, {d.doc_id: gold[d.doc_id] for d in docs}
