"""Claim links: the same claim, or a clash, in two documents.

Candidate pairs come from three cheap sources, never from all pairs:
MinHash LSH over the words of each claim's quotes (quotes that drifted
still share most words) and over word pairs of its sentence (wire copy),
and blocks of one speaker within one story (paraphrases and conflicts).
Each candidate pair of claims from different documents is then judged by
`relations.judge`, and the relation with the highest precedence is kept.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from .relations import ClaimView, judge, view
from .text import MinHasher, shingles

MAX_BLOCK = 400  # claims of one speaker in one story before the block is split by LSH instead
MAX_BUCKET = 60  # an LSH bucket larger than this (boilerplate, a viral quote) is chained, not paired all-to-all
CHAIN = 4  # ... each member then meets the next CHAIN members in claim order


@dataclass(frozen=True)
class LinkClaim:
    """What claim linking reads of one claim."""

    claim_id: str
    doc_id: str
    speaker_id: str | None
    content: str
    quotes: tuple[str, ...] = ()  # quoted fragments; read from `content` when empty
    quantities: tuple[tuple[float, str], ...] | None = None  # (value, unit); read from `content` when None
    polarity: str | None = None  # "positive" | "negative"
    sentence: str = ""
    source: str | None = None  # the outlet, so wire copy is only called across outlets
    cue: str = ""  # the reporting words (`had asked`)
    nested: bool = False  # an attribution inside another claim's content (it has a parent_claim_id)
    ancestors: tuple[str, ...] = ()  # claim_ids of the claims it is nested in, nearest first


@dataclass(frozen=True)
class ClaimLink:
    """A row of `claim_links`; `claim_id_a < claim_id_b`."""

    claim_id_a: str
    claim_id_b: str
    relation: str  # same_quote | quote_variant | paraphrase | conflict | wire_copy
    score: float
    detail: str


def _lsh_pairs(token_sets: Sequence[list[str]], hasher: MinHasher) -> Iterable[tuple[int, int]]:
    for bucket in hasher.buckets(hasher.signatures(token_sets)):
        if len(bucket) <= MAX_BUCKET:
            yield from combinations(bucket, 2)
        else:
            members = sorted(bucket)
            yield from ((members[i], members[j]) for i in range(len(members))
                        for j in range(i + 1, min(i + 1 + CHAIN, len(members))))


def candidate_pairs(views: Sequence[ClaimView]) -> set[tuple[int, int]]:
    """Index pairs (i < j) worth judging: shared quote words, shared sentence, or one speaker in one story."""
    pairs: set[tuple[int, int]] = set()
    quote_hasher = MinHasher(num_perm=64, bands=16)  # rows of 4: pairs near Jaccard 0.5 meet
    pairs.update(_lsh_pairs([v.quote_words for v in views], quote_hasher))
    sentence_hasher = MinHasher(num_perm=64, bands=8, seed=2)  # rows of 8: near-identical sentences
    pairs.update(_lsh_pairs([shingles(v.sentence_words) for v in views], sentence_hasher))
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, v in enumerate(views):
        if v.speaker_id and v.story_id:
            blocks[(v.story_id, v.speaker_id)].append(i)
        if v.story_id:
            for kind in {a.kind for a in v.amounts}:
                blocks[(v.story_id, "#" + kind)].append(i)
    content_hasher = MinHasher(num_perm=64, bands=32, seed=3)  # rows of 2: loose, for oversized blocks
    for members in blocks.values():
        if len(members) <= MAX_BLOCK:
            pairs.update(combinations(members, 2))
        else:
            local = _lsh_pairs([views[i].terms_list for i in members], content_hasher)
            pairs.update((members[x], members[y]) for x, y in local)
    return {(min(i, j), max(i, j)) for i, j in pairs
            if views[i].doc_id != views[j].doc_id
            and views[i].claim_id not in views[j].ancestors and views[j].claim_id not in views[i].ancestors}


def link_claims(claims: Sequence[LinkClaim], story_of: Mapping[str, str]) -> list[ClaimLink]:
    """Links between claims of different documents, sorted by (claim_id_a, claim_id_b)."""
    unique = sorted({c.claim_id: c for c in claims}.values(), key=lambda c: c.claim_id)
    views = [view(c, story_of.get(c.doc_id)) for c in unique]
    links = []
    for i, j in candidate_pairs(views):
        found = judge(views[i], views[j])
        if found is not None:
            relation, score, detail = found
            links.append(ClaimLink(views[i].claim_id, views[j].claim_id, relation, round(score, 4), detail))
    return sorted(links, key=lambda link: (link.claim_id_a, link.claim_id_b))
