"""The kinds of attribution errors left on a brat split, with counts and an example of each.

    .venv/bin/python bench/attribution_errors.py [--gold DIR] [--examples N]

Each gold attribution is paired with the predicted one whose cue overlaps its
cue (the first annotator's file, as the release scorer reads it; nested
predictions are not scored, as there).  An unpaired gold attribution is
*missed* (split by whether its cue's words are in the reporting-verb
lexicon), an unpaired prediction *spurious*; a pair can be wrong in its cue,
source or content boundaries, or give a source where gold has none (and the
reverse).  One attribution may count under several kinds.  Last, the exact
F1 figures per annotator of the gold files (each document's gold is one
annotator's reading, and they differ).  Reads the dev
split only by default; never point it at a test split.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.attribution import extract_attributions  # noqa: E402
from pipelines.attribution.lexicon import reporting_verbs  # noqa: E402
from pipelines.evaluation import annotation_files, attribution_fragments, load_gold, overlap, pair_by_cue, score  # noqa: E402
from pipelines.segment import split_sentences  # noqa: E402

SHARED = ROOT.parent / "shared"


def _text(text: str, frags) -> str:
    return " … ".join(text[a:b] for a, b in frags or ()) if frags else "∅"


def classify(text: str, gold: list[dict], pred: list[dict]) -> list[tuple[str, str]]:
    """(kind, example) for each error of one document."""
    out: list[tuple[str, str]] = []
    verbs = reporting_verbs()
    pairs, unpaired = pair_by_cue([g for g in gold if g.get("cue")], pred)
    for g, match in pairs:
        if match is None:
            cue_words = re.findall(r"[\w’'-]+", _text(text, g["cue"]))
            known = any(w in verbs or w.lower() in verbs for w in cue_words)
            out.append(("missed, cue in the lexicon" if known else "missed, cue not in the lexicon", _text(text, g["cue"])))
            continue
        p = pred[match]
        if tuple(g["cue"]) != tuple(p["cue"]):
            out.append(("cue boundary", f"{_text(text, g['cue'])!r} vs {_text(text, p['cue'])!r}"))
        gs, ps = g.get("source"), p.get("source")
        if gs and not ps:
            out.append(("source missing", _text(text, gs)))
        elif ps and not gs:
            out.append(("source where gold has none", _text(text, ps)))
        elif gs and ps and tuple(gs) != tuple(ps):
            kind = "source boundary" if overlap(gs, ps) else "source wrong"
            out.append((kind, f"{_text(text, gs)!r} vs {_text(text, ps)!r}"))
        gc, pc = g.get("content"), p.get("content")
        if gc and pc and tuple(gc) != tuple(pc):
            kind = "content boundary" if overlap(gc, pc) else "content wrong"
            out.append((kind, f"{_text(text, gc)[:90]!r} vs {_text(text, pc)[:90]!r}"))
    for i in unpaired:
        p = pred[i]
        out.append(("spurious", f"{_text(text, p['source'])} | {_text(text, p['cue'])} | {_text(text, p['content'])[:80]}"))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "data" / "polnear" / "dev")
    ap.add_argument("--examples", type=int, default=2)
    args = ap.parse_args()
    if not (args.gold / "text").is_dir():
        print(f"skipped: {args.gold} is absent")
        return 0
    texts, gold = load_gold(args.gold)
    kinds: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    preds: dict[str, list[dict]] = {}
    for key, text in texts.items():
        pred = preds[key] = attribution_fragments(extract_attributions(text, split_sentences(text)))
        for kind, example in classify(text, gold[key], pred):
            kinds[kind] += 1
            if len(examples[kind]) < args.examples:
                examples[kind].append(example)
    n_gold = sum(1 for doc in gold.values() for g in doc if g.get("cue"))
    print(f"{len(texts)} documents, {n_gold} gold attributions")
    for kind, n in kinds.most_common():
        print(f"{n:6d}  {kind}")
        for example in examples[kind]:
            print(f"          e.g. {example}")
    print("exact F1 cue / source / content by the annotator of the gold file:")
    for annotator, keys in sorted(by_annotator(args.gold, texts).items()):
        report = score({k: texts[k] for k in keys}, gold, texts, preds)["exact"]
        n = sum(len(gold[k]) for k in keys)
        figures = " / ".join(f"{report[e]['f1']:.1f}" for e in ("cue", "source", "content"))
        print(f"  {annotator:10} {len(keys):3d} documents {n:5d} attributions  {figures}")
    return 0


def by_annotator(split: Path, texts) -> dict[str, list[str]]:
    """Annotator (the file name's last part) -> the documents whose gold is that annotator's file."""
    out: dict[str, list[str]] = defaultdict(list)
    for key, mine in annotation_files(split).items():
        if key in texts and mine:
            out[mine[0][len(key) + 1:-len(".ann")]].append(key)
    return out


if __name__ == "__main__":
    raise SystemExit(main())
