"""Build the name model's case counts: `python -m pipelines.training.build_name_case`.

For every word of the PolNeAR training news texts that follows a lower-case
word or a comma (so neither a sentence's first word nor a title-case
headline's run), how often it is written capitalised and how often in lower
case.  A word the press capitalises mid-sentence (`Trump`, `Kremlin`, `Roger`)
can be part of a name; one it writes in lower case (`despite`, `indicting`,
`aide`, `top`) cannot, whatever the case of a headline.  Words seen fewer
than `MIN_COUNT` times are left out; the file is sorted, so a second run
writes a byte-identical `pipelines/models/name_case.tsv`.
"""

from __future__ import annotations

import re
from collections import Counter

from pipelines.attribution.names import CASE_PATH
from pipelines.training.train_checkworthiness import POLNEAR_TRAIN

MIN_COUNT = 2
# a word right after a lower-case word or a comma on the same line
_MID_SENTENCE = re.compile(r"(?:\b[a-z][a-z’'-]*|,)[ \t]+([A-Za-z][\w’'-]*)")


def case_counts(texts) -> dict[str, tuple[int, int]]:
    upper, lower = Counter(), Counter()
    for text in texts:
        for m in _MID_SENTENCE.finditer(text):
            word = m.group(1)
            (upper if word[0].isupper() else lower)[word.lower()] += 1
    return {w: (upper[w], lower[w]) for w in set(upper) | set(lower) if upper[w] + lower[w] >= MIN_COUNT}


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_TRAIN.glob("*.txt"))]
    counts = case_counts(texts)
    lines = ["# word<TAB>times capitalised mid-sentence<TAB>times in lower case (PolNeAR train)"]
    lines += [f"{w}\t{u}\t{lo}" for w, (u, lo) in sorted(counts.items())]
    CASE_PATH.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{CASE_PATH}: {len(counts):,} words from {len(texts)} texts")


if __name__ == "__main__":
    main()
