"""The table store: Parquet parts under `DATA_DIR/tables/<table>/`, written atomically.

A table is a folder of parts.  Each step writes one part per batch of
documents, named after the batch (`batch-<key>.parquet`) inside the hive
folder of the ingest day (`ingest_day=2025-02-12/`), so that a later step
finds its pending work by comparing part keys, a crash leaves at most a
stray temp file (never a half-written part), and re-running writes nothing new.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.schemas import TABLES

EMPTY_PART = "empty.parquet"  # keeps a table with no rows readable by its view
TMP_SUFFIX = ".tmp"
# Row groups: DuckDB scans one row group per thread, and its own tables hold 122,880 rows a group;
# a group is capped at about 64 MB so that wide rows (documents' text) stay cheap to read.
ROW_GROUP_ROWS = 122_880
ROW_GROUP_BYTES = 64 << 20
# Parts of the per-document tables are sorted by doc_id (stable: a document's rows keep their order),
# so the row groups' min/max statistics let a lookup by doc_id skip the rest.
SORTED_BY_DOC = ("documents", "sentences", "claims", "quantities")


class TableStore:
    """Read and write the contract's tables below one data directory."""

    def __init__(self, data_dir: str | os.PathLike):
        self.data_dir = Path(data_dir).resolve()
        self.tables_dir = self.data_dir / "tables"

    def table_dir(self, table: str) -> Path:
        return self.tables_dir / table

    def glob(self, table: str) -> str:
        """The `read_parquet` glob of a table (absolute)."""
        return str(self.table_dir(table) / "**" / "*.parquet")

    def parts(self, table: str, folder: str | None = None) -> dict[str, Path]:
        """Part key (its path below the table, without `.parquet`) to path, sorted, no placeholder.

        `folder` (a hive partition folder such as `ingest_day=2025-02-12`) keeps only the parts in it.
        """
        root = self.table_dir(table)
        where = root / folder if folder else root
        if not where.is_dir():
            return {}
        found = sorted(p for p in where.rglob("*.parquet") if p.name != EMPTY_PART)
        return {p.relative_to(root).as_posix().removesuffix(".parquet"): p for p in found}

    def write_part(self, table: str, rows: pa.Table, part: str) -> Path:
        """Write `rows` as part `part` of `table` atomically: temp file, fsync, rename."""
        schema = TABLES[table]
        rows = rows.select(schema.names).cast(schema) if rows.schema != schema else rows
        if table in SORTED_BY_DOC and rows.num_rows > 1:
            rows = rows.take(pc.sort_indices(rows, [("doc_id", "ascending")]))
        final = self.table_dir(table) / f"{part}.parquet"
        final.parent.mkdir(parents=True, exist_ok=True)
        atomic_parquet(rows, final)
        empty = self.table_dir(table) / EMPTY_PART
        if empty.exists():
            empty.unlink()
        return final

    def ensure_tables(self) -> None:
        """Give every table without a part one empty Parquet file with its schema."""
        for table, schema in TABLES.items():
            if not self.parts(table):
                folder = self.table_dir(table)
                folder.mkdir(parents=True, exist_ok=True)
                target = folder / EMPTY_PART
                if not target.exists():
                    atomic_parquet(schema.empty_table(), target)

    def read_part(self, table: str, part: str, columns: list[str] | None = None) -> pa.Table:
        return pq.read_table(self.table_dir(table) / f"{part}.parquet", columns=columns)

    def read_column(self, table: str, column: str) -> Iterator[pa.Array]:
        """One column of every part, part by part (memory stays at one part's column)."""
        for path in self.parts(table).values():
            yield pq.read_table(path, columns=[column]).column(column).combine_chunks()

    def clean_temp_files(self) -> int:
        """Remove temp files a crashed run left behind; returns how many."""
        if not self.tables_dir.is_dir():
            return 0
        stale = list(self.tables_dir.rglob(f"*{TMP_SUFFIX}"))
        for path in stale:
            path.unlink(missing_ok=True)
        return len(stale)

    @contextlib.contextmanager
    def writer_lock(self) -> Iterator[None]:
        """One writer at a time per data directory (an OS file lock, released on crash)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with open(self.data_dir / ".writer.lock", "w") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)


def row_group_rows(rows: pa.Table) -> int:
    """Rows per row group for `rows`: `ROW_GROUP_ROWS`, fewer where that would pass `ROW_GROUP_BYTES`."""
    if not rows.num_rows:
        return ROW_GROUP_ROWS
    per_row = max(1, rows.nbytes // rows.num_rows)
    return max(1024, min(ROW_GROUP_ROWS, ROW_GROUP_BYTES // per_row))


def atomic_parquet(rows: pa.Table, final: Path) -> None:
    tmp = final.with_name(f".{final.name}.{uuid.uuid4().hex[:8]}{TMP_SUFFIX}")
    try:
        with open(tmp, "wb") as fh:
            pq.write_table(rows, fh, compression="zstd", row_group_size=row_group_rows(rows),
                           write_statistics=True)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    finally:
        tmp.unlink(missing_ok=True)
