"""The pipeline job, the executor it runs its steps on, and the run config every launcher builds.

The executor comes from `$CLAIMWIRE_EXECUTOR`, read where the definitions load (webserver,
daemon, run worker): unset keeps Dagster's default (steps in subprocesses for runs launched
from the UI; `claimwire run` always executes in-process), `in_process` and `multiprocess`
pick those, `celery` sends every step to the Celery workers of `$CLAIMWIRE_CELERY_BROKER`
(needs the `scale` extra and a persistent instance, see deploy/dagster.yaml), and `k8s` runs
each step as a Kubernetes Job (needs dagster-k8s).
"""

import os

import dagster as dg

PIPELINE_JOB = "claimwire_pipeline"
EXECUTOR_ENV = "CLAIMWIRE_EXECUTOR"
DEFAULT_BROKER = "pyamqp://guest@127.0.0.1:5672//"  # RabbitMQ, as dagster-celery defaults to


def celery_settings() -> dict:
    """The Celery executor's config from the environment; `dagster-celery worker start -y` takes the same."""
    settings = {"broker": os.environ.get("CLAIMWIRE_CELERY_BROKER") or DEFAULT_BROKER,
                "backend": os.environ.get("CLAIMWIRE_CELERY_BACKEND") or "rpc://"}
    queue = os.environ.get("CLAIMWIRE_CELERY_QUEUE")
    if queue:  # workers listen with `-q <queue>`; the default queue is `dagster`
        settings["config_source"] = {"task_default_queue": queue}
    return settings


def executor_from_env(name: str | None = None) -> dg.ExecutorDefinition | None:
    """The executor named by `$CLAIMWIRE_EXECUTOR` (None: Dagster's default)."""
    name = (name if name is not None else os.environ.get(EXECUTOR_ENV, "")).strip().lower().replace("-", "_")
    if not name:
        return None
    if name == "in_process":
        return dg.in_process_executor
    if name == "multiprocess":
        return dg.multiprocess_executor
    if name == "celery":
        try:
            from dagster_celery import celery_executor
        except ImportError as err:
            raise dg.DagsterInvariantViolationError(
                f"{EXECUTOR_ENV}=celery needs dagster-celery: pip install 'claimwire[scale]'") from err
        return celery_executor.configured(celery_settings(), name="celery")
    if name == "k8s":  # each step a Kubernetes Job (README, "Scaling out"); not exercised without a cluster
        try:
            from dagster_k8s import k8s_job_executor
        except ImportError as err:
            raise dg.DagsterInvariantViolationError(
                f"{EXECUTOR_ENV}=k8s needs dagster-k8s: pip install dagster-k8s==0.29.27") from err
        return k8s_job_executor
    raise dg.DagsterInvariantViolationError(
        f"{EXECUTOR_ENV}={name!r} is not an executor: use in_process, multiprocess, celery or k8s")


pipeline_job = dg.define_asset_job(
    PIPELINE_JOB,
    selection=dg.AssetSelection.all(),
    description="Ingest the configured inputs (default seeds/) into the day's partition, split, tag claims, rebuild the warehouse.",
    executor_def=executor_from_env(),
)


def run_config_for(paths: list[str], data_dir: str | None = None, batch_size: int | None = None,
                   source_root: str | None = None) -> dict:
    """Run config that points the ingest step at `paths` (and the tables at `data_dir`); files
    below `source_root` (the inbox) take their source from the first folder below it."""
    ingest: dict = {"paths": [str(p) for p in paths]}
    if source_root:
        ingest["source_root"] = str(source_root)
    if batch_size:
        ingest["batch_size"] = batch_size
    config: dict = {"ops": {"ingest": {"config": ingest}}}
    if data_dir:
        config["resources"] = {"store": {"config": {"data_dir": str(data_dir)}}}
    return config
