"""Running the Dagster graph in-process for the CLI, and starting the UI.

`DAGSTER_HOME` is always set explicitly: `$DAGSTER_HOME` when the user set it,
else `DATA_DIR/.dagster`, so runs started from the CLI and from the UI share
one run history per data directory and nothing lands in Dagster's temp folders.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.jobs import PIPELINE_JOB


def dagster_home(data_dir: Path) -> Path:
    """The Dagster instance folder for `data_dir`, created if missing."""
    home = Path(os.environ.get("DAGSTER_HOME") or data_dir / ".dagster").resolve()
    home.mkdir(parents=True, exist_ok=True)
    config = home / "dagster.yaml"
    if not config.exists() or config.read_text(encoding="utf-8") == _EARLIER_INSTANCE_YAML:
        config.write_text(INSTANCE_YAML, encoding="utf-8")
    return home


# No network at run time: telemetry off. The run coordinator gives a run launched from the UI
# with no partition today's (pipelines/coordinator.py).
INSTANCE_YAML = """telemetry:
  enabled: false
run_coordinator:
  module: pipelines.coordinator
  class: TodayPartitionRunCoordinator
"""
_EARLIER_INSTANCE_YAML = "telemetry:\n  enabled: false\n"  # what claimwire wrote before: upgraded


@dataclass
class RunOutcome:
    """What `run_pipeline` did: success, why not, and the steps' metadata."""

    success: bool
    reason: str = ""
    metadata: dict[str, dict] = field(default_factory=dict)
    run_id: str = ""


class _LogRelay:
    """Sends the run's progress lines (Dagster INFO logs of our assets) to a callback."""

    def __init__(self, progress):
        import logging

        self.progress = progress
        self.handler = logging.Handler(level=logging.INFO)
        self.handler.emit = self._emit

    def _emit(self, record) -> None:
        meta = getattr(record, "dagster_meta", None) or {}
        if meta.get("dagster_event") is None and record.levelno >= self.handler.level:
            self.progress(meta.get("orig_message") or record.getMessage())


def run_pipeline(inputs: list[str], data_dir: Path, *, batch_size: int = 1000, progress=None) -> RunOutcome:
    """Materialize the whole asset graph (the job the UI runs) over `inputs` into `data_dir`."""
    os.environ["DAGSTER_HOME"] = str(dagster_home(data_dir))
    from pipelines.definitions import defs
    from pipelines.jobs import run_config_for
    from pipelines.partitions import today

    job = defs.resolve_job_def(PIPELINE_JOB)
    run_config = run_config_for(inputs, data_dir=str(data_dir), batch_size=batch_size)
    if progress:  # our assets' own log lines only, not Dagster's event stream
        job = job.with_logger_defs({"progress": _relay_logger(_LogRelay(progress))})
        run_config["loggers"] = {"progress": {}}
    else:
        run_config["loggers"] = {"console": {"config": {"log_level": "WARNING"}}}
    with _instance() as instance:
        result = job.execute_in_process(run_config=run_config, instance=instance, partition_key=today(),
                                        raise_on_error=False)
    outcome = RunOutcome(success=result.success, run_id=result.run_id)
    for event in result.all_events:
        if event.is_step_materialization:
            mat = event.step_materialization_data.materialization
            outcome.metadata[mat.asset_key.to_user_string()] = {k: v.value for k, v in mat.metadata.items()}
        elif event.is_step_failure and not outcome.reason:
            error = event.step_failure_data.error
            message = (error.message or "").strip().splitlines()
            outcome.reason = f"step {event.step_key}: {message[0] if message else error.cls_name}"
        elif event.event_type_value == "ASSET_CHECK_EVALUATION":
            check = event.event_specific_data
            if not check.passed and not outcome.reason:
                outcome.reason = f"check {check.check_name} failed: {check.description}"
                outcome.success = False
    if not outcome.success and not outcome.reason:
        outcome.reason = "the run did not succeed; see the run logs in the Dagster UI (claimwire ui)"
    return outcome


def _instance():
    """The Dagster instance of `$DAGSTER_HOME`; its SQLite storages are created under a lock,
    since two runs starting at once on a fresh home would both try to create the tables."""
    import fcntl

    import dagster as dg

    home = Path(os.environ["DAGSTER_HOME"])
    with open(home / ".init.lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        instance = dg.DagsterInstance.get()
        instance.get_runs(limit=1)
        instance.get_run_records(limit=1)
        instance.event_log_storage.get_asset_records()
        fcntl.flock(fh, fcntl.LOCK_UN)
    return instance


def _relay_logger(relay: _LogRelay):
    import logging

    import dagster as dg

    @dg.logger(description="Progress lines of claimwire's assets, to the CLI.")
    def relay_logger(_init_context):
        logger = logging.getLogger("claimwire.run")
        logger.setLevel(logging.INFO)
        logger.handlers = [relay.handler]
        logger.propagate = False
        return logger

    return relay_logger


def format_summary(outcome: RunOutcome, data_dir: Path, seconds: float) -> str:
    """The short summary `claimwire run` prints: this run, the tables, the top speakers."""
    from pipelines import query

    inputs = outcome.metadata.get("inputs", {})
    documents = outcome.metadata.get("documents", {})
    rejects = outcome.metadata.get("rejects", {})
    claims = outcome.metadata.get("claims", {})
    lines = [
        f"claimwire: run ok in {seconds:.1f} s -> {data_dir}",
        f"  this run:  {inputs.get('records_read', 0):,} records read, {documents.get('new_documents', 0):,} new documents, "
        f"{inputs.get('duplicates', 0):,} duplicates, {inputs.get('unchanged', 0):,} already ingested, "
        f"{rejects.get('rejected_this_run', 0):,} rejected, {claims.get('new_claims', 0):,} new claims",
    ]
    _, counts = query.run_query(data_dir, """
        select (select count(*) from documents), (select count(*) from sentences),
               (select count(*) from claims), (select count(*) from rejects)""")
    d, s, c, r = counts[0]
    lines.append(f"  tables:    {d:,} documents, {s:,} sentences, {c:,} claims, {r:,} rejects")
    _, top = query.run_query(data_dir, """
        select speaker, count(*) as n from claims where speaker is not null
        group by speaker order by n desc, speaker limit 5""")
    if top:
        lines.append("  top speakers: " + ", ".join(f"{name} ({n})" for name, n in top))
    if documents.get("language_warning"):
        lines.append("  warning:   " + documents["language_warning"].removeprefix("ingest: "))
    if r:
        lines.append("  rejects:   claimwire sql \"select uri, reason, detail from rejects\"")
    lines.append("  query:     claimwire sql \"select * from who_said_what limit 20\""
                 + ("" if data_dir == Path("data").resolve() else f" --data-dir {data_dir}"))
    return "\n".join(lines)


def evaluate(gold_dir: Path, data_dir: Path | None, json_path: str | None = None, notes=None) -> str:
    """Tag the gold texts through the pipeline, then score them like the release scorer.

    The gold is checked first (`evaluation.GoldError` when it cannot be scored); `notes`
    receives a line for each thing worth knowing about it (documents without an .ann file).
    """
    from pipelines import evaluation

    for note in evaluation.check_gold(gold_dir):
        if notes:
            notes(note)
    with tempfile.TemporaryDirectory(prefix="claimwire-eval-") as tmp:
        target = data_dir or Path(tmp) / "data"
        outcome = run_pipeline([str(gold_dir / "text")], target)
        if not outcome.success:
            raise RuntimeError(f"tagging the gold texts failed: {outcome.reason}")
        gold_texts, gold = evaluation.load_gold(gold_dir)
        pred_texts, preds = evaluation.load_predictions(target)
        report = evaluation.score(gold_texts, gold, pred_texts, preds)
    if json_path:
        Path(json_path).write_text(json.dumps(report, indent=1), encoding="utf-8")
    return evaluation.format_report(report)


def start_ui(data_dir: Path, port: int) -> int:
    """Run `dagster dev` (webserver and daemon) on 127.0.0.1:`port` until interrupted."""
    env = dict(os.environ, DAGSTER_HOME=str(dagster_home(data_dir)), CLAIMWIRE_DATA_DIR=str(data_dir))
    dagster = Path(sys.executable).with_name("dagster")
    command = [str(dagster) if dagster.exists() else "dagster", "dev", "-m", "pipelines.definitions",
               "-h", "127.0.0.1", "-p", str(port)]
    print(f"claimwire ui: http://127.0.0.1:{port}  (DAGSTER_HOME={env['DAGSTER_HOME']}; Ctrl-C stops)", file=sys.stderr)
    # Started in the background by a shell, we inherit SIGINT ignored, and so would dagster dev:
    # restore it, and let SIGTERM stop the server tree the same way Ctrl-C does.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: signal.default_int_handler(signal.SIGINT, None))
    proc = subprocess.Popen(command, env=env, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        return proc.wait()
    except KeyboardInterrupt:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            return proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            return 130
