"""Speakers are noun phrases and names come from the name model: one sentence per error kind of issue 12."""

from pipelines.attribution.names import is_name_word, name_words
from pipelines.attribution.sources import noun_phrase
from pipelines.linking.speakers import SpeakerMention, link_speakers

from .test_attribution import extract, spans


def names(*lines, headline_first=False):
    text, found = extract(*lines, headline_first=headline_first)
    return [(a.speaker.text(text) if a.speaker else None, a.speaker_name) for a in found]


def phrase(text):
    span = noun_phrase(text, 0, len(text))
    return text[span[0]:span[1]] if span else None


# --- headline words ---------------------------------------------------------------------------

def test_a_title_case_headline_word_is_no_part_of_a_name():
    # the headline's `Despite Trump` must not become the full name every later `Mr. Trump` resolves to
    got = names("Despite Trump Warnings, Senate Passes the Rail Budget",
                "President Donald Trump met senators on Monday.",
                '"It is a bad bill," Mr. Trump said.', headline_first=True)
    assert got[-1] == ("Mr. Trump", "Donald Trump")


def test_a_headline_verb_before_a_name_is_no_part_of_it():
    got = names("Indicting Roger Stone Was the Special Counsel's Last Move",
                "Roger Stone appeared in court on Friday.",
                '"I will be vindicated," Stone said.', headline_first=True)
    assert got[-1] == ("Stone", "Roger Stone")


def test_the_name_model_trims_headline_words_around_a_name():
    tokens = "For Jailing Top Clinton Aide".split()
    i, j = name_words(tokens)
    assert tokens[i:j] == ["Clinton"]
    assert not is_name_word("Despite") and not is_name_word("Criticized") and is_name_word("Trump")


# --- subordinators, conjunctions, prepositions -------------------------------------------------

def test_a_subordinator_or_conjunction_opens_no_speaker():
    assert phrase("As the Huffington Post") == "the Huffington Post"
    assert phrase("But Democrats") == "Democrats"
    assert phrase("When") is None and phrase("If") is None
    assert names("But Democrats said the bill would fail in the Senate.") == [("Democrats", "Democrats")]


def test_relative_pronouns_and_quantifiers_stay():
    assert phrase("who") == "who"
    assert phrase("At least one GOP insider") == "At least one GOP insider"
    assert phrase("No one") == "No one" and phrase("Polling averages") == "Polling averages"


# --- clauses -----------------------------------------------------------------------------------

def test_a_clause_is_no_speaker():
    assert phrase("Who Criticized Trump") is None
    assert phrase("whose headquarters is in Indianapolis") is None
    assert phrase("Speaking on Fox News Sunday") is None
    assert phrase("deleted a reference in the draft") is None
    assert phrase("Indicting Roger Stone") is None


def test_a_restrictive_who_resolves_to_the_noun_phrase_before_it():
    assert names("The plan drew criticism from Republicans who said it would raise taxes.") == [("who", "Republicans")]


# --- bare surnames across documents -------------------------------------------------------------

def mention(claim_id, name, doc, story, kind="person"):
    return SpeakerMention(doc, claim_id, name, name, None, kind, story)


def test_a_bare_surname_joins_the_corpus_dominant_full_name_unless_its_document_names_another():
    got = link_speakers([
        mention("a1", "Donald Trump", "a", "s1"), mention("a2", "Donald Trump", "a", "s1"),
        mention("b1", "Donald Trump", "b", "s2"),
        mention("c1", "Melania Trump", "c", "s3"),
        mention("d1", "Trump", "d", "s4"),  # names no Trump in full: the corpus's dominant one
        mention("e1", "Melania Trump", "e", "s5"), mention("e2", "Trump", "e", "s5"),  # names Melania
    ])[1]
    assert got["d1"] == got["a1"] == got["b1"]
    assert got["e2"] == got["c1"] != got["a1"]


def test_every_named_or_described_speaker_has_an_id_and_pronouns_have_none():
    got = link_speakers([
        mention("a1", "Mike Pence", "a", "s1"),
        SpeakerMention("a", "a2", "Mike Pence", "the governor", None, "person", "s1"),  # resolved description
        mention("a3", "lawmakers", "a", "s1"),
        mention("a4", "the Kremlin", "a", "s1", kind="organization"),
        mention("a5", "they", "a", "s1"),
    ])[1]
    assert got["a1"] == got["a2"]
    assert got["a3"] and got["a4"] and got["a5"] is None


# --- pronouns: gender and number ------------------------------------------------------------------

def test_he_never_resolves_to_a_woman():
    got = names("Mayor Paul Dunn said the vote would pass.",
                "Councillor Carole Laurin said the tax was unfair.",
                '"We will win," he said.')
    assert got[-1] == ("he", "Paul Dunn")
    assert names("Councillor Carole Laurin said the tax was unfair.", '"We will win," he said.')[-1] == ("he", "he")


def test_they_and_it_resolve_to_the_organisation_or_group_that_spoke_last():
    assert names("The Kremlin said the talks would start on Monday.",
                 "It said the call lasted an hour.")[-1] == ("It", "The Kremlin")
    assert names("Gazprom and Rosneft said prices would rise.",
                 "They said demand was strong.")[-1] == ("They", "Gazprom and Rosneft")
    # a person spoke since: `they` stays as written
    assert names("The Kremlin said the talks would start on Monday.", "Vladimir Putin said the call was good.",
                 "They said the call lasted an hour.")[-1] == ("They", "They")


def test_a_bare_surname_is_the_namesake_who_spoke_last():
    assert names("Melker Karlsson met the mayor on Monday.", "Erik Karlsson said the team was ready.",
                 '"We will win," Karlsson said.')[-1] == ("Karlsson", "Erik Karlsson")


# --- navigation lines and headings ---------------------------------------------------------------

def test_link_lines_and_headings_are_never_attributions():
    assert extract("The council met on Monday.", "READ MORE: Mayor says the rail tax will pass in November")[1] == []
    assert extract("The council met on Monday.", "WATCH: Mayor says the rail tax will pass in November")[1] == []
    assert extract("The council met on Monday.", "RELATED: Council votes on the rail tax")[1] == []
    text, [a] = extract("The council met on Monday.", "FED TALK", "Powell said rates would stay high for longer.")
    assert spans(text, a)[0] == "Powell"
    assert extract("Delegate Update: The latest count in the race", headline_first=True)[1] == []


def test_a_transcript_label_still_names_its_speaker():
    text, [a] = extract("The debate began.", "MODERATOR: Will the tax pass this year?")
    assert spans(text, a)[0] == "MODERATOR"


# --- belief and appearance verbs ----------------------------------------------------------------

def test_a_raising_verb_is_the_author_s_claim_not_its_subject_s():
    text, found = extract("The debate went on for hours.", "Ben Carson appears to be slipping in the polls.")
    assert [a.speaker_type for a in found] == ["author"]


def test_a_raising_verb_before_a_reporting_verb_keeps_its_source():
    text, found = extract("The debate went on for hours.", "Carson appeared to suggest that the polls were wrong.")
    assert any(a.speaker_name == "Carson" for a in found)


def test_a_belief_verb_with_a_source_is_a_claim_of_that_source():
    # PolNeAR's guidelines count beliefs (`Lowell thinks that pickles are unhealthy`) as attributions
    assert names("The debate went on for hours.", "Some Democrats think that the tax will fail.")[-1] == (
        "Some Democrats", "Some Democrats")


def test_a_second_predicate_s_source_is_the_subject_after_an_opening_phrase():
    got = names("During the 2012 election, Mitt Romney ran on the economy and accused Obama of bungling the recovery.")
    assert got[-1] == ("Mitt Romney", "Mitt Romney")
