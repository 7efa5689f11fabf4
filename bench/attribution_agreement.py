"""How well two PolNeAR annotators agree, scored as the release scorer scores a system.

    .venv/bin/python bench/attribution_agreement.py [--split DIR ...]

For every document of a split with two or more annotators' files, the first
file in sorted order is the gold (as the release scorer reads it) and the
second is scored against it like a prediction, with the release scorer's
exact / lenient / token figures (`pipelines.evaluation.score`).  The result
tells how much of the gold is one annotator's reading: a system scored on
the first annotator's file meets the same disagreements.  It is not a hard
ceiling (a system that finds what both annotators would mark can score above
it against either), but it puts the attribution targets in scale.  Reads the
train and dev splits by default; never point it at a test split.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.evaluation import annotation_files, format_report, pair_by_cue, parse_brat, score  # noqa: E402

POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def annotator_pairs(split: Path) -> tuple[dict[str, str], dict[str, list[dict]], dict[str, list[dict]]]:
    """Texts, first-annotator and second-annotator attributions of the doubly annotated documents."""
    texts: dict[str, str] = {}
    first: dict[str, list[dict]] = {}
    second: dict[str, list[dict]] = {}
    for doc, mine in annotation_files(split).items():
        if len(mine) < 2:
            continue
        texts[doc] = (split / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        first[doc], second[doc] = (
            parse_brat((split / "attributions" / n).read_text(encoding="utf-8")) for n in mine[:2]
        )
    return texts, first, second


def cue_agreement(first: dict[str, list[dict]], second: dict[str, list[dict]]) -> Counter:
    """Attributions either annotator marked, paired by overlapping cues as the scorer pairs them:
    `same cue`, `cue boundary`, `first only`, `second only`."""
    out: Counter = Counter()
    for doc, gold in first.items():
        pairs, unpaired = pair_by_cue(gold, second[doc])
        for g, i in pairs:
            out["first only" if i is None else "same cue" if g["cue"] == second[doc][i]["cue"] else "cue boundary"] += 1
        out["second only"] += len(unpaired)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", type=Path, action="append", help="a brat split (default: PolNeAR train and dev)")
    args = ap.parse_args()
    splits = args.split or [POLNEAR / "train", POLNEAR / "dev"]
    for split in splits:
        if not (split / "attributions").is_dir():
            print(f"skipped: {split} is absent")
            continue
        texts, first, second = annotator_pairs(split)
        n_docs = len(list((split / "text").glob("*.txt")))
        print(f"== {split.name}: {len(texts)} of {n_docs} documents have two annotators")
        if texts:
            print(format_report(score(texts, first, texts, second)))
            counts = cue_agreement(first, second)
            print(f"{sum(counts.values())} attributions either annotator marked: "
                  + ", ".join(f"{counts[k]} {k}" for k in ("same cue", "cue boundary", "first only", "second only")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
