"""Units: sentences joined where a quotation runs across their boundary."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Sequence

from ..records import Sentence
from .quotes import Quotations


@dataclass(slots=True)
class Unit:
    start: int
    end: int
    sentence_idx: int
    paragraph_idx: int
    kind: str


def build_units(sentences: Sequence[Sentence], quotes: Quotations) -> list[Unit]:
    units: list[Unit] = []
    reach = -1
    for i, s in enumerate(sentences):
        if units and s.start < reach and s.paragraph_idx == units[-1].paragraph_idx:
            units[-1].end = max(units[-1].end, s.end)
        else:
            units.append(Unit(s.start, s.end, i, s.paragraph_idx, s.kind))
            reach = -1
        reach = max(reach, quotes.crossing_end(s.start, s.end))
    return units


def unit_at(unit_starts: Sequence[int], pos: int) -> int:
    """Index of the last unit that starts at or before `pos` (0 when none does); `unit_starts` ascending."""
    return max(bisect_right(unit_starts, pos) - 1, 0)
