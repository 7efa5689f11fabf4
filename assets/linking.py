"""Across sources: stories, speakers and claim links over the whole corpus."""

import dagster as dg

from pipelines import corpus, previews
from pipelines.resources import TableStoreResource


@dg.multi_asset(
    specs=[
        dg.AssetSpec("stories", deps=["claims"], description="Which documents report the same event."),
        dg.AssetSpec("speakers", deps=["claims"], description="One row per distinct speaker across all documents."),
        dg.AssetSpec("claim_links", deps=["claims"],
                     description="Same quote, quote variant, paraphrase, conflict and wire copy between claims of different documents."),
    ],
    group_name="claimwire",
)
def linking(context: dg.AssetExecutionContext, store: TableStoreResource):
    """Group documents into stories, link speakers across outlets and relate their claims."""
    tables = store.get_store()
    with tables.writer_lock():
        summary = corpus.link_corpus(tables, progress=context.log.info)
    context.log.info(f"linking: {summary.counts}")
    yield dg.MaterializeResult(asset_key="stories", metadata={
        "dagster/row_count": previews.row_count(tables, "stories"),
        "stories": summary.counts.get("stories", 0),
    })
    yield dg.MaterializeResult(asset_key="speakers", metadata={
        "dagster/row_count": previews.row_count(tables, "speakers"),
        "preview": dg.MetadataValue.md(previews.latest_preview(tables, "speakers", [], ["name", "aliases", "speaker_type"])),
    })
    yield dg.MaterializeResult(asset_key="claim_links", metadata={
        "dagster/row_count": previews.row_count(tables, "claim_links"),
        "preview": dg.MetadataValue.md(previews.latest_preview(tables, "claim_links", [], ["relation", "score", "detail"])),
    })
