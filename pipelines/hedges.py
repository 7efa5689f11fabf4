"""Hedges, certainty and polarity of a claim, from the lexicon `lexicons/hedges.tsv`.

A claim is read in three places: its content, its cue (`claimed` hedges,
`said` does not) and the reporter's remarks about it in the same sentence,
outside content and cue (`Peskov said, without elaborating`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from pipelines.records import Span

LEXICON_PATH = Path(__file__).parent / "lexicons" / "hedges.tsv"
CERTAINTY = ("certain", "probable", "possible", "unknown")  # from surest to least known
_PLACES = {"content": {"content"}, "cue": {"cue"}, "remark": {"remark"}, "claim": {"content", "remark"}, "any": {"content", "cue", "remark"}}


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon line: a cue phrase, the places it applies and its effect."""

    cue: str
    places: frozenset[str]
    effect: str  # possible | probable | unknown | none | negative | block


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the hedging says about a claim."""

    hedges: tuple[str, ...]
    certainty: str  # certain | probable | possible | unknown
    polarity: str  # positive | negative


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Entry]:
    """cue -> Entry, read once from the lexicon file."""
    entries = {}
    for line in LEXICON_PATH.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            cue, where, effect = line.split("\t")[:3]
            entries[cue] = Entry(cue, frozenset(_PLACES[where]), effect)
    return entries


_WORD = re.compile(r"\w+")


def _is_clitic(cue: str) -> bool:
    """`n't` and the like attach to the word before them (`didn't`)."""
    return cue.startswith(("n'", "'"))


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    """The lower-cased first word of every cue that starts a word."""
    return frozenset(cue.split()[0].lower() for cue in lexicon() if not _is_clitic(cue))


@lru_cache(maxsize=1)
def _clitics() -> re.Pattern | None:
    """The cues that end a word instead of starting one."""
    found = sorted((c for c in lexicon() if _is_clitic(c)), key=len, reverse=True)
    return re.compile("|".join(re.escape(c) for c in found) + r"(?!\w)", re.IGNORECASE) if found else None


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    def phrase(cue: str) -> str:
        body = r"\s+".join(re.escape(w) for w in cue.split())
        return body if _is_clitic(cue) or not cue[0].isalnum() else rf"(?<!\w){body}"

    alternatives = "|".join(phrase(c) for c in sorted(lexicon(), key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?!\w)", re.IGNORECASE)


def _normal(phrase: str) -> str:
    return " ".join(phrase.lower().replace("\u2019", "'").split())


def _outside(sentence: Span, taken: Sequence[Span]) -> list[Span]:
    """The parts of `sentence` not covered by `taken`."""
    parts, at = [], sentence.start
    for span in sorted(taken, key=lambda s: s.start):
        if at >= sentence.end:
            break
        if span.start > at:
            parts.append(Span(at, min(span.start, sentence.end)))
        at = max(at, span.end)
    if at < sentence.end:
        parts.append(Span(at, sentence.end))
    return [p for p in parts if p.end > p.start]


class HedgeIndex:
    """Every lexicon match in one document, found in one pass; claims then look up their spans."""

    def __init__(self, text: str):
        plain = text.replace("\u2019", "'")  # same length: offsets hold
        pattern, first = _pattern(), _first_words()
        self.matches = []
        # Try the (long) alternation only where a word that starts some cue starts: far faster than
        # scanning every position, and the same matches, since every cue starts with a word.
        for word in _WORD.finditer(plain):
            if word.group().lower() in first and (m := pattern.match(plain, word.start())):
                if entry := lexicon().get(_normal(m.group())):
                    if not self.matches or m.start() >= self.matches[-1][1]:
                        self.matches.append((m.start(), m.end(), entry))
        if clitics := _clitics():
            self.matches += [(m.start(), m.end(), lexicon()[_normal(m.group())]) for m in clitics.finditer(plain)]
            self.matches.sort(key=lambda m: m[0])
        self.starts = [start for start, _, _ in self.matches]

    def within(self, span: Span) -> list[tuple[int, int, Entry]]:
        """The matches that lie wholly inside `span`."""
        out = []
        for i in range(bisect.bisect_left(self.starts, span.start), len(self.matches)):
            start, end, entry = self.matches[i]
            if start >= span.end:
                break
            if end <= span.end:
                out.append(self.matches[i])
        return out


def _found(index: HedgeIndex, place: str, spans: Sequence[Span], blocked: list[Span]) -> list[tuple[int, Entry]]:
    """(offset, entry) for each lexicon cue inside `spans` that applies in `place`."""
    found = []
    for span in spans:
        for start, end, entry in index.within(span):
            inside_block = any(b.start <= start and end <= b.end for b in blocked)
            if place in entry.places and entry.effect != "block" and not inside_block:
                found.append((start, entry))
    return found


def assess(text: str, sentence: Span, cue: Span | None, content: Sequence[Span], cue_lemma: str | None,
           index: HedgeIndex | None = None) -> Assessment:
    """The hedges on a claim (content, cue, reporter's remarks), its certainty and its polarity.

    Pass the document's `HedgeIndex` when assessing many claims of one text.
    """
    index = index or HedgeIndex(text)
    lo, hi = min([sentence.start, *(c.start for c in content)]), max([sentence.end, *(c.end for c in content)])
    blocked = [Span(start, end) for start, end, entry in index.within(Span(lo, hi)) if entry.effect == "block"]
    taken = [*content, *([cue] if cue else [])]
    found = _found(index, "content", content, blocked) + _found(index, "remark", _outside(sentence, taken), blocked)
    if cue is not None:
        found += _found(index, "cue", [cue], blocked)
    lemma_entry = lexicon().get(_normal(cue_lemma)) if cue_lemma else None
    if lemma_entry and "cue" in lemma_entry.places and lemma_entry not in [e for _, e in found]:
        found.append((cue.start if cue else sentence.start, lemma_entry))
    found.sort(key=lambda f: f[0])
    hedges = tuple(dict.fromkeys(e.cue for _, e in found if e.effect not in ("negative", "block")))
    levels = [CERTAINTY.index(e.effect) for _, e in found if e.effect in CERTAINTY]
    polarity = "negative" if any(e.effect == "negative" for _, e in found) else "positive"
    return Assessment(hedges, CERTAINTY[max(levels, default=0)], polarity)
