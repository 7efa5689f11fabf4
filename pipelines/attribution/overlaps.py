"""Finding the spans that overlap a span without reading them all (what keeps long documents linear)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


class SpanIndex:
    """Spans `(start, end)` by start; a query reads only those starting within the longest span's reach."""

    def __init__(self, spans: Sequence[tuple[int, int]]):
        self.order = sorted(range(len(spans)), key=lambda k: spans[k][0])
        self.starts = [spans[k][0] for k in self.order]
        self.longest = max((b - a for a, b in spans), default=0)

    def near(self, lo: int, hi: int) -> list[int]:
        """Indices, ascending, of the spans that start in [`lo` - longest, `hi`): all that overlap [lo, hi)."""
        first = bisect_left(self.starts, lo - self.longest)
        last = bisect_left(self.starts, hi)
        return sorted(self.order[first:last])

    def starting_in(self, lo: int, hi: int) -> list[int]:
        """Indices, ascending, of the spans that start in [`lo`, `hi`)."""
        return sorted(self.order[bisect_left(self.starts, lo):bisect_left(self.starts, hi)])


class ContentIndex:
    """Which attributions' content fragments hold a position, bucketed by position."""

    BUCKET = 1024  # characters

    def __init__(self) -> None:
        self.buckets: dict[int, list[tuple[int, int, int]]] = {}

    def add(self, key: int, fragments) -> None:
        """Record the fragments (objects with `start`, `end`) of the attribution `key`; keys ascend."""
        for f in fragments:
            for bucket in range(f.start // self.BUCKET, (max(f.end, f.start + 1) - 1) // self.BUCKET + 1):
                self.buckets.setdefault(bucket, []).append((key, f.start, f.end))

    def holding(self, pos: int) -> list[int]:
        """Keys, ascending and distinct, of the attributions with a fragment that holds `pos`."""
        return sorted({key for key, a, b in self.buckets.get(pos // self.BUCKET, ()) if a <= pos < b})
