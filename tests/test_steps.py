"""The steps over the table store: incremental, idempotent, crash-tolerant."""

import json

import pyarrow.parquet as pq

from pipelines import steps
from pipelines.store import TableStore

STORY = "Council backs budget\nThe council approved the budget on Monday, Mayor Ann Lee said.\n"


def run_all(paths, store, **kw):
    summary = steps.ingest(paths, store, **kw)
    steps.segment_pending(store)
    steps.tag_pending(store)
    store.ensure_tables()
    return summary


def listing(store):
    return sorted((str(p.relative_to(store.tables_dir)), p.stat().st_mtime_ns) for p in store.tables_dir.rglob("*"))


def rows(store, table):
    return [r for p in store.parts(table).values() for r in pq.read_table(p).to_pylist()]


def test_ingest_records_every_input_and_is_idempotent(tmp_path):
    inbox = tmp_path / "in"
    (inbox / "local").mkdir(parents=True)
    (inbox / "local" / "a.txt").write_text(STORY)
    (inbox / "local" / "copy.txt").write_text(STORY)  # same text: one document
    (inbox / "local" / "bad.json").write_text("{nope")
    store = TableStore(tmp_path / "data")
    summary = run_all([inbox], store)
    assert summary.counts == {"records": 3, "rejected": 1, "ingested": 1, "duplicate": 1}
    assert len(rows(store, "documents")) == 1
    statuses = sorted((r["uri"].rsplit("/", 1)[1], r["status"]) for r in rows(store, "inputs"))
    assert statuses == [("a.txt", "ingested"), ("bad.json", "rejected"), ("copy.txt", "duplicate")]
    assert [r["reason"] for r in rows(store, "rejects")] == ["bad_json"]
    assert rows(store, "sentences") and all(r["doc_id"] == rows(store, "documents")[0]["doc_id"]
                                            for r in rows(store, "sentences"))

    before = listing(store)
    again = run_all([inbox], store)
    assert again.counts == {"records": 3, "rejected": 1, "unchanged": 2}
    assert listing(store) == before  # nothing rewritten, nothing added


def test_new_documents_append_without_touching_old_parts(tmp_path):
    store = TableStore(tmp_path / "data")
    (tmp_path / "one.txt").write_text(STORY)
    run_all([tmp_path / "one.txt"], store)
    old_parts = {t: dict(store.parts(t)) for t in ("documents", "sentences", "claims")}
    (tmp_path / "two.jsonl").write_text(json.dumps({"text": "Prices rose 3.2% in May, the agency said."}) + "\n")
    run_all([tmp_path / "two.jsonl"], store)
    for table, parts in old_parts.items():
        now = store.parts(table)
        assert set(parts) < set(now), table
    assert len(rows(store, "documents")) == 2


def test_batches_become_parts_and_every_step_follows_them(tmp_path):
    dump = tmp_path / "dump.jsonl"
    dump.write_text("".join(json.dumps({"text": f"Story {i}: the minister said taxes would rise."}) + "\n" for i in range(7)))
    store = TableStore(tmp_path / "data")
    run_all([dump], store, batch_size=3)
    assert len(store.parts("documents")) == 3
    assert set(store.parts("sentences")) == set(store.parts("documents")) == set(store.parts("claims"))


def test_a_crash_between_steps_is_completed_by_the_next_run(tmp_path):
    store = TableStore(tmp_path / "data")
    (tmp_path / "a.txt").write_text(STORY)
    steps.ingest([tmp_path / "a.txt"], store)  # then "crash": no sentences, no claims
    assert not store.parts("sentences")
    summary = run_all([tmp_path / "a.txt"], store)
    assert summary.counts.get("ingested", 0) == 0
    assert store.parts("sentences") and store.parts("claims")


def test_input_recorded_even_if_the_run_died_before_writing_inputs(tmp_path):
    store = TableStore(tmp_path / "data")
    (tmp_path / "a.txt").write_text(STORY)
    steps.ingest([tmp_path / "a.txt"], store)
    for path in store.parts("inputs").values():  # as if killed after documents, before inputs
        path.unlink()
    summary = steps.ingest([tmp_path / "a.txt"], store)
    assert summary.counts["ingested"] == 1
    assert [r["status"] for r in rows(store, "inputs")] == ["ingested"]


def test_stale_temp_files_are_invisible_and_cleaned(tmp_path):
    store = TableStore(tmp_path / "data")
    (tmp_path / "a.txt").write_text(STORY)
    run_all([tmp_path / "a.txt"], store)
    stale = store.table_dir("claims") / ".batch-x.parquet.1234.tmp"
    stale.write_bytes(b"half a parquet file")
    assert "batch-x" not in " ".join(store.parts("claims"))
    assert store.clean_temp_files() == 1 and not stale.exists()


def test_empty_tables_still_have_a_schema_file(tmp_path):
    store = TableStore(tmp_path / "data")
    store.ensure_tables()
    for table in ("documents", "sentences", "claims", "rejects", "inputs"):
        files = list(store.table_dir(table).glob("*.parquet"))
        assert len(files) == 1 and pq.read_table(files[0]).num_rows == 0


def test_a_tagger_bug_costs_one_document_not_the_batch(tmp_path, monkeypatch):
    from pipelines import attribution

    real = attribution.extract_attributions

    def flaky(text, sentences):
        if "explode" in text:
            raise RuntimeError("boom")
        return real(text, sentences)

    monkeypatch.setattr(attribution, "extract_attributions", flaky)
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text("Title\nThis one will explode, the engineer said.\n")
    store = TableStore(tmp_path / "data")
    run_all([tmp_path], store)
    assert {r["doc_id"] for r in rows(store, "claims")} == {doc_id for doc_id in
                                                            {d["doc_id"] for d in rows(store, "documents")
                                                             if "explode" not in d["text"]}}
    [failure] = [r for r in rows(store, "rejects")]
    assert failure["reason"] == "tag_error" and "boom" in failure["detail"] and failure["uri"].endswith("b.txt")
