"""Claim linking against the labelled pairs of tests/data/claim_links_gold.jsonl.

Every gold claim goes to one `link_claims` call; a pair's prediction is the
relation linking its two claims, else `unrelated`.  Prints per-relation
precision / recall / F1 and their macro average over the labels present.
BASIL pairs are skipped (and counted) when ../shared/data/basil is absent.

    .venv/bin/python bench/claim_links_gold.py [-v]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.linking.gold import load_gold, predict, score  # noqa: E402


def main(argv: list[str]) -> int:
    pairs, skipped = load_gold()
    predicted = predict(pairs)
    figures = score(pairs, predicted)
    print(f"{len(pairs)} pairs scored, {len(skipped)} skipped" + (f" ({skipped[0][1]})" if skipped else ""))
    print(f"{'relation':<15}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}")
    for label, (p, r, f, n) in figures.items():
        print(f"{label:<15}{p:7.3f}{r:7.3f}{f:7.3f}{n:6d}")
    if "-v" in argv:
        for pair in pairs:
            if predicted[pair.pair_id] != pair.relation:
                print(f"{pair.pair_id} gold={pair.relation} predicted={predicted[pair.pair_id]}\n"
                      f"   A: {pair.a.content[:160]}\n   B: {pair.b.content[:160]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
