"""Clause-level corrections after the merge: coordinated cues and parenthetical attributions."""

from __future__ import annotations

import re
from bisect import bisect_left

from .grammar import trim_end
from .lexicon import addressee_verbs
from .merge import in_order
from .overlaps import SpanIndex

_COORDINATED = re.compile(r",?\s+(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+)?$")


def split_coordinated(text: str, candidates: list) -> list:
    """`Moreno urged Democrats to act, and criticized the council`: a cue coordinated right after
    another attribution's content, without a subject of its own, is an attribution of the same
    source (not of the first verb's object), and that content stops before the conjunction."""
    # A host's content runs up to the conjunction (or to commas and spaces before it); contents
    # only ever shrink here, so the hosts worth reading are found by where their content ended.
    last = sorted((h.content[-1][1], i) for i, h in enumerate(candidates) if h.content)
    ends = [b for b, _ in last]
    longest = max((h.content[-1][1] - h.content[-1][0] for h in candidates if h.content), default=0)
    for d in candidates:
        conj = _COORDINATED.search(text, max(0, d.cue[0] - 40), d.cue[0])
        if conj is None:
            continue
        at = conj.start()
        gap = at
        while gap > 0 and text[gap - 1] in " ,;":
            gap -= 1
        lo, hi = bisect_left(ends, gap), bisect_left(ends, at + longest + 1)
        for i in sorted(i for _, i in last[lo:hi]):
            h = candidates[i]
            if h is d or not h.content or h.parent is not None or h.source is None or h.cue[1] > at:
                continue
            a, b = h.content[-1]
            if not a < at <= b and not (b < at and b >= gap):
                continue
            if b > at:
                h.content[-1] = (a, trim_end(text, a, at))
            if d.parent is not None and candidates[d.parent] is h:
                d.parent = None
            if d.source is None or h.cue[1] <= d.source[0] < d.cue[0]:
                d.source = h.source  # the object of the first verb (`urged Democrats`) is no subject
            break
    return in_order(candidates)


_COMMA_END = re.compile(r",\s*$")
_QUOTE_START = re.compile(r"\s*(?:[“\"‘]|'')")


def parenthetical(text: str, candidates: list, units) -> None:
    """`In law school, she said, professors would dismiss her proposals`: an attribution set
    off by commas inside its clause also reports the words before it (not before a quotation:
    `In a statement, he said, "..."`)."""
    cues = SpanIndex([c.cue for c in candidates])
    for c in candidates:
        if c.parent is not None or c.source is None or not c.content or c.content[0][0] < c.cue[1]:
            continue
        start = units[c.unit].start
        while start < c.source[0] and text[start].isspace():
            start += 1
        if not _COMMA_END.search(text, start, c.source[0]) or not text.startswith(",", c.cue[1]):
            continue
        if _QUOTE_START.match(text, c.content[0][0]) or _QUOTE_START.match(text, start):
            continue
        if any(candidates[k] is not c for k in cues.starting_in(start, c.source[0])):
            continue  # the words before are another attribution's
        end = trim_end(text, start, c.source[0])
        if end > start:
            c.content.insert(0, (start, end))


_DISCOURSE_LEAD = re.compile(r"(?:(?:But|And|Yet|Still|Meanwhile|So)\b,?|(?:However|Instead|Indeed|Moreover|Meanwhile),)\s+")


def without_discourse_lead(text: str, candidates: list) -> None:
    """`But the goal is not revenue, according to X`: a sentence's opening `But` / `And` /
    `However,` links it to the one before and is no part of the content read before the cue
    (189 of 236 such contents in PolNeAR train leave it out)."""
    for c in candidates:
        if c.pattern in ("label", "headline", "dash_quote"):
            continue
        frags = []
        for a, b in c.content:
            m = _DISCOURSE_LEAD.match(text, a, b) if b <= c.cue[0] else None
            frags.append((m.end(), b) if m and b - m.end() > 2 else (a, b))
        c.content = frags


_ADDRESSEE_WORD = re.compile(r"\s*([\w.’'-]+|[“\"][^”\"\n]{1,30}[”\"])")
# words that start a clause or a complement of their own (`told his aides to find out how`): no addressee
_CLAUSE_WORDS = frozenset("to i he she they it we you there is was are were has have had will would could can do does did".split())


def without_addressee(text: str, candidates: list) -> None:
    """`told reporters on Friday that ...`, `urged Congress to ...`: the person told, right after
    the cue, is no part of the content, which opens at `that` / `to` / `how` / ...
    (`addressee_verbs.tsv`; up to eight words, none a pronoun or an auxiliary)."""
    verbs = addressee_verbs()
    for c in candidates:
        if not c.content or c.pattern in ("label", "headline", "dash_quote"):
            continue
        a, b = c.content[0]
        words = text[c.cue[0]:c.cue[1]].lower().split()
        lemma = c.lemma if c.lemma in verbs else " ".join(words[-2:]) if " ".join(words[-2:]) in verbs else None
        if lemma is None or a < c.cue[1] or text[c.cue[1]:a].strip():
            continue
        pos, seen = a, 0
        while seen <= 8:
            m = _ADDRESSEE_WORD.match(text, pos, b)
            if m is None:
                break
            word = m.group(1).lower()
            if seen and word in verbs[lemma]:
                start = m.end() if word == "of" else m.start(1)
                c.content[0] = (start, b)
                break
            if word in _CLAUSE_WORDS or word in verbs[lemma]:
                break
            pos, seen = m.end(), seen + 1


# a short conjunct opening the clause before a source (`Federal and state officials`)
_CONJUNCT_BEFORE = re.compile(r"(?:^|(?<=[,;:“\"\n]\s)|(?<=\n))((?:[\w’'.-]+\s+){0,2}[\w’'.-]+\s+and\s+)$")
_VERB_LIKE = re.compile(r"\b(?:[a-z]+ed|said|says|is|was|are|were|has|have|had|will|would|with|in|on|at|for|of|by|from|to)\b")  # a clause or a phrase, no conjunct


def with_conjunct(text: str, candidates: list, units) -> None:
    """`Federal and state officials say ...`, `RT and its defenders argue ...`: a source read from
    its last conjunct takes the short conjunct that opens the clause before it."""
    for c in candidates:
        if c.source is None or c.source[1] > c.cue[0]:
            continue
        start = units[c.unit].start
        m = _CONJUNCT_BEFORE.search(text, start, c.source[0])
        if m and not _VERB_LIKE.search(m.group(1)):
            c.source = (m.start(1), c.source[1])


_NEXT_WORD = re.compile(r"\s+([\w’'-]+)")
# where the noun phrase after a lone `The` / `A` ends: a verb, an adverb or a preposition other than `of`
_PHRASE_END = frozenset(
    "is was are were has have had will would can could did does do may might must should "
    "also later then still now in on at for from by with to during after before since as that who which "
    "began took made said told wrote gave went came saw sent spoke thought knew found put left ran got kept brought".split()
)


def with_whole_subject(text: str, candidates: list) -> None:
    """`The senator spoke ...`: the rules' clause subject stops at a capitalized determiner; the
    source runs on to the noun before the verb (`The billionaire businessman began ...`), when
    that comes within four words (left as the tagger read it otherwise)."""
    for c in candidates:
        if c.source is None or text[c.source[0]:c.source[1]] not in ("The", "A", "An"):
            continue
        end, n = c.source[1], 0
        while n <= 4:
            m = _NEXT_WORD.match(text, end)
            if m is None:
                break
            word = m.group(1)
            if word.lower() in _PHRASE_END or word.endswith(("ed", "ly")) or m.start(1) >= c.cue[0] > c.source[0]:
                if n:
                    c.source = (c.source[0], end)
                break
            if not word[0].islower() and not word[0].isdigit():
                break
            end, n = m.end(), n + 1
