"""Quantities stated in text: numbers with their unit, kind, approximation and range.

Conventions (what the `quantities` table holds):

- `start, end` cover the number and its unit (`one and a half hours`,
  `$3.2 billion`, `300 to 400 jobs`, `millions of deaths`); an approximation
  word before it (`almost`, `more than`) is NOT in the span, it is in
  `approximation`.  `text == document_text[start:end]` always.
- Durations normalise clock units to `minute` (`one and a half hours` and
  `90 minutes` are both 90 minute) and calendar units to `year` (`6 months`
  is 0.5 year).  Money is in whole units of its ISO code (`$3.2 billion` is
  3.2e9 USD).  Percent values stay as written (`43%` is 43 percent).
- A count's unit is the noun after the number as written (`300 jobs` ->
  `jobs`), or None.
- Ranges set `lower` and `upper`; `value` is the lower bound.  Vague plurals
  are open ranges: `millions of deaths` is lower 2e6, upper None, value 2e6,
  unit `deaths`; `dozens of` is 24+, `hundreds of` 200+, `tens of thousands
  of` 20,000+.
- Dates: a bare year is value 2022, unit `year`; a month and day is
  `MMDD` (`Feb. 12` -> 212, unit `mmdd`), with a year `YYYYMMDD` (unit
  `yyyymmdd`), a month and year `YYYYMM` (unit `yyyymm`).  Times of day are
  kind `time`, value in hours (`3:30 p.m.` -> 15.5, unit `hour of day`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from pipelines.records import Span

UNITS_PATH = Path(__file__).parent / "lexicons" / "quantity_units.tsv"

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
_SMALL.update({w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())})
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
_SHORT_SCALES = {"k", "m", "mn", "mln", "b", "bn", "tn", "trn"}  # only after a currency: `£38m`
_CURRENCIES = {"us$": "USD", "$": "USD", "c$": "CAD", "a$": "AUD", "hk$": "HKD", "£": "GBP", "€": "EUR", "¥": "JPY", "rs": "INR", "rs.": "INR"}
_VAGUE = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2e3, "millions": 2e6, "billions": 2e9,
          "tens of thousands": 2e4, "hundreds of thousands": 2e5, "tens of millions": 2e7, "hundreds of millions": 2e8}
_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTHS = {m[:3]: i + 1 for i, m in enumerate(_MONTH_NAMES)}
_NOUN_STOP = frozenset(
    "a an the of and or but to in on at for with by from as is are was were be been being has have had that this these "
    "those which who whom it its their his her our my your than then more less per times also only over under into "
    "after before since until while when where if so not no nor about around percent".split())
_APPROX = ("more than|less than|fewer than|up to|at least|at most|no more than|no fewer than|no less than|"
           "nearly|almost|about|around|roughly|approximately|some|over|under|close to|as many as|as much as|"
           "an estimated|upwards of|just over|just under")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number stated in the text, normalised."""

    start: int
    end: int
    text: str
    value: float
    unit: str | None
    kind: str  # duration | money | count | percent | date | time | length | mass | ...
    approximation: str | None = None
    lower: float | None = None
    upper: float | None = None


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[str, str, float]]:
    """surface -> (unit, kind, factor), from the lexicon file."""
    units = {}
    for line in UNITS_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            surface, unit, kind, factor = line.split("\t")
            units[surface] = (unit, kind, float(factor))
    return units


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    word = "|".join(sorted([*_SMALL, "hundred", "thousand", "million", "billion", "trillion", "dozen"], key=len, reverse=True))
    words = (rf"(?:(?:an?[ -])?(?:{word})(?:(?:[ -]and[ -]|[ -])(?:{word}))*(?:[ -]and[ -]an?[ -](?:half|quarter))?"
             rf"|half[ -]an?[ -](?:million|billion|dozen)|half[ -]an?(?=[ -]\w))")
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    units = "|".join(re.escape(u) for u in sorted(_units(), key=len, reverse=True) if u != "%")
    scales = "|".join(sorted(_SCALES, key=len, reverse=True))
    approx = _APPROX.replace(" ", r"\s+")  # the pattern is verbose: literal spaces would vanish
    month = "(?-i:" + "|".join(f"{m.capitalize()}|{m[:3].capitalize()}\\." for m in _MONTH_NAMES) + "|Sept\\.|May|June|July)"
    return re.compile(
        rf"""(?:(?<![\w-])(?P<approx>{approx})\s+)?
        (?P<q>
          (?P<md>(?P<md_m>{month})\s(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s(?P<md_y>(?:1[89]|20)\d\d))?(?!\d))
        | (?P<dm>(?P<dm_d>\d{{1,2}})\s(?P<dm_m>{month})(?:,?\s(?P<dm_y>(?:1[89]|20)\d\d))?(?!\d))
        | (?P<my>(?P<my_m>{month})\s(?P<my_y>(?:1[89]|20)\d\d)(?!\d))
        | (?P<time>(?<![\w.,:])(?P<hh>\d{{1,2}})(?::(?P<mm>\d\d))?\s?(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)|(?<![\w.,:])\d{{1,2}}:\d\d(?![\d:]))
        | (?P<vague>(?<!\w)(?:tens\sof\sthousands|hundreds\sof\sthousands|tens\sof\smillions|hundreds\sof\smillions|dozens|scores|hundreds|thousands|millions|billions)\sof\s(?P<vnoun>[a-z]+(?:-[a-z]+)*))
        | (?:(?P<cur>(?<![\w$])(?:US\$|C\$|A\$|HK\$|Rs\.?)|\$|£|€|¥)\s?)?
          (?P<num>(?<![\w.,])(?<![A-Za-z]-)(?:{digits})|(?<![\w-])(?:{words}))
          (?:[ -]?(?P<scale>{scales})(?![\w]))?
          (?:(?P<pct>%)|[ -](?P<unit>{units})(?![\w]))?
          (?![\w])
        )""",
        re.IGNORECASE | re.VERBOSE,
    )


def _number(text: str) -> float:
    """`1,234.5`, `twenty-five`, `one and a half`, `three dozen`, `half a million` as a float."""
    text = text.lower()
    if text[0].isdigit():
        return float(text.replace(",", ""))
    words = re.split(r"[ -]+", text)
    total = current = 0.0
    i = 0
    while i < len(words):
        w = words[i]
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in ("a", "an") and nxt in ("half", "quarter"):
            current += 0.5 if nxt == "half" else 0.25
            i += 1
        elif w in ("half", "quarter"):
            current = (current or 1) * (0.5 if w == "half" else 0.25)
            if nxt in ("a", "an"):
                i += 1
        elif w in ("a", "an"):
            current = current or 1
        elif w in _SMALL:
            current += _SMALL[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w == "dozen":
            current = (current or 1) * 12
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0.0
        i += 1
    return total + current


def _date(m: re.Match) -> tuple[float, str]:
    month = _MONTHS[(m["md_m"] or m["dm_m"] or m["my_m"])[:3].lower()]
    if m["my"]:
        return float(int(m["my_y"]) * 100 + month), "yyyymm"
    day, year = int(m["md_d"] or m["dm_d"]), m["md_y"] or m["dm_y"]
    return (float(int(year) * 10000 + month * 100 + day), "yyyymmdd") if year else (float(month * 100 + day), "mmdd")


def _from_match(text: str, m: re.Match) -> tuple[Quantity | None, float]:
    """One regex match as a Quantity (None when it is not one: `one of`, a bare `half`) and its scale * unit factor."""
    q = _quantity(text, m)
    factor = q.value / n if q and m["num"] and q.kind != "date" and (n := _number(m["num"])) else 1.0
    return q, factor


def _quantity(text: str, m: re.Match) -> Quantity | None:
    start, end = m.span("q")
    approx = " ".join(m["approx"].lower().split()) if m["approx"] else None
    if m["md"] or m["dm"] or m["my"]:
        value, unit = _date(m)
        return Quantity(start, end, text[start:end], value, unit, "date", approx)
    if m["time"]:
        hh, mm = (int(x) for x in re.findall(r"\d+", m["time"])[:2]) if ":" in m["time"] else (int(m["hh"]), 0)
        ampm = (m["ampm"] or "").lower()
        hh = hh % 12 + (12 if ampm.startswith("p") else 0) if ampm else hh
        return Quantity(start, end, text[start:end], hh + mm / 60, "hour of day", "time", approx)
    if m["vague"]:
        low = m["vague"].lower()
        lower = float(_VAGUE[re.sub(r"\s+", " ", low[: low.rindex(" of ")])])
        return Quantity(start, end, text[start:end], lower, m["vnoun"].lower(), "count", approx, lower, None)
    number = m["num"]
    value = _number(number)
    scale = (m["scale"] or "").lower()
    currency = _CURRENCIES.get((m["cur"] or "").lower().strip())
    if scale in _SHORT_SCALES and not currency:
        return None  # `38m` without a currency is more likely metres than millions
    value *= _SCALES.get(scale, 1.0)
    if m["pct"]:
        return Quantity(start, end, text[start:end], value, "percent", "percent", approx)
    if m["unit"]:
        unit, kind, factor = _units()[re.sub(r"\s+", " ", m["unit"].lower())]
        if currency is None or kind == "money":
            return Quantity(start, end, text[start:end], value * factor, unit, kind, approx)
    if currency:
        end = m.end("scale") if m["scale"] else m.end("num")
        return Quantity(start, end, text[start:end], value, currency, "money", approx)
    if not number[0].isdigit() and number.lower() in ("one", "half", "quarter", "a", "an"):
        return None  # `one of them`, `half the time`: a pronoun or a fraction, not a stated number
    if re.fullmatch(r"(?:1[89]|20)\d\d", number) and not approx:
        return Quantity(start, end, text[start:end], value, "year", "date")
    noun = re.match(r"[ -]([a-z]+(?:-[a-z]+)*)", text[end : end + 40])
    if noun and noun[1] not in _NOUN_STOP:
        end += noun.end()
        return Quantity(start, end, text[start:end], value, noun[1], "count", approx)
    return Quantity(start, end, text[start:end], value, None, "count", approx)


_RANGE = re.compile(r"\s*(?:to|and|-|–|or)\s*", re.IGNORECASE)
_BETWEEN = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)


def _joins(text: str, prev: tuple[Quantity, float] | None, q: Quantity) -> bool:
    """Whether `prev` and `q` are the two ends of one range (`300 to 400`, `between 2 and 3`)."""
    if prev is None or "date" in (prev[0].kind, q.kind) or "time" in (prev[0].kind, q.kind):
        return False
    p = prev[0]
    gap = text[p.end : q.start]
    if not _RANGE.fullmatch(gap) or (gap.strip().lower() == "and" and not _BETWEEN.search(text[max(0, p.start - 24) : p.start])):
        return False
    if gap.strip().lower() == "or" and p.unit is not None:
        return False  # `43% or 43 percent` restates one number; `two or three days` is a range
    return (p.kind == "count" and p.unit is None) or (p.kind, p.unit) == (q.kind, q.unit) or (p.kind == "money" and q.unit is None)


def _merge_ranges(text: str, found: list[tuple[Quantity, float]]) -> list[Quantity]:
    """`300 to 400 jobs`, `between 2 and 3 percent`, `$1-2 billion`: one quantity with lower and upper."""
    merged: list[tuple[Quantity, float]] = []
    for q, factor in found:
        prev = merged[-1] if merged else None
        if not _joins(text, prev, q):
            merged.append((q, factor))
            continue
        p, p_factor = prev
        # The first number borrows the second's scale and unit: `1 to 1.5 million`, `one to two hours`.
        lower = p.value * factor if p_factor == 1 and (p.unit is None or p.kind == "money") else p.value
        unit, kind = (p.unit, p.kind) if p.kind == "money" and q.unit is None else (q.unit, q.kind)
        if lower >= q.value:
            merged.append((q, factor))
            continue
        merged[-1] = (Quantity(p.start, q.end, text[p.start : q.end], lower, unit, kind, p.approximation, lower, q.value), factor)
    return [q for q, _ in merged]


def find_quantities(text: str, spans: Sequence[Span] | None = None) -> list[Quantity]:
    """Every quantity inside `spans` (default: the whole text), in text order, offsets into `text`."""
    spans = spans if spans else [Span(0, len(text))]
    seen: dict[tuple[int, int], Quantity] = {}
    for span in spans:
        found = [q for m in _pattern().finditer(text, span.start, span.end) if (q := _from_match(text, m))[0]]
        for q in _merge_ranges(text, found):
            seen.setdefault((q.start, q.end), q)
    return sorted(seen.values(), key=lambda q: (q.start, q.end))
