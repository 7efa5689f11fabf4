"""Crash safety and concurrency: SIGKILL mid-run, two runs at once, backfill of one day."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pyarrow.parquet as pq

from pipelines.definitions import defs
from pipelines.jobs import run_config_for
from pipelines.store import TableStore

from .conftest import SEEDS

BIN = Path(sys.executable).parent


def make_dump(path: Path, n: int) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.rglob("*.txt"))]
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": str(i), "text": f"{texts[i % len(texts)]}\n(Item {i}.)"}) + "\n")
    return path


def start_run(dump: Path, data_dir: Path, batch: int = 50) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME",)}
    return subprocess.Popen([str(BIN / "claimwire"), "run", str(dump), "--data-dir", str(data_dir),
                             "--batch-size", str(batch), "--quiet"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)


def all_rows(store: TableStore, table: str, columns: list[str]) -> list[dict]:
    return [r for p in store.parts(table).values() for r in pq.read_table(p, columns=columns).to_pylist()]


def assert_consistent(store: TableStore) -> None:
    """Every Parquet file is whole, and nothing derived exists without its document part."""
    for table in ("documents", "sentences", "claims", "inputs", "rejects"):
        for path in store.parts(table).values():
            pq.read_metadata(path)  # raises on a torn file
    docs = set(store.parts("documents"))
    assert set(store.parts("sentences")) <= docs and set(store.parts("claims")) <= docs


def kill_when(proc: subprocess.Popen, ready, timeout: float = 120) -> bool:
    """SIGKILL the run's process group as soon as `ready()` holds; False if the run ended first."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)
            return True
        time.sleep(0.005)
    proc.wait(30)
    return False


def test_sigkill_at_any_moment_then_the_next_run_completes(tmp_path):
    dump = make_dump(tmp_path / "dump.jsonl", 2000)
    data_dir = tmp_path / "data"
    store = TableStore(data_dir)
    n = lambda table: len(store.parts(table))
    moments = {  # kill mid-ingest, mid-segmentation, mid-tagging
        "ingest": lambda: n("documents") >= 5,
        "segment": lambda: n("sentences") >= 1,
        "tag": lambda: n("claims") >= 1,
    }
    killed = []
    for name, ready in moments.items():
        if kill_when(start_run(dump, data_dir), ready):
            killed.append(name)
        assert_consistent(store)
    assert killed, "no run was killed mid-way"
    proc = start_run(dump, data_dir)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    assert_consistent(store)
    doc_ids = [r["doc_id"] for r in all_rows(store, "documents", ["doc_id"])]
    assert len(doc_ids) == len(set(doc_ids)) == 2000
    assert set(store.parts("sentences")) == set(store.parts("claims")) == set(store.parts("documents"))
    statuses = [r["status"] for r in all_rows(store, "inputs", ["status"])]
    assert statuses.count("ingested") == 2000 and "duplicate" not in statuses


def test_two_runs_at_once_do_not_corrupt_anything(tmp_path):
    dump = make_dump(tmp_path / "dump.jsonl", 400)
    data_dir = tmp_path / "data"
    runs = [start_run(dump, data_dir), start_run(dump, data_dir)]
    for proc in runs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err.decode()
    store = TableStore(data_dir)
    assert_consistent(store)
    doc_ids = [r["doc_id"] for r in all_rows(store, "documents", ["doc_id"])]
    assert len(doc_ids) == len(set(doc_ids)) == 400
    inputs = [(r["uri"], r["status"]) for r in all_rows(store, "inputs", ["uri", "status"])]
    assert len(inputs) == len(set(inputs)) == 400


def test_backfill_of_one_day_retags_that_day_only(tmp_path):
    data_dir = tmp_path / "data"
    with dg.instance_for_test() as instance:
        job = defs.resolve_job_def("claimwire_pipeline")
        for day, folder in (("2025-02-12", SEEDS / "reuters"), ("2025-02-13", SEEDS / "apnews")):
            assert job.execute_in_process(run_config_for([str(folder)], data_dir=str(data_dir)),
                                          instance=instance, partition_key=day).success
        store = TableStore(data_dir)
        before = {k: p.stat().st_mtime_ns for k, p in store.parts("claims").items()}
        assert {k.split("/")[0] for k in before} == {"ingest_day=2025-02-12", "ingest_day=2025-02-13"}
        time.sleep(0.01)
        config = run_config_for([], data_dir=str(data_dir))
        config["ops"]["claims"] = {"config": {"reprocess": True}}
        assert job.execute_in_process(config, instance=instance, partition_key="2025-02-12").success
    after = {k: p.stat().st_mtime_ns for k, p in store.parts("claims").items()}
    assert after.keys() == before.keys()
    changed = {k.split("/")[0] for k in after if after[k] != before[k]}
    assert changed == {"ingest_day=2025-02-12"}
