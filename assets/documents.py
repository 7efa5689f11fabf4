"""Ingest: input files and folders to the documents, inputs and rejects tables."""


import dagster as dg
from pydantic import Field

from pipelines import compaction, previews, steps
from pipelines.ingest import DEFAULT_MAX_BYTES
from pipelines.partitions import folder_for, ingest_days, run_day
from pipelines.resources import TableStoreResource, default_inputs


class IngestConfig(dg.Config):
    """What to read: files or folders of .txt, .json, .jsonl and .jsonl.gz articles."""

    paths: list[str] = Field(default_factory=default_inputs, description="Files or folders to ingest (folders recursively).")
    batch_size: int = Field(default=1000, description="Documents per Parquet part.")
    max_bytes: int = Field(default=DEFAULT_MAX_BYTES, description="Largest article accepted, in bytes.")
    source_root: str | None = Field(default=None, description="Files given below this folder (the inbox) take their source from the first folder below it.")


@dg.multi_asset(
    specs=[
        dg.AssetSpec("documents", description="One row per distinct article: text, source, title, dateline."),
        dg.AssetSpec("inputs", description="One row per input record seen: ingested, duplicate or rejected."),
        dg.AssetSpec("rejects", description="One row per input that could not be ingested, with the reason."),
    ],
    group_name="claimwire",
    partitions_def=ingest_days,
)
def ingest(context: dg.AssetExecutionContext, config: IngestConfig, store: TableStoreResource):
    """Read the configured inputs into documents, recording every input and every reject."""
    tables = store.get_store()
    with tables.writer_lock():
        if compaction.recover(tables):
            context.log.warning("finished a compaction that an interrupted `claimwire compact` left")
        stale = tables.clean_temp_files()
        if stale:
            context.log.warning(f"removed {stale} temp file(s) left by an interrupted run")
        summary = steps.ingest(config.paths, tables, folder=folder_for(run_day(context)),
                               batch_size=config.batch_size, max_bytes=config.max_bytes,
                               source_root=config.source_root, progress=context.log.info)
        tables.ensure_tables()
    counts = summary.counts
    context.log.info(f"ingest: {counts}")
    yield dg.MaterializeResult(asset_key="documents", metadata={
        "dagster/row_count": previews.row_count(tables, "documents"),
        "new_documents": counts.get("ingested", 0),
        "not_english": counts.get("not_english", 0),
        **({"language_warning": steps.non_english_warning(counts)} if counts.get("not_english") else {}),
        "preview": dg.MetadataValue.md(previews.latest_preview(
            tables, "documents", summary.parts, ["doc_id", "source", "external_id", "title", "n_chars"])),
    })
    yield dg.MaterializeResult(asset_key="inputs", metadata={
        "dagster/row_count": previews.row_count(tables, "inputs"),
        "records_read": counts.get("records", 0),
        "duplicates": counts.get("duplicate", 0),
        "unchanged": counts.get("unchanged", 0),
    })
    yield dg.MaterializeResult(asset_key="rejects", metadata={
        "dagster/row_count": previews.row_count(tables, "rejects"),
        "rejected_this_run": counts.get("rejected", 0),
    })
