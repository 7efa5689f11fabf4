"""Split documents into sentences with exact character offsets."""


import dagster as dg

from pipelines import previews, steps
from pipelines.resources import TableStoreResource


@dg.asset(deps=["documents"], group_name="claimwire")
def sentences(context: dg.AssetExecutionContext, store: TableStoreResource) -> dg.MaterializeResult:
    """Sentences, headlines and datelines of every document, with exact offsets."""
    tables = store.get_store()
    with tables.writer_lock():
        summary = steps.segment_pending(tables, progress=context.log.info)
    context.log.info(f"sentences: {summary.counts}")
    return dg.MaterializeResult(metadata={
        "dagster/row_count": previews.row_count(tables, "sentences"),
        "documents_split": summary.counts.get("documents", 0),
        "preview": dg.MetadataValue.md(previews.latest_preview(
            tables, "sentences", summary.parts, ["doc_id", "sentence_idx", "kind", "text"])),
    })
