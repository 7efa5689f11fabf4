"""The cross-source tables and sql/ views on the seeds: three outlets on one event, two on another."""

import pyarrow.parquet as pq

from pipelines import corpus, query


def ask(store, sql):
    return query.run_query(store.data_dir, sql)[1]


def test_the_trump_putin_call_is_one_story_across_three_outlets(seeded_store):
    rows = ask(seeded_store, """
        select story_id, list(distinct source order by source) from stories join documents using (doc_id)
        group by story_id having count(*) > 1 order by 2""")
    sources = [tuple(r[1]) for r in rows]
    assert ("apnews", "reuters", "usnews") in sources
    assert ("apnews", "foxnews") in sources  # the Millbrook council vote
    assert ask(seeded_store, "select count(*) - count(distinct doc_id) from stories") == [(0,)]  # one story each


def test_one_speaker_id_for_trump_across_outlets(seeded_store):
    rows = ask(seeded_store, """
        select count(distinct c.speaker_id), list(distinct d.source order by d.source)
        from claims c join documents d using (doc_id) where c.speaker = 'Donald Trump'""")
    assert rows[0][0] == 1 and {"apnews", "reuters", "usnews"} <= set(rows[0][1])
    [(name, aliases)] = ask(seeded_store, """select name, aliases from speakers
                                             where speaker_id = (select any_value(speaker_id) from claims
                                                                 where speaker = 'Donald Trump')""")
    assert name == "Donald Trump"


def test_who_said_what_across_sources(seeded_store):
    rows = ask(seeded_store, "select speaker, n_sources from who_said_what_across_sources where speaker = 'Donald Trump'")
    assert rows and all(n >= 3 for _, n in rows)


def test_quote_variants_show_the_word_difference(seeded_store):
    rows = ask(seeded_store, "select speaker, difference from quote_variants")
    assert ("Dmitry Peskov", "-favour +favor; -stopping +ending") in rows


def test_conflicting_quantities_find_the_call_length(seeded_store):
    rows = ask(seeded_store, "select source_a, source_b, detail from conflicting_quantities")
    assert any("90" in detail and "120" in detail for _, _, detail in rows), rows


def test_exclusive_claims_have_no_link_to_another_outlet(seeded_store):
    rows = ask(seeded_store, """
        select count(*) from exclusive_claims e join claim_links l
        on e.claim_id in (l.claim_id_a, l.claim_id_b)""")
    assert rows == [(0,)]
    assert ask(seeded_store, "select count(*) from exclusive_claims where n_story_sources >= 2")[0][0] > 0


def test_speaker_source_coverage_is_a_matrix(seeded_store):
    rows = ask(seeded_store, "select source, n_claims from speaker_source_coverage where speaker = 'Donald Trump'")
    assert {s for s, _ in rows} >= {"apnews", "reuters", "usnews"} and all(n > 0 for _, n in rows)


def test_first_outlet_is_the_earliest_published(seeded_store):
    rows = ask(seeded_store, """
        select f.first_source, f.first_published_at, f.this_published_at from first_outlet f
        where f.this_published_at is not null""")
    assert rows and all(first is not None and first <= this for _, first, this in rows)


def test_wire_copy_links_the_syndicated_copy_to_reuters(seeded_store):
    rows = ask(seeded_store, "select source_a, source_b from wire_copy")
    assert {"reuters", "usnews"} in [{a, b} for a, b in rows]


def test_linking_skips_when_nothing_changed_and_keeps_ids(seeded_store):
    before = {k: p.stat().st_mtime_ns for k, p in seeded_store.parts("claims").items()}
    summary = corpus.link_corpus(seeded_store)
    assert summary.counts == {"skipped": 1}
    assert {k: p.stat().st_mtime_ns for k, p in seeded_store.parts("claims").items()} == before
    ids = [r for p in seeded_store.parts("claims").values() for r in pq.read_table(p, columns=["speaker_id"]).column(0).to_pylist()]
    assert any(ids)
