"""Candidates of one document: every cue tied to source and content spans."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from ..records import Sentence
from . import contents as C
from . import grammar as G
from . import patterns as P
from . import sources as S
from .lexicon import reporting_verbs
from .cues import DETERMINERS, cue_pattern, headline_cue_pattern, lemma_and_class
from .quotes import Quotations
from .units import Unit, build_units

# nouns that are named rather than speak (`a film called "X"`)
_NAMED_THING = re.compile(
    r"\b(?:show|film|movie|book|group|program|initiative|PAC|pac|song|album|series|plan|bill|company|firm|organization|"
    r"culture|tweet|video|ad|party|movement|event|meeting|campaign|policy|strategy|website|site|app|game)$"
)
_CHANNEL = re.compile(
    r"\s*(?:,\s*)?(?P<ch>(?:on|in|via)\s+(?:an?\s+|the\s+|his\s+|her\s+|their\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|statement|interview|post|tweet|readout|email|e-mail|letter|speech|op-ed|press\s+release|Twitter|Facebook)(?:\s+(?:post|interview|statement|account))?)"
)
# what may stand right before a bare base form used as a verb (`polls show`, `they say`, `I think`)
_BASE_FORM_SUBJECT = re.compile(
    r"(?i:I|we|you|they|who|that|which|also|still|often|now|to|do|did|does|will|would|can|could|may|might|should|must|not|never|and|or)"
    r"|[A-Za-z’'-]*[^s’'\W]s|[A-Z][\w.’'-]*"
)
_COORDINATION = re.compile(r",?\s+(?:and|but)\s+(?:\w+ly\s+)?$")
# Read reporting verbs in headlines too (`Obama Says ...`, `..., Doctor Says.`), not only `X: ...`,
# capitalized forms included.  Such candidates are marked `title_case` and left out of the
# tagger's features.
HEADLINE_VERBS = True
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


@dataclass(slots=True)
class CueMatch:
    """One cue found in a unit, with what the pattern functions need to read around it."""

    text: str
    unit: Unit
    unit_idx: int
    m: re.Match
    lemma: str
    cls: str
    quotes: Quotations
    found: list  # the candidates found earlier in the unit
    lo: int  # a source never reaches back over an earlier cue
    next_unit: Unit | None = None

    @property
    def cue(self) -> tuple[int, int]:
        return self.m.start(), self.m.end()

    def candidate(self, source, content, pattern, channel=None) -> P.Candidate:
        return P.Candidate(self.unit_idx, self.cue, self.lemma, source, content, pattern, channel=channel)

    def earlier_source(self):
        """The source of the last outer candidate before this cue, else the clause subject."""
        earlier = [c for c in self.found if c.parent is None and c.source and c.cue[0] < self.m.start()]
        if earlier:
            return earlier[-1].source
        return S.clause_subject(self.text, self.unit.start, self.m.start())


def _is_reporting_verb(text: str, unit: Unit, m: re.Match, lemma: str) -> bool:
    """False where the cue word is a noun or adjective here (`his claims`, `the TV show`)."""
    verb = m.group("verb")
    prev = re.search(r"([\w’']+)\s*$", text[max(unit.start, m.start() - 20):m.start()])
    if lemma != "according to" and prev:
        w = prev.group(1).lower()
        if w in DETERMINERS - {"that"} or w == "to" or w.endswith(("’s", "'s")) and not m.group("aux"):
            return False
        if verb.lower() == lemma and not m.group("aux") and not _BASE_FORM_SUBJECT.fullmatch(prev.group(1)):
            return False  # a bare base form needs a plural or pronoun subject (`polls show`)
        if lemma in ("find", "show") and w in ("helped", "help", "is", "are", "was", "were", "be", "been", "being"):
            return False  # `helped found`, `were found slain`
        if lemma == "call" and w in ("been", "was", "were", "is", "are", "be", "being", "so"):
            return False  # `has been called`, `so called`
    if re.match(r"\s+not\s+to\s+be\s+(?:named|identified)", text[m.end():m.end() + 30]):
        return False  # `who asked not to be named`
    return not re.match(r"\s+delegates?\b", text[m.end():m.end() + 12])  # `pledged delegates`


def _according_to(c: CueMatch) -> P.Candidate | None:
    """`According to X, A.` / `A, according to X.` / `A, according to X, B.`"""
    text, unit = c.text, c.unit
    src = S.according_source(text, c.m.end(), unit.end)
    if not src:
        return None
    pre_end = c.m.start()
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
        ce = G.trim_end(text, cs, unit.end)
        if ce - cs > 2:
            frags.append((cs, ce))
    return c.candidate(src, frags, "according_to") if frags else None


def _raising(c: CueMatch) -> P.Candidate | None:
    """`Trump's supporters seemed equally unperturbed`: no source, the content is both sides."""
    subject = S.source_before(c.text, c.lo, c.m.start())
    complement = C.content_after(c.text, c.m.end(), c.unit.end, "object", c.lemma)
    if not subject or not complement:
        return None
    if c.text[complement[0]:complement[1]].split()[0].lower() in G.PREPOSITIONS - {"to"}:
        return None  # `appeared on a show`: not a raising verb here
    return c.candidate(None, [subject, complement], "raising")


def _content_first(c: CueMatch) -> P.Candidate | None:
    """`"A," X said.` (trailing) and `"A," said X.` (inverted), with `, "B."` after a split quote."""
    text, unit = c.text, c.unit
    sep = P.sep_before_cue(text, unit.start, c.m.start(), c.m.end(), unit.end)
    if not sep:
        return None
    kind, sm, base = sep
    content = C.content_before(text, unit.start, sm, base, c.quotes)
    if not content:
        return None
    if kind == "inverted":
        src = S.source_after(text, c.m.end(), unit.end)
        if not src:
            return None
        tail = src[1]
    else:
        src = (base + sm.start("src"), base + sm.end("src"))
        tail = c.m.end()
    frags = [content]
    second = C.second_quote(text, tail, unit.end, c.quotes) or C.continuation(text, tail, unit.end)
    if second:
        frags.append(second)
    ch = _CHANNEL.match(text, tail)
    return c.candidate(src, frags, kind, ch.group("ch") if ch else None)


def _participle(c: CueMatch) -> P.Candidate | None:
    """`X did A, saying B`: the source is the earlier speaker or the clause subject."""
    if not re.search(r"(?:,|\b(?:while|by|after|before|when|in))\s*$", c.text[c.unit.start:c.m.start()]):
        return None
    src = c.earlier_source()
    content = C.content_after(c.text, c.m.end(), c.unit.end, c.cls, c.lemma, c.quotes) if src else None
    return c.candidate(src, [content], "participle") if content else None


_INTRO_TAIL = re.compile(r"[^“”\"\n:;.]{1,100}:\s*")


def _source_first(c: CueMatch) -> P.Candidate | None:
    """`X said (that) A`, `X told Y that A`, `X said on Truth Social that A`."""
    text = c.text
    if S.subject_blocked(text, c.unit.start, c.m.start()):
        return None
    src = S.source_before(text, c.lo, c.m.start())
    if src and c.lemma == "call" and _NAMED_THING.search(text, src[0], src[1]):
        return None  # `a film called "X"`: a name, not a speaker
    if not src and re.search(r"\b(?:and|but)\s+$", text[c.lo:c.m.start()]):
        src = c.earlier_source()  # `He said A and said B`: the second cue shares the source
    if not src and c.cls not in ("free", "object"):
        return None
    content = C.content_after(text, c.m.end(), c.unit.end, c.cls, c.lemma, c.quotes)
    if not content and c.next_unit is not None and (
        re.fullmatch(r"\s*:?\s*", text[c.m.end():c.unit.end])
        # `Trump responded to the allegations in a statement on Friday:` and a quotation as the next paragraph
        or _INTRO_TAIL.fullmatch(text, c.m.end(), c.unit.end) and text[c.next_unit.start:c.next_unit.start + 1] in "“\""
    ):
        # `Hewitt writes:` and the quoted passage as the next paragraph
        start, end = c.next_unit.start, G.trim_end(text, c.next_unit.start, c.next_unit.end)
        content = (start, end) if end > start else None
    if not content:
        return None
    between = text[c.m.end():content[0]]
    cm = _CHANNEL.match(between)
    ch = cm.group("ch") if cm else None
    if ch is None and c.lemma == "tell" and between.strip():
        ch = "told " + re.sub(r"\s+(?:that|:)?\s*$", "", between.strip())
    return c.candidate(src, [content], "source_first", ch)


def _one(c: CueMatch) -> P.Candidate | None:
    """The first pattern that reads the cue, in order of reliability."""
    if c.lemma == "according to":
        return _according_to(c)
    if c.cls == "raising":
        return _raising(c)
    if c.m.group("verb").split()[0].endswith("ing") and not c.m.group("aux"):
        return _participle(c)
    if c.cls == "object":  # `Dan Backer, the fund's lawyer, has rejected the label`: no content before
        return _source_first(c)
    return _content_first(c) or _source_first(c)


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
            stop = cut.start() + 2 if text[cut.start() + 1:cut.start() + 2] in "\"”" else G.trim_end(text, start, cut.start())
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
                    host.content[-1] = (host.content[-1][0], G.trim_end(text, host.content[-1][0], conj.start()))
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


def _within_turn(found: list[P.Candidate]) -> list[P.Candidate]:
    """A speaker label first; the other cues of its unit read nothing before its words."""
    label, rest = found[0], found[1:]
    start = label.content[0][0]
    for c in rest:
        c.content = [(max(a, start), b) for a, b in c.content if b > start]
    return [label] + [c for c in rest if c.content]


def _continued_turn(text: str, unit: Unit, label: P.Candidate) -> bool:
    """Whether a paragraph goes on with a quoted speaker turn (`"PENCE: ...` then `"But ...`),
    as a further fragment of its content."""
    if text[label.source[0] - 1:label.source[0]] not in ("\"", "“") or not _starts_paragraph(text, unit.start):
        return False
    if text[unit.start:unit.start + 1] not in "\"“" or text[unit.start + 1:unit.start + 2] in "([" or P.speaker_label(text, unit.start, unit.end):
        return False  # not `"(CROSSTALK.)`: a transcript's stage direction
    line_end = text.find("\n", unit.start)
    line_end = len(text) if line_end < 0 else line_end
    end = unit.start + 1 + len(text[unit.start + 1:line_end].rstrip())
    if end - unit.start < 3:
        return False
    label.content.append((unit.start + 1, end))
    return True


def extract_candidates(text: str, sentences: Sequence[Sentence]) -> tuple[list[P.Candidate], list[Unit]]:
    quotes = Quotations(text)
    units = build_units(sentences, quotes)
    out: list[P.Candidate] = []
    last_open: P.Candidate | None = None  # an attribution a floating quote may join
    pending: list[tuple[int, tuple[int, int]]] = []  # floating quotes waiting for the next attribution
    pattern = cue_pattern()
    headline_pattern = headline_cue_pattern()
    title_pattern = headline_cue_pattern(capitalized_only=True)
    turn: int | None = None  # the index in `out` of a speaker label whose turn holds this unit
    for ui, unit in enumerate(units):
        found: list[P.Candidate] = []
        label = None
        if turn is not None and not unit.start < out[turn].content[-1][1]:
            turn = turn if _continued_turn(text, unit, out[turn]) else None
        h = P.headline(text, unit.start, unit.end) if unit.kind == "headline" or ui == 0 else None
        second = (P.headline_second_predicate(text, unit.start, unit.end, reporting_verbs())
                  if unit.kind == "headline" and not h else None)
        if h:
            found.append(P.Candidate(ui, h[1], "colon", h[0], [h[2]], "headline"))
        elif second:
            cue = text[second[1][0]:second[1][1]]
            found.append(P.Candidate(ui, second[1], reporting_verbs()[cue][0], second[0], [second[2]], "headline",
                                     extra={"title_case": True}))
        elif unit.kind != "headline" or HEADLINE_VERBS:
            if unit.kind != "headline":
                label = P.speaker_label(text, unit.start, unit.end) if _starts_paragraph(text, unit.start) else None
                if label:
                    found.append(P.Candidate(ui, label[1], "colon", label[0], [label[2]], "label"))
                    turn = None
                poll = P.in_poll(text, unit.start, unit.end)
                if poll:
                    found.append(P.Candidate(ui, poll[1], "in", poll[0], [poll[2]], "in_document"))
            lo = unit.start  # a source never reaches back over an earlier cue
            # a headline: its capitalized verbs (`Obama Says`; `Trump speaks to Putin, says ...` is
            # left to the tagger); the first line, the title where the segmenter was given none: any
            title_case = unit.kind == "headline" or ui == 0
            use = title_pattern if unit.kind == "headline" else headline_pattern if ui == 0 else pattern
            for m in use.finditer(text, unit.start, unit.end):
                if quotes.containing(m.start()):
                    continue
                lemma, cls = lemma_and_class(m.group("verb"))
                if not _is_reporting_verb(text, unit, m, lemma):
                    continue
                following = units[ui + 1] if ui + 1 < len(units) else None
                c = _one(CueMatch(text, unit, ui, m, lemma, cls, quotes, found, lo, following))
                if c and title_case and (unit.kind == "headline" or m.group("verb") not in reporting_verbs()):
                    c.extra["title_case"] = True  # not among the tagger's features: see HEADLINE_VERBS
                if c:
                    found.append(c)
                    lo = m.end()
        if label:
            found = _within_turn(found)
        if turn is not None:
            # the rest of a speaker's turn: what is said in it is nested in it
            found = _settle(text, found)
            ids = {id(c): len(out) + i for i, c in enumerate(found)}
            for c in found:
                c.parent = turn if c.parent is None else ids[c.parent]
            out.extend(found)
            continue
        if not found and unit.kind != "headline":
            floating = _floating(text, unit, quotes)
            if floating and last_open is not None:
                if floating[0] >= last_open.content[-1][1]:  # not already its content (`X writes:` + passage)
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
                    and quotes.starting_at(first.content[0][0]) and pending[-1][1][1] <= first.content[0][0]):
                first.content[:0] = [span for _, span in pending]
                first.extra["floating"] = first.extra.get("floating", 0) + len(pending)
            pending = []
        ids = {id(c): len(out) + i for i, c in enumerate(found)}
        for c in found:
            if c.parent is not None:
                c.parent = ids[c.parent]
        if label:
            turn = ids[id(found[0])]
        out.extend(found)
        last_open = None
        for c in reversed([c for c in found if c.parent is None and c.content]):
            if quotes.within(c.content[-1][0], c.content[-1][1]):
                last_open = c  # the last quoted attribution: a floating quote after it is its own
                break
    return out, units
