"""Who said what: attributions (speaker, cue, content) found by rules and a CRF tagger.

    extract_attributions(text, sentences) -> list[Attribution]

Two stages.  The rules (`extract`, `patterns`, `sources`, `contents`) read
each reporting verb of the lexicon with its source and content.  Then a CRF
token tagger (`learned`, trained on PolNeAR train by `python -m
pipelines.training.train_attribution`, with the rules' output among its
features) tags cue, source and content tokens; `_merge` keeps the rules
attributions (but drops a `source_first` or `raising` one whose cue the tagger
does not find), takes the tagger's content and source (over the rules' own,
for the sentence patterns) and its cue where it only adds words the rules
leave out, for the rules' cues it also finds, and adds the tagger's
attributions on cues the rules missed (long-tail verbs, multiword and noun
cues), after the rules' own checks.  Without python-crfsuite or the model
file, or with CLAIMWIRE_ATTRIBUTION=rules, the rules work alone.

PolNeAR dev, exact-match F1 of the release scorer (bench/attribution_eval.py):
cue 68.5, source 69.5, content 54.1; token-level content F1 84.4 when the
merge changes of DROP_UNCONFIRMED and TAGGER_SOURCE "always" were made (before
them: 67.9, 66.9, 53.6, 84.6).  With the model retrained on the current rules
(`claimwire eval --gold ../shared/data/polnear/dev`): 67.9 / 69.5 / 54.2, 84.2
(68.0 / 69.7 / 54.3, 84.2 by bench/attribution_eval.py).  With UNNEST and the
preposition check of `_stance_toward`: 68.6 / 70.4 / 54.7, 84.9 (68.6 / 70.6 /
54.8, 84.9 by bench/attribution_eval.py).  With coordinated cues split
(`_split_coordinated`), `Poll:` headlines, quoted transcript turns over their
paragraphs, and the model retrained: 69.6 / 71.5 / 55.4, 86.0 (bench: 69.6 /
71.6 / 55.5, 86.0).  With title-case headline verbs (`extract.HEADLINE_VERBS`):
69.8 / 71.7 / 55.6, 86.1 (bench: 69.8 / 71.8 / 55.7, 86.1).  With PARENTHETICAL:
69.8 / 71.7 / 55.8, 86.1 (bench: 69.8 / 71.8 / 55.9, 86.2).  Without a dateline
in tagged sources: 69.8 / 71.8 / 55.8, 86.1 (bench: 69.8 / 71.9 / 55.9, 86.2).
With the rules' pattern among the tagger's features, retrained: 69.8 / 71.9 /
56.4, 86.2 (bench: 69.9 / 72.0 / 56.5, 86.2).  `_stance_toward` sparing an object
told what to do and contractions (`who’s`): 69.8 / 71.9 / 56.5, 86.2 (bench:
69.9 / 72.0 / 56.5, 86.3).

Spans follow PolNeAR's conventions, checked against its train split: the cue
is the verb group (`said`, `has said`, `also told`, `said in a statement`,
`said:`, `according to`, a headline `:`), without day names or addressees;
the source is the noun phrase as written, an appositive closed by a comma
kept with that comma; the content keeps quotation marks, a comma inside them
and a leading `that`, and drops the sentence's final period outside quotes.

Decisions:
- Floating quotes (a sentence that is only a quotation, right after a
  quoted attribution, or right before one in its paragraph) become further
  content fragments of that attribution, as PolNeAR annotates them; no
  separate record, so the speaker is the attribution's own.
  `extra["floating"]` counts them.
- A cue inside another attribution's content (`the Kremlin said Putin told
  Trump that ...`) is nested: its `parent` is the outer one's index, and
  outer attributions come before those nested in them.
- `speaker_name` is canonical within the document: titles go to
  `speaker_role`, a surname or `he` / `she` (the last named person who spoke)
  and descriptions (`the U.S. leader`, `the Kremlin spokesman`) resolve to a
  named person of the document when exactly one fits; otherwise the text as
  written.  An attribution without a source is typed `author`.
- `extra["pattern"]` names the rule that found it (`source_first`,
  `trailing`, `inverted`, `according_to`, `participle`, `raising`,
  `headline`, `label`, `in_document`, `dash_quote`), or `tagger` for one only
  the tagger found (with `extra["confidence"]`, its mean marginal);
  `extra["title_case"]` marks a cue read in a headline (`Obama Says ...`).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..records import Attribution, Sentence, Span
from .extract import extract_candidates
from .speakers import DocumentSpeakers, Speaker
from .quotes import QUOTE_CHARS
from .learned import tag_document
from .contents import content_after
from .lexicon import reporting_verbs, words
from .grammar import ADVERBS, PREPOSITIONS, trim_end
from .sources import clause_subject, plausible_source, source_before, subject_blocked

_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘][^'‘’]{2,}['’](?!\w)")
EXTRACTOR = "claimwire-rules 0.1"
# How the tagger's reading merges with the rules', each chosen on PolNeAR dev (bench/attribution_eval.py):
# keep a rules attribution the tagger does not confirm, except for the patterns in
# DROP_UNCONFIRMED (`source_first`, `raising`: 52 of 82 and 7 of 11 such unconfirmed ones were
# wrong on dev; dropping them: cue +0.6, source +0.7, content +0.5 exact F1, token content -0.2);
# add a tagged one from this confidence (0: Viterbi's choice; 0.5 and 0.7 lose F1); take the
# tagger's source where the rules have none (True) or, for TAGGER_SOURCE_PATTERNS, also over
# the rules' own ("always": source +1.9 exact F1 on dev; adverbs ending it, `Moreno twice`, are
# trimmed); take the tagger's cue where it starts earlier or ends later ("start"; "all": always);
# a tagged cue needs a source (loses F1); a tagged cue needs reported words (that / a quote / ...)
# after it (loses F1), and one ending in a preposition only where it reads as a stance toward a
# person or as a noun (`_stance_toward`; needing words after every such cue: cue -0.4, source -0.7,
# content -0.3 exact F1, token content -0.5 on dev); take the tagger's content ("always", for
# every pattern: keeping the rules' for any one pattern is no better); look for a tagged cue's
# missing source with the rules (TAGGER_RULES_SOURCE: -0.6 source F1 on dev, so off); UNNEST a
# rules candidate whose host's final content (the tagger's) no longer holds its cue, or whose
# host was dropped (cue +0.3, source +0.2, content +0.2 exact F1; only the first: +0.2 / +0.2 / +0.1);
# SPLIT_COORDINATED (`_split_coordinated`: cue +0.1, source +0.1, content +0.3); PARENTHETICAL
# (`_parenthetical`: content +0.2; in PolNeAR train 181 of 200 such attributions before an
# unquoted content hold the words before them, 32 of 125 before a quotation, 30 of 2,718
# without the comma after the cue); PARTICIPLE_SOURCE (`_participle_source`, for a tagged
# participle without a source: 2 of 3 right on dev, source recall +0.1).
KEEP_UNCONFIRMED_RULES = True
DROP_UNCONFIRMED = frozenset({"source_first", "raising"})
MIN_NEW_CONFIDENCE = 0.0
TAGGER_SOURCE = "always"
TAGGER_SOURCE_PATTERNS = frozenset({"source_first", "trailing", "inverted", "participle", "raising"})
NEW_NEEDS_SOURCE = False
TAGGER_CUE = "start"
TAGGER_RULES_SOURCE = False
UNNEST = True
SPLIT_COORDINATED = True
PARENTHETICAL = True
PARTICIPLE_SOURCE = True
_PREPOSITION_END = re.compile(r"\s(?:on|of|about|for|at|with|to|in)$")
_REPORTED_WORDS = re.compile(r"(?:that|whether|if|how|why|what|when|where|who|to)\b|[“\"'‘:]")
TAGGER_CONTENT = "always"

__all__ = ["EXTRACTOR", "extract_attributions"]


def attribution_type(text: str, content: Sequence[Span]) -> str:
    quoted = unquoted = False
    for span in content:
        frag = text[span.start:span.end].strip()
        if frag[:1] in "“\"‘'" and frag[-1:] in "”\"’'" or frag.startswith("''"):
            quoted = True
        elif any(c in QUOTE_CHARS - {"'", "’"} for c in frag) or _SINGLE_QUOTED.search(frag):
            quoted = unquoted = True
        else:
            unquoted = True
    if quoted and unquoted:
        return "mixed"
    return "direct" if quoted else "indirect"


def rule_spans(candidates) -> list[tuple[tuple[int, int], tuple[int, int] | None, list[tuple[int, int]], str]]:
    """(cue, source, content, pattern) of the rules' outer candidates: features of the learned tagger."""
    return [(c.cue, c.source, list(c.content), c.pattern) for c in candidates if c.parent is None and "title_case" not in c.extra]


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
    line_start = text.rfind("\n", 0, t.cue[0]) + 1
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


def _trim_source(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """A tagged source without a dateline before it (`BRUSSELS - European leaders`) or the
    adverbs that end it (`Angela Moreno twice said`)."""
    a, b = span
    dateline = _DATELINE.match(text, a, b)
    if dateline:
        a = dateline.end()
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


def _participle_source(text: str, start: int, cue: int, candidates: list) -> tuple[int, int] | None:
    """`Trump spoke in Ohio, promising to lift regulations`: a tagged participle cue after a
    comma takes the source of the attribution before it in its unit, else the clause subject."""
    word = re.match(r"[\w’'-]+", text[cue:cue + 30])
    if word is None or not word.group().endswith("ing") or not _PARTICIPLE_AFTER_COMMA.search(text, start, cue):
        return None
    earlier = [c for c in candidates if c.parent is None and c.source and start <= c.cue[0] < cue]
    if earlier:
        return earlier[-1].source
    subject = clause_subject(text, start, cue)
    if subject is None or text[subject[0]:subject[1]] in ("The", "A", "An"):
        return None  # `The senator spoke ...`: clause_subject stops at a capitalized determiner
    return subject


def _holds(host, pos: int) -> bool:
    """Whether `pos` falls within the hull of a candidate's content."""
    return bool(host.content) and min(a for a, _ in host.content) <= pos < max(b for _, b in host.content)


def _merge(text: str, candidates: list, units, tagged) -> list:
    """The rules' candidates whose cue the tagger also finds, and the tagger's attributions the rules missed.

    A rules candidate nested in another is kept when its host is kept.
    """
    from .patterns import Candidate

    kept: list = []
    taken = [False] * len(tagged)
    keep = [False] * len(candidates)
    for i, c in enumerate(candidates):
        if c.parent is not None and UNNEST and not (keep[c.parent] and _holds(candidates[c.parent], c.cue[0])):
            c.parent = None  # its host's content, now the tagger's, stops before this cue (or the host is gone)
        if c.parent is not None:
            keep[i] = keep[c.parent]
            for k, t in enumerate(tagged):
                if t.cue[0] < c.cue[1] and c.cue[0] < t.cue[1]:
                    taken[k] = True  # the rules read it as nested in another attribution
            continue
        # a title-case headline cue is not among the tagger's features: its silence says nothing
        keep[i] = KEEP_UNCONFIRMED_RULES and (c.pattern not in DROP_UNCONFIRMED or "title_case" in c.extra)
        for k, t in enumerate(tagged):
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
                if TAGGER_SOURCE and t.source is not None and (c.source is None or TAGGER_SOURCE == "always" and c.pattern in TAGGER_SOURCE_PATTERNS):
                    c.source = _trim_source(text, t.source) or c.source
                if "floating" in c.extra or c.pattern in ("headline", "label", "dash_quote"):
                    continue
                if TAGGER_CONTENT == "always" and t.content:
                    c.content = list(t.content)
    for k, t in enumerate(tagged):
        if taken[k]:
            continue
        ui = max((i for i, u in enumerate(units) if u.start <= t.cue[0]), default=0)
        if t.source is None and TAGGER_RULES_SOURCE:
            t.source = source_before(text, units[ui].start, t.cue[0])  # `Mayor Dana Whitfield hailed ...`
        if not t.content:
            found = content_after(text, t.cue[1], units[ui].end, "free", _lemma(text[t.cue[0]:t.cue[1]]))
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
    for k, t in enumerate(tagged):
        if taken[k]:
            continue
        ui = max((i for i, u in enumerate(units) if u.start <= t.cue[0]), default=0)
        source = t.source and _trim_source(text, t.source)
        if source is None and PARTICIPLE_SOURCE:
            source = _participle_source(text, units[ui].start, t.cue[0], candidates)
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
    return _in_order(kept + new)


_COORDINATED = re.compile(r",?\s+(?:and|but)\s+(?:\w+ly\s+|then\s+|also\s+)?$")


def _split_coordinated(text: str, candidates: list) -> list:
    """`Moreno urged Democrats to act, and criticized the council`: a cue coordinated right after
    another attribution's content, without a subject of its own, is an attribution of the same
    source (not of the first verb's object), and that content stops before the conjunction."""
    for d in candidates:
        conj = _COORDINATED.search(text, max(0, d.cue[0] - 40), d.cue[0])
        if conj is None:
            continue
        for h in candidates:
            if h is d or not h.content or h.parent is not None or h.source is None or h.cue[1] > conj.start():
                continue
            a, b = h.content[-1]
            if not a < conj.start() <= b and not (b < conj.start() and text[b:conj.start()].strip(" ,;") == ""):
                continue
            if b > conj.start():
                h.content[-1] = (a, trim_end(text, a, conj.start()))
            if d.parent is not None and candidates[d.parent] is h:
                d.parent = None
            if d.source is None or h.cue[1] <= d.source[0] < d.cue[0]:
                d.source = h.source  # the object of the first verb (`urged Democrats`) is no subject
            break
    return _in_order(candidates)


_COMMA_END = re.compile(r",\s*$")
_QUOTE_START = re.compile(r"\s*(?:[“\"‘]|'')")


def _parenthetical(text: str, candidates: list, units) -> None:
    """`In law school, she said, professors would dismiss her proposals`: an attribution set
    off by commas inside its clause also reports the words before it (not before a quotation:
    `In a statement, he said, "..."`)."""
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
        if any(d is not c and start <= d.cue[0] < c.source[0] for d in candidates):
            continue  # the words before are another attribution's
        end = trim_end(text, start, c.source[0])
        if end > start:
            c.content.insert(0, (start, end))


def _in_order(candidates: list) -> list:
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


# `“Quote.” ― Name` as a line of its own: a testimonial, the dash is the cue
_DASH_QUOTE = re.compile(
    r"^(?P<c>[“”\"][^\n]*[”\"])[ \t\xa0]*(?P<cue>[―—])[ \t\xa0]*"
    r"(?P<s>[A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*){0,4}?)\.?[ \t\xa0]*$",
    re.M,
)


def _dash_quotes(text: str, units, candidates: list) -> list:
    from .patterns import Candidate

    taken = [c.cue for c in candidates]
    out = list(candidates)
    for m in _DASH_QUOTE.finditer(text):
        cue = m.span("cue")
        if any(a < cue[1] and cue[0] < b for a, b in taken):
            continue
        ui = max((i for i, u in enumerate(units) if u.start <= cue[0]), default=0)
        out.append(Candidate(ui, cue, "dash", m.span("s"), [m.span("c")], "dash_quote"))
    return out


def _well_formed(candidates: list) -> list:
    """Drop empty content fragments (`Q: , ,`), and a candidate left without content with
    whatever is nested in it."""
    dropped: set[int] = set()
    for i, c in enumerate(candidates):
        c.content = [(a, b) for a, b in c.content if b > a]
        if not c.content or c.parent is not None and c.parent in dropped:
            dropped.add(i)
    if not dropped:
        return candidates
    index: dict[int, int] = {}
    out = []
    for i, c in enumerate(candidates):
        if i not in dropped:
            index[i] = len(out)
            out.append(c)
    for c in out:
        if c.parent is not None:
            c.parent = index[c.parent]
    return out


_IN_DOCUMENT = re.compile(
    r"[^\n]*?\b(?:in|on|via)\s+(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+)?"
    r"(statement|letter|readout|memo|post|tweet|e-?mail|release|op-ed|speech|ad|video|message|interview)\b"
)
_LEADING_PARTICIPLE = re.compile(r"[“\"']?\s*[A-Z][a-z]+ing$")


def _leading_participles(text: str, candidates: list, units) -> None:
    """`Calling Mr. Trump a “sniveling coward,” Mr. Cruz told his rival ...`: an opening participle
    clause without a source of its own takes the source of the attribution whose clause it opens."""
    for c in candidates:
        if c.source is not None or c.parent is not None:
            continue
        start = units[c.unit].start
        if not _LEADING_PARTICIPLE.fullmatch(text, start, c.cue[1]) or not text[start:c.cue[0]].strip(" “\"'") == "":
            continue
        end = max(b for _, b in c.content)
        after = [d for d in candidates if d is not c and d.unit == c.unit and d.source is not None and d.source[0] >= end
                 and d.parent is None and text[end:d.source[0]].strip(" ,”\"'") == ""]
        if after:
            c.source = after[0].source


def rule_candidates(text: str, sentences: Sequence[Sentence]):
    """The rules' candidates and the units they refer to."""
    candidates, units = extract_candidates(text, sentences)
    if "―" in text or "—" in text:
        candidates = _dash_quotes(text, units, candidates)
    return candidates, units


def extract_attributions(text: str, sentences: Sequence[Sentence]) -> list[Attribution]:
    """Attributions of one document, outer ones before the ones nested in them."""
    candidates, units = rule_candidates(text, sentences)
    tagged = tag_document(text, sentences, rule_spans(candidates)) if candidates or sentences else None
    if tagged is not None:
        candidates = _merge(text, candidates, units, tagged)
    candidates = _well_formed(candidates)
    if SPLIT_COORDINATED:
        candidates = _split_coordinated(text, candidates)
    if PARENTHETICAL:
        _parenthetical(text, candidates, units)
    _leading_participles(text, candidates, units)
    people = DocumentSpeakers(text)
    out: list[Attribution] = []
    index: dict[int, int] = {}
    for i, c in enumerate(candidates):
        written = text[c.source[0]:c.source[1]] if c.source else None
        speaker = people.resolve(written, c.source[0]) if written else None
        if written and written.strip() == "I":
            # `“... I certainly hope they are not right,”` inside someone's quotation: that someone
            host = next((o for o in reversed(out) if o.speaker_name and o.speaker_type == "person"
                         and any(f.start <= c.source[0] < f.end for f in o.content)), None)
            if host is not None:
                speaker = Speaker(host.speaker_name, "person", host.speaker_role)
        if speaker is not None and c.parent is None:
            people.note(speaker)
            issued = _IN_DOCUMENT.match(text, c.cue[0], min(len(text), c.cue[1] + 40))
            if issued and speaker.type in ("person", "organization"):
                people.note_document(issued.group(1), speaker)  # `Trump said in a statement` ... `the statement continued`
        content = tuple(Span(a, b) for a, b in c.content)
        index[i] = len(out)
        out.append(Attribution(
            sentence_idx=units[c.unit].sentence_idx,
            attribution_type=attribution_type(text, content),
            content=content,
            cue=Span(*c.cue),
            cue_lemma=c.lemma,
            speaker=Span(*c.source) if c.source else None,
            speaker_name=speaker.name if speaker else None,
            speaker_type=speaker.type if speaker else "author",
            speaker_role=speaker.role if speaker else None,
            channel=c.channel,
            parent=None,
            extractor=EXTRACTOR,
            extra=dict(c.extra, pattern=c.pattern),
        ))
    for i, c in enumerate(candidates):
        if c.parent is not None:
            out[index[i]].parent = index[c.parent]
    return out
