"""Average linkage over a sparse graph of pair scores, with a limit on the time a group may span.

Pairs absent from the graph score 0, so a group joins another only when its
pairs to it are strong on average: one loose pair cannot chain two groups,
as it does under single linkage.  Group-to-group score sums live in a dict
of dicts and the best candidate merge on a heap (stale entries skipped), so
the work follows the number of scored pairs, not the square of the number
of items.  scipy's `cluster.hierarchy.linkage` needs the dense distance
matrix and has no span limit, hence these few lines.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Mapping, Sequence


def average_linkage(n: int, scores: Mapping[tuple[int, int], float], days: Sequence[float | None],
                    threshold: float, window: float) -> list[list[int]]:
    """Groups of `range(n)`: merge the two groups of best average pair score (missing pairs 0) above `threshold`
    while the `days` of a group (None: no date) span `window` at most."""
    members = {i: [i] for i in range(n)}
    span = {i: (days[i], days[i]) for i in range(n)}
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), s in scores.items():
        sums[i][j] = sums[j][i] = s
    heap = [(-s, i, j) for (i, j), s in scores.items() if s > threshold]
    heapq.heapify(heap)
    next_id = n
    while heap:
        _, a, b = heapq.heappop(heap)
        if a not in members or b not in members:
            continue
        lo = [d for d in (span[a][0], span[b][0]) if d is not None]
        hi = [d for d in (span[a][1], span[b][1]) if d is not None]
        if lo and max(hi) - min(lo) > window:
            continue
        c, next_id = next_id, next_id + 1
        members[c] = members.pop(a) + members.pop(b)
        span[c] = (min(lo), max(hi)) if lo else (None, None)
        for x in set(sums[a]) | set(sums[b]):
            if x in (a, b):
                continue
            total = sums[a].get(x, 0.0) + sums[b].get(x, 0.0)
            sums[x].pop(a, None), sums[x].pop(b, None)
            sums[c][x] = sums[x][c] = total
            average = total / (len(members[c]) * len(members[x]))
            if average > threshold:
                heapq.heappush(heap, (-average, x, c))
        del sums[a], sums[b]
    return list(members.values())
