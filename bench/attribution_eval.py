"""Run the attribution extractor over a brat split and score it with the release scorer.

    .venv/bin/python bench/attribution_eval.py [--gold DIR] [--data DATADIR] [--scorer PATH] [--rules]

Writes DATADIR/tables/{documents,claims}/part-0.parquet, runs
shared/eval/score_attributions.py on them and prints its report, then the
throughput of `extract_attributions` alone (chars/s, one core) and, unless
`--rules` (the rule-based extractor alone, CLAIMWIRE_ATTRIBUTION=rules), the
tagger model's size and load time.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.attribution import extract_attributions  # noqa: E402
from pipelines.records import Sentence  # noqa: E402

SHARED = ROOT.parent / "shared"
_SENTENCE_END = re.compile(r"[.!?](?:[\"”’]|'')?\s+(?=[A-Z“\"]|'')")
_ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|No|vs|Sept|Oct|Nov|Dec|Jan|Feb|Aug)\.)$")


def fallback_split(text: str, title=None, dateline=None) -> list[Sentence]:
    """Lines, then sentence ends; the first non-empty line is the headline."""
    out: list[Sentence] = []
    paragraph = -1
    pos = 0
    seen_title = False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            paragraph += 1
            kind = "body"
            if not seen_title:
                kind, seen_title = "headline", True
            elif not re.search(r"[.!?\"”’:]\s*$", body) and len(body.split()) <= 14:
                kind = "headline"
            start = pos
            for m in _SENTENCE_END.finditer(body):
                if _ABBREVIATION.search(body, 0, m.start() + 1):
                    continue
                out.append(Sentence(start, pos + m.end(), paragraph, kind))
                start = pos + m.end()
            if start < pos + len(body):
                out.append(Sentence(start, pos + len(body), paragraph, kind))
        pos += len(line)
    return out


def sentence_splitter(use_segment: bool = True):
    """`pipelines.segment.split_sentences` where it imports and runs, else the fallback."""
    if not use_segment:
        return fallback_split, "fallback"
    try:
        from pipelines.segment import split_sentences  # type: ignore
    except Exception:  # the segmenter is written in parallel; fall back until it lands
        return fallback_split, "fallback (pipelines.segment does not import)"
    failures = []

    def split(text: str):
        try:
            return split_sentences(text)
        except Exception as exc:  # noqa: BLE001 - a broken segmenter must not stop the bench
            failures.append(repr(exc))
            return fallback_split(text)

    split.failures = failures  # type: ignore[attr-defined]
    return split, "pipelines.segment"


CLAIMS_SCHEMA = pa.schema([
    ("claim_id", pa.string()), ("doc_id", pa.string()), ("sentence_idx", pa.int64()),
    ("attribution_type", pa.string()), ("speaker_text", pa.string()),
    ("speaker_start", pa.int64()), ("speaker_end", pa.int64()), ("speaker", pa.string()),
    ("speaker_type", pa.string()), ("cue_text", pa.string()), ("cue_start", pa.int64()),
    ("cue_end", pa.int64()), ("cue_lemma", pa.string()), ("content_start", pa.int64()),
    ("content_end", pa.int64()),
    ("content_spans", pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))),
    ("parent_claim_id", pa.string()), ("extractor", pa.string()),
])


def run(gold: Path, data: Path, use_segment: bool = True) -> tuple[int, float, str]:
    split, splitter_name = sentence_splitter(use_segment)
    docs, claims = [], []
    n_chars, spent = 0, 0.0
    for path in sorted((gold / "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc_id = hashlib.sha1(text.encode()).hexdigest()[:16]
        docs.append({"doc_id": doc_id, "uri": str(path), "text": text})
        sentences = split(text)
        t0 = time.perf_counter()
        attributions = extract_attributions(text, sentences)
        spent += time.perf_counter() - t0
        n_chars += len(text)
        ids = [f"{doc_id}-{i}" for i in range(len(attributions))]
        for i, a in enumerate(attributions):
            hull = a.content_hull
            claims.append({
                "claim_id": ids[i], "doc_id": doc_id, "sentence_idx": a.sentence_idx,
                "attribution_type": a.attribution_type,
                "speaker_text": a.speaker.text(text) if a.speaker else None,
                "speaker_start": a.speaker.start if a.speaker else None,
                "speaker_end": a.speaker.end if a.speaker else None,
                "speaker": a.speaker_name, "speaker_type": a.speaker_type,
                "cue_text": a.cue.text(text) if a.cue else None,
                "cue_start": a.cue.start if a.cue else None, "cue_end": a.cue.end if a.cue else None,
                "cue_lemma": a.cue_lemma, "content_start": hull.start, "content_end": hull.end,
                "content_spans": [{"start": s.start, "end": s.end} for s in a.content],
                "parent_claim_id": ids[a.parent] if a.parent is not None else None,
                "extractor": a.extractor,
            })
    for table, rows, schema in (("documents", docs, None), ("claims", claims, CLAIMS_SCHEMA)):
        folder = data / "tables" / table
        folder.mkdir(parents=True, exist_ok=True)
        tbl = pa.Table.from_pylist(rows, schema=schema)
        pq.write_table(tbl, folder / "part-0.parquet")
    failures = getattr(split, "failures", [])
    if failures:
        splitter_name += f" (fell back on {len(failures)} documents: {failures[0]})"
    return n_chars, spent, splitter_name


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=SHARED / "data" / "polnear" / "dev")
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--scorer", type=Path, default=SHARED / "eval" / "score_attributions.py")
    ap.add_argument("--fallback-splitter", action="store_true", help="do not use pipelines.segment")
    ap.add_argument("--rules", action="store_true", help="the rule-based extractor alone, without the CRF tagger")
    args = ap.parse_args()
    if args.rules:
        os.environ["CLAIMWIRE_ATTRIBUTION"] = "rules"
    from pipelines.attribution import learned

    t0 = time.perf_counter()
    tagger = learned.load_tagger()
    load_s = time.perf_counter() - t0
    data = args.data or Path(tempfile.mkdtemp(prefix="attribution_eval_"))
    n_chars, spent, splitter = run(args.gold, data, not args.fallback_splitter)
    sys.stdout.flush()
    rc = subprocess.call([sys.executable, str(args.scorer), "--gold", str(args.gold), "--data", str(data)])
    print(f"sentences: {splitter}; data: {data}")
    print(f"throughput: {n_chars / spent:,.0f} chars/s ({n_chars:,} chars in {spent:.2f}s, extract_attributions only)")
    if tagger is None:
        print("tagger: off (rules alone)")
    else:
        path = Path(os.environ.get("CLAIMWIRE_ATTRIBUTION_MODEL") or learned.MODEL_PATH)
        print(f"tagger: {path.name} {path.stat().st_size / 1e6:.1f} MB, loaded in {load_s:.2f}s")
    return rc


if __name__ == "__main__":
    sys.exit(main())
