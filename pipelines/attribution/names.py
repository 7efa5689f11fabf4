"""Which capitalised words can be part of a name: a case model learned from news text.

The press capitalises a name's words in mid-sentence (`Trump`, `Kremlin`,
`Roger`) and writes ordinary words in lower case (`despite`, `indicting`,
`aide`).  `pipelines/models/name_case.tsv` (built by `python -m
pipelines.training.build_name_case` from PolNeAR train) counts, for each
word, how often it is capitalised there; a word capitalised less often than
not is no name word, so a title-case headline (`Despite Trump ...`,
`Indicting Roger Stone`) or a sentence opening (`But Democrats`, `Who
Criticized Trump`) adds no word to a name.  Closed-class words
(subordinators, conjunctions, prepositions, relative and question words) are
never name words, whatever the counts; an unseen word that ends in `-ing`
reads as a verb.

    name_words(["For", "Jailing", "Top", "Clinton", "Aide"]) -> (3, 4)   # `Clinton`
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

CASE_PATH = Path(__file__).resolve().parent.parent / "models" / "name_case.tsv"

# Function words that never begin or end a name, whatever their case (`Despite Trump`, `But Democrats`).
CLOSED_CLASS = frozenset(
    "after although as at because before but by despite during for from if in into like near of on once or "
    "since so than that though through to under unless until upon when whenever where whereas whether while with "
    "within without yet and nor who whom whose which what why how amid among against about over across "
    "behind beyond toward towards via per then there here also even just still now not no this these those".split()
)
_EDGE = "“”\"'‘’.,;:()!?"


@lru_cache(maxsize=1)
def _case_counts() -> dict[str, tuple[int, int]]:
    out = {}
    if CASE_PATH.exists():
        for line in CASE_PATH.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                word, upper, lower = line.split("\t")
                out[word] = (int(upper), int(lower))
    return out


def is_name_word(token: str) -> bool:
    """A capitalised token the press writes capitalised mid-sentence more often than not."""
    word = token.strip(_EDGE)
    if not word[:1].isupper():
        return False
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    if low in CLOSED_CLASS:
        return False
    counts = _case_counts().get(low)
    if counts is None:
        return not (low.endswith("ing") and len(low) > 5)  # `Indicting`, unseen: a verb
    upper, lower = counts
    return upper + 1 > lower + 1 or "." in low  # `Jr.`, `U.S.`, initials


def name_words(tokens: list[str], keep: frozenset[str] = frozenset()) -> tuple[int, int]:
    """(i, j): tokens[i:j] without the leading and trailing tokens that are no name words.

    A token in `keep` (lower-cased: title words such as `president`) stops the
    trimming at the start, so `Despite President Trump` keeps `President Trump`."""
    i, j = 0, len(tokens)
    while i < j and not is_name_word(tokens[i]) and tokens[i].strip(_EDGE).lower() not in keep:
        if i == j - 1 and not common_word(tokens[i]):
            break  # the last word left: a name that is also a common noun (`But Green`)
        i += 1
    while j > i and common_word(tokens[j - 1]):
        j -= 1
    return i, j


def function_words(tokens: list[str]) -> int:
    """How many leading tokens are function words or verbs (`But`, `Who Criticized`), never a name's start;
    stricter than `name_words`, which also drops common nouns and quantifiers (`Some`, `Top`)."""
    i = 0
    while i < len(tokens) - 1:
        low = tokens[i].strip(_EDGE).lower()
        if not (low in CLOSED_CLASS or low.endswith(("ing", "ed")) and not is_name_word(tokens[i])):
            break
        i += 1
    return i


def common_word(token: str) -> bool:
    """A word the press writes in lower case well over half the time (`Aide`, `Top`), or a function word.

    Laxer than `is_name_word`: a name's last word may be a common noun too (`Green`, `Stone`)."""
    low = token.strip(_EDGE).lower().replace("’", "'")
    if not token.strip(_EDGE)[:1].isupper() or low in CLOSED_CLASS:
        return True
    upper, lower = _case_counts().get(low.removesuffix("'s"), (1, 0))
    return lower > 2 * upper + 1


def first_word_is_no_name(phrase: str) -> bool:
    """The phrase opens with a capitalised closed-class word or verb (`Despite Trump`, `Indicting Roger Stone`)."""
    words = phrase.split()
    return bool(words) and words[0][:1].isupper() and not is_name_word(words[0]) and (
        words[0].strip(_EDGE).lower() in CLOSED_CLASS or words[0].strip(_EDGE).lower().endswith(("ing", "ed")))
