"""How the tagger's attributions and the rules' combine: `merge(text, candidates, units, tagged)`.

The rules' candidates are kept where the tagger confirms their cue (or their
pattern is reliable alone), take the tagger's content, source and a longer cue;
the tagger's attributions on cues the rules missed are added after the rules'
own checks.  Pure functions over `patterns.Candidate` and `learned.Tagged`.
"""

from __future__ import annotations

import re

from .contents import content_after
from .grammar import ADVERBS, DAYS, PREPOSITIONS, trim_end
from .lexicon import reporting_verbs, words
from .overlaps import SpanIndex
from .patterns import Candidate, is_kicker
from .units import unit_at
from .sources import clause_subject, plausible_source, source_after, source_before, subject_blocked

# How the tagger's reading merges with the rules' (each setting chosen on PolNeAR dev with
# bench/attribution_eval.py; the figures are in the commit history):
# KEEP_UNCONFIRMED_RULES keeps a rules attribution the tagger does not confirm, except for the
#   patterns in DROP_UNCONFIRMED;
# MIN_NEW_CONFIDENCE: the mean marginal from which a tagger-only attribution is added (0: Viterbi's);
# TAGGER_SOURCE: the tagger's source where the rules have none, or ("always"), for
#   TAGGER_SOURCE_PATTERNS, over the rules' own (an ending adverb, aside or time trimmed); never for
#   a raising verb (`Trump appears to ...`: the author's claim) unless a reporting verb or an
#   intention follows it (`appeared to suggest`, `appears set to veto`);
# TAGGER_CUE: the tagger's cue where it starts earlier ("start") or always ("all");
# NEW_NEEDS_SOURCE: a tagger-only cue needs a source; a tagger-only cue ending in a preposition
#   needs to read as a stance toward a person or as a noun (`_stance_toward`);
# TAGGER_CONTENT: the tagger's content for every pattern ("always");
# TAGGER_RULES_SOURCE: look for a tagger-only cue's missing source with the rules;
# UNNEST: a rules candidate whose host's final content no longer holds its cue, or whose host
#   was dropped, becomes an outer attribution;
# SPLIT_COORDINATED, PARENTHETICAL, DISCOURSE_LEAD, ADDRESSEE, CONJUNCT, WHOLE_SUBJECT: the
#   `clauses` steps (coordinated cues; `A, she said, B`, both sides; an opening `But`; the person
#   told; a source read from its last conjunct; a lone `The` run on to its noun);
# PARTICIPLE_SOURCE: a tagged participle without a source takes the clause's subject;
# CONTENT_AROUND: a tagged cue with no content after it takes the clause before it, a passive
#   cue with `by` its agent.
KEEP_UNCONFIRMED_RULES = True
DROP_UNCONFIRMED = frozenset({"source_first", "raising"})
MIN_NEW_CONFIDENCE = 0.0
TAGGER_SOURCE = "always"
TAGGER_SOURCE_PATTERNS = frozenset({"source_first", "trailing", "inverted", "participle"})
NEW_NEEDS_SOURCE = False
TAGGER_CUE = "start"
TAGGER_RULES_SOURCE = False
UNNEST = True
SPLIT_COORDINATED = True
PARENTHETICAL = True
DISCOURSE_LEAD = True
ADDRESSEE = True
CONJUNCT = True
WHOLE_SUBJECT = True
CONTENT_AROUND = True
PARTICIPLE_SOURCE = True
_PREPOSITION_END = re.compile(r"\s(?:on|of|about|for|at|with|to|in)$")
_REPORTED_WORDS = re.compile(r"(?:that|whether|if|how|why|what|when|where|who|to)\b|[“\"'‘:]")
TAGGER_CONTENT = "always"


_CHANNEL_TAIL = re.compile(r"\s+(?:on|via)\s+\S")
_DETERMINER_START = re.compile(r"(?i:the|a|an|his|her|its|their|our|my|your|this|that|these|those)\s")


def _tagged_cue_ok(text: str, t) -> bool:
    """The checks the rules apply to a cue, on one the tagger found."""
    if _DETERMINER_START.match(text, t.cue[0]):
        return False  # `a phone call that marked ...`: a noun phrase, not a cue
    if re.match(r"\s+not\s+to\s+be\s+(?:named|identified)", text[t.cue[1]:t.cue[1] + 30]):
        return False  # `who asked not to be named`
    if t.source is not None and not plausible_source(text[t.source[0]:t.source[1]]):
        return False
    if text[t.cue[0]:t.cue[1]] == ":" and t.source is not None and is_kicker(text[t.source[0]:t.cue[1]]):
        return False  # `The Latest: ...`: a headline kicker, no speaker
    line_start = text.rfind("\n", max(0, t.cue[0] - 41), t.cue[0]) + 1  # subject_blocked reads 40 characters
    return not subject_blocked(text, line_start, t.cue[0])


_AUXILIARIES = frozenset("has have had is are was were be been being will would can could may might should must do does did also not n't".split())


def _lemma(cue: str) -> str:
    """The lemma of a tagged cue: the lexicon's for its first known word, else its first
    word that is not an auxiliary, with a regular inflection taken off."""
    verbs = reporting_verbs()
    words = re.findall(r"[\w’'-]+", cue)
    for w in words:
        if w in verbs or w.lower() in verbs:
            return (verbs.get(w) or verbs[w.lower()])[0]
    for w in words:
        low = w.lower()
        if low not in _AUXILIARIES and not low.endswith(("n’t", "n't", "ly")) and low not in ("just", "still", "even", "never"):
            for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
                stem = low[: len(low) - len(suffix)]
                if low.endswith(suffix) and len(stem) >= 3 and (suffix != "es" or stem.endswith(("s", "x", "z", "ch", "sh"))):
                    return stem + repl
            return low
    return cue.strip().lower()


_LAST_WORD = re.compile(r"\s+([\w’'-]+)$")


_DATELINE = re.compile(r"[A-Z][A-Z.,' ]*[A-Z.]\s+[-—–]+\s+")


_DANGLING = re.compile(r"(?:,?\s+(?:who|which|whose)|\s*\()\s*$")
_PARTICIPLE_IN = re.compile(r"\b[a-z]+ed\b")
_TIME_TAIL = re.compile(rf"\s+(?:(?:on|in)\s+)?(?:{DAYS}|(?:19|20)\d\d)$")


def _trim_source(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A tagged source without a dateline before it (`BRUSSELS - European leaders`), the
    adverbs that end it (`Angela Moreno twice said`) or the start of an aside it ends on
    (`Ms. Moreno, who`, `Ms. Moreno (`)."""
    a, b = span
    dateline = _DATELINE.match(text, a, b)
    if dateline:
        a = dateline.end()
    dangling = _DANGLING.search(text, a, b)
    if dangling and dangling.start() > a:
        b = dangling.start()
    when = _TIME_TAIL.search(text, a, b)
    if when and when.start() > a and not _PARTICIPLE_IN.search(text, a, when.start()):
        b = when.start()  # `The Times on Saturday`, not `a poll released Friday`
    while True:
        m = _LAST_WORD.search(text, a, b)
        if m is None or m.group(1).lower() not in ADVERBS:
            return (a, b) if b > a else None
        b = m.start()


_POSSESSIVE = re.compile(r"(?i:his|her|its|their|our|my|your)|(?!(?i:who|it|that|he|she|there|what)['’]s$).*['’]s?")


_OBJECT_PRONOUNS = frozenset("him her them me us you himself herself themselves".split())
_DETERMINERS = frozenset("the a an his her its their our".split())


def _person_object(phrase: str) -> bool:
    """Whether a phrase, up to its first preposition or comma, names a person
    (`him`, `the Russian president`, `Vladimir Putin`)."""
    head = []
    words_ = phrase.split()
    for i, w in enumerate(words_):
        if w in PREPOSITIONS or not w[0].isalnum():
            if w == "to" and i + 1 < len(words_):
                return False  # `called for the United States to accept ...`: what they are to do
            break
        head.append(w.strip(",;.").rstrip())
        if w[-1] in ",;.":
            break
    while head and head[0].lower() in _DETERMINERS:
        head = head[1:]
    if not head or len(head) > 4:
        return False
    if len(head) == 1 and head[0].lower() in _OBJECT_PRONOUNS:
        return True
    return head[-1].lower() in words("speaker_titles.txt") or all(w[0].isupper() for w in head)


def _stance_toward(text: str, t) -> bool:
    """Whether a tagged cue ending in a preposition, with no reported words after it, reads
    as a stance toward a person or a thing rather than a report: a noun (`His claims about`,
    its source a possessive) or a person as its object (`heaped praise on the Russian president`)."""
    if not _PREPOSITION_END.search(text, t.cue[0], t.cue[1]):
        return False
    a, b = t.content[0]
    if _REPORTED_WORDS.match(text, a) or any(q in text[a:b] for a, b in t.content for q in "“\"”"):
        return False
    if t.source is not None and _POSSESSIVE.fullmatch(text[t.source[0]:t.source[1]].strip()):
        return True
    return _person_object(text[a:b])


_PARTICIPLE_AFTER_COMMA = re.compile(r",\s*(?:\w+ly\s+)?$")


def _participle_source(text: str, start: int, cue: int, candidates: list, outer_cues: SpanIndex) -> tuple[int, int] | None:
    """`Trump spoke in Ohio, promising to lift regulations`: a tagged participle cue after a
    comma takes the source of the attribution before it in its unit, else the clause subject."""
    word = re.match(r"[\w’'-]+", text[cue:cue + 30])
    if word is None or not word.group().endswith("ing") or not _PARTICIPLE_AFTER_COMMA.search(text, start, cue):
        return None
    earlier = [i for i in outer_cues.starting_in(start, cue) if candidates[i].parent is None and candidates[i].source]
    if earlier:
        return candidates[earlier[-1]].source
    subject = clause_subject(text, start, cue)
    if subject is None or text[subject[0]:subject[1]] in ("The", "A", "An"):
        return None  # `The senator spoke ...`: clause_subject stops at a capitalized determiner
    return subject


_AFTER_COMMA = re.compile(r",\s+(?!(?:and|but|or|while|which|who|as|so|then|yet|although|though|because|before|after|when)\b)(?=\S)")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+\s+)?(?:\w+(?:ed|en)|told|said|made|sent|brought|thought|found|held)$")
_BY_AGENT = re.compile(r"\s+by\s+")
_CLAUSE_END = re.compile(r"\s*[.!?]?[\"”’]?\s*$")
_COMMA_BEFORE = re.compile(r",\s*$")


def _content_around(text: str, t, units, ui: int) -> tuple[int, int] | None:
    """Content for a tagged cue with none after it: the subject of a passive cue, whose agent
    after `by` becomes its source (`The plan was first reported by the Ledger`); the clause
    after a parenthetical cue (`As many experts have pointed out, Mr. Trump is free to ...`);
    the clause before a cue that ends the sentence (`Donations hit $1.1 billion, a USA TODAY
    analysis shows.`); or the next paragraph after a colon (`Sanders made the following comment:`)."""
    unit = units[ui]
    passive = _PASSIVE.search(text, max(unit.start, t.cue[0] - 30), t.cue[1])
    by = _BY_AGENT.match(text, t.cue[1], unit.end) if passive else None
    if by:
        agent = source_after(text, by.end(), unit.end)
        subject = t.source or source_before(text, unit.start, min(passive.start(), t.cue[0]))
        if agent and subject:
            t.source = agent  # `The nominee has been endorsed by dozens of papers`: they said it of her
            return subject
    m = _AFTER_COMMA.match(text, t.cue[1], unit.end)
    if m:
        end = trim_end(text, m.end(), unit.end)
        return (m.end(), end) if len(text[m.end():end].split()) >= 3 else None
    if _CLAUSE_END.fullmatch(text, t.cue[1], unit.end) and t.source is not None:
        if text[t.cue[1] - 1:t.cue[1]] == ":" and ui + 1 < len(units):
            nxt = units[ui + 1]
            end = trim_end(text, nxt.start, nxt.end)
            return (nxt.start, end) if end > nxt.start else None
        start = unit.start
        while start < t.source[0] and text[start].isspace():
            start += 1
        if _COMMA_BEFORE.search(text, start, t.source[0]):
            end = trim_end(text, start, t.source[0])
            return (start, end) if len(text[start:end].split()) >= 3 else None
    return None


def _holds(host, pos: int) -> bool:
    """Whether `pos` falls within the hull of a candidate's content."""
    return bool(host.content) and min(a for a, _ in host.content) <= pos < max(b for _, b in host.content)


_TO_VERB = re.compile(r"\s+to\s+([a-z]+)")
# `appears set to veto`: the subject's intention
_INTENT = re.compile(r"\s+(?:set|poised|ready|prepared|determined|eager|willing)\s+to\b")


def _says_through(text: str, cue: tuple[int, int]) -> bool:
    """`appeared to suggest`, `seemed to think`, `appears set to veto`: a raising verb before a reporting verb
    or an intention, whose subject is the source; else (`Trump appears to have learned`) the author's claim."""
    words_ = text[cue[0]:cue[1]].split()
    after = _TO_VERB.match(text, cue[1])
    return len(words_) > 1 or bool(after and after.group(1) in reporting_verbs()) or bool(_INTENT.match(text, cue[1]))


def merge(text: str, candidates: list, units, tagged) -> list:
    """The rules' candidates whose cue the tagger also finds, and the tagger's attributions the rules missed.

    A rules candidate nested in another is kept when its host is kept.
    """
    kept: list = []
    taken = [False] * len(tagged)
    tagged_cues = SpanIndex([t.cue for t in tagged])
    unit_starts = [u.start for u in units]
    keep = [False] * len(candidates)
    for i, c in enumerate(candidates):
        if c.parent is not None and UNNEST and not (keep[c.parent] and _holds(candidates[c.parent], c.cue[0])):
            c.parent = None  # its host's content, now the tagger's, stops before this cue (or the host is gone)
        if c.parent is not None:
            keep[i] = keep[c.parent]
            for k in tagged_cues.near(c.cue[0] - tagged_cues.longest, c.cue[1] + tagged_cues.longest):
                t = tagged[k]
                if t.cue[0] < c.cue[1] and c.cue[0] < t.cue[1]:
                    taken[k] = True  # the rules read it as nested in another attribution
            continue
        # a title-case headline cue is not among the tagger's features: its silence says nothing
        keep[i] = KEEP_UNCONFIRMED_RULES and (c.pattern not in DROP_UNCONFIRMED or "title_case" in c.extra)
        for k in tagged_cues.near(c.cue[0] - tagged_cues.longest, c.cue[1] + tagged_cues.longest):
            t = tagged[k]
            if t.cue[0] < c.cue[1] and c.cue[0] < t.cue[1]:
                keep[i] = True
                taken[k] = True
                if TAGGER_CUE and c.pattern not in ("headline", "label", "dash_quote", "in_document") and (
                    TAGGER_CUE == "all" or t.cue[0] == c.cue[0]
                    or not set(text[t.cue[0]:c.cue[0]].split()) <= ADVERBS
                ):
                    if not _CHANNEL_TAIL.match(text, c.cue[1], t.cue[1]):
                        c.cue = t.cue  # `said in a letter`, `pointed to`: where the tagger reads a longer cue
                    # `said on Truth Social`: the platform is the claim's channel, not part of its cue
                if (TAGGER_SOURCE and t.source is not None and (c.pattern != "raising" or _says_through(text, t.cue))
                        and (c.source is None or TAGGER_SOURCE == "always" and c.pattern in TAGGER_SOURCE_PATTERNS)):
                    # `Trump appears to have ...`: the author's claim, PolNeAR's Attribution-no-source
                    c.source = _trim_source(text, t.source) or c.source
                if "floating" in c.extra or c.pattern in ("headline", "label", "dash_quote"):
                    continue
                if TAGGER_CONTENT == "always" and t.content:
                    c.content = list(t.content)
    for k, t in enumerate(tagged):
        if taken[k]:
            continue
        ui = unit_at(unit_starts, t.cue[0])
        if t.source is None and TAGGER_RULES_SOURCE:
            t.source = source_before(text, units[ui].start, t.cue[0])  # `Mayor Dana Whitfield hailed ...`
        if not t.content:
            found = content_after(text, t.cue[1], units[ui].end, "free", _lemma(text[t.cue[0]:t.cue[1]]))
            if found is None and CONTENT_AROUND:
                found = _content_around(text, t, units, ui)
            if found is None:
                taken[k] = True
                continue
            t.content = [found]
        if t.confidence < MIN_NEW_CONFIDENCE or NEW_NEEDS_SOURCE and t.source is None:
            taken[k] = True
        elif not _tagged_cue_ok(text, t):
            taken[k] = True
        elif _stance_toward(text, t):
            taken[k] = True
    new: list = []
    rules_cues = SpanIndex([c.cue for c in candidates])
    for k, t in enumerate(tagged):
        if taken[k]:
            continue
        ui = unit_at(unit_starts, t.cue[0])
        source = t.source and _trim_source(text, t.source)
        if source is None and PARTICIPLE_SOURCE:
            source = _participle_source(text, units[ui].start, t.cue[0], candidates, rules_cues)
        new.append(Candidate(ui, t.cue, _lemma(text[t.cue[0]:t.cue[1]]), source, list(t.content), "tagger",
                             extra={"confidence": round(t.confidence, 3)}))
    index = {}
    for i, c in enumerate(candidates):
        if keep[i]:
            index[i] = len(kept)
            kept.append(c)
    for c in kept:
        if c.parent is not None:
            c.parent = index[c.parent]
    return in_order(kept + new)


def in_order(candidates: list) -> list:
    """Outer attributions in cue order, each followed by those nested in it (`parent`: an index
    into the list, remapped)."""
    roots: dict[int, list] = {}
    for c in candidates:
        root = c
        while root.parent is not None:
            root = candidates[root.parent]
        roots.setdefault(id(root), []).append(c)
    groups = sorted(roots.values(), key=lambda g: g[0].cue[0])
    hosts = [candidates[c.parent] if c.parent is not None else None for c in candidates]
    out = [c for g in groups for c in g]
    where = {id(c): i for i, c in enumerate(out)}
    host_of = {id(c): h for c, h in zip(candidates, hosts)}
    for c in out:
        h = host_of[id(c)]
        c.parent = where[id(h)] if h is not None else None
    return out
