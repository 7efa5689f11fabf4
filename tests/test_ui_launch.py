"""Launching the pipeline with no partition chosen: over the GraphQL API of `claimwire ui` it runs
into today's partition; on an instance without claimwire's run coordinator it is refused in its
first step, with how to launch it, before anything is written."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import dagster as dg
import pytest

from pipelines.definitions import PIPELINE_JOB, defs
from pipelines.jobs import run_config_for
from pipelines.partitions import folder_for, today
from pipelines.store import TableStore

from .conftest import ROOT, SEEDS


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_server(proc: subprocess.Popen, port: int, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"claimwire ui exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/server_info", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"claimwire ui did not answer on port {port}:\n{log.read_text(errors='replace')[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGINT)
    try:
        proc.wait(timeout=40)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.filterwarnings("ignore:Using variable_values and operation_name:DeprecationWarning")  # inside dagster_graphql
def test_a_run_launched_over_graphql_with_no_partition_writes_todays(tmp_path):
    from dagster_graphql import DagsterGraphQLClient

    data_dir, port, log = tmp_path / "data", _free_port(), tmp_path / "ui.log"
    env = {k: v for k, v in os.environ.items() if k != "DAGSTER_HOME"}  # the UI's own: DATA_DIR/.dagster
    env["CLAIMWIRE_EXECUTOR"] = "in_process"  # one run worker process, not one per step: faster here
    command = [str(Path(sys.executable).with_name("claimwire")), "ui", "--port", str(port), "--data-dir", str(data_dir)]
    with open(log, "wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    try:
        _wait_for_server(proc, port, log)
        client = DagsterGraphQLClient("127.0.0.1", port_number=port)
        # What the Launchpad sends when no partition is picked: the job, its config, no partition tag.
        run_id = client.submit_job_execution(PIPELINE_JOB, run_config=run_config_for([str(SEEDS / "reuters")]))
        deadline = time.monotonic() + 120
        while (status := client.get_run_status(run_id)) not in (
                dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE, dg.DagsterRunStatus.CANCELED):
            assert time.monotonic() < deadline, f"run {run_id} still {status}"
            time.sleep(1)
    finally:
        _stop(proc)
    assert status == dg.DagsterRunStatus.SUCCESS, log.read_text(errors="replace")[-3000:]
    store = TableStore(data_dir)
    assert len(store.parts("documents", folder_for(today()))) == 1
    assert store.parts("claims", folder_for(today()))


def test_a_run_with_no_partition_on_a_plain_instance_is_refused_before_it_writes(tmp_path):
    job = defs.resolve_job_def(PIPELINE_JOB)
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(run_config_for([str(SEEDS / "reuters")], data_dir=str(tmp_path / "data")),
                                        instance=instance, raise_on_error=False)
    assert not result.success
    [failure] = [e for e in result.all_events if e.is_step_failure]
    assert failure.step_key == "ingest"
    message = failure.step_failure_data.user_failure_data.description
    assert "has no partition" in message and today() in message and "TodayPartitionRunCoordinator" in message
    assert not TableStore(tmp_path / "data").parts("documents")


def test_the_instance_claimwire_writes_names_the_coordinator_and_a_users_own_is_kept(tmp_path, monkeypatch):
    from pipelines import runner

    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    fresh = runner.dagster_home(tmp_path / "fresh") / "dagster.yaml"
    assert "TodayPartitionRunCoordinator" in fresh.read_text()
    earlier = tmp_path / "earlier" / ".dagster" / "dagster.yaml"
    earlier.parent.mkdir(parents=True)
    earlier.write_text("telemetry:\n  enabled: false\n")  # what claimwire wrote before
    runner.dagster_home(tmp_path / "earlier")
    assert "TodayPartitionRunCoordinator" in earlier.read_text()
    own = tmp_path / "own" / ".dagster" / "dagster.yaml"
    own.parent.mkdir(parents=True)
    own.write_text("telemetry:\n  enabled: true\n")
    runner.dagster_home(tmp_path / "own")
    assert own.read_text() == "telemetry:\n  enabled: true\n"
