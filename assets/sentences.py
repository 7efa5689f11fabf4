"""Split documents into sentences with exact character offsets."""


import dagster as dg

from pipelines import previews, steps
from pipelines.partitions import folder_for, ingest_days
from pipelines.resources import TableStoreResource


class ReprocessConfig(dg.Config):
    """Whether to redo the day's documents that were already done (a backfill always does)."""

    reprocess: bool = False


def reprocessing(context: dg.AssetExecutionContext, config: ReprocessConfig) -> bool:
    """Reprocess when asked, or when the run is part of a backfill (the point of backfilling a day)."""
    return config.reprocess or "dagster/backfill" in context.run.tags


@dg.asset(deps=["documents"], group_name="claimwire", partitions_def=ingest_days)
def sentences(context: dg.AssetExecutionContext, config: ReprocessConfig, store: TableStoreResource) -> dg.MaterializeResult:
    """Sentences, headlines and datelines of every document, with exact offsets."""
    tables = store.get_store()
    with tables.writer_lock():
        redo = reprocessing(context, config)
        # A normal run also completes work a crashed run left pending on any day.
        summary = steps.segment_pending(tables, folder=folder_for(context.partition_key) if redo else None,
                                        reprocess=redo, progress=context.log.info)
    context.log.info(f"sentences: {summary.counts}")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": previews.row_count(tables, "sentences"),
        "documents_split": summary.counts.get("documents", 0),
        "preview": dg.MetadataValue.md(previews.latest_preview(
            tables, "sentences", summary.parts, ["doc_id", "sentence_idx", "kind", "text"])),
    })
