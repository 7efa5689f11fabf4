"""The labelled claim pairs of `tests/data/claim_links_gold.jsonl`, resolved into `LinkClaim`s.

A seeds claim stores its text; a BASIL claim stores only a reference (year,
article id, paragraph and sentence index, character offsets within the
sentence), resolved here from the shared BASIL copy.  Pairs whose text
cannot be resolved are returned as skipped, with the reason.  Speakers are
the labeller's names, so scoring measures claim linking, not speaker linking.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .basil import basil_root, read_article
from .claims import LinkClaim, link_claims

GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "claim_links_gold.jsonl"
LABELS = ("same_quote", "quote_variant", "paraphrase", "conflict", "wire_copy", "unrelated")


@dataclass(frozen=True)
class GoldPair:
    pair_id: str
    relation: str
    a: LinkClaim
    b: LinkClaim
    story_a: str
    story_b: str


def _claim(side: dict, root: Path | None) -> tuple[LinkClaim, str]:
    speaker = side.get("speaker")
    speaker_id = f"gold:{speaker}" if speaker else None
    if "seed" in side:
        seed = side["seed"]
        key = f"{seed['doc']}|{side['content']}"
        return LinkClaim(key, seed["doc"], speaker_id, side["content"], sentence=side.get("sentence", ""),
                         source=seed.get("source")), side["story"]
    ref = side["basil"]
    if root is None:
        raise LookupError("BASIL is absent (../shared/data/basil)")
    article = read_article(root, ref["year"], ref["article"])
    sentence = article.paragraphs[ref["paragraph"]][ref["sentence"]]
    content = sentence[ref["start"]:ref["end"]]
    key = f"{ref['article']}:{ref['paragraph']}:{ref['sentence']}:{ref['start']}-{ref['end']}"
    return LinkClaim(key, ref["article"], speaker_id, content, sentence=sentence, source=article.source.lower()), \
        article.triplet


def load_gold(path: Path = GOLD, root: Path | None = None) -> tuple[list[GoldPair], list[tuple[str, str]]]:
    """(resolved pairs, [(pair id, reason skipped)])."""
    root = root if root is not None else basil_root()
    pairs, skipped = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        try:
            (a, story_a), (b, story_b) = _claim(rec["a"], root), _claim(rec["b"], root)
        except (LookupError, OSError, IndexError, ValueError) as e:
            skipped.append((rec["id"], str(e)))
            continue
        pairs.append(GoldPair(rec["id"], rec["relation"], a, b, story_a, story_b))
    return pairs, skipped


def predict(pairs: Sequence[GoldPair]) -> dict[str, str]:
    """pair id -> predicted relation ("unrelated" when no link), linking all gold claims in one call."""
    claims = {c.claim_id: c for p in pairs for c in (p.a, p.b)}
    story_of = {}
    for p in pairs:
        story_of[p.a.doc_id], story_of[p.b.doc_id] = p.story_a, p.story_b
    links = {(l.claim_id_a, l.claim_id_b): l.relation for l in link_claims(list(claims.values()), story_of)}
    out = {}
    for p in pairs:
        key = tuple(sorted((p.a.claim_id, p.b.claim_id)))
        out[p.pair_id] = links.get(key, "unrelated")
    return out


def score(pairs: Sequence[GoldPair], predicted: dict[str, str]) -> dict[str, tuple[float, float, float, int]]:
    """Per label: (precision, recall, F1, gold count); and "macro" over the labels present in the gold set."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for p in pairs:
        guess = predicted[p.pair_id]
        if guess == p.relation:
            tp[guess] += 1
        else:
            fp[guess] += 1
            fn[p.relation] += 1
    out = {}
    gold_counts = Counter(p.relation for p in pairs)
    for label in LABELS:
        if not gold_counts[label]:
            continue
        prec = tp[label] / (tp[label] + fp[label]) if tp[label] + fp[label] else 0.0
        rec = tp[label] / (tp[label] + fn[label]) if tp[label] + fn[label] else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label] = (prec, rec, f1, gold_counts[label])
    out["macro"] = (sum(v[0] for v in out.values()) / len(out), sum(v[1] for v in out.values()) / len(out),
                    sum(v[2] for v in out.values()) / len(out), len(pairs))
    return out
