"""Person names and roles as speakers are written: titles dropped, nicknames folded, suffix kept.

`President Bill Clinton` -> (william, '', clinton, ''); `Donald Trump Jr.` keeps `jr`.
The word lists are data files beside this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .text import fold

_HERE = Path(__file__).parent


def _lexicon(name: str) -> dict[str, str]:
    """`word<TAB>value` lines (value defaults to the word); `#` lines are comments."""
    out = {}
    for line in (_HERE / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, _, value = line.partition("\t")
            out[word.strip().lower()] = value.strip().lower() or word.strip().lower()
    return out


TITLES = frozenset(_lexicon("name_titles.txt"))
NICKNAMES = _lexicon("nicknames.tsv")
PERSON_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "sheriff", "sen", "rep", "gov"})
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_TOKEN = re.compile(r"[^\W\d_][\w'\-.]*")


@dataclass(frozen=True)
class ParsedName:
    first: str  # "" for a bare surname
    middle: str
    last: str
    suffix: str


def tokens(text: str) -> list[str]:
    """Lower-cased words of a name or role, edge punctuation stripped."""
    return [t.strip(".'-").lower() for t in _TOKEN.findall(fold(text))]


def parse_name(name: str) -> ParsedName | None:
    """Titles dropped, nicknames folded: `President Bill Clinton` -> (william, '', clinton, '').

    None when the last word is not capitalised: `he`, `might agree with the comments`.
    """
    written = [t for t in _TOKEN.findall(fold(name)) if t.strip(".'-")]
    if not written or not written[-1][0].isupper():
        return None
    parts = [t.strip(".'-").lower() for t in written]
    while parts and parts[0] in TITLES:
        parts.pop(0)
    suffix = parts.pop() if len(parts) > 1 and parts[-1] in SUFFIXES else ""
    parts = [t for t in parts if t not in {"the", "of"}]
    if not parts:
        return None
    if len(parts) == 1:
        return ParsedName("", "", parts[0], suffix)
    first = NICKNAMES.get(parts[0], parts[0])
    return ParsedName(first, " ".join(t[0] for t in parts[1:-1]), parts[-1], suffix)


def role_key(role: str | None) -> str | None:
    """`the U.S. leader` and `U.S. President` -> comparable keys; None when empty."""
    if not role:
        return None
    words = [t for t in tokens(role) if t not in {"the", "a", "an", "of", "s"}]
    return " ".join(words) or None
