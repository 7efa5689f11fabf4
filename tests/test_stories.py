"""Story grouping: documents about one event share a story_id; the rest stand alone."""

from datetime import datetime

import pytest

from pipelines.linking.basil import basil_root
from pipelines.linking.stories import StoryDoc, group_stories, story_id_for

CALL_REUTERS = StoryDoc(
    "r1", "Trump speaks to Putin, says Ukraine talks to start 'immediately'",
    "U.S. President Donald Trump said he had a lengthy and highly productive call with Russian President "
    "Vladimir Putin in which they agreed to immediately start negotiations to end the Ukraine war. The Kremlin "
    "said the call lasted one and a half hours. Kremlin spokesman Dmitry Peskov said Putin invited Trump to Moscow.",
    "reuters", datetime(2025, 2, 12, 20), ("Donald Trump", "Dmitry Peskov"), ("lengthy and highly productive",))
CALL_AP = StoryDoc(
    "a1", "Trump says he and Putin agreed to start talks on ending Ukraine war after lengthy call",
    "President Donald Trump said that he and Russian President Vladimir Putin had agreed to begin negotiations "
    "immediately to end the war in Ukraine after a phone call. Kremlin spokesman Dmitry Peskov told reporters "
    "that Putin had invited Trump to visit Moscow. The Kremlin said the call lasted nearly 90 minutes.",
    "apnews", datetime(2025, 2, 12, 21), ("Donald Trump", "Dmitry Peskov"), ("lengthy and highly productive",))
RAIL = StoryDoc(
    "f1", "Ohio city council narrowly backs $3.2 billion light rail plan",
    "The Millbrook City Council voted 7-5 to approve a light rail plan, sending a half-cent sales tax increase "
    "to voters. Councilman Ray Kessler said the sales tax increase would hit lower-income residents hardest.",
    "foxnews", datetime(2025, 3, 19), ("Ray Kessler",), ())
RAIL_AP = StoryDoc(
    "a2", "Millbrook council sends $3.2 billion light rail tax to voters",
    "A divided Millbrook City Council has voted to ask residents to approve a sales tax increase to pay for a "
    "light rail line. Councilmember Ray Kessler, who voted no, called the plan a tax on every family.",
    "apnews", datetime(2025, 3, 19), ("Ray Kessler",), ())
SHIPPING = StoryDoc(
    "r2", "Nordvik Shipping profit jumps 43% on Red Sea detours",
    "Nordvik Shipping said net profit rose to $412 million as Red Sea detours lifted container freight rates.",
    "reuters", datetime(2025, 2, 6), ("Ingrid Havdal",), ())


def test_same_event_from_two_outlets_is_one_story():
    stories = group_stories([CALL_REUTERS, CALL_AP, RAIL, RAIL_AP, SHIPPING])
    assert stories["r1"] == stories["a1"]
    assert stories["f1"] == stories["a2"]
    assert stories["r1"] != stories["f1"]


def test_a_document_without_partner_is_a_story_of_one():
    stories = group_stories([CALL_REUTERS, CALL_AP, SHIPPING])
    assert list(stories.values()).count(stories["r2"]) == 1


def test_story_id_is_the_hash_of_the_smallest_doc_id_and_order_free():
    forward = group_stories([CALL_REUTERS, CALL_AP])
    backward = group_stories([CALL_AP, CALL_REUTERS])
    assert forward == backward == {"a1": story_id_for(["a1", "r1"]), "r1": story_id_for(["a1", "r1"])}


def test_the_same_event_a_month_apart_is_two_stories():
    later = StoryDoc(CALL_AP.doc_id, CALL_AP.title, CALL_AP.text, CALL_AP.source, datetime(2025, 3, 20),
                     CALL_AP.speakers, CALL_AP.quotes)
    stories = group_stories([CALL_REUTERS, later])
    assert stories["r1"] != stories["a1"]


def test_documents_without_dates_still_group():
    undated = [StoryDoc(d.doc_id, d.title, d.text, d.source, None, d.speakers, d.quotes) for d in (CALL_REUTERS, CALL_AP)]
    stories = group_stories(undated)
    assert stories["r1"] == stories["a1"]


def test_empty_input():
    assert group_stories([]) == {}


def test_basil_pairwise_f1_at_least_090():
    if basil_root() is None:
        pytest.skip("../shared/data/basil is absent: the BASIL figure needs the shared evaluation data")
    from bench.stories_basil import evaluate

    precision, recall, f1 = evaluate(basil_root())["overall"]
    assert f1 >= 0.90, (precision, recall, f1)
