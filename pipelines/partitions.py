"""Partitions: one per ingest day, so a backfill of a day re-splits and re-tags its documents."""

from datetime import datetime, timezone

import dagster as dg

START = "2024-01-01"

# end_offset=1 makes today a partition already (Dagster's default waits for the day to end).
ingest_days = dg.DailyPartitionsDefinition(start_date=START, end_offset=1)


def today() -> str:
    """Today's partition key (UTC), the one `claimwire run` and the sensor write into."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%d")


def folder_for(partition_key: str) -> str:
    """The hive folder of a day's parts below each table, e.g. `ingest_day=2025-02-12`."""
    return f"ingest_day={partition_key}"


def run_day(context: dg.AssetExecutionContext) -> str:
    """The run's ingest day. A run with no partition is refused with how to launch one: Dagster
    itself cannot run the partitioned steps without it (claimwire's run coordinator adds today's)."""
    if not context.has_partition_key:
        raise dg.Failure(description=(
            f"claimwire_pipeline writes one ingest day and this run has no partition: launch it with one "
            f"(today is {today()}), or name pipelines.coordinator.TodayPartitionRunCoordinator as the "
            f"run_coordinator in $DAGSTER_HOME/dagster.yaml so that a run without one gets today's"))
    return context.partition_key
