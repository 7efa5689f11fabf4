"""Candidates of one document: every cue tied to source and content spans."""

from __future__ import annotations

import re
from typing import Sequence

from ..records import Sentence
from . import patterns as P
from .cues import DETERMINERS, cue_pattern, lemma_and_class
from .quotes import Quotations
from .units import Unit, build_units

_PARTICIPLE_SOURCE = re.compile(
    r"(?:(?:The|the)\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*(?=\s+[a-z])|(?:He|She|They|It|I|We)\b"
)
_CHANNEL = re.compile(
    r"\s*(?:,\s*)?(?P<ch>(?:on|in|via)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|statement|interview|post|tweet|readout|email|e-mail|letter|speech|op-ed|press\s+release|Twitter|Facebook)(?:\s+(?:post|interview|statement|account))?)"
)
_COORDINATION = re.compile(r",?\s+(?:and|but)\s+(?:\w+ly\s+)?$")
_BETWEEN_CLAUSES = re.compile(r"(?:(?:,[\"”]?|;)\s*(?:while|but|and|as|whereas|although)?|\s(?:and|but|while|whereas))\s*$")


def _floating(text: str, unit: Unit, quotes: Quotations) -> tuple[int, int] | None:
    start, end = unit.start, unit.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    q = quotes.starting_at(start)
    if q and q[1] >= end - 1:
        return start, end
    return None


def _starts_paragraph(text: str, pos: int) -> bool:
    i = pos
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


def _one(text: str, units: list[Unit], ui: int, m: re.Match, quotes: Quotations, found: list, lo: int) -> P.Candidate | None:
    unit = units[ui]
    verb = m.group("verb")
    lemma, cls = lemma_and_class(verb)
    cue = (m.start(), m.end())
    before = text[max(unit.start, m.start() - 20):m.start()]
    prev_word = re.search(r"([\w’']+)\s*$", before)
    if lemma != "according to" and prev_word:
        w = prev_word.group(1).lower()
        if w in DETERMINERS - {"that"} or w == "to" or w.endswith(("’s", "'s")) and not m.group("aux"):
            return None
    if lemma == "according to":
        src = P.according_source(text, m.end(), unit.end)
        if not src:
            return None
        pre_end = m.start()
        while pre_end > unit.start and text[pre_end - 1] in " ,":
            pre_end -= 1
        pre_start = unit.start
        while pre_start < pre_end and text[pre_start].isspace():
            pre_start += 1
        frags = []
        if pre_end - pre_start > 2:
            frags.append((pre_start, pre_end))
        after = re.match(r"\s*,\s*", text[src[1]:unit.end])
        if after:
            cs = src[1] + after.end()
            ce = P.trim_end(text, cs, unit.end)
            if ce - cs > 2:
                frags.append((cs, ce))
        if not frags:
            return None
        return P.Candidate(ui, cue, lemma, src, frags, "according_to")
    if cls == "raising":
        # `Trump's supporters seemed equally unperturbed`: no source, the content is both sides
        subject = P.source_before(text, lo, m.start())
        complement = P.content_after(text, m.end(), unit.end, "object", lemma)
        if not subject or not complement:
            return None
        first = text[complement[0]:complement[1]].split()[0].lower()
        if first in P.PREPOSITIONS - {"to"}:
            return None  # `appeared on a show`: not a raising verb here
        return P.Candidate(ui, cue, lemma, None, [subject, complement], "raising")
    participle = verb.split()[0].endswith("ing")
    sep = None if participle else P.sep_before_cue(text, unit.start, m.start(), m.end(), unit.end)
    if sep:
        kind, sm, base = sep
        content = P.content_before(text, unit.start, sm, base, quotes)
        if content:
            if kind == "inverted":
                src = P.source_after(text, m.end(), unit.end)
                if not src:
                    return None
                tail = src[1]
            else:
                src = (base + sm.start("src"), base + sm.end("src"))
                tail = m.end()
            frags = [content]
            second = P.second_quote(text, tail, unit.end, quotes)
            if second:
                frags.append(second)
            ch = _CHANNEL.match(text, tail)
            return P.Candidate(ui, cue, lemma, src, frags, kind, channel=ch.group("ch") if ch else None)
    if participle:
        if not re.search(r"(?:,|\b(?:while|by|after|before|when|in))\s*$", text[unit.start:m.start()]):
            return None
        earlier = [c for c in found if c.parent is None and c.source and c.cue[0] < m.start()]
        src = earlier[-1].source if earlier else P.clause_subject(text, unit.start, m.start())
        if not src:
            return None
        content = P.content_after(text, m.end(), unit.end, cls, lemma, quotes)
        if not content:
            return None
        return P.Candidate(ui, cue, lemma, src, [content], "participle")
    if lemma == "call" and prev_word and prev_word.group(1).lower() in ("been", "was", "were", "is", "are", "be", "being", "so"):
        return None  # `has been called`, `so called`
    src = P.source_before(text, lo, m.start())
    if src and lemma == "call" and re.search(r"\b(?:show|film|movie|book|group|program|initiative|PAC|pac|song|album|series|plan|bill|company|firm|organization|culture|tweet|video|ad|party|movement|event|meeting|campaign|policy|strategy|website|site|app|game)$", text[src[0]:src[1]]):
        return None  # `a film called "X"`: a name, not a speaker
    if not src and re.search(r"\b(?:and|but)\s+$", text[lo:m.start()]):
        # `He said A and said B`: the second cue shares the first one's source
        earlier = [c for c in found if c.parent is None and c.source and c.cue[0] < m.start()]
        src = earlier[-1].source if earlier else P.clause_subject(text, unit.start, m.start())
    if not src:
        return None
    content = P.content_after(text, m.end(), unit.end, cls, lemma, quotes)
    if not content:
        return None
    ch = None
    between = text[m.end():content[0]]
    cm = _CHANNEL.match(between)
    if cm:
        ch = cm.group("ch")
    elif lemma == "tell" and between.strip():
        ch = "told " + re.sub(r"\s+(?:that|:)?\s*$", "", between.strip())
    return P.Candidate(ui, cue, lemma, src, [content], "source_first", channel=ch)


def _settle(text: str, found: list[P.Candidate]) -> list[P.Candidate]:
    """Cut a content where the next clause has its own speaker; nest the rest.

    Returns outer attributions in cue order, each followed by those nested in it.
    """
    found.sort(key=lambda c: c.cue[0])
    # `X said A, while Y said B`: the first content stops before the second clause
    for a, b in zip(found, found[1:]):
        if a.pattern != "source_first" or b.pattern != "source_first" or b.source is None:
            continue
        start, end = a.content[-1]
        if not start < b.source[0] < end:
            continue
        cut = _BETWEEN_CLAUSES.search(text, start, b.source[0])
        if cut:
            stop = cut.start() + 2 if text[cut.start() + 1:cut.start() + 2] in "\"”" else P.trim_end(text, start, cut.start())
            a.content[-1] = (start, stop)
    # nest each candidate in the smallest other candidate whose content holds its cue
    by_size = sorted(found, key=lambda c: c.content[-1][1] - c.content[0][0] if c.content else 0)
    for c in found:
        for host in by_size:
            if host is c or not host.content or not host.content[0][0] <= c.cue[0] < host.content[-1][1]:
                continue
            if c.source and not host.content[0][0] <= c.source[0] < host.content[-1][1]:
                # `X urged her to resign and said ...`: the host's content stops before `and`
                conj = _COORDINATION.search(text, host.content[-1][0], c.cue[0])
                if conj is None and c.pattern == "participle":
                    conj = re.compile(r",\s*$").search(text, host.content[-1][0], c.cue[0])
                if conj and host.content[-1][0] < conj.start():
                    host.content[-1] = (host.content[-1][0], P.trim_end(text, host.content[-1][0], conj.start()))
                else:
                    c.parent = -1  # cue inside a content, source outside it: a misreading
                break
            he = host.content[-1][1]
            c.content = [(a, min(b, he)) for a, b in c.content if a < he]
            c.parent = id(host) if c.content else -1
            break
    found = [c for c in found if c.parent != -1]
    alive = {id(c) for c in found}
    children: dict[int, list[P.Candidate]] = {}
    for c in found:
        if c.parent is not None and c.parent not in alive:
            c.parent = -1
        if c.parent is not None and c.parent != -1:
            children.setdefault(c.parent, []).append(c)
    ordered: list[P.Candidate] = []

    def visit(c: P.Candidate) -> None:
        ordered.append(c)
        for child in children.get(id(c), []):
            visit(child)

    for c in found:
        if c.parent is None:
            visit(c)
    return ordered


def extract_candidates(text: str, sentences: Sequence[Sentence]) -> tuple[list[P.Candidate], list[Unit]]:
    quotes = Quotations(text)
    units = build_units(sentences, quotes)
    out: list[P.Candidate] = []
    last_open: P.Candidate | None = None  # an attribution a floating quote may join
    pending: list[tuple[int, tuple[int, int]]] = []  # floating quotes waiting for the next attribution
    pattern = cue_pattern()
    for ui, unit in enumerate(units):
        found: list[P.Candidate] = []
        if unit.kind == "headline":
            h = P.headline(text, unit.start, unit.end)
            if h:
                found.append(P.Candidate(ui, h[1], "colon", h[0], [h[2]], "headline"))
        else:
            label = P.speaker_label(text, unit.start, unit.end) if _starts_paragraph(text, unit.start) else None
            if label:
                found.append(P.Candidate(ui, label[1], "colon", label[0], [label[2]], "label"))
            poll = P.in_poll(text, unit.start, unit.end)
            if poll:
                found.append(P.Candidate(ui, poll[1], "in", poll[0], [poll[2]], "in_document"))
            lo = unit.start  # a source never reaches back over an earlier cue
            for m in pattern.finditer(text, unit.start, unit.end):
                if quotes.containing(m.start()):
                    continue
                c = _one(text, units, ui, m, quotes, found, lo)
                if c:
                    found.append(c)
                    lo = m.end()
        if not found and unit.kind != "headline":
            floating = _floating(text, unit, quotes)
            if floating and last_open is not None:
                last_open.content.append(floating)
                last_open.extra["floating"] = last_open.extra.get("floating", 0) + 1
                continue
            if floating and (not pending or pending[0][0] == unit.paragraph_idx):
                pending.append((unit.paragraph_idx, floating))
                continue
        found = _settle(text, found)
        if pending:
            first = next((c for c in found if c.parent is None), None)
            # `"A." "B," he said.`: quotations just before a quoted attribution in its paragraph are its own
            if (first is not None and first.pattern in ("trailing", "inverted") and pending[0][0] == unit.paragraph_idx
                    and quotes.starting_at(first.content[0][0])):
                first.content[:0] = [span for _, span in pending]
                first.extra["floating"] = first.extra.get("floating", 0) + len(pending)
            pending = []
        ids = {id(c): len(out) + i for i, c in enumerate(found)}
        for c in found:
            if c.parent is not None:
                c.parent = ids[c.parent]
        out.extend(found)
        last_open = None
        for c in reversed([c for c in found if c.parent is None and c.content]):
            if quotes.within(c.content[-1][0], c.content[-1][1]):
                last_open = c  # the last quoted attribution: a floating quote after it is its own
                break
    return out, units
