"""Past one machine: the partitioned job's steps on two Celery workers (broker Redis), the Dagster
instance on PostgreSQL, and the merged tables equal to a single-process run of the same days.

Needs the local PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379); skipped, saying which is
missing, only when one does not answer (`.ci/run` starts them, and fails when it cannot).
"""

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from unittest import mock

import dagster as dg
import pyarrow.parquet as pq
import pytest
import yaml

from pipelines import corpus
from pipelines.definitions import PIPELINE_JOB, defs
from pipelines.jobs import run_config_for
from pipelines.schemas import TABLES
from pipelines.store import TableStore

from .conftest import ROOT, SEEDS

POSTGRES, REDIS = ("127.0.0.1", 5432), ("127.0.0.1", 6379)
DAYS = {"2025-02-12": SEEDS / "reuters", "2025-02-13": SEEDS / "apnews", "2025-02-14": SEEDS / "syndicated"}
TIMESTAMPS = {"ingested_at", "seen_at"}  # when a row was written, not what it says
PER_DAY = ("documents", "inputs", "rejects", "sentences", "claims", "quantities")
LINKED = frozenset({"speaker_id"})  # set on claims by the corpus-wide linking


def answers(address: tuple[str, int]) -> bool:
    try:
        with socket.create_connection(address, timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture
def services():
    missing = [f"{name} on {host}:{port}" for name, (host, port) in (("PostgreSQL", POSTGRES), ("Redis", REDIS))
               if not answers((host, port))]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not answering: the Celery scale-out test needs them (.ci/run starts them)")


@pytest.fixture
def postgres_db(services):
    """A database of its own for this test's Dagster instance, dropped afterwards."""
    import psycopg2

    name = f"claimwire_test_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(host=POSTGRES[0], port=POSTGRES[1], user="postgres", dbname="postgres")
    admin.autocommit = True
    with admin.cursor() as cur:
        cur.execute(f'create database "{name}"')
    try:
        yield name
    finally:
        with admin.cursor() as cur:
            cur.execute(f'drop database if exists "{name}" with (force)')
        admin.close()


def _write_configs(tmp_path: Path, db_name: str, queue: str) -> dict:
    """DAGSTER_HOME/dagster.yaml on PostgreSQL, the workers' celery.yaml, and the environment of every process."""
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text(
        (ROOT / "deploy" / "dagster.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    broker = f"redis://{REDIS[0]}:{REDIS[1]}/0"
    (tmp_path / "celery.yaml").write_text(
        f"execution:\n  config:\n    broker: {broker}\n    backend: {broker}\n"
        f"    config_source: {{task_default_queue: {queue}}}\n", encoding="utf-8")
    return dict(os.environ, DAGSTER_HOME=str(home), PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
                DAGSTER_PG_HOST=POSTGRES[0], DAGSTER_PG_DB=db_name, DAGSTER_PG_USER="postgres", DAGSTER_PG_PASSWORD="",
                CLAIMWIRE_EXECUTOR="celery", CLAIMWIRE_CELERY_BROKER=broker, CLAIMWIRE_CELERY_BACKEND=broker,
                CLAIMWIRE_CELERY_QUEUE=queue)


def _start_workers(tmp_path: Path, env: dict, queue: str) -> list[tuple[subprocess.Popen, Path]]:
    workers = []
    for name in ("one", "two"):
        log = tmp_path / f"worker-{name}.log"
        command = [str(Path(sys.executable).with_name("dagster-celery")), "worker", "start", "-A", "dagster_celery.app",
                   "-y", str(tmp_path / "celery.yaml"), "-q", queue, "-n", f"{queue}-{name}", "--", "--concurrency", "1"]
        with open(log, "wb") as out:
            workers.append((subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                             start_new_session=True), log))
    return workers


def _wait_ready(workers, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    for proc, log in workers:
        while b" ready." not in log.read_bytes():
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"Celery worker did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
    for proc in procs:
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _single_process_run(data_dir: Path) -> None:
    job = defs.resolve_job_def(PIPELINE_JOB)
    with dg.instance_for_test() as instance:
        for day, folder in DAYS.items():
            result = job.execute_in_process(run_config_for([str(folder)], data_dir=str(data_dir)),
                                            instance=instance, partition_key=day)
            assert result.success


def _table(data_dir: Path, table: str, leave_out: frozenset = frozenset()) -> list[tuple]:
    """A table's rows, sorted, without the write timestamps (nor `leave_out`), with each part's ingest day."""
    rows = []
    root = data_dir / "tables" / table
    for path in root.rglob("*.parquet"):
        folder = path.parent.relative_to(root).as_posix()
        for row in pq.read_table(path).to_pylist():
            kept = sorted((k, v) for k, v in row.items() if k not in TIMESTAMPS and k not in leave_out)
            rows.append((folder, repr(kept)))
    return sorted(rows)


def test_partitions_on_two_celery_workers_equal_a_single_process_run(tmp_path, postgres_db):
    queue = f"claimwire-test-{uuid.uuid4().hex[:6]}"  # no other worker on this machine takes these steps
    env = _write_configs(tmp_path, postgres_db, queue)
    workers = _start_workers(tmp_path, env, queue)
    runs: list[subprocess.Popen] = []
    try:
        _single_process_run(tmp_path / "single")  # while the workers start
        _wait_ready(workers)
        for day, folder in DAYS.items():  # one run per day, all at once, as a backfill launches them
            config = tmp_path / f"run-{day}.yaml"
            config.write_text(yaml.safe_dump(run_config_for([str(folder)], data_dir=str(tmp_path / "celery"))))
            command = [str(Path(sys.executable).with_name("dagster")), "job", "execute", "-m", "pipelines.definitions",
                       "-j", PIPELINE_JOB, "-c", str(config), "--tags", f'{{"dagster/partition": "{day}"}}']
            with open(tmp_path / f"run-{day}.log", "wb") as log:
                runs.append(subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                             start_new_session=True))
        for proc in runs:
            proc.wait(timeout=240)
    finally:
        _stop(runs + [proc for proc, _ in workers])

    with mock.patch.dict(os.environ, env):
        instance = dg.DagsterInstance.from_config(env["DAGSTER_HOME"])
    try:
        finished = instance.get_runs()
        assert sorted(r.tags["dagster/partition"] for r in finished) == sorted(DAYS)
        assert all(r.status == dg.DagsterRunStatus.SUCCESS for r in finished), [
            (tmp_path / f"run-{r.tags['dagster/partition']}.log").read_text(errors="replace")[-3000:] for r in finished]
        hosts = set()
        for run in finished:
            steps_on_workers = set()
            for entry in instance.all_logs(run.run_id):
                event = entry.dagster_event
                worker = event and event.event_type_value == "ENGINE_EVENT" and \
                    event.engine_event_data.metadata.get("Celery worker")  # "Executing steps ... in celery worker"
                if worker:
                    steps_on_workers.add(event.step_key)
                    hosts.add(worker.value)
            assert {"ingest", "sentences", "claims", "linking", "warehouse"} <= steps_on_workers
        assert len(hosts) == 2, hosts  # both workers took steps
    finally:
        instance.dispose()

    celery, single = tmp_path / "celery", tmp_path / "single"
    for table in PER_DAY:
        assert _table(celery, table, LINKED) == _table(single, table, LINKED), table
    # The runs linked the corpus whenever each got there, and incremental story grouping depends on
    # which documents it saw together; relinked whole, both warehouses agree on every table.
    for data_dir in (celery, single):
        corpus.link_corpus(TableStore(data_dir), force=True)
    for table in TABLES:
        assert _table(celery, table) == _table(single, table), table
    assert _table(celery, "claims") and _table(celery, "stories")
