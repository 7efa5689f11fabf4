"""Benchmark sentence splitters: pySBD golden rules, BASIL boundaries, throughput.

Run from the repository root:

    .venv/bin/python bench/segment_bench.py [--errors N] [--only NAME[,NAME]]

Compares `pipelines.segment.split_sentences` with the baselines that are
installed (sentencex, pysbd, nupunkt, blingfire, syntok, nltk punkt); missing
ones are skipped.  Every baseline runs inside the same layout frame as ours:
the text is cut at line breaks first and each stripped line is split on its
own, so the numbers compare the in-line splitters.

a. Golden rules: pySBD's 48 English golden rules (shipped with the pysbd
   wheel as `benchmarks.english_golden_rules`), exact matches.
b. BASIL (`../shared/data/basil/articles/<year>/*.json`, all years present):
   each paragraph's reference sentences joined with one space, paragraphs
   with "\\n"; precision / recall / F1 of sentence-end offsets, over all
   boundaries and over boundaries inside paragraphs (line ends are given).
c. Throughput on one core (the process is pinned to one CPU) over ~20 MB of
   PolNeAR train text repeated; slow splitters run on a smaller slice sized to
   take about two seconds, and the slice size is printed.

Data under ../shared/data is optional: each part that needs it is skipped
with a message when it is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.segment import split_sentences  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
BASIL = DATA / "basil" / "articles"
POLNEAR_TRAIN = DATA / "polnear" / "train" / "text"
THROUGHPUT_CHARS = 20_000_000
SLOW_SECONDS = 2.0
LINE = re.compile(r"[^\r\n]+")

Spans = list[tuple[int, int]]


def ours(text: str) -> Spans:
    """Our splitter, through the public API (title and dateline unknown)."""
    return [(s.start, s.end) for s in split_sentences(text)]


def per_line(split_line: Callable[[str], list[str]]) -> Callable[[str], Spans]:
    """Wrap a string-returning in-line splitter: cut lines, split each, find offsets."""

    def run(text: str) -> Spans:
        spans: Spans = []
        for m in LINE.finditer(text):
            line = m.group()
            if not line.strip():
                continue
            pos = 0
            for sent in split_line(line):
                sent = sent.strip()
                if not sent:
                    continue
                found = line.find(sent, pos)
                if found < 0:  # the splitter changed the text: keep what we can
                    continue
                spans.append((m.start() + found, m.start() + found + len(sent)))
                pos = found + len(sent)
        return spans

    return run


def baselines() -> dict[str, tuple[Callable[[str], Spans], Callable[[str], object]]]:
    """Installed baselines: name -> (offset splitter for scoring, raw whole-text call for speed)."""
    found: dict[str, tuple[Callable[[str], Spans], Callable[[str], object]]] = {}
    try:
        import sentencex

        found["sentencex"] = (
            per_line(lambda line: sentencex.segment("en", line)),
            lambda text: list(sentencex.segment("en", text)),
        )
    except ImportError:
        print("skip sentencex: not installed")
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        found["pysbd"] = (per_line(seg.segment), seg.segment)
    except ImportError:
        print("skip pysbd: not installed")
    try:
        import nupunkt

        found["nupunkt"] = (per_line(nupunkt.sent_tokenize), nupunkt.sent_tokenize)
    except ImportError:
        print("skip nupunkt: not installed")
    try:
        import blingfire

        def bf(text: str) -> list[str]:
            return blingfire.text_to_sentences(text).split("\n")

        found["blingfire"] = (per_line(bf), bf)
    except ImportError:
        print("skip blingfire: not installed")
    try:
        from syntok import segmenter

        def sy(text: str) -> list[str]:
            out = []
            for paragraph in segmenter.analyze(text):
                for sentence in paragraph:
                    out.append(text[sentence[0].offset : sentence[-1].offset + len(sentence[-1].value)])
            return out

        found["syntok"] = (per_line(sy), sy)
    except ImportError:
        print("skip syntok: not installed")
    try:
        from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

        if POLNEAR_TRAIN.is_dir():
            # No punkt model is shipped with the wheel and none is downloaded:
            # train Punkt unsupervised on PolNeAR train text instead.
            trainer = PunktTrainer()
            trainer.INCLUDE_ALL_COLLOCS = True
            sample = "\n".join(p.read_text(encoding="utf-8") for p in sorted(POLNEAR_TRAIN.glob("*.txt")))
            trainer.train(sample[:2_000_000], finalize=True)
            tok = PunktSentenceTokenizer(trainer.get_params())
            found["nltk-punkt*"] = (per_line(tok.tokenize), tok.tokenize)
        else:
            print("skip nltk punkt: no model shipped and no PolNeAR train text to train it on")
    except ImportError:
        print("skip nltk: not installed")
    return found


def golden_rules(name: str, split: Callable[[str], Spans], show: int) -> int | None:
    """Count exact matches on pySBD's English golden rules."""
    try:
        from benchmarks.english_golden_rules import GOLDEN_EN_RULES  # shipped by the pysbd wheel
    except ImportError:
        return None
    hits = 0
    for i, (text, expected) in enumerate(GOLDEN_EN_RULES, 1):
        got = [text[s:e] for s, e in split(text)]
        if got == expected:
            hits += 1
        elif show:
            print(f"  [{name}] golden {i}: {got}")
    return hits


def basil_docs() -> list[tuple[str, set[int], set[int]]]:
    """BASIL texts with reference sentence ends and paragraph ends."""
    docs = []
    for path in sorted(BASIL.glob("*/*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        parts, ends, para_ends, pos = [], set(), set(), 0
        for paragraph in record["body-paragraphs"]:
            sentences = [s.strip() for s in paragraph if s.strip()]
            if not sentences:
                continue
            if parts:
                parts.append("\n")
                pos += 1
            for k, sentence in enumerate(sentences):
                if k:
                    parts.append(" ")
                    pos += 1
                parts.append(sentence)
                pos += len(sentence)
                ends.add(pos)
            para_ends.add(pos)
        docs.append(("".join(parts), ends, para_ends))
    return docs


def prf(tp: int, n_pred: int, n_ref: int) -> tuple[float, float, float]:
    """Precision, recall, F1."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_ref if n_ref else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def basil(name: str, split: Callable[[str], Spans], docs, show: int) -> dict[str, tuple[float, float, float]]:
    """Boundary P/R/F1 on BASIL: all sentence ends, and ends inside paragraphs."""
    tp = n_pred = n_ref = tp_in = n_pred_in = n_ref_in = 0
    shown = 0
    for text, ref, para_ends in docs:
        pred = {e for _, e in split(text)}
        tp += len(pred & ref)
        n_pred += len(pred)
        n_ref += len(ref)
        pred_in, ref_in = pred - para_ends, ref - para_ends
        tp_in += len(pred_in & ref_in)
        n_pred_in += len(pred_in)
        n_ref_in += len(ref_in)
        for e in sorted(pred ^ ref):
            if shown < show:
                tag = "FP" if e in pred else "FN"
                print(f"  [{name}] {tag}: ...{text[max(0, e - 60) : e]!r} | {text[e : e + 40]!r}")
                shown += 1
    return {"all": prf(tp, n_pred, n_ref), "inside": prf(tp_in, n_pred_in, n_ref_in)}


def throughput(call: Callable[[str], object], corpus: str) -> tuple[float, int]:
    """M chars/s of `call` over `corpus`, or over a slice when the splitter is slow."""
    probe = corpus[:200_000]
    t0 = time.perf_counter()
    call(probe)
    rate = len(probe) / max(time.perf_counter() - t0, 1e-9)
    size = len(corpus) if rate * SLOW_SECONDS * 2 >= len(corpus) else int(rate * SLOW_SECONDS)
    cut = corpus.rfind("\n", 0, size) + 1 or size
    sample = corpus[:cut]
    t0 = time.perf_counter()
    call(sample)
    return len(sample) / (time.perf_counter() - t0) / 1e6, len(sample)


def main() -> None:
    """Run the three measurements and print one table."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--errors", type=int, default=0, help="print up to N failures per splitter and part")
    ap.add_argument("--only", default="", help="comma-separated splitter names to run")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    t_start = time.perf_counter()
    splitters: dict[str, tuple[Callable[[str], Spans], Callable[[str], object]]] = {"claimwire": (ours, ours)}
    splitters.update(baselines())
    if args.only:
        keep = set(args.only.split(","))
        splitters = {k: v for k, v in splitters.items() if k in keep}

    docs = basil_docs() if BASIL.is_dir() else None
    if docs is None:
        print(f"skip BASIL: {BASIL} is absent")
    corpus = ""
    if POLNEAR_TRAIN.is_dir():
        one = "\n".join(p.read_text(encoding="utf-8") for p in sorted(POLNEAR_TRAIN.glob("*.txt")))
        corpus = (one + "\n") * (THROUGHPUT_CHARS // (len(one) + 1) + 1)
        corpus = corpus[: corpus.rfind("\n", 0, THROUGHPUT_CHARS) + 1]
    else:
        print(f"skip throughput: {POLNEAR_TRAIN} is absent")
    if docs is not None:
        n_ref = sum(len(d[1]) for d in docs)
        print(f"BASIL: {len(docs)} articles, {n_ref} reference sentences, {sum(len(d[0]) for d in docs)} chars")

    try:
        import benchmarks.english_golden_rules  # noqa: F401
    except ImportError:
        print("skip golden rules: pysbd's benchmarks.english_golden_rules is not installed")

    rows = []
    for name, (split, raw) in splitters.items():
        golden = golden_rules(name, split, args.errors)
        scores = basil(name, split, docs, args.errors) if docs is not None else None
        speed = throughput(raw, corpus) if corpus else None
        rows.append((name, golden, scores, speed))

    print()
    print(f"{'splitter':<13} {'golden':>6} {'BASIL all P/R/F1':>20} {'BASIL in-para P/R/F1':>22} {'M chars/s':>10} {'over chars':>11}")
    for name, golden, scores, speed in rows:
        g = f"{golden}/48" if golden is not None else "n/a"
        a = "/".join(f"{x:.3f}" for x in scores["all"]) if scores else "n/a"
        b = "/".join(f"{x:.3f}" for x in scores["inside"]) if scores else "n/a"
        v = f"{speed[0]:.2f}" if speed else "n/a"
        n = f"{speed[1]:,}" if speed else "n/a"
        print(f"{name:<13} {g:>6} {a:>20} {b:>22} {v:>10} {n:>11}")
    print("\nM chars/s: claimwire through split_sentences (line layout + Sentence records);")
    print("baselines as the raw library call on the whole text (no line split, no offsets).")
    if any(name == "nltk-punkt*" for name, *_ in rows):
        print("* nltk punkt trained unsupervised on 2 M chars of PolNeAR train (no shipped model).")
    print(f"total {time.perf_counter() - t_start:.1f} s")


if __name__ == "__main__":
    main()
