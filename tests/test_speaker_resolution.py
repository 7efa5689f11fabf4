"""Speaker resolution within a document: descriptions, pronouns by gender, appositives, namesakes."""

import pytest

from pipelines.attribution.speakers import DocumentSpeakers

from .test_attribution import extract, spans


def names(*lines):
    text, found = extract(*lines)
    return [(a.speaker.text(text) if a.speaker else None, a.speaker_name) for a in found]


def test_description_with_a_place_resolves_through_the_title_abbreviation():
    assert names(
        "Texas Gov. Rick Perry released a new campaign ad on Tuesday.",
        '"Faith made America strong," the Texas governor said.',
    )[-1] == ("the Texas governor", "Rick Perry")


def test_description_with_a_party_word_matches_its_abbreviation():
    assert names(
        "The remarks angered Donald Trump, the presumptive GOP nominee, on Monday.",
        "Senator Ruth Callow said the justice had been wrong.",
        '"It is a disgrace," the presumptive Republican nominee said.',
    )[-1] == ("the presumptive Republican nominee", "Donald Trump")


def test_the_president_is_not_the_vice_president():
    found = names(
        "Vice President Joe Biden spoke first.",
        "President Barack Obama arrived later.",
        '"We will not wait," the president said.',
    )
    assert found[-1] == ("the president", "Barack Obama")


def test_an_office_nobody_is_described_with_falls_to_the_latest_speaker():
    found = names(
        "Mike Pence signed the bill on Thursday.",
        '"I support this law," Pence said.',
        '"We are in discussions with legislative leaders," the governor said.',
    )
    assert found[-1] == ("the governor", "Mike Pence")


def test_an_office_falls_to_nobody_when_the_latest_speaker_holds_another():
    found = names(
        "Sen. Anna Lowry criticised the plan.",
        '"It will not pass," Lowry said.',
        '"We are in talks," the governor said.',
    )
    assert found[-1] == ("the governor", "the governor")


def test_she_skips_a_man_who_spoke_last():
    found = names(
        "Hillary Clinton criticised the administration in 2007.",
        '"We know about the secret wiretaps," Clinton said.',
        "Sen. John McCain said the email use was hypocritical.",
        '"It is a stunning record of secrecy," she said.',
    )
    assert found[-1] == ("she", "Hillary Clinton")
    assert found[-2] == ("Sen. John McCain", "John McCain")


def test_he_follows_the_honorific_when_the_first_name_is_unknown():
    found = names(
        "Ms. Okafor said the vote was rigged.",
        "Mr. Adeyemi said the count was fair.",
        '"We will appeal," she said.',
        '"There is nothing to appeal," he said.',
    )
    assert [n for _, n in found] == ["Okafor", "Adeyemi", "Okafor", "Adeyemi"]


def test_she_with_no_woman_who_spoke_takes_the_latest_woman_named():
    found = names(
        "Justice Ruth Bader Ginsburg criticised the candidate in an interview.",
        "Mitch McConnell said the remarks were out of line.",
        '"I regret making them," she said.',
    )
    assert found[-1] == ("she", "Ruth Bader Ginsburg")


def test_mr_picks_the_male_namesake():
    found = names(
        "Sasha and Malia Obama attended the ceremony with their father, Barack Obama.",
        '"You want to pet him?" Mr. Obama asked his daughters.',
    )
    assert found[-1] == ("Mr. Obama", "Barack Obama")


def test_an_age_or_a_description_in_apposition_takes_the_name_before_it():
    people = DocumentSpeakers("On Friday, the aide, Elizabeth Lauten, 31, wrote an open letter.")
    assert people.resolve("31", people.text.index("31")).name == "Elizabeth Lauten"
    people = DocumentSpeakers("Enter Ms. Lauten — a former party aide who describes herself as a fan.")
    start = people.text.index("a former")
    assert people.resolve("a former party aide who", start).name == "Lauten"


def test_relative_pronoun_source_is_the_name_before_it():
    text = '"God help us," said Bloomberg, who added that the deal was bad.'
    people = DocumentSpeakers("Michael Bloomberg spoke in Philadelphia. " + text)
    start = people.text.index("who added")
    assert people.resolve("who", start).name == "Michael Bloomberg"


def test_parenthesis_and_relative_clause_leave_the_name():
    people = DocumentSpeakers("Rep. Michele Bachmann spoke.")
    speaker = people.resolve("Rep. Michele Bachmann (R-Minn.), who has emerged a prominent voice of the movement")
    assert (speaker.name, speaker.role) == ("Michele Bachmann", "Rep.")


@pytest.mark.parametrize("name", ["John McCain", "Felipe Calderón", "Conor O'Brien", "Alexandria Ocasio-Cortez"])
def test_surnames_with_inner_capitals_accents_and_hyphens_are_names(name):
    people = DocumentSpeakers(f"Sen. {name} spoke on Monday.")
    assert people.resolve(name.split()[-1]).name == name


def test_title_case_headline_words_are_not_a_name():
    people = DocumentSpeakers("Akin Tells Mitt To Akin Off\n\nTodd Akin said he would stay in the race.")
    assert people.resolve("Akin").name == "Todd Akin"


def test_told_is_never_inverted():
    found = names('"They read it like a sacred text," Rep. Jerrold Nadler, the former chairman, told The Washington Post.')
    assert all(n != "The Washington Post" for _, n in found)


def test_said_about_keeps_the_quote_before_it():
    text, found = extract('"It is garbage, complete and utter lies," Cruz said about the article alleging that he had affairs.')
    assert [(a.speaker.text(text), a.content[0].text(text)) for a in found][:1] == [("Cruz", '"It is garbage, complete and utter lies,"')]


def test_a_quoted_title_is_not_a_person():
    people = DocumentSpeakers('Hillary Clinton spoke in 2007. McCain said so on MSNBC\'s “Andrea Mitchell Reports.”')
    assert people.resolve("she", len(people.text)).name == "Hillary Clinton"


def test_pronoun_after_an_opening_quote_is_the_previous_paragraphs_subject():
    found = names(
        "Elizabeth Lauten criticised the first daughters on Facebook.",
        '"Nah," Malia said to her father.',
        "Lauten later apologized for rushing to judgment.",
        '"I reacted to an article and quickly judged the two young ladies," she said.',
    )
    assert found[-1] == ("she", "Elizabeth Lauten")


def test_the_president_is_no_fallback_for_a_staffer():
    found = names(
        "Elizabeth Lauten, a congressional aide, wrote a post on Friday.",
        'The First Daughters join President Obama, and the president remarked that it was "puzzling."',
    )
    assert ("the president", "Elizabeth Lauten") not in found


def test_the_statement_is_the_speaker_who_issued_it():
    found = names(
        '"Our leaders are weak," Donald Trump said in a statement released by his campaign.',
        '"We cannot afford to be politically correct anymore," the statement continued.',
        '"It was a long day," a statement from the police said.',
    )
    assert found[1] == ("the statement", "Donald Trump")
    assert found[2][1] == "a statement from the police"


@pytest.mark.parametrize("written, name, kind", [
    ("A White House official", "A White House official", "anonymous"),
    ("people familiar with the discussions", "people familiar with the discussions", "anonymous"),
    ("Opponents", "Opponents", "anonymous"),
    ("the Office for Students", "the Office for Students", "organization"),
    ("the two leaders", "the two leaders", "person"),
    ("Tass, the Russian state news agency", "Tass", "organization"),
    ("a council briefing document obtained by Fox News Digital", "a council briefing document obtained by Fox News Digital", "document"),
    ("The plan", "The plan", "document"),
    ("the authority", "the authority", "organization"),
])
def test_speaker_types(written, name, kind):
    speaker = DocumentSpeakers("Nothing here.").resolve(written)
    assert (speaker.name, speaker.type) == (name, kind)


def test_title_without_a_period_goes_to_the_role_in_an_appositive():
    speaker = DocumentSpeakers("Prof Helen Marsh spoke.").resolve("Prof Helen Marsh, the vice-chancellor,")
    assert (speaker.name, speaker.role) == ("Helen Marsh", "Prof, the vice-chancellor")


def test_which_after_a_body_is_that_body():
    text = "Members backed strikes, according to the union, which said dates would be set soon."
    people = DocumentSpeakers(text)
    assert people.resolve("which", text.index("which")).name == "the union"
    text = "The grant may be delayed under the Trump administration, which has signaled doubts."
    people = DocumentSpeakers(text)
    assert people.resolve("which", text.index("which")) .type == "organization"


def test_the_letter_states_is_a_document_speaking():
    text, found = extract("“We appreciate your willingness to talk about Catholic teaching,” the letter states.")
    assert [(a.speaker.text(text), a.speaker_type, a.cue.text(text)) for a in found] == [("the letter", "document", "states")]
    assert extract("Voters in 12 states that allow early voting have cast ballots.")[1] == []


def test_i_inside_someones_words_is_that_someone():
    found = names("Trump told reporters that I said the deal was wrong.")
    assert found == [("Trump", "Trump"), ("I", "Trump")]


def test_a_paragraph_ending_in_a_colon_after_the_cue_introduces_the_next_quotation():
    text, found = extract(
        "Trump responded to the allegations in a statement on Friday afternoon:",
        "“I had absolutely nothing to do with it.”",
    )
    assert [spans(text, a) for a in found] == [("Trump", "responded", ["“I had absolutely nothing to do with it.”"])]
    assert extract("He said the following:", "The budget is fine.")[1][0].content[0].text(extract("He said the following:", "The budget is fine.")[0]) == "the following"


def test_a_space_before_the_appositive_comma_is_ignored():
    speaker = DocumentSpeakers("Thomas J. Reese spoke.").resolve("Jesuit Father Thomas J. Reese , one of the organizers of the letter")
    assert speaker.name == "Thomas J. Reese"
