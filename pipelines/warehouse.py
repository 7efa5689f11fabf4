"""`DATA_DIR/warehouse.duckdb`: a view per table plus the analysis views of `sql/`.

The file holds views only and is rebuilt into a temp file that then replaces
the old one, so an analyst's open session (which keeps the old file) never
blocks a run, and a crash never leaves a half-built warehouse.
"""

from __future__ import annotations

import hashlib
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.schemas import TABLES
from pipelines.store import TableStore

WAREHOUSE = "warehouse.duckdb"
VIEW_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class AnalysisQuery:
    """One `sql/*.sql` file: its view name, header comment and query."""

    name: str
    description: str
    sql: str


def sql_dir() -> Path:
    """The analysis queries: `$CLAIMWIRE_SQL_DIR`, else `sql/` beside the installed package."""
    configured = os.environ.get("CLAIMWIRE_SQL_DIR")
    return Path(configured) if configured else Path(__file__).resolve().parents[1] / "sql"


def analysis_queries(folder: Path | None = None) -> list[AnalysisQuery]:
    """Every `*.sql` file of `folder`, in name order; the file name is the view name."""
    folder = folder or sql_dir()
    found = []
    for path in sorted(folder.glob("*.sql")) if folder.is_dir() else []:
        name = path.stem
        if not VIEW_NAME.match(name):
            raise ValueError(f"{path}: the file name must be a lower-case SQL identifier to name its view")
        text = path.read_text(encoding="utf-8")
        header = [ln[2:].strip() for ln in text.splitlines() if ln.startswith("--")]
        found.append(AnalysisQuery(name, " ".join(h for h in header if h), text.strip().rstrip(";")))
    return found


def table_view_sql(store: TableStore, table: str) -> str:
    glob = store.glob(table).replace("'", "''")
    return (f"create or replace view {table} as select * from read_parquet('{glob}', "
            f"hive_partitioning = true, union_by_name = true)")


def create_views(con: duckdb.DuckDBPyConnection, store: TableStore, folder: Path | None = None) -> list[str]:
    """Create the table views and the analysis views on `con`; returns the view names."""
    names = []
    for table in TABLES:
        con.execute(table_view_sql(store, table))
        names.append(table)
    pending = analysis_queries(folder)
    while pending:  # a view may select from another: create in rounds until none is left
        failed: list[tuple[AnalysisQuery, duckdb.Error]] = []
        for query in pending:
            try:
                con.execute(f"create or replace view {query.name} as {query.sql}")
                names.append(query.name)
            except duckdb.CatalogException as err:
                failed.append((query, err))
            except duckdb.Error as err:
                raise ValueError(f"sql/{query.name}.sql does not compile: {err}") from err
        if len(failed) == len(pending):
            query, err = failed[0]
            raise ValueError(f"sql/{query.name}.sql does not compile: {err}")
        pending = [query for query, _ in failed]
    return names


def _definition_key(store: TableStore, folder: Path | None) -> str:
    """What the warehouse is built from: the table globs and the text of every sql/ view."""
    digest = hashlib.sha256()
    for table in TABLES:
        digest.update(table_view_sql(store, table).encode())
    for query in analysis_queries(folder):
        digest.update(f"{query.name}\0{query.sql}\0".encode())
    return digest.hexdigest()


def build_warehouse(store: TableStore, folder: Path | None = None) -> tuple[Path, list[str]]:
    """Rebuild `warehouse.duckdb` atomically, unless its views are already what they would be.

    Returns its path and its views.  Views read the Parquet files when queried, so new
    rows need no rebuild; only a new table, a changed sql/ file or a moved data dir do.
    """
    store.ensure_tables()
    target = store.data_dir / WAREHOUSE
    key = _definition_key(store, folder)
    stamp = store.data_dir / f".{WAREHOUSE}.key"
    if target.exists() and stamp.exists() and stamp.read_text() == key:
        return target, [t for t in TABLES] + [q.name for q in analysis_queries(folder)]
    tmp = target.with_name(f".{WAREHOUSE}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        con = duckdb.connect(str(tmp))
        try:
            names = create_views(con, store, folder)
            con.execute("checkpoint")
        finally:
            con.close()
        os.replace(tmp, target)
        stamp.write_text(key)
    finally:
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
    return target, names
