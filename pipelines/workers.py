"""Worker processes for the CPU-bound steps: one document part per task, results in input order.

The worker count is `$CLAIMWIRE_WORKERS` when set (`claimwire run --workers N`
sets it), else the number of cores; 1 runs everything in the calling process.
Workers are started with `spawn` (a fresh interpreter, nothing inherited from
a threaded parent such as Dagster's) and each task names its part, so what
crosses the process boundary is a part key out and a few counts back: the
documents themselves are read and written by the worker.  A part's output
depends on that part alone, so a parallel run writes the same tables as a
serial one.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

ENV = "CLAIMWIRE_WORKERS"
T = TypeVar("T")
R = TypeVar("R")


def worker_count(workers: int | None = None) -> int:
    """`workers` if given (>0), else `$CLAIMWIRE_WORKERS`, else the number of cores usable here."""
    if workers and workers > 0:
        return workers
    configured = os.environ.get(ENV, "").strip()
    if configured:
        try:
            value = int(configured)
        except ValueError:
            raise ValueError(f"${ENV} must be a whole number of worker processes, got {configured!r}") from None
        if value > 0:
            return value
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def runs_in_process(n_items: int, workers: int | None = None) -> bool:
    """Whether `map_ordered` over `n_items` items would work in this process (one worker, one item,
    or a daemonic process, which may not start children)."""
    return min(worker_count(workers), n_items) <= 1 or multiprocessing.current_process().daemon


def map_ordered(task: Callable[[T], R], items: Sequence[T], workers: int | None = None) -> Iterator[R]:
    """`task(item)` for each item, yielded in the items' order; in worker processes when there are
    several items and more than one worker, else in this process.  `task` must be a module-level function."""
    if runs_in_process(len(items), workers):
        yield from map(task, items)
        return
    n = min(worker_count(workers), len(items))
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(task, items)
