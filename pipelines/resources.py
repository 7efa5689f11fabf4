"""Dagster resources: where the tables live."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
from pydantic import Field

from pipelines.store import TableStore


def default_data_dir() -> str:
    """`$CLAIMWIRE_DATA_DIR`, else `./data` (CONTRACT.md, "Commands")."""
    return os.environ.get("CLAIMWIRE_DATA_DIR") or "data"


def default_inputs() -> list[str]:
    """`seeds/` of the working folder, else the `seeds/` shipped beside the package."""
    here = Path("seeds")
    if here.is_dir():
        return [str(here)]
    return [str(Path(__file__).resolve().parents[1] / "seeds")]


class TableStoreResource(dg.ConfigurableResource):
    """The Parquet tables and the DuckDB warehouse of one data directory."""

    data_dir: str = Field(default_factory=default_data_dir, description="Folder that holds tables/ and warehouse.duckdb.")

    def get_store(self) -> TableStore:
        return TableStore(self.data_dir)
