"""The run coordinator of claimwire's Dagster instance: Dagster's queue, plus today's partition for a
`claimwire_pipeline` run launched with none (the UI's Launchpad, the GraphQL API, `dagster job launch`).

Named in `dagster.yaml` (`claimwire ui` writes it; deploy/dagster.yaml for a shared instance):

    run_coordinator:
      module: pipelines.coordinator
      class: TodayPartitionRunCoordinator
"""

import dagster as dg
from dagster._core.run_coordinator import QueuedRunCoordinator, SubmitRunContext

from pipelines.jobs import PIPELINE_JOB
from pipelines.partitions import today

PARTITION_TAG = "dagster/partition"
RANGE_TAG = "dagster/asset_partition_range_start"


class TodayPartitionRunCoordinator(QueuedRunCoordinator):
    """Queues runs like Dagster's QueuedRunCoordinator; tags a partitionless pipeline run with today (UTC)."""

    def submit_run(self, context: SubmitRunContext) -> dg.DagsterRun:
        run = context.dagster_run
        if run.job_name == PIPELINE_JOB and PARTITION_TAG not in run.tags and RANGE_TAG not in run.tags:
            self._instance.add_run_tags(run.run_id, {PARTITION_TAG: today()})
            self._logger.info(f"run {run.run_id} of {PIPELINE_JOB} launched with no partition: ingest day {today()}")
            context = SubmitRunContext(self._instance.get_run_by_id(run.run_id), context.workspace)
        return super().submit_run(context)
