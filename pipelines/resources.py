"""Dagster resources: where the tables live."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import dagster as dg
from pydantic import Field

from pipelines.store import TableStore


def default_data_dir() -> str:
    """`$CLAIMWIRE_DATA_DIR`, else `./data` (CONTRACT.md, "Commands")."""
    return os.environ.get("CLAIMWIRE_DATA_DIR") or "data"


def local_data_dir(value: str | os.PathLike) -> Path:
    """The folder of a data directory given as a path or a `file://` URL; other URLs are refused.

    The tables are written by rename into place under a file lock, which object stores lack
    (README, "Scaling out"): `s3://bucket/x` must not quietly become a local folder `s3:/bucket/x`.
    """
    text = os.fspath(value)
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", text)
    if scheme and scheme.group(1).lower() == "file":
        url = urlparse(text)
        if url.netloc not in ("", "localhost"):
            raise ValueError(f"data directory {text}: a file:// URL names a folder of this machine (file:///path)")
        return Path(unquote(url.path)).resolve()
    if scheme:
        raise ValueError(f"data directory {text}: {scheme.group(1)}:// is not supported; DATA_DIR must be a folder "
                         "(a shared file system such as NFS when scaling out; see README, \"Scaling out\")")
    return Path(text).resolve()


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
        return TableStore(local_data_dir(self.data_dir))
