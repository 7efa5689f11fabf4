"""Cue words: reporting verbs (with auxiliaries) and `according to`."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import reporting_verbs

# Words before a verb form that make it a noun (`his claims`, `the report`).
DETERMINERS = frozenset(
    "the a an his her their its our my your this that these those whose no any some".split()
)
_AUX = r"(?:(?:has|have|had|'s|’s)\s+(?:(?:also|since|repeatedly|long|previously|already|publicly|now|often)\s+)?)"


@lru_cache(maxsize=None)
def cue_pattern() -> re.Pattern:
    forms = sorted(reporting_verbs(), key=len, reverse=True)
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w’'-])(?P<aux>{_AUX})?(?P<verb>{alternation})(?![\w’'-])")


def lemma_and_class(verb: str) -> tuple[str, str]:
    return reporting_verbs()[re.sub(r"\s+", " ", verb)]
