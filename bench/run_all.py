"""`make bench`: every benchmark in bench/, one after the other; all on one core but the pipeline
bench, which measures the worker processes on every core (`CLAIMWIRE_BENCH_DOCS` sets its size)."""

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHES = ["pipeline_bench.py", "segment_bench.py", "attribution_eval.py", "attribution_errors.py",
           "attribution_agreement.py", "long_document_bench.py", "sensor_bench.py",
           "stories_basil.py", "stories_scale.py", "speakers_basil.py", "speaker_registry_basil.py", "indirect_precision.py",
           "claim_links_gold.py", "linking_bench.py", "linking_incremental_basil.py",
           "checkworthiness_cv.py"]
EVERY_CORE = {"pipeline_bench.py": ["--views", "--speedup"]}

if __name__ == "__main__":
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if cores:
        os.sched_setaffinity(0, {min(cores)})  # one core; the benchmarks inherit it
    failed = []
    for name in BENCHES:
        if not (HERE / name).exists():
            continue
        print(f"\n=== {name}", flush=True)
        widen = (lambda: os.sched_setaffinity(0, cores)) if cores and name in EVERY_CORE else None
        command = [sys.executable, str(HERE / name), *EVERY_CORE.get(name, [])]
        if subprocess.run(command, preexec_fn=widen).returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    sys.exit(1 if failed else 0)
