"""The cross-document step: stories, speakers and claim links over the whole corpus.

Linking reads every document, sentence and claim part, calls
`pipelines.linking.link_tables`, replaces the `stories`, `speakers` and
`claim_links` tables (one atomic part each) and rewrites only those `claims`
parts whose `speaker_id` column changed.  A fingerprint of the parts it
linked lets a run with nothing new skip the step entirely.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.linking.rows import link_tables
from pipelines.schemas import CLAIM_LINKS, SPEAKERS, STORIES
from pipelines.steps import Progress, StepSummary
from pipelines.store import TableStore

STATE = ".linking-state.json"
CORPUS_PART = "corpus"


def fingerprint(store: TableStore) -> str:
    """What linking depends on: the document and claims parts, and when each claims part was written."""
    digest = hashlib.sha256()
    for table in ("documents", "claims"):
        for key, path in store.parts(table).items():
            digest.update(f"{table}/{key}:{path.stat().st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _state_path(store: TableStore) -> Path:
    return store.tables_dir / STATE


def link_corpus(store: TableStore, progress: Progress | None = None, force: bool = False) -> StepSummary:
    """Relink the corpus if any document or claims part changed since the last linking."""
    summary = StepSummary()
    before = fingerprint(store)
    state = _state_path(store)
    if not force and state.exists() and json.loads(state.read_text()).get("fingerprint") == before:
        summary.add("skipped")
        return summary
    documents = _read_all(store, "documents", ["doc_id", "title", "text", "source", "published_at"])
    sentences = _read_all(store, "sentences", ["doc_id", "sentence_idx", "text"])
    claims_parts = {key: pq.read_table(path) for key, path in store.parts("claims").items()}
    claims = [row for table in claims_parts.values() for row in table.to_pylist()]
    if progress:
        progress(f"linking {len(documents):,} documents, {len(claims):,} claims")
    linked = link_tables(documents, sentences, claims)
    store.write_part("stories", pa.Table.from_pylist(linked.stories, schema=STORIES), CORPUS_PART)
    store.write_part("speakers", pa.Table.from_pylist(linked.speakers, schema=SPEAKERS), CORPUS_PART)
    store.write_part("claim_links", pa.Table.from_pylist(linked.claim_links, schema=CLAIM_LINKS), CORPUS_PART)
    for key, table in claims_parts.items():
        ids = [linked.claim_speaker.get(c) for c in table.column("claim_id").to_pylist()]
        if ids != table.column("speaker_id").to_pylist():
            column = table.schema.get_field_index("speaker_id")
            store.write_part("claims", table.set_column(column, "speaker_id", pa.array(ids, pa.string())), key)
            summary.add("claims_parts_rewritten")
    _write_state(state, fingerprint(store))
    summary.add("stories", len({s["story_id"] for s in linked.stories}))
    summary.add("speakers", len(linked.speakers))
    summary.add("claim_links", len(linked.claim_links))
    return summary


def _read_all(store: TableStore, table: str, columns: list[str]) -> list[dict]:
    return [row for path in store.parts(table).values() for row in pq.read_table(path, columns=columns).to_pylist()]


def _write_state(path: Path, value: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"fingerprint": value}), encoding="utf-8")
    os.replace(tmp, path)
