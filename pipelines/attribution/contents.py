"""Where reported content starts and ends around a cue."""

from __future__ import annotations

import re

from .grammar import (
    ADJUNCT_START,
    INTRO,
    PREPS,
    TIME_LEAD,
    WORD,
    trim_end,
)
from .quotes import Quotations

Pair = tuple[int, int]

# verbs whose content may be an infinitive (`vowed to fight on`)
_TO_COMPLEMENT = frozenset("pledge vow promise threaten hope expect plan agree intend continue decide".split())


def content_after(text: str, pos: int, limit: int, cls: str, lemma: str, quotes=None) -> tuple[int, int] | None:
    """Content that follows a cue ending at `pos`: from `that`, a quotation or
    a colon, or (for `free` verbs) right after the cue; None if there is none."""
    window = text[pos:min(limit, pos + 120)]
    intro = INTRO.search(window)
    start = None
    if intro:
        gap = window[: intro.start()]
        gap_words = WORD.findall(gap)
        first = gap_words[0] if gap_words else ""
        ok = not gap.strip() or gap.strip() == ","
        if not ok and len(gap_words) <= 10 and "." not in gap.replace("U.S.", ""):
            if lemma == "tell" or first in ADJUNCT_START or first in ("of", "about"):
                ok = True
        if ok:
            start = pos + intro.start()
            if window[intro.start()] == ":":
                start = pos + intro.end()
    if start is None and lemma == "tell":
        # `told POLITICO he planned to stay neutral`: the addressee is neither source nor content
        m = _ADDRESSEE.match(text, pos, limit)
        if m:
            pos = m.end()
            cls = "free"
    if start is None:
        if cls == "strict":
            return None
        m = TIME_LEAD.match(text, pos)
        start = m.end() if m else pos
        while start < limit and text[start].isspace():
            start += 1
        words = WORD.findall(text[start:limit])
        if cls == "object":
            if not words or text[start] in ",.;":
                return None
        elif len(words) < 2 or text[start] in ",.;" or (words[0] in PREPS and not (words[0] == "to" and lemma in _TO_COMPLEMENT)) or words[0] == "as":
            return None
    if lemma in ("decline", "refuse") and text.startswith("to ", start):
        start += 3  # `declined to follow suit`: PolNeAR's content is `follow suit`
    dash = _QUOTE_THEN_DASH.search(text, start, limit)
    end = trim_end(text, start, dash.start() + 1 if dash else limit)
    end = cut_modifiers(text, start, end, quotes)
    if end <= start or not WORD.search(text, start, end):
        return None
    return start, end


# Where reported material usually stops and the reporter's own words resume.
_MODIFIER = re.compile(
    r",\s+(?:which|where|recalling|adding|noting|citing|referring|saying|the|a|an)\b"  # relative clause, participle, appositive
    r"|\s[—–-]\s"  # a dash aside
)


def cut_modifiers(text: str, start: int, end: int, quotes) -> int:
    """End of a content before a trailing modifier outside quotation marks."""
    for m in _MODIFIER.finditer(text, start, end):
        if m.start() - start < 12:
            continue
        if quotes is not None and quotes.containing(m.start()):
            continue
        return trim_end(text, start, m.start())
    return end


_ADDRESSEE = re.compile(
    r"\s+(?:(?:the\s+)?(?:[A-Z][\w.&’'-]*\s+)+|(?:reporters|him|her|them|me|us|supporters|the\s+crowd|the\s+audience|an?\s+\w+)\s+)"
    r"(?:(?:on|in|at)\s+\w+day\s+|\w+day\s+)?(?=(?:he|she|they|it|I|we|his|her|the|a|an|there)\b)"
)


_QUOTE_THEN_DASH = re.compile(r"[\"”]\s+[—–]\s")


def content_before(text: str, unit_start: int, sep: re.Match, base: int, quotes: Quotations) -> Pair | None:
    """Content ending at the separator before a trailing cue: the closing
    quote and a comma inside it are kept, a bare comma outside is not.

    A quotation that follows an earlier sentence of the unit is the content
    alone (`He paused. "We will win," he said.`)."""
    start = unit_start
    if sep.group("q1") or sep.group("q2"):
        end = base + (sep.end("q1") if sep.group("q1") else sep.end("q2"))
        for qs, qe in quotes.within(unit_start, end):
            if qe == end and re.search(r"[.!?:][\"”'’]*\s+\S*$|^\s*\S*$", text[unit_start:qs]):
                start = qs
    elif sep.group("punct") and sep.group("punct") in "?!":
        end = base + sep.end("punct")
    else:
        end = base + sep.start()
    while start < end and text[start].isspace():
        start += 1
    if end - start < 2 or not WORD.search(text, start, end):
        return None
    return start, end


def second_quote(text: str, pos: int, limit: int, quotes: Quotations) -> Pair | None:
    """The second half of a split quote: `"X," he said, "Y."`."""
    m = re.match(r"[^\"“”.;]{0,60}?,\s*(?=[\"“]|'')", text[pos:limit])
    if not m:
        return None
    q = quotes.starting_at(pos + m.end())
    return q


_CONTINUATION = re.compile(r",\s+(?=[a-z])")
# words that start an aside after `X said,` rather than the rest of the content
_ASIDE_START = frozenset("without adding saying noting citing according who which as and but while in on at after before when".split())


def continuation(text: str, pos: int, limit: int) -> Pair | None:
    """The rest of a sentence interrupted by its cue: `The move, he said, was the result of ...`."""
    m = _CONTINUATION.match(text, pos, limit)
    if not m:
        return None
    first = WORD.match(text, m.end(), limit)
    if not first or first.group() in _ASIDE_START or first.group().endswith("ing"):
        return None
    end = trim_end(text, m.end(), limit)
    return (m.end(), end) if end - m.end() > 2 else None
