"""The lexicons of `pipelines/lexicons/`, read once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parent.parent / "lexicons"


def _lines(name: str) -> list[str]:
    out = []
    for line in (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


@lru_cache(maxsize=None)
def reporting_verbs() -> dict[str, tuple[str, str]]:
    """Inflected form -> (lemma, class), class `free` or `strict`."""
    out = {}
    for line in _lines("reporting_verbs.tsv"):
        form, lemma, cls = line.split("\t")
        out[form] = (lemma, cls)
    return out


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-entry-a-line lexicon as a set of lowercase entries."""
    return frozenset(w.lower() for w in _lines(name))


@lru_cache(maxsize=None)
def first_names() -> dict[str, str]:
    """First name -> `m` or `f` (`first_names.tsv`)."""
    return dict(line.split("\t") for line in _lines("first_names.tsv"))


@lru_cache(maxsize=None)
def addressee_verbs() -> dict[str, frozenset[str]]:
    """Lemma -> the words that open the content after its addressee (`addressee_verbs.tsv`)."""
    return {lemma: frozenset(opening.split()) for lemma, opening in (line.split("\t") for line in _lines("addressee_verbs.tsv"))}
