"""Check-worthiness: how likely a sentence makes a check-worthy factual claim (0-1).

A linear model over hashed features, scored with numpy alone:

- word unigrams and bigrams of the lower-cased text, digits folded to `0`;
- character 3-5-grams of the same text (padded with a space each side);
- a few shape cues: a number, a percent, money, a year, capitalised words.

Each feature group is scaled by `1 / sqrt(number of its features in the
sentence)`; the model's raw score is `bias + sum(weight[feature] * scale)`
and its probability `sigmoid(a * raw + b)`, the Platt constants fitted on
out-of-fold predictions (`pipelines.training.train_checkworthiness`).
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_PATH = Path(__file__).parent / "models" / "checkworthiness.npz"

_DIGITS = str.maketrans("0123456789", "0000000000")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|0+(?:[.,]0+)*|[$£€%]")
_M1, _M2 = np.uint64(0xFF51AFD7ED558CCD), np.uint64(0xC4CEB9FE1A85EC53)
_PRIME = np.uint64(1_000_003)


@dataclass(frozen=True)
class FeatureConfig:
    """How texts become hashed features; stored with the weights."""

    dim: int = 2**20
    char_min: int = 3
    char_max: int = 5
    word_weight: float = 1.0
    char_weight: float = 1.0
    cue_weight: float = 1.0


def _mix(h: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (MurmurHash3 fmix64) so that buckets spread evenly."""
    h = h ^ (h >> np.uint64(33))
    h = h * _M1
    h = h ^ (h >> np.uint64(33))
    h = h * _M2
    return h ^ (h >> np.uint64(33))


def _word_hash(token: str, cache: dict[str, int]) -> int:
    h = cache.get(token)
    if h is None:
        h = cache[token] = zlib.crc32(token.encode("utf-8"))
    return h


_WORD_CACHE: dict[str, int] = {}
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CAPITAL = re.compile(r"(?<=\s)[A-Z][a-z]+")
_PERCENT = re.compile(r"%|\bper ?cent\b", re.I)
_MONEY = re.compile(r"[$£€]|\b(?:dollars?|billion|million|trillion)\b", re.I)


def _cues(text: str) -> list[str]:
    """Shape cues a bag of n-grams sees poorly: numbers, money, capitalised names."""
    cues = [f"len:{min(len(text) // 40, 6)}"]
    if any(ch.isdigit() for ch in text):
        cues.append("has:number")
    if _YEAR.search(text):
        cues.append("has:year")
    if _PERCENT.search(text):
        cues.append("has:percent")
    if _MONEY.search(text):
        cues.append("has:money")
    cues.append(f"capitals:{min(len(_CAPITAL.findall(text)), 4)}")
    return cues


def features(texts: Sequence[str], config: FeatureConfig = FeatureConfig()) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The hashed features of `texts` as COO triples (row, column, value); duplicates add up."""
    folded = [t.lower().translate(_DIGITS) for t in texts]
    rows, cols, vals = [], [], []
    # Words: crc32 per distinct token, bigrams combined arithmetically.
    word_h, word_row, cue_h, cue_row = [], [], [], []
    for i, (text, low) in enumerate(zip(texts, folded)):
        hashes = [_word_hash(tok, _WORD_CACHE) for tok in _TOKEN.findall(low)]
        word_h.append(hashes)
        word_row.append(i)
        cue = [_word_hash("\x01" + c, _WORD_CACHE) for c in _cues(text)]
        cue_h.extend(cue)
        cue_row.extend([i] * len(cue))
    lengths = np.fromiter((len(h) for h in word_h), dtype=np.int64, count=len(texts))
    uni = np.fromiter((h for hs in word_h for h in hs), dtype=np.uint64, count=int(lengths.sum()))
    uni_row = np.repeat(np.arange(len(texts)), lengths)
    same = uni_row[1:] == uni_row[:-1]
    bi = (uni[:-1] * _PRIME + uni[1:] + np.uint64(7))[same]
    bi_row = uni_row[1:][same]
    w_h = np.concatenate([uni, bi])
    w_row = np.concatenate([uni_row, bi_row])
    rows.append(w_row)
    cols.append(w_h)
    n_word = np.bincount(w_row, minlength=len(texts))
    vals.append(config.word_weight / np.sqrt(np.maximum(n_word, 1))[w_row])
    # Characters: rolling polynomial hashes over the joined, padded texts.
    joined = "".join(f" {t} \x00" for t in folded)
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    sizes = np.fromiter((len(t) + 3 for t in folded), dtype=np.int64, count=len(texts))
    char_row = np.repeat(np.arange(len(texts)), sizes)
    valid_end = codes != 0
    c_h, c_row = [], []
    h = np.zeros(len(codes), dtype=np.uint64)
    ok = np.ones(len(codes), dtype=bool)
    for n in range(1, config.char_max + 1):
        # h[i] covers codes[i : i + n]; ok[i] says no separator inside.
        shifted = np.zeros(len(codes), dtype=np.uint64)
        shifted[: len(codes) - n + 1] = codes[n - 1 :]
        h = h * _PRIME + shifted
        good = np.zeros(len(codes), dtype=bool)
        good[: len(codes) - n + 1] = valid_end[n - 1 :]
        ok &= good
        if n >= config.char_min:
            c_h.append(h[ok] + np.uint64(n * 0x9E3779B9))
            c_row.append(char_row[ok])
    c_h, c_row = np.concatenate(c_h), np.concatenate(c_row)
    n_char = np.bincount(c_row, minlength=len(texts))
    rows.append(c_row)
    cols.append(c_h)
    vals.append(config.char_weight / np.sqrt(np.maximum(n_char, 1))[c_row])
    cue_row_a = np.asarray(cue_row, dtype=np.int64)
    rows.append(cue_row_a)
    cols.append(np.asarray(cue_h, dtype=np.uint64))
    vals.append(np.full(len(cue_row_a), config.cue_weight))
    col = (_mix(np.concatenate(cols)) % np.uint64(config.dim)).astype(np.int64)
    return np.concatenate(rows), col, np.concatenate(vals).astype(np.float32)


class CheckworthinessModel:
    """Hashed-feature logistic regression with Platt calibration."""

    def __init__(self, weights: np.ndarray, bias: float, platt: tuple[float, float], config: FeatureConfig, meta: dict):
        self.weights = weights.astype(np.float32)
        self.bias = float(bias)
        self.platt = platt
        self.config = config
        self.meta = meta

    def raw(self, texts: Sequence[str]) -> np.ndarray:
        """The uncalibrated linear scores."""
        if len(texts) == 0:
            return np.zeros(0, dtype=np.float32)
        row, col, val = features(texts, self.config)
        return (np.bincount(row, weights=self.weights[col] * val, minlength=len(texts)) + self.bias).astype(np.float32)

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities in [0, 1], one per text (float32)."""
        a, b = self.platt
        z = np.clip(a * self.raw(texts).astype(np.float64) + b, -50, 50)
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def save(self, path: str | Path) -> None:
        """Write the weights (sparse) and the settings to one `.npz` file."""
        nz = np.flatnonzero(self.weights).astype(np.int32)
        header = {"bias": self.bias, "platt": list(self.platt), "config": self.config.__dict__, "meta": self.meta}
        np.savez_compressed(path, index=nz, values=self.weights[nz].astype(np.float16), header=np.frombuffer(json.dumps(header, sort_keys=True).encode(), dtype=np.uint8))


def read_model(path: str | Path) -> CheckworthinessModel:
    """Read a model file written by `CheckworthinessModel.save`."""
    with np.load(path, allow_pickle=False) as archive:
        header = json.loads(archive["header"].tobytes().decode())
        config = FeatureConfig(**header["config"])
        weights = np.zeros(config.dim, dtype=np.float32)
        weights[archive["index"]] = archive["values"].astype(np.float32)
    return CheckworthinessModel(weights, header["bias"], tuple(header["platt"]), config, header["meta"])


@lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> CheckworthinessModel:
    """The shipped model (or the one at `path`), read once per process."""
    return read_model(path or MODEL_PATH)
