"""The pipeline job and the run config every launcher (CLI, sensor, schedule) builds."""

import dagster as dg


PIPELINE_JOB = "claimwire_pipeline"

pipeline_job = dg.define_asset_job(
    PIPELINE_JOB,
    selection=dg.AssetSelection.all(),
    description="Ingest the configured inputs (default seeds/) into the day's partition, split, tag claims, rebuild the warehouse.",
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
