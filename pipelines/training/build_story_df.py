"""Build the background document frequencies of story linking: `python -m pipelines.training.build_story_df`.

Every PolNeAR training article (840 US political news texts, 2015-16) is
turned into story terms exactly as `pipelines.linking.stories` turns a
document (words, names, numbers), and the number of articles holding each
term is written to `pipelines/linking/story_df.tsv`: a `# documents` line,
then `term<TAB>df` for the terms of two articles or more, sorted.  A term
missing from the table counts as in no article: the rarest there is.
Deterministic: a second run writes a byte-identical file.

Why: a story score must not depend on which other documents happen to be
linked in the same call; an incremental update links a few thousand
documents, the first linking a whole corpus, and both weigh words alike.
"""

from __future__ import annotations

from collections import Counter
from pipelines.linking.stories import DF_PATH, StoryDoc, story_terms
from pipelines.training.train_checkworthiness import POLNEAR_TRAIN

MIN_DF = 2


def build(texts: list[str]) -> str:
    df = Counter(t for text in texts for t in story_terms(StoryDoc("", None, text)))
    lines = [f"# documents\t{len(texts)}"] + [f"{t}\t{n}" for t, n in sorted(df.items()) if n >= MIN_DF]
    return "\n".join(lines) + "\n"


def main() -> int:
    paths = sorted(POLNEAR_TRAIN.glob("*.txt"))
    if not paths:
        raise SystemExit(f"{POLNEAR_TRAIN} holds no texts: the shared PolNeAR data is needed")
    DF_PATH.write_text(build([p.read_text(encoding="utf-8") for p in paths]), encoding="utf-8")
    print(f"{DF_PATH}: {len(paths)} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
