"""Text keys shared by the linkers: normalised words, quoted fragments, MinHash bands.

Pure functions over strings.  MinHash is computed here with numpy over a
stable token hash (blake2b), so signatures are the same on every run and
machine, and 100,000 short texts hash in about five seconds (datasketch's
per-set `update_batch` took 28 s here).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

_QUOTE_MAP = str.maketrans({
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u00a0": " ",
})
_WORD = re.compile(r"[^\W_]+(?:['.][^\W_]+)*")  # "U.S." and "don't" stay one word; hyphens split
# A quotation: double quotes of any style, or single curly/straight quotes not used as apostrophes.
_DOUBLE_QUOTED = re.compile(r'"([^"]{2,}?)"')
_SINGLE_QUOTED = re.compile(r"(?<![\w])'([^']{2,}?)'(?![\w])")

STOPWORDS = frozenset(
    w
    for line in Path(__file__).with_name("stopwords.txt").read_text(encoding="utf-8").splitlines()
    if not line.startswith("#")
    for w in line.split()
)


def fold(text: str) -> str:
    """Unify quote marks, dashes and no-break spaces; keep everything else."""
    if text.isascii() and "`" not in text:
        return text
    for mark, plain in _QUOTE_MAP.items():  # str.replace per mark: many times faster than str.translate here
        if chr(mark) in text:
            text = text.replace(chr(mark), plain)
    return text


def words(text: str) -> list[str]:
    """Lower-cased words of `text`, punctuation and quote marks dropped ("U.S." stays one word)."""
    return [w.replace(".", "") for w in _WORD.findall(fold(text).lower())]


def normalise(text: str) -> str:
    """The comparison key of a quote: its words joined by one space."""
    return " ".join(words(text))


@lru_cache(maxsize=1 << 17)
def stem(word: str) -> str:
    """A crude suffix stripper, enough to let `agreed`/`agrees`/`agreeing` meet."""
    for suffix in ("ingly", "ings", "ing", "edly", "ed", "ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred "
    "thousand million billion half dozen percent per cent nearly almost about around roughly some".split()
)


def content_terms(text: str) -> list[str]:
    """Stemmed words that are neither stop words nor numbers: what a claim is about."""
    return [stem(w) for w in words(text)
            if w not in STOPWORDS and w not in NUMBER_WORDS and not w[:1].isdigit()]


def strip_quotes(text: str) -> str:
    """`text` with its quoted strings removed."""
    return _SINGLE_QUOTED.sub(" ", _DOUBLE_QUOTED.sub(" ", fold(text)))


def quoted_fragments(text: str) -> list[str]:
    """The quoted strings in `text`, in order (quote marks folded first)."""
    t = fold(text)
    found = [(m.start(), m.group(1)) for m in _DOUBLE_QUOTED.finditer(t)]
    if not found:
        found = [(m.start(), m.group(1)) for m in _SINGLE_QUOTED.finditer(t)]
    return [q.strip() for _, q in sorted(found) if q.strip()]


def stable_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode("utf-8"), digest_size=4).digest(), "little")


class MinHasher:
    """MinHash signatures of token sets, and LSH buckets (bands of rows) over them."""

    PRIME = (1 << 61) - 1

    def __init__(self, num_perm: int = 64, bands: int = 16, seed: int = 1):
        rng = np.random.RandomState(seed)
        self.a = rng.randint(1, 1 << 31, size=(num_perm, 1)).astype(np.uint64)
        self.b = rng.randint(0, 1 << 31, size=(num_perm, 1)).astype(np.uint64)
        self.num_perm, self.bands = num_perm, bands
        self.rows = num_perm // bands
        self._cache: dict[str, int] = {}

    def _ids(self, tokens: Iterable[str]) -> list[int]:
        cache = self._cache
        out = []
        for t in set(tokens):
            h = cache.get(t)
            if h is None:
                h = cache[t] = stable_hash(t)
            out.append(h)
        return out

    def signatures(self, token_sets: Sequence[Iterable[str]], chunk: int = 4096) -> np.ndarray:
        """One row of `num_perm` minima per token set; an empty set gets all-max (never collides by rows)."""
        out = np.full((len(token_sets), self.num_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
        for lo in range(0, len(token_sets), chunk):
            ids = [self._ids(ts) for ts in token_sets[lo : lo + chunk]]
            lengths = np.array([len(x) for x in ids])
            nonempty = np.flatnonzero(lengths)
            if not len(nonempty):
                continue
            flat = np.fromiter((h for x in ids for h in x), dtype=np.uint64, count=int(lengths.sum()))
            # (a*h + b) mod 2^61-1 with h < 2^32 and a < 2^31: the product stays below 2^63.
            values = (self.a * flat[None, :] + self.b) % np.uint64(self.PRIME)
            starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))[nonempty]
            out[lo + nonempty] = np.minimum.reduceat(values, starts, axis=1).T
        return out

    def buckets(self, signatures: np.ndarray) -> list[list[int]]:
        """Groups of row indices that share at least one band; singletons dropped."""
        table: dict[tuple[int, bytes], list[int]] = defaultdict(list)
        empty = np.iinfo(np.uint64).max
        for i, sig in enumerate(signatures):
            if sig[0] == empty:
                continue
            for band in range(self.bands):
                table[(band, sig[band * self.rows : (band + 1) * self.rows].tobytes())].append(i)
        return [rows for rows in table.values() if len(rows) > 1]


def shingles(tokens: Sequence[str], k: int = 2) -> list[str]:
    """Word k-grams (the tokens themselves when shorter than k)."""
    if len(tokens) < k:
        return list(tokens)
    return [" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)]


NAME_TITLES = frozenset("mr mrs ms dr gov sen rep gen lt col sgt st rev pres prof sec".split())
CALENDAR = frozenset("monday tuesday wednesday thursday friday saturday sunday january february march april may "
                     "june july august september october november december".split())
_CAPITALISED = re.compile(r"\b[A-Z][\w'.]*\w|\b[A-Z]\b")
_NUMBER = re.compile(r"\d(?:[\d,.]*\d)?")


def names(text: str) -> list[str]:
    """Capitalised words inside a sentence (names of people, places, teams), lower-cased; sentence starts skipped."""
    t = fold(text)
    out = []
    for m in _CAPITALISED.finditer(t):
        before = t[max(0, m.start() - 6):m.start()].split()
        if not before or before[-1][-1] in "\"'(:" or (
                before[-1][-1] in ".!?" and before[-1].rstrip(".").lower() not in NAME_TITLES):
            continue
        word = m.group().lower().replace(".", "")
        word = word[:-2] if word.endswith("'s") else word
        if word and word not in STOPWORDS and word not in CALENDAR:
            out.append(word)
    return out


def numbers(text: str) -> list[str]:
    """The numbers written in digits, thousands separators dropped ("20-13" gives 20 and 13)."""
    return [m.group().replace(",", "") for m in _NUMBER.finditer(text)]
