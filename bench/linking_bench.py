"""Time and peak memory of `link_claims` on synthetic-but-realistic claims (25k, 50k, 100k).

Claims are sentences made of real ones (BASIL 2010-2016 when present, else
the seeds: halves of two real sentences joined, one word in four replaced) told again by four outlets
per story: each copy loses, swaps or changes a few words, some numbers are
shifted, some are retold, so every relation occurs.  Each story has its own
sentences and speakers; one sentence in eight is a real sentence used whole,
so some recur across stories (as boilerplate does).  Near-linear means the time per claim stays
flat as the corpus doubles.

    .venv/bin/python bench/linking_bench.py [N ...] [--no-memory]
"""

from __future__ import annotations

import random
import re
import sys
import time
import tracemalloc
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.linking.basil import basil_root, iter_articles  # noqa: E402
from pipelines.linking.claims import LinkClaim, link_claims  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUTLETS = ["reuters", "apnews", "nyt", "fox", "hpo", "guardian", "usnews", "independent"]
SWAPS = {"said": "added", "favour": "favor", "stopping": "ending", "very": "really", "big": "large"}


def sentence_pool() -> list[str]:
    root = basil_root()
    if root is not None:
        pool = [s for a in iter_articles(root) for p in a.paragraphs for s in p if len(s.split()) >= 8]
    else:
        pool = [line for f in (ROOT / "seeds").rglob("*.txt") for line in f.read_text().splitlines()
                if len(line.split()) >= 8]
    return pool


def _splice(first: str, second: str, vocabulary: list[str], rng: random.Random) -> str:
    """Half of one sentence, half of another, and one word in four replaced: a sentence of this story only."""
    x, y = first.split(), second.split()
    words = x[: len(x) // 2] + y[len(y) // 2 :]
    return " ".join(rng.choice(vocabulary) if rng.random() < 0.25 else w for w in words)


def mutate(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    roll = rng.random()
    if roll < 0.35:
        return sentence  # carried as is (same quote, wire copy)
    if roll < 0.6:  # a word dropped or swapped
        i = rng.randrange(len(words))
        words[i] = SWAPS.get(words[i], "" if rng.random() < 0.5 else words[i])
    elif roll < 0.75:  # a number changed
        return re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randint(1, 9)), sentence, count=1)
    else:  # retold: clause order changed and a third of the words dropped
        rng.shuffle(words)
        words = words[: max(5, 2 * len(words) // 3)]
    return " ".join(w for w in words if w)


def synthetic_claims(n: int, seed: int = 7) -> tuple[list[LinkClaim], dict[str, str]]:
    rng = random.Random(seed)
    pool = sentence_pool()
    vocabulary = sorted({w for sentence in pool for w in sentence.split() if w.isalpha()})
    claims, story_of = [], {}
    story = 0
    while len(claims) < n:
        story += 1
        # A story's sentences: halves of two real sentences joined, so stories do not share sentences
        # beyond the boilerplate (one real sentence in eight is used whole, and recurs across stories).
        base = [_splice(rng.choice(pool), rng.choice(pool), vocabulary, rng) for _ in range(7)] + [rng.choice(pool)]
        speakers = [f"sp{story}_{k}" for k in range(4)]
        for outlet in rng.sample(OUTLETS, 4):
            doc = f"d{story}_{outlet}"
            story_of[doc] = f"s{story}"
            for k, sentence in enumerate(rng.sample(base, 6)):
                text = mutate(sentence, rng)
                claims.append(LinkClaim(f"{doc}#{k}", doc, speakers[k % 4], text, sentence=text, source=outlet))
    return claims[:n], story_of


def measure(n: int, trace: bool) -> tuple[float, float, float, Counter]:
    """Wall and CPU seconds, (with `trace`) the peak MiB Python allocated while linking, links by relation."""
    claims, story_of = synthetic_claims(n)
    if trace:
        tracemalloc.start()
    t0, c0 = time.perf_counter(), time.process_time()
    links = link_claims(claims, story_of)
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    peak = tracemalloc.get_traced_memory()[1] / 2**20 if trace else float("nan")
    if trace:
        tracemalloc.stop()
    return seconds, cpu, peak, Counter(link.relation for link in links)


def main(argv: list[str]) -> int:
    sizes = [int(a) for a in argv if a.isdigit()] or [25_000, 50_000, 100_000]
    # CPU seconds are the figure to compare across sizes: wall time also counts other processes' load.
    print(f"{'claims':>8}{'wall s':>8}{'CPU s':>8}{'CPU us/claim':>14}{'peak MiB':>10}  links by relation")
    for n in sizes:
        seconds, cpu, _, counts = measure(n, trace=False)
        # Memory is traced in a second run: tracing slows Python down several times over.
        peak = measure(n, trace=True)[2] if "--no-memory" not in argv else float("nan")
        print(f"{n:8d}{seconds:8.1f}{cpu:8.1f}{1e6 * cpu / n:14.0f}{peak:10.0f}  {dict(sorted(counts.items()))}",
              flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
