"""Stories: documents from any outlet that report the same event.

Candidate pairs come from an inverted index over each document's most
distinctive terms (rare words, names, quotes), so the work grows with the
number of documents, not its square.  A pair is scored by the TF-IDF cosine
of title and text, plus shared speakers and shared quotes, and kept when the
publication dates (where both are known) fall within a window.  Kept pairs
are merged with average linkage, so one loose pair cannot chain two events.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from .text import content_terms, normalise

TITLE_WEIGHT = 3  # a title word counts as this many body words
INDEX_TERMS = 25  # terms per document put in the inverted index
MAX_DF_SHARE = 0.05  # terms in more documents than this share are too common to propose pairs ...
MAX_POSTINGS = 100  # ... or in more than this many: keeps the candidate pairs linear in the corpus
MAX_LINKAGE = 300  # a component larger than this is split by single linkage at THRESHOLD instead
MIN_SHARED = 2  # index terms two documents must share to become a candidate pair
THRESHOLD = 0.20  # average-linkage score above which two groups are one story
WINDOW_DAYS = 4.0  # documents further apart in time are different stories


@dataclass(frozen=True)
class StoryDoc:
    """What story grouping reads of one document."""

    doc_id: str
    title: str | None
    text: str
    source: str | None = None
    published_at: datetime | None = None
    speakers: tuple[str, ...] = field(default=())  # canonical names from its claims
    quotes: tuple[str, ...] = field(default=())  # quoted strings


def story_id_for(doc_ids: Sequence[str]) -> str:
    """A story's id: a hash of its smallest doc_id, so it survives re-runs."""
    return "st_" + hashlib.sha256(min(doc_ids).encode("utf-8")).hexdigest()[:16]


def _vector(doc: StoryDoc) -> Counter:
    terms = Counter(content_terms(doc.text))
    for t in content_terms(doc.title or ""):
        terms[t] += TITLE_WEIGHT
    for name in doc.speakers:
        terms["@" + normalise(name)] += 2
    for q in doc.quotes:
        key = normalise(q)
        if key.count(" ") >= 3:  # quotes of four words or more
            terms['"' + key] += 2
    return terms


def _weights(vectors: Sequence[Counter]) -> list[dict[str, float]]:
    df = Counter(t for v in vectors for t in v)
    n = len(vectors)
    out = []
    for v in vectors:
        w = {t: (1 + math.log(c)) * math.log((n + 1) / df[t]) for t, c in v.items() if df[t] > 1}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        out.append({t: x / norm for t, x in w.items()})
    return out


def _candidates(weights: Sequence[dict[str, float]]) -> set[tuple[int, int]]:
    index: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(weights):
        for t in sorted(w, key=lambda t: (-w[t], t))[:INDEX_TERMS]:
            index[t].append(i)
    cap = min(max(3, int(MAX_DF_SHARE * len(weights))), MAX_POSTINGS)
    shared: Counter = Counter()
    for postings in index.values():
        if len(postings) <= cap:
            for x in range(len(postings)):
                for y in range(x + 1, len(postings)):
                    shared[(postings[x], postings[y])] += 1
    return {pair for pair, n in shared.items() if n >= MIN_SHARED}


def _in_window(a: datetime | None, b: datetime | None) -> bool:
    if a is None or b is None:
        return True
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return abs((a - b).total_seconds()) <= WINDOW_DAYS * 86400


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _components(n: int, edges: Sequence[tuple[int, int]]) -> list[list[int]]:
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in edges:
        parent[root(i)] = root(j)
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        out[root(i)].append(i)
    return list(out.values())


def _average_linkage(nodes: list[int], scores: Mapping[tuple[int, int], float]) -> list[list[int]]:
    """Merge the best pair of groups while its average pair score (missing pairs count 0) passes THRESHOLD."""
    groups = [[i] for i in nodes]
    while len(groups) > 1:
        best, best_pair = THRESHOLD, None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                total = sum(scores.get((min(i, j), max(i, j)), 0.0) for i in groups[x] for j in groups[y])
                avg = total / (len(groups[x]) * len(groups[y]))
                if avg > best:
                    best, best_pair = avg, (x, y)
        if best_pair is None:
            break
        x, y = best_pair
        groups[x] = groups[x] + groups.pop(y)
    return groups


def group_stories(documents: Sequence[StoryDoc]) -> dict[str, str]:
    """Map every doc_id to its story_id; a document with no partner is a story of one."""
    docs = sorted({d.doc_id: d for d in documents}.values(), key=lambda d: d.doc_id)
    weights = _weights([_vector(d) for d in docs])
    scores = {}
    for i, j in sorted(_candidates(weights)):
        if _in_window(docs[i].published_at, docs[j].published_at):
            s = _cosine(weights[i], weights[j])
            if s > 0:
                scores[(i, j)] = s
    # Only pairs that could lift an average over THRESHOLD join components; linkage runs per component.
    edges = [pair for pair, s in scores.items() if s >= THRESHOLD / 2]
    out = {}
    strong = [pair for pair, s in scores.items() if s > THRESHOLD]
    for component in _components(len(docs), edges):
        if len(component) > MAX_LINKAGE:
            inside = set(component)
            groups = [g for g in _components(len(docs), [p for p in strong if p[0] in inside])
                      if g[0] in inside]
        else:
            groups = _average_linkage(component, scores)
        for group in groups:
            ids = [docs[i].doc_id for i in group]
            out.update(dict.fromkeys(ids, story_id_for(ids)))
    return out
