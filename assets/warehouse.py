"""The DuckDB warehouse: a view per table and the analysis views of sql/."""


import dagster as dg

from pipelines.resources import TableStoreResource
from pipelines.warehouse import build_warehouse


@dg.asset(deps=["documents", "inputs", "rejects", "sentences", "claims", "quantities", "stories", "speakers", "claim_links"], group_name="claimwire")
def warehouse(context: dg.AssetExecutionContext, store: TableStoreResource) -> dg.MaterializeResult:
    """warehouse.duckdb, rebuilt atomically: views over the Parquet tables and the sql/ queries."""
    tables = store.get_store()
    with tables.writer_lock():
        path, views = build_warehouse(tables)
    context.log.info(f"warehouse: {path} with {len(views)} views")
    return dg.MaterializeResult(metadata={
        "path": dg.MetadataValue.path(str(path)),
        "views": dg.MetadataValue.md("\n".join(f"- `{v}`" for v in views)),
        "view_count": len(views),
    })
