"""Property: arbitrary Unicode through ingest, segmentation, tagging and claim typing never raises; every span is exact."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines import segment
from pipelines.checkworthiness import load_model
from pipelines.ingest import Reject, iter_records
from pipelines.steps import tag_document

NEWSY = st.sampled_from([
    " said ", " told reporters ", "according to ", '"', "“", "”", "'", "’", ", ", ". ", "\n", "\r\n", "\n\n",
    "U.S. ", "Sen. ", "Mr. ", "he said.", "the Kremlin said", " — ", "...", ":", "Trump", "Putin ", "that ",
    "could ", "reportedly ", "without elaborating", "one and a half hours", "$3.2 billion", "43%", "two ",
])
TEXT = st.lists(st.one_of(st.text(min_size=1, max_size=12), NEWSY), max_size=40).map("".join)


def check_document(text: str, title=None, dateline=None) -> None:
    sentences = segment.split_sentences(text, title=title, dateline=dateline)
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end]
    model = load_model()
    scores = [float(x) for x in model.score([text[s.start:s.end] for s in sentences])]
    claims, quantities = tag_document("d", text, sentences, scores, model)
    for q in quantities:
        assert text[q["start"]:q["end"]] == q["text"]
    for row in claims:
        assert row["certainty"] in ("certain", "probable", "possible", "unknown")
        for part in ("speaker", "cue", "content"):
            if row[f"{part}_start"] is not None:
                assert text[row[f"{part}_start"]:row[f"{part}_end"]] == row[f"{part}_text"]
        for frag in row["content_spans"]:
            assert row["content_start"] <= frag["start"] < frag["end"] <= row["content_end"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_core_on_arbitrary_text(text):
    check_document(text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.one_of(TEXT, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_ingest_then_core_on_arbitrary_files(tmp_path, text):
    txt = tmp_path / "x.txt"
    txt.write_bytes(text.encode("utf-8", "surrogatepass"))
    line = tmp_path / "x.jsonl"
    line.write_text(json.dumps({"text": text}) + "\n", encoding="utf-8")
    for outcome in iter_records([txt, line]):
        if isinstance(outcome, Reject):
            assert outcome.reason and outcome.detail
        else:
            check_document(outcome.text, outcome.title, outcome.dateline)
