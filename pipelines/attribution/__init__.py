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


def extract_attributions(text: str, sentences: Sequence[Sentence]) -> list[Attribution]:
    """Attributions of one document, outer ones before the ones nested in them."""
    candidates, units = extract_candidates(text, sentences)
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
