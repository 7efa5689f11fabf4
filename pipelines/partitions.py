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
