"""Ad-hoc DuckDB SQL over the tables, rendered as a table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date, datetime
from pathlib import Path

import duckdb

from pipelines.store import TableStore
from pipelines.warehouse import create_views


class QueryError(Exception):
    """Bad SQL or a data directory with no tables: the message says which."""


_WHERE = re.compile(r"LINE (\d+): ")


def one_line(message: str) -> str:
    """DuckDB's error on one line: its sentences joined, the `LINE n: ...` / `^^^` pointer as
    `(at line n, column c)`."""
    lines = [line.rstrip() for line in message.strip().splitlines() if line.strip()]
    parts, at = [], ""
    for i, line in enumerate(lines):
        where = _WHERE.match(line)
        if where:
            caret = lines[i + 1] if i + 1 < len(lines) else ""
            column = len(caret) - len(caret.lstrip()) - where.end() + 1 if caret.strip().startswith("^") else None
            at = f" (at line {where.group(1)}" + (f", column {column})" if column and column > 0 else ")")
        elif not line.strip().startswith("^"):
            parts.append(line.strip())
    return " ".join(parts) + at


def run_query(data_dir: Path, sql: str) -> tuple[list[str], list[tuple]]:
    """Run `sql` with every table and `sql/` view defined; returns column names and rows."""
    store = TableStore(data_dir)
    if not store.tables_dir.is_dir():
        raise QueryError(f"no tables in {data_dir}: run `claimwire run` first (or pass --data-dir)")
    con = duckdb.connect()
    try:
        try:
            create_views(con, store)
        except ValueError as err:
            raise QueryError(str(err)) from err
        try:
            cursor = con.execute(sql)
        except duckdb.Error as err:
            raise QueryError(f"SQL: {one_line(str(err))}") from err
        if cursor.description is None:
            return [], []
        return [d[0] for d in cursor.description], cursor.fetchall()
    finally:
        con.close()


def _plain(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (bytes, bytearray)):
        return value.hex()
    return value


def render(columns: list[str], rows: list[tuple], fmt: str, max_width: int = 60) -> str:
    """Rows as an aligned text table, CSV (with header) or a JSON array of objects."""
    if fmt == "json":
        return json.dumps([dict(zip(columns, map(_plain, r))) for r in rows], ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for r in rows:
            writer.writerow(["" if v is None else json.dumps(_plain(v), ensure_ascii=False)
                             if isinstance(v, (list, dict)) else _plain(v) for v in r])
        return out.getvalue()
    return _table(columns, rows, max_width)


def _cell(value, max_width: int) -> str:
    if value is None:
        text = "NULL"
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.6g}"
    elif isinstance(value, (list, dict)):
        text = json.dumps(_plain(value), ensure_ascii=False)
    else:
        text = str(_plain(value))
    text = text.replace("\n", " ")
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def _table(columns: list[str], rows: list[tuple], max_width: int) -> str:
    if not columns:
        return "(no result)\n"
    cells = [[_cell(v, max_width) for v in r] for r in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    line = lambda values: " │ ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(columns), "─┼─".join("─" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
