"""Scaling: worker processes write what one process writes, ingest dedups against the store by
DuckDB semi-joins, parts are sorted and zstd-compressed, compaction is atomic and idempotent."""

import json

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines import compaction, corpus, steps, workers
from pipelines.cli import main
from pipelines.store import TableStore
from tests.conftest import SEEDS, write_long_batch

PER_DOC = ("documents", "sentences", "claims", "quantities")
ALL = PER_DOC + ("inputs", "rejects", "stories", "speakers", "claim_links")


def table_rows(store: TableStore, table: str) -> list:
    """Every row of a table except the run's timestamps, in a canonical order."""
    glob = store.glob(table)
    con = duckdb.connect()
    columns = [c for c in con.sql(f"select * from read_parquet('{glob}', union_by_name = true)").columns
               if c not in ("ingested_at", "seen_at", "ingest_day")]
    quoted = ", ".join(f'"{c}"' for c in columns)
    return sorted(map(repr, con.sql(f"select {quoted} from read_parquet('{glob}', union_by_name = true)").fetchall()))


def part_files(store: TableStore) -> dict[str, bytes]:
    """Each per-document part's bytes (timestamps aside, parts are deterministic)."""
    return {f"{t}/{k}": pq.read_table(p).drop_columns(["ingested_at"] if t == "documents" else []).to_pylist().__repr__()
            for t in PER_DOC[1:] for k, p in store.parts(t).items()}


def seeded(path, batch_size=3) -> TableStore:
    store = TableStore(path)
    steps.ingest([str(SEEDS)], store, batch_size=batch_size)
    return store


def test_worker_processes_write_the_same_parts_as_one_process(tmp_path):
    serial, parallel = seeded(tmp_path / "serial", 4), seeded(tmp_path / "parallel", 4)
    assert len(serial.parts("documents")) == 2  # 8 seeds, 4 a part: a task for each worker
    for store, n in ((serial, 1), (parallel, 2)):
        split = steps.segment_pending(store, workers=n)
        tagged = steps.tag_pending(store, workers=n)
    assert split.counts["documents"] == tagged.counts["documents"] == 8
    assert part_files(serial) == part_files(parallel)
    assert table_rows(serial, "claims") == table_rows(parallel, "claims")


def test_worker_count_setting(monkeypatch):
    monkeypatch.setenv(workers.ENV, "3")
    assert workers.worker_count() == 3 and workers.worker_count(1) == 1
    monkeypatch.setenv(workers.ENV, "many")
    with pytest.raises(ValueError, match="CLAIMWIRE_WORKERS"):
        workers.worker_count()
    monkeypatch.delenv(workers.ENV)
    assert workers.worker_count() >= 1


@pytest.mark.parametrize("lookup_batches", [1, 10])
def test_ingest_finds_duplicates_across_chunks_and_runs_in_the_store(tmp_path, monkeypatch, lookup_batches):
    monkeypatch.setattr(steps, "LOOKUP_BATCHES", lookup_batches)  # 1: every lookup chunk is two records
    inbox = tmp_path / "in"
    inbox.mkdir()
    lines = [{"id": str(i), "text": f"Article {i % 3}: the mayor said the budget passed."} for i in range(7)]
    (inbox / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines) + "{broken\n")
    store = TableStore(tmp_path / "data")
    first = steps.ingest([str(inbox)], store, batch_size=2)  # chunks of two records: dedup goes through the store
    assert first.counts == {"records": 8, "ingested": 3, "duplicate": 4, "rejected": 1}
    again = steps.ingest([str(inbox)], store, batch_size=2)
    assert again.counts == {"records": 8, "unchanged": 7, "rejected": 1}
    (inbox / "b.jsonl").write_text(json.dumps(lines[0]) + "\n")
    third = steps.ingest([str(inbox)], store, batch_size=2)
    assert third.counts["duplicate"] == 1 and "ingested" not in third.counts
    assert len(table_rows(store, "documents")) == 3
    assert len(table_rows(store, "inputs")) == 9 and len(table_rows(store, "rejects")) == 1


def test_parts_are_sorted_by_doc_id_with_zstd_and_statistics(seeded_store):
    for table in PER_DOC:
        for path in seeded_store.parts(table).values():
            doc_ids = pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist()
            assert doc_ids == sorted(doc_ids), path
            column = pq.ParquetFile(path).metadata.row_group(0).column(0)
            assert column.compression == "ZSTD" and column.statistics.has_min_max


def tagged(path, batch_size=2) -> TableStore:
    store = seeded(path, batch_size)
    steps.segment_pending(store, workers=1)
    steps.tag_pending(store, workers=1)
    corpus.link_corpus(store)
    store.ensure_tables()
    return store


def test_compaction_keeps_every_row_and_is_idempotent(tmp_path):
    store = tagged(tmp_path / "data")
    before = {t: table_rows(store, t) for t in ALL}
    assert len(store.parts("claims")) == 4
    summary = compaction.compact(store)
    assert summary.counts["merges"] == 2  # the per-document tables together, and inputs
    assert len(store.parts("claims")) == len(store.parts("documents")) == 1
    assert {t: table_rows(store, t) for t in ALL} == before
    assert compaction.compact(store).counts == {}  # nothing left to merge
    # the merged part counts as linked and done: a re-run finds no work
    assert corpus.link_corpus(store).counts == {"skipped": 1}
    assert steps.tag_pending(store).counts == {}
    (path,) = store.parts("documents").values()
    doc_ids = pq.read_table(path, columns=["doc_id"]).column("doc_id").to_pylist()
    assert doc_ids == sorted(doc_ids)


@pytest.mark.parametrize("written", [False, True])
def test_an_interrupted_compaction_is_undone_or_finished(tmp_path, written):
    store = tagged(tmp_path / "data")
    before = {t: table_rows(store, t) for t in ALL}
    (merge,) = [m for m in compaction.plan(store) if "claims" in m.tables]
    compaction._journal(store).write_text(json.dumps(compaction.asdict(merge)))
    tables = merge.tables if written else merge.tables[:2]  # crash after some new parts
    for table in tables:
        rows = [store.read_part(table, p) for p in merge.old]
        store.write_part(table, pa.concat_tables(rows), merge.new)
    assert compaction.recover(store)
    assert not compaction._journal(store).exists()
    assert {t: table_rows(store, t) for t in ALL} == before
    assert (merge.new in store.parts("claims")) is written
    assert len(store.parts("sentences")) == (1 if written else len(merge.old))


def test_compact_command(tmp_path, capsys):
    store = tagged(tmp_path / "data")
    assert main(["compact", "--data-dir", str(store.data_dir)]) == 0
    assert "parts merged into 2" in capsys.readouterr().out
    assert main(["compact", "--data-dir", str(tmp_path / "nothing")]) == 2


def test_worker_processes_announce_each_long_document_as_its_part_is_handed_out(tmp_path, monkeypatch):
    monkeypatch.setattr(steps, "LONG_DOCUMENT_CHARS", 5_000)
    inputs = write_long_batch(tmp_path)
    store = TableStore(tmp_path / "data")
    steps.ingest([str(inputs)], store, batch_size=2)
    assert len(store.parts("documents")) == 2  # two parts: handed to two worker processes
    lines: list[str] = []
    steps.segment_pending(store, progress=lines.append, workers=2)
    steps.tag_pending(store, progress=lines.append, workers=2)
    long_lines = [line for line in lines if "long.txt" in line and "6,312 characters" in line]
    assert [line.split(":")[0] for line in long_lines] == ["sentences", "claims"]
