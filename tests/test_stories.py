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


def test_basil_pairwise_f1_at_least_096():
    if basil_root() is None:
        pytest.skip("../shared/data/basil is absent: the BASIL figure needs the shared evaluation data")
    from bench.stories_basil import evaluate

    precision, recall, f1 = evaluate(basil_root())["overall"]
    assert f1 >= 0.96, (precision, recall, f1)


# Two earthquakes the same week, each told by two outlets: the words of an earthquake story are shared,
# the places, people and numbers are not.
QUAKE_IRAN_AP = StoryDoc(
    "q1", "Magnitude 6.1 earthquake kills dozens in western Iran",
    "A magnitude 6.1 earthquake struck Kermanshah province in western Iran early on Tuesday, killing at least 37 "
    "people and injuring hundreds, state television said. The quake toppled mud-brick homes in the town of "
    "Sarpol-e Zahab, where rescuers dug through rubble. Kermanshah governor Houshang Bazvand said aftershocks "
    "hampered the rescue and that tents were being sent from Tehran. The Red Crescent said 12 villages were damaged.",
    "apnews", datetime(2025, 4, 8, 6))
QUAKE_IRAN_REUTERS = StoryDoc(
    "q2", "Iran quake in Kermanshah kills at least 37, hundreds hurt",
    "At least 37 people were killed when a strong earthquake hit Kermanshah province near the Iraqi border on "
    "Tuesday, Iranian state media reported. Governor Houshang Bazvand said the worst damage was in Sarpol-e Zahab "
    "and that the Red Crescent had sent rescue teams and tents. The U.S. Geological Survey put the magnitude at 6.1.",
    "reuters", datetime(2025, 4, 8, 9))
QUAKE_PERU_AP = StoryDoc(
    "q3", "Magnitude 6.8 earthquake kills 9 in southern Peru",
    "A magnitude 6.8 earthquake struck the Arequipa region of southern Peru on Thursday, killing at least nine "
    "people and injuring dozens, officials said. The quake toppled adobe homes in the town of Chala, where rescuers "
    "dug through rubble. Arequipa governor Rohel Sanchez said aftershocks hampered the rescue and that tents were "
    "being sent from Lima. Civil defence officials said 40 homes were destroyed.",
    "apnews", datetime(2025, 4, 10, 7))
QUAKE_PERU_GUARDIAN = StoryDoc(
    "q4", "Peru earthquake: nine dead as quake hits Arequipa",
    "Nine people died when a powerful earthquake shook the Arequipa region of southern Peru on Thursday. Regional "
    "governor Rohel Sanchez said most of the victims were in Chala, where adobe homes collapsed, and that "
    "civil defence teams were flying in tents from Lima. The U.S. Geological Survey measured the quake at 6.8.",
    "guardian", datetime(2025, 4, 10, 12))

# One team's two games a week apart: the team, its coach and its stars recur; the opponent, score and date do not.
LAKERS_CELTICS = StoryDoc(
    "g1", "Lakers beat Celtics 112-104 behind LeBron James' 31 points",
    "LeBron James scored 31 points and Anthony Davis added 22 rebounds as the Los Angeles Lakers beat the Boston "
    "Celtics 112-104 on Tuesday night at Crypto.com Arena. Jayson Tatum led Boston with 28 points. Lakers coach "
    "JJ Redick said his team's defence won the game in the fourth quarter, when Boston scored only 17 points.",
    "apnews", datetime(2025, 1, 21, 23))
LAKERS_CELTICS_ESPN = StoryDoc(
    "g2", "James, Davis lead Lakers past Celtics",
    "The Los Angeles Lakers held off the Boston Celtics 112-104 on Tuesday as LeBron James had 31 points and "
    "Anthony Davis pulled down 22 rebounds. Tatum scored 28 for Boston, which was held to 17 points in the fourth "
    "quarter. Coach JJ Redick praised the defence after the win.",
    "espn", datetime(2025, 1, 22, 1))
LAKERS_KNICKS = StoryDoc(
    "g3", "Knicks beat Lakers 119-101 as Jalen Brunson scores 38",
    "Jalen Brunson scored 38 points and Karl-Anthony Towns had 15 rebounds as the New York Knicks beat the Los "
    "Angeles Lakers 119-101 on Tuesday night at Madison Square Garden. LeBron James led the Lakers with 24 points. "
    "Lakers coach JJ Redick said his team's defence let the game slip in the third quarter, when New York scored "
    "39 points.",
    "apnews", datetime(2025, 1, 28, 23))
LAKERS_KNICKS_ESPN = StoryDoc(
    "g4", "Brunson's 38 carry Knicks past Lakers",
    "The New York Knicks ran past the Los Angeles Lakers 119-101 on Tuesday behind 38 points from Jalen Brunson. "
    "Towns added 15 rebounds at Madison Square Garden, where New York scored 39 points in the third quarter. "
    "James had 24 for Los Angeles; coach JJ Redick said the defence let the game slip.",
    "espn", datetime(2025, 1, 29, 1))


def test_two_earthquakes_in_different_countries_are_two_stories():
    stories = group_stories([QUAKE_IRAN_AP, QUAKE_IRAN_REUTERS, QUAKE_PERU_AP, QUAKE_PERU_GUARDIAN])
    assert stories["q1"] == stories["q2"]
    assert stories["q3"] == stories["q4"]
    assert stories["q1"] != stories["q3"]


def test_the_same_teams_two_games_are_two_stories():
    games = [LAKERS_CELTICS, LAKERS_CELTICS_ESPN, LAKERS_KNICKS, LAKERS_KNICKS_ESPN]
    stories = group_stories(games)
    assert stories["g1"] == stories["g2"]
    assert stories["g3"] == stories["g4"]
    assert stories["g1"] != stories["g3"]
    # Without publication dates: "on Tuesday night", counted back from when each report was ingested.
    undated = group_stories([_undated(g, ingested_at=g.published_at) for g in games])
    assert undated["g1"] == undated["g2"] and undated["g3"] == undated["g4"] and undated["g1"] != undated["g3"]


def _undated(doc: StoryDoc, text: str | None = None, ingested_at: datetime | None = None) -> StoryDoc:
    return StoryDoc(doc.doc_id, doc.title, text or doc.text, doc.source, None, doc.speakers, doc.quotes, ingested_at)


def test_an_undated_document_takes_its_dateline_date_and_stays_in_the_window():
    # Ingested a month after the Peru quake, with a dateline of that day: it must not join the April story.
    late = _undated(QUAKE_PERU_GUARDIAN, "LIMA, May 12 (Reuters) - " + QUAKE_PERU_GUARDIAN.text, datetime(2025, 5, 12, 18))
    stories = group_stories([QUAKE_PERU_AP, late])
    assert stories["q3"] != stories["q4"]
    on_time = _undated(QUAKE_PERU_GUARDIAN, "LIMA, April 10 (Reuters) - " + QUAKE_PERU_GUARDIAN.text,
                       datetime(2025, 5, 12, 18))
    assert len(set(group_stories([QUAKE_PERU_AP, on_time]).values())) == 1


def test_an_undated_document_cannot_bridge_two_weeks():
    # The same event retold a month later is another story; a copy with no date at all links to one of them only.
    later = StoryDoc("r3", CALL_AP.title, CALL_AP.text, CALL_AP.source, datetime(2025, 3, 20), CALL_AP.speakers,
                     CALL_AP.quotes)
    bridge = _undated(StoryDoc("u1", CALL_AP.title, CALL_AP.text, None, None, CALL_AP.speakers, CALL_AP.quotes))
    stories = group_stories([CALL_REUTERS, later, bridge])
    assert stories["r1"] != stories["r3"]


def test_an_undated_document_links_only_on_strong_evidence():
    # No date anywhere: another earthquake shares the words of an earthquake story, not enough; a report of the
    # same earthquake shares its places, people and numbers, which is.
    stories = group_stories([QUAKE_IRAN_AP, _undated(QUAKE_PERU_AP), _undated(QUAKE_IRAN_REUTERS)])
    assert stories["q1"] != stories["q3"]
    assert stories["q1"] == stories["q2"]


def test_a_long_chain_of_overlapping_documents_is_not_one_story():
    # Each document shares its places and people with the next only: average linkage keeps the chain apart,
    # however long it is (single linkage, once used above 300 documents, made it one story).
    def doc(i: int) -> StoryDoc:
        text = (f"Officials in Vandor{i} and Vandor{i + 1} met mayor Keltis{i} and mayor Keltis{i + 1} about the "
                f"flooded Rimbach{i} and Rimbach{i + 1} bridges. Engineer Osterby{i} and engineer Osterby{i + 1} "
                f"inspected the Talmar{i} and Talmar{i + 1} dams.")
        return StoryDoc(f"c{i:03d}", None, text, "wire", datetime(2025, 6, 2, 8))
    stories = group_stories([doc(i) for i in range(400)])
    assert max(list(stories.values()).count(s) for s in set(stories.values())) <= 4


def test_average_linkage_never_lets_a_group_span_more_than_the_window():
    from pipelines.linking.linkage import average_linkage

    strong = {(i, j): 0.9 for i in range(4) for j in range(i + 1, 4)}
    groups = average_linkage(4, strong, [0.0, 1.0, 10.0, None], threshold=0.1, window=4.0)
    assert sorted(sorted(g) for g in groups) in ([[0, 1], [2, 3]], [[0, 1, 3], [2]])
