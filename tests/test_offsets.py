"""Offsets are sacred: every sentence and claim span slices documents.text exactly."""

import pyarrow.parquet as pq
import pytest

from pipelines import steps
from pipelines.store import TableStore

from .conftest import POLNEAR_DEV, need


def table(store, name):
    return [r for p in store.parts(name).values() for r in pq.read_table(p).to_pylist()]


def assert_exact(store):
    texts = {d["doc_id"]: d["text"] for d in table(store, "documents")}
    assert texts
    failures = [r for r in table(store, "rejects") if r["reason"] in ("segment_error", "tag_error")]
    assert not failures, failures[:3]  # a step's bug is isolated per document in production, never here
    sentences = table(store, "sentences")
    by_doc = {}
    for s in sentences:
        text = texts[s["doc_id"]]
        assert text[s["start"]:s["end"]] == s["text"], s
        assert s["text"] == s["text"].strip() and s["text"]
        by_doc.setdefault(s["doc_id"], []).append(s)
    for doc_id, rows in by_doc.items():
        rows.sort(key=lambda r: r["sentence_idx"])
        assert [r["sentence_idx"] for r in rows] == list(range(len(rows)))
        assert all(a["end"] <= b["start"] for a, b in zip(rows, rows[1:])), doc_id
        text = texts[doc_id]
        assert all(text[i].isspace() for i in _uncovered(text, rows)), doc_id  # nothing but white space is lost
    for c in table(store, "claims"):
        text = texts[c["doc_id"]]
        for part in ("speaker", "cue", "content"):
            if c[f"{part}_start"] is not None:
                assert text[c[f"{part}_start"]:c[f"{part}_end"]] == c[f"{part}_text"], (part, c)
        frags = c["content_spans"]
        assert frags and frags[0]["start"] == c["content_start"] and frags[-1]["end"] == c["content_end"]
        assert all(f["start"] < f["end"] for f in frags)
        assert all(a["end"] <= b["start"] for a, b in zip(frags, frags[1:]))


def _uncovered(text, rows):
    covered = set()
    for r in rows:
        covered.update(range(r["start"], r["end"]))
    return [i for i in range(len(text)) if i not in covered]


def test_every_span_of_the_seeds_is_exact(seeded_store):
    assert_exact(seeded_store)


@pytest.mark.parametrize("split", ["dev", "train"])
def test_every_span_of_polnear_is_exact(tmp_path, split):
    folder = need(POLNEAR_DEV.parent / split / "text")
    store = TableStore(tmp_path / "data")
    steps.ingest([str(folder)], store)
    steps.segment_pending(store)
    steps.tag_pending(store)
    assert_exact(store)
    quantities = table(store, "quantities")
    texts = {d["doc_id"]: d["text"] for d in table(store, "documents")}
    assert quantities and all(texts[q["doc_id"]][q["start"]:q["end"]] == q["text"] for q in quantities)
