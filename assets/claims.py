"""Tag attributed claims: speaker, cue and content spans."""


import dagster as dg

from pipelines import previews, steps
from pipelines.resources import TableStoreResource


@dg.asset(deps=["documents", "sentences"], group_name="claimwire")
def claims(context: dg.AssetExecutionContext, store: TableStoreResource) -> dg.MaterializeResult:
    """Who said what: one row per claim mention, with speaker, cue and content spans."""
    tables = store.get_store()
    with tables.writer_lock():
        summary = steps.tag_pending(tables, progress=context.log.info)
    context.log.info(f"claims: {summary.counts}")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": previews.row_count(tables, "claims"),
        "documents_tagged": summary.counts.get("documents", 0),
        "new_claims": summary.counts.get("claims", 0),
        "preview": dg.MetadataValue.md(previews.latest_preview(
            tables, "claims", summary.parts, ["speaker", "cue_text", "attribution_type", "content_text"])),
    })
