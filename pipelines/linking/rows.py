"""The three linkers over table rows: `documents`, `sentences`, `claims` in; `stories`, `speakers`,
`claim_links` and each claim's `speaker_id` out.

Rows are plain dicts as `pyarrow.Table.to_pylist()` gives them, so the asset
layer reads the tables, calls `link_tables`, and writes what comes back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass

from .claims import LinkClaim, link_claims
from .speakers import SpeakerMention, link_speakers
from .stories import StoryDoc, group_stories
from .text import quoted_fragments


@dataclass
class LinkedTables:
    stories: list[dict]  # story_id, doc_id
    speakers: list[dict]  # speaker_id, name, aliases, roles, speaker_type
    claim_speaker: dict[str, str | None]  # claim_id -> speaker_id, for the claims table's new column
    claim_links: list[dict]  # claim_id_a, claim_id_b, relation, score, detail


def _content(claim: Mapping, text: str) -> str:
    spans = claim.get("content_spans") or []
    if spans:
        return " ".join(text[s["start"]:s["end"]] for s in spans)
    return claim.get("content_text") or ""


def story_docs(docs: Mapping[str, Mapping], claims_by_doc: Mapping[str, list[Mapping]]) -> list[StoryDoc]:
    """What story grouping reads of each document: text, title, dates, its speakers and quotes."""
    return [
        StoryDoc(doc_id, d.get("title"), d.get("text") or "", d.get("source"), d.get("published_at"),
                 tuple(sorted({c["speaker"] for c in claims_by_doc.get(doc_id, ()) if c.get("speaker")})),
                 tuple(q for c in claims_by_doc.get(doc_id, ()) for q in quoted_fragments(c.get("content_text") or "")),
                 ingested_at=d.get("ingested_at"))
        for doc_id, d in docs.items()
    ]


def speaker_mentions(claims: Iterable[Mapping], story_of: Mapping[str, str]) -> list[SpeakerMention]:
    """Each claim's speaker, with the story of its document."""
    return [SpeakerMention(c["doc_id"], c["claim_id"], c.get("speaker"), c.get("speaker_text"), c.get("speaker_role"),
                           c.get("speaker_type") or "person", story_of.get(c["doc_id"]))
            for c in claims]


def link_inputs(claims: Iterable[Mapping], docs: Mapping[str, Mapping], sentence_text: Mapping[tuple, str],
                claim_speaker: Mapping[str, str | None]) -> list[LinkClaim]:
    """What claim linking reads of each attributed claim."""
    claims = list(claims)
    parent = {c["claim_id"]: c.get("parent_claim_id") for c in claims}
    return [
        LinkClaim(c["claim_id"], c["doc_id"], claim_speaker.get(c["claim_id"]),
                  _content(c, docs[c["doc_id"]].get("text") or ""), polarity=c.get("polarity"),
                  sentence=sentence_text.get((c["doc_id"], c.get("sentence_idx")), ""),
                  source=docs[c["doc_id"]].get("source"), cue=c.get("cue_text") or "",
                  nested=c.get("parent_claim_id") is not None, ancestors=_ancestors(c["claim_id"], parent))
        for c in claims
        if c.get("attribution_type") != "unattributed"
    ]


def _ancestors(claim_id: str, parent: Mapping[str, str | None]) -> tuple[str, ...]:
    """The claims `claim_id` is nested in, nearest first (a cycle, which the tables never hold, stops the walk)."""
    out: list[str] = []
    up = parent.get(claim_id)
    while up is not None and up not in out and up != claim_id:
        out.append(up)
        up = parent.get(up)
    return tuple(out)


def link_tables(documents: Iterable[Mapping], sentences: Iterable[Mapping], claims: Iterable[Mapping]) -> LinkedTables:
    """Stories, speakers and claim links of a whole batch of documents."""
    docs = {d["doc_id"]: d for d in documents}
    sentence_text = {(s["doc_id"], s["sentence_idx"]): s["text"] for s in sentences}
    claims = [c for c in claims if c["doc_id"] in docs]
    by_doc = defaultdict(list)
    for c in claims:
        by_doc[c["doc_id"]].append(c)
    story_of = group_stories(story_docs(docs, by_doc))
    speakers, claim_speaker = link_speakers(speaker_mentions(claims, story_of))
    links = link_claims(link_inputs(claims, docs, sentence_text, claim_speaker), story_of)
    return LinkedTables(
        stories=[{"story_id": s, "doc_id": d} for d, s in sorted(story_of.items(), key=lambda x: (x[1], x[0]))],
        speakers=[asdict(s) for s in speakers],
        claim_speaker=claim_speaker,
        claim_links=[asdict(link) for link in links],
    )
