"""Read raw inputs (files, folders, JSON, JSONL, gzip) into `Document` records.

Every input record yields exactly one `Ingested` outcome: a `Document` or a
`Reject` with a short reason code and a readable detail, so that nothing is
lost silently and one bad record never stops the batch.  Pure of any table or
Dagster concern: `iter_records(paths)` is a generator over outcomes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import charset_normalizer

from pipelines.records import Document

SUFFIXES = (".jsonl.gz", ".jsonl", ".json", ".txt")
DEFAULT_MAX_BYTES = 10_000_000  # one article; a JSONL file may be any size, each line is checked
# Charsets tried, in order, for text that is not UTF-8: Western news archives are
# overwhelmingly Windows-1252, which the detector confuses with its Baltic cousins
# on short texts.
PREFERRED_CHARSETS = ("cp1252",)
MAX_CHAOS = 0.1  # charset_normalizer's mess ratio: above this a decoding is a guess
MIN_COHERENCE = 0.1  # and its language coherence: below this the text is no known language
# A web page saved as text: it opens as HTML, or its markup is dense (a tag per 500 characters or
# more, five at least) where an article quoting a tag (`the <b> tag`) has one or two.
_HTML_START = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_HTML_TAG = re.compile(r"</?(?:html|head|body|div|p|span|a|br|hr|script|style|meta|link|nav|article|section|header|"
                       r"footer|main|aside|ul|ol|li|table|tr|td|th|h[1-6]|img|iframe|form|input|button|strong|em|b|i|"
                       r"figure|figcaption|time|noscript|svg)\b[^<>]*>", re.I)
HTML_MIN_TAGS = 5
HTML_CHARS_PER_TAG = 500


@dataclass(frozen=True, slots=True)
class Reject:
    """An input record that could not be made into a document."""

    uri: str
    reason: str  # short code, e.g. "empty", "bad_json"
    detail: str
    n_bytes: int | None


Ingested = Document | Reject


class RecordError(ValueError):
    """A record that cannot become a document; `reason` is the short code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


def doc_id_for(text: str) -> str:
    """The document key: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def iter_records(paths: Iterable[str | os.PathLike], max_bytes: int = DEFAULT_MAX_BYTES,
                 source_root: str | os.PathLike | None = None) -> Iterator[Ingested]:
    """Yield a `Document` or a `Reject` for every record under `paths`, in a stable order.

    A folder is the input root of the files below it; a file given directly has `source_root`
    as its root when it lies below it (the inbox), else only the folder that holds it.
    """
    for given in paths:
        given = os.fspath(given)
        if os.path.isdir(given):
            for path in _walk(given):
                yield from _read_file(path, root=given, max_bytes=max_bytes)
        elif os.path.exists(given):
            yield from _read_file(given, root=_root_of(given, source_root), max_bytes=max_bytes)
        elif os.path.islink(given):
            yield _broken_link(given)
        else:
            yield Reject(given, "not_found", f"no such file or folder: {given}", None)


def _root_of(path: str, source_root: str | os.PathLike | None) -> str | None:
    """`source_root` when `path` lies below it, else None."""
    if source_root is None:
        return None
    root = os.path.abspath(source_root)
    return root if os.path.commonpath([root, os.path.abspath(path)]) == root else None


def _broken_link(path: str) -> Reject:
    return Reject(path, "broken_link", f"dangling symbolic link to {os.readlink(path)} (the target does not exist)", None)


def _walk(root: str) -> Iterator[str]:
    """Files below `root`, sorted, skipping hidden files and folders (.gitkeep, .DS_Store)."""
    for folder, subdirs, files in os.walk(root, onerror=None):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def _source_from_folder(path: str, root: str | None) -> str:
    """The outlet: the first folder below the input root that holds the file, else `unknown`.

    Without a root (a file given directly) it is the folder that holds the file, unless the
    file was named without a folder or sits in the working folder, which says nothing of its outlet.
    """
    if root is not None:
        parts = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).parts
        return parts[0] if len(parts) > 1 else "unknown"
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.dirname(path) or folder == os.getcwd():
        return "unknown"
    return os.path.basename(folder) or "unknown"


def _kind(path: str) -> str | None:
    lower = path.lower()
    return next((s for s in SUFFIXES if lower.endswith(s)), None)


def _stem(path: str) -> str:
    name = os.path.basename(path)
    kind = _kind(path)
    return name[: -len(kind)] if kind else os.path.splitext(name)[0]


def _read_file(path: str, root: str | None, max_bytes: int) -> Iterator[Ingested]:
    kind = _kind(path)
    folder_source = _source_from_folder(path, root)
    size = None
    try:
        if kind is None:
            size = _size(path)
            raise RecordError("unsupported_type", f"not one of {', '.join(SUFFIXES)}: {os.path.basename(path)}")
        if kind in (".jsonl", ".jsonl.gz"):
            yield from _read_jsonl(path, folder_source, max_bytes, compressed=kind == ".jsonl.gz")
            return
        size = _size(path)
        if size > max_bytes:
            raise RecordError("too_large", f"{size:,} bytes is over the limit of {max_bytes:,} bytes")
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
        size = len(raw)
        text = decode_text(raw)
        if kind == ".txt":
            check_not_html(text)
            title, dateline = title_and_dateline(text)
            yield make_document(text, uri=path, external_id=_stem(path), source=folder_source,
                                title=title, dateline=dateline, published_at=None)
        else:
            yield _document_from_json(text, uri=path, default_id=_stem(path), folder_source=folder_source)
    except RecordError as err:
        yield Reject(path, err.reason, err.detail, size)
    except FileNotFoundError:
        if os.path.islink(path):
            yield _broken_link(path)
        else:
            yield Reject(path, "vanished", "the file disappeared between listing and reading", None)
    except PermissionError as err:
        yield Reject(path, "unreadable", f"permission denied: {err.strerror or err}", None)
    except OSError as err:
        yield Reject(path, "unreadable", f"{type(err).__name__}: {err}", None)


def _size(path: str) -> int:
    return os.stat(path).st_size


def _read_jsonl(path: str, folder_source: str, max_bytes: int, compressed: bool) -> Iterator[Ingested]:
    """One outcome per line; a broken line or a broken gzip stream does not lose the good lines."""
    opener = gzip.open if compressed else open
    line_no = 0
    try:
        with opener(path, "rb") as fh:
            for line_no, raw in enumerate(_bounded_lines(fh, max_bytes), start=1):
                uri = f"{path}#{line_no}"
                if raw is None:
                    yield Reject(uri, "too_large", f"line over the limit of {max_bytes:,} bytes", None)
                    continue
                if not raw.strip():
                    continue  # blank lines separate nothing in JSONL; they are not records
                try:
                    text = decode_text(raw, strict_utf8=True)
                    yield _document_from_json(text, uri=uri, default_id=_stem(path), folder_source=folder_source)
                except RecordError as err:
                    yield Reject(uri, err.reason, err.detail, len(raw))
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        at = f" after line {line_no}" if line_no else ""
        yield Reject(path, "bad_gzip", f"corrupt or truncated gzip stream{at}: {err}", None)


def _bounded_lines(fh, max_bytes: int) -> Iterator[bytes | None]:
    """Lines of a binary stream; a line longer than `max_bytes` yields None and is skipped in chunks."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = fh.readline(1 << 20)
            yield None
            continue
        yield line


def decode_text(raw: bytes, strict_utf8: bool = False) -> str:
    """Bytes to text: UTF-8 (BOM removed), else a confidently detected charset, else `RecordError`."""
    if not raw:
        raise RecordError("empty", "the input is empty (0 bytes)")
    if b"%PDF-" in raw[:1024]:
        raise RecordError("pdf", "a PDF file, not text: extract its text first (e.g. pdftotext) and ingest that")
    if strict_utf8:  # JSON is UTF-8 by definition (RFC 8259)
        try:
            return _checked(raw.decode("utf-8-sig"))
        except UnicodeDecodeError as err:
            raise RecordError("bad_encoding", f"not UTF-8 at byte {err.start}: {err.reason}") from err
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _checked(raw.decode("utf-16"))
        except UnicodeDecodeError as err:
            raise RecordError("bad_encoding", f"UTF-16 byte-order mark but undecodable: {err.reason}") from err
    if b"\x00" in raw[:8192]:
        raise RecordError("binary", "NUL bytes: this is a binary file, not text")
    try:
        return _checked(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        utf8_error = err
    for charset in PREFERRED_CHARSETS:
        guess = charset_normalizer.from_bytes(raw, cp_isolation=[charset]).best()
        if guess is not None and guess.percent_chaos <= MAX_CHAOS * 100:
            return _checked(str(guess))
    guess = charset_normalizer.from_bytes(raw).best()
    # Without a recognisable language (coherence 0) a "clean" decoding is a coincidence.
    if guess is not None and guess.percent_chaos <= MAX_CHAOS * 100 and guess.coherence >= MIN_COHERENCE:
        return _checked(str(guess))
    raise RecordError("bad_encoding",
                      f"not UTF-8 (byte {utf8_error.start}: {utf8_error.reason}) and no other charset detected with confidence")


def check_not_html(text: str) -> None:
    """`RecordError("html")` for a web page saved as an article: its markup is not the article's
    text, and stripping it would leave offsets that no longer slice what the file holds."""
    if _HTML_START.match(text):
        raise RecordError("html", "an HTML page, not article text: save the article's text (or give its text field without markup)")
    n_tags = sum(1 for _ in _HTML_TAG.finditer(text))
    if n_tags >= HTML_MIN_TAGS and n_tags * HTML_CHARS_PER_TAG >= len(text):
        raise RecordError("html", f"HTML markup ({n_tags:,} tags in {len(text):,} characters), not article text: "
                                  "save the article's text (or give its text field without markup)")


def _checked(text: str) -> str:
    if not text.strip():
        raise RecordError("whitespace_only", "the text holds only white space")
    return text


def _document_from_json(text: str, uri: str, default_id: str, folder_source: str) -> Ingested:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as err:
        raise RecordError("bad_json", f"malformed JSON at line {err.lineno} column {err.colno}: {err.msg}") from err
    if not isinstance(obj, dict):
        raise RecordError("bad_json", f"expected a JSON object, got {type(obj).__name__}")
    body = obj.get("text")
    if not isinstance(body, str) or not body.strip():
        what = "missing" if body is None else ("not a string" if not isinstance(body, str) else "empty")
        raise RecordError("no_text", f"the record's `text` field is {what}")
    body = body.removeprefix("\ufeff")
    check_not_html(body)
    for name in ("text", "title", "source", "id", "url"):
        value = obj.get(name)
        if isinstance(value, str) and not _encodable(value):
            raise RecordError("bad_encoding", f"the `{name}` field holds a lone surrogate (an invalid \\u escape)")
    title = _optional_str(obj.get("title"))
    _, dateline = title_and_dateline(body, has_title=False)
    record_id = obj.get("id")
    return make_document(
        body,
        uri=uri,
        external_id=str(record_id) if record_id not in (None, "") else default_id,
        source=_optional_str(obj.get("source")) or folder_source,
        title=title,
        dateline=dateline,
        published_at=parse_timestamp(obj.get("published_at")),
        url=_optional_str(obj.get("url")),
    )


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _optional_str(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def make_document(text: str, *, uri: str, external_id: str, source: str, title: str | None,
                  dateline: str | None, published_at: datetime | None, url: str | None = None) -> Document:
    return Document(doc_id=doc_id_for(text), external_id=external_id, source=source, uri=uri,
                    title=title, dateline=dateline, published_at=published_at, text=text, url=url)


def title_and_dateline(text: str, has_title: bool = True) -> tuple[str | None, str | None]:
    """The first non-empty line as the title, and an all-capitals line right after it as the dateline.

    With `has_title=False` (a JSON body) the first non-empty line itself may be the dateline.
    """
    lines = (line.strip() for line in text.splitlines())
    lines = [line for line in lines if line][:2]
    title = lines[0] if has_title and lines else None
    candidate = lines[1] if has_title and len(lines) > 1 else (lines[0] if not has_title and lines else None)
    return title, candidate if candidate and is_dateline(candidate) else None


def is_dateline(line: str) -> bool:
    """`WASHINGTON`, `NEW YORK`, `KYIV, Ukraine`? Only all-capital short lines count."""
    letters = [c for c in line if c.isalpha()]
    return 2 <= len(letters) and len(line) <= 60 and all(c.isupper() for c in letters)


def parse_timestamp(value) -> datetime | None:
    """ISO 8601 to an aware UTC datetime; anything unparseable is None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        stamp = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=timezone.utc)
    return stamp.astimezone(timezone.utc)
