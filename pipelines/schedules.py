"""The nightly schedule: ingest the whole inbox, catching whatever the sensor missed."""

import dagster as dg

from pipelines import inbox
from pipelines.jobs import PIPELINE_JOB, run_config_for
from pipelines.resources import TableStoreResource


@dg.schedule(job_name=PIPELINE_JOB, cron_schedule="0 2 * * *", execution_timezone="UTC",
             default_status=dg.DefaultScheduleStatus.RUNNING,
             description="Every night at 02:00 UTC: the whole inbox (ingest skips what it already holds).")
def nightly_inbox(context: dg.ScheduleEvaluationContext, store: TableStoreResource) -> dg.RunRequest:
    """Re-read the whole inbox into the day's partition; idempotent, so only missed files are new."""
    day = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return dg.RunRequest(
        run_key=f"nightly-{day}",
        partition_key=day,
        run_config=run_config_for([str(inbox.default_inbox(store.get_store().data_dir))]),
        tags={"claimwire/trigger": "schedule"},
    )
