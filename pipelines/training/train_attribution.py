"""Train the attribution tagger: `python -m pipelines.training.train_attribution`.

Fits a linear-chain CRF (python-crfsuite, L-BFGS, fixed iterations) that tags
each paragraph's tokens BIO as source (S), cue (C) or content (T), on PolNeAR
train (`CLAIMWIRE_SHARED_DATA`/polnear/train, documents in sorted order, the
first annotator's file in sorted order as gold, as the release scorer reads
it).  The rules' own attributions are features, so the rules run first.
Writes `pipelines/models/attribution_crf.crfsuite` (crfsuite's binary
format).  Deterministic: sorted inputs, no sampling, L-BFGS from zero
(a retrain reproduces the committed model byte for byte).  About 2 CPU
minutes.

Training choices tried on PolNeAR dev with a richer feature set (see
`pipelines.attribution.learned`; exact F1 cue / source / content with the
merge of `pipelines.attribution`, against 68.9 / 69.7 / 54.7 with the choices
below): c1 0.25: 68.6 / 70.3 / 53.9 (14.8 MB); c1 1.0: 68.4 / 69.9 / 54.4;
200 iterations: 68.5 / 70.6 / 53.8; every annotator's file
(ALL_ANNOTATORS): cue -0.7, content -0.2; a cue prior cross-fitted over 5
folds of train for the training features: cue -0.5, source +0.2, content
-0.2.  None kept.  Later, with this feature set and merge (against 70.1 /
72.7 / 57.0 for the same gold tagging in BIO, 70.0 / 72.9 / 56.9 shipped): BILOU tags instead of BIO, so that a span's last token has a
tag of its own: 69.9 / 72.8 / 57.1 (11.0 MB); not kept.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time
from pathlib import Path

from pipelines.attribution import rule_candidates, rule_spans
from pipelines.attribution.learned import MODEL_PATH, PRIOR_PATH, TOKEN, sequences
from pipelines.evaluation import annotation_files
from pipelines.segment import split_sentences

DATA_DIR = Path(os.environ.get("CLAIMWIRE_SHARED_DATA", Path(__file__).resolve().parents[3] / "shared" / "data")) / "polnear"
PARAMS = {
    "c1": 0.5,  # L1: prunes features, keeps the model small (chosen on dev with c2 among 0.03-1 x 0.01-20)
    "c2": 1.0,
    "max_iterations": 100,
    "feature.possible_transitions": True,
    "feature.minfreq": 2,
}
ALL_ANNOTATORS = False  # train on every annotator's file of a document, not only the first


def parse_ann(path: Path) -> list[dict]:
    """Attributions of a brat file: {"cue", "source", "content"} -> sorted fragments or None."""
    spans, events = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            label, _, offs = parts[1].partition(" ")
            frags = sorted(tuple(int(x) for x in piece.split()) for piece in offs.split(";"))
            spans[parts[0]] = tuple(frags)
        elif parts[0].startswith("E") and len(parts) >= 2:
            events.append(dict(r.split(":", 1) for r in parts[1].split()))
    out = []
    for roles in events:
        att = {k.lower(): spans.get(roles.get(k)) for k in ("Cue", "Source", "Content")}
        if att["cue"] is not None:
            out.append(att)
    return out


def load_split(split: Path, all_annotators: bool = False) -> list[tuple[str, str, list[dict]]]:
    """(doc, text, gold) in sorted order; the first annotator's file, or each annotator's in turn."""
    docs = []
    for doc, mine in annotation_files(split).items():
        text = (split / "text" / f"{doc}.txt").read_text(encoding="utf-8")
        mine = mine or [None]
        for ann in mine if all_annotators else mine[:1]:
            docs.append((doc, text, parse_ann(split / "attributions" / ann) if ann else []))
    return docs


def gold_tags(seq, gold: list[dict]) -> list[str]:
    """BIO tags of a sequence's tokens; cue over source over content where they overlap."""
    n = len(seq.spans)
    tags = ["O"] * n
    lo, hi = seq.spans[0][0], seq.spans[-1][1]
    for role, key in (("T", "content"), ("S", "source"), ("C", "cue")):
        for att in gold:
            for a, b in att[key] or ():
                if b <= lo or a >= hi:
                    continue
                first = True
                for i, (s, e) in enumerate(seq.spans):
                    if s >= a and e <= b:
                        tags[i] = ("B-" if first else "I-") + role
                        first = False
    return tags


def cue_prior(docs) -> dict[str, str]:
    """Lowercase word -> bucket of the share of its occurrences inside a gold cue (seen 3+ times, share 2%+)."""
    seen: dict[str, int] = {}
    in_cue: dict[str, int] = {}
    for _, text, gold in docs:
        cues = sorted(span for att in gold for span in att["cue"] or ())
        for m in TOKEN.finditer(text):
            w = m.group().lower()
            if not w[0].isalpha():
                continue
            seen[w] = seen.get(w, 0) + 1
            if any(a <= m.start() and m.end() <= b for a, b in cues):
                in_cue[w] = in_cue.get(w, 0) + 1
    out = {}
    for w in sorted(in_cue):
        share = in_cue[w] / seen[w]
        if seen[w] >= 3 and share >= 0.02:
            out[w] = "h" if share >= 0.5 else "m" if share >= 0.2 else "l"
    return out


def examples(docs, prior):
    for doc, text, gold in docs:
        sentences = split_sentences(text)
        candidates, _ = rule_candidates(text, sentences)
        for seq in sequences(text, sentences, rule_spans(candidates), prior):
            if seq.spans:
                yield seq.feats, gold_tags(seq, gold)


def train(split: Path, out: Path, params: dict, all_annotators: bool = ALL_ANNOTATORS) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    docs = load_split(split, all_annotators)
    prior = cue_prior(docs)
    out.parent.mkdir(parents=True, exist_ok=True)
    prior_path = out.with_name(PRIOR_PATH.name)
    prior_path.write_text(
        "# word<TAB>share of its PolNeAR train occurrences inside a cue: h >= .5, m >= .2, l >= .02\n"
        + "".join(f"{w}\t{b}\n" for w, b in sorted(prior.items())),
        encoding="utf-8",
    )
    n = 0
    for xseq, yseq in examples(docs, prior):
        trainer.append(xseq, yseq)
        n += 1
    trainer.set_params(params)
    tmp = out.with_suffix(".tmp")
    trainer.train(str(tmp))
    os.replace(tmp, out)
    print(f"{n} sequences; {out} {out.stat().st_size:,} bytes sha1 {hashlib.sha1(out.read_bytes()).hexdigest()[:12]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", type=Path, default=DATA_DIR / "train")
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"])
    ap.add_argument("--c1", type=float, default=PARAMS["c1"])
    ap.add_argument("--c2", type=float, default=PARAMS["c2"])
    ap.add_argument("--all-annotators", action=argparse.BooleanOptionalAction, default=ALL_ANNOTATORS)
    args = ap.parse_args()
    params = dict(PARAMS, max_iterations=args.iterations, c1=args.c1, c2=args.c2)
    t0 = time.perf_counter()
    train(args.split, args.out, params, args.all_annotators)
    print(f"trained in {time.perf_counter() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
