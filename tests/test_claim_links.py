"""Claim links between documents: each relation on sentences written for the test, and the gold set."""

import pytest

from pipelines.linking.amounts import fallback_amounts
from pipelines.linking.claims import LinkClaim, link_claims
from pipelines.linking.gold import GOLD, load_gold, predict, score
from pipelines.linking.relations import is_title, word_diff

STORY = {"reuters": "s1", "apnews": "s1", "usnews": "s1", "other": "s2"}


def claim(cid, doc, speaker, content, sentence=""):
    return LinkClaim(cid, doc, speaker, content, sentence=sentence or content, source=doc)


def relation(a, b):
    links = link_claims([a, b], STORY)
    return (links[0].relation, links[0].detail) if links else (None, "")


def test_same_quote_ignores_quote_marks_case_and_punctuation():
    a = claim("a", "reuters", "peskov", '"Putin stressed any settlement must address the root causes," Peskov said.')
    b = claim("b", "apnews", "peskov", "“putin stressed any settlement must address the root causes” Peskov told reporters")
    assert relation(a, b)[0] == "same_quote"


def test_an_excerpt_of_a_longer_quote_is_the_same_quote():
    a = claim("a", "reuters", "marsh", "that standing still was “not an option”")
    b = claim("b", "apnews", "marsh", "“I understand how unsettling this is,” she said. “But standing still is not an option.”")
    assert relation(a, b)[0] == "same_quote"


def test_quote_variant_shows_the_word_level_difference():
    a = claim("a", "reuters", "peskov", '"President Trump spoke in favour of stopping hostilities as soon as possible."')
    b = claim("b", "apnews", "peskov", '"President Trump spoke in favor of ending hostilities as soon as possible."')
    rel, detail = relation(a, b)
    assert rel == "quote_variant"
    assert detail == "-favour +favor; -stopping +ending"


def test_quote_relations_need_the_same_speaker():
    # A slogan echoed by a second speaker is not the first speaker's quote.
    a = claim("a", "reuters", "mayor", '"A city that builds nothing stands still," the mayor said.')
    b = claim("b", "apnews", "union", 'The union leader replied, "A city that builds nothing stands still."')
    assert relation(a, b)[0] is None


def test_a_quoted_programme_name_is_not_a_shared_quote():
    a = claim("a", "reuters", "brandt", 'ridership will fall short, Brandt said on "Morning Ohio Live."')
    b = claim("b", "apnews", "brandt", 'Brandt said on "Morning Ohio Live" that he would file a bill on tax votes')
    assert relation(a, b)[0] != "same_quote"
    assert is_title("Morning Ohio Live") and is_title("In God We Trust") and not is_title("not an option")


def test_paraphrase_same_speaker_same_content_other_words():
    a = claim("a", "reuters", "okafor", "managers had told union representatives that compulsory redundancies could not be ruled out")
    b = claim("b", "apnews", "okafor", "union officials had been warned that compulsory redundancies were not ruled out")
    assert relation(a, b)[0] == "paraphrase"


def test_paraphrase_needs_the_same_speaker_and_story():
    a = claim("a", "reuters", "okafor", "managers had told union representatives that compulsory redundancies could not be ruled out")
    b = claim("b", "apnews", "marsh", "union officials had been warned that compulsory redundancies were not ruled out")
    c = claim("c", "other", "okafor", "union officials had been warned that compulsory redundancies were not ruled out")
    assert relation(a, b)[0] is None
    assert relation(a, c)[0] is None


def test_conflicting_durations_of_one_call():
    a = claim("a", "reuters", "kremlin", "the phone call between the two leaders lasted one and a half hours")
    b = claim("b", "apnews", "kremlin", "the phone call between the two leaders lasted close to two hours")
    rel, detail = relation(a, b)
    assert rel == "conflict"
    assert "minute" in detail


def test_ninety_minutes_and_one_and_a_half_hours_agree():
    a = claim("a", "reuters", "kremlin", "the phone call between the two leaders lasted one and a half hours")
    b = claim("b", "apnews", "kremlin", "the phone call between the two leaders lasted nearly 90 minutes")
    assert relation(a, b)[0] == "paraphrase"


def test_quantities_given_by_the_caller_are_used_and_units_folded():
    a = LinkClaim("a", "reuters", "kremlin", "the phone call between the two leaders lasted a long time",
                  quantities=((1.5, "hours"),), source="reuters")
    b = LinkClaim("b", "apnews", "kremlin", "the leaders' phone call went on for a long time",
                  quantities=((2, "hours"),), source="apnews")
    c = LinkClaim("c", "usnews", "kremlin", "a long phone call, the Kremlin said",
                  quantities=((90, "minutes"),), source="usnews")
    rel = {(x.claim_id_a, x.claim_id_b): x.relation for x in link_claims([a, b, c], STORY)}
    assert rel[("a", "b")] == "conflict" and rel[("b", "c")] == "conflict"
    assert rel[("a", "c")] != "conflict"


def test_figures_for_different_years_do_not_conflict():
    a = claim("a", "reuters", "nordvik", "Nordvik's operating margin for 2024 was 21.5 percent, the company said")
    b = claim("b", "apnews", "nordvik", "from 2019 through 2024 Nordvik's operating margin averaged 14.2 percent")
    assert relation(a, b)[0] != "conflict"


def test_wire_copy_across_outlets_not_within_one():
    text = ('the Kremlin said the call lasted one and a half hours and that Putin and Trump had agreed that '
            'the "time has come to work together."')
    a = claim("a", "reuters", "kremlin", text)
    b = claim("b", "usnews", "kremlin", "WASHINGTON (Reuters) - " + text)
    assert relation(a, b)[0] == "wire_copy"
    same_outlet = LinkClaim("c", "reuters2", "kremlin", text, sentence=text, source="reuters")
    assert link_claims([a, same_outlet], {"reuters": "s1", "reuters2": "s1"})[0].relation != "wire_copy"


def test_no_links_within_one_document_and_ids_ordered():
    a = claim("b-claim", "reuters", "p", '"We agreed to work together, very closely," said Trump.')
    b = claim("a-claim", "reuters", "p", '"We agreed to work together, very closely," said Trump.')
    c = claim("c-claim", "apnews", "p", '"We agreed to work together, very closely," Trump wrote.')
    links = link_claims([a, b, c], STORY)
    assert {(x.claim_id_a, x.claim_id_b) for x in links} == {("a-claim", "c-claim"), ("b-claim", "c-claim")}
    assert link_claims([c, b, a], STORY) == links


def test_fallback_quantities():
    (q,) = fallback_amounts("the call lasted almost one-and-a-half hours")
    assert (q.value, q.unit, q.approximation) == (90.0, "minute", "almost")
    assert [a.value for a in fallback_amounts("a $3.2 billion line")] == [3.2e9]
    assert fallback_amounts("since 2014")[0].kind == "date"


def test_word_diff_reports_drops_and_additions():
    assert word_diff("we have also agreed", "we have agreed") == "-also"
    assert word_diff("a tax on every family", "this is a tax on every family") == "+this is"


MACRO_F1_FLOOR = 0.85  # reached 0.883 on 164 pairs when written; a drop below this is a regression


def test_gold_set_macro_f1():
    pairs, skipped = load_gold()
    if not pairs:
        pytest.skip(f"no gold pair resolved from {GOLD}")
    figures = score(pairs, predict(pairs))
    if skipped:  # BASIL absent: only the seeds pairs are scored, a smaller sample
        assert figures["macro"][2] >= MACRO_F1_FLOOR - 0.1, figures
    else:
        assert figures["macro"][2] >= MACRO_F1_FLOOR, figures


def test_gold_set_size_and_basil_references_carry_no_text():
    import json

    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(records) >= 150
    for rec in records:
        for side in (rec["a"], rec["b"]):
            if "basil" in side:
                assert set(side) == {"basil", "speaker"}
                assert side["basil"]["year"] <= 2016


def _rows(store, table):
    import pyarrow as pa

    parts = [store.read_part(table, key) for key in store.parts(table)]
    return pa.concat_tables(parts).to_pylist() if parts else []


def test_seeds_end_to_end_through_link_tables(seeded_store):
    from pipelines.linking.rows import link_tables

    docs = _rows(seeded_store, "documents")
    linked = link_tables(docs, _rows(seeded_store, "sentences"), _rows(seeded_store, "claims"))
    story = {r["doc_id"]: r["story_id"] for r in linked.stories}

    def stories_of(word):
        return {story[d["doc_id"]] for d in docs if word in d["title"]}

    # three outlets on the Trump-Putin call, two on the Millbrook vote, two on the Northfield ballot,
    # and the Nordvik results alone
    assert len(stories_of("Putin")) == len(stories_of("light rail")) == len(stories_of("Northfield")) == 1
    assert len(set(story.values())) == 4
    assert {r["relation"] for r in linked.claim_links} >= {"same_quote", "wire_copy", "paraphrase"}
    names = {r["name"] for r in linked.speakers}
    assert {"Donald Trump", "Dmitry Peskov", "Vladimir Putin"} <= names
    assert all(r["claim_id_a"] < r["claim_id_b"] for r in linked.claim_links)


def nested(cid, doc, speaker, cue, content, sentence):
    return LinkClaim(cid, doc, speaker, content, sentence=sentence, source=doc, cue=cue, nested=True)


def test_a_nested_claim_is_never_linked_to_its_parent_in_another_outlet():
    """`Trump said he had asked Rubio ...`: Trump's claim holds his nested `had asked` claim; in a
    second outlet's copy the nested claim is not the parent's equal, conflict or paraphrase."""
    said = ("he had asked Secretary of State Marco Rubio and national security adviser Mike Waltz "
            "to start negotiations immediately")
    asked = "Secretary of State Marco Rubio and national security adviser Mike Waltz to start negotiations immediately"
    denied = ("he had not asked Secretary of State Marco Rubio and national security adviser Mike Waltz "
              "to start negotiations immediately")
    sentence = "Trump said " + said + "."
    claims = [claim("p1", "reuters", "trump", said, sentence), nested("n1", "reuters", "trump", "had asked", asked, sentence),
              claim("p2", "apnews", "trump", denied, "Speaking to reporters aboard Air Force One on Sunday evening, "
                                                       "the president insisted " + denied + "."),
              nested("n2", "usnews", "trump", "had asked", asked, sentence)]
    pairs = {(x.claim_id_a, x.claim_id_b): x.relation for x in link_claims(claims, STORY)}
    assert pairs.get(("n1", "n2")) and pairs.get(("p1", "p2")) == "conflict"
    assert not {pair for pair in pairs if set(pair) in ({"n1", "p2"}, {"n2", "p1"}, {"n2", "p2"})}, pairs


def test_no_seed_link_pairs_a_nested_claim_with_a_claim_that_holds_it(seeded_store):
    from pipelines import query

    _, rows = query.run_query(seeded_store.data_dir, """
        select count(*) from claim_links l
        join claims a on a.claim_id = l.claim_id_a join claims b on b.claim_id = l.claim_id_b
        where (a.parent_claim_id is not null and strpos(b.content_text, a.cue_text || ' ') > 0
               and strpos(b.content_text, a.content_text) > 0)
           or (b.parent_claim_id is not null and strpos(a.content_text, b.cue_text || ' ') > 0
               and strpos(a.content_text, b.content_text) > 0)""")
    assert rows == [(0,)]
