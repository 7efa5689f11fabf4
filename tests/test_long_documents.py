"""Long one-paragraph documents: the indexes that keep tagging linear give the brute-force answers."""

from __future__ import annotations

import random

from pipelines.attribution.learned import Sequence_, group
from pipelines.attribution.overlaps import ContentIndex, SpanIndex
from pipelines.claim_typing import reporter_claims
from pipelines.records import Attribution, Sentence, Span


def _group_brute_force(seq, tags):
    """The nearest cue of each span by reading every cue (what `group` computes)."""
    from pipelines.attribution.learned import bio_spans

    found = bio_spans(tags, seq.spans)
    cues = [(a, b) for r, a, b in found if r == "C"]
    chosen = []
    for role, a, b in found:
        if role == "C":
            continue
        best, best_d = None, None
        for k, (ca, cb) in enumerate(cues):
            same = seq.sent[ca] == seq.sent[a] or seq.sent[cb - 1] == seq.sent[b - 1]
            if role == "S" and not same:
                continue
            d = (ca - b if b <= ca else a - cb if a >= cb else 0) + (0 if same else 10000)
            if best_d is None or d < best_d:
                best, best_d = k, d
        chosen.append((role, a, b, best))
    return cues, chosen


def test_group_attaches_spans_to_the_brute_force_nearest_cue():
    rng = random.Random(7)
    for _ in range(40):
        n = rng.randint(5, 400)
        sent, s = [], 0
        for _ in range(n):
            sent.append(s)
            s += rng.random() < 0.08
        tags, prev = [], "O"
        for _ in range(n):
            role = rng.choice("OOOOSCTT")
            tag = "O" if role == "O" else ("I-" if prev.endswith(role) and rng.random() < 0.6 else "B-") + role
            tags.append(tag)
            prev = tag
        seq = Sequence_([(i * 3, i * 3 + 2) for i in range(n)], sent)
        cues, chosen = _group_brute_force(seq, tags)
        out = group(seq, tags)
        got_sources = {t.cue: t.source for t in out}
        got_contents = {t.cue: sorted(t.content) for t in out}
        want_sources: dict = {}
        want_contents: dict = {}
        for role, a, b, k in chosen:
            if k is None:
                continue
            cue = (seq.spans[cues[k][0]][0], seq.spans[cues[k][1] - 1][1])
            span = (seq.spans[a][0], seq.spans[b - 1][1])
            if role == "S":
                want_sources.setdefault(cue, []).append(span)
            else:
                want_contents.setdefault(cue, []).append(span)
        for cue, contents in want_contents.items():
            assert got_contents[cue] == sorted(contents)
        for cue in got_sources:
            assert (got_sources[cue] is None) == (cue not in want_sources)


def test_span_index_finds_every_overlapping_span():
    rng = random.Random(3)
    spans = [(a, a + rng.randint(0, 30)) for a in (rng.randint(0, 2000) for _ in range(300))]
    index = SpanIndex(spans)
    for _ in range(300):
        lo = rng.randint(0, 2000)
        hi = lo + rng.randint(1, 40)
        near = index.near(lo, hi)
        assert near == sorted(near)
        assert {k for k in near if spans[k][0] < hi and lo < spans[k][1]} == \
            {k for k, (a, b) in enumerate(spans) if a < hi and lo < b}
        assert index.starting_in(lo, hi) == [k for k, (a, _) in enumerate(spans) if lo <= a < hi]


def test_content_index_finds_the_attributions_holding_a_position():
    rng = random.Random(5)
    index, contents = ContentIndex(), []
    for key in range(200):
        start = rng.randint(0, 20000)
        fragments = (Span(start, start + rng.randint(0, 3000)), Span(start + 4000, start + 4010))
        contents.append(fragments)
        index.add(key, fragments)
    for pos in rng.sample(range(25000), 300):
        assert index.holding(pos) == [k for k, fr in enumerate(contents) if any(f.start <= pos < f.end for f in fr)]


def test_reporter_claims_skip_sentences_any_attribution_touches():
    sentences = [Sentence(i * 10, i * 10 + 9, 0, "body") for i in range(50)]
    attributions = [Attribution(0, "direct", (Span(105, 108),), cue=Span(300, 304)),
                    Attribution(0, "direct", (Span(5, 400),))]
    assert reporter_claims(sentences, [0.9] * 50, attributions[:1]) == \
        [c for c in reporter_claims(sentences, [0.9] * 50, []) if c.sentence_idx not in (10, 30)]
    assert [c.sentence_idx for c in reporter_claims(sentences, [0.9] * 50, attributions)] == list(range(40, 50))


def test_a_long_document_in_a_batch_is_announced_and_the_batch_reports_progress(tmp_path, monkeypatch):
    from pipelines import steps
    from pipelines.store import TableStore
    from tests.conftest import write_long_batch

    monkeypatch.setattr(steps, "PROGRESS_EVERY", 0.0)
    monkeypatch.setattr(steps, "LONG_DOCUMENT_CHARS", 5_000)
    inputs = write_long_batch(tmp_path)
    store = TableStore(tmp_path / "data")
    steps.ingest([inputs], store)
    lines: list[str] = []
    steps.segment_pending(store, progress=lines.append)
    steps.tag_pending(store, progress=lines.append)
    long_lines = [line for line in lines if "long.txt" in line and "6,312 characters" in line]
    assert any(line.startswith("sentences:") for line in long_lines)
    assert any(line.startswith("claims:") for line in long_lines)
    assert "claims: 2 of 4 documents of this batch done" in lines
