"""Cue words: reporting verbs (with auxiliaries) and `according to`."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import reporting_verbs

# Words before a verb form that make it a noun (`his claims`, `the report`).
DETERMINERS = frozenset(
    "the a an his her their its our my your this that these those whose no any some".split()
)
# `has said`, `also said`, `has repeatedly said`: PolNeAR's cue holds the auxiliary and these adverbs
# and a progressive `is`/`are`/`was`/`were` before an -ing form (`is pledging`, `was referring to`)
_ADVERB = r"(?:also|since|repeatedly|long|previously|already|publicly|now|often|later|initially|recently|frequently|once|still)"
_AUX = (
    rf"(?:(?:(?:has|have|had)\s+)?(?:{_ADVERB}\s+)|(?:has|have|had)\s+"
    rf"|(?P<prog>(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+(?:{_ADVERB}\s+)?)(?=\w+ing\b))"
)
# `said in a statement` and `said:` are one cue in PolNeAR
_TAIL = r"(?:\s+in\s+a\s+statement)?(?:\s*:(?=\s|$))?"


@lru_cache(maxsize=None)
def cue_pattern() -> re.Pattern:
    forms = sorted(reporting_verbs(), key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w’'-])(?P<aux>{_AUX})?(?P<verb>{alternation})(?![\w’'-]){_TAIL}")


def lemma_and_class(verb: str) -> tuple[str, str]:
    verbs = reporting_verbs()
    key = re.sub(r"\s+", " ", verb)
    return verbs.get(key) or verbs[key.lower()]


@lru_cache(maxsize=None)
def headline_cue_pattern(capitalized_only: bool = False) -> re.Pattern:
    """`cue_pattern` with each form also capitalized, as title-case headlines write them
    (`Obama Says ...`, `..., Former White House Doctor Says`), or with the capitalized forms alone."""
    lowercase = {f for f in reporting_verbs() if f[0].islower()}
    forms = {f[0].upper() + f[1:] for f in lowercase}
    if not capitalized_only:
        forms |= set(reporting_verbs())
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w’'-])(?P<aux>{_AUX})?(?P<verb>{alternation})(?![\w’'-]){_TAIL}")
