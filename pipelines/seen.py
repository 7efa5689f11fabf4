"""What the store already holds of a chunk of input records, asked of the Parquet parts with DuckDB.

`ingest` must not write a document, an `inputs` row or a `rejects` row twice.
Rather than loading every stored key into memory, each chunk of records is
semi-joined against the tables' Parquet parts: DuckDB reads only the key
columns, and the answer is the few keys of this chunk that are already there.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb
import pyarrow as pa

from pipelines.ingest import Reject
from pipelines.store import TableStore


@dataclass
class Known:
    """The keys of one chunk that the store holds already."""

    docs: set[str] = field(default_factory=set)  # doc_ids in `documents`
    credited: set[str] = field(default_factory=set)  # doc_ids with an `ingested` row in `inputs`
    inputs: set[tuple[str, str | None]] = field(default_factory=set)  # (uri, doc_id) in `inputs`
    rejects: set[tuple[str, str]] = field(default_factory=set)  # (uri, reason) in `rejects`


class StoredKeys:
    """Semi-joins of chunks of records against `documents`, `inputs` and `rejects` (a context manager)."""

    def __init__(self, store: TableStore):
        self.store = store
        self.con = duckdb.connect()
        self.con.execute("set parquet_metadata_cache = true")

    def __enter__(self) -> StoredKeys:
        return self

    def __exit__(self, *exc) -> None:
        self.con.close()

    def _scan(self, table: str) -> str | None:
        """`read_parquet` of a table's parts, or None while it has none."""
        if not self.store.parts(table):
            return None
        glob = self.store.glob(table).replace("'", "''")
        return f"read_parquet('{glob}', union_by_name = true)"

    def lookup(self, chunk: list) -> Known:
        """The keys of `chunk` (documents and rejects of `iter_records`) already in the store."""
        known = Known()
        doc_ids = sorted({r.doc_id for r in chunk if not isinstance(r, Reject)})
        uris = sorted({r.uri for r in chunk})
        self.con.register("chunk_docs", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
        self.con.register("chunk_uris", pa.table({"uri": pa.array(uris, pa.string())}))
        try:
            if documents := self._scan("documents"):
                known.docs = {d for (d,) in self.con.execute(
                    f"select distinct doc_id from {documents} semi join chunk_docs using (doc_id)").fetchall()}
            if inputs := self._scan("inputs"):
                rows = self.con.execute(
                    f"select distinct uri, doc_id, status = 'ingested' from {inputs} semi join chunk_uris using (uri) "
                    f"union all select distinct null, doc_id, true from {inputs} semi join chunk_docs using (doc_id) "
                    "where status = 'ingested'").fetchall()
                known.inputs = {(uri, doc_id) for uri, doc_id, _ in rows if uri is not None}
                known.credited = {doc_id for _, doc_id, ingested in rows if ingested and doc_id is not None}
            if rejects := self._scan("rejects"):
                known.rejects = set(self.con.execute(
                    f"select distinct uri, reason from {rejects} semi join chunk_uris using (uri)").fetchall())
        finally:
            self.con.unregister("chunk_docs")
            self.con.unregister("chunk_uris")
        return known
