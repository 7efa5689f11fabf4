"""Sentence splitting for news text, with exact character offsets.

Layout first: every non-empty line (between `\\n`, `\\r\\n` or `\\r` breaks) is a
paragraph, and no sentence crosses a line break.  Headline lines (the first
line or lines, when they match the title up to punctuation, spacing and case),
the dateline line and sub-headline lines are kept whole.  Every other line is
cut after sentence-final punctuation (`.`, `!`, `?`, `...`, `…`, with any
closing quotes or brackets) that is followed by white space, unless:

* the next word starts in lower case or with a dash (`"Great." she said`,
  `9 p.m. -- White House`), or is only closers or dots (`. . .`);
* a quotation ending in `?` or `!` is followed by a speaker tag
  (`"Why?" Mr. Gowdy asked`), or one ending in `.` by a closing tag
  (`"I love that." Mr. Biden said.`);
* the full stop closes an abbreviation: a title that never ends a sentence
  (`Sen.`, `Mr.`, `v.`), a number abbreviation before a number (`No. 2`), or an
  abbreviation, acronym or initial not followed by a sentence starter
  (`Jan. 20`, `U.S. President`, `John F. Kennedy`, but `the U.S. How...`);
  `a.m.`/`p.m.` end a sentence before a capitalised word unless it qualifies
  the time (`5 p.m. Eastern`);
* a three-dot ellipsis (`...`, `…`, `. . .`, `[...]`) stays inside its sentence,
  while a full stop plus an ellipsis (`that.... She`, `hell. ... The`) ends it;
* a list marker opens the sentence (`1.`, `2.)`, `a.`); a line that starts with
  one is also cut before each following marker (`1) first 2) second`).

Lexicons (one entry a line) live in `pipelines/lexicons/` and are read once at
import.  Every non-white-space character of the text lies in exactly one
sentence, and no sentence starts or ends with white space (`str.isspace`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from pipelines.records import Sentence

__all__ = ["split_sentences"]

_LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"


class _Lexicon(NamedTuple):
    """Entries written with a capital match as written; the rest match in any case."""

    exact: frozenset[str]
    folded: frozenset[str]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and (word in self.exact or word.lower() in self.folded)


def _load_lexicon(name: str) -> _Lexicon:
    """Read one lexicon file: one entry a line, `#` starts a comment."""
    entries = set()
    with open(_LEXICON_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            entry = line.split("#", 1)[0].strip()
            if entry:
                entries.add(entry)
    return _Lexicon(
        exact=frozenset(e for e in entries if e != e.lower()),
        folded=frozenset(e for e in entries if e == e.lower()),
    )


_ABBREVIATIONS = _load_lexicon("abbreviations.txt")
_PREFIX_ABBREVIATIONS = _load_lexicon("abbreviations_prefix.txt")
_NUMERIC_ABBREVIATIONS = _load_lexicon("abbreviations_numeric.txt")
_TIME_ABBREVIATIONS = _load_lexicon("time_abbreviations.txt")
_TIME_QUALIFIERS = _load_lexicon("time_qualifiers.txt")
_SENTENCE_STARTERS = _load_lexicon("sentence_starters.txt")
_MINOR_WORDS = _load_lexicon("titlecase_minor_words.txt")
_TAG_VERBS = "|".join(sorted(map(re.escape, _load_lexicon("quote_tag_verbs.txt").folded)))

_OPENERS = "\"'“‘«‹„‚([{¿¡"
_CLOSERS = "\"'”’»›)]}"
_LINE = re.compile(r"[^\r\n]+")
# A token ending in sentence-final punctuation and closers (a detached curly
# quote or bracket included: `law.’ ”`), then white space.
# (Possessive runs and the look-behind keep it linear on long punctuation runs.)
_CANDIDATE = re.compile(
    r"(?<!\S)(\S*?)(?<![.!?…‽])([.!?…‽]++)([\"'”’»›)\]}]*+(?:\s+[”’»›)\]}]++(?=\s))*)(\s+)(?=\S)"
)
_TOKEN = re.compile(r"\S+")
_LEAD_WORD = re.compile(r"[^\W\d_]+")
_NO_START = re.compile(r"[.…\"'”’»›)\]}]+")
_DASHES = "—–―-"
_BULLETS = "•◦▪‣⁃*—–―-"
_INITIAL = re.compile(r"[^\W\d_]\.")
_SPEAKER = r"(?:[A-Z][\w.'’-]*\s+){1,4}"
# A quote tag after a closing quote: `"...?" Walsh asked`, `"..." Mr. Biden said.`
_QUOTE_TAG = re.compile(rf"{_SPEAKER}(?:{_TAG_VERBS})(?:(?P<tail>[.,;:])|\s|$)")
_ACRONYM = re.compile(r"(?:[^\W\d_]{1,3}\.&?)+[^\W\d_]{1,3}")
_LIST_MARKER = re.compile(r"[•◦▪‣⁃]?\s?[(\[]?(?:\d{1,3}|[A-Za-z])")
_LINE_LIST_START = re.compile(r"(?P<bullet>[•◦▪‣⁃])|(?P<label>\d{1,3}|[a-z])(?P<suffix>\.\)|\.|\))\s")
_TERMINAL = re.compile(r"[.!?…:;,][\"'”’»›)\]}]*$")
_QUOTE_SPEAKER = re.compile(r"^[\"'“‘].+[\"'”’].*:\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}$")
_KEY_DROP = re.compile(r"[\W_]+")
_MAX_SUBHEAD_CHARS = 120
_MAX_SUBHEAD_WORDS = 16
_MAX_HEADLINE_CHARS = 250
_MAX_TITLE_LINES = 3


def split_sentences(text: str, title: str | None = None, dateline: str | None = None) -> list[Sentence]:
    """Split `text` into headline, dateline and body sentences, in document order."""
    lines = _paragraphs(text)
    if not lines:
        return []
    kinds = _line_kinds(text, lines, title, dateline)
    out: list[Sentence] = []
    for idx, ((start, end), kind) in enumerate(zip(lines, kinds)):
        if kind != "body":
            out.append(Sentence(start, end, idx, kind))
            continue
        for s, e in _split_line(text, start, end):
            out.append(Sentence(s, e, idx, "body"))
    return out


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Stripped `(start, end)` of every non-blank line."""
    spans = []
    for m in _LINE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
    return spans


def _line_kinds(text: str, lines: list[tuple[int, int]], title: str | None, dateline: str | None) -> list[str]:
    """Kind of each paragraph line: headline, dateline or body."""
    kinds = ["body"] * len(lines)
    want = dateline.strip().casefold() if dateline and dateline.strip() else None
    first = text[lines[0][0] : lines[0][1]]
    n_title = 0 if title is None and first.casefold() == want else _title_lines(text, lines, title)
    for i in range(n_title):
        kinds[i] = "headline"
    for i in range(n_title, len(lines)):
        start, end = lines[i]
        line = text[start:end]
        if want is not None and line.casefold() == want:
            kinds[i] = "dateline"
            want = None
        elif _is_subheadline(line):
            kinds[i] = "headline"
    return kinds


def _title_lines(text: str, lines: list[tuple[int, int]], title: str | None) -> int:
    """How many leading lines form the headline (0 if none)."""
    if title is None:
        first = text[lines[0][0] : lines[0][1]]
        looks = len(lines) > 1 and len(first) <= _MAX_HEADLINE_CHARS and not _TERMINAL.search(first)
        return int(looks)
    want = _title_key(title)
    if not want:
        return 0
    joined = ""
    for i, (start, end) in enumerate(lines[:_MAX_TITLE_LINES]):
        joined += _title_key(text[start:end])
        if joined == want:
            return i + 1
        if not want.startswith(joined):
            return 0
    return 0


def _title_key(s: str) -> str:
    """Letters and digits only, case-folded: titles match lines up to punctuation and spacing."""
    return _KEY_DROP.sub("", s).casefold()


def _is_subheadline(line: str) -> bool:
    """A short body line without final punctuation, in title case or `'Quote' ...: Speaker` form."""
    if len(line) > _MAX_SUBHEAD_CHARS or _TERMINAL.search(line) or line[0] in _BULLETS:
        return False
    words = line.split()
    if not 2 <= len(words) <= _MAX_SUBHEAD_WORDS:
        return False
    if _QUOTE_SPEAKER.match(line):
        return True
    content = [w.lstrip(_OPENERS) for w in words]
    content = [w for w in content if w[:1].isalpha() and w not in _MINOR_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised >= 0.75 * len(content)


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of one stripped body line `text[start:end]`."""
    marker_cuts = _list_cuts(text, start, end)
    cuts = []  # (end of a sentence, start of the next)
    sent_start = start
    j = 0
    for m in _CANDIDATE.finditer(text, start, end):
        while j < len(marker_cuts) and marker_cuts[j][1] <= m.start():
            cuts.append(marker_cuts[j])
            sent_start = marker_cuts[j][1]
            j += 1
        if _is_boundary(text, m, sent_start, end):
            cut = (m.end(3), m.end())
            if j < len(marker_cuts) and marker_cuts[j] == cut:
                j += 1
            cuts.append(cut)
            sent_start = m.end()
    cuts.extend(marker_cuts[j:])
    spans = []
    sent_start = start
    for cut_end, next_start in cuts:
        spans.append((sent_start, cut_end))
        sent_start = next_start
    spans.append((sent_start, end))
    return spans


def _is_boundary(text: str, m: re.Match[str], sent_start: int, end: int) -> bool:
    """Whether the punctuation matched by `m` (a `_CANDIDATE`) ends a sentence."""
    tok, punct, close = m.group(1), m.group(2), m.group(3)
    nxt = _TOKEN.match(text, m.end(), end).group()  # type: ignore[union-attr]
    nxt_core = nxt.lstrip(_OPENERS)
    if nxt_core[:1].islower() or nxt_core[:1] in _DASHES or _NO_START.fullmatch(nxt):
        return False  # `"Great." she said`, `p.m. -- White House`, `. . .`, `law.' "`
    quoted = bool(close) and any(q in close for q in "\"'”’»›")
    if quoted and (tag := _QUOTE_TAG.match(text, m.end(), end)):
        return "." in punct and tag.group("tail") not in (".", ",")  # `"Why?" Walsh asked.`
    if "!" in punct or "?" in punct or "‽" in punct:
        return True
    if tok.endswith("["):
        return False  # `[...]` marks an omission
    if m.start(2) - sent_start <= 5 and _LIST_MARKER.fullmatch(text, sent_start, m.start(2)):
        return False  # `1.`, `2.)`, `a.`, `• 9.` opening a sentence
    dots = punct.count(".") + 3 * punct.count("…")
    if not tok:
        dots = _dot_run(text, m.end(2) - 1, sent_start)
    if dots == 3:
        return quoted  # an ellipsis goes on unless a quotation closes after it
    if dots >= 4 or quoted:
        return True
    core = tok.lstrip(_OPENERS)
    if not core or core[-1] in _CLOSERS:
        return True
    if "-" in core:
        core = core.rpartition("-")[2]
    word_m = _LEAD_WORD.match(nxt_core)
    word = word_m.group() if word_m else ""
    starts = word in _SENTENCE_STARTERS and not _INITIAL.fullmatch(nxt_core)
    if len(core) == 1 and core.isupper():
        if core == "I" and _previous_word_is_lower(text, m.start(1), sent_start):
            return True  # the pronoun: `you and I. Did you...`
        return starts  # an initial: `John F. Kennedy`
    if core in _PREFIX_ABBREVIATIONS:
        return False
    if core in _NUMERIC_ABBREVIATIONS:
        return not nxt_core[:1].isdigit()
    if core in _TIME_ABBREVIATIONS:
        zone = _LEAD_WORD.match(nxt_core.replace(".", ""))  # `E.T.` reads as `ET`
        return nxt_core[:1].isupper() and not (zone and zone.group() in _TIME_QUALIFIERS)
    if core in _ABBREVIATIONS or _ACRONYM.fullmatch(core):
        return starts
    return True


def _dot_run(text: str, pos: int, floor: int) -> int:
    """Count the dots of a spaced ellipsis run ending at the lone dot at `pos`."""
    dots = 0
    i = pos
    while i >= floor:
        ch = text[i]
        if ch == ".":
            dots += 1
        elif ch == "…":
            dots += 3
        elif not (ch == " " and i > floor and text[i - 1] in ".…"):
            break
        i -= 1
    return dots


def _previous_word_is_lower(text: str, pos: int, floor: int) -> bool:
    """Whether the word before `pos` (in the same sentence) starts in lower case."""
    before = text[max(floor, pos - 64) : pos].split()
    return bool(before) and before[-1].lstrip(_OPENERS)[:1].islower()


def _list_cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cuts before each following list marker, when the line starts with one."""
    first = _LINE_LIST_START.match(text, start, end)
    if first is None:
        return []
    if first.group("bullet"):
        follower = re.compile(r"\s+(?=" + re.escape(first.group("bullet")) + ")")
        return [(m.start(), m.end()) for m in follower.finditer(text, first.end(), end)]
    label, suffix = first.group("label"), first.group("suffix")
    cuts = []
    pos = first.end()
    while True:
        label = str(int(label) + 1) if label.isdigit() else chr(ord(label) + 1)
        if not label.isalnum():
            return cuts
        nxt = re.compile(r"\s+(?=" + re.escape(label + suffix) + r"\s)").search(text, pos, end)
        if nxt is None:
            return cuts
        cuts.append((nxt.start(), nxt.end()))
        pos = nxt.end()
