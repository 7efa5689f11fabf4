"""Train the check-worthiness model: `python -m pipelines.training.train_checkworthiness`.

Fits a logistic regression (scikit-learn, training only) on hashed features
of ClaimBuster (two-class, `label` 1 = check-worthy factual claim), fits
Platt calibration on its out-of-fold scores, and writes
`pipelines/models/checkworthiness.npz`.  CheckThat! 2019 serves as a second,
out-of-domain check (bench/checkworthiness_cv.py); adding its debates to
training (`CHECKTHAT_WEIGHT`) lowered ClaimBuster CV F1 (0.744 -> 0.717) for
no MAP gain, so its weight is 0.  Deterministic: fixed folds and seed,
liblinear's Newton solver, a zip written with fixed timestamps.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

import numpy as np

from pipelines.checkworthiness import MODEL_PATH, CheckworthinessModel, FeatureConfig, features

DATA_DIR = Path(os.environ.get("CLAIMWIRE_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")) / "claimbuster"
CLAIMBUSTER = DATA_DIR / "claimbuster_train.json"
CHECKTHAT = DATA_DIR / "checkthat2019_train.csv"
C = 10.0  # inverse regularisation, chosen by cross-validation (bench/checkworthiness_cv.py)
CHECKTHAT_WEIGHT = 0.0  # sample weight of a CheckThat! line relative to a ClaimBuster sentence
CONFIG = FeatureConfig(char_weight=0.5, cue_weight=0.3)  # chosen by 5-fold CV on ClaimBuster


def load_claimbuster(path: Path = CLAIMBUSTER) -> tuple[list[str], np.ndarray]:
    """ClaimBuster texts and 0/1 labels, in the file's order."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    return [r["text"] for r in rows], np.array([int(r["label"]) for r in rows], dtype=np.int8)


def load_checkthat(path: Path = CHECKTHAT) -> tuple[list[str], np.ndarray, np.ndarray]:
    """CheckThat! 2019 lines: texts, 0/1 labels and the debate (file name) of each."""
    import pandas as pd

    frame = pd.read_csv(path, keep_default_na=False)
    return frame["text"].astype(str).tolist(), frame["label"].to_numpy(np.int8), frame["file_name"].to_numpy(str)


def design(texts: list[str], config: FeatureConfig = CONFIG):
    """The sparse design matrix (scipy CSR) of `texts`."""
    from scipy.sparse import csr_matrix

    row, col, val = features(texts, config)
    matrix = csr_matrix((val.astype(np.float64), (row, col)), shape=(len(texts), config.dim))
    matrix.sum_duplicates()
    return matrix


def fit(matrix, labels: np.ndarray, sample_weight: np.ndarray | None = None, c: float = C) -> tuple[np.ndarray, float]:
    """Logistic regression weights and bias (liblinear's primal Newton solver: deterministic)."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, solver="liblinear", max_iter=1000, tol=1e-4)
    model.fit(matrix, labels, sample_weight=sample_weight)
    return model.coef_[0].astype(np.float32), float(model.intercept_[0])


def folds(labels: np.ndarray, k: int = 5, seed: int = 0) -> np.ndarray:
    """A fold number per row, stratified by label, fixed by `seed`."""
    from sklearn.model_selection import StratifiedKFold

    fold = np.zeros(len(labels), dtype=np.int64)
    for i, (_, test) in enumerate(StratifiedKFold(k, shuffle=True, random_state=seed).split(np.zeros(len(labels)), labels)):
        fold[test] = i
    return fold


def out_of_fold(matrix, labels: np.ndarray, fold: np.ndarray, extra=None, c: float = C) -> np.ndarray:
    """Raw scores of each row from a model fitted without its fold (`extra`: (matrix, labels, weights) always in training)."""
    from scipy.sparse import vstack

    scores = np.zeros(len(labels))
    for f in np.unique(fold):
        train = fold != f
        X, y, w = matrix[train], labels[train], np.ones(int(train.sum()))
        if extra is not None:
            X, y, w = vstack([X, extra[0]]), np.concatenate([y, extra[1]]), np.concatenate([w, extra[2]])
        weights, bias = fit(X, y, w, c)
        scores[~train] = matrix[~train] @ weights + bias
    return scores


def platt(raw: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Platt scaling `sigmoid(a * raw + b)` fitted on out-of-fold scores."""
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=1e6, solver="lbfgs").fit(raw.reshape(-1, 1), labels)
    return float(model.coef_[0, 0]), float(model.intercept_[0])


def train(limit: int | None = None, c: float = C, checkthat_weight: float = CHECKTHAT_WEIGHT, config: FeatureConfig = CONFIG) -> CheckworthinessModel:
    """The model fitted on the training files (`limit`: a fixed random N ClaimBuster rows only, for tests)."""
    texts, labels = load_claimbuster()
    if limit is not None:
        keep = np.sort(np.random.default_rng(0).permutation(len(texts))[:limit])
        texts, labels = [texts[i] for i in keep], labels[keep]
    matrix = design(texts, config)
    extra = None
    if checkthat_weight > 0 and limit is None:
        ct_texts, ct_labels, _ = load_checkthat()
        extra = (design(ct_texts, config), ct_labels, np.full(len(ct_labels), checkthat_weight))
    calibration = platt(out_of_fold(matrix, labels, folds(labels), extra, c), labels)
    if extra is not None:
        from scipy.sparse import vstack

        matrix, labels, weight = vstack([matrix, extra[0]]), np.concatenate([labels, extra[1]]), np.concatenate([np.ones(len(labels)), extra[2]])
    else:
        weight = None
    weights, bias = fit(matrix, labels, weight, c)
    digest = hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest()[:16]
    meta = {"trained_on": "claimbuster_train.json" + (" + checkthat2019_train.csv" if extra is not None else ""),
            "claimbuster_sha256_16": digest, "rows": int(matrix.shape[0]), "C": c, "checkthat_weight": checkthat_weight}
    return CheckworthinessModel(weights, bias, calibration, config, meta)


def main(argv: list[str] | None = None) -> None:
    """Train and write the model file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--limit", type=int, default=None, help="train on a fixed random sample of N ClaimBuster rows only")
    args = parser.parse_args(argv)
    model = train(args.limit)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    model.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB): platt a={model.platt[0]:.3f} b={model.platt[1]:.3f}")


if __name__ == "__main__":
    main()
