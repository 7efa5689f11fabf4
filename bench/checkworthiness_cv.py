"""Cross-validated quality, calibration and speed of the check-worthiness model.

    .venv/bin/python bench/checkworthiness_cv.py

ClaimBuster: 5-fold stratified CV (the folds the training uses) of both
views (hashed n-grams, static word vectors), mixed as the training mixes
them; Platt calibration cross-fitted (each fold's scores calibrated on the
other folds' out-of-fold scores), then F1 / precision / recall at 0.5 and a
calibration table (and each view's macro-F1 alone).  CheckThat! 2019: MAP =
mean over debates of average precision of the combined model trained on all
of ClaimBuster (no CheckThat! line is trained on, so each debate is held
out).  The idf is refitted inside each CV fold.  Speed and size: the shipped
model file plus the word vectors.  Training files only; no test file is
read.
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


def claimbuster_cv() -> tuple[float, float]:
    """Prints the CV figures; returns the views' mixing weights (from all rows' out-of-fold scores, as training does)."""
    texts, labels = tc.load_claimbuster()
    groups, fold = tc.design(texts), tc.folds(labels)
    hashed = tc.out_of_fold(groups, labels, fold)
    dense = tc.out_of_fold_dense(tc.pooled_features(texts, tc.load_word_vectors()), labels, fold)
    mix = tc.mixing(hashed, dense)
    prob = cross_fitted(mix[0] * hashed + mix[1] * dense, labels, fold)
    predicted = (prob >= 0.5).astype(int)
    p, r, f = f1(labels, predicted)
    p0, r0, f0 = f1(labels, predicted, positive=0)
    share = labels.mean()
    print(f"ClaimBuster 5-fold CV, n={len(labels)} ({labels.sum()} check-worthy), C={tc.C}, {tc.CONFIG}, "
          f"dense C={tc.DENSE_C}, hashed share={tc.HASHED_SHARE}")
    print(f"  views alone, macro-F1 at 0.5: hashed={macro_f1(labels, cross_fitted(hashed, labels, fold)):.4f}  "
          f"dense={macro_f1(labels, cross_fitted(dense, labels, fold)):.4f}; combined:")
    print(f"  at 0.5: F1(check-worthy)={f:.4f}  precision={p:.4f}  recall={r:.4f}")
    print(f"          macro-F1={(f + f0) / 2:.4f}  weighted-F1={share * f + (1 - share) * f0:.4f}  accuracy={np.mean(predicted == labels):.4f}")
    print(f"  Brier={np.mean((prob - labels) ** 2):.4f}  AP={average_precision(labels, prob):.4f}")
    print("  calibration (bin: n, mean score, observed share check-worthy)")
    bins = np.minimum((prob * 10).astype(int), 9)
    for i in range(10):
        sel = bins == i
        if sel.any():
            print(f"    [{i / 10:.1f}, {(i + 1) / 10:.1f}): n={sel.sum():5d}  score={prob[sel].mean():.3f}  observed={labels[sel].mean():.3f}")
    return mix


def checkthat_lodo(mix: tuple[float, float]) -> None:
    """The model trained on all of ClaimBuster ranks each CheckThat! debate (no CheckThat! line is trained on)."""
    cb_texts, cb_labels = tc.load_claimbuster()
    texts, labels, debates = tc.load_checkthat()
    values, idf, bias = tc.fit_groups(tc.design(cb_texts), cb_labels)
    vectors = tc.load_word_vectors()
    cb_features, features = tc.pooled_features(cb_texts, vectors), tc.pooled_features(texts, vectors)
    weights, dense_bias = tc.fit_dense(cb_features, cb_labels)
    raw = mix[0] * tc.raw_scores(tc.design(texts), values, idf, bias) + mix[1] * tc.dense_scores(features, weights, dense_bias)
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
    except ImportError:
        print("cross-validation skipped: it needs the `train` extra (scikit-learn, scipy)")
        sys.exit(0)
    checkthat_lodo(claimbuster_cv())
