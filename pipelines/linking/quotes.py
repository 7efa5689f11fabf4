"""Quotes two claims share: the same words, an excerpt, or the same quote drifted.

Thresholds are rapidfuzz ratios (0-100) on normalised quotes: drifted quotes
score 72-98, paraphrased ones 35-60, so a pair below QUOTE_RATIO is left to
the paraphrase test.
"""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

if TYPE_CHECKING:
    from .relations import ClaimView

QUOTE_RATIO = 72  # a quote pair at or above this is the same quote, maybe drifted
QUOTE_MIN_WORDS = 3  # shorter quoted bits ("immediately") say nothing about sameness
QUOTE_MIN_WORDS_ACROSS_STORIES = 6
TITLE_MAX_WORDS = 6
_MINOR_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "we"})


def is_title(quote: str) -> bool:
    """A quoted name, not words someone said: "Face the Nation", "Fox News Sunday", "In God We Trust"."""
    tokens = quote.strip(" .,!?").split()
    content = [t for t in tokens if t.lower() not in _MINOR_WORDS]
    return 0 < len(tokens) <= TITLE_MAX_WORDS and bool(content) and all(t[:1].isupper() for t in content)


def word_diff(a: str, b: str) -> str:
    """`-favour +favor; -stopping +ending`: what b changed, dropped or added relative to a."""
    x, y = a.split(), b.split()
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=x, b=y, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        part = []
        if i2 > i1:
            part.append("-" + " ".join(x[i1:i2]))
        if j2 > j1:
            part.append("+" + " ".join(y[j1:j2]))
        out.append(" ".join(part))
    return "; ".join(out)


def _contains(long: str, short: str) -> bool:
    """`short` occurs in `long` at word boundaries."""
    return f" {short} " in f" {long} "


def _quote_ratio(x: str, y: str) -> float:
    """Character ratio; or, for quotes of four words or more, the ratio of the words sorted (names
    reordered) or the share of the shorter quote in a run of five or more shared words (a clause kept)."""
    r = fuzz.ratio(x, y)
    xs, ys = x.split(), y.split()
    if min(len(xs), len(ys)) >= 4:
        run = difflib.SequenceMatcher(a=xs, b=ys, autojunk=False).find_longest_match(0, len(xs), 0, len(ys)).size
        r = max(r, fuzz.token_sort_ratio(x, y) - 5, 100 * run / min(len(xs), len(ys)) if run >= 5 else 0)
    return r


def _quote_pairs(a: ClaimView, b: ClaimView) -> tuple[list[tuple[str, str]], list[tuple[str, str, float]]]:
    """Quotes of either claim paired with the other's: (exact pairs, drifted pairs with their ratio).

    Exact: one quote holds the other, or the other claim's quotes run together hold it (a quote the
    cue splits in two); an excerpt of a longer quote is the same quote.  Drifted: ratio >= QUOTE_RATIO.
    """
    exact, drifted = [], []
    for mine, theirs, flip in ((a.quotes, b.quotes, False), (b.quotes, a.quotes, True)):
        joined = " ".join(theirs)
        for q in mine:
            if q.count(" ") + 1 < QUOTE_MIN_WORDS:
                continue
            best = max(theirs, key=lambda p: (fuzz.ratio(q, p), p), default=None)
            if best is None:
                continue
            pair = (best, q) if flip else (q, best)
            if _contains(joined, q) or _contains(best, q) or (best.count(" ") + 1 >= QUOTE_MIN_WORDS and _contains(q, best)):
                exact.append(pair)
            elif (r := _quote_ratio(q, best)) >= QUOTE_RATIO:
                drifted.append((*pair, r))
    return exact, drifted


def judge_quotes(a: ClaimView, b: ClaimView):
    """same_quote or quote_variant (with the word-level difference) for two claims of one speaker, or None."""
    exact, drifted = _quote_pairs(a, b)
    if not exact and not drifted:
        return None
    longest = max(min(x.count(" "), y.count(" ")) + 1 for x, y, *_ in exact + drifted)
    if (a.story_id is None or a.story_id != b.story_id) and longest < QUOTE_MIN_WORDS_ACROSS_STORIES:
        return None
    if not drifted:
        return "same_quote", 1.0, f"{len(set(exact))} quote(s) shared"
    seen, diffs = set(), []
    for x, y, _ in drifted:
        if (x, y) not in seen:
            seen.add((x, y))
            diffs.append(word_diff(x, y))
    score = sum(r for *_, r in drifted) / len(drifted) / 100
    return "quote_variant", score, "; ".join(d for d in diffs if d)
