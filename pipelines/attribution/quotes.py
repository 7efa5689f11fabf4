"""Quotation spans of a document: where quoted material starts and ends."""

from __future__ import annotations

import re
from bisect import bisect_right

# “ opens, ” closes; a straight " or a doubled '' (NYT style) toggles.
_MARK = re.compile(r"“|”|\"|''|\n")
OPENING = frozenset("“\"'‘")
CLOSING = frozenset("”\"'’")
QUOTE_CHARS = frozenset("“”\"‘’'")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Half-open spans of double-quoted material, quote marks included.

    A quotation still open at the end of its paragraph (a quote running on
    into the next paragraph) ends with that paragraph's last non-space char.
    """
    spans: list[tuple[int, int]] = []
    open_at = -1
    open_mark = ""
    for m in _MARK.finditer(text):
        mark, pos = m.group(), m.start()
        if mark == "\n":
            if open_at >= 0:
                end = pos
                while end > open_at and text[end - 1].isspace():
                    end -= 1
                if end - open_at > 1:
                    spans.append((open_at, end))
                open_at = -1
            continue
        if mark == "“":
            open_at, open_mark = pos, mark
        elif mark == "”":
            if open_at >= 0:
                spans.append((open_at, m.end()))
                open_at = -1
        elif open_at >= 0 and (open_mark == mark or open_mark == "“"):
            spans.append((open_at, m.end()))
            open_at = -1
        else:
            open_at, open_mark = pos, mark
    if open_at >= 0:
        end = len(text.rstrip())
        if end - open_at > 1:
            spans.append((open_at, end))
    return spans


class Quotations:
    """Lookup of a document's quotation spans by position."""

    __slots__ = ("spans", "_starts")

    def __init__(self, text: str):
        self.spans = quotation_spans(text)
        self._starts = [s for s, _ in self.spans]

    def containing(self, pos: int) -> tuple[int, int] | None:
        """The quotation holding position `pos` strictly inside its marks."""
        i = bisect_right(self._starts, pos) - 1
        if i >= 0:
            start, end = self.spans[i]
            if start < pos < end - 1:
                return self.spans[i]
        return None

    def starting_at(self, pos: int) -> tuple[int, int] | None:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0 and self.spans[i][0] == pos:
            return self.spans[i]
        return None

    def within(self, start: int, end: int) -> list[tuple[int, int]]:
        i = bisect_right(self._starts, start - 1)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            out.append(self.spans[i])
            i += 1
        return out

    def crossing_end(self, start: int, end: int) -> int:
        """The end of a quotation that opens in [start, end) and closes after `end`, else -1."""
        furthest = -1
        for s, e in self.within(start, end):
            if e > end:
                furthest = max(furthest, e)
        return furthest
