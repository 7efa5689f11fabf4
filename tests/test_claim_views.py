"""The claim-typing views on the seeds: check-worthy claims, hedged speakers, quantities."""

from pipelines import query


def ask(store, sql):
    return query.run_query(store.data_dir, sql)[1]


def test_reporter_claims_are_unattributed_author_rows(seeded_store):
    rows = ask(seeded_store, """select speaker, speaker_type, cue_start, checkworthy from claims
                                where attribution_type = 'unattributed'""")
    assert rows and all(r[0] is None and r[1] == "author" and r[2] is None and r[3] >= 0.5 for r in rows)
    texts = [r[0] for r in ask(seeded_store, "select content_text from claims where attribution_type = 'unattributed'")]
    assert any("prisoner swap" in t for t in texts)  # the sample's own factual sentence


def test_every_sentence_is_scored(seeded_store):
    assert ask(seeded_store, "select count(*) from sentences where checkworthy is null or checkworthy not between 0 and 1") == [(0,)]


def test_checkworthy_claims_ranks_within_each_document(seeded_store):
    rows = ask(seeded_store, "select doc_id, rank_in_document, checkworthy from checkworthy_claims order by doc_id, rank_in_document")
    for (doc_a, rank_a, score_a), (doc_b, rank_b, score_b) in zip(rows, rows[1:]):
        if doc_a == doc_b:
            assert rank_b == rank_a + 1 and score_b <= score_a


def test_hedged_claims_by_speaker_names_peskovs_hedge(seeded_store):
    rows = ask(seeded_store, "select speaker, hedged, hedges from hedged_claims_by_speaker")
    peskov = [r for r in rows if r[0] == "Dmitry Peskov"]
    assert peskov and peskov[0][1] >= 1 and "without elaborating" in peskov[0][2]


def test_claim_quantities_normalise_the_call_length(seeded_store):
    rows = ask(seeded_store, """select quantity, value, unit, approximation from claim_quantities
                                where kind = 'duration'""")
    assert ("one and a half hours", 90.0, "minute", None) in rows
    assert ("one-and-a-half hours", 90.0, "minute", "almost") in rows
