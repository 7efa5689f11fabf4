"""The `speakers` registry on BASIL 2010-2016, through the real steps (ingest, segment, tag, link).

    .venv/bin/python bench/speaker_registry_basil.py [--keep DIR]

Prints the issue-12 targets: how many rows of `speakers` begin with a
subordinator, conjunction, preposition or verb (listed; `That committee` and
`At least one` are a determiner and a quantifier, `Elected officials` a
participle modifying its noun); how many
speaker_ids the most quoted person carries (claims whose speaker's surname is
that person's, outside documents naming a namesake, grouped by speaker_id);
the share of person and organisation claims that have a speaker_id; and
the commonest person and organisation speakers left without one.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import pyarrow.parquet as pq

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines import corpus, steps  # noqa: E402
from pipelines.linking.names import parse_name  # noqa: E402
from pipelines.linking.basil import basil_root, iter_articles  # noqa: E402
from pipelines.store import TableStore  # noqa: E402


# subordinators, conjunctions, prepositions and relative words: none begins a speaker's name
NOT_A_NAME_START = frozenset(
    "after although as at because before but by despite during for from if in into of on once or since so than "
    "that though through to under unless until when where whereas whether while with without yet and nor who whom "
    "whose which what why how amid among against about over across toward towards via then".split()
)


def _rows(store: TableStore, table: str) -> list[dict]:
    return [r for p in store.parts(table).values() for r in pq.read_table(p).to_pylist()]


def _bad_start(name: str) -> bool:
    """`That` and `At` count only as a subordinator and a preposition, not in `That committee`, `At least one`."""
    words = name.split()
    first = words[0].strip("“\"'‘").lower() if words else ""
    if first == "that" and len(words) > 1 or re.match(r"(?i)at (?:least|most)\b", name):
        return False
    if first in NOT_A_NAME_START:
        return True
    # a verb: a participle alone or before a determiner or particle (`stamped out`, `deleted a reference`),
    # not one modifying a noun (`Elected officials`, `leaked documents`)
    verb = first.endswith(("ing", "ed")) and not first.endswith("thing") and len(first) > 5
    return verb and (len(words) == 1 or words[1].lower() in _DETERMINERS_AND_PARTICLES)


_DETERMINERS_AND_PARTICLES = frozenset("a an the his her their its this that out up down off on in to for".split())


def report(store: TableStore) -> dict:
    speakers = _rows(store, "speakers")
    claims = [c for c in _rows(store, "claims") if c["attribution_type"] != "unattributed"]
    bad = sorted(s["name"] for s in speakers if _bad_start(s["name"]))
    named = [c for c in claims if c["speaker_type"] in ("person", "organization")]
    with_id = sum(1 for c in named if c["speaker_id"])
    missing = Counter(c["speaker"] or c["speaker_text"] for c in named if not c["speaker_id"])
    # the person quoted most: the surname of most person claims; its claims are those whose speaker is
    # that surname, alone or after a first name or title, outside documents naming a namesake
    def surname_of(c):
        words = re.sub(r"[’']s$", "", c["speaker"] or "").split()
        return words[-1] if words and c["speaker_type"] == "person" and words[-1][:1].isupper() else None
    surnames = Counter(surname_of(c) for c in named if surname_of(c))
    people = []
    for surname, _ in surnames.most_common(3):
        fulls = Counter(c["speaker"] for c in named if surname_of(c) == surname and len(c["speaker"].split()) >= 2
                        and c["speaker"].split()[0][:1].isupper())
        top = fulls.most_common(1)[0][0] if fulls else surname
        namesakes = defaultdict(set)
        for c in named:
            p, t = parse_name(c["speaker"] or ""), parse_name(top)
            if surname_of(c) == surname and p and t and p.first and (p.first, p.suffix) != (t.first, t.suffix):
                namesakes[c["doc_id"]].add(c["speaker"])
        ids = Counter()
        for c in named:
            if surname_of(c) != surname or c["speaker"] in namesakes[c["doc_id"]]:
                continue
            if len(c["speaker"].split()) == 1 and namesakes[c["doc_id"]]:
                continue  # a bare surname in a document naming a namesake (`Donald Trump Jr.`)
            ids[c["speaker_id"]] += 1
        people.append((top, ids))
    return {"speakers": len(speakers), "bad": bad, "claims": len(claims), "named": len(named), "with_id": with_id,
            "missing": missing, "people": people}


def main() -> int:
    root = basil_root()
    if root is None:
        print("skipped: ../shared/data/basil is absent")
        return 0
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "basil.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for a in iter_articles(root):
                fh.write(json.dumps({"id": a.article_id, "title": a.title, "text": a.text, "source": a.source,
                                     "published_at": a.published_at.isoformat() if a.published_at else None}) + "\n")
        store = TableStore(Path(keep) if keep else Path(tmp) / "data")
        steps.ingest([str(src)], store)
        steps.segment_pending(store)
        steps.tag_pending(store)
        corpus.link_corpus(store)
        r = report(store)
    print(f"{r['speakers']} speakers, {r['claims']} attributed claims, {r['named']} of a person or organisation")
    print(f"speakers beginning with a subordinator, conjunction, preposition or verb: {len(r['bad'])}"
          + (f" ({', '.join(r['bad'][:20])})" if r["bad"] else ""))
    print(f"person and organisation claims with a speaker_id: {r['with_id'] / max(r['named'], 1):.1%} "
          f"({r['with_id']}/{r['named']})")
    for rank, (top, ids) in enumerate(r["people"]):
        print(f"{'most quoted person' if rank == 0 else f'quoted {rank + 1}.'}: {top}; speaker_ids of its claims: "
              f"{len([k for k in ids if k])} ({', '.join(str(n) for k, n in ids.most_common() if k)} claims; "
              f"{ids[None]} without an id)")
    print("commonest without a speaker_id: " + ", ".join(f"{k!r} {n}" for k, n in r["missing"].most_common(12)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
