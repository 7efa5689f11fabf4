"""Quantities in a claim, as (value, unit, approximation), for spotting conflicting numbers.

Uses `pipelines.quantities.find_quantities` when that module exists; until
then a small reader of its own: digits and number words (`one and a half`,
`one-and-a-half`, `3.2 billion`), durations folded to minutes, money,
percentages, and counts of the noun that follows (`350 jobs`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALE = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "m": 1e6, "bn": 1e9}
_DURATION = {"second": 1 / 60, "minute": 1, "hour": 60, "day": 1440, "week": 10080, "month": 43800, "year": 525600}
_APPROX = ("nearly", "almost", "about", "around", "roughly", "approximately", "close to", "some", "more than",
           "over", "less than", "under", "up to", "at least", "just over", "just under")

_NUMWORD = "|".join(sorted(list(_SMALL) + list(_TENS) + ["a", "an", "half", "dozen"], key=len, reverse=True))
_NUMBER = re.compile(
    r"(?P<approx>\b(?:" + "|".join(a.replace(" ", r"\s+") for a in _APPROX) + r")\s+)?"
    r"(?P<cur>[$£€])?\s?"
    r"(?P<num>\d[\d,]*(?:\.\d+)?|(?:\b(?:" + _NUMWORD + r")\b(?:[\s\-]+(?:and[\s\-]+)?(?:a[\s\-]+)?(?:" + _NUMWORD + r")\b)*))"
    r"(?:\s?(?P<scale>hundred|thousand|million|billion|trillion|bn|m)\b)?"
    r"(?:[\s\-]?(?P<unit>%|per\s?cent|percent|[a-z]+))?",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Amount:
    value: float
    unit: str  # "minute" for durations, "percent", "usd"/"gbp"/"eur", else the counted noun
    kind: str  # duration | money | percent | count
    approximation: str | None


def _word_value(words: str) -> float | None:
    tokens = [t for t in re.split(r"[\s\-]+", words.lower()) if t and t != "and"]
    if not tokens or tokens == ["a"] or tokens == ["an"]:
        return None
    total = 0.0
    for t in tokens:
        if t in _SMALL:
            total += _SMALL[t]
        elif t in _TENS:
            total += _TENS[t]
        elif t == "half":
            total = total + 0.5 if total else 0.5
        elif t == "dozen":
            total = (total or 1) * 12
        elif t in {"a", "an"}:
            continue
        else:
            return None
    return total


def _singular(word: str) -> str:
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


_YEAR = re.compile(r"\b(?:since|in|by|until|from|before|after)\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def years(text: str) -> frozenset[int]:
    """Every year written in `text`: what period a figure is about."""
    return frozenset(int(y) for y in _ANY_YEAR.findall(text))


_ANY_NUMBER = re.compile(r"\d|\b(?:" + "|".join(list(_SMALL)[1:] + list(_TENS) + ["half", "dozen"]) + r")\b", re.IGNORECASE)


def fallback_amounts(text: str) -> list[Amount]:
    """Quantities of `text` read by this module's own patterns."""
    if not _ANY_NUMBER.search(text):
        return []
    out = [Amount(float(m.group(1)), "year", "date", None) for m in _YEAR.finditer(text)]
    for m in _NUMBER.finditer(fold(text)):
        raw = m.group("num")
        value = float(raw.replace(",", "")) if raw[0].isdigit() else _word_value(raw)
        if value is None:
            continue
        scale = (m.group("scale") or "").lower()
        value *= _SCALE.get(scale, 1)
        unit = _singular(m.group("unit") or "")
        approx = " ".join(m.group("approx").split()).lower() if m.group("approx") else None
        if m.group("cur"):
            cur = {"$": "usd", "£": "gbp", "€": "eur"}[m.group("cur")]
            out.append(Amount(value, cur, "money", approx))
        elif unit in {"%", "percent", "per cent", "percent"} or unit.replace(" ", "") == "percent":
            out.append(Amount(value, "percent", "percent", approx))
        elif unit in _DURATION:
            out.append(Amount(value * _DURATION[unit], "minute", "duration", approx))
        elif raw.isdigit() and 1900 <= value <= 2100 and not scale:
            continue  # a year, not a count (years the claim is about are read by `years`)
        elif unit and unit.isalpha() and len(unit) > 2 and unit not in {"and", "the", "that", "per", "of", "to", "in"}:
            out.append(Amount(value, unit, "count", approx))
    return out


_CURRENCY = {"$": "usd", "usd": "usd", "dollar": "usd", "£": "gbp", "gbp": "gbp", "pound": "gbp",
             "€": "eur", "eur": "eur", "euro": "eur"}


def normalised(value: float, unit: str, approximation: str | None = None) -> Amount:
    """One comparable form for a (value, unit) from anywhere: hours -> minutes, "%" -> percent, "$" -> usd."""
    u = _singular(unit.strip()) if unit else ""
    if u in _DURATION:
        return Amount(value * _DURATION[u], "minute", "duration", approximation)
    if u in {"%", "percent", "per cent", "pct"}:
        return Amount(value, "percent", "percent", approximation)
    if u in _CURRENCY:
        return Amount(value, _CURRENCY[u], "money", approximation)
    if u == "year" and 1900 <= value <= 2100:
        return Amount(value, "year", "date", approximation)
    return Amount(value, u, "count", approximation)


def amounts(text: str) -> list[Amount]:
    """Quantities of `text`: the project's quantity module when present, else the fallback."""
    try:
        from pipelines.quantities import find_quantities  # written by another issue; optional here
    except ImportError:
        return fallback_amounts(text)
    try:
        found = find_quantities(text, [(0, len(text))])
        return [normalised(float(q.value), str(q.unit or ""), q.approximation) for q in found if q.value is not None]
    except Exception:  # an API still settling must not break linking
        return fallback_amounts(text)
