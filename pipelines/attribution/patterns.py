"""Sentence patterns that tie a cue to its source and content spans.

Each function looks at one cue match inside one unit (a sentence, or several
when a quotation runs across them) and returns a `Candidate` or None.
Offsets are absolute positions in the document text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .cues import DETERMINERS, cue_pattern
from .quotes import Quotations

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


# Adverbs between a source and its verb, kept out of both spans.
_ADVERBS = frozenset(
    "separately again then already not never still all both "
    "privately reportedly first further simply flatly quickly earlier "
    "subsequently similarly likewise even still just only never frequently".split()
)
# Where a clause ends and the subject of the next one may start.
_BOUNDARY = re.compile(
    r"(?:(?<=,\s)(?:who|which|whom)\b|\b(?:in|of|for|to|with|by|from|on|at|under|through)\s+(?:which|whom)\b|[,;:(]|\s[—–―]|[\"”“]|\b(?:and|but|while|because|as|when|after|before|since|although|though|if|so|that|where|whereas|yet|until|or|than"
    r"|While|Because|When|After|Before|Since|Although|Though|If|Once|Until|Whereas|There|Here)\b)\s*"
)
_LEADING = re.compile(r"(?:(?:But|And|So|Yet|Still|Now|Then|Also|Meanwhile|However|Indeed|Instead|Recently|Earlier|Later|Today|Separately|Finally|Again|Previously|Yesterday|Last\s+\w+|On\s+\w+day|In\s+\w+|At\s+\w+|When\s+asked)\b,?\s+)+")
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|earlier\s+this\s+\w+)"
_PREPS = frozenset("on in at during to with from before after via through over onto about of for by".split())
PREPOSITIONS = _PREPS | frozenset("across near inside outside under behind since into upon".split())
_ADJUNCT_START = frozenset({"on", "in", "at", "during", "via", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                                     "yesterday", "today", "tonight", "last", "this", "earlier", "later", "recently",
                                     "late", "early", "again", "publicly", "privately", "repeatedly", "also", "then"})
_TIME_LEAD = re.compile(rf"\s*(?:on\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?,?\s+")
_INTRO = re.compile(r"(?<![\w’'])that\b|[\"“]|''|:\s")
_SEP_BEFORE_CUE = re.compile(r"(?:(?P<punct>[,?!])(?P<q1>[\"”’']*)|(?P<q2>[\"”]|''))\s*$")
_SEP_SRC_BEFORE_CUE = re.compile(
    r"(?:(?P<punct>[,?!])(?P<q1>[\"”’']*)|(?P<q2>[\"”]|'')|\s(?P<dash>[—–]))\s+(?P<src>[^,;:\"“”()]{1,90}?(?:\s*\([^()]{1,30}\))?)\s*$"
)
_SOURCE_AFTER_STOP = re.compile(
    rf"\s*(?:[,;:!?()\"“”]|\.(?:\s|$)|\s(?:in|on|at|during|after|before|when|while|as|to|of|about|adding|who|which|that|last|this|{_DAYS})\b|$)"
)
_ABBREV_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Jr|Sr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Adm|Prof|Rev|Inc|Corp|Co|Ltd|Bros|No|vs|etc|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|a\.m|p\.m)|\b[A-Z](?:\.[A-Z])*|\bU\.S)\.$"
)
_PRONOUNS = frozenset("he she they i we it you".split())
_SUBORDINATORS = frozenset("while but and as because when after before since although though if so that where whereas yet or".split())
_WORD = re.compile(r"[\w’'-]+")


def trim_end(text: str, start: int, end: int) -> int:
    """Where content ending at `end` stops: no trailing space or sentence-final
    period, comma or semicolon unless it sits inside the closing quote."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while end > start and text[end - 1] in ".,;:" and not _ABBREV_END.search(text[max(start, end - 6):end]):
        end -= 1
        while end > start and text[end - 1].isspace():
            end -= 1
    return end


_MODALS = frozenset("had has have would will did does do is was are were may might could can should must".split())
_ASIDE = re.compile(
    r"(?:,\s*(?:meanwhile|however|too|though|instead|in turn|in fact|of course|for example|for instance|at least|also|"
    r"for (?:his|her|their|its) part|in particular|at the time|in response)\s*,?"
    rf"|\s+(?:on\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?)\s*$"
)
_SUBJECT = re.compile(
    r"(?:(?:The|the)\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w.’'-]*(?=\s+[a-z])|(?:He|She|They|It|I|We)\b"
    r"|(?:The|A|An|Many|Some|Most|Other)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+(?=\s+(?:have|has|had|were|was|also|\w+ed)\b)"
)
_OPENING_PHRASE = re.compile(r"(?:In|At|On|During|After|Before|Speaking|Asked|Writing|With|For|Since|Despite|Earlier|Later|Last|This)\b[^,]{0,80},\s+")


def clause_subject(text: str, start: int, end: int) -> Pair | None:
    """The subject at the start of a unit's main clause (`In Ohio, Clinton attacked ...`)."""
    while start < end and text[start].isspace():
        start += 1
    lead = _LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    opening = _OPENING_PHRASE.match(text, start, end)
    if opening:
        start = opening.end()
    m = _SUBJECT.match(text, start, end)
    return (m.start(), m.end()) if m else None


def _last_boundary(text: str, lo: int, hi: int) -> int:
    """Start of the last clause in text[lo:hi] (after the last boundary mark)."""
    cut = lo
    for b in _BOUNDARY.finditer(text, lo, hi):
        if b.end() < hi:
            cut = b.end()
    return cut


def source_before(text: str, lo: int, hi: int) -> Pair | None:
    """The noun phrase that ends right before a cue at `hi`.

    Adverbs, modals and asides (`, meanwhile,`) between it and the cue are
    skipped; an appositive closed by a comma is kept with that comma, as
    PolNeAR marks it (`The author of the book, Mitchell Zuckoff,`).
    """
    end = hi
    while end > lo and text[end - 1].isspace():
        end -= 1
    while True:
        aside = _ASIDE.search(text, lo, end)
        if aside:
            end = aside.start()
            continue
        m = re.search(r"([\w’'-]+)$", text[max(lo, end - 30):end])
        if m and (m.group(1) in _ADVERBS or m.group(1) in _MODALS or (m.group(1).endswith("ly") and m.group(1).islower())):
            end -= len(m.group(1))
            while end > lo and text[end - 1].isspace():
                end -= 1
        else:
            break
    if end <= lo:
        return None
    # `X did A and said B`: the source is the subject of the first clause
    if re.search(r"(?:^|\s)(?:and|but)$", text[max(lo, end - 4):end]):
        first = lo
        while first < end and text[first].isspace():
            first += 1
        lead = _LEADING.match(text, first, end)
        m = _SUBJECT.match(text, lead.end() if lead else first, end)
        return (m.start(), m.end()) if m else None
    if text[end - 1] == ")":
        # `Sen. Elizabeth Warren (D-MA) said`
        open_at = text.rfind("(", lo, end)
        if open_at > lo:
            inner = source_before(text, lo, open_at)
            return (inner[0], end) if inner else None
    if text[end - 1] in "—–" and text[end - 2:end - 1].isspace():
        opening = max(text.rfind(" — ", lo, end - 2), text.rfind(" – ", lo, end - 2))
        if opening > lo:
            start = _clean_start(text, _last_boundary(text, lo, opening), opening)
            if start is not None and len(_WORD.findall(text[start:end])) <= 30:
                return start, end
    if text[end - 1] == ",":
        opening = text.rfind(", ", lo, end - 1)
        if opening > lo:
            head_start = _last_boundary(text, lo, opening)
            start = _clean_start(text, head_start, opening)
            if start is not None and len(_WORD.findall(text[start:end])) <= 30:
                return start, end
        end -= 1
    start = _clean_start(text, _last_boundary(text, lo, end), end)
    if start is None:
        return None
    pair = re.search(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+and\s+$", text[max(lo, start - 60):start])
    if pair and text[start:start + 1].isupper():
        start -= len(pair.group(0))
    if len(_WORD.findall(text[start:end])) > 12:
        return None
    return start, end


def _clean_start(text: str, start: int, end: int) -> int | None:
    """Skip space, a leading conjunction or adverb and a gerund; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    lead = _LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    gerund = re.match(r"[a-z]+ing\s+", text[start:end])
    if gerund:
        start += gerund.end()
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    words = _WORD.findall(text[start:end])
    if not words or (words[0][0].islower() and words[0] in _PREPS):
        return None
    return start


def source_after(text: str, pos: int, limit: int) -> Pair | None:
    """The noun phrase right after an inverted cue (`..., said Donald Trump.`)."""
    start = pos
    while start < limit and text[start].isspace():
        start += 1
    if start >= limit:
        return None
    i = start
    while i < limit:
        m = _SOURCE_AFTER_STOP.match(text, i)
        if m and i > start:
            if text[i] == "." and _ABBREV_END.search(text[max(start, i - 5):i + 1]):
                i += 1
                continue
            break
        i += 1
    end = i
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    # `said Dick Durbin (D-Ill.)`, `said Dmitry Peskov, the Kremlin spokesman.`
    paren = re.match(r"\s*\([^()]{1,40}\)", text[end:limit])
    if paren:
        end += paren.end()
    rest = text[end:limit]
    apo = re.match(r",\s+[^;:\"“”]+?(?=[.]?\s*$)", rest)
    if apo:
        end += apo.end()
    words = _WORD.findall(text[start:end])
    if words and words[0].lower() in _PRONOUNS:
        end = start + len(words[0])
        words = words[:1]
    if not words or len(words) > 30:
        return None
    if words[0][0].islower() and (words[0] in _PREPS or words[0] in _ADJUNCT_START or words[0] in _SUBORDINATORS):
        return None
    return start, end


# words of a short addressee or time after a trailing cue (`told CNN.`, `said last week.`)
_SHORT_ADJUNCT = frozenset(
    "me him her them us you reporters supporters the a an his their its on in at last this next week night morning "
    "afternoon evening today yesterday tonight recently later earlier again then weekend month year ago".split()
)


def ends_clause(text: str, pos: int, limit: int) -> bool:
    """Whether a trailing cue (or its inverted source) ending at `pos` closes its
    clause: end of unit, punctuation, or a short adjunct or addressee
    (`told CNN.`, `said Tuesday,`, `said in a statement.`) without new content."""
    rest = text[pos:limit]
    if re.match(r"\s*(?:[.,;!?()\u2014\u2013]|$)", rest):
        return True
    head = re.match(r"[^.,;!?\"“”:]*", rest).group()
    words = _WORD.findall(head)
    if len(words) <= 6 and all(w[0].isupper() or w[0].isdigit() or w.lower() in _SHORT_ADJUNCT for w in words):
        after = rest[len(head):len(head) + 2]
        return after[:1] in ".,;!?" or not after.strip()
    if words and words[0] in _ADJUNCT_START | (PREPOSITIONS - {"to", "of", "about", "for", "with"}) | {"without", "as", "when", "while", "following"}:
        return not _INTRO.search(rest.split(",")[0])
    return False


def content_after(text: str, pos: int, limit: int, cls: str, lemma: str, quotes=None) -> tuple[int, int] | None:
    """Content that follows a cue ending at `pos`: from `that`, a quotation or
    a colon, or (for `free` verbs) right after the cue; None if there is none."""
    window = text[pos:min(limit, pos + 120)]
    intro = _INTRO.search(window)
    start = None
    if intro:
        gap = window[: intro.start()]
        gap_words = _WORD.findall(gap)
        first = gap_words[0] if gap_words else ""
        ok = not gap.strip() or gap.strip() == ","
        if not ok and len(gap_words) <= 10 and "." not in gap.replace("U.S.", ""):
            if lemma == "tell" or first in _ADJUNCT_START:
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
        m = _TIME_LEAD.match(text, pos)
        start = m.end() if m else pos
        while start < limit and text[start].isspace():
            start += 1
        words = _WORD.findall(text[start:limit])
        if cls == "object":
            if not words or text[start] in ",.;":
                return None
        elif len(words) < 2 or text[start] in ",.;" or words[0] in _PREPS or words[0] in ("to", "as"):
            return None
    dash = _QUOTE_THEN_DASH.search(text, start, limit)
    end = trim_end(text, start, dash.start() + 1 if dash else limit)
    end = cut_modifiers(text, start, end, quotes)
    if end <= start or not _WORD.search(text, start, end):
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
    if end - start < 2 or not _WORD.search(text, start, end):
        return None
    return start, end


def second_quote(text: str, pos: int, limit: int, quotes: Quotations) -> Pair | None:
    """The second half of a split quote: `"X," he said, "Y."`."""
    m = re.match(r"[^\"“”.;]{0,60}?,\s*(?=[\"“]|'')", text[pos:limit])
    if not m:
        return None
    q = quotes.starting_at(pos + m.end())
    return q


# headline kickers before a colon that are no speaker
_KICKER = re.compile(
    r"\s*(?:The Latest|Latest|Breaking|Breaking News|Exclusive|EXCLUSIVE|Watch|WATCH|Look|Just Leaked|Paid Notice|Update|UPDATE|"
    r"Analysis|Opinion|Editorial|Video|VIDEO|Photos|Poll|Fact Check|Live|Timeline|Explainer|Review)\s*:"
)


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
    if m and len(m.group("con").split()) >= 2:
        return ((start + m.start("src"), start + m.end("src")), (start + m.start("cue"), start + m.end("cue")),
                (start + m.start("con"), start + m.end("con")))
    return None


def sep_before_cue(text: str, unit_start: int, cue_start: int, cue_end: int, unit_end: int):
    """(kind, match, base) of the separator ending content before a cue:
    `inverted` (`"...," said X`) or `trailing` (`"...," X said`)."""
    pre = text[unit_start:cue_start]
    m = _SEP_BEFORE_CUE.search(pre)
    if m and m.start() > 0:
        src = source_after(text, cue_end, unit_end)
        if src and ends_clause(text, src[1], unit_end):
            return "inverted", m, unit_start
        return None
    if not ends_clause(text, cue_end, unit_end):
        return None
    m = _SEP_SRC_BEFORE_CUE.search(pre)
    if m and m.start() > 0:
        src = m.group("src")
        words = _WORD.findall(src)
        if 1 <= len(words) <= 12 and not (words[0][0].islower() and words[0] in _PREPS | _SUBORDINATORS):
            verbish = re.search(r"\b(?:that|which|is|was|are|were|will|would|has|have|had|to|be|been)\b", src)
            if (not verbish or src.strip() in ("that",)) and not cue_pattern().search(src):
                return "trailing", m, unit_start
    return None


def according_source(text: str, pos: int, limit: int) -> Pair | None:
    """The source after `according to`: up to the next comma or the sentence end."""
    start = pos
    while start < limit and text[start].isspace():
        start += 1
    m = re.compile(r",\s|;|\.(?=\s|$)|\s[—–]\s").search(text, start, limit)
    end = m.start() if m else limit
    while m and text[end] == "." and _ABBREV_END.search(text[max(start, end - 5):end + 1]):
        m = re.compile(r",\s|;|\.(?=\s|$)|\s[—–]\s").search(text, end + 1, limit)
        end = m.start() if m else limit
    end = trim_end(text, start, end)
    if end <= start or len(_WORD.findall(text[start:end])) > 25:
        return None
    return start, end


# interview transcripts: `Q:` and capitalized surnames (`BOULDUAN:`); title-case
# labels are more often headline kickers (`The Latest:`, `Look:`)
_LABEL = re.compile(r"(?P<src>Q|(?:[A-Z][\w.’'-]*\s+){0,2}[A-Z][A-Z’'-]+)(?P<cue>:)\s+(?=\S)")


def speaker_label(text: str, start: int, end: int) -> tuple[Pair, Pair, Pair] | None:
    """(source, cue, content) of an interview line `BOULDUAN: You guys ...`."""
    while start < end and text[start].isspace():
        start += 1
    m = _LABEL.match(text, start, end)
    if not m:
        return None
    cs = m.end()
    ce = trim_end(text, cs, end)
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