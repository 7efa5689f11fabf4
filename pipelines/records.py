"""Plain records passed between the core steps: documents, sentences, claims.

The core (ingest, segmentation, attribution) speaks only in these types;
the table layer (`pipelines.tables`) turns them into Arrow rows.  Offsets are
Python string indices into the document text, `end` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range `[start, end)` of a document's text."""

    start: int
    end: int

    def text(self, document_text: str) -> str:
        return document_text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Document:
    """One distinct article, as read from an input record."""

    doc_id: str
    external_id: str
    source: str
    uri: str
    title: str | None
    dateline: str | None
    published_at: datetime | None
    text: str
    url: str | None = None  # the record's `url` field, where the article was published


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence (or headline / dateline line) with its place in the document."""

    start: int
    end: int
    paragraph_idx: int
    kind: str  # "headline" | "dateline" | "body"


@dataclass(slots=True)
class Attribution:
    """A claim mention: who (speaker) said (cue) what (content).

    `parent` is the index, in the same list, of the attribution whose content
    holds this one (e.g. Putin's words inside Peskov's statement).
    """

    sentence_idx: int
    attribution_type: str  # "direct" | "indirect" | "mixed" | "unattributed"
    content: tuple[Span, ...]
    cue: Span | None = None
    cue_lemma: str | None = None
    speaker: Span | None = None
    speaker_name: str | None = None  # canonical name, e.g. "Donald Trump"
    speaker_type: str = "person"  # person | organization | document | anonymous | author
    speaker_role: str | None = None
    channel: str | None = None
    parent: int | None = None
    hedges: tuple[str, ...] = ()
    certainty: str | None = None  # certain | probable | possible | unknown
    polarity: str | None = None  # positive | negative
    checkworthy: float | None = None
    extractor: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def content_hull(self) -> Span:
        return Span(self.content[0].start, self.content[-1].end)
