"""Who said what: attributions (speaker, cue, content) found by rules.

    extract_attributions(text, sentences) -> list[Attribution]

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
  `headline`, `label`, `in_document`).
"""

from __future__ import annotations

import re
from typing import Sequence

from ..records import Attribution, Sentence, Span
from .extract import extract_candidates
from .speakers import DocumentSpeakers
from .quotes import QUOTE_CHARS
from .learned import tag_document

_SINGLE_QUOTED = re.compile(r"(?<!\w)['‘][^'‘’]{2,}['’](?!\w)")
EXTRACTOR = "claimwire-rules 0.1"
# Merging the tagger with the rules, tuned on PolNeAR dev: keep a rules attribution
# the tagger does not confirm, and add a tagged one the rules missed from this confidence.
KEEP_UNCONFIRMED_RULES = True
MIN_NEW_CONFIDENCE = 0.0
TAGGER_SOURCE = True
NEW_NEEDS_SOURCE = False
NEW_NEEDS_WORDS = False
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


def rule_spans(candidates) -> list[tuple[tuple[int, int], tuple[int, int] | None, list[tuple[int, int]]]]:
    """(cue, source, content) of the rules' outer candidates: features of the learned tagger."""
    return [(c.cue, c.source, list(c.content)) for c in candidates if c.parent is None]


def _merge(text: str, candidates: list, units, tagged) -> list:
    """The rules' candidates whose cue the tagger also finds, and the tagger's attributions the rules missed.

    A rules candidate nested in another is kept when its host is kept.
    """
    from .patterns import Candidate

    kept: list = []
    taken = [False] * len(tagged)
    keep = [False] * len(candidates)
    for i, c in enumerate(candidates):
        if c.parent is not None:
            keep[i] = keep[c.parent]
            for k, t in enumerate(tagged):
                if t.cue[0] < c.cue[1] and c.cue[0] < t.cue[1]:
                    taken[k] = True  # the rules read it as nested in another attribution
            continue
        keep[i] = KEEP_UNCONFIRMED_RULES
        for k, t in enumerate(tagged):
            if t.cue[0] < c.cue[1] and c.cue[0] < t.cue[1]:
                keep[i] = True
                taken[k] = True
                if TAGGER_SOURCE and c.source is None and t.source is not None:
                    c.source = t.source
                if "floating" in c.extra or c.pattern in ("headline", "label", "dash_quote"):
                    continue
                if TAGGER_CONTENT == "always" or TAGGER_CONTENT == "hull" and t.content[0][0] <= c.content[0][0] and c.content[-1][1] <= t.content[-1][1]:
                    c.content = list(t.content)
    for k, t in enumerate(tagged):
        if t.confidence < MIN_NEW_CONFIDENCE or NEW_NEEDS_SOURCE and t.source is None:
            taken[k] = True
        elif NEW_NEEDS_WORDS and not _REPORTED_WORDS.match(text, t.content[0][0]) and not any(
            q in text[a:b] for a, b in t.content for q in "“\"”"
        ):
            taken[k] = True  # `Trump heaped praise on the Russian president`: a stance toward a thing, no words
    unit_of = {}
    for ui, u in enumerate(units):
        unit_of.setdefault(u.sentence_idx, ui)
    new: list = []
    for k, t in enumerate(tagged):
        if taken[k]:
            continue
        ui = max((i for i, u in enumerate(units) if u.start <= t.cue[0]), default=0)
        words = text[t.cue[0]:t.cue[1]].split()
        new.append(Candidate(ui, t.cue, words[-1].lower() if words else "", t.source, list(t.content), "tagger",
                             extra={"confidence": round(t.confidence, 3)}))
    index = {}
    for i, c in enumerate(candidates):
        if keep[i]:
            index[i] = len(kept)
            kept.append(c)
    for c in kept:
        if c.parent is not None:
            c.parent = index[c.parent]
    # tagged attributions go in cue order among the outer rules ones (nested ones follow their host)
    out: list = []
    groups: list[list] = []
    for c in kept:
        if c.parent is None:
            groups.append([c])
        else:
            groups[-1].append(c)
    groups.extend([c] for c in new)
    groups.sort(key=lambda g: g[0].cue[0])
    remap = {}
    for g in groups:
        for c in g:
            remap[id(c)] = len(out)
            out.append(c)
    for c in out:
        if c.parent is not None:
            c.parent = remap[id(kept[c.parent])]
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
    people = DocumentSpeakers(text)
    out: list[Attribution] = []
    index: dict[int, int] = {}
    for i, c in enumerate(candidates):
        written = text[c.source[0]:c.source[1]] if c.source else None
        speaker = people.resolve(written) if written else None
        if speaker is not None and c.parent is None:
            people.note(speaker)
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
