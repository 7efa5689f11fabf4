"""The seeds' attribution patterns, end to end through the tables (each pattern named by its seed line)."""

import pytest

from pipelines import query


def claims_of(store, external_id):
    columns, rows = query.run_query(store.data_dir, f"""
        select c.speaker, c.speaker_text, c.cue_text, c.cue_lemma, c.attribution_type, c.content_text,
               len(c.content_spans) as fragments, c.parent_claim_id, c.claim_id
        from claims c join documents d using (doc_id)
        where d.external_id = '{external_id}' order by c.content_start""")
    return [dict(zip(columns, r)) for r in rows]


def find(claims, fragment, **expected):
    hits = [c for c in claims if fragment in (c["content_text"] or "")]
    assert hits, f"no claim whose content holds {fragment!r}"
    ok = [c for c in hits if all(c[k] == v for k, v in expected.items())]
    assert ok, f"{fragment!r}: expected {expected}, found {[{k: c[k] for k in expected} for c in hits]}"
    return ok[0]


AP = "001_trump-putin-call-ukraine-talks"
FOX = "002_millbrook-council-light-rail-tax"


@pytest.fixture(scope="module")
def ap(seeded_store):
    return claims_of(seeded_store, AP)


def test_quote_then_speaker_verb(ap):  # "…," Peskov said.
    find(ap, "spoke in favor of ending hostilities", speaker="Dmitry Peskov", cue_text="said", attribution_type="direct")


def test_floating_quote_joins_the_quote_before_it(ap):  # "We agreed …," Trump wrote. / "We have agreed …"
    claim = find(ap, "We agreed to work together", speaker="Donald Trump", cue_text="wrote")
    assert claim["fragments"] == 2 and "We have agreed to have our teams" in claim["content_text"]


def test_split_quote_is_one_claim_with_two_fragments(ap):  # "We'll probably meet …," he said, "but …"
    claim = find(ap, "We'll probably meet in Saudi Arabia", speaker="Donald Trump", attribution_type="direct")
    assert claim["fragments"] == 2 and claim["speaker_text"] == "he"


def test_nested_attribution_points_to_its_parent(ap):  # Putin stressed …, Peskov said
    inner = find(ap, "any settlement would need to", speaker="Vladimir Putin", cue_text="stressed")
    outer = [c for c in ap if c["claim_id"] == inner["parent_claim_id"]]
    assert outer and outer[0]["speaker"] == "Dmitry Peskov"


def test_headline_second_predicate(seeded_store):  # Trump speaks to Putin, says Ukraine talks to start 'immediately'
    claims = claims_of(seeded_store, "000_5bda79cfd975bed4")
    find(claims, "Ukraine talks to start", speaker="Donald Trump", cue_text="says")


def test_according_to_trailing(ap):  # …, according to a U.S. official.
    find(ap, "the United States released Alexander Vinnik", speaker_text="a U.S. official", cue_lemma="according to")


def test_told_reporters_that(ap):  # Kremlin spokesman Dmitry Peskov told reporters that …
    find(ap, "time has come to work together", speaker="Dmitry Peskov", cue_text="told")


def test_headline_colon_speaker(seeded_store):  # 'A tax on every family' on light rail plan: Kessler
    claims = claims_of(seeded_store, FOX)
    find(claims, "A tax on every family’ on light rail plan", cue_text=":")


def test_according_to_leading(seeded_store):  # According to a poll …, 43% of likely voters …
    claims = claims_of(seeded_store, FOX)
    find(claims, "43% of likely voters support the plan", cue_lemma="according to")


def test_organization_said_in_a_statement(seeded_store):  # …, the Oslo-listed company said in a statement, …
    claims = claims_of(seeded_store, "006_nordvik-shipping-q4-profit")
    claim = find(claims, "Net profit rose to $412 million", speaker_text="the Oslo-listed company")
    assert "said" in claim["cue_text"]
