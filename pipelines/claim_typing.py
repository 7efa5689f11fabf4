"""Claim typing: the reporter's own check-worthy claims, hedges, certainty, polarity, scores.

Takes one document's attributions (from `pipelines.attribution`) and its
sentences with their check-worthiness, and returns every claim of the
document: the attributions, each assessed, plus one `unattributed` claim per
body sentence that no attribution covers and whose check-worthiness is at
least `THRESHOLD` (the author's own factual claims, speaker type `author`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import accumulate

from pipelines import hedges
from pipelines.records import Attribution, Sentence, Span

THRESHOLD = 0.5  # calibrated: a sentence at 0.5 is as likely check-worthy as not
EXTRACTOR = "claimwire-author 0.1"


class _Taken:
    """Spans already claimed, for asking whether a span overlaps any of them in log time."""

    def __init__(self, spans: Sequence[Span]):
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.max_end = list(accumulate((s.end for s in ordered), max))

    def overlaps(self, span: Span) -> bool:
        """Whether some taken span starts before `span` ends and ends after it starts."""
        before = bisect_left(self.starts, span.end)  # the taken spans that start before `span` ends
        return before > 0 and self.max_end[before - 1] > span.start


def reporter_claims(sentences: Sequence[Sentence], scores: Sequence[float | None],
                    attributions: Sequence[Attribution]) -> list[Attribution]:
    """Body sentences outside every attribution's cue and content, check-worthy at `THRESHOLD` or more."""
    taken = _Taken([span for a in attributions for span in (*a.content, *([a.cue] if a.cue else []))])
    found = []
    for idx, (sentence, score) in enumerate(zip(sentences, scores)):
        if sentence.kind != "body" or score is None or score < THRESHOLD:
            continue
        span = Span(sentence.start, sentence.end)
        if taken.overlaps(span):
            continue
        found.append(Attribution(sentence_idx=idx, attribution_type="unattributed", content=(span,),
                                 speaker_type="author", extractor=EXTRACTOR))
    return found


def _sentence_of(sentences: Sequence[Sentence], claim: Attribution) -> Span:
    if 0 <= claim.sentence_idx < len(sentences):
        s = sentences[claim.sentence_idx]
        return Span(s.start, s.end)
    return claim.content_hull


def assess_claims(text: str, sentences: Sequence[Sentence], claims: Sequence[Attribution],
                  content_scores: Sequence[float]) -> None:
    """Set hedges, certainty, polarity and check-worthiness on each claim, in place."""
    index = hedges.HedgeIndex(text)
    for claim, score in zip(claims, content_scores):
        found = hedges.assess(text, _sentence_of(sentences, claim), claim.cue, claim.content, claim.cue_lemma, index)
        claim.hedges, claim.certainty, claim.polarity = found.hedges, found.certainty, found.polarity
        claim.checkworthy = float(score)


def content_text(text: str, claim: Attribution) -> str:
    """The claim's content fragments joined: what check-worthiness is scored on."""
    return " ".join(text[s.start:s.end] for s in claim.content)
