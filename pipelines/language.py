"""The language of a document, detected offline with py3langid (a naive Bayes model over byte
n-grams that ships inside the package: deterministic, about 1 ms per article).

claimwire's lexicons, tagger and check-worthiness model are English; `detect` lets ingest
record each document's language and warn when claims cannot be expected from it.
"""

from __future__ import annotations

import re
from functools import lru_cache

SAMPLE_CHARS = 10_000  # the opening of a long document tells its language as well as the whole
MIN_WORDS = 5  # fewer words are too little to tell
MIN_PROBABILITY = 0.9  # the model's normalised probability below which the language stays unknown
_WORD = re.compile(r"[^\W\d_]{2,}")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str | None:
    """ISO 639-1 code of the language of `text` (`en`, `de`, `ru`, ...), or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(_WORD.findall(sample)) < MIN_WORDS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= MIN_PROBABILITY else None
