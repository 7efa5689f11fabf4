"""Judging one pair of claims: wire copy, same quote, conflict, quote variant, paraphrase, or nothing.

Thresholds are rapidfuzz ratios (0-100) on normalised text: drifted quotes
score 72-98, paraphrases 35-60, so a quote pair below QUOTE_RATIO is
left to the paraphrase test.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from rapidfuzz import fuzz

from .amounts import Amount, amounts
from .text import content_terms, normalise, quoted_fragments, strip_quotes, words

WIRE_RATIO = 93  # sentences this close (and content this close) are one origin's copy
WIRE_CONTENT_RATIO = 85
WIRE_NARRATIVE_RATIO = 90  # ... and their words outside quotes too: a shared quote alone is not a copy
WIRE_MIN_WORDS = 5  # words outside quotes a sentence needs to be told apart from its quote
QUOTE_RATIO = 72  # a quote pair at or above this is the same quote, maybe drifted
QUOTE_MIN_WORDS = 3  # shorter quoted bits ("immediately") say nothing about sameness
QUOTE_MIN_WORDS_ACROSS_STORIES = 6
PARAPHRASE_SIM = 0.30  # content-word overlap (Jaccard) of one speaker's claims in one story
CONFLICT_SIM_SAME_SPEAKER = 0.20
CONFLICT_SIM_OTHER_SPEAKER = 0.40
POLARITY_SIM = 0.50
TOLERANCE = 0.03  # relative difference two exact figures may have and still agree
TOLERANCE_APPROX = 0.15  # ... when either is hedged ("nearly 90 minutes")
TITLE_MAX_WORDS = 6
_MINOR_WORDS = frozenset({"a", "an", "the", "of", "on", "in", "and", "or", "for", "to", "at", "by", "we"})
_NEGATIONS = frozenset({"not", "no", "never", "n't", "nobody", "nothing", "neither", "nor", "without"})


@dataclass(frozen=True)
class ClaimView:
    """A claim's comparison keys, computed once."""

    claim_id: str
    doc_id: str
    story_id: str | None
    speaker_id: str | None
    source: str | None
    quotes: tuple[str, ...]  # normalised
    quote_words: list[str]
    sentence_norm: str
    sentence_words: list[str]
    narrative_norm: str  # the sentence without its quotes
    content_norm: str
    terms: frozenset[str]
    terms_list: list[str]
    amounts: tuple[Amount, ...]
    polarity: str | None
    negated: bool


def view(claim, story_id: str | None) -> ClaimView:
    quotes = claim.quotes or tuple(quoted_fragments(claim.content))
    qnorm = tuple(q for q in (normalise(q) for q in quotes if not is_title(q)) if q)
    content_words = words(claim.content)
    if claim.quantities is not None:
        found = tuple(Amount(float(v), str(u), _kind(str(u)), None) for v, u in claim.quantities)
    else:
        found = tuple(amounts(claim.content))
    terms = content_terms(claim.content)
    sentence_words = words(claim.sentence) if claim.sentence else content_words
    return ClaimView(
        claim_id=claim.claim_id, doc_id=claim.doc_id, story_id=story_id, speaker_id=claim.speaker_id,
        source=claim.source, quotes=qnorm, quote_words=[w for q in qnorm for w in q.split()],
        sentence_norm=" ".join(sentence_words), sentence_words=sentence_words,
        narrative_norm=normalise(strip_quotes(claim.sentence or claim.content)),
        content_norm=" ".join(content_words), terms=frozenset(terms), terms_list=terms, amounts=found,
        polarity=claim.polarity, negated=_negated(content_words),
    )


def is_title(quote: str) -> bool:
    """A quoted name, not words someone said: "Face the Nation", "Fox News Sunday", "In God We Trust"."""
    tokens = quote.strip(" .,!?").split()
    content = [t for t in tokens if t.lower() not in _MINOR_WORDS]
    return 0 < len(tokens) <= TITLE_MAX_WORDS and bool(content) and all(t[:1].isupper() for t in content)


def _kind(unit: str) -> str:
    return {"minute": "duration", "percent": "percent", "usd": "money", "gbp": "money", "eur": "money"}.get(unit, "count")


def _negated(tokens: list[str]) -> bool:
    return sum(t in _NEGATIONS or t.endswith("n't") for t in tokens) % 2 == 1


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


def _similarity(a: ClaimView, b: ClaimView) -> float:
    if not a.terms or not b.terms:
        return 0.0
    return len(a.terms & b.terms) / len(a.terms | b.terms)


def _same_speaker_or_unknown(a: ClaimView, b: ClaimView) -> bool:
    return not (a.speaker_id and b.speaker_id and a.speaker_id != b.speaker_id)


def _wire(a: ClaimView, b: ClaimView):
    if a.source and b.source and a.source == b.source:
        return None
    if min(a.narrative_norm.count(" "), b.narrative_norm.count(" ")) + 1 < WIRE_MIN_WORDS:
        return None
    if not _same_speaker_or_unknown(a, b):
        return None
    r = fuzz.ratio(a.sentence_norm, b.sentence_norm)
    if r < WIRE_RATIO or fuzz.ratio(a.content_norm, b.content_norm) < WIRE_CONTENT_RATIO:
        return None
    if fuzz.ratio(a.narrative_norm, b.narrative_norm) < WIRE_NARRATIVE_RATIO:
        return None
    diff = word_diff(a.sentence_norm, b.sentence_norm)
    return "wire_copy", r / 100, diff or "identical sentence"


def _contains(long: str, short: str) -> bool:
    """`short` occurs in `long` at word boundaries."""
    return f" {short} " in f" {long} "


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
            elif (r := fuzz.ratio(q, best)) >= QUOTE_RATIO:
                drifted.append((*pair, r))
    return exact, drifted


def _quotes(a: ClaimView, b: ClaimView):
    if not _same_speaker_or_unknown(a, b):
        return None
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


def _agree(x: Amount, y: Amount) -> bool:
    tol = TOLERANCE_APPROX if (x.approximation or y.approximation) else TOLERANCE
    return abs(x.value - y.value) <= tol * max(abs(x.value), abs(y.value), 1e-9)


def _conflict(a: ClaimView, b: ClaimView):
    if a.story_id is None or a.story_id != b.story_id:
        return None
    same_speaker = a.speaker_id is not None and a.speaker_id == b.speaker_id
    sim = _similarity(a, b)
    for unit in sorted({x.unit for x in a.amounts} & {y.unit for y in b.amounts}):
        xs = [x for x in a.amounts if x.unit == unit]
        ys = [y for y in b.amounts if y.unit == unit]
        if any(_agree(x, y) for x in xs for y in ys):
            continue
        if sim >= (CONFLICT_SIM_SAME_SPEAKER if same_speaker else CONFLICT_SIM_OTHER_SPEAKER):
            return "conflict", sim, f"{unit}: {_fmt(xs)} vs {_fmt(ys)}"
    if same_speaker and sim >= POLARITY_SIM:
        if a.polarity and b.polarity and a.polarity != b.polarity:
            return "conflict", sim, f"polarity: {a.polarity} vs {b.polarity}"
        if a.negated != b.negated:
            return "conflict", sim, "polarity: " + ("negated in a" if a.negated else "negated in b")
    return None


def _fmt(xs: list[Amount]) -> str:
    return ", ".join((f"{x.approximation} " if x.approximation else "") + f"{x.value:g}" for x in xs)


def _paraphrase(a: ClaimView, b: ClaimView):
    if a.speaker_id is None or a.speaker_id != b.speaker_id or a.story_id is None or a.story_id != b.story_id:
        return None
    sim = _similarity(a, b)
    if sim < PARAPHRASE_SIM:
        return None
    return "paraphrase", sim, f"content ratio {fuzz.ratio(a.content_norm, b.content_norm):.0f}"


JUDGES = (_wire, _quotes, _conflict, _paraphrase)  # precedence: the first that answers wins


def judge(a: ClaimView, b: ClaimView) -> tuple[str, float, str] | None:
    """(relation, score, detail) for a pair of claims from different documents, or None."""
    for test in JUDGES:
        found = test(a, b)
        if found is not None:
            return found
    return None
