"""Incremental linking against linking all at once, on BASIL 2010-2016 fed year by year.

    .venv/bin/python bench/linking_incremental_basil.py

Each year's 30 articles arrive as one batch (a JSONL file) through the real
steps (ingest, segment, tag, link); the stories after the last year are scored
against BASIL's triplets (pairwise P/R/F1) and compared with one linking of
everything at once. Also prints how many documents each update relinked.
"""

import json
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines import corpus, steps  # noqa: E402
from pipelines.linking.basil import basil_root, iter_articles  # noqa: E402
from pipelines.linking.basil import pairwise_prf as prf, same_group_pairs as pairs  # noqa: E402
from pipelines.store import TableStore  # noqa: E402




def stories(store: TableStore, ext_of: dict[str, str]) -> dict[str, str]:
    out = {}
    for path in store.parts("stories").values():
        for r in pq.read_table(path).to_pylist():
            out[ext_of[r["doc_id"]]] = r["story_id"]
    return out


def main() -> int:
    root = basil_root()
    if root is None:
        print("skipped: ../shared/data/basil is absent")
        return 0
    articles = list(iter_articles(root))
    gold = {a.article_id: a.triplet for a in articles}
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for a in articles:
            path = Path(tmp) / f"{a.year}.jsonl"
            with open(path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps({"id": a.article_id, "title": a.title, "text": a.text, "source": a.source,
                                     "published_at": a.published_at.isoformat() if a.published_at else None}) + "\n")
            files[a.year] = path
        results = {}
        for mode in ("incremental", "all at once"):
            store = TableStore(Path(tmp) / mode.replace(" ", "_"))
            batches = [[files[y]] for y in sorted(files)] if mode == "incremental" else [sorted(files.values())]
            took = 0.0
            for batch in batches:
                steps.ingest([str(p) for p in batch], store)
                steps.segment_pending(store)
                steps.tag_pending(store)
                started = time.perf_counter()
                counts = corpus.link_corpus(store).counts
                took += time.perf_counter() - started
                if mode == "incremental":
                    print(f"  + {batch[0].stem}: relinked {counts.get('documents_relinked', 0)} documents")
            ext_of = {r["doc_id"]: r["external_id"] for p in store.parts("documents").values()
                      for r in pq.read_table(p, columns=["doc_id", "external_id"]).to_pylist()}
            results[mode] = stories(store, ext_of)
            p, r, f = prf(pairs(gold), pairs(results[mode]))
            print(f"{mode:12} stories P {p:.3f} R {r:.3f} F1 {f:.3f}   linking {took:.1f} s")
        same = pairs(results["incremental"]) == pairs(results["all at once"])
        print(f"incremental and all-at-once stories identical: {same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
