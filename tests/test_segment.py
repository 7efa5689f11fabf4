"""Tests for `pipelines.segment.split_sentences`."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.records import Sentence
from pipelines.segment import split_sentences

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seeds" / "000_5bda79cfd975bed4.txt"
POLNEAR_DEV = SHARED / "data" / "polnear" / "dev" / "text"

NEWS = """\
Senate passes stopgap bill as shutdown deadline nears
WASHINGTON

Sen. Chuck Schumer said the U.S. Senate would vote at 9 p.m. on Friday. The measure, backed by Gov. Kathy Hochul and Mr. Adams, passed 62-38.
"We got it done ... finally," Schumer said. "It was the right thing to do right now."
Republicans Split Over Spending Plan
The bill funds the government through Jan. 30 and adds $3.2 billion for disaster relief, according to Dr. Jane Smith of the Congressional Budget Office.
"Why did it take so long?" Sen. John F. Kennedy asked. He voted no.
"""


def texts(text: str, **kwargs) -> list[str]:
    """The sentence strings of `text`."""
    return [text[s.start : s.end] for s in split_sentences(text, **kwargs)]


def check_offsets(text: str, sentences: list[Sentence]) -> None:
    """Stripped, non-empty, sorted, non-overlapping, and covering every non-space character once."""
    covered = [0] * len(text)
    previous_end = 0
    previous_paragraph = -1
    for s in sentences:
        assert 0 <= s.start < s.end <= len(text)
        piece = text[s.start : s.end]
        assert piece == piece.strip() and piece
        assert "\n" not in piece and "\r" not in piece
        assert s.start >= previous_end
        assert s.paragraph_idx >= previous_paragraph
        assert s.kind in {"headline", "dateline", "body"}
        previous_end, previous_paragraph = s.end, s.paragraph_idx
        for i in range(s.start, s.end):
            covered[i] += 1
    for i, ch in enumerate(text):
        if not ch.isspace():
            assert covered[i] == 1, (i, ch)


# --- the seed article and an embedded news text -------------------------------------------


@pytest.mark.skipif(not SEED.is_file(), reason=f"seed article {SEED} is absent")
def test_seed_article_splits_into_its_twenty_lines():
    text = SEED.read_text(encoding="utf-8")
    title = text.splitlines()[0]
    sentences = split_sentences(text, title=title, dateline="WASHINGTON")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert len(lines) == 20
    assert [text[s.start : s.end] for s in sentences] == lines
    assert [s.paragraph_idx for s in sentences] == list(range(20))
    kinds = [s.kind for s in sentences]
    assert kinds[0] == "headline" and kinds[1] == "dateline"
    sub = lines.index("'Peace negotiations' on Ukraine possible: Putin")  # line 15 of the file
    assert kinds[sub] == "headline"
    assert kinds[2:sub] + kinds[sub + 1 :] == ["body"] * 17
    check_offsets(text, sentences)


def test_embedded_news_text():
    sentences = split_sentences(NEWS, title="Senate passes stopgap bill as shutdown deadline nears", dateline="WASHINGTON")
    got = [(s.paragraph_idx, s.kind, NEWS[s.start : s.end]) for s in sentences]
    assert got == [
        (0, "headline", "Senate passes stopgap bill as shutdown deadline nears"),
        (1, "dateline", "WASHINGTON"),
        (2, "body", "Sen. Chuck Schumer said the U.S. Senate would vote at 9 p.m. on Friday."),
        (2, "body", "The measure, backed by Gov. Kathy Hochul and Mr. Adams, passed 62-38."),
        (3, "body", '"We got it done ... finally," Schumer said.'),
        (3, "body", '"It was the right thing to do right now."'),
        (4, "headline", "Republicans Split Over Spending Plan"),
        (5, "body", "The bill funds the government through Jan. 30 and adds $3.2 billion for disaster relief, "
         "according to Dr. Jane Smith of the Congressional Budget Office."),
        (6, "body", '"Why did it take so long?" Sen. John F. Kennedy asked.'),
        (6, "body", "He voted no."),
    ]
    check_offsets(NEWS, sentences)


# --- abbreviation classes -------------------------------------------------------------------


def test_us_acronym_inside_sentence():
    assert texts("U.S. President Donald Trump spoke. The U.S. economy grew. The S.&P. 500 fell.") == [
        "U.S. President Donald Trump spoke.",
        "The U.S. economy grew.",
        "The S.&P. 500 fell.",
    ]


def test_us_acronym_ends_sentence_before_a_sentence_starter():
    assert texts("I live in the U.S. How about you?") == ["I live in the U.S.", "How about you?"]


def test_titles_never_end_a_sentence():
    text = "Sen. Warren met Gov. Newsom, Mr. Lee, Mrs. Lee, Dr. Fauci, Rep. Ocasio-Cortez and Lt. Gen. Flynn."
    assert texts(text) == [text]


def test_months_before_a_day():
    text = "The vote was on Jan. 6 and the hearing on Sept. 14 in Washington."
    assert texts(text) == [text]


def test_saint_and_street():
    assert texts("He lives in St. Louis on Main St. near the park.") == [
        "He lives in St. Louis on Main St. near the park."
    ]


def test_number_abbreviation_before_a_number():
    assert texts("He is the No. 2 Democrat. No. The vote failed.") == [
        "He is the No. 2 Democrat.",
        "No.",
        "The vote failed.",
    ]


def test_initials_in_names():
    text = "John F. Kennedy and George W. Bush met Rep. C. A. Dutch Ruppersberger."
    assert texts(text) == [text]


def test_initial_before_a_sentence_starter_ends_the_sentence():
    assert texts("They chose Plan B. The vote was close.") == ["They chose Plan B.", "The vote was close."]


def test_pronoun_i_ends_a_sentence():
    assert texts("We make a good team, you and I. Did you see Albert I. Jones?") == [
        "We make a good team, you and I.",
        "Did you see Albert I. Jones?",
    ]


def test_time_mid_sentence():
    text = "The polls close at 8 p.m. Eastern, at 9 p.m. E.T. in Ohio and results come at 9 p.m. on Tuesday."
    assert texts(text) == [text]


def test_time_ends_sentence_before_a_capitalised_word():
    assert texts("The judge set sentencing for 2 p.m. Jackson will be free until then.") == [
        "The judge set sentencing for 2 p.m.",
        "Jackson will be free until then.",
    ]


def test_decimal_numbers_and_money():
    assert texts("Growth was 3.2 percent. She has $100.00. It is in her bag.") == [
        "Growth was 3.2 percent.",
        "She has $100.00.",
        "It is in her bag.",
    ]


def test_company_abbreviations():
    assert texts("Apple Inc. CEO Tim Cook spoke. They met Pitt, Briggs & Co. It closed.") == [
        "Apple Inc. CEO Tim Cook spoke.",
        "They met Pitt, Briggs & Co.",
        "It closed.",
    ]


def test_state_abbreviations():
    assert texts("Sen. Kamala Harris (D-Calif.) said so. He flew to Sacramento, Calif. The trip was short.") == [
        "Sen. Kamala Harris (D-Calif.) said so.",
        "He flew to Sacramento, Calif.",
        "The trip was short.",
    ]


def test_latin_abbreviations():
    text = "The case, Roe v. Wade, set rules, e.g. on privacy, vs. the states."
    assert texts(text) == [text]


# --- quotes, ellipses and other repairs ----------------------------------------------------


def test_closing_quote_after_full_stop_belongs_to_the_sentence():
    assert texts('Trump said he would call "right now." Zelensky agreed.') == [
        'Trump said he would call "right now."',
        "Zelensky agreed.",
    ]


def test_curly_closing_quotes():
    assert texts("He called it “a war of choosing.” It was not.") == ["He called it “a war of choosing.”", "It was not."]


def test_quotation_continues_in_lower_case():
    text = 'She turned to him, "This is great." she said.'
    assert texts(text) == [text]


def test_sentences_inside_a_quotation_are_split():
    assert texts('"This is America\'s war. It\'s not Obama\'s war," he said.') == [
        "\"This is America's war.",
        "It's not Obama's war,\" he said.",
    ]


def test_question_in_quotation_with_speaker_tag():
    text = '"Where are you going?" Holder recalled. "Why so long?" Mr. Gowdy asked.'
    assert texts(text) == ['"Where are you going?" Holder recalled.', '"Why so long?" Mr. Gowdy asked.']


def test_full_stop_in_quotation_with_closing_speaker_tag():
    assert texts('"I love that." Mr. Biden said. "We will win." Trump said the race was close.') == [
        '"I love that." Mr. Biden said.',
        '"We will win."',
        "Trump said the race was close.",
    ]


def test_ellipsis_inside_a_quotation():
    text = '"President Putin ... agreed with Trump," Peskov said. "We will ... Americans know."'
    assert texts(text) == ['"President Putin ... agreed with Trump," Peskov said.', '"We will ... Americans know."']


def test_unicode_and_spaced_ellipsis_stay_inside():
    text = "I wasn’t really … well, I mean . . . I didn’t mean it."
    assert texts(text) == [text]


def test_full_stop_plus_ellipsis_ends_the_sentence():
    assert texts("I never meant that.... She left. It is going to hell. ... The world laughs.") == [
        "I never meant that....",
        "She left.",
        "It is going to hell. ...",
        "The world laughs.",
    ]


def test_bracketed_ellipsis_is_an_omission():
    text = '"Bohr [...] used the analogy [...]" (Smith 55).'
    assert texts(text) == [text]


def test_dash_after_full_stop_continues():
    text = "UPDATE: 9 p.m. -- White House spokesman Eric Schultz said no. AUGUSTA, Me. — Paul LePage spoke."
    assert texts(text) == [
        "UPDATE: 9 p.m. -- White House spokesman Eric Schultz said no.",
        "AUGUSTA, Me. — Paul LePage spoke.",
    ]


def test_lone_closing_quote_is_not_a_sentence():
    text = "He cited ‘secret law.’ ” Officials agreed."
    assert texts(text) == ["He cited ‘secret law.’ ”", "Officials agreed."]


def test_exclamation_and_question_marks():
    assert texts("Hello!! Long time no see. She works at Yahoo! in Sunnyvale. Really?! Yes.") == [
        "Hello!!",
        "Long time no see.",
        "She works at Yahoo! in Sunnyvale.",
        "Really?!",
        "Yes.",
    ]


def test_urls_and_emails():
    assert texts("Write to jane.doe@example.com. See https://example.com/a.html. Thanks.") == [
        "Write to jane.doe@example.com.",
        "See https://example.com/a.html.",
        "Thanks.",
    ]


def test_list_markers_open_items():
    assert texts("1. The first item. 2. The second item.") == ["1. The first item.", "2. The second item."]


def test_line_opening_with_a_list_marker_is_cut_before_each_next_marker():
    assert texts("1) The first item 2) The second item") == ["1) The first item", "2) The second item"]
    assert texts("• 9. The first item • 10. The second item") == ["• 9. The first item", "• 10. The second item"]
    assert texts("a. one b. two c. three") == ["a. one", "b. two", "c. three"]


# --- layout: headlines, datelines, paragraphs, line breaks --------------------------------


def test_headline_matches_title_up_to_punctuation():
    text = "Obama on Climate Change: The Trends Are 'Terrifying.'\n\nHe spoke on Monday."
    sentences = split_sentences(text, title="Obama on Climate Change: The Trends Are 'Terrifying'")
    assert [s.kind for s in sentences] == ["headline", "body"]


def test_headline_ending_with_full_stop_is_kept_whole():
    text = "Poll: Trump a big turnoff. Latinos say so.\nTALLAHASSEE — A poll found it."
    sentences = split_sentences(text, title="Poll: Trump a big turnoff. Latinos say so.")
    assert [(s.kind, text[s.start : s.end]) for s in sentences] == [
        ("headline", "Poll: Trump a big turnoff. Latinos say so."),
        ("body", "TALLAHASSEE — A poll found it."),
    ]


def test_title_spread_over_two_lines():
    text = "Candidates vie for vets' support;\nTrump and Clinton point out own credentials.\n\nThe forum was held."
    sentences = split_sentences(text, title="Candidates vie for vets' support; Trump and Clinton point out own credentials")
    assert [(s.paragraph_idx, s.kind) for s in sentences] == [(0, "headline"), (1, "headline"), (2, "body")]


def test_first_line_is_body_when_it_does_not_match_the_title():
    text = "Trump spoke.\nHe left."
    assert [s.kind for s in split_sentences(text, title="Something else")] == ["body", "body"]


def test_headline_guessed_without_title():
    text = "Trump speaks to Putin\nWASHINGTON\nHe called. It went well."
    sentences = split_sentences(text, dateline="WASHINGTON")
    assert [s.kind for s in sentences] == ["headline", "dateline", "body", "body"]
    assert [s.kind for s in split_sentences("Just one line without a full stop")] == ["body"]


def test_dateline_only_when_it_equals_the_line():
    text = "WASHINGTON\nWASHINGTON — Officials said so."
    sentences = split_sentences(text, dateline="WASHINGTON")
    assert [s.kind for s in sentences] == ["dateline", "body"]
    assert [s.kind for s in split_sentences(text)] == ["headline", "body"]


def test_subheadline_forms():
    text = "Body one.\nRepublicans Split Over Spending Plan\n'Peace negotiations' on Ukraine possible: Putin\nshort lower case line\nBody two."
    assert [s.kind for s in split_sentences(text, title="x")] == ["body", "headline", "headline", "body", "body"]


def test_crlf_and_cr_line_breaks():
    text = "Headline here\r\n\r\nFirst para. Second sentence.\rThird para.\r\n  Fourth para.  \r\n"
    sentences = split_sentences(text, title="Headline here")
    assert [(s.paragraph_idx, s.kind, text[s.start : s.end]) for s in sentences] == [
        (0, "headline", "Headline here"),
        (1, "body", "First para."),
        (1, "body", "Second sentence."),
        (2, "body", "Third para."),
        (3, "body", "Fourth para."),
    ]
    check_offsets(text, sentences)


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\r\n\t \r") == []


# --- the offsets property -------------------------------------------------------------------


@pytest.mark.skipif(not POLNEAR_DEV.is_dir(), reason=f"PolNeAR dev texts ({POLNEAR_DEV}) are absent")
def test_offsets_property_on_polnear_dev():
    paths = sorted(POLNEAR_DEV.glob("*.txt"))
    assert paths
    for path in paths:
        text = path.read_text(encoding="utf-8")
        title = next(line for line in text.splitlines() if line.strip())
        check_offsets(text, split_sentences(text, title=title))
        check_offsets(text, split_sentences(text))


NEWSY = st.sampled_from(list(" \t\n\r\x0b\x0c\x85\u2028\xa0.!?…\"'“”‘’()[]•⁃-—:aBcDIi12") + ["U.S.", "Mr.", "p.m.", ". . .", "1.", "a."])


@settings(max_examples=400, deadline=None)
@given(text=st.text(), title=st.none() | st.text(max_size=20), dateline=st.none() | st.text(max_size=10))
def test_offsets_property_on_arbitrary_unicode(text, title, dateline):
    check_offsets(text, split_sentences(text, title=title, dateline=dateline))


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(NEWSY | st.text(max_size=3), max_size=40))
def test_offsets_property_on_punctuation_heavy_text(parts):
    text = "".join(parts)
    check_offsets(text, split_sentences(text, title=text[:10] or None))
