"""Check-worthiness: how likely a sentence makes a check-worthy factual claim (0-1).

A linear model over hashed features, scored with numpy alone.  Feature groups:

- word unigrams and bigrams of the lower-cased text, digits folded to `0`;
- character 3-5-grams of the same text (padded with a space each side);
- a few shape cues: length, capitalised words, a number, a percent, money, a year;
- word-class 1-3-grams: each token mapped to a small lexicon class (pronoun
  person, modal, `will`, negation, past/present auxiliary, common past-tense
  verbs, opinion verbs, comparatives, number words, time words, wh-words,
  courtesy, determiners, prepositions, conjunctions) or else to its shape
  (number, money, capitalised inside the sentence, -ed, -ing, -ly, other
  word), with sentence edges marked: a crude part-of-speech sequence that
  generalises past the words seen in training.

Every occurrence of bucket `b` counts `idf[b]`; each group is L2-normalised
per sentence (the norm counts each occurrence) and multiplied by its group
weight; the raw score is `bias + sum(weight[b] * value)` and the probability
`sigmoid(a * raw + b)`, with the Platt constants `a, b` fitted on out-of-fold
predictions by `pipelines.training.train_checkworthiness`.  The model file
holds, per bucket seen in training, `weight * idf` and `idf ** 2`.
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
Group = tuple[np.ndarray, np.ndarray, float]  # row, bucket, the group's weight
_SHAPE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?|\d+(?:[.,]\d+)*|[$£€%?!]|--")
_LEXICON = {
    "I": "i i'm i've i'll i'd me my myself",
    "WE": "we we're we've we'll we'd us our ourselves",
    "YOU": "you you're you've you'll you'd your yourself",
    "HE": "he he's he'd he'll him his she she's her hers they they're they've they'll them their",
    "IT": "it it's its this that these those there there's",
    "MOD": "can could should would may might must shall ought need needs",
    "WILL": "will gonna",
    "NEG": "not no never don't didn't doesn't isn't wasn't aren't weren't can't couldn't won't wouldn't shouldn't haven't hasn't",
    "BEPAST": "was were had did been",
    "BE": "is are am be being has have do does",
    "PAST": "said made went took got gave came voted passed lost won spent paid sent told brought left began became built bought fell grew held kept led let met ran rose saw sold stood thought wrote knew",
    "OPIN": "think believe feel hope want wish know guess suppose agree disagree",
    "CMP": "more less fewer most least higher lower increase increased decrease decreased doubled tripled cut cuts rose fell grew up down than percent percentage",
    "NUMW": "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion half third quarter",
    "TIME": "year years month months week weeks day days today yesterday ago since last first ever during decade century",
    "Q": "what why how who when where which",
    "THANK": "thank thanks welcome please",
    "DET": "the a an every each all some any",
    "PREP": "of in on at by for with from to into over under about against between through after before",
    "CONJ": "and but or so because if while although",
}
_WORD_CLASS = {word: name for name, words in _LEXICON.items() for word in words.split()}


@dataclass(frozen=True)
class FeatureConfig:
    """How texts become hashed features; stored with the weights."""

    dim: int = 2**20  # a power of two
    char_min: int = 3
    char_max: int = 5
    word_weight: float = 1.0
    char_weight: float = 1.0
    cue_weight: float = 1.0
    class_weight: float = 0.0  # word-class n-grams (a crude part-of-speech sequence); 0 = off
    class_max: int = 3


class _WordHashes(dict):
    """crc32 of each distinct token, memoised (cleared past 500k entries)."""

    def __missing__(self, token: str) -> int:
        if len(self) > 500_000:
            self.clear()
        h = self[token] = zlib.crc32(token.encode("utf-8"))
        return h


_HASHES = _WordHashes()


class _ClassHashes(dict):
    """Hash of each distinct token's word class: a lexicon class, else its shape (memoised)."""

    def __missing__(self, token: str) -> int:
        if len(self) > 500_000:
            self.clear()
        low = token.lower()
        if low in _WORD_CLASS:
            name = _WORD_CLASS[low]
        elif token[0].isdigit():
            name = "NUM"
        elif token in "$£€":
            name = "MONEY"
        elif token == "--":
            name = "DASH"
        elif not token[0].isalpha():
            name = token
        elif token[0].isupper():
            name = "CAP"
        elif low.endswith("ed"):
            name = "ED"
        elif low.endswith("ing"):
            name = "ING"
        elif low.endswith("ly"):
            name = "LY"
        else:
            name = "w"
        h = self[token] = zlib.crc32(f"class:{name}".encode("utf-8"))
        return h


_CLASSES = _ClassHashes()
_EDGE = zlib.crc32(b"class:<s>")


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


def _words(tokens: list[list[int]], config: FeatureConfig) -> Group:
    n = len(tokens)
    sizes = np.fromiter(map(len, tokens), dtype=np.int64, count=n)
    uni = np.fromiter(chain.from_iterable(tokens), dtype=np.uint32, count=int(sizes.sum()))
    row = np.repeat(np.arange(n), sizes)
    same = row[1:] == row[:-1]
    bi = (uni[:-1] * np.uint32(1_000_003) + (uni[1:] ^ np.uint32(0x27D4EB2F)))[same]
    return np.concatenate([row, row[1:][same]]), _bucket(np.concatenate([uni, bi]), config), config.word_weight


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
    return np.concatenate(rows), _bucket(np.concatenate(hashes), config), config.char_weight


def _classes(classes: list[list[int]], config: FeatureConfig) -> Group:
    """1- to `class_max`-grams of each sentence's word-class sequence, sentence edges marked."""
    n = len(classes)
    seqs = [[_EDGE, *c, _EDGE] for c in classes]
    sizes = np.fromiter(map(len, seqs), dtype=np.int64, count=n)
    codes = np.fromiter(chain.from_iterable(seqs), dtype=np.uint32, count=int(sizes.sum()))
    row = np.repeat(np.arange(n), sizes)
    inner = np.ones(len(codes), dtype=bool)
    inner[np.cumsum(sizes) - 1] = False
    inner[np.cumsum(sizes) - sizes] = False
    rows, hashes = [row[inner]], [codes[inner]]
    h = codes
    for k in range(2, config.class_max + 1):
        h = h[:-1] * np.uint32(1_000_003) + (codes[k - 1 :] ^ np.uint32(0x27D4EB2F))
        same = row[: len(h)] == row[k - 1 :]
        rows.append(row[: len(h)][same])
        hashes.append(h[same] + np.uint32(k * 0x85EBCA6B & 0xFFFFFFFF))
    return np.concatenate(rows), _bucket(np.concatenate(hashes) ^ np.uint32(0x3C6EF372), config), config.class_weight


def feature_groups(texts: Sequence[str], config: FeatureConfig = FeatureConfig()) -> list[Group]:
    """Per feature group (words, characters, cues, word classes): row, bucket (one entry per occurrence), and the group's weight."""
    n = len(texts)
    folded = [t.lower().translate(_DIGITS) for t in texts]
    tokens = [list(map(_HASHES.__getitem__, _TOKEN.findall(low))) for low in folded]
    cues = [list(map(_HASHES.__getitem__, _cues(t, low))) for t, low in zip(texts, folded)]
    sizes = np.fromiter(map(len, cues), dtype=np.int64, count=n)
    cue_hashes = np.fromiter(chain.from_iterable(cues), dtype=np.uint32, count=int(sizes.sum()))
    cue_group = (np.repeat(np.arange(n), sizes), _bucket(cue_hashes ^ np.uint32(0x5BD1E995), config), config.cue_weight)
    groups = [_words(tokens, config), _chars(folded, config), cue_group]
    if config.class_weight > 0:
        # The first letter lower-cased, so that only a capital inside the sentence reads as a name.
        classes = [list(map(_CLASSES.__getitem__, _SHAPE.findall(t[:1].lower() + t[1:]))) for t in texts]
        groups.append(_classes(classes, config))
    return groups


def idf_of(df: np.ndarray, rows: int) -> np.ndarray:
    """Smoothed inverse document frequency, `log((1 + rows) / (1 + df)) + 1`."""
    return np.log((1.0 + rows) / (1.0 + df)) + 1.0


class CheckworthinessModel:
    """Logistic regression over idf-weighted, per-group L2-normalised hashed features, Platt-calibrated.

    `values[b]` is the weight of bucket `b` times its idf, `norms[b]` its idf squared; a group
    contributes `weight * sum(values[b]) / sqrt(sum(norms[b]))` over its occurrences `b`.
    """

    def __init__(self, values: np.ndarray, norms: np.ndarray, bias: float, platt: tuple[float, float], config: FeatureConfig, meta: dict | None = None):
        self.values = np.asarray(values, dtype=np.float32)
        self.norms = np.asarray(norms, dtype=np.float32)
        self.bias = float(bias)
        self.platt = (float(platt[0]), float(platt[1]))
        self.config = config
        self.meta = meta or {}

    def raw(self, texts: Sequence[str]) -> np.ndarray:
        """The uncalibrated linear scores."""
        n = len(texts)
        total = np.full(n, self.bias)
        if n:
            for row, bucket, weight in feature_groups(texts, self.config):
                num = np.bincount(row, weights=self.values[bucket], minlength=n)
                den = np.bincount(row, weights=self.norms[bucket], minlength=n)
                total += weight * num / np.sqrt(np.maximum(den, 1e-12))
        return total

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities in [0, 1], one per text (float32)."""
        a, b = self.platt
        z = np.clip(a * self.raw(texts) + b, -50.0, 50.0)
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def save(self, path: str | Path) -> None:
        """Write the buckets seen in training (weights, idf as float32) and the settings to one `.npz` file."""
        index = np.flatnonzero((self.values != 0) | (self.norms != np.float32(self.meta["norm_unseen"]))).astype(np.int32)
        header = {"bias": self.bias, "platt": list(self.platt), "config": asdict(self.config), "meta": self.meta}
        arrays = {"index": index, "values": self.values[index], "norms": self.norms[index],
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
        values = np.zeros(config.dim, dtype=np.float32)
        norms = np.full(config.dim, header["meta"]["norm_unseen"], dtype=np.float32)
        values[archive["index"]] = archive["values"]
        norms[archive["index"]] = archive["norms"]
    return CheckworthinessModel(values, norms, header["bias"], header["platt"], config, header["meta"])


@lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> CheckworthinessModel:
    """The shipped model (or the one at `path`), read once per process."""
    return read_model(path or MODEL_PATH)
