"""Read the shared BASIL articles and annotations (2010-2016 only) for benchmarks and tests.

BASIL sits outside the repository (`../shared/data/basil`); callers check
`basil_root()` and skip with a reason when it is absent.  Only the years
listed in `YEARS` are ever opened: later years are held out.
"""

from __future__ import annotations

import json
from itertools import combinations
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

YEARS = tuple(range(2010, 2017))


def basil_root() -> Path | None:
    """The BASIL folder beside the repository, or None when absent."""
    root = Path(__file__).resolve().parents[3] / "shared" / "data" / "basil"
    return root if (root / "articles").is_dir() else None


@dataclass(frozen=True)
class BasilArticle:
    """One BASIL article: `article_id` is `<triplet>_<n>`, `paragraphs` lists of sentences."""

    year: int
    article_id: str
    triplet: str
    source: str
    title: str
    published_at: datetime | None
    paragraphs: tuple[tuple[str, ...], ...]

    @property
    def text(self) -> str:
        return "\n\n".join(" ".join(p) for p in self.paragraphs)


def read_article(root: Path, year: int, article_id: str) -> BasilArticle:
    if year not in YEARS:
        raise ValueError(f"BASIL {year} is held out")
    raw = json.loads((root / "articles" / str(year) / f"{article_id}.json").read_text(encoding="utf-8"))
    date = raw.get("date")
    return BasilArticle(
        year=year,
        article_id=article_id,
        triplet=raw["triplet-uuid"],
        source=raw.get("source", ""),
        title=(raw.get("title") or "").strip(),
        published_at=datetime.fromisoformat(date) if date else None,
        paragraphs=tuple(tuple(p) for p in raw.get("body-paragraphs", [])),
    )


def iter_articles(root: Path, years=YEARS) -> Iterator[BasilArticle]:
    for year in years:
        if year not in YEARS:
            raise ValueError(f"BASIL {year} is held out")
        for path in sorted((root / "articles" / str(year)).glob("*.json")):
            yield read_article(root, year, path.stem)


def read_annotations(root: Path, year: int, article_id: str) -> list[dict]:
    """The phrase-level annotations of one article (empty when it has none)."""
    if year not in YEARS:
        raise ValueError(f"BASIL {year} is held out")
    path = root / "annotations" / str(year) / f"{article_id}_ann.json"
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8")).get("phrase-level-annotations", [])


def sentence_offsets(article: BasilArticle) -> list[tuple[int, int, int]]:
    """(paragraph index, sentence index, start offset in `article.text`) of every sentence."""
    out, pos = [], 0
    for pi, paragraph in enumerate(article.paragraphs):
        for si, sentence in enumerate(paragraph):
            out.append((pi, si, pos))
            pos += len(sentence) + 1
        pos += 1  # paragraphs are joined by "\n\n", sentences by " "
    return out


def same_group_pairs(groups: dict[str, str]) -> set[tuple[str, str]]:
    """Every pair of items (sorted) that `groups` (item -> group) puts together."""
    members: dict[str, list[str]] = {}
    for item, group in groups.items():
        members.setdefault(group, []).append(item)
    return {tuple(sorted(p)) for m in members.values() for p in combinations(m, 2)}


def pairwise_prf(gold: set, predicted: set) -> tuple[float, float, float]:
    """Precision, recall and F1 of predicted pairs against gold pairs."""
    tp = len(gold & predicted)
    p = tp / len(predicted) if predicted else 1.0
    r = tp / len(gold) if gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)
