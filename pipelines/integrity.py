"""Integrity checks over the tables: offsets slice the text exactly, no orphan rows.

Dagster-free; the asset checks in `assets/checks.py` call these.
"""

from __future__ import annotations

import duckdb

from pipelines.store import TableStore
from pipelines.warehouse import table_view_sql

# Offsets are 0-based code-point indices; DuckDB's substr is 1-based over code points.
SENTENCE_MISMATCHES = """
    select s.doc_id, s.sentence_idx, s.start, s."end"
    from sentences s join documents d using (doc_id)
    where s.text is distinct from substr(d.text, s.start + 1, s."end" - s.start)
       or s.start < 0 or s."end" > d.n_chars or s.start >= s."end"
"""
CLAIM_MISMATCHES = """
    with spans as (
        select c.claim_id, c.doc_id, 'speaker' as part, c.speaker_start as s, c.speaker_end as e, c.speaker_text as t
        from claims c where c.speaker_start is not null
        union all
        select c.claim_id, c.doc_id, 'cue', c.cue_start, c.cue_end, c.cue_text from claims c where c.cue_start is not null
        union all
        select c.claim_id, c.doc_id, 'content', c.content_start, c.content_end, c.content_text from claims c
    )
    select spans.claim_id, spans.part, spans.s, spans.e
    from spans join documents d using (doc_id)
    where spans.t is distinct from substr(d.text, spans.s + 1, spans.e - spans.s)
       or spans.s < 0 or spans.e > d.n_chars or spans.s > spans.e
    union all
    select q.claim_id, 'quantity', q.start, q."end"
    from quantities q join documents d using (doc_id)
    where q.text is distinct from substr(d.text, q.start + 1, q."end" - q.start)
    union all
    select c.claim_id, 'content_spans', f.start, f."end"
    from claims c, unnest(c.content_spans) as u(f)
    where f.start < c.content_start or f."end" > c.content_end or f.start >= f."end"
"""
ORPHAN_SENTENCES = "select doc_id, sentence_idx from sentences anti join documents using (doc_id)"
ORPHAN_CLAIMS = """
    select claim_id, doc_id from claims c
    where not exists (select 1 from documents d where d.doc_id = c.doc_id)
       or (c.parent_claim_id is not null and not exists (select 1 from claims p where p.claim_id = c.parent_claim_id))
"""


def _connect(store: TableStore) -> duckdb.DuckDBPyConnection:
    store.ensure_tables()
    con = duckdb.connect()
    for table in ("documents", "sentences", "claims", "quantities"):
        con.execute(table_view_sql(store, table))
    return con


def _failures(store: TableStore, query: str, limit: int = 20) -> tuple[int, list[tuple]]:
    con = _connect(store)
    try:
        n = con.execute(f"select count(*) from ({query})").fetchone()[0]
        sample = con.execute(f"select * from ({query}) limit {int(limit)}").fetchall() if n else []
        return n, sample
    finally:
        con.close()


def sentence_span_failures(store: TableStore) -> tuple[int, list[tuple]]:
    """Sentences whose text is not `documents.text[start:end]`: count and a sample."""
    return _failures(store, SENTENCE_MISMATCHES)


def claim_span_failures(store: TableStore) -> tuple[int, list[tuple]]:
    """Claim spans (speaker, cue, content, fragments) and quantities that do not slice the text exactly."""
    return _failures(store, CLAIM_MISMATCHES)


def orphan_failures(store: TableStore) -> tuple[int, list[tuple]]:
    """Sentences and claims without their document, claims whose parent is missing."""
    n1, s1 = _failures(store, ORPHAN_SENTENCES)
    n2, s2 = _failures(store, ORPHAN_CLAIMS)
    return n1 + n2, s1 + s2
