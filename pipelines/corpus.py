"""The cross-document step: stories, speakers and claim links, updated for what changed.

The first linking of a data directory groups the whole corpus.  After that,
only the claims parts written or rewritten since the last linking are new
work: their documents, the old documents that share rare *link keys* with
them (title terms, names, speakers, five-word runs of quotes; kept per part
in `DATA_DIR/index/link_keys/` with each document's story date; outside the
story window only a quote run or, for a document without a firm date, many
keys count), and every document of those documents' stories form the
*scope*.  Stories and claim links are recomputed inside the scope only,
reading only the parts that hold it; rows outside it stay as they were.
Speaker linking, which reads only six short columns of each claim, runs
over all claims so that one person keeps one `speaker_id` everywhere; only
the `claims` parts whose `speaker_id` column changed are rewritten.  A run
with nothing new skips the step entirely.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.linking import group_stories, link_claims, link_speakers
from pipelines.linking.dates import day_number, firm_date, story_date
from pipelines.linking.stories import WINDOW_DAYS
from pipelines.linking.rows import link_inputs, speaker_mentions, story_docs
from pipelines.linking.text import STOPWORDS, content_terms, quoted_fragments, words
from pipelines.schemas import CLAIM_LINKS, SPEAKERS, STORIES
from pipelines.steps import Progress, StepSummary
from pipelines.store import TableStore, atomic_parquet

STATE = ".linking-state.json"
CORPUS_PART = "corpus"
# day: the story date in days since 1970; firm: it is the publication or dateline date, not a weekday of the lead
KEYS = pa.schema([("doc_id", pa.string()), ("key", pa.string()), ("day", pa.float64()), ("firm", pa.bool_())])
NAMES_PER_DOC = 15  # the most frequent capitalised names of a document become keys
QUOTE_RUN = 5  # words in a run of a quotation that two documents must share
MIN_SHARED = 3  # keys (other than quote runs) an old document must share with a new one in its story window
STRONG_SHARED = 6  # ... or outside it, when either lacks a firm date
MAX_DF_SHARE, MAX_DF = 0.02, 100  # a key in more documents than this is too common to propose anything
_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
MENTION_COLUMNS = ["doc_id", "claim_id", "speaker", "speaker_text", "speaker_role", "speaker_type"]
# What story grouping and claim linking read of a claim: memory holds these columns, not whole rows.
LINK_COLUMNS = ["claim_id", "doc_id", "sentence_idx", "parent_claim_id", "attribution_type", "speaker",
                "speaker_text", "speaker_type", "speaker_role", "cue_text", "content_text", "content_spans", "polarity"]


def link_keys(doc: dict, claims: Iterable[dict]) -> set[str]:
    """What a document could share with another about the same event."""
    keys = {"t:" + t for t in content_terms(doc.get("title") or "")}
    names = Counter(m.group().lower() for m in _NAME.finditer(doc.get("text") or "")
                    if m.group().lower() not in STOPWORDS)
    keys.update("n:" + name for name, _ in names.most_common(NAMES_PER_DOC))
    for claim in claims:
        if claim.get("speaker"):
            keys.add("s:" + claim["speaker"].lower())
        for quote in quoted_fragments(claim.get("content_text") or ""):
            ws = words(quote)
            keys.update("q:" + " ".join(ws[i:i + QUOTE_RUN]) for i in range(len(ws) - QUOTE_RUN + 1))
    return keys


def index_dir(store: TableStore) -> Path:
    return store.data_dir / "index" / "link_keys"


def rename_linked(store: TableStore, old: list[str], new: str) -> None:
    """Record claims part `new`, merged from the linked parts `old` unchanged, as linked (compaction)."""
    state = _load_state(store)
    if new in state or not all(p in state for p in old):
        return
    for part in old:
        path = store.table_dir("claims") / f"{part}.parquet"
        if path.exists() and path.stat().st_mtime_ns != state[part]:
            return  # changed since it was linked: the new part must be linked again
    for part in old:
        del state[part]
    state[new] = (store.table_dir("claims") / f"{new}.parquet").stat().st_mtime_ns
    _write_state(store, state)


def _state_path(store: TableStore) -> Path:
    return store.tables_dir / STATE


def _load_state(store: TableStore) -> dict[str, int]:
    path = _state_path(store)
    try:
        return {k: int(v) for k, v in json.loads(path.read_text(encoding="utf-8"))["linked"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def _save_state(store: TableStore) -> None:
    _write_state(store, {k: p.stat().st_mtime_ns for k, p in store.parts("claims").items()})


def _write_state(store: TableStore, linked: dict[str, int]) -> None:
    path = _state_path(store)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps({"linked": linked}), encoding="utf-8")
    os.replace(tmp, path)


def _rows(store: TableStore, table: str, columns: list[str] | None, doc_ids: set[str] | None,
          parts: set[str] | None = None) -> list[dict]:
    """Rows of `table` whose doc_id is in `doc_ids` (None: all rows), read from `parts` only when given."""
    wanted = None if doc_ids is None else pa.array(sorted(doc_ids), pa.string())
    out = []
    for part, path in store.parts(table).items():
        if parts is not None and part not in parts:
            continue
        rows = pq.read_table(path, columns=columns)
        if wanted is not None:
            rows = rows.filter(pc.is_in(rows.column("doc_id"), wanted))
        out.extend(rows.to_pylist())
    return out


def _write_keys(store: TableStore, parts: list[str]) -> set[str]:
    """Link keys of the documents of `parts`, one index file per part; returns their doc_ids."""
    doc_ids: set[str] = set()
    for part in parts:
        docs = store.read_part("documents", part, ["doc_id", "title", "text", "published_at", "ingested_at"]).to_pylist()
        claims_by_doc = defaultdict(list)
        for c in store.read_part("claims", part, ["doc_id", "speaker", "content_text"]).to_pylist():
            claims_by_doc[c["doc_id"]].append(c)
        rows = []
        for d in docs:
            dates = (d["published_at"], d["ingested_at"], d["text"] or "")
            day, firm = day_number(story_date(*dates)), firm_date(*dates) is not None
            rows.extend({"doc_id": d["doc_id"], "key": key, "day": day, "firm": firm}
                        for key in sorted(link_keys(d, claims_by_doc[d["doc_id"]])))
        target = index_dir(store) / f"{part}.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_parquet(pa.Table.from_pylist(rows, schema=KEYS), target)
        doc_ids.update(d["doc_id"] for d in docs)
    return doc_ids


def _neighbours(store: TableStore, new_docs: set[str]) -> set[str]:
    """Old documents that share a rare quote run with a new one, or rare link keys: MIN_SHARED within the
    story window, STRONG_SHARED outside it when one of the two has no firm date."""
    glob = str(index_dir(store) / "**" / "*.parquet").replace("'", "''")
    con = duckdb.connect()
    try:
        con.register("new_docs", pa.table({"doc_id": pa.array(sorted(new_docs), pa.string())}))
        found = con.execute(f"""
            with k as (select doc_id, key, day, coalesce(firm, false) as firm
                       from read_parquet('{glob}', union_by_name = true)),
                 n as (select count(distinct doc_id) as docs from k),
                 nk as (select doc_id as new_doc, key, day as new_day, firm as new_firm from k
                        where doc_id in (select doc_id from new_docs)),
                 df as (select key, count(distinct doc_id) as df from k
                        where key in (select key from nk) group by key),
                 shared as (
                    select k.doc_id, nk.new_doc, count(distinct k.key) as keys,
                           bool_or(starts_with(k.key, 'q:')) as quote,
                           any_value(abs(k.day - nk.new_day) <= {WINDOW_DAYS}) as in_window,
                           any_value(k.firm and nk.new_firm) as both_firm
                    from k join nk using (key) join df using (key), n
                    where df.df <= least(greatest(3, {MAX_DF_SHARE} * n.docs), {MAX_DF})
                      and k.doc_id not in (select doc_id from new_docs)
                    group by k.doc_id, nk.new_doc)
            select distinct doc_id from shared
            where quote or (coalesce(in_window, false) and keys >= {MIN_SHARED})
               or (not coalesce(in_window, false) and not both_firm and keys >= {STRONG_SHARED})
        """).fetchall()
    finally:
        con.close()
    return {doc_id for (doc_id,) in found}


def _parts_of(store: TableStore, doc_ids: set[str]) -> set[str]:
    """The parts that hold `doc_ids`, from the link-key index (one index file per part)."""
    root = index_dir(store)
    con = duckdb.connect()
    try:
        con.register("wanted", pa.table({"doc_id": pa.array(sorted(doc_ids), pa.string())}))
        found = con.execute("select distinct filename from read_parquet(?, filename = true, union_by_name = true) "
                            "where doc_id in (select doc_id from wanted)",
                            [str(root / "**" / "*.parquet")]).fetchall()
    finally:
        con.close()
    return {Path(f).resolve().relative_to(root.resolve()).as_posix().removesuffix(".parquet") for (f,) in found}


def link_corpus(store: TableStore, progress: Progress | None = None, force: bool = False) -> StepSummary:
    """Update stories, speakers and claim links for the claims parts that changed since the last linking."""
    summary = StepSummary()
    state = _load_state(store)
    current = {k: p.stat().st_mtime_ns for k, p in store.parts("claims").items()}
    changed = [k for k, mtime in current.items() if state.get(k) != mtime]
    full = force or not state or not store.parts("stories")
    if not changed and not full:
        summary.add("skipped")
        return summary
    new_docs = _write_keys(store, list(current) if full else changed)
    old_story = {} if full else {r["doc_id"]: r["story_id"] for r in _rows(store, "stories", ["story_id", "doc_id"], None)}
    if full:
        scope = None
    else:
        touched = new_docs | _neighbours(store, new_docs)
        stories = {old_story[d] for d in touched if d in old_story}
        scope = touched | {d for d, s in old_story.items() if s in stories}
    parts = None if full else _parts_of(store, scope)
    columns = ["doc_id", "title", "text", "source", "published_at", "ingested_at"]
    docs = {d["doc_id"]: d for d in _rows(store, "documents", columns, scope, parts)}
    if scope is not None and len(docs) < len(scope):  # a document without link keys: look everywhere
        parts = None
        docs = {d["doc_id"]: d for d in _rows(store, "documents", columns, scope)}
    claims = _rows(store, "claims", LINK_COLUMNS, scope, parts)
    sentence_text = {(s["doc_id"], s["sentence_idx"]): s["text"]
                     for s in _rows(store, "sentences", ["doc_id", "sentence_idx", "text"], scope, parts)}
    if progress:
        progress(f"linking {len(docs):,} documents ({'all' if full else f'{len(new_docs):,} new'}), {len(claims):,} claims")
    by_doc = defaultdict(list)
    for c in claims:
        by_doc[c["doc_id"]].append(c)
    story_of = {d: s for d, s in old_story.items() if scope is None or d not in scope}
    story_of.update(group_stories(story_docs(docs, by_doc)))
    speakers, claim_speaker = link_speakers(speaker_mentions(_rows(store, "claims", MENTION_COLUMNS, None), story_of))
    links = [asdict(link) for link in link_claims(link_inputs(claims, docs, sentence_text, claim_speaker), story_of)]
    if not full:
        redone = {c["claim_id"] for c in claims}
        alive = set(claim_speaker)
        links += [r for r in _rows(store, "claim_links", None, None)
                  if not (r["claim_id_a"] in redone and r["claim_id_b"] in redone)
                  and r["claim_id_a"] in alive and r["claim_id_b"] in alive]
        links.sort(key=lambda r: (r["claim_id_a"], r["claim_id_b"]))
    stories = [{"story_id": s, "doc_id": d} for d, s in sorted(story_of.items(), key=lambda x: (x[1], x[0]))]
    store.write_part("stories", pa.Table.from_pylist(stories, schema=STORIES), CORPUS_PART)
    store.write_part("speakers", pa.Table.from_pylist([asdict(s) for s in speakers], schema=SPEAKERS), CORPUS_PART)
    store.write_part("claim_links", pa.Table.from_pylist(links, schema=CLAIM_LINKS), CORPUS_PART)
    for key, path in store.parts("claims").items():
        now = pq.read_table(path, columns=["claim_id", "speaker_id"])
        ids = [claim_speaker.get(c) for c in now.column("claim_id").to_pylist()]
        if ids != now.column("speaker_id").to_pylist():
            table = pq.read_table(path)
            column = table.schema.get_field_index("speaker_id")
            store.write_part("claims", table.set_column(column, "speaker_id", pa.array(ids, pa.string())), key)
            summary.add("claims_parts_rewritten")
    _save_state(store)
    summary.add("documents_relinked", len(docs))
    summary.add("stories", len({s["story_id"] for s in stories}))
    summary.add("speakers", len(speakers))
    summary.add("claim_links", len(links))
    return summary
