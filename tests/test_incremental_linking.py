"""Linking updates what changed: adding outlets one by one ends where linking all at once does."""

import pyarrow.parquet as pq
import pytest

from pipelines import corpus, steps
from pipelines.store import TableStore

from .conftest import SEEDS


def add(store: TableStore, paths) -> dict:
    steps.ingest([str(p) for p in paths], store)
    steps.segment_pending(store)
    steps.tag_pending(store)
    return corpus.link_corpus(store).counts


def rows(store, table, columns):
    return [r for p in store.parts(table).values() for r in pq.read_table(p, columns=columns).to_pylist()]


def outcome(store):
    groups = {}
    for r in rows(store, "stories", ["story_id", "doc_id"]):
        groups.setdefault(r["story_id"], set()).add(r["doc_id"])
    return (
        sorted(sorted(g) for g in groups.values()),
        sorted((r["claim_id_a"], r["claim_id_b"], r["relation"]) for r in rows(store, "claim_links",
                                                                                ["claim_id_a", "claim_id_b", "relation"])),
        sorted((r["claim_id"], r["speaker_id"]) for r in rows(store, "claims", ["claim_id", "speaker_id"])),
    )


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    store = TableStore(tmp_path_factory.mktemp("full") / "data")
    add(store, [SEEDS])
    return store


def test_adding_outlets_one_by_one_equals_linking_all_at_once(tmp_path, full):
    store = TableStore(tmp_path / "data")
    counts = [add(store, [SEEDS / outlet]) for outlet in ("reuters", "apnews", "syndicated", "foxnews", "guardian")]
    assert outcome(store) == outcome(full)
    assert counts[0].get("documents_relinked") == 2  # the first linking takes everything there is
    # The Guardian's strike story touches neither the Trump-Putin call nor the council vote:
    assert counts[-1]["documents_relinked"] < len(rows(store, "documents", ["doc_id"]))


def test_nothing_new_is_a_skip_and_a_new_story_leaves_other_stories_alone(tmp_path):
    store = TableStore(tmp_path / "data")
    add(store, [SEEDS / "reuters", SEEDS / "apnews"])
    assert corpus.link_corpus(store).counts == {"skipped": 1}
    before = {r["doc_id"]: r["story_id"] for r in rows(store, "stories", ["story_id", "doc_id"])}
    counts = add(store, [SEEDS / "guardian"])
    after = {r["doc_id"]: r["story_id"] for r in rows(store, "stories", ["story_id", "doc_id"])}
    assert {d: after[d] for d in before} == before
    assert counts["documents_relinked"] == len(after) - len(before)


def test_basil_year_by_year_keeps_story_quality_and_a_bounded_scope(tmp_path):
    import importlib.util
    import io
    from contextlib import redirect_stdout

    from .conftest import ROOT, SHARED, need

    need(SHARED / "data" / "basil")
    spec = importlib.util.spec_from_file_location("bench_incremental", ROOT / "bench" / "linking_incremental_basil.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    out = io.StringIO()
    with redirect_stdout(out):
        bench.main()
    lines = out.getvalue().splitlines()
    relinked = [int(line.split("relinked ")[1].split()[0]) for line in lines if "relinked" in line]
    assert len(relinked) == 7 and max(relinked[1:]) < 3 * 30  # each year of 30 touches a neighbourhood, not all
    f1 = float(next(line for line in lines if line.startswith("incremental")).split("F1 ")[1].split()[0])
    assert f1 >= 0.9
