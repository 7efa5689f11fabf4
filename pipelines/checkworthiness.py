"""Check-worthiness: how likely a sentence makes a check-worthy factual claim (0-1).

A linear model over hashed features, scored with numpy alone:

- word unigrams and bigrams of the lower-cased text, digits folded to `0`;
- character 3-5-grams of the same text (padded with a space each side);
- a few shape cues: a number, a percent, money, a year, capitalised words.

Each group's features are scaled by `weight / sqrt(its feature count in the
sentence)`; the raw score is `bias + sum(weight[bucket] * value)` and the
probability `sigmoid(a * raw + b)`, with the Platt constants `a, b` fitted on
out-of-fold predictions by `pipelines.training.train_checkworthiness`.
"""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_PATH = Path(__file__).parent / "models" / "checkworthiness.npz"

_DIGITS = str.maketrans("0123456789", "0000000000")
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|0+(?:[.,]0+)*|[$£€%]")
_MONEY = re.compile(r"[$£€]|\b(?:dollars?|pounds|euros|billions?|millions?|trillions?)\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_CAPITAL = re.compile(r" [A-Z][a-z]")
Group = tuple[np.ndarray, np.ndarray, np.ndarray]  # row, bucket, scale per row


@dataclass(frozen=True)
class FeatureConfig:
    """How texts become hashed features; stored with the weights."""

    dim: int = 2**20  # a power of two
    char_min: int = 3
    char_max: int = 5
    word_weight: float = 1.0
    char_weight: float = 1.0
    cue_weight: float = 1.0


class _WordHashes(dict):
    """crc32 of each distinct token, memoised (cleared past 500k entries)."""

    def __missing__(self, token: str) -> int:
        if len(self) > 500_000:
            self.clear()
        h = self[token] = zlib.crc32(token.encode("utf-8"))
        return h


_HASHES = _WordHashes()


def _cues(text: str, low: str) -> list[str]:
    """Shape cues a bag of n-grams sees poorly: numbers, money, years, capitalised names."""
    cues = [f"len:{min(len(text) // 40, 6)}", f"capitals:{min(len(_CAPITAL.findall(text)), 4)}"]
    if "0" in low:
        cues.append("cue:number")
        if _YEAR.search(text):
            cues.append("cue:year")
    if "%" in low or "per" in low and ("percent" in low or "per cent" in low):
        cues.append("cue:percent")
    if _MONEY.search(low):
        cues.append("cue:money")
    return cues


def _bucket(h: np.ndarray, config: FeatureConfig) -> np.ndarray:
    """Fibonacci hashing: multiply by 2^32 / golden ratio, keep the top bits."""
    bits = config.dim.bit_length() - 1
    return ((h.astype(np.uint32) * np.uint32(2654435769)) >> np.uint32(32 - bits)).astype(np.intp)


def _scale(counts: np.ndarray, weight: float) -> np.ndarray:
    return weight / np.sqrt(np.maximum(counts, 1))


def _words(tokens: list[list[int]], config: FeatureConfig) -> Group:
    n = len(tokens)
    sizes = np.fromiter(map(len, tokens), dtype=np.int64, count=n)
    uni = np.fromiter(chain.from_iterable(tokens), dtype=np.uint32, count=int(sizes.sum()))
    row = np.repeat(np.arange(n), sizes)
    same = row[1:] == row[:-1]
    bi = (uni[:-1] * np.uint32(1_000_003) + (uni[1:] ^ np.uint32(0x27D4EB2F)))[same]
    counts = sizes + np.maximum(sizes - 1, 0)
    return np.concatenate([row, row[1:][same]]), _bucket(np.concatenate([uni, bi]), config), _scale(counts, config.word_weight)


def _chars(folded: list[str], config: FeatureConfig) -> Group:
    n = len(folded)
    codes = np.frombuffer("".join(f" {t} \x00" for t in folded).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    sizes = np.fromiter(map(len, folded), dtype=np.int64, count=n) + 3
    row = np.repeat(np.arange(n), sizes)
    inside = codes != 0
    h, ok, rows, hashes = codes, inside, [], []
    for k in range(2, config.char_max + 1):
        # h[i] now hashes codes[i : i + k]; ok[i] says that window holds no separator.
        h = h[:-1] * np.uint32(1_000_003) + codes[k - 1 :]
        ok = ok[:-1] & inside[k - 1 :]
        if k >= config.char_min:
            rows.append(row[: len(ok)][ok])
            hashes.append(h[ok] + np.uint32(k * 0x9E3779B9 & 0xFFFFFFFF))
    counts = sum(np.maximum(sizes - k, 0) for k in range(config.char_min, config.char_max + 1))
    return np.concatenate(rows), _bucket(np.concatenate(hashes), config), _scale(counts, config.char_weight)


def feature_groups(texts: Sequence[str], config: FeatureConfig = FeatureConfig()) -> list[Group]:
    """Per feature group (words, characters, cues): row, bucket, and the group's scale per row."""
    n = len(texts)
    folded = [t.lower().translate(_DIGITS) for t in texts]
    tokens = [list(map(_HASHES.__getitem__, _TOKEN.findall(low))) for low in folded]
    cues = [list(map(_HASHES.__getitem__, _cues(t, low))) for t, low in zip(texts, folded)]
    sizes = np.fromiter(map(len, cues), dtype=np.int64, count=n)
    cue_hashes = np.fromiter(chain.from_iterable(cues), dtype=np.uint32, count=int(sizes.sum()))
    cue_group = (np.repeat(np.arange(n), sizes), _bucket(cue_hashes ^ np.uint32(0x5BD1E995), config), np.full(n, config.cue_weight))
    return [_words(tokens, config), _chars(folded, config), cue_group]


def features(texts: Sequence[str], config: FeatureConfig = FeatureConfig()) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The features of `texts` as COO triples (row, bucket, value); duplicates add up."""
    groups = feature_groups(texts, config)
    rows = np.concatenate([g[0] for g in groups])
    cols = np.concatenate([g[1] for g in groups])
    vals = np.concatenate([g[2][g[0]] for g in groups]).astype(np.float32)
    return rows, cols, vals


class CheckworthinessModel:
    """Hashed-feature logistic regression with Platt calibration."""

    def __init__(self, weights: np.ndarray, bias: float, platt: tuple[float, float], config: FeatureConfig, meta: dict | None = None):
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = float(bias)
        self.platt = (float(platt[0]), float(platt[1]))
        self.config = config
        self.meta = meta or {}

    def raw(self, texts: Sequence[str]) -> np.ndarray:
        """The uncalibrated linear scores."""
        total = np.full(len(texts), self.bias)
        if len(texts):
            for row, bucket, scale in feature_groups(texts, self.config):
                total += np.bincount(row, weights=self.weights[bucket], minlength=len(texts)) * scale
        return total

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities in [0, 1], one per text (float32)."""
        a, b = self.platt
        z = np.clip(a * self.raw(texts) + b, -50.0, 50.0)
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def save(self, path: str | Path) -> None:
        """Write the non-zero weights (float16) and the settings to one `.npz` file."""
        index = np.flatnonzero(self.weights).astype(np.int32)
        header = {"bias": self.bias, "platt": list(self.platt), "config": asdict(self.config), "meta": self.meta}
        arrays = {"index": index, "values": self.weights[index].astype(np.float16),
                  "header": np.frombuffer(json.dumps(header, sort_keys=True).encode("utf-8"), dtype=np.uint8)}
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                # A fixed timestamp keeps the file byte-identical from one training run to the next.
                with archive.open(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), "w") as member:
                    np.lib.format.write_array(member, array, allow_pickle=False)


def read_model(path: str | Path) -> CheckworthinessModel:
    """Read a model file written by `CheckworthinessModel.save`."""
    with np.load(path, allow_pickle=False) as archive:
        header = json.loads(archive["header"].tobytes().decode("utf-8"))
        config = FeatureConfig(**header["config"])
        weights = np.zeros(config.dim, dtype=np.float32)
        weights[archive["index"]] = archive["values"].astype(np.float32)
    return CheckworthinessModel(weights, header["bias"], header["platt"], config, header["meta"])


@lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> CheckworthinessModel:
    """The shipped model (or the one at `path`), read once per process."""
    return read_model(path or MODEL_PATH)
