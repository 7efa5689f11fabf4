"""Stories: documents from any outlet that report the same event.

A document is a TF-IDF vector of its words, title words, names, numbers,
speakers and quotes.  The IDF counts the linked documents together with a
small background of news (`story_df.tsv`, PolNeAR's 840 training articles,
each counting as `BACKGROUND` of a document), so a small incremental update
weighs words as the whole corpus does.  Names (capitalised words inside a
sentence) weigh `NAME_WEIGHT` times a plain word, and two documents whose
names disagree (name-only cosine under `NAME_AGREEMENT`) have their score
scaled down by that shortfall: two events of one kind (two earthquakes, one
team's two games) share their vocabulary but not their places and people.

Candidate pairs come from an inverted index over each document's most
distinctive terms, blocked by week: a dated document meets only documents of
its own and the neighbouring week that share `MIN_SHARED` of those terms, so
the work per document does not grow with the corpus.  A document is dated by
`dates.story_date` (publication date, else dateline, else a weekday of the
lead counted back from ingestion).  Two documents dated alike (both firm:
publication or dateline; or both by a weekday) further apart than
`WINDOW_DAYS` are never paired.  A weekday date may be wrong by the delay
between publication and ingestion (an archive loaded a year later), so a
document without a firm date also meets documents of any week through terms
rare in the whole batch, and a firm-dated document outside its window links
to it only by a pair scoring `STRONG`; so does a document without any date.

Pairs are merged by `linkage.average_linkage` (missing pairs count 0) while
the story's firm dates span `WINDOW_DAYS` at most: one loose pair cannot
chain two events, a document without a firm date cannot bridge two weeks,
and there is no size at which another linkage takes over.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

from .dates import day_number, firm_date, story_date
from .linkage import average_linkage
from .text import content_terms, names, normalise, numbers

DF_PATH = Path(__file__).with_name("story_df.tsv")  # built by `python -m pipelines.training.build_story_df`
BACKGROUND = 0.1  # a background article counts as this many linked documents
TITLE_WEIGHT = 3  # a title word counts as this many body words
NAME_WEIGHT = 2  # a name counts as this many plain words
NAME_AGREEMENT = 0.3  # name-only cosine under which a pair's score is scaled down
INDEX_TERMS = 25  # terms per document put in the inverted index
MAX_POSTINGS = 60  # a term in more documents than this in one week proposes nothing
MIN_SHARED = 2  # index terms two documents must share to become a candidate pair
THRESHOLD = 0.12  # average-linkage score above which two groups are one story
STRONG = 0.30  # the score a pair needs when one of its documents has no date in the other's window
WINDOW_DAYS = 4.0  # a story's dates span at most this many days


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
    ingested_at: datetime | None = None  # "on Monday" in the text is counted back from here


def story_id_for(doc_ids: Sequence[str]) -> str:
    """A story's id: a hash of its smallest doc_id, so it survives re-runs."""
    return "st_" + hashlib.sha256(min(doc_ids).encode("utf-8")).hexdigest()[:16]


def story_terms(doc: StoryDoc) -> Counter:
    """The weighted terms of a document: words, title words, names, numbers, speakers and quotes."""
    terms = Counter(content_terms(doc.text))
    for t in content_terms(doc.title or ""):
        terms[t] += TITLE_WEIGHT
    for name in names(doc.text):
        terms["n:" + name] += NAME_WEIGHT
    for number in numbers((doc.title or "") + "\n" + doc.text):
        terms["#" + number] += 1
    for name in doc.speakers:
        terms["@" + normalise(name)] += 2
    for q in doc.quotes:
        key = normalise(q)
        if key.count(" ") >= 3:  # quotes of four words or more
            terms['"' + key] += 2
    return terms


@lru_cache(maxsize=1)
def background_df() -> tuple[int, dict[str, int]]:
    """(documents, term -> documents holding it) of the background news collection (`story_df.tsv`)."""
    lines = DF_PATH.read_text(encoding="utf-8").splitlines()
    table = dict(line.split("\t") for line in lines[1:])
    return int(lines[0].split("\t")[1]), {t: int(n) for t, n in table.items()}


def _weights(vectors: Sequence[Counter]) -> list[dict[str, float]]:
    """Sublinear TF times IDF over the background collection and `vectors` together, unit length."""
    n_background, background = background_df()
    df = Counter(t for v in vectors for t in v)
    n = BACKGROUND * n_background + len(vectors)
    out = []
    for v in vectors:
        w = {t: (1 + math.log(c)) * math.log((n + 1) / (BACKGROUND * background.get(t, 0) + df[t])) for t, c in v.items()}
        norm = math.sqrt(sum(x * x for x in w.values())) or 1.0
        # A term of one document only counts in its norm (a small batch shares little), never in a product.
        out.append({t: x / norm for t, x in w.items() if df[t] > 1})
    return out


def _candidates(weights: Sequence[dict[str, float]], days: Sequence[float | None],
                firm: Sequence[float | None]) -> set[tuple[int, int]]:
    """Pairs sharing MIN_SHARED index terms: within one or two neighbouring weeks, and any pair of a document
    without a firm date through terms rare in the whole batch."""
    weekly: dict[tuple[str, int], list[int]] = defaultdict(list)
    undated: dict[str, list[int]] = defaultdict(list)
    dated: dict[str, list[int]] = defaultdict(list)
    for i, w in enumerate(weights):
        for t in sorted(w, key=lambda t: (-w[t], t))[:INDEX_TERMS]:
            if days[i] is not None:
                weekly[(t, int(days[i] // 7))].append(i)
            if firm[i] is None:
                undated[t].append(i)
            else:
                dated[t].append(i)
    shared: Counter = Counter()
    for (t, week), postings in weekly.items():
        later = weekly.get((t, week + 1), [])
        if len(postings) + len(later) > MAX_POSTINGS:
            continue
        for x, i in enumerate(postings):
            for j in postings[x + 1:] + later:
                shared[(min(i, j), max(i, j))] += 1
    for t, postings in undated.items():
        if len(postings) + len(dated[t]) > MAX_POSTINGS:
            continue
        for x, i in enumerate(postings):
            for j in postings[x + 1:] + dated[t]:
                shared[(min(i, j), max(i, j))] += 1
    return {pair for pair, n in shared.items() if n >= MIN_SHARED}


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(t, 0.0) for t, x in a.items())


def _names_of(w: Mapping[str, float]) -> tuple[dict[str, float], float]:
    """The name terms of a weighted vector, and their norm."""
    names_only = {t: x for t, x in w.items() if t.startswith("n:")}
    return names_only, math.sqrt(sum(x * x for x in names_only.values()))


def pair_score(a: Mapping[str, float], b: Mapping[str, float],
               names_a: tuple[dict[str, float], float], names_b: tuple[dict[str, float], float]) -> float:
    """TF-IDF cosine, scaled down when the two documents name different people and places.

    `names_a`, `names_b` are `_names_of(a)`, `_names_of(b)`; a document that names nothing is not penalised.
    """
    score = _cosine(a, b)
    if names_a[1] and names_b[1]:
        agreement = _cosine(names_a[0], names_b[0]) / (names_a[1] * names_b[1])
        if agreement < NAME_AGREEMENT:
            score *= agreement / NAME_AGREEMENT
    return score


def group_stories(documents: Sequence[StoryDoc]) -> dict[str, str]:
    """Map every doc_id to its story_id; a document with no partner is a story of one."""
    docs = sorted({d.doc_id: d for d in documents}.values(), key=lambda d: d.doc_id)
    weights = _weights([story_terms(d) for d in docs])
    days = [day_number(story_date(d.published_at, d.ingested_at, d.text)) for d in docs]
    firm = [day_number(firm_date(d.published_at, d.ingested_at, d.text)) for d in docs]
    names_of = [_names_of(w) for w in weights]
    scores = {}
    for i, j in sorted(_candidates(weights, days, firm)):
        in_window = days[i] is not None and days[j] is not None and abs(days[i] - days[j]) <= WINDOW_DAYS
        if not in_window and days[i] is not None and days[j] is not None and (firm[i] is None) == (firm[j] is None):
            continue  # two firm dates, or two weekdays each counted back from its own ingestion, too far apart
        s = pair_score(weights[i], weights[j], names_of[i], names_of[j])
        if s >= (THRESHOLD / 4 if in_window else STRONG):
            scores[(i, j)] = s
    out = {}
    for group in average_linkage(len(docs), scores, firm, THRESHOLD, WINDOW_DAYS):
        ids = [docs[i].doc_id for i in group]
        out.update(dict.fromkeys(ids, story_id_for(ids)))
    return out
