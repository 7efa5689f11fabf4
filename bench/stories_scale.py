"""Stories at corpus scale: pairwise P/R/F1 and time at 1k and 10k documents (and 100k with --100k).

The corpus is `bench/story_corpus.py`'s synthetic stream: BASIL 2010-2016
events, each retold as other events of its kind (names, numbers and dates
swapped), in pairs of one kind zero to ten days apart.  For each size N the
first N - 1,000 documents are written to a fresh data directory and linked
at once by `corpus.link_corpus` (the real step; the documents carry no claims,
so the time is story linking and its index), then the newest 1,000 arrive as
one more part and are linked incrementally.  The stories table after that is
scored against the events.  Flat time per 1,000 new documents means the
update costs the same whatever the size of the corpus behind it.

    .venv/bin/python bench/stories_scale.py            # 1k and 10k, about two minutes
    .venv/bin/python bench/stories_scale.py --100k     # adds 100k (about twenty minutes)

`first link s` is the wall time of linking the first N - 1,000 at once;
`s / 1k new` and `CPU s` the wall and CPU time of the update (CPU time is
the figure to compare: wall time also counts other processes' load);
`relinked` how many documents the update regrouped.  `kind pairs merged` is the share of same-kind event pairs (two
events of one kind) that share a story anywhere; `cross-kind` counts
predicted pairs of documents from different kinds of event.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.story_corpus import synthetic_stream  # noqa: E402
from pipelines import corpus  # noqa: E402
from pipelines.linking.basil import basil_root, pairwise_prf, same_group_pairs  # noqa: E402
from pipelines.schemas import CLAIMS, DOCUMENTS, SENTENCES  # noqa: E402
from pipelines.store import TableStore  # noqa: E402

NEW = 1_000
PART = 1_000  # documents per part, as ingest batches would write them


def write_part(store: TableStore, docs, name: str) -> None:
    rows = [{"doc_id": d.doc_id, "external_id": d.doc_id, "source": d.source, "uri": None, "title": d.title,
             "dateline": None, "published_at": d.published_at, "ingested_at": d.ingested_at, "text": d.text,
             "n_chars": len(d.text), "url": None} for d in docs]
    store.write_part("documents", pa.Table.from_pylist(rows, schema=DOCUMENTS), name)
    store.write_part("sentences", SENTENCES.empty_table(), name)
    store.write_part("claims", CLAIMS.empty_table(), name)


def stories(store: TableStore) -> dict[str, str]:
    return {r["doc_id"]: r["story_id"] for p in store.parts("stories").values()
            for r in pq.read_table(p).to_pylist()}


def kind_pairs_merged(gold: dict[str, str], predicted: dict[str, str]) -> float:
    """Share of same-kind event pairs with a document of each in one story."""
    stories_of: dict[str, set[str]] = {}
    for doc, event in gold.items():
        stories_of.setdefault(event, set()).add(predicted[doc])
    pairs = {e.rsplit(".", 1)[0] for e in gold.values()}
    complete = [p for p in pairs if p + ".0" in stories_of and p + ".1" in stories_of]
    return sum(bool(stories_of[p + ".0"] & stories_of[p + ".1"]) for p in complete) / max(1, len(complete))


def measure(n: int) -> dict:
    docs, gold = synthetic_stream(n)
    with tempfile.TemporaryDirectory() as tmp:
        store = TableStore(Path(tmp) / "data")
        old = docs[:-NEW]
        for lo in range(0, len(old), PART):
            write_part(store, old[lo:lo + PART], f"part-{lo // PART:05d}")
        t0, c0 = time.perf_counter(), time.process_time()
        corpus.link_corpus(store)
        first = time.perf_counter() - t0
        write_part(store, docs[-NEW:], "part-new")
        t0, c0 = time.perf_counter(), time.process_time()
        counts = corpus.link_corpus(store).counts
        update, update_cpu = time.perf_counter() - t0, time.process_time() - c0
        predicted = stories(store)
    gp, pp = same_group_pairs(gold), same_group_pairs(predicted)
    cross = sum(1 for a, b in pp if gold[a].split(".")[0] != gold[b].split(".")[0])
    return {"n": n, "first": first, "update": update, "update_cpu": update_cpu, "relinked": counts.get("documents_relinked", 0),
            "prf": pairwise_prf(gp, pp), "merged": kind_pairs_merged(gold, predicted), "cross": cross,
            "complete": len(predicted) == len(gold)}


def main(argv: list[str]) -> int:
    if basil_root() is None:
        print("skipped: ../shared/data/basil is absent")
        return 0
    sizes = [1_000, 10_000] + ([100_000] if "--100k" in argv else [])
    print(f"{'docs':>8}{'P':>7}{'R':>7}{'F1':>7}{'kind pairs merged':>19}{'cross-kind':>11}"
          f"{'first link s':>14}{'s / 1k new':>12}{'CPU s':>7}{'relinked':>10}")
    for n in sizes:
        r = measure(n)
        p, rec, f = r["prf"]
        print(f"{n:8d}{p:7.3f}{rec:7.3f}{f:7.3f}{r['merged']:19.1%}{r['cross']:11d}"
              f"{r['first']:14.1f}{r['update']:12.2f}{r['update_cpu']:7.2f}{r['relinked']:10d}", flush=True)
        assert r["complete"], "a document has no story"
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
