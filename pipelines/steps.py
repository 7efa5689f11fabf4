"""The pipeline's steps over the table store: ingest, segment (and score), tag (and type).

Each step is incremental and idempotent.  `ingest` writes only documents it
has not seen (by `doc_id`); `segment_pending` and `tag_pending` work on the
document parts that have no sentences / claims part of the same name yet.
Re-running on the same inputs therefore writes nothing, and a run killed
mid-way is completed by the next one.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pyarrow as pa

from pipelines import attribution, checkworthiness, claim_typing, language, quantities, segment
from pipelines import workers as workers_
from pipelines.ingest import DEFAULT_MAX_BYTES, Reject, iter_records
from pipelines.records import Attribution, Document, Sentence, Span
from pipelines.schemas import CLAIMS, DOCUMENTS, INPUTS, QUANTITIES, REJECTS, SENTENCES
from pipelines.seen import StoredKeys
from pipelines.store import TableStore

log = logging.getLogger(__name__)
Progress = Callable[[str], None]
LOOKUP_BATCHES = 10  # batches of records per lookup of stored keys: one scan of the key columns per chunk
SCORE_CHUNK = 2048  # sentences scored at once: bounds the check-worthiness feature matrices
PROGRESS_EVERY = 2.0  # seconds between progress lines
LONG_DOCUMENT_CHARS = 200_000  # a document this long gets its own progress line (tagging it takes seconds)


@dataclass
class StepSummary:
    """What one step did: counts by kind and the parts it wrote."""

    counts: dict[str, int] = field(default_factory=dict)
    parts: list[str] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


class _Ticker:
    """Calls `progress` with a message at most every `every` seconds."""

    def __init__(self, progress: Progress | None, every: float | None = None):
        self.progress, self.last = progress, time.monotonic()
        self.every = PROGRESS_EVERY if every is None else every

    def __call__(self, message: Callable[[], str], force: bool = False) -> None:
        now = time.monotonic()
        if self.progress and (force or now - self.last >= self.every):
            self.last = now
            self.progress(message())


def _key(parts: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for p in parts:
        digest.update(p.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


def ingest(paths: Iterable[str], store: TableStore, *, folder: str = "", batch_size: int = 1000,
           max_bytes: int = DEFAULT_MAX_BYTES, source_root: str | None = None,
           progress: Progress | None = None) -> StepSummary:
    """Read `paths` into `documents`, `inputs` and `rejects`, skipping what the store already holds.

    Records stream through in chunks of `LOOKUP_BATCHES * batch_size`: what the store already holds
    is looked up once per chunk with DuckDB semi-joins over the Parquet parts (`StoredKeys`), so
    memory holds one chunk and its keys, never the corpus's ids.  New parts go into the hive partition `folder`
    (e.g. `ingest_day=2025-02-12`), if given; files given directly below `source_root` (the inbox)
    take their source from the folder below it.
    """
    summary = StepSummary()
    now = datetime.now(timezone.utc)
    docs: list[Document] = []
    languages: dict[str, str | None] = {}  # doc_id -> detected language of the new documents
    inputs: list[dict] = []
    rejects: list[dict] = []
    # The keys this chunk has produced (written or not): the chunk's lookup in the store predates them.
    new_docs: set[str] = set()
    new_inputs: set[tuple[str, str | None]] = set()
    new_credited: set[str] = set()
    new_rejects: set[tuple[str, str]] = set()
    tick = _Ticker(progress)

    def flush() -> None:
        if docs:
            rows = pa.Table.from_pylist([_document_row(d, now, languages[d.doc_id]) for d in docs], schema=DOCUMENTS)
            summary.parts.append(_write(store, "documents", rows, [d.doc_id for d in docs], folder))
        if rejects:
            _write(store, "rejects", pa.Table.from_pylist(rejects, schema=REJECTS),
                   [f"{r['uri']}\0{r['reason']}" for r in rejects], folder)
        if inputs:  # last: an input is recorded only once its document is stored
            _write(store, "inputs", pa.Table.from_pylist(inputs, schema=INPUTS),
                   [f"{r['uri']}\0{r['doc_id']}" for r in inputs], folder)
        docs.clear(), inputs.clear(), rejects.clear(), languages.clear()

    with StoredKeys(store) as stored:
        for chunk in _chunks(iter_records(paths, max_bytes=max_bytes, source_root=source_root), LOOKUP_BATCHES * batch_size):
            flush()  # all read so far is stored: one lookup per chunk answers for it
            for pending in (new_docs, new_inputs, new_credited, new_rejects):
                pending.clear()
            known = stored.lookup(chunk)
            for outcome in chunk:
                summary.add("records")
                if isinstance(outcome, Reject):
                    summary.add("rejected")
                    key = (outcome.uri, outcome.reason)
                    if key not in known.rejects and key not in new_rejects:
                        new_rejects.add(key)
                        rejects.append({"uri": outcome.uri, "reason": outcome.reason, "detail": outcome.detail,
                                        "n_bytes": outcome.n_bytes, "seen_at": now})
                        if (outcome.uri, None) not in known.inputs and (outcome.uri, None) not in new_inputs:
                            new_inputs.add((outcome.uri, None))
                            inputs.append({"uri": outcome.uri, "doc_id": None, "status": "rejected", "seen_at": now})
                else:
                    doc = outcome
                    if doc.doc_id not in known.docs and doc.doc_id not in new_docs:
                        new_docs.add(doc.doc_id)
                        docs.append(doc)
                        languages[doc.doc_id] = found = language.detect(doc.text)
                        if found not in (None, "en"):
                            summary.add("not_english")
                            summary.add(f"language_{found}")
                    if (doc.uri, doc.doc_id) not in known.inputs and (doc.uri, doc.doc_id) not in new_inputs:
                        new_inputs.add((doc.uri, doc.doc_id))
                        status = "duplicate" if doc.doc_id in known.credited or doc.doc_id in new_credited else "ingested"
                        new_credited.add(doc.doc_id)
                        summary.add(status)
                        inputs.append({"uri": doc.uri, "doc_id": doc.doc_id, "status": status, "seen_at": now})
                    else:
                        summary.add("unchanged")
                if len(docs) >= batch_size or len(inputs) >= 10 * batch_size:
                    flush()
            tick(lambda: f"ingest: {summary.counts.get('records', 0):,} records read, "
                         f"{summary.counts.get('ingested', 0):,} new documents")
    flush()
    if summary.counts.get("not_english"):
        message = non_english_warning(summary.counts)
        log.warning(message)
        if progress:
            progress(message)
    return summary


def non_english_warning(counts: dict[str, int]) -> str:
    """The warning for new documents not in English, from an ingest summary's counts."""
    found = sorted(((k.removeprefix("language_"), n) for k, n in counts.items() if k.startswith("language_")),
                   key=lambda item: (-item[1], item[0]))
    return (f"ingest: {counts['not_english']:,} new documents are not in English ("
            + ", ".join(f"{code} {n:,}" for code, n in found)
            + "): claims are tagged in English only, so expect few or none from them "
              "(see documents.language)")


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _write(store: TableStore, table: str, rows: pa.Table, keys: list[str], folder: str = "") -> str:
    part = f"{folder}/batch-{_key(keys)}" if folder else f"batch-{_key(keys)}"
    store.write_part(table, rows, part)
    return part


def _folder_of(part: str) -> str:
    return part.rsplit("/", 1)[0] if "/" in part else ""


def _pending(store: TableStore, table: str, folder: str | None, reprocess: bool) -> list[str]:
    """Document parts (in `folder`, or all) that `table` has no part for yet, or all of them to reprocess."""
    done = set() if reprocess else set(store.parts(table, folder))
    return [p for p in store.parts("documents", folder) if p not in done]


def _document_row(doc: Document, now: datetime, detected: str | None) -> dict:
    return {"doc_id": doc.doc_id, "external_id": doc.external_id, "source": doc.source, "uri": doc.uri,
            "title": doc.title, "dateline": doc.dateline, "published_at": doc.published_at,
            "ingested_at": now, "text": doc.text, "n_chars": len(doc.text), "url": doc.url,
            "language": detected}


def _per_document(docs: list[dict], reason: str, work: Callable[[dict], list], failed: list[dict],
                  step: str = "", tick: _Ticker | None = None) -> list:
    """`work(doc)` for each document, concatenated; a document whose work raises is recorded in `failed`.

    With `tick` (work in this process), a long document is announced before its work starts, and
    progress within the part is reported as documents finish, so a part holding a 2 MB article is
    never silent.
    """
    out = []
    for i, doc in enumerate(docs, start=1):
        if tick is not None and len(doc["text"]) >= LONG_DOCUMENT_CHARS:
            tick(lambda: _long_document_line(step, doc["uri"], len(doc["text"])), force=True)
        try:
            out.extend(work(doc))
        except Exception as err:  # a bug on one document must cost that document, not the batch
            failed.append(_failure(doc, reason, err))
        if tick is not None:
            tick(lambda: f"{step}: {i:,} of {len(docs):,} documents of this batch done")
    return out


def _long_document_line(step: str, uri: str, n_chars: int) -> str:
    return f"{step}: {uri} is long ({n_chars:,} characters), working on it"


def _run_parts(store: TableStore, step: str, work: Callable, parts: list[str], workers: int | None,
               tick: _Ticker) -> Iterator:
    """`work((data_dir, part))` for each part, in order: in this process with progress within each part,
    or in worker processes, each long document announced as its part is handed out."""
    tasks = [(str(store.data_dir), part) for part in parts]
    if workers_.runs_in_process(len(tasks), workers):
        return (work(task, step, tick) for task in tasks)
    if tick.progress:
        for part in parts:
            for doc in store.read_part("documents", part, ["uri", "n_chars"]).to_pylist():
                if (doc["n_chars"] or 0) >= LONG_DOCUMENT_CHARS:
                    tick(lambda: _long_document_line(step, doc["uri"], doc["n_chars"]), force=True)
    return workers_.map_ordered(work, tasks, workers)


def segment_pending(store: TableStore, folder: str | None = None, reprocess: bool = False,
                    progress: Progress | None = None, workers: int | None = None) -> StepSummary:
    """Split and score the documents of every part without a `sentences` part yet (or of all, to reprocess).

    Parts go to `workers` processes (default: `workers.worker_count()`), one part per task.
    """
    summary = StepSummary()
    tick = _Ticker(progress)
    pending = _pending(store, "sentences", folder, reprocess)
    for part, (counts, failure) in zip(pending, _run_parts(store, "sentences", _segment_part, pending, workers, tick)):
        _merge(summary, part, counts, failure, progress)
        tick(lambda: f"sentences: {summary.counts['documents']:,} documents split")
    return summary


def _segment_part(task: tuple[str, str], step: str = "sentences",
                  tick: _Ticker | None = None) -> tuple[dict[str, int], str | None]:
    """Split and score one document part into its `sentences` part (in whichever process runs it)."""
    data_dir, part = task
    store = TableStore(data_dir)
    model = checkworthiness.load_model()
    docs = store.read_part("documents", part, ["doc_id", "uri", "text", "title", "dateline"]).to_pylist()
    failed: list[dict] = []

    def split(doc: dict) -> list[dict]:
        found = segment.split_sentences(doc["text"], title=doc["title"], dateline=doc["dateline"])
        return [{"doc_id": doc["doc_id"], "sentence_idx": idx, "paragraph_idx": s.paragraph_idx,
                 "start": s.start, "end": s.end, "text": doc["text"][s.start:s.end], "kind": s.kind}
                for idx, s in enumerate(found)]

    rows = _per_document(docs, "segment_error", split, failed, step, tick)
    for lo in range(0, len(rows), SCORE_CHUNK):  # bounded feature matrices, whatever the part's size
        chunk = rows[lo:lo + SCORE_CHUNK]
        for row, score in zip(chunk, model.score([r["text"] for r in chunk])):
            row["checkworthy"] = float(score)
    _write_failures(store, failed, _folder_of(part))
    store.write_part("sentences", pa.Table.from_pylist(rows, schema=SENTENCES), part)
    return {"documents": len(docs), "sentences": len(rows), "failed": len(failed)}, _failure_note(failed)


def tag_pending(store: TableStore, folder: str | None = None, reprocess: bool = False,
                progress: Progress | None = None, workers: int | None = None) -> StepSummary:
    """Tag the claims (and their quantities) of every document part with sentences but no `claims` part yet.

    Parts go to `workers` processes (default: `workers.worker_count()`), one part per task.
    """
    summary = StepSummary()
    ready = store.parts("sentences", folder)
    tick = _Ticker(progress)
    pending = []
    for part in _pending(store, "claims", folder, reprocess):
        if part in ready:
            pending.append(part)
        else:
            summary.add("waiting_for_sentences")
    for part, (counts, failure) in zip(pending, _run_parts(store, "claims", _tag_part, pending, workers, tick)):
        _merge(summary, part, counts, failure, progress)
        tick(lambda: f"claims: {summary.counts['documents']:,} documents tagged, {summary.counts['claims']:,} claims")
    return summary


def _tag_part(task: tuple[str, str], step: str = "claims",
              tick: _Ticker | None = None) -> tuple[dict[str, int], str | None]:
    """Tag one document part into its `quantities` and `claims` parts (in whichever process runs it)."""
    data_dir, part = task
    store = TableStore(data_dir)
    model = checkworthiness.load_model()
    docs = store.read_part("documents", part, ["doc_id", "uri", "text"]).to_pylist()
    by_doc: dict[str, list[dict]] = {}
    for s in store.read_part("sentences", part, ["doc_id", "start", "end", "paragraph_idx", "kind",
                                                  "checkworthy"]).to_pylist():
        by_doc.setdefault(s["doc_id"], []).append(s)
    failed: list[dict] = []

    def tag(doc: dict) -> list[tuple[list[dict], list[dict]]]:
        rows = by_doc.get(doc["doc_id"], [])
        sentences = [Sentence(r["start"], r["end"], r["paragraph_idx"], r["kind"]) for r in rows]
        return [tag_document(doc["doc_id"], doc["text"], sentences, [r["checkworthy"] for r in rows], model)]

    tagged = _per_document(docs, "tag_error", tag, failed, step, tick)
    claims = [row for rows, _ in tagged for row in rows]
    quantities = [row for _, rows in tagged for row in rows]
    _write_failures(store, failed, _folder_of(part))
    store.write_part("quantities", pa.Table.from_pylist(quantities, schema=QUANTITIES), part)
    store.write_part("claims", pa.Table.from_pylist(claims, schema=CLAIMS), part)  # last: marks the part done
    counts = {"documents": len(docs), "claims": len(claims), "quantities": len(quantities), "failed": len(failed)}
    return counts, _failure_note(failed)


def _merge(summary: StepSummary, part: str, counts: dict[str, int], failure: str | None,
           progress: Progress | None) -> None:
    """Add one part's counts to the step's summary (and report its failed documents)."""
    summary.parts.append(part)
    for key, n in counts.items():
        if n or key != "failed":
            summary.add(key, n)
    if failure and progress:
        progress(failure)


def tag_document(doc_id: str, text: str, sentences: list[Sentence], sentence_scores: list[float | None],
                 model: checkworthiness.CheckworthinessModel) -> tuple[list[dict], list[dict]]:
    """One document's `claims` rows and `quantities` rows: attributions, the reporter's claims, all assessed."""
    found = attribution.extract_attributions(text, sentences)
    found += claim_typing.reporter_claims(sentences, sentence_scores, found)
    scores = model.score([claim_typing.content_text(text, a) for a in found])
    claim_typing.assess_claims(text, sentences, found, scores)
    claims = claim_rows(doc_id, text, found)
    return claims, quantity_rows(doc_id, text, found, claims)


def quantity_rows(doc_id: str, text: str, found: list[Attribution], claims: list[dict]) -> list[dict]:
    """Arrow-ready rows of the `quantities` table: the numbers stated in each claim's content."""
    rows = []
    for claim, row in zip(found, claims):
        for q in quantities.find_quantities(text, claim.content):
            rows.append({"claim_id": row["claim_id"], "doc_id": doc_id, "text": text[q.start:q.end],
                         "start": q.start, "end": q.end, "value": q.value, "unit": q.unit, "kind": q.kind,
                         "approximation": q.approximation, "lower": q.lower, "upper": q.upper})
    return rows


def _failure(doc: dict, reason: str, err: Exception) -> dict:
    log.exception("%s on %s", reason, doc["uri"])
    return {"uri": doc["uri"], "reason": reason, "detail": f"{type(err).__name__}: {err} (doc_id {doc['doc_id']})",
            "n_bytes": None, "seen_at": datetime.now(timezone.utc)}


def _write_failures(store: TableStore, failed: list[dict], folder: str) -> None:
    """Record documents a step could not process as `rejects` rows, before the step's own part."""
    if failed:
        _write(store, "rejects", pa.Table.from_pylist(failed, schema=REJECTS),
               [f"{r['uri']}\0{r['reason']}" for r in failed], folder)


def _failure_note(failed: list[dict]) -> str | None:
    if not failed:
        return None
    return f"{len(failed)} document(s) failed: see the rejects table ({failed[0]['detail']})"


def claim_id_for(doc_id: str, found: Attribution) -> str:
    spans = ",".join(f"{s.start}-{s.end}" for s in found.content)
    cue = f"{found.cue.start}-{found.cue.end}" if found.cue else "-"
    return _key([doc_id, cue, spans, found.attribution_type])


def _span_columns(name: str, span: Span | None, text: str) -> dict:
    """`<name>_text`, `<name>_start`, `<name>_end` of an optional span."""
    if span is None:
        return {f"{name}_text": None, f"{name}_start": None, f"{name}_end": None}
    return {f"{name}_text": span.text(text), f"{name}_start": span.start, f"{name}_end": span.end}


def claim_rows(doc_id: str, text: str, found: list[Attribution]) -> list[dict]:
    """Arrow-ready rows of the `claims` table for one document's attributions."""
    ids = [claim_id_for(doc_id, a) for a in found]
    rows = []
    for i, a in enumerate(found):
        hull = a.content_hull
        rows.append({
            "claim_id": ids[i],
            "doc_id": doc_id,
            "sentence_idx": a.sentence_idx,
            "attribution_type": a.attribution_type,
            **_span_columns("speaker", a.speaker, text),
            "speaker": a.speaker_name,
            "speaker_type": a.speaker_type,
            "speaker_role": a.speaker_role,
            **_span_columns("cue", a.cue, text),
            "cue_lemma": a.cue_lemma,
            "channel": a.channel,
            "content_text": hull.text(text),
            "content_start": hull.start,
            "content_end": hull.end,
            "content_spans": [{"start": s.start, "end": s.end} for s in a.content],
            "parent_claim_id": ids[a.parent] if a.parent is not None else None,
            "hedges": list(a.hedges),
            "certainty": a.certainty,
            "polarity": a.polarity,
            "checkworthy": a.checkworthy,
            "extractor": a.extractor or attribution.EXTRACTOR,
            "speaker_id": None,  # set across documents by `link_corpus`
        })
    return rows
