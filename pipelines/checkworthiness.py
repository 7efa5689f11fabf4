"""Check-worthiness: how likely a sentence makes a check-worthy factual claim (0-1).

Two linear views, scored with numpy alone.  The hashed view's feature groups:

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
weight; the hashed raw score is `bias + sum(weight[b] * value)`.  The model
file holds, per bucket seen in training, `weight * idf` and `idf ** 2`.

The dense view: static word vectors (`models/word_vectors.npz`, 13,293 words
of the training texts, each embedded alone by the multilingual Universal
Sentence Encoder v3 and reduced to 256 principal components, float16; built
by `pipelines.training.build_word_vectors`).  A sentence's features are the
L2-normalised mean and the elementwise max of its known words' vectors
(`WORD` on the lower-cased text; zeros without a known word), and its raw
score `dense_bias + dense @ features`.  The n-grams only know the words seen
in training; the vectors carry the semantic similarity they lack.

The combined logit is `mix[0] * hashed + mix[1] * dense` (the views' shares
0.7 / 0.3 over their out-of-fold standard deviations) and the probability
`sigmoid(a * logit + b)`, with the Platt constants `a, b` fitted on
out-of-fold combined scores by `pipelines.training.train_checkworthiness`.
Both views are distilled there from a slow teacher that reads whole
sentences (the Universal Sentence Encoder beside the hashed features),
which labels some 42,000 unlabelled sentences for them; at run time nothing
of the teacher is needed.  Quality, cross-validated by debate, and speed:
`bench/checkworthiness_cv.py` (figures in the README).
"""

from __future__ import annotations

import json
import re
import zipfile
import zlib
from dataclasses import asdict, dataclass
from functools import lru_cache
from itertools import chain, repeat
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_PATH = Path(__file__).parent / "models" / "checkworthiness.npz"
VECTORS_PATH = Path(__file__).parent / "models" / "word_vectors.npz"
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")  # the words of the static word vectors, on lower-cased text

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


class WordVectors:
    """Static word vectors: `vectors[i]` (float32) is the vector of `words[i]`."""

    def __init__(self, words: Sequence[str], vectors: np.ndarray):
        self.words = list(words)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self.index = {w: i for i, w in enumerate(self.words)}
        self.dims = self.vectors.shape[1]


def read_word_vectors(path: str | Path) -> WordVectors:
    """Read a file written by `pipelines.training.build_word_vectors` (float16 vectors, newline-joined vocabulary)."""
    with np.load(path, allow_pickle=False) as archive:
        words = archive["vocab"].tobytes().decode("utf-8").split("\n")
        return WordVectors(words, archive["vectors"])


@lru_cache(maxsize=4)
def load_word_vectors(path: str | Path | None = None) -> WordVectors:
    """The shipped word vectors (or those at `path`), read once per process."""
    return read_word_vectors(path or VECTORS_PATH)


def pooled_features(texts: Sequence[str], vectors: WordVectors, chunk: int = 2048, group: int = 32) -> np.ndarray:
    """Per text: [L2-normalised mean, elementwise max] of its known words' vectors (float32, 2 x dims); zeros without known words.

    Vectorised: per chunk of texts the known words' ids are concatenated; texts sorted by their
    number of known words go by groups into a padded block (texts x width x dims) gathered from the
    vector table, the padding repeating the text's first word (the max is unchanged; the sum skips
    it with `where=`), then summed and maxed along the words axis.  Each text's words are added in
    their order whatever the group, so a text's features do not depend on the batch.
    """
    n, d = len(texts), vectors.dims
    out = np.zeros((n, 2 * d), dtype=np.float32)
    get, table = vectors.index.get, vectors.vectors
    for lo in range(0, n, chunk):
        words = [WORD.findall(t.lower()) for t in texts[lo : lo + chunk]]
        m = len(words)
        sizes = np.fromiter(map(len, words), dtype=np.int64, count=m)
        ids = np.fromiter(map(get, chain.from_iterable(words), repeat(-1)), dtype=np.int64, count=int(sizes.sum()))
        known = ids >= 0
        ids = ids[known]
        if not len(ids):
            continue
        counts = np.bincount(np.repeat(np.arange(m), sizes)[known], minlength=m)
        starts = np.cumsum(counts) - counts
        present = np.flatnonzero(counts)
        present = present[np.argsort(counts[present], kind="stable")]
        for g in range(0, len(present), group):
            rows = present[g : g + group]
            offset = np.arange(int(counts[rows[-1]]))
            valid = offset < counts[rows, None]
            block = table[ids[np.where(valid, starts[rows, None] + offset, starts[rows, None])]]
            sums = np.sum(block, axis=1, where=valid[:, :, None])
            # The mean's direction is the sum's: normalising the sum normalises the mean.
            out[lo + rows, :d] = sums / np.maximum(np.sqrt(np.einsum("ij,ij->i", sums, sums))[:, None], 1e-12)
            out[lo + rows, d:] = block.max(axis=1)
    return out


class CheckworthinessModel:
    """Two views, one Platt-calibrated logit.

    Hashed view: logistic regression over idf-weighted, per-group L2-normalised hashed features.
    `values[b]` is the weight of bucket `b` times its idf, `norms[b]` its idf squared; a group
    contributes `weight * sum(values[b]) / sqrt(sum(norms[b]))` over its occurrences `b`.

    Dense view (optional): logistic regression over `pooled_features` of the static word
    vectors, `dense_bias + dense @ features`.  The combined logit is
    `mix[0] * hashed + mix[1] * dense` and the probability `sigmoid(platt[0] * combined + platt[1])`.
    """

    def __init__(self, values: np.ndarray, norms: np.ndarray, bias: float, platt: tuple[float, float], config: FeatureConfig,
                 meta: dict | None = None, dense: np.ndarray | None = None, dense_bias: float = 0.0,
                 mix: tuple[float, float] = (1.0, 0.0), vectors: WordVectors | None = None):
        self.values = np.asarray(values, dtype=np.float32)
        self.norms = np.asarray(norms, dtype=np.float32)
        self.bias = float(bias)
        self.platt = (float(platt[0]), float(platt[1]))
        self.config = config
        self.meta = meta or {}
        self.dense = None if dense is None else np.asarray(dense, dtype=np.float32)
        self.dense_bias = float(dense_bias)
        self.mix = (float(mix[0]), float(mix[1]))
        self.vectors = vectors
        if self.dense is not None and (vectors is None or len(self.dense) != 2 * vectors.dims):
            raise ValueError("the dense view needs the word vectors it was trained on")

    def raw_hashed(self, texts: Sequence[str]) -> np.ndarray:
        """The uncalibrated linear scores of the hashed view."""
        n = len(texts)
        total = np.full(n, self.bias)
        if n:
            for row, bucket, weight in feature_groups(texts, self.config):
                num = np.bincount(row, weights=self.values[bucket], minlength=n)
                den = np.bincount(row, weights=self.norms[bucket], minlength=n)
                total += weight * num / np.sqrt(np.maximum(den, 1e-12))
        return total

    def raw_dense(self, texts: Sequence[str]) -> np.ndarray:
        """The uncalibrated linear scores of the dense view (zeros without one)."""
        if self.dense is None:
            return np.zeros(len(texts))
        return (pooled_features(texts, self.vectors) @ self.dense).astype(np.float64) + self.dense_bias

    def raw(self, texts: Sequence[str]) -> np.ndarray:
        """The uncalibrated combined logit."""
        total = self.mix[0] * self.raw_hashed(texts)
        if self.dense is not None and self.mix[1]:
            total += self.mix[1] * self.raw_dense(texts)
        return total

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities in [0, 1], one per text (float32)."""
        a, b = self.platt
        z = np.clip(a * self.raw(texts) + b, -50.0, 50.0)
        return (1.0 / (1.0 + np.exp(-z))).astype(np.float32)

    def save(self, path: str | Path) -> None:
        """Write the buckets seen in training (weights, idf as float32), the dense weights and the settings to one `.npz` file.

        The word vectors live in their own file (`VECTORS_PATH`); their digest is in `meta`.
        """
        index = np.flatnonzero((self.values != 0) | (self.norms != np.float32(self.meta["norm_unseen"]))).astype(np.int32)
        header = {"bias": self.bias, "platt": list(self.platt), "config": asdict(self.config), "meta": self.meta,
                  "dense_bias": self.dense_bias, "mix": list(self.mix)}
        arrays = {"index": index, "values": self.values[index], "norms": self.norms[index],
                  "header": np.frombuffer(json.dumps(header, sort_keys=True).encode("utf-8"), dtype=np.uint8)}
        if self.dense is not None:
            arrays["dense"] = self.dense
        write_npz(path, arrays)


def write_npz(path: str | Path, arrays: dict[str, np.ndarray]) -> None:
    """An `.npz` of `arrays` without pickles, byte-identical from one run to the next (fixed timestamps)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, array in arrays.items():
            with archive.open(zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0)), "w") as member:
                np.lib.format.write_array(member, array, allow_pickle=False)


def read_model(path: str | Path, vectors: WordVectors | None = None) -> CheckworthinessModel:
    """Read a model file written by `CheckworthinessModel.save` (its dense view uses `vectors`, default the shipped ones)."""
    with np.load(path, allow_pickle=False) as archive:
        header = json.loads(archive["header"].tobytes().decode("utf-8"))
        config = FeatureConfig(**header["config"])
        values = np.zeros(config.dim, dtype=np.float32)
        norms = np.full(config.dim, header["meta"]["norm_unseen"], dtype=np.float32)
        values[archive["index"]] = archive["values"]
        norms[archive["index"]] = archive["norms"]
        dense = archive["dense"] if "dense" in archive.files else None
    if dense is not None and vectors is None:
        vectors = load_word_vectors()
    return CheckworthinessModel(values, norms, header["bias"], header["platt"], config, header["meta"], dense,
                                header.get("dense_bias", 0.0), header.get("mix", (1.0, 0.0)), vectors)


@lru_cache(maxsize=4)
def load_model(path: str | Path | None = None) -> CheckworthinessModel:
    """The shipped model (or the one at `path`), read once per process."""
    return read_model(path or MODEL_PATH)
