"""The inbox: which files are new or changed since the last look, by content hash.

Dagster-free; the sensor in `pipelines/sensors.py` calls `scan`.  The state
(`InboxIndex`) maps each file to its (mtime, size, sha256): a file whose
mtime and size are unchanged is not read again, so a tick over an inbox of
10,000 files costs 10,000 `stat` calls, and only new or changed files are hashed.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import zlib
from dataclasses import dataclass
from pathlib import Path



@dataclass(frozen=True, slots=True)
class InboxFile:
    """A new or changed file: its path and content hash."""

    path: str
    sha256: str
    size: int


InboxIndex = dict[str, tuple[int, int, str]]  # path below the inbox -> (mtime_ns, size, sha256 prefix)
DIGEST_CHARS = 16  # 64 bits of the hash tell a changed file apart; the cursor stays small


def default_inbox(data_dir: str | os.PathLike) -> Path:
    """`$CLAIMWIRE_INBOX`, else `DATA_DIR/inbox`."""
    configured = os.environ.get("CLAIMWIRE_INBOX")
    return Path(configured) if configured else Path(data_dir) / "inbox"


def _hash(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def scan(root: str | os.PathLike, index: InboxIndex) -> tuple[list[InboxFile], InboxIndex]:
    """Files under `root` that are new or whose content changed, and the updated index.

    Files that vanish mid-scan are skipped (the next tick sees them gone); files
    not of an ingestible kind are still reported, so ingest records them as rejects.
    """
    root = os.fspath(root)
    changed: list[InboxFile] = []
    updated: InboxIndex = {}
    if not os.path.isdir(root):
        return changed, updated
    for folder, subdirs, files in os.walk(root):
        subdirs[:] = sorted(d for d in subdirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith(".") or name.endswith((".part", ".tmp", ".crdownload")):
                continue  # hidden, or still being copied in
            path = os.path.join(folder, name)
            key = os.path.relpath(path, root)
            try:
                stat = os.stat(path)
                before = index.get(key)
                if before and before[0] == stat.st_mtime_ns and before[1] == stat.st_size:
                    updated[key] = before
                    continue
                sha = _hash(path)
            except OSError:
                continue
            updated[key] = (stat.st_mtime_ns, stat.st_size, sha[:DIGEST_CHARS])
            if not before or before[2] != sha[:DIGEST_CHARS]:
                changed.append(InboxFile(path, sha, stat.st_size))
    return changed, updated


def batch_key(files: list[InboxFile]) -> str:
    """A run key from the content hashes of a batch: the same contents never run twice."""
    digest = hashlib.sha256()
    for f in sorted(files, key=lambda f: (f.sha256, f.path)):
        digest.update(f"{f.path}\0{f.sha256}\n".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()[:24]


def encode_index(index: InboxIndex) -> str:
    """The index as a compact cursor string (zlib + base64 of JSON)."""
    return base64.b64encode(zlib.compress(json.dumps(index, separators=(",", ":")).encode(), 6)).decode()


def decode_index(cursor: str | None) -> InboxIndex:
    if not cursor:
        return {}
    try:
        raw = json.loads(zlib.decompress(base64.b64decode(cursor)))
    except (ValueError, zlib.error):
        return {}
    return {path: (int(m), int(s), str(h)) for path, (m, s, h) in raw.items()}


