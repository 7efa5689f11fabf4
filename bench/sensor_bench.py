"""Runtime of the inbox sensor's tick on an inbox of 10,000 files.

    .venv/bin/python bench/sensor_bench.py [--files N]

First tick: every file is new (stat + hash). Second tick: nothing changed
(stat only). Third tick: 1% of the files changed.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import dagster as dg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipelines.resources import TableStoreResource  # noqa: E402
from pipelines.sensors import inbox_sensor  # noqa: E402


def tick(instance, store, cursor):
    started = time.perf_counter()
    result = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"store": store}, cursor=cursor))
    return time.perf_counter() - started, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, dg.instance_for_test() as instance:
        inbox = Path(tmp) / "inbox"
        for i in range(args.files):
            folder = inbox / f"source{i % 20}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{i:06}.txt").write_text(f"Story {i}\nThe minister said on day {i} that taxes would rise.\n" * 20)
        os.environ["CLAIMWIRE_INBOX"] = str(inbox)
        store = TableStoreResource(data_dir=str(Path(tmp) / "data"))
        took, first = tick(instance, store, None)
        print(f"inbox of {args.files:,} files")
        print(f"first tick (all new):      {took:6.2f} s, {len(first.run_requests)} run requests, "
              f"cursor {len(first.cursor) / 1024:,.0f} KiB")
        took, second = tick(instance, store, first.cursor)
        print(f"second tick (no change):   {took:6.2f} s, {len(second.run_requests or [])} run requests")
        for i in range(0, args.files, 100):
            path = inbox / f"source{i % 20}" / f"{i:06}.txt"
            path.write_text(path.read_text() + "Updated.\n")
        took, third = tick(instance, store, second.cursor)
        print(f"third tick (1% changed):   {took:6.2f} s, {len(third.run_requests)} run requests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
