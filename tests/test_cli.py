"""The `claimwire` command line end to end, in a temp dir, as a user runs it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import POLNEAR_DEV, ROOT, SAMPLE, SEEDS, SHARED, need

BIN = Path(sys.executable).parent


def claimwire(*args, cwd, check=True):
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "CLAIMWIRE_DATA_DIR")}
    proc = subprocess.run([str(BIN / "claimwire"), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    if check and proc.returncode != 0:
        raise AssertionError(f"claimwire {' '.join(args)} exited {proc.returncode}\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="module")
def ran(tmp_path_factory):
    work = tmp_path_factory.mktemp("cli")
    inbox = work / "inbox"
    inbox.mkdir()
    (inbox / "broken.json").write_text("{not json")
    proc = claimwire("run", str(SEEDS), str(inbox), "--data-dir", str(work / "data"), cwd=work)
    return work, proc


def test_run_prints_a_summary_and_writes_the_contract_tables(ran):
    work, proc = ran
    assert "claimwire: run ok" in proc.stdout
    assert "documents" in proc.stdout and "top speakers:" in proc.stdout
    for table in ("documents", "sentences", "claims", "rejects", "inputs"):
        assert list((work / "data" / "tables" / table).rglob("*.parquet")), table
    assert (work / "data" / "warehouse.duckdb").exists()
    assert (work / "data" / ".dagster").is_dir()  # DAGSTER_HOME set explicitly
    assert not (work / ".dagster").exists()


def test_contract_check_passes(ran):
    work, _ = ran
    checker = need(SHARED / "eval" / "contract_check.py")
    proc = subprocess.run([sys.executable, str(checker), str(work / "data")], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "contract: ok" in proc.stdout


def test_sql_formats_and_errors(ran):
    work, _ = ran
    data = ["--data-dir", str(work / "data")]
    table = claimwire("sql", "select reason, count(*) n from rejects group by 1", *data, cwd=work).stdout
    assert "bad_json" in table and "(1 row)" in table
    csv = claimwire("sql", "select count(*) as n from documents", *data, "--format", "csv", cwd=work).stdout
    assert csv.splitlines()[0] == "n" and int(csv.splitlines()[1]) >= 8
    out = claimwire("sql", str(ROOT / "sql" / "who_said_what.sql"), *data, "--format", "json", cwd=work).stdout
    assert {"speaker", "cue", "content"} <= set(json.loads(out)[0])
    bad = claimwire("sql", "selec nonsense", *data, cwd=work, check=False)
    assert bad.returncode == 2 and bad.stderr.startswith("claimwire sql: error: SQL:") and "Traceback" not in bad.stderr


def test_rerun_is_idempotent(ran):
    work, _ = ran
    listing = lambda: sorted((str(p), p.stat().st_mtime_ns) for p in (work / "data").rglob("*")
                             if p.suffix in (".parquet", ".duckdb"))
    before = listing()
    proc = claimwire("run", str(SEEDS), "--data-dir", str(work / "data"), "--quiet", cwd=work)
    assert "0 new documents" in proc.stdout
    assert listing() == before  # no table, no view rewritten


def test_run_on_a_file_and_a_missing_path_goes_on(tmp_path):
    """A file given directly takes its folder as source; a missing path is a `not_found` reject."""
    from .test_language import GERMAN

    data = ["--data-dir", str(tmp_path / "d")]
    (tmp_path / "spiegel").mkdir()
    (tmp_path / "spiegel" / "rente.txt").write_text(GERMAN, encoding="utf-8")
    proc = claimwire("run", str(SAMPLE), str(tmp_path / "nowhere"), "spiegel/rente.txt", *data, cwd=tmp_path, check=False)
    assert proc.returncode == 0, proc.stderr
    assert "2 new documents" in proc.stdout and "1 rejected" in proc.stdout
    assert "warning:   1 new documents are not in English (de 1): claims are tagged in English only" in proc.stdout
    assert "not in English (de 1)" in proc.stderr  # the progress line
    sources = claimwire("sql", "select source, language from documents order by source", *data, "--format", "csv",
                        cwd=tmp_path).stdout
    assert sources.split() == ["source,language", "reuters,en", "spiegel,de"]
    rejects = claimwire("sql", "select r.reason, i.status from rejects r join inputs i using (uri)", *data,
                        "--format", "csv", cwd=tmp_path).stdout
    assert rejects.split() == ["reason,status", "not_found,rejected"]


def test_eval_prints_the_scorer_figures(tmp_path):
    dev = need(POLNEAR_DEV)
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    for name in sorted(os.listdir(dev / "text"))[:3]:
        (gold / "text" / name).write_text((dev / "text" / name).read_text(encoding="utf-8"), encoding="utf-8")
        for ann in (dev / "attributions").glob(name[:-4] + "_*.ann"):
            (gold / "attributions" / ann.name).write_text(ann.read_text(encoding="utf-8"), encoding="utf-8")
    proc = claimwire("eval", "--gold", str(gold), cwd=tmp_path)
    assert "documents 3  missing 0  misaligned 0" in proc.stdout
    assert "exact F1 cue" in proc.stdout


def _free_port():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


LAUNCH = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
  }
}"""


def test_ui_serves_the_graph_and_runs_the_job(tmp_path):
    """The real webserver on a free port: read the graph, launch the job on seeds/, wait, check the tables."""
    import signal
    import time
    import urllib.request

    from pipelines.partitions import today

    port = _free_port()
    data_dir = tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if k not in ("DAGSTER_HOME", "CLAIMWIRE_INBOX")}
    server = subprocess.Popen([str(BIN / "claimwire"), "ui", "--port", str(port), "--data-dir", str(data_dir)],
                              cwd=ROOT, env=env, start_new_session=True,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def graphql(query, variables=None, timeout=10):
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        request = urllib.request.Request(f"http://127.0.0.1:{port}/graphql", body, {"Content-Type": "application/json"})
        return json.loads(urllib.request.urlopen(request, timeout=timeout).read())["data"]

    try:
        deadline, nodes = time.monotonic() + 120, None
        while time.monotonic() < deadline and nodes is None:
            try:
                nodes = graphql("{ assetNodes { assetKey { path } dependencyKeys { path } } }", timeout=5)["assetNodes"]
            except OSError:
                time.sleep(0.5)
        assert nodes is not None, "the webserver did not answer within 120 s"
        graph = {n["assetKey"]["path"][0]: {d["path"][0] for d in n["dependencyKeys"]} for n in nodes}
        assert graph["sentences"] == {"documents"} and "sentences" in graph["claims"]

        [repo] = graphql("{ repositoriesOrError { ... on RepositoryConnection { nodes { name location { name } } } } }")[
            "repositoriesOrError"]["nodes"]
        params = {
            "selector": {"repositoryLocationName": repo["location"]["name"], "repositoryName": repo["name"],
                         "jobName": "claimwire_pipeline"},
            "runConfigData": {"ops": {"ingest": {"config": {"paths": [str(SEEDS)]}}}},
            "executionMetadata": {"tags": [{"key": "dagster/partition", "value": today()}]},
        }
        launched = graphql(LAUNCH, {"params": params}, timeout=60)["launchRun"]
        assert launched["__typename"] == "LaunchRunSuccess", launched
        run_id, status = launched["run"]["runId"], None
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and status not in ("SUCCESS", "FAILURE", "CANCELED"):
            time.sleep(1)
            status = graphql("query($id: ID!) { runOrError(runId: $id) { ... on Run { status } } }",
                             {"id": run_id})["runOrError"]["status"]
        assert status == "SUCCESS", status
    finally:
        os.killpg(server.pid, signal.SIGINT)  # stop it by its process group, as a user's Ctrl-C
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(10)
    out = claimwire("sql", "select count(*) from documents", "--data-dir", str(data_dir), "--format", "csv", cwd=tmp_path)
    assert int(out.stdout.splitlines()[1]) >= 8
    assert (data_dir / "warehouse.duckdb").exists()
