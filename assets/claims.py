"""Tag attributed claims: speaker, cue and content spans."""


import dagster as dg

from pipelines import previews, steps
from assets.sentences import ReprocessConfig, reprocessing
from pipelines.partitions import folder_for, ingest_days
from pipelines.resources import TableStoreResource


@dg.asset(deps=["documents", "sentences"], group_name="claimwire", partitions_def=ingest_days)
def claims(context: dg.AssetExecutionContext, config: ReprocessConfig, store: TableStoreResource) -> dg.MaterializeResult:
    """Who said what: one row per claim mention, with speaker, cue and content spans."""
    tables = store.get_store()
    with tables.writer_lock():
        redo = reprocessing(context, config)
        # A normal run also completes work a crashed run left pending on any day.
        summary = steps.tag_pending(tables, folder=folder_for(context.partition_key) if redo else None,
                                    reprocess=redo, progress=context.log.info)
    context.log.info(f"claims: {summary.counts}")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": previews.row_count(tables, "claims"),
        "documents_tagged": summary.counts.get("documents", 0),
        "new_claims": summary.counts.get("claims", 0),
        "preview": dg.MetadataValue.md(previews.latest_preview(
            tables, "claims", summary.parts, ["speaker", "cue_text", "attribution_type", "content_text"])),
    })
