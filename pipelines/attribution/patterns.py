"""Sentence patterns that tie a cue to its source and content spans.

Each function looks at one cue match inside one unit (a sentence, or several
when a quotation runs across them) and returns a `Candidate` or None.
Offsets are absolute positions in the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import cue_pattern
from .grammar import (
    ADJUNCT_START,
    INTRO,
    PREPOSITIONS,
    PREPS,
    SHORT_ADJUNCT,
    SUBORDINATORS,
    WORD,
    trim_end,
)
from .lexicon import words
from .names import is_name_word
from .sources import source_after

Pair = tuple[int, int]


@dataclass(slots=True)
class Candidate:
    unit: int
    cue: Pair
    lemma: str
    source: Pair | None
    content: list[Pair]
    pattern: str
    channel: str | None = None
    parent: int | None = None
    extra: dict = field(default_factory=dict)


_SEP_BEFORE_CUE = re.compile(r"(?:(?P<punct>[,?!])(?P<q1>[\"”’']*)|(?P<q2>[\"”]|''))\s*$")


_SEP_SRC_BEFORE_CUE = re.compile(
    r"(?:(?P<punct>[,?!])(?P<q1>[\"”’']*)|(?P<q2>[\"”]|'')|\s(?P<dash>[—–]))\s+(?P<src>[^,;:\"“”()]{1,90}?(?:\s*\([^()]{1,30}\))?)\s*$"
)


def ends_clause(text: str, pos: int, limit: int) -> bool:
    """Whether a trailing cue (or its inverted source) ending at `pos` closes its
    clause: end of unit, punctuation, or a short adjunct or addressee
    (`told CNN.`, `said Tuesday,`, `said in a statement.`) without new content."""
    rest = text[pos:limit]
    if re.match(r"\s*(?:[.,;!?()\u2014\u2013]|$)", rest):
        return True
    head = re.match(r"[^.,;!?\"“”:]*", rest).group()
    words = WORD.findall(head)
    if len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() or w.lower() in SHORT_ADJUNCT for w in words):
        after = rest[len(head):len(head) + 2]
        return after[:1] in ".,;!?" or not after.strip()
    if words and words[0] in ADJUNCT_START | (PREPOSITIONS - {"to", "of", "about", "for", "with"}) | {"without", "as", "when", "while", "following"}:
        return not INTRO.search(rest.split(",")[0])
    return False


# headline kickers before a colon that are no speaker (not `Poll:`: PolNeAR marks the poll as the
# headline's source)
_KICKER = re.compile(
    r"\s*(?:The Latest|Latest|Breaking|Breaking News|Exclusive|EXCLUSIVE|Watch|WATCH|Look|Just Leaked|Paid Notice|Update|UPDATE|"
    r"Analysis|Opinion|Editorial|Video|VIDEO|Photos|Fact Check|Live|Timeline|Explainer|Review|Updated|UPDATED)\s*:"
)


def is_kicker(label: str) -> bool:
    """Whether `label` (up to its colon) is a headline kicker (`The Latest:`), no speaker."""
    return bool(_KICKER.fullmatch(label))


def headline(text: str, start: int, end: int) -> tuple[Pair, Pair, Pair] | None:
    """(source, cue, content) of `'Quote' on X: Speaker` or `Speaker: Quote`."""
    line = text[start:end]
    if _KICKER.match(line):
        return None
    m = re.match(r"^(?P<con>.+?)\s*(?P<cue>:)\s+(?P<src>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)\s*$", line)
    if m and len(m.group("con").split()) >= 2:
        return ((start + m.start("src"), start + m.end("src")), (start + m.start("cue"), start + m.end("cue")),
                (start + m.start("con"), start + m.end("con")))
    m = re.match(r"^(?P<src>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*)(?P<cue>:)\s+(?P<con>.+?)\s*$", line)
    if m and not _names_someone(m.group("src")) and m.group("src").split()[-1].lower() not in words("document_sources.txt"):
        return None  # `READ MORE: ...`, `Delegate Update: ...`: a link line or a kicker, not `Poll: ...`
    if m and len(m.group("con").split()) >= 2:
        con_end = trim_end(text, start + m.start("con"), start + m.end("con"))
        return ((start + m.start("src"), start + m.end("src")), (start + m.start("cue"), start + m.end("cue")),
                (start + m.start("con"), con_end))
    return None


# `Trump speaks to Putin, says Ukraine talks to start`: a headline's second predicate, its subject the headline's
_HEADLINE_SUBJECT = re.compile(r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*(?=\s+[a-z]+s\b)")
_HEADLINE_SECOND_CUE = re.compile(r",\s+(?P<cue>[a-z]+s)\s+(?P<con>\S.*?)\s*$")


def headline_second_predicate(text: str, start: int, end: int, verbs) -> tuple[Pair, Pair, Pair] | None:
    """(source, cue, content) of `Trump speaks to Putin, says Ukraine talks to start 'immediately'`:
    a headline that opens with a name and a verb in the present, then after a comma a present-tense
    reporting verb (one of `verbs`) with no subject of its own."""
    subject = _HEADLINE_SUBJECT.match(text, start, end)
    if not subject:
        return None
    m = _HEADLINE_SECOND_CUE.search(text[subject.end():end])
    if not m or m.group("cue") not in verbs or "," in text[subject.end():subject.end() + m.start()]:
        return None
    if len(m.group("con").split()) < 3:
        return None  # `Economy grows, says report`: the source after the verb
    base = subject.end()
    return (subject.span(), (base + m.start("cue"), base + m.end("cue")),
            (base + m.start("con"), trim_end(text, base + m.start("con"), base + m.end("con"))))


_ABOUT = re.compile(r"\s+(?:about|of)\s")  # `"...," Cruz said about the article alleging that ...`: what he said about it
_TOLD = re.compile(r"\btold$|\btells?$")
_QUOTE_NEXT = re.compile(r"\s*[,:]?\s*(?:[\"“]|'')")
_NEW_CONTENT = re.compile(r"\s*(?::|\bthat\b)|[^.,;]{0,60}?\bthat\b")


def sep_before_cue(text: str, unit_start: int, cue_start: int, cue_end: int, unit_end: int):
    """(kind, match, base) of the separator ending content before a cue:
    `inverted` (`"...," said X`) or `trailing` (`"...," X said`)."""
    pre = text[unit_start:cue_start]
    m = _SEP_BEFORE_CUE.search(pre)
    # `"...," told The Washington Post` is never inverted: the noun after `told` is the one told
    if m and m.start() > 0 and not _TOLD.search(text, cue_start, cue_end):
        src = source_after(text, cue_end, unit_end)
        quoted = bool(m.group("q1") or m.group("q2"))
        if src and (ends_clause(text, src[1], unit_end) or quoted and not _NEW_CONTENT.match(text, src[1], unit_end)):
            return "inverted", m, unit_start
        return None
    m = _SEP_SRC_BEFORE_CUE.search(pre)
    # after a closing quote (`"...," Clinton said on ABC's "This Week"`) the cue ends
    # the clause unless `that` or a colon opens new content
    closes_quote = bool(m and (m.group("q1") or m.group("q2")))
    if closes_quote and _NEW_CONTENT.match(text, cue_end, unit_end) and not _ABOUT.match(text, cue_end, unit_end):
        return None
    if not closes_quote and not ends_clause(text, cue_end, unit_end):
        return None
    if not closes_quote and _QUOTE_NEXT.match(text, cue_end, unit_end):
        return None  # `After X accused him, he warned, "..."`: the quotation after the cue is the content
    if m and m.start() > 0:
        src = m.group("src")
        words = WORD.findall(src)
        if 1 <= len(words) <= 12 and not (words[0][0].islower() and words[0] in PREPS | SUBORDINATORS):
            verbish = re.search(r"\b(?:that|which|is|was|are|were|will|would|has|have|had|to|be|been)\b", src)
            if (not verbish or src.strip() in ("that",)) and not cue_pattern().search(src):
                return "trailing", m, unit_start
    return None


# interview transcripts: capitalized surnames (`BOULDUAN:`); PolNeAR marks the
# interviewer's `Q:` lines rarely, and title-case labels are more often headline
# kickers (`The Latest:`, `Look:`)
# who speaks in a transcript without a name (`MODERATOR:`, `UNIDENTIFIED MALE:`)
_LABEL_ROLES = frozenset("moderator male female man woman audience crowd announcer reporter question answer "
                         "interviewer protester protesters voice narrator".split())
_LABEL = re.compile(r"(?P<src>(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][A-Z’'-]+)(?P<cue>:)\s+(?=\S)")


def _names_someone(label: str) -> bool:
    """`BOULDUAN`, `SEN. WARREN`, `UNIDENTIFIED MALE`; not a link line or kicker (`READ MORE`, `WATCH`, `RELATED`):
    some word of the label is a name word of the name model, or a person's role."""
    words_ = [w[:1] + w[1:].lower() for w in label.split()]
    roles = _LABEL_ROLES | words("speaker_titles.txt")
    return any(is_name_word(w) for w in words_) or any(w.lower() in roles for w in words_)


_LINK_LINE = re.compile(r"[ \t]*(?P<label>[A-Z][A-Za-z’' ]{0,24}?)[ \t]*:[ \t]+\S")
_LINK_WORDS = frozenset({"read more", "related", "see also", "also read", "watch", "listen", "more", "video", "photos",
                         "recommended", "trending", "sponsored", "advertisement", "click here", "sign up", "subscribe"})


def navigation_line(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is a link or navigation line (`READ MORE: ...`, `WATCH: ...`,
    `Related: ...`): a label that names no one (all capitals) or is a link word, then a colon."""
    start = text.rfind("\n", 0, pos) + 1
    m = _LINK_LINE.match(text, start)
    if not m:
        return False
    label = m.group("label").strip()
    return label.lower() in _LINK_WORDS or label.isupper() and not _names_someone(label)


def heading_line(text: str, pos: int) -> bool:
    """Whether the line holding `pos` is a section heading: at most eight words, no lower-case letter
    (`FED TALK`, `ANALYST'S VIEWPOINT`)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:len(text) if end < 0 else end]
    return bool(line.strip()) and not any(ch.islower() for ch in line) and len(line.split()) <= 8


def speaker_label(text: str, start: int, end: int) -> tuple[Pair, Pair, Pair] | None:
    """(source, cue, content) of an interview line `BOULDUAN: You guys ...`: the speaker's turn
    is the rest of the paragraph (`start`, `end`: its first sentence)."""
    while start < end and text[start].isspace():
        start += 1
    quoted = text[start:start + 1] in ("\"", "“")
    if quoted:
        start += 1  # `"WALLACE: ...`: a transcript quoted turn by turn, each quotation left open
    m = _LABEL.match(text, start, end)
    if not m or not _names_someone(m.group("src")):
        return None
    cs = m.end()
    line_end = text.find("\n", cs)
    line_end = len(text) if line_end < 0 else line_end
    # in an open quotation the final period is inside it
    ce = len(text[cs:line_end].rstrip()) + cs if quoted else trim_end(text, cs, line_end)
    if ce - cs < 2:
        return None
    return (m.start("src"), m.end("src")), (m.start("cue"), m.end("cue")), (cs, ce)


_IN_POLL = re.compile(
    r"\b(?P<cue>[Ii]n)\s+(?P<src>(?:the|a|an|most|every|just about every|another|this|his|her|its|their|[A-Z0-9])[^,;:\"“”]{0,80}?"
    r"\b(?:poll|polls|survey|surveys|study|studies|analysis|tally|average|forecast|projection|report)\b[^,;:\"“”]{0,40}?)\s*(?=,)"
)


def in_poll(text: str, start: int, end: int) -> tuple[Pair, Pair, Pair] | None:
    """(source, cue, content) of `In a new Fox News poll, Trump leads ...` or `..., in the survey.`"""
    m = _IN_POLL.search(text, start, end)
    if not m:
        return None
    head = text[start:m.start()]
    if not head.strip():
        cs = m.end() + 1
        while cs < end and text[cs].isspace():
            cs += 1
        ce = trim_end(text, cs, end)
    elif re.search(r",\s*$", head) and re.match(r"\s*,?\s*[.!?]?\s*$", text[m.end():end]):
        cs = start
        while cs < end and text[cs].isspace():
            cs += 1
        ce = trim_end(text, cs, m.start())
    else:
        return None
    if ce - cs < 3:
        return None
    return (m.start("src"), m.end("src")), (m.start("cue"), m.end("cue")), (cs, ce)
