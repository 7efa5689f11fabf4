"""End-to-end throughput of `claimwire run` on a generated corpus: per stage time, MB/s, docs/s, peak RSS.

    .venv/bin/python bench/pipeline_bench.py [--docs N] [--workers W] [--speedup] [--views]

`--docs` defaults to `$CLAIMWIRE_BENCH_DOCS`, else 20,000.  The corpus
(`bench/articles.py`: distinct variants of the PolNeAR and BASIL texts of
../shared/data, over ten outlets and seven years) is written as JSONL to
`--work` (default: a temp folder), then `claimwire run` processes it into a
fresh data directory in a child process while this one samples the resident
memory of that process and its worker processes (summed) every 0.2 s.  Each
stage's wall time comes from the run's Dagster event log (step start to step
success); MB/s counts the article text (UTF-8) over the stage's wall time,
also for stages that do not read the text, so the rows add up to the whole.

Also printed:

- segmentation-only and tagging-only throughput on one core (in this
  process, on the first 1,000 articles): `segment.split_sentences` alone,
  and `steps.tag_document` on ready sentences;
- with `--speedup`: splitting and tagging of the same parts with 1 and then
  2 worker processes, their wall times and the ratio, with the machine's
  load average (`os.getloadavg`) before and after, since other processes
  share the cores;
- with `--views`: each `sql/` view's wall time (all its rows fetched) on the
  warehouse just built, and `EXPLAIN ANALYZE` of the slowest (`views_bench.py`).

`--keep DIR` keeps the data directory (to query it or compact it later).
The bench asserts the end-to-end targets of issue 13 only where asked
(`--check`): at least 0.5 MB/s and a peak RSS of at most 1.5 GB.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import articles  # noqa: E402
import views_bench  # noqa: E402

DEFAULT_DOCS = 20_000
TARGET_MB_S, TARGET_RSS_MB = 0.5, 1536


class MemorySampler(threading.Thread):
    """Samples the summed RSS of a process and its descendants; keeps (time, MB) pairs."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.root, self.every, self.samples = psutil.Process(pid), every, []
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                procs = [self.root, *self.root.children(recursive=True)]
            except psutil.NoSuchProcess:
                return
            total = 0
            for p in procs:
                try:
                    total += p.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
            self.samples.append((time.time(), total / 2**20))
            self.stop.wait(self.every)

    def peak(self, start: float = 0.0, end: float = float("inf")) -> float:
        inside = [mb for t, mb in self.samples if start <= t <= end]
        return max(inside, default=0.0)


def stage_times(data_dir: Path) -> list[tuple[str, float, float]]:
    """(step, start, end) of the last run in `data_dir`'s Dagster instance, in start order."""
    os.environ["DAGSTER_HOME"] = str(data_dir / ".dagster")
    import dagster as dg

    instance = dg.DagsterInstance.get()
    run = instance.get_runs(limit=1)[0]
    starts, ends = {}, {}
    for record in instance.all_logs(run.run_id):
        event = record.dagster_event
        if event is None or not record.step_key:
            continue
        if event.event_type_value == "STEP_START":
            starts[record.step_key] = record.timestamp
        elif event.event_type_value in ("STEP_SUCCESS", "STEP_FAILURE"):
            ends[record.step_key] = record.timestamp
    return sorted(((k, starts[k], ends[k]) for k in starts if k in ends), key=lambda x: x[1])


INGEST_ONLY = "import sys; from pipelines import steps; from pipelines.store import TableStore; " \
              "steps.ingest([sys.argv[1]], TableStore(sys.argv[2]), folder='ingest_day=bench')"


def run_claimwire(corpus: Path, data_dir: Path, workers: int | None, ingest_only: bool = False
                  ) -> tuple[float, MemorySampler, str]:
    """`claimwire run` on `corpus` in a child process; returns (wall seconds, memory samples, its stdout).

    With `ingest_only` the child runs the ingest step alone (`steps.ingest`, no Dagster)."""
    command = [str(Path(sys.executable).with_name("claimwire")), "run", str(corpus), "--data-dir", str(data_dir), "--quiet"]
    if workers:
        command += ["--workers", str(workers)]
    if ingest_only:
        command = [sys.executable, "-c", INGEST_ONLY, str(corpus), str(data_dir)]
    started = time.time()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    sampler = MemorySampler(proc.pid)
    sampler.start()
    out, _ = proc.communicate()
    wall = time.time() - started
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"claimwire run failed (exit {proc.returncode})")
    return wall, sampler, out


def print_stages(n_docs: int, mb: float, wall: float, sampler: MemorySampler, stages) -> None:
    print(f"{'stage':34}{'wall s':>9}{'MB/s':>9}{'docs/s':>10}{'peak RSS MB':>13}")
    for step, start, end in stages:
        took = max(min(end, sampler.samples[-1][0]) - max(start, sampler.samples[0][0]), 1e-6)
        print(f"{step:34}{took:9.1f}{mb / took:9.3f}{n_docs / took:10.1f}{sampler.peak(start, end):13.0f}")
    print(f"{'claimwire run (whole, with start-up)':34}{wall:9.1f}{mb / wall:9.3f}{n_docs / wall:10.1f}{sampler.peak():13.0f}")


def per_core(corpus: Path, n: int = 1000) -> None:
    """Segmentation-only and tagging-only throughput in this process (one core)."""
    from pipelines import checkworthiness, segment, steps
    from pipelines.ingest import iter_records
    from pipelines.records import Sentence

    docs = [d for _, d in zip(range(n), iter_records([corpus]))]
    mb = sum(len(d.text.encode("utf-8")) for d in docs) / 1e6
    started = time.process_time()
    split = [segment.split_sentences(d.text, title=d.title, dateline=d.dateline) for d in docs]
    seg = time.process_time() - started
    model = checkworthiness.load_model()
    ready = [[Sentence(s.start, s.end, s.paragraph_idx, s.kind) for s in found] for found in split]
    scores = [model.score([d.text[s.start:s.end] for s in found]) for d, found in zip(docs, ready)]
    started = time.process_time()
    for d, found, sc in zip(docs, ready, scores):
        steps.tag_document(d.doc_id, d.text, found, list(sc), model)
    tag = time.process_time() - started
    print(f"\nper core (CPU time, {len(docs):,} articles, {mb:.1f} MB):")
    print(f"  segmentation only: {len(docs) / seg:8.1f} docs/s {mb / seg:7.3f} MB/s")
    print(f"  tagging only:      {len(docs) / tag:8.1f} docs/s {mb / tag:7.3f} MB/s")


def speedup(corpus: Path, work: Path, n_docs: int) -> None:
    """Split and tag the same parts with 1 and with 2 worker processes; wall times and the ratio."""
    from pipelines import steps
    from pipelines.store import TableStore

    store = TableStore(work / "speedup")
    steps.ingest([str(corpus)], store, batch_size=max(1, n_docs // 8))
    times = {}
    for workers in (1, 2):
        load = os.getloadavg()[0]
        started = time.perf_counter()
        steps.segment_pending(store, reprocess=True, workers=workers)
        steps.tag_pending(store, reprocess=True, workers=workers)
        times[workers] = time.perf_counter() - started
        print(f"  {workers} worker process(es): {times[workers]:7.1f} s  (load average before {load:.2f}, after {os.getloadavg()[0]:.2f})")
    print(f"  speed-up 1 -> 2 processes: {times[1] / times[2]:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=int(os.environ.get("CLAIMWIRE_BENCH_DOCS") or DEFAULT_DOCS))
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the corpus (kept; reused when present)")
    parser.add_argument("--keep", type=Path, default=None, help="keep the data directory here")
    parser.add_argument("--speedup", action="store_true", help="also measure 1 vs 2 worker processes")
    parser.add_argument("--speedup-docs", type=int, default=4000)
    parser.add_argument("--speedup-only", action="store_true", help="only the 1 vs 2 processes measurement")
    parser.add_argument("--views", action="store_true", help="also time every sql/ view")
    parser.add_argument("--ingest-only", action="store_true", help="run the ingest step alone (its memory at any N)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target of issue 13 is missed")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="claimwire-bench-")
    try:
        work = args.work or Path(tmp)
        if args.speedup_only:
            small = work / f"articles-{args.speedup_docs}.jsonl"
            if not small.exists():
                articles.write_corpus(args.speedup_docs, small)
            print(f"speed-up ({args.speedup_docs:,} articles split and tagged):")
            speedup(small, Path(tmp), args.speedup_docs)
            return 0
        corpus = work / f"articles-{args.docs}.jsonl"
        if not corpus.exists():
            articles.write_corpus(args.docs, corpus)
        mb = text_megabytes(corpus)
        data_dir = args.keep or Path(tmp) / "data"
        if data_dir.exists():
            shutil.rmtree(data_dir)
        print(f"{args.docs:,} articles, {mb:.1f} MB of text; {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}")
        wall, sampler, _ = run_claimwire(corpus, data_dir, args.workers, args.ingest_only)
        if args.ingest_only:
            print_stages(args.docs, mb, wall, sampler, [("ingest alone (steps.ingest, no Dagster)", 0, float("inf"))])
            return 0
        print_stages(args.docs, mb, wall, sampler, stage_times(data_dir))
        rate = mb / wall
        print(f"estimate for 1,000,000 articles at this rate: {1e6 / (args.docs / wall) / 3600:.1f} h")
        if args.views:
            print()
            views_bench.time_views(data_dir)
        per_core(corpus)
        if args.speedup:
            print(f"\nspeed-up ({args.speedup_docs:,} articles split and tagged):")
            small = work / f"articles-{args.speedup_docs}.jsonl"
            if not small.exists():
                articles.write_corpus(args.speedup_docs, small)
            speedup(small, Path(tmp), args.speedup_docs)
        missed = []
        if rate < TARGET_MB_S:
            missed.append(f"{rate:.3f} MB/s < {TARGET_MB_S}")
        if sampler.peak() > TARGET_RSS_MB:
            missed.append(f"peak RSS {sampler.peak():.0f} MB > {TARGET_RSS_MB}")
        if missed:
            print("targets missed: " + "; ".join(missed))
        return 1 if missed and args.check else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def text_megabytes(corpus: Path) -> float:
    import json

    with open(corpus, encoding="utf-8") as fh:
        return sum(len(json.loads(line)["text"].encode("utf-8")) for line in fh) / 1e6


if __name__ == "__main__":
    sys.exit(main())
