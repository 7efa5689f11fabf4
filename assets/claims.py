"""Tag claims: attributions (speaker, cue, content), the reporter's own claims, hedges and quantities."""

import dagster as dg

from assets.sentences import ReprocessConfig, reprocessing
from pipelines import previews, steps
from pipelines.partitions import folder_for, ingest_days
from pipelines.resources import TableStoreResource


@dg.multi_asset(
    specs=[
        dg.AssetSpec("claims", deps=["documents", "sentences"],
                     description="Who said what: one row per claim mention, with speaker, cue and content spans."),
        dg.AssetSpec("quantities", deps=["documents", "sentences"],
                     description="Numbers stated in claims, normalised to a value and a unit."),
    ],
    group_name="claimwire",
    partitions_def=ingest_days,
)
def claims(context: dg.AssetExecutionContext, config: ReprocessConfig, store: TableStoreResource):
    """Attributions and the reporter's check-worthy claims, with hedges, certainty and quantities."""
    tables = store.get_store()
    with tables.writer_lock():
        redo = reprocessing(context, config)
        # A normal run also completes work a crashed run left pending on any day.
        summary = steps.tag_pending(tables, folder=folder_for(context.partition_key) if redo else None,
                                    reprocess=redo, progress=context.log.info)
    context.log.info(f"claims: {summary.counts}")
    yield dg.MaterializeResult(asset_key="claims", metadata={
        "dagster/row_count": previews.row_count(tables, "claims"),
        "documents_tagged": summary.counts.get("documents", 0),
        "new_claims": summary.counts.get("claims", 0),
        "preview": dg.MetadataValue.md(previews.latest_preview(
            tables, "claims", summary.parts, ["speaker", "cue_text", "attribution_type", "hedges", "content_text"])),
    })
    yield dg.MaterializeResult(asset_key="quantities", metadata={
        "dagster/row_count": previews.row_count(tables, "quantities"),
        "new_quantities": summary.counts.get("quantities", 0),
        "preview": dg.MetadataValue.md(previews.latest_preview(
            tables, "quantities", summary.parts, ["text", "value", "unit", "kind", "approximation"])),
    })
