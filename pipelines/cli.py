"""The `claimwire` command line: run, compact, sql, eval, ui."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from pipelines.resources import default_data_dir, default_inputs, local_data_dir

PROG = "claimwire"


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        return args.handler(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except CommandError as err:
        print(f"{PROG} {args.command}: error: {err}", file=sys.stderr)
        return 2


class CommandError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=PROG, description="Who claimed what, where: news text to DuckDB tables of attributed claims.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    data_dir = dict(default=None, metavar="DIR", help="data directory (default: $CLAIMWIRE_DATA_DIR, else ./data)")

    run = sub.add_parser("run", help="run the whole pipeline (the Dagster asset graph) over files or folders")
    run.add_argument("inputs", nargs="*", metavar="INPUT", help="files or folders (default: seeds/)")
    run.add_argument("--data-dir", **data_dir)
    run.add_argument("--batch-size", type=int, default=1000, help="documents per Parquet part (default 1000)")
    run.add_argument("--workers", type=int, default=None, metavar="N",
                     help="worker processes for splitting and tagging (default: $CLAIMWIRE_WORKERS, else one per core; 1: none)")
    run.add_argument("--quiet", action="store_true", help="print only the summary")
    run.set_defaults(handler=_run)

    compact = sub.add_parser("compact", help="merge the tables' small Parquet parts into larger ones (atomic, idempotent)")
    compact.add_argument("--data-dir", **data_dir)
    compact.add_argument("--target-docs", type=int, default=None, metavar="N",
                         help="documents per merged part (default 20000)")
    compact.set_defaults(handler=_compact)

    sql = sub.add_parser("sql", help="run DuckDB SQL over the tables and the sql/ views")
    sql.add_argument("query", metavar="QUERY_OR_FILE", help="a SQL query, or a path to a .sql file")
    sql.add_argument("--data-dir", **data_dir)
    sql.add_argument("--format", choices=("table", "csv", "json"), default="table")
    sql.add_argument("--max-width", type=int, default=60, help="widest cell in table format (default 60)")
    sql.set_defaults(handler=_sql)

    ev = sub.add_parser("eval", help="score attributions against brat standoff gold (text/*.txt, attributions/*.ann)")
    ev.add_argument("--gold", required=True, metavar="DIR")
    ev.add_argument("--data-dir", default=None, metavar="DIR",
                    help="where to write the tagged gold texts (default: a temporary folder)")
    ev.add_argument("--json", metavar="FILE", help="also write the full report as JSON")
    ev.set_defaults(handler=_eval)

    ui = sub.add_parser("ui", help="start the Dagster UI (webserver and daemon) on 127.0.0.1")
    ui.add_argument("--port", type=int, default=3000)
    ui.add_argument("--data-dir", **data_dir)
    ui.set_defaults(handler=_ui)
    return parser


def _data_dir(args) -> Path:
    try:
        return local_data_dir(args.data_dir or default_data_dir())
    except ValueError as err:
        raise CommandError(str(err)) from err


def _run(args) -> int:
    from pipelines import runner, workers

    data_dir = _data_dir(args)
    inputs = args.inputs or default_inputs()  # a missing one becomes a `not_found` reject
    if args.workers is not None:
        if args.workers < 1:
            raise CommandError("--workers must be 1 or more")
        os.environ[workers.ENV] = str(args.workers)  # read by the steps, also in Dagster's step processes
    started = time.monotonic()
    progress = None if args.quiet else (lambda line: print(f"  {line}", file=sys.stderr, flush=True))
    outcome = runner.run_pipeline(inputs, data_dir, batch_size=args.batch_size, progress=progress)
    if not outcome.success:
        print(f"{PROG} run: failed: {outcome.reason}", file=sys.stderr)
        return 1
    print(runner.format_summary(outcome, data_dir, time.monotonic() - started))
    return 0


def _compact(args) -> int:
    from pipelines import compaction
    from pipelines.store import TableStore

    data_dir = _data_dir(args)
    if not (data_dir / "tables").is_dir():
        raise CommandError(f"no tables under {data_dir}: run `claimwire run` first")
    store = TableStore(data_dir)
    started = time.monotonic()
    with store.writer_lock():
        summary = compaction.compact(store, args.target_docs or compaction.TARGET_DOCS)
    counts = summary.counts
    print(f"claimwire compact: {counts.get('parts_merged', 0):,} parts merged into {counts.get('merges', 0):,} "
          f"in {time.monotonic() - started:.1f} s" + (" (finished an interrupted compaction)" if counts.get("recovered") else ""))
    return 0


def _sql(args) -> int:
    from pipelines import query

    text = args.query
    if text.strip().lower().endswith(".sql") and "\n" not in text:
        path = Path(text)
        if not path.is_file():
            raise CommandError(f"no such SQL file: {text}")
        text = path.read_text(encoding="utf-8")
    try:
        columns, rows = query.run_query(_data_dir(args), text)
    except query.QueryError as err:
        raise CommandError(str(err)) from err
    sys.stdout.write(query.render(columns, rows, args.format, max_width=args.max_width))
    return 0


def _eval(args) -> int:
    from pipelines import evaluation, runner

    gold = Path(args.gold)
    if not (gold / "text").is_dir() or not (gold / "attributions").is_dir():
        raise CommandError(f"{gold} must hold text/*.txt and attributions/*.ann (brat standoff)")
    try:
        report_text = runner.evaluate(gold, _data_dir(args) if args.data_dir else None,
                                      json_path=args.json,
                                      notes=lambda line: print(f"{PROG} eval: note: {line}", file=sys.stderr))
    except evaluation.GoldError as err:
        raise CommandError(str(err)) from err
    print(report_text)
    return 0


def _ui(args) -> int:
    from pipelines import runner

    return runner.start_ui(_data_dir(args), args.port)


if __name__ == "__main__":
    sys.exit(main())
