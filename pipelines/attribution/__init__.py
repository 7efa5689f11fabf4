"""Who said what: attributions (speaker, cue, content) found by rules and a CRF tagger.

    extract_attributions(text, sentences) -> list[Attribution]

Two stages.  The rules (`extract`, `patterns`, `sources`, `contents`) read
each reporting verb of the lexicon with its source and content.  Then a CRF
token tagger (`learned`, trained on PolNeAR train by `python -m
pipelines.training.train_attribution`, with the rules' output among its
features) tags cue, source and content tokens; `merge.merge` keeps the rules
attributions (but drops a `source_first` or `raising` one whose cue the tagger
does not find), takes the tagger's content and source (over the rules' own,
for the sentence patterns) and its cue where it only adds words the rules
leave out, for the rules' cues it also finds, and adds the tagger's
attributions on cues the rules missed (long-tail verbs, multiword and noun
cues), after the rules' own checks; `clauses` then splits coordinated cues,
gives a parenthetical attribution (`A, she said, B`) both sides, drops an
opening `But` / `And` from the content before a cue and the person told
from the content after it (`told reporters on Friday that ...`), and gives a
source read from its last conjunct the one before (`RT and its defenders`);
a source that is a lone `The` / `A` runs on to its noun (`The judge rubbed
...`).  Then an attribution whose cue sits on a link line (`READ MORE: ...`,
`WATCH: ...`) or an all-capitals heading (`FED TALK`) is dropped, and each
source is cut to its noun phrase (`sources.noun_phrase`: no opening
subordinator, conjunction, preposition or participle clause).  Without
python-crfsuite or the model file, or with CLAIMWIRE_ATTRIBUTION=rules, the
rules work alone.

Speakers (`speakers.DocumentSpeakers`) are resolved within the document;
which capitalised words can make up a name is decided by the case model of
`names` (learned from PolNeAR train), not by capitalisation alone, so a
title-case headline word (`Despite Trump`) or a verb (`Indicting Roger
Stone`) is never part of a name.  Figures: `claimwire eval --gold
../shared/data/polnear/dev` and `bench/attribution_eval.py`.

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
  `speaker_role`; a surname resolves to the document's full name (among
  namesakes, the one who spoke last); `he` / `she` to the last named person
  who spoke whose gender does not contradict it; `they` / `it` to the
  organisation or group that spoke last when no person spoke since;
  descriptions (`the U.S. leader`, `the Kremlin spokesman`) to a named person
  of the document when exactly one fits; otherwise the text as written.  An
  attribution without a source (and a raising verb's, `Trump appears to
  ...`) is typed `author`.
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
from . import merge as M
from .clauses import parenthetical, split_coordinated, with_conjunct, with_whole_subject, without_addressee, without_discourse_lead
from .extract import extract_candidates
from .learned import tag_document
from .overlaps import ContentIndex, SpanIndex
from .quotes import QUOTE_CHARS
from .patterns import heading_line, navigation_line
from .sources import noun_phrase
from .speakers import DocumentSpeakers, Speaker
from .units import unit_at

_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘][^'‘’]{2,}['’](?!\w)")
EXTRACTOR = "claimwire-rules 0.1"

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


# `“Quote.” ― Name` as a line of its own: a testimonial, the dash is the cue
_DASH_QUOTE = re.compile(
    r"^(?P<c>[“”\"][^\n]*[”\"])[ \t\xa0]*(?P<cue>[―—])[ \t\xa0]*"
    r"(?P<s>[A-Z][\w.’'-]*?(?:[ \t][A-Z][\w.’'-]*?){0,4}?)\.?[ \t\xa0]*$",  # the name without its final period
    re.M,
)


def _dash_quotes(text: str, units, candidates: list) -> list:
    from .patterns import Candidate

    taken = [c.cue for c in candidates]
    cues = SpanIndex(taken)
    out = list(candidates)
    unit_starts = [u.start for u in units]
    for m in _DASH_QUOTE.finditer(text):
        cue = m.span("cue")
        if any(taken[k][0] < cue[1] and cue[0] < taken[k][1] for k in cues.near(*cue)):
            continue
        ui = unit_at(unit_starts, cue[0])
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
    by_unit: dict[int, list] = {}
    for c in candidates:
        by_unit.setdefault(c.unit, []).append(c)
    for c in candidates:
        if c.source is not None or c.parent is not None:
            continue
        start = units[c.unit].start
        if not _LEADING_PARTICIPLE.fullmatch(text, start, c.cue[1]) or not text[start:c.cue[0]].strip(" “\"'") == "":
            continue
        end = max(b for _, b in c.content)
        after = [d for d in by_unit[c.unit] if d is not c and d.source is not None and d.source[0] >= end
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
        candidates = M.merge(text, candidates, units, tagged)
    for c in candidates:
        if navigation_line(text, c.cue[0]) or heading_line(text, c.cue[0]):
            c.content = []  # `READ MORE: Trump says ...`, `FED TALK`: a link or a heading, no attribution; dropped below
        elif c.source is not None and heading_line(text, c.source[0]):
            c.source = None
    candidates = _well_formed(candidates)
    if M.SPLIT_COORDINATED:
        candidates = split_coordinated(text, candidates)
    if M.PARENTHETICAL:
        parenthetical(text, candidates, units)
    if M.DISCOURSE_LEAD:
        without_discourse_lead(text, candidates)
    if M.ADDRESSEE:
        without_addressee(text, candidates)
    if M.CONJUNCT:
        with_conjunct(text, candidates, units)
    if M.WHOLE_SUBJECT:
        with_whole_subject(text, candidates)
    _leading_participles(text, candidates, units)
    for c in candidates:
        if c.source is not None:
            c.source = noun_phrase(text, *c.source)
    people = DocumentSpeakers(text)
    out: list[Attribution] = []
    index: dict[int, int] = {}
    quoting = ContentIndex()
    for i, c in enumerate(candidates):
        written = text[c.source[0]:c.source[1]] if c.source else None
        speaker = people.resolve(written, c.source[0]) if written else None
        if written and written.strip() == "I":
            # `“... I certainly hope they are not right,”` inside someone's quotation: that someone
            host = next((out[k] for k in reversed(quoting.holding(c.source[0]))
                         if out[k].speaker_name and out[k].speaker_type == "person"), None)
            if host is not None:
                speaker = Speaker(host.speaker_name, "person", host.speaker_role)
        if speaker is not None and c.parent is None:
            people.note(speaker, c.source[0] if c.source else c.cue[0])
            issued = _IN_DOCUMENT.match(text, c.cue[0], min(len(text), c.cue[1] + 40))
            if issued and speaker.type in ("person", "organization"):
                people.note_document(issued.group(1), speaker)  # `Trump said in a statement` ... `the statement continued`
        content = tuple(Span(a, b) for a, b in c.content)
        index[i] = len(out)
        quoting.add(len(out), content)
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
