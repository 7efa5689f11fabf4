"""Judging one pair of claims: wire copy, same quote, conflict, quote variant, paraphrase, or nothing.

Quotes are compared in `quotes`; here, wire copy, conflicting figures and
paraphrases, by rapidfuzz ratios on normalised text and the share of
content words two claims have in common.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from .amounts import Amount, amounts, normalised, years
from .quotes import is_title, judge_quotes, word_diff
from .text import content_terms, normalise, quoted_fragments, strip_quotes, words

WIRE_RATIO = 93  # sentences this close (and content this close) are one origin's copy
WIRE_CONTENT_RATIO = 85
WIRE_NARRATIVE_RATIO = 90  # ... and their words outside quotes too: a shared quote alone is not a copy
WIRE_MIN_WORDS = 5  # words outside quotes a sentence needs to be told apart from its quote
PARAPHRASE_SIM = 0.22  # content-word overlap (Jaccard) of one speaker's claims in one story
CONFLICT_SIM_SAME_SPEAKER = 0.20
CONFLICT_SIM_UNKNOWN_SPEAKER = 0.30  # one side unattributed: the reporter's own statement
CONFLICT_SIM_OTHER_SPEAKER = 0.40
POLARITY_SIM = 0.50
TOLERANCE = 0.03  # relative difference two exact figures may have and still agree
TOLERANCE_APPROX = 0.10  # ... when either is hedged ("nearly 90 minutes")
REPORTS_RATIO = 90  # how closely a nested claim's cue and content must appear in another claim's content
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
    years: frozenset[int]
    polarity: str | None
    negated: bool
    ancestors: tuple[str, ...] = ()  # claim_ids of the claims it is nested in
    reported_norm: str = ""  # a nested claim's cue and content, normalised (`had asked rubio to ...`)
    cue_words: frozenset[str] = frozenset()


def view(claim, story_id: str | None) -> ClaimView:
    """The comparison keys of a `LinkClaim` in its story (quoted names such as "Meet the Press" dropped)."""
    quotes = claim.quotes or tuple(quoted_fragments(claim.content))
    qnorm = tuple(q for q in (normalise(q) for q in quotes if not is_title(q)) if q)
    content_words = words(claim.content)
    if claim.quantities is not None:
        found = tuple(normalised(float(v), str(u)) for v, u in claim.quantities)
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
        years=years(claim.content),
        polarity=claim.polarity, negated=_negated(content_words),
        ancestors=claim.ancestors,
        reported_norm=normalise(f"{claim.cue} {claim.content}") if claim.nested and claim.cue else "",
        cue_words=frozenset(words(claim.cue)),
    )


def _reports(x: ClaimView, y: ClaimView) -> bool:
    """Whether `x`'s content holds the nested claim `y`, cue and all (`Trump said he had asked
    Rubio to ...` holds `had asked Rubio to ...`): `x` is the copy of `y`'s parent in another
    outlet, which reports `y` and is neither its equal nor its contradiction."""
    if not y.reported_norm or len(x.content_norm) <= len(y.content_norm):
        return False
    if not y.cue_words <= set(x.content_norm.split()):
        return False
    return fuzz.partial_ratio(y.reported_norm, x.content_norm) >= REPORTS_RATIO


def _negated(tokens: list[str]) -> bool:
    return sum(t in _NEGATIONS or t.endswith("n't") for t in tokens) % 2 == 1


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


def _agree(x: Amount, y: Amount) -> bool:
    if x.kind == "date":
        return x.value == y.value
    tol = TOLERANCE_APPROX if (x.approximation or y.approximation) else TOLERANCE
    return abs(x.value - y.value) <= tol * max(abs(x.value), abs(y.value), 1e-9)


def _conflict(a: ClaimView, b: ClaimView):
    if a.story_id is None or a.story_id != b.story_id:
        return None
    same_speaker = a.speaker_id is not None and a.speaker_id == b.speaker_id
    if same_speaker:
        needed = CONFLICT_SIM_SAME_SPEAKER
    elif a.speaker_id is None or b.speaker_id is None:
        needed = CONFLICT_SIM_UNKNOWN_SPEAKER
    else:
        needed = CONFLICT_SIM_OTHER_SPEAKER
    sim = _similarity(a, b)
    for unit in sorted({x.unit for x in a.amounts} & {y.unit for y in b.amounts}):
        xs = [x for x in a.amounts if x.unit == unit]
        ys = [y for y in b.amounts if y.unit == unit]
        # Lists of figures ("78% backed, 86% supported") conflict only where each side has one the other lacks.
        if all(any(_agree(x, y) for y in ys) for x in xs) or all(any(_agree(x, y) for x in xs) for y in ys):
            continue
        if unit != "year" and a.years and b.years and a.years != b.years:
            continue  # figures for different periods (2014 vs 2007-2014) do not contradict
        if sim >= needed:
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


def _quotes(a: ClaimView, b: ClaimView):
    return judge_quotes(a, b) if _same_speaker_or_unknown(a, b) else None


JUDGES = (_wire, _quotes, _conflict, _paraphrase)  # precedence: the first that answers wins


def judge(a: ClaimView, b: ClaimView) -> tuple[str, float, str] | None:
    """(relation, score, detail) for a pair of claims from different documents, or None.

    None for a nested claim and a claim that holds it: one reports the other.
    """
    if _reports(a, b) or _reports(b, a):
        return None
    for test in JUDGES:
        found = test(a, b)
        if found is not None:
            return found
    return None
