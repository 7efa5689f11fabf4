"""Wall time of every `sql/` view on a warehouse, and `EXPLAIN ANALYZE` of the slowest.

    .venv/bin/python bench/views_bench.py DATA_DIR [--replicate K --out DIR]

Each view is timed twice: `select * from <view>` with every row fetched
(as Arrow), the strictest use, and its first page (`limit 20`), what
`claimwire sql "select * from who_said_what limit 20"` costs.

`--replicate K` first writes, under `--out`, a data directory K times the
size of DATA_DIR's: every row of the per-document tables, `inputs`,
`stories` and `claim_links` K times, each copy's keys (`doc_id`, `claim_id`,
`parent_claim_id`, `story_id`, `uri`) suffixed with the copy's number so
that they stay distinct; `speakers` and `rejects` once.  The copies are
written through the table store (parts of one copy's documents each, sorted
by `doc_id`, zstd, sized row groups), then the warehouse is built over them.
It measures the queries at K times the rows of a real run; what it cannot
measure is a larger corpus's different mix (more stories, more links).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.store import TableStore  # noqa: E402
from pipelines.warehouse import analysis_queries, build_warehouse  # noqa: E402

KEYS = ("doc_id", "claim_id", "parent_claim_id", "story_id", "claim_id_a", "claim_id_b", "uri")
REPLICATED = ("documents", "sentences", "claims", "quantities", "inputs", "stories", "claim_links")
ONCE = ("speakers", "rejects")


def replicate(source: TableStore, target: TableStore, copies: int) -> None:
    """Write `copies` copies of `source`'s rows into `target`, keys suffixed per copy."""
    con = duckdb.connect()
    for table in REPLICATED + ONCE:
        glob = source.glob(table)
        columns = con.sql(f"select * from read_parquet('{glob}', union_by_name = true)").columns
        columns = [c for c in columns if c != "ingest_day"]
        for k in range(copies if table in REPLICATED else 1):
            select = ", ".join(f"{c} || '~{k}' as {c}" if c in KEYS else f'"{c}"' for c in columns)
            rows = con.sql(f"select {select} from read_parquet('{glob}', union_by_name = true)").to_arrow_table()
            target.write_part(table, rows, f"ingest_day=2026-01-01/copy-{k}" if table not in ONCE or k else "corpus")
    con.close()


def time_views(data_dir: Path, page: int = 20) -> list[tuple[float, float, str, int]]:
    """(seconds for all rows, seconds for the first page, view, rows) of every analysis view, slowest
    first; prints them and the slowest view's plan."""
    con = duckdb.connect(str(data_dir / "warehouse.duckdb"), read_only=True)
    con.execute("select count(*) from documents").fetchall()  # the connection's start-up, not a view's
    timings = []
    for query in analysis_queries():
        started = time.perf_counter()
        con.sql(f"select * from {query.name} limit {page}").to_arrow_table()
        first = time.perf_counter() - started
        started = time.perf_counter()
        rows = con.sql(f"select * from {query.name}").to_arrow_table().num_rows
        timings.append((time.perf_counter() - started, first, query.name, rows))
    timings.sort(reverse=True)
    print(f"{'view':34}{'all rows s':>11}{f'first {page} s':>12}{'rows':>11}")
    for took, first, name, rows in timings:
        print(f"{name:34}{took:11.3f}{first:12.3f}{rows:11,}")
    slowest = timings[0][2]
    print(f"\nEXPLAIN ANALYZE select * from {slowest}:")
    for _, plan in con.execute(f"explain analyze select * from {slowest}").fetchall():
        print(plan)
    con.close()
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--replicate", type=int, default=0, metavar="K")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    data_dir = args.data_dir
    if args.replicate:
        if not args.out:
            parser.error("--replicate needs --out")
        if args.out.exists():
            shutil.rmtree(args.out)
        started = time.perf_counter()
        target = TableStore(args.out)
        replicate(TableStore(data_dir), target, args.replicate)
        build_warehouse(target)
        con = duckdb.connect(str(args.out / "warehouse.duckdb"), read_only=True)
        counts = con.sql("select (select count(*) from documents), (select count(*) from sentences), "
                         "(select count(*) from claims)").fetchall()[0]
        con.close()
        print(f"{args.replicate} copies of {data_dir}: {counts[0]:,} documents, {counts[1]:,} sentences, "
              f"{counts[2]:,} claims in {time.perf_counter() - started:.0f} s -> {args.out}")
        data_dir = args.out
    time_views(data_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
