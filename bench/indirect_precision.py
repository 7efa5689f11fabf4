"""Precision of indirect claims on 100 hand-labelled ones drawn from PolNeAR train texts.

    .venv/bin/python bench/indirect_precision.py            # the sample and its precision
    .venv/bin/python bench/indirect_precision.py --show     # every sampled claim with its label, to (re)label

The sample: the PolNeAR train texts in sorted order, shuffled with seed 12;
from each, in turn, one of the indirect claims claimwire finds (titles
given to the segmenter, as `claimwire run` does) drawn with the same random
generator, until 100.  Each claim was judged by hand against the PolNeAR
guidelines (`../shared/data/polnear/guidelines.txt`): right (1) when the cue
marks an attribution (a statement, belief, intention, decree, argument or
evidence of a source; not an action or a description) and the speaker is
the one who says, believes or shows it (the author when the text gives no
source); span boundaries are not judged.  The labels are
`bench/indirect_precision_labels.tsv` (document, cue start, cue end, speaker,
label, note), keyed by the cue and the speaker: a claim of the sample without
a label (after the extractor changed) is counted and listed, not guessed.  The tagger is
trained on PolNeAR train, so these texts flatter it somewhat.
"""

from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.attribution import extract_attributions  # noqa: E402
from pipelines.segment import split_sentences  # noqa: E402

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "polnear" / "train" / "text"
LABELS = Path(__file__).resolve().parent / "indirect_precision_labels.tsv"
SEED, SIZE = 12, 100


def sample() -> list[dict]:
    rng = random.Random(SEED)
    paths = sorted(TRAIN.glob("*.txt"))
    rng.shuffle(paths)
    out = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        title = text.split("\n", 1)[0].strip()
        indirect = [a for a in extract_attributions(text, split_sentences(text, title=title))
                    if a.attribution_type == "indirect"]
        if not indirect:
            continue
        a = rng.choice(indirect)
        sentence_start = max(text.rfind("\n", 0, a.cue.start), text.rfind(". ", 0, min(a.content[0].start, a.cue.start)))
        out.append({
            "doc": path.stem, "cue_start": a.cue.start, "cue_end": a.cue.end, "cue": text[a.cue.start:a.cue.end],
            "source": text[a.speaker.start:a.speaker.end] if a.speaker else None, "speaker": a.speaker_name,
            "content": " | ".join(text[s.start:s.end] for s in a.content),
            "pattern": a.extra.get("pattern"), "confidence": a.extra.get("confidence"),
            "context": text[sentence_start + 1:max(a.content[-1].end, a.cue.end) + 20].replace("\n", " ").strip(),
        })
        if len(out) == SIZE:
            break
    return out


def labels() -> dict[tuple[str, int, int, str], tuple[int, str]]:
    if not LABELS.exists():
        return {}
    with open(LABELS, encoding="utf-8") as fh:
        return {(r["doc"], int(r["cue_start"]), int(r["cue_end"]), r["speaker"]): (int(r["label"]), r["note"])
                for r in csv.DictReader(fh, delimiter="\t")}


def main() -> int:
    if not TRAIN.is_dir():
        print("skipped: ../shared/data/polnear/train is absent")
        return 0
    drawn, known = sample(), labels()
    right = wrong = 0
    unlabelled = []
    for i, c in enumerate(drawn):
        label = known.get((c["doc"], c["cue_start"], c["cue_end"], c["speaker"] or ""))
        if label is None:
            unlabelled.append(c)
        elif label[0]:
            right += 1
        else:
            wrong += 1
        if "--show" in sys.argv:
            print(f"{i:3} [{label[0] if label else '?'}] {c['doc']}\t{c['cue_start']}\t{c['cue_end']}\t{c['speaker'] or ''}\n"
                  f"    source {c['source']!r} -> {c['speaker']!r}; cue {c['cue']!r} ({c['pattern']}); content {c['content'][:160]!r}\n"
                  f"    {c['context'][:400]}" + (f"\n    note: {label[1]}" if label and label[1] else ""))
    judged = right + wrong
    print(f"indirect claims sampled: {len(drawn)}; labelled {judged}, right {right}, wrong {wrong}")
    print(f"precision: {right / max(judged, 1):.1%}")
    if unlabelled:
        print(f"{len(unlabelled)} sampled claims have no label (the extractor changed): relabel with --show")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
