"""Compaction: many small Parquet parts of a hive folder merged into few larger ones, atomically.

Small runs (a sensor picking up a few files, a day's trickle) leave one small
part per run in every table; scans then pay per file.  `compact` merges the
small parts of each folder, per table, into parts of up to `target_docs`
documents, sorted by `doc_id` with the store's row-group sizing.

The per-document tables (`documents`, `sentences`, `claims`, `quantities`)
and the linking index share part names, which is how a step finds its
pending work, so their parts are merged together, under one new name, and
only once a part is complete (it has its claims).  `inputs` and `rejects`
parts are merged per folder on their own.

Atomic and idempotent: a journal (`tables/.compaction.json`) names the old
parts and the new ones before anything is written; the new parts are written
(each atomically), the linking state is carried over, then the old parts are
removed and the journal last.  `recover` (run by `compact` and at the start of
every ingest) finishes a compaction whose new parts were all written and
undoes one whose were not, so a crash never leaves a row twice or not at all.
Compacting again finds nothing left to merge.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines import corpus
from pipelines.schemas import TABLES
from pipelines.steps import StepSummary, _key
from pipelines.store import TableStore, atomic_parquet

JOURNAL = ".compaction.json"
TARGET_DOCS = 20_000  # documents per compacted part: 3 to 6 row groups of sentences and claims
DOC_TABLES = ("documents", "sentences", "claims", "quantities")
LOG_TABLES = ("inputs", "rejects")
LOG_TARGET_ROWS = 1_000_000


@dataclass
class Merge:
    """Parts `old` of `tables`, in `folder`, become the one part `new`."""

    tables: list[str]
    old: list[str]
    new: str


def _folder(part: str) -> str:
    return part.rsplit("/", 1)[0] if "/" in part else ""


def _in_folder(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name


def _rows(store: TableStore, table: str, part: str) -> int:
    return pq.ParquetFile(store.table_dir(table) / f"{part}.parquet").metadata.num_rows


def _groups(sizes: dict[str, int], target: int) -> list[list[str]]:
    """Runs of small parts (by folder, in name order) packed up to `target` rows; runs of one are left."""
    by_folder: dict[str, list[str]] = {}
    for part, n in sizes.items():
        if n < target:
            by_folder.setdefault(_folder(part), []).append(part)
    groups = []
    for parts in by_folder.values():
        current, total = [], 0
        for part in parts:
            if current and total + sizes[part] > target:
                groups.append(current)
                current, total = [], 0
            current.append(part)
            total += sizes[part]
        groups.append(current)
    return [g for g in groups if len(g) > 1]


def plan(store: TableStore, target_docs: int = TARGET_DOCS) -> list[Merge]:
    """The merges that would compact `store` now."""
    merges = []
    complete = set(store.parts("documents"))
    for table in DOC_TABLES[1:]:
        complete &= set(store.parts(table))
    sizes = {p: _rows(store, "documents", p) for p in sorted(complete)}
    for group in _groups(sizes, target_docs):
        merges.append(Merge(list(DOC_TABLES), group, _in_folder(_folder(group[0]), f"compact-{_key(group)}")))
    for table in LOG_TABLES:
        sizes = {p: _rows(store, table, p) for p in store.parts(table)}
        for group in _groups(sizes, LOG_TARGET_ROWS):
            merges.append(Merge([table], group, _in_folder(_folder(group[0]), f"compact-{_key(group)}")))
    return merges


def compact(store: TableStore, target_docs: int = TARGET_DOCS) -> StepSummary:
    """Merge the small parts of every table (call under the store's writer lock)."""
    summary = StepSummary()
    if recover(store):
        summary.add("recovered")
    for merge in plan(store, target_docs):
        _journal(store).write_text(json.dumps(asdict(merge)), encoding="utf-8")
        for table in merge.tables:
            rows = pa.concat_tables([store.read_part(table, p) for p in merge.old]).cast(TABLES[table])
            store.write_part(table, rows, merge.new)
        if merge.tables == list(DOC_TABLES):
            _merge_link_keys(store, merge)
        _finish(store, merge)
        summary.add("merges")
        summary.add("parts_merged", len(merge.old) * len(merge.tables))
        summary.parts.append(merge.new)
    return summary


def recover(store: TableStore) -> bool:
    """Finish or undo a compaction a crash interrupted; True when there was one."""
    path = _journal(store)
    if not path.exists():
        return False
    merge = Merge(**json.loads(path.read_text(encoding="utf-8")))
    written = all((store.table_dir(t) / f"{merge.new}.parquet").exists() for t in merge.tables)
    if written:
        if merge.tables == list(DOC_TABLES):
            _merge_link_keys(store, merge)
        _finish(store, merge)
    else:
        for table in merge.tables:
            (store.table_dir(table) / f"{merge.new}.parquet").unlink(missing_ok=True)
        (corpus.index_dir(store) / f"{merge.new}.parquet").unlink(missing_ok=True)
        path.unlink()
    return True


def _journal(store: TableStore) -> Path:
    store.tables_dir.mkdir(parents=True, exist_ok=True)
    return store.tables_dir / JOURNAL


def _merge_link_keys(store: TableStore, merge: Merge) -> None:
    """The linking index of the new part: its old parts' keys, when all of them were indexed."""
    index = corpus.index_dir(store)
    old = [index / f"{p}.parquet" for p in merge.old]
    target = index / f"{merge.new}.parquet"
    if target.exists() or not all(p.exists() for p in old):
        return
    keys = pa.concat_tables([pq.read_table(p) for p in old]).cast(corpus.KEYS)
    atomic_parquet(keys.take(pc.sort_indices(keys, [("doc_id", "ascending"), ("key", "ascending")])), target)


def _finish(store: TableStore, merge: Merge) -> None:
    """Carry the linking state over to the new part, remove the old parts, then the journal."""
    if "claims" in merge.tables:
        corpus.rename_linked(store, merge.old, merge.new)
    for table in merge.tables:
        for part in merge.old:
            (store.table_dir(table) / f"{part}.parquet").unlink(missing_ok=True)
    if merge.tables == list(DOC_TABLES):
        for part in merge.old:
            (corpus.index_dir(store) / f"{part}.parquet").unlink(missing_ok=True)
    _journal(store).unlink(missing_ok=True)
