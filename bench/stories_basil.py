"""Story grouping on BASIL 2010-2016: pairwise precision / recall / F1 against the triplets.

Each BASIL triplet (one event told by nyt, fox and hpo) is a gold story.  A
pair of documents is positive when both sit in the same story; the figures
count such pairs.  All years are grouped in one call (so stories must not
leak across years), then scored per year and overall.

    .venv/bin/python bench/stories_basil.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.linking.basil import basil_root, iter_articles  # noqa: E402
from pipelines.linking.basil import pairwise_prf as prf, same_group_pairs as pairs  # noqa: E402
from pipelines.linking.stories import StoryDoc, group_stories  # noqa: E402
from pipelines.linking.text import quoted_fragments  # noqa: E402




def evaluate(root: Path) -> dict:
    articles = list(iter_articles(root))
    docs = [StoryDoc(a.article_id, a.title, a.text, a.source, a.published_at, (), tuple(quoted_fragments(a.text)))
            for a in articles]
    t0 = time.perf_counter()
    predicted = group_stories(docs)
    seconds = time.perf_counter() - t0
    gold = {a.article_id: a.triplet for a in articles}
    year_of = {a.article_id: a.year for a in articles}
    out = {"seconds": seconds, "documents": len(docs), "stories": len(set(predicted.values())), "years": {}}
    gp, pp = pairs(gold), pairs(predicted)
    for year in sorted(set(year_of.values())):
        def in_year(p):
            return year_of[p[0]] == year or year_of[p[1]] == year
        out["years"][year] = prf({p for p in gp if in_year(p)}, {p for p in pp if in_year(p)})
    out["overall"] = prf(gp, pp)
    return out


def main() -> int:
    root = basil_root()
    if root is None:
        print("skipped: ../shared/data/basil is absent")
        return 0
    r = evaluate(root)
    print(f"{'year':<8}{'P':>7}{'R':>7}{'F1':>7}")
    for year, (p, rec, f) in r["years"].items():
        print(f"{year:<8}{p:7.3f}{rec:7.3f}{f:7.3f}")
    p, rec, f = r["overall"]
    print(f"{'overall':<8}{p:7.3f}{rec:7.3f}{f:7.3f}")
    print(f"{r['documents']} documents -> {r['stories']} stories in {r['seconds']:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
