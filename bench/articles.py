"""A deterministic benchmark corpus: N distinct news articles as JSONL, made from real text.

    .venv/bin/python bench/articles.py N OUT.jsonl [--seed S]

The material is the PolNeAR (train and dev) and BASIL article texts of
../shared/data (seven plus three outlets, 2010-2016).  Article `i` is drawn
from its own seeded generator, so the first N articles of a larger corpus are
the N articles of a smaller one.  Each keeps its base article's lede and
outlet and varies the rest the way wire copy varies: body paragraphs shuffled
by a few swaps, a paragraph dropped, one to three paragraphs taken from
another article of the same outlet, a few numbers edited, and a publication
date moved by up to three years.  No two articles share a text (and so a
`doc_id`): a variant whose text was already produced gets another borrowed
paragraph until it is new.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\b")


@dataclass(frozen=True)
class BaseArticle:
    source: str
    title: str
    published: datetime
    paragraphs: tuple[str, ...]


def polnear_articles(root: Path = DATA / "polnear") -> list[BaseArticle]:
    """PolNeAR's train and dev articles: title line, then paragraphs separated by blank lines."""
    meta = {}
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            meta[row["filename"]] = row
    found = []
    for path in sorted(root.glob("*/text/*.txt")):
        row = meta.get(path.stem, {})
        blocks = [b.strip() for b in re.split(r"\n\s*\n", path.read_text(encoding="utf-8")) if b.strip()]
        if len(blocks) < 3:
            continue
        date = datetime.fromisoformat(row.get("publication_date") or "2016-01-01").replace(tzinfo=timezone.utc)
        found.append(BaseArticle(row.get("publisher") or path.stem.split("_")[0], blocks[0], date, tuple(blocks[1:])))
    return found


def basil_articles(root: Path = DATA / "basil" / "articles") -> list[BaseArticle]:
    """BASIL's articles: paragraphs given as lists of sentences."""
    found = []
    for path in sorted(root.glob("*/*.json")):
        obj = json.loads(path.read_text(encoding="utf-8"))
        paragraphs = tuple(" ".join(s.strip() for s in p) for p in obj.get("body-paragraphs") or [] if p)
        paragraphs = tuple(p for p in paragraphs if p.strip())
        if len(paragraphs) < 3:
            continue
        date = datetime.fromisoformat(obj.get("date") or "2014-01-01").replace(tzinfo=timezone.utc)
        found.append(BaseArticle(obj.get("source") or "basil", obj.get("title") or paragraphs[0][:80], date, paragraphs))
    return found


def base_articles() -> list[BaseArticle]:
    found = polnear_articles() + basil_articles()
    if not found:
        raise SystemExit(f"no PolNeAR or BASIL texts under {DATA}: the benchmark corpus is made from them")
    return found


def _edit_numbers(text: str, rng: random.Random, edits: int) -> str:
    """Change up to `edits` of the numbers in `text` by a small amount, keeping their format."""
    spans = [m.span() for m in _NUMBER.finditer(text)]
    for start, end in sorted(rng.sample(spans, min(edits, len(spans))), reverse=True):
        digits = text[start:end]
        head = digits.replace(",", "").split(".")[0]
        value = max(0, int(head) + rng.choice((-3, -2, -1, 1, 2, 3)))
        new = f"{value:,}" if "," in digits else str(value)
        if "." in digits:
            new += "." + digits.split(".", 1)[1]
        text = text[:start] + new + text[end:]
    return text


def article(i: int, bases: list[BaseArticle], by_source: dict[str, list[int]], seed: int = 13) -> tuple[dict, random.Random]:
    """Article `i` of the corpus (its own seeded variant of one base article) and its generator."""
    rng = random.Random(f"{seed}:{i}")
    base = bases[i % len(bases)] if i < len(bases) else bases[rng.randrange(len(bases))]
    body = list(base.paragraphs)
    lede, rest = body[:1], body[1:]
    if i >= len(bases):  # the first pass over the bases keeps every article as published
        for _ in range(rng.randint(1, 4)):
            if len(rest) > 1:
                a = rng.randrange(len(rest) - 1)
                rest[a], rest[a + 1] = rest[a + 1], rest[a]
        if len(rest) > 3 and rng.random() < 0.3:
            del rest[rng.randrange(len(rest))]
        if rng.random() < 0.5:
            other = bases[rng.choice(by_source[base.source])]
            rest.extend(rng.sample(other.paragraphs[1:], min(rng.randint(1, 3), len(other.paragraphs) - 1)))
        rest = [_edit_numbers(p, rng, 1) if rng.random() < 0.2 else p for p in rest]
    published = base.published + timedelta(days=rng.randrange(3 * 365) if i >= len(bases) else 0,
                                           minutes=rng.randrange(24 * 60))
    record = {"id": f"bench-{i:07d}", "source": base.source, "title": base.title,
              "published_at": published.isoformat(), "text": "\n\n".join(lede + rest) + "\n"}
    return record, rng


def write_corpus(n: int, out: Path, seed: int = 13) -> tuple[int, int]:
    """Write `n` distinct articles to `out` (JSONL, atomically); returns (articles, bytes of text)."""
    bases = base_articles()
    by_source: dict[str, list[int]] = defaultdict(list)
    for k, b in enumerate(bases):
        by_source[b.source].append(k)
    seen: set[bytes] = set()  # 8 bytes per article: the generator's guarantee of distinct texts
    n_bytes = 0
    tmp = out.with_name(out.name + ".tmp")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as fh:
        for i in range(n):
            record, rng = article(i, bases, by_source, seed)
            digest = hashlib.sha256(record["text"].encode("utf-8")).digest()[:8]
            while digest in seen:
                donor = bases[rng.randrange(len(bases))].paragraphs
                record["text"] += "\n" + donor[rng.randrange(len(donor))] + "\n"
                digest = hashlib.sha256(record["text"].encode("utf-8")).digest()[:8]
            seen.add(digest)
            n_bytes += len(record["text"].encode("utf-8"))
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(out)
    return n, n_bytes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    n, n_bytes = write_corpus(args.n, args.out, args.seed)
    print(f"{n:,} articles, {n_bytes / 1e6:.1f} MB of text -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
