"""End-to-end throughput of the core steps (ingest, segment, tag, link) on a JSONL dump.

    .venv/bin/python bench/pipeline_bench.py [--docs N]

Builds a JSONL file of N distinct articles (PolNeAR train texts from
../shared/data when present, else the repo's seeds with a numbered suffix so
that every text is distinct), runs the three steps into a temp data dir, and
prints seconds, documents/s and characters/s per step, and peak memory.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines import corpus, steps  # noqa: E402
from pipelines.ingest import iter_records  # noqa: E402
from pipelines.store import TableStore  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def corpus_texts() -> list[str]:
    if TRAIN.is_dir():
        return [p.read_text(encoding="utf-8") for p in sorted(TRAIN.glob("*.txt"))]
    print(f"note: {TRAIN} absent, using the seeds", file=sys.stderr)
    return [d.text for d in iter_records([ROOT / "seeds"]) if hasattr(d, "text")]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    texts = corpus_texts()
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "dump.jsonl"
        n_chars = 0
        with open(dump, "w", encoding="utf-8") as fh:
            for i, text in zip(range(args.docs), itertools.cycle(texts)):
                text = text if i < len(texts) else f"{text}\n({i})"
                n_chars += len(text)
                fh.write(json.dumps({"id": str(i), "text": text}) + "\n")
        store = TableStore(Path(tmp) / "data")
        print(f"{args.docs:,} documents, {n_chars / 1e6:.1f} M characters")
        print(f"{'step':10}{'seconds':>10}{'docs/s':>12}{'chars/s':>14}")
        for name, step in (("ingest", lambda: steps.ingest([str(dump)], store)),
                           ("segment", lambda: steps.segment_pending(store)),
                           ("tag", lambda: steps.tag_pending(store)),
                           ("link", lambda: corpus.link_corpus(store))):
            started = time.perf_counter()
            step()
            took = time.perf_counter() - started
            print(f"{name:10}{took:10.2f}{args.docs / took:12,.0f}{n_chars / took:14,.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory {peak:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
