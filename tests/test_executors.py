"""The executor of the pipeline job comes from $CLAIMWIRE_EXECUTOR; a wrong name says what is right."""

import dagster as dg
import pytest

from pipelines.jobs import celery_settings, executor_from_env


def test_no_executor_named_keeps_dagsters_default_and_names_pick_theirs():
    assert executor_from_env("") is None
    assert executor_from_env("in_process") is dg.in_process_executor
    assert executor_from_env("multiprocess") is dg.multiprocess_executor


def test_celery_takes_broker_backend_and_queue_from_the_environment(monkeypatch):
    monkeypatch.setenv("CLAIMWIRE_CELERY_BROKER", "redis://10.0.0.5:6379/0")
    monkeypatch.setenv("CLAIMWIRE_CELERY_BACKEND", "redis://10.0.0.5:6379/1")
    monkeypatch.setenv("CLAIMWIRE_CELERY_QUEUE", "claimwire")
    assert celery_settings() == {"broker": "redis://10.0.0.5:6379/0", "backend": "redis://10.0.0.5:6379/1",
                                 "config_source": {"task_default_queue": "claimwire"}}
    executor = executor_from_env("celery")
    assert executor.name == "celery"
    job = dg.define_asset_job("j", executor_def=executor)
    assert job.executor_def is executor


def test_celery_defaults_to_the_local_rabbitmq(monkeypatch):
    for name in ("CLAIMWIRE_CELERY_BROKER", "CLAIMWIRE_CELERY_BACKEND", "CLAIMWIRE_CELERY_QUEUE"):
        monkeypatch.delenv(name, raising=False)
    assert celery_settings() == {"broker": "pyamqp://guest@127.0.0.1:5672//", "backend": "rpc://"}


def test_an_unknown_executor_is_refused_with_the_choices():
    with pytest.raises(dg.DagsterInvariantViolationError, match="in_process, multiprocess, celery or k8s"):
        executor_from_env("spark")
