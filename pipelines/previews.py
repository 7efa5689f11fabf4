"""Markdown previews and row counts for asset metadata (what a user sees in the UI)."""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.store import TableStore


def row_count(store: TableStore, table: str) -> int:
    """Rows in a table, from the Parquet footers (no data read)."""
    return sum(pq.ParquetFile(p).metadata.num_rows for p in store.parts(table).values())


def markdown_preview(rows: pa.Table, columns: list[str], limit: int = 10, width: int = 80) -> str:
    """The first `limit` rows as a markdown table, long cells shortened."""
    if rows.num_rows == 0:
        return "_no rows_"
    head = rows.select(columns).slice(0, limit).to_pylist()

    def cell(value) -> str:
        text = "" if value is None else str(value).replace("\n", " ").replace("|", "\\|")
        return text if len(text) <= width else text[: width - 1] + "…"

    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(r[c]) for c in columns) + " |" for r in head]
    return "\n".join(lines)


def latest_preview(store: TableStore, table: str, parts: list[str], columns: list[str]) -> str:
    """A preview of the first part written by this run, or of the table's first part."""
    available = store.parts(table)
    chosen = next((p for p in parts if p in available), next(iter(available), None))
    if chosen is None:
        return "_no rows_"
    return markdown_preview(store.read_part(table, chosen, columns), columns)
