"""Time per sentence of splitting and tagging one long one-paragraph document, by length.

    .venv/bin/python bench/long_document_bench.py [--sentences 2500,5000,10000,20000] [--profile N]

Builds one-paragraph documents of 2,500 / 5,000 / 10,000 / 20,000 sentences
from news text (the PolNeAR train texts in ../shared/data when present, else
the seeds), their paragraph breaks replaced by spaces, and times the
sentence step (split and score) and the claims step (`steps.tag_document`) on
each, in CPU seconds of this process.  Time per sentence that stays roughly
flat as the document grows means the steps are linear in document length.
`--profile N` instead profiles the claims step on an N-sentence document and
prints the top functions.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines import checkworthiness, segment, steps  # noqa: E402
from pipelines.ingest import iter_records  # noqa: E402

TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"


def source_sentences() -> list[str]:
    """Body sentences of real news, in document order."""
    if TRAIN.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(TRAIN.glob("*.txt"))]
    else:
        print(f"note: {TRAIN} absent, using the seeds", file=sys.stderr)
        texts = [d.text for d in iter_records([ROOT / "seeds"]) if hasattr(d, "text")]
    out = []
    for text in texts:
        body = text.split("\n", 1)[1] if "\n" in text else text
        flat = re.sub(r"\s+", " ", body).strip()
        out.extend(flat[s.start:s.end] for s in segment.split_sentences(flat) if s.kind == "body")
    return out


def long_document(sentences: list[str], n: int) -> str:
    """A title line and one paragraph of `n` sentences, cycling through `sentences`."""
    body = " ".join(sentences[i % len(sentences)] for i in range(n))
    return "A long document\n\n" + body + "\n"


def run(text: str, model) -> tuple[int, float, float, int]:
    """Sentences, CPU seconds of the sentence step and of the claims step, claims found."""
    started = time.process_time()  # CPU time: other work on a shared machine does not count
    found = segment.split_sentences(text, title="A long document", dateline=None)
    scores = model.score([text[s.start:s.end] for s in found])
    split = time.process_time() - started
    started = time.process_time()
    claims, _ = steps.tag_document("bench", text, found, list(scores), model)
    tag = time.process_time() - started
    return len(found), split, tag, len(claims)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", default="2500,5000,10000,20000")
    parser.add_argument("--profile", type=int, default=0, help="profile the claims step on one N-sentence document")
    parser.add_argument("--sort", default="cumulative", help="profile order (cumulative, tottime, ...)")
    args = parser.parse_args()
    sentences = source_sentences()
    model = checkworthiness.load_model()
    if args.profile:
        text = long_document(sentences, args.profile)
        found = segment.split_sentences(text, title="A long document", dateline=None)
        scores = list(model.score([text[s.start:s.end] for s in found]))
        profiler = cProfile.Profile()
        profiler.runcall(steps.tag_document, "bench", text, found, scores, model)
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(40)
        return 0
    print(f"{'sentences':>10}{'chars':>12}{'split s':>9}{'claims s':>10}{'claims':>8}"
          f"{'split us/sent':>15}{'claims us/sent':>16}")
    for n in (int(x) for x in args.sentences.split(",")):
        text = long_document(sentences, n)
        n_found, split, tag, n_claims = run(text, model)
        print(f"{n_found:>10,}{len(text):>12,}{split:>9.1f}{tag:>10.1f}{n_claims:>8,}"
              f"{split / n_found * 1e6:>15,.0f}{tag / n_found * 1e6:>16,.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
