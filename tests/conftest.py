"""Shared fixtures: the repo's seeds, the shared data (when present), a tagged data dir."""

from pathlib import Path

import pytest

from pipelines import corpus, steps
from pipelines.store import TableStore
from pipelines.warehouse import build_warehouse

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev"
SAMPLE = SEEDS / "reuters" / "000_5bda79cfd975bed4.txt"


def write_long_batch(root: Path) -> Path:
    """An input folder `root/in` of one outlet: a 6,312-character article (`long.txt`) and three short ones."""
    folder = root / "in" / "wire"
    folder.mkdir(parents=True)
    sentence = "The council approved the budget on Monday, Mayor Ann Lee said. "
    (folder / "long.txt").write_text("A long day\n\n" + sentence * 100, encoding="utf-8")
    for i in range(3):
        (folder / f"short{i}.txt").write_text(f"Short {i}\n\n{sentence}Item {i}.\n", encoding="utf-8")
    return root / "in"


def need(path: Path) -> Path:
    """Skip the test, saying why, when the shared data is not beside the repo."""
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared evaluation data lives in ../shared/data")
    return path


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory) -> TableStore:
    """The seeds run through every step (no Dagster) into a fresh data dir, warehouse built."""
    store = TableStore(tmp_path_factory.mktemp("seeded") / "data")
    steps.ingest([str(SEEDS)], store)
    steps.segment_pending(store)
    steps.tag_pending(store)
    corpus.link_corpus(store)
    build_warehouse(store)
    return store
