"""Where a speaker's noun phrase starts and ends around a cue."""

from __future__ import annotations

import re

from .grammar import (
    PREPOSITIONS,
    ABBREV_END,
    ADJUNCT_START,
    ADVERBS,
    ASIDE,
    BOUNDARY,
    LEADING,
    MODALS,
    OPENING_PHRASE,
    PREPS,
    PRONOUNS,
    SOURCE_AFTER_STOP,
    SUBJECT,
    SUBORDINATORS,
    WORD,
    trim_end,
)

from .names import CLOSED_CLASS, common_word, is_name_word

Pair = tuple[int, int]

def clause_subject(text: str, start: int, end: int) -> Pair | None:
    """The subject at the start of a unit's main clause (`In Ohio, Clinton attacked ...`)."""
    while start < end and text[start].isspace():
        start += 1
    lead = LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    opening = OPENING_PHRASE.match(text, start, end)
    if opening:
        start = opening.end()
    m = SUBJECT.match(text, start, end)
    return (m.start(), m.end()) if m else None


def _last_boundary(text: str, lo: int, hi: int) -> int:
    """Start of the last clause in text[lo:hi] (after the last boundary mark)."""
    cut = lo
    for b in BOUNDARY.finditer(text, lo, hi):
        if b.end() < hi:
            cut = b.end()
    return cut


_FINITE_VERB = re.compile(r"\b(?:is|was|are|were|has|have|had|will|would|can|could|does|did|should|must)\b")
_ASIDE_WORDS = frozenset("who which whose where whom when while after before as because".split())


def is_aside(phrase: str) -> bool:
    """A relative clause, participle or prepositional phrase, not an appositive noun phrase."""
    first = phrase.split()[0] if phrase.split() else ""
    return (
        first in _ASIDE_WORDS
        or first in PREPOSITIONS
        or (first.islower() and first.endswith(("ing", "ed")))
    )


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
        aside = ASIDE.search(text, lo, end)
        if aside:
            end = aside.start()
            continue
        m = re.search(r"([\w’'-]+)$", text[max(lo, end - 30):end])
        if m and (m.group(1) in ADVERBS or m.group(1) in MODALS or (m.group(1).endswith("ly") and m.group(1).islower())):
            end -= len(m.group(1))
            while end > lo and text[end - 1].isspace():
                end -= 1
        else:
            break
    if end <= lo:
        return None
    # `X did A and said B`: the source is the subject of the first clause
    if re.search(r"(?:^|\s)(?:and|but)$", text[max(lo, end - 4):end]):
        # `During the 2012 election, Mitt Romney ran on ... and accused Obama`: past an opening phrase too
        return clause_subject(text, lo, end)
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
            if start is not None and len(WORD.findall(text[start:end])) <= 30:
                return start, end
    if text[end - 1] == ",":
        opening = text.rfind(", ", lo, end - 1)
        if opening > lo:
            head_start = _last_boundary(text, lo, opening)
            start = _clean_start(text, head_start, opening)
            if start is not None and is_aside(text[opening + 2:end - 1]):
                return start, opening  # `Cruz, who has seen his lead evaporate, said`: the name alone
            if start is not None and len(WORD.findall(text[start:end])) <= 30:
                return start, end
        end -= 1
    start = _clean_start(text, _last_boundary(text, lo, end), end)
    if start is None:
        return None
    pair = re.search(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)\s+and\s+$", text[max(lo, start - 60):start])
    if pair and text[start:start + 1].isupper():
        start -= len(pair.group(0))
    what = re.compile(r".*\bwhat\s+", re.S).match(text, start, end)
    if what:
        start = what.end()  # `since 2023 in what it says is`: the speaker is `it`
    if len(WORD.findall(text[start:end])) > 12 or not plausible_source(text[start:end]):
        return None
    return start, end


_NOT_A_SOURCE_END = re.compile(
    r"(?i:\b(?:be|been|being|is|was|are|were|am|the|a|an|not|to|had|has|have|would|will|could|should|can|may|might|must|than)$)"
)
_NUMBER_ONLY = re.compile(r"[\d.,%$£€\s]+(?:per\s*cent|percent)?")


_BLOCKED_SUBJECT = re.compile(
    r"(?:\b(?:been|being|be|the|a|an)|\d%|\d|\bper\s*cent)(?:\s+(?:\w+ly|first|twice|once|not|also))*\s*$", re.I
)


def subject_blocked(text: str, lo: int, hi: int) -> bool:
    """Whether the words before a cue at `hi` rule out a speaker: a passive (`Kyiv had not
    been told`), a noun phrase under way (`The call was the first publicly confirmed`), a
    bare figure (`86% supported`)."""
    return bool(_BLOCKED_SUBJECT.search(text[max(lo, hi - 40):hi]))


def plausible_source(phrase: str) -> bool:
    """False for what cannot be a speaker: a clause cut before its verb (`Kyiv had not
    been` told, `The call was the` ...), a bare number (`86%`), an infinitive (`not to be named`)."""
    phrase = phrase.strip(" ,")
    if not phrase or _NOT_A_SOURCE_END.search(phrase) or _NUMBER_ONLY.fullmatch(phrase):
        return False
    first = phrase.split()[0]
    return first not in ("not", "to", "be", "been")


def _clean_start(text: str, start: int, end: int) -> int | None:
    """Skip space, a leading conjunction or adverb and a gerund; None if nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    lead = LEADING.match(text, start, end)
    if lead:
        start = lead.end()
    gerund = re.match(r"[a-z]+ing\s+", text[start:end])
    if gerund:
        start += gerund.end()
    while start < end and text[start].isspace():
        start += 1
    if start >= end:
        return None
    words = WORD.findall(text[start:end])
    if not words or (words[0][0].islower() and words[0] in PREPS):
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
        m = SOURCE_AFTER_STOP.match(text, i)
        if m and i > start:
            if text[i] == "." and ABBREV_END.search(text[max(start, i - 5):i + 1]):
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
    # `said Dmitry Peskov, the Kremlin spokesman.`: an appositive that ends the sentence
    apo = re.match(r",\s+[^;:\"“”]+?(?=[.]?\s*$)", text[end:limit])
    if apo:
        end += apo.end()
    if _FINITE_VERB.search(text, start, text.find(",", start, end) if "," in text[start:end] else end):
        return None  # `..., said the race was over`: a clause, not a noun phrase
    words = WORD.findall(text[start:end])
    if words and words[0].lower() in PRONOUNS:
        end = start + len(words[0])
        words = words[:1]
    if not words or len(words) > 30:
        return None
    if words[0][0].islower() and (words[0] in PREPS or words[0] in ADJUNCT_START or words[0] in SUBORDINATORS):
        return None
    return start, end


def according_source(text: str, pos: int, limit: int) -> Pair | None:
    """The source after `according to`: up to the next comma or the sentence end."""
    start = pos
    while start < limit and text[start].isspace():
        start += 1
    m = re.compile(r",\s|;|\.(?=\s|$)|\s[—–]\s").search(text, start, limit)
    end = m.start() if m else limit
    while m and text[end] == "." and ABBREV_END.search(text[max(start, end - 5):end + 1]):
        m = re.compile(r",\s|;|\.(?=\s|$)|\s[—–]\s").search(text, end + 1, limit)
        end = m.start() if m else limit
    end = trim_end(text, start, end)
    if end <= start or len(WORD.findall(text[start:end])) > 25:
        return None
    return start, end


_NP_LEAD = re.compile(r"[“\"‘'(\s]+")
_QUANTIFIER = re.compile(r"(?i:at\s+(?:least|most)|about|nearly|almost|over|more\s+than)\s")  # `At least one GOP insider`
_DETERMINER_THAT = re.compile(r"(?i:that|this|these|those)\s+[a-z]")  # `That committee`: a determiner, not a subordinator


# `not`, `no` open a noun phrase (`Not everyone`, `No one`)
_NOT_NP_START = CLOSED_CLASS - {"not", "no", "who", "which", "that"} | {"who", "which", "including"}
# what follows a capitalised gerund that opens a clause, not a noun phrase (`Polling averages` is one)
_AFTER_PARTICIPLE = re.compile(r"\s*$|[\s,]+(?:(?:on|in|at|to|for|with|about|the|a|an|his|her|their|its|been|that)\b|[A-Z])")


# a past tense before its object or particle (`deleted a reference`, `stamped out calls`); not `leaked documents`
_VERB_PHRASE = re.compile(r"[a-z]+ed\s+(?:a|an|the|his|her|their|its|out|up|down|off|five|four|three|two|\d+)\b")


def _participle_clause(text: str, start: int, end: int) -> bool:
    """`Speaking on Fox News Sunday`, `Indicting Roger Stone`, `Having`: a gerund the press writes in lower case."""
    m = re.compile(r"[A-Za-z][a-z]+(?<!th)ing\b").match(text, start, end)
    after = m and _AFTER_PARTICIPLE.match(text, m.end(), end)
    if not after or m.group()[0].islower() and text[after.end() - 1:after.end()].isupper():
        return False  # `leading Democrats`: an adjective before a name
    # alone, only a gerund the press writes in lower case (not `Manning`); before more words, any unseen one too
    return common_word(m.group()) if after.end() == end else not is_name_word(m.group())


def noun_phrase(text: str, start: int, end: int) -> Pair | None:
    """The noun phrase of a source span: without an opening subordinator, conjunction,
    preposition or gerund (`When` asked, `As the Huffington Post` reported, `Speaking` on ...,
    `whether she` believed); None when nothing of a noun phrase is left (`If`, `In
    Wednesday's`) or when the span is a relative clause (`whose headquarters is in ...`)."""
    while True:
        lead = _NP_LEAD.match(text, start, end)
        if lead:
            start = lead.end()
        m = WORD.match(text, start, end)
        if not m:
            return None
        word = m.group().lower()
        if word in ("whose", "which") and text[m.end():end].strip(" ,"):
            return None  # `The NCAA, whose headquarters is in Indianapolis,`: a relative clause
        if _QUANTIFIER.match(text, start, end) or _DETERMINER_THAT.match(text, start, end):
            break
        if word in ("who", "which", "that") and not text[m.end():end].strip(" ,"):
            if m.group() == "That":
                return None  # `That cable summarized ...`: a determiner cut from its noun
            break  # `said Bloomberg, who added`: a relative pronoun alone is resolved later
        if _participle_clause(text, start, end) or _VERB_PHRASE.match(text, start, end):
            return None  # `Speaking on Fox News Sunday`, `Indicting Roger Stone`: a participle clause
        if word not in _NOT_NP_START:
            break
        start = m.end()
        if word in ("who", "whom") and text[start:end].strip(" ,"):
            return None  # `Who Criticized Trump`: a relative clause
    if text[start:end].strip(" ,").lower() in _NOT_NP_START - {"who", "which"}:
        return None
    return start, end
