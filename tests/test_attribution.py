"""The attribution extractor on one sentence per pattern (PolNeAR span conventions)."""

from pathlib import Path

import pytest

from pipelines.attribution import EXTRACTOR, extract_attributions
from pipelines.records import Sentence

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_5bda79cfd975bed4.txt"


def lines_to_sentences(lines, headline_first=False):
    """One sentence (and paragraph) per line."""
    text = "\n".join(lines)
    sentences, pos = [], 0
    for i, line in enumerate(lines):
        kind = "headline" if headline_first and i == 0 else "body"
        sentences.append(Sentence(pos, pos + len(line), i, kind))
        pos += len(line) + 1
    return text, sentences


def extract(*lines, headline_first=False):
    text, sentences = lines_to_sentences(list(lines), headline_first)
    return text, extract_attributions(text, sentences)


def spans(text, a):
    """(speaker, cue, [content fragments]) as text."""
    return (
        a.speaker.text(text) if a.speaker else None,
        a.cue.text(text) if a.cue else None,
        [c.text(text) for c in a.content],
    )


def test_x_said_that():
    text, [a] = extract("U.S. President Donald Trump said that the talks would start soon.")
    assert spans(text, a) == ("U.S. President Donald Trump", "said", ["that the talks would start soon"])
    assert (a.attribution_type, a.cue_lemma, a.speaker_type) == ("indirect", "say", "person")
    assert (a.speaker_name, a.speaker_role) == ("Donald Trump", "U.S. President")
    assert a.extractor == EXTRACTOR


def test_x_said_without_that():
    text, [a] = extract("Sources said the meeting was cancelled.")
    assert spans(text, a) == ("Sources", "said", ["the meeting was cancelled"])
    assert a.speaker_type == "anonymous"


def test_quote_comma_x_said():
    text, [a] = extract('"We will win," Peskov said.')
    assert spans(text, a) == ("Peskov", "said", ['"We will win,"'])
    assert a.attribution_type == "direct"


def test_quote_comma_said_x():
    text, [a] = extract('"We agreed to work together, very closely," said Trump.')
    assert spans(text, a) == ("Trump", "said", ['"We agreed to work together, very closely,"'])
    assert a.attribution_type == "direct"


def test_according_to_leading():
    text, [a] = extract("According to the report, turnout fell by a third.")
    assert spans(text, a) == ("the report", "According to", ["turnout fell by a third"])
    assert (a.cue_lemma, a.speaker_type) == ("according to", "document")


def test_according_to_trailing():
    text, [a] = extract("Turnout fell by a third, according to election officials.")
    assert spans(text, a) == ("election officials", "according to", ["Turnout fell by a third"])
    assert a.speaker_type == "anonymous"


def test_x_told_y_that():
    text, [a] = extract("Rubio told reporters that the vote was close.")
    assert spans(text, a) == ("Rubio", "told", ["that the vote was close"])
    assert (a.cue_lemma, a.channel) == ("tell", "told reporters")


def test_said_on_truth_social_that():
    text, [a] = extract("Trump said on Truth Social that both leaders had extended invitations.")
    assert spans(text, a) == ("Trump", "said", ["that both leaders had extended invitations"])
    assert a.channel == "on Truth Social"


def test_headline_quote_colon_speaker():
    text, [a] = extract("'Peace negotiations' on Ukraine possible: Putin", headline_first=True)
    assert spans(text, a) == ("Putin", ":", ["'Peace negotiations' on Ukraine possible"])
    assert a.attribution_type == "mixed"


def test_split_quote_is_one_attribution_with_two_fragments():
    text, [a] = extract('"We will win," he said, "and we will win big."')
    assert spans(text, a) == ("he", "said", ['"We will win,"', '"and we will win big."'])
    assert a.attribution_type == "direct"


def test_floating_quote_joins_the_previous_attribution():
    text, [a] = extract('"We will win," Sanders said.', '"Nobody can stop us now."')
    assert spans(text, a) == ("Sanders", "said", ['"We will win,"', '"Nobody can stop us now."'])
    assert a.extra["floating"] == 1


def test_floating_quote_needs_an_attributed_quote_just_before():
    text, found = extract("The weather was fine.", '"Nobody can stop us now."')
    assert found == []


def test_nested_x_stressed_y_peskov_said():
    text, (outer, inner) = extract('Putin stressed any deal must "address root causes," Peskov said.')
    assert spans(text, outer) == ("Peskov", "said", ['Putin stressed any deal must "address root causes,"'])
    assert outer.attribution_type == "mixed" and outer.parent is None
    assert spans(text, inner) == ("Putin", "stressed", ['any deal must "address root causes,"'])
    assert inner.parent == 0


def test_nested_kremlin_said_putin_told_trump():
    text, (outer, inner) = extract("The Kremlin said Putin told Trump that a settlement was possible.")
    assert spans(text, outer) == ("The Kremlin", "said", ["Putin told Trump that a settlement was possible"])
    assert outer.speaker_type == "organization"
    assert spans(text, inner) == ("Putin", "told", ["that a settlement was possible"])
    assert inner.parent == 0 and inner.channel == "told Trump"


def test_mixed_content():
    text, [a] = extract('Trump said the call was "highly productive."')
    assert spans(text, a) == ("Trump", "said", ['the call was "highly productive."'])
    assert a.attribution_type == "mixed"


def test_short_form_and_pronoun_resolve_to_the_full_name():
    text, (a, b) = extract("Donald Trump spoke on Monday.", "Trump said the call went well.", "He said talks would start.")
    assert (a.speaker.text(text), a.speaker_name) == ("Trump", "Donald Trump")
    assert (b.speaker.text(text), b.speaker_name) == ("He", "Donald Trump")


def test_document_and_organization_speakers():
    text, (a, b) = extract("A statement said the plant would close.", "The Pentagon said it had no comment on the matter.")
    assert (a.speaker_type, b.speaker_type) == ("document", "organization")


def test_two_clauses_two_speakers():
    text, (a, b) = extract('Trump said the talks would start, while Putin said the war would go on.')
    assert spans(text, a) == ("Trump", "said", ["the talks would start"])
    assert spans(text, b) == ("Putin", "said", ["the war would go on"])
    assert a.parent is None and b.parent is None


def test_appositive_source_keeps_its_closing_comma():
    text, [a] = extract("The author of the book, Mitchell Zuckoff, told the Times that the account was accurate.")
    assert spans(text, a) == ("The author of the book, Mitchell Zuckoff,", "told", ["that the account was accurate"])
    assert (a.speaker_name, a.speaker_role) == ("Mitchell Zuckoff", "The author of the book")


def test_participle_takes_the_clause_subject():
    text, [a] = extract("Clinton spoke in Ohio on Monday, saying he would appoint the wrong judges.")
    assert spans(text, a) == ("Clinton", "saying", ["he would appoint the wrong judges"])


def test_participle_after_a_cue_takes_its_source_and_cuts_its_content():
    text, (a, b) = extract("Clinton attacked Trump, saying he would appoint the wrong judges.")
    assert spans(text, a) == ("Clinton", "attacked", ["Trump"])
    assert spans(text, b) == ("Clinton", "saying", ["he would appoint the wrong judges"])


def test_noun_forms_are_not_cues():
    assert extract("His claims about the economy were wrong.")[1] == []


def _seed_sentences(text):
    """Lines, then sentence ends (the seed needs nothing finer)."""
    import re

    sentences, pos = [], 0
    for paragraph, line in enumerate(text.split("\n")):
        if line.strip():
            kind = "headline" if not sentences or not re.search(r"[.!?\"”]$", line) else "body"
            start = pos
            for m in re.finditer(r"(?<!U\.S)[.!?][\"”]?\s+(?=[A-Z\"“])", line):
                sentences.append(Sentence(start, pos + m.end(), paragraph, kind))
                start = pos + m.end()
            sentences.append(Sentence(start, pos + len(line), paragraph, kind))
        pos += len(line) + 1
    return sentences


def test_seed_article_speakers():
    if not SEED.exists():
        pytest.skip(f"{SEED} is absent")
    text = SEED.read_text(encoding="utf-8")
    found = extract_attributions(text, _seed_sentences(text))
    got = [(a.cue.text(text), a.speaker.text(text), a.speaker_name, a.parent is not None) for a in found]
    assert got == [
        ("says", "Trump", "Donald Trump", False),  # the headline: Trump speaks to Putin, says Ukraine talks to start ...
        ("said", "U.S. President Donald Trump", "Donald Trump", False),
        ("agreed", "they", "they", True),
        ("said", "Trump", "Donald Trump", False),
        ("said", "the U.S. leader", "Donald Trump", False),
        ("said", "the Kremlin", "the Kremlin", False),
        ("had agreed", "Putin and Trump", "Putin and Trump", True),
        ("said", "the Kremlin", "the Kremlin", False),
        ("also told", "Putin", "Vladimir Putin", True),
        ("saying", "Trump", "Donald Trump", False),
        ("said", "He", "Donald Trump", False),
        ("said", "Trump", "Donald Trump", False),
        ("said", "Trump", "Donald Trump", False),
        ("had asked", "he", "Donald Trump", True),
        (":", "Putin", "Vladimir Putin", False),
        ("announced", "the Kremlin", "the Kremlin", False),
        ("had told", "Putin", "Vladimir Putin", True),
        ("said", "Putin spokesman Dmitry Peskov", "Dmitry Peskov", False),
        ("said", "he", "Dmitry Peskov", False),
        ("said", "Peskov", "Dmitry Peskov", False),
        ("stressed", "Putin", "Vladimir Putin", True),
        ("added", "he", "Dmitry Peskov", False),
        ("discussed", "the two leaders", "the two leaders", True),
        ("called", "Trump", "Donald Trump", False),
        ("saying", "Trump", "Donald Trump", False),
        ("had agreed", "they", "they", True),
    ]
    by_cue = {a.cue.start: a for a in found}
    quoted = [a for a in found if a.speaker_name == "Donald Trump" and len(a.content) == 2]
    assert len(quoted) == 1  # "We agreed ...," said Trump. + the floating quote after it
    peskov = [a for a in found if a.speaker.text(text) == "Putin spokesman Dmitry Peskov"][0]
    assert len(peskov.content) == 2 and peskov.channel == "in his readout"
    assert all(by_cue[a.cue.start].extractor == EXTRACTOR for a in found)
    kremlin_told = found[8]
    assert found[kremlin_told.parent].speaker.text(text) == "the Kremlin"


def test_descriptions_resolve_to_the_person_whose_role_fits():
    text, found = extract(
        "Russian President Vladimir Putin spoke on Monday.",
        "Putin spokesman Dmitry Peskov said the talks were useful.",
        "The Kremlin spokesman said Moscow was ready.",
        "The Russian leader said he was pleased.",
    )
    assert [(a.speaker.text(text), a.speaker_name) for a in found] == [
        ("Putin spokesman Dmitry Peskov", "Dmitry Peskov"),
        ("The Kremlin spokesman", "Dmitry Peskov"),
        ("The Russian leader", "Vladimir Putin"),
    ]


def test_cue_inside_the_content_splits_it():
    text, [a] = extract("The move, he said, was the result of years of preparation.")
    assert spans(text, a) == ("he", "said", ["The move", "was the result of years of preparation"])
    assert a.attribution_type == "indirect"


from hypothesis import given, settings, strategies as st  # noqa: E402

_PIECES = st.sampled_from([
    "Trump", "said", "told reporters", "that", "according to", "the Kremlin", ",", ".", ":", '"', "“", "”",
    "''", "he", "added", "saying", "officials", "\n", " ", "seemed", "In a new poll", "Q:", "—", "(D-Ill.)",
    "writes:", "\n\n", '"A quote."',
])


@given(st.lists(_PIECES, max_size=40))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_well_formed_attributions(pieces):
    text = " ".join(pieces)
    lines, pos, sentences = text.split("\n"), 0, []
    for i, line in enumerate(lines):
        if line:
            sentences.append(Sentence(pos, pos + len(line), i, "body"))
        pos += len(line) + 1
    found = extract_attributions(text, sentences)
    for i, a in enumerate(found):
        assert a.content and all(0 <= s.start < s.end <= len(text) for s in a.content)
        assert all(x.end <= y.start for x, y in zip(a.content, a.content[1:]))  # in order, no overlap
        for span in (a.cue, a.speaker):
            assert span is None or 0 <= span.start < span.end <= len(text)
        assert a.parent is None or 0 <= a.parent < i
        assert a.attribution_type in ("direct", "indirect", "mixed")


def test_relative_clause_after_the_name_is_not_part_of_the_source():
    text, [a] = extract("Cruz, who has seen his lead evaporate, said the race was far from over.")
    assert spans(text, a) == ("Cruz", "said", ["the race was far from over"])


def test_progressive_cue_keeps_its_auxiliary():
    text, [a] = extract("Bernie Sanders is pledging to win many hundreds of delegates.")
    assert spans(text, a) == ("Bernie Sanders", "is pledging", ["to win many hundreds of delegates"])
    assert a.cue_lemma == "pledge"


def test_quote_after_a_cue_with_its_own_clause_before():
    text, found = extract('After Clinton accused him of sexism, he warned, "That will be fair game."')
    warned = [a for a in found if a.cue.text(text) == "warned"][0]
    assert spans(text, warned) == ("he", "warned", ['"That will be fair game."'])
    assert warned.attribution_type == "direct"


def test_colon_cue_takes_the_next_paragraph_once():
    text, [a] = extract("Hewitt writes:", '"The movie mentions neither of them."', '"Nor does the book."')
    assert spans(text, a) == ("Hewitt", "writes:", ['"The movie mentions neither of them."', '"Nor does the book."'])


def test_title_goes_to_role():
    text, [a] = extract("Councilman Ray Kessler said the plan was a tax on every family.")
    assert (a.speaker.text(text), a.speaker_name, a.speaker_role) == ("Councilman Ray Kessler", "Ray Kessler", "Councilman")


def test_adverb_after_name_is_not_the_speaker():
    text, found = extract("Council President Angela Moreno twice said the meeting would resume.")
    assert [a.speaker.text(text) for a in found] == ["Council President Angela Moreno"]


def test_passive_and_figures_are_not_speakers():
    for line in (
        "A senior official said Kyiv had not been told that the call would take place.",
        "The call was the first publicly confirmed conversation between the two.",
        "Of the members, 86% supported action short of a strike.",
    ):
        text, found = extract(line)
        assert all(a.speaker is None or a.speaker.text(text) not in ("Kyiv had not been", "The call was the", "86%")
                   for a in found), line
        assert all(a.cue.text(text) not in ("told", "publicly confirmed", "supported") for a in found), line


def test_asked_not_to_be_named_is_not_a_cue():
    text, found = extract("A lecturer, who asked not to be named, said courses could close.")
    assert [(a.speaker.text(text), a.cue.text(text)) for a in found] == [("A lecturer", "said")]


def test_body_named_for_something_is_an_organization():
    text, found = extract("According to the Office for Students, 43% of providers expected a deficit.")
    a = found[0]
    assert (a.speaker_name, a.speaker_type) == ("the Office for Students", "organization")


def test_dash_testimonial():
    text, found = extract("“He is ignorant of our culture.” ― Pamela Padilla")
    assert [spans(text, a) for a in found] == [("Pamela Padilla", "―", ["“He is ignorant of our culture.”"])]


def test_dash_testimonial_name_leaves_its_final_period_out():
    text, found = extract("“The rail tax pays for my commute.” ― Dana J. Whitfield.")
    assert [spans(text, a) for a in found] == [("Dana J. Whitfield", "―", ["“The rail tax pays for my commute.”"])]
    text, found = extract("“The rail tax pays for my commute.” — Moreno.")
    assert spans(text, found[0])[0] == "Moreno"


def test_tagger_model_is_small_loads_fast_and_once():
    import time

    from pipelines.attribution import learned

    if not learned.MODEL_PATH.exists():
        pytest.skip("no tagger model")
    assert learned.MODEL_PATH.stat().st_size <= 20_000_000
    assert learned.MODEL_PATH.read_bytes()[:4] == b"lCRF"  # crfsuite's own format, not a pickle
    learned.load_tagger.cache_clear()
    t0 = time.perf_counter()
    tagger = learned.load_tagger()
    assert time.perf_counter() - t0 < 1.0
    assert tagger is not None and learned.load_tagger() is tagger


def test_rules_alone_without_the_tagger(monkeypatch):
    from pipelines.attribution import learned

    monkeypatch.setattr(learned, "load_tagger", lambda: None)
    text, [a] = extract('"We will win," Peskov said.')
    assert spans(text, a) == ("Peskov", "said", ['"We will win,"'])


def test_a_clause_after_the_content_is_not_nested_in_it():
    # the rules read `she acknowledged` inside the first content; the final content stops at the comma
    text, (a, b) = extract("Stein said the campaign planned a protest outside the hall, though she acknowledged it was unlikely to work.")
    assert spans(text, a) == ("Stein", "said", ["the campaign planned a protest outside the hall"])
    assert spans(text, b) == ("she", "acknowledged", ["it was unlikely to work"])
    assert a.parent is None and b.parent is None


def test_a_cue_ending_in_a_preposition_reports_a_stance_on_a_thing():
    text, [a] = extract("The mayor is doubling down on his attacks on the city council.")
    assert spans(text, a) == ("The mayor", "is doubling down on", ["his attacks on the city council"])


def test_a_cue_ending_in_a_preposition_with_a_person_after_it_is_no_report():
    assert extract("The mayor heaped praise on the city manager.")[1] == []
    assert extract("Her doubts about him were plain.")[1] == []


def test_a_poll_heading_a_headline_is_its_source():
    text, [a] = extract("Poll: Voters in Ohio Split on the Rail Tax", headline_first=True)
    assert spans(text, a) == ("Poll", ":", ["Voters in Ohio Split on the Rail Tax"])


def test_a_headline_kicker_is_no_source():
    assert extract("The Latest: Voters in Ohio Split on the Rail Tax", headline_first=True)[1] == []


def test_a_quoted_transcript_turn_runs_over_its_paragraphs():
    text, found = extract(
        '"HOST: Mayor, will the tax pass? Voters seem unsure.',
        '"MAYOR: I think it will. The council said it would back the plan.',
        '"And the voters will too.',
        '"(CROSSTALK.)',
    )
    top = [a for a in found if a.parent is None]
    assert [spans(text, a) for a in top] == [
        ("HOST", ":", ["Mayor, will the tax pass? Voters seem unsure."]),
        ("MAYOR", ":", ["I think it will. The council said it would back the plan.", "And the voters will too."]),
    ]


def test_a_cue_in_a_speakers_turn_is_nested_in_it():
    from pipelines.segment import split_sentences

    text = "Intro line.\n\nMAYOR: It will pass. The council said it would back the plan."
    found = extract_attributions(text, split_sentences(text))
    assert [(spans(text, a), a.parent) for a in found] == [
        (("MAYOR", ":", ["It will pass. The council said it would back the plan"]), None),
        (("The council", "said", ["it would back the plan"]), 0),
    ]


def test_a_coordinated_cue_takes_the_first_verbs_source():
    text, (a, b) = extract("In her speech, Moreno urged Democrats to back the rail tax, and criticized the council's delays.")
    assert spans(text, a) == ("Moreno", "urged", ["Democrats to back the rail tax"])
    assert spans(text, b) == ("Moreno", "criticized", ["the council's delays"])
    assert b.parent is None


def test_a_title_case_headline_verb_is_a_cue():
    text, [a] = extract("Mayor Says Rail Tax Will Pass in November", "The council met on Monday.", headline_first=True)
    assert spans(text, a) == ("Mayor", "Says", ["Rail Tax Will Pass in November"])
    text, [a] = extract("Rail Tax Will Pass, City Council Leader Says.", "The council met on Monday.", headline_first=True)
    assert spans(text, a) == ("City Council Leader", "Says", ["Rail Tax Will Pass"])


def test_a_capitalized_verb_form_in_the_body_is_no_cue():
    assert extract("A headline.", "The Says Tavern opened on Main Street.")[1] == []


def test_an_attribution_set_off_by_commas_reports_the_words_before_it_too():
    text, [a] = extract("Back in Ohio, she said, she decided to take aim at the rail tax.")
    assert spans(text, a) == ("she", "said", ["Back in Ohio", "she decided to take aim at the rail tax"])


def test_words_before_an_attribution_that_opens_a_quotation_stay_out():
    text, found = extract('In a statement on Friday, the mayor said, "The council has found other money."')
    assert [c.text(text) for c in found[0].content] == ['"The council has found other money."']


def test_a_dateline_is_no_part_of_the_source():
    text, [a] = extract("BRUSSELS - European leaders said on Friday that the talks would resume.")
    assert spans(text, a) == ("European leaders", "said", ["that the talks would resume"])


def test_a_tagged_participle_after_a_comma_takes_the_clause_subject():
    text, [a] = extract("Senator Ann Lee spoke for an hour, reciting the names of the victims.")
    assert spans(text, a) == ("Senator Ann Lee", "reciting", ["the names of the victims"])
    text, [a] = extract("The senator spoke for an hour, reciting the names of the victims.")
    assert a.speaker is None  # not `The`


def test_a_person_told_what_to_do_after_a_preposition_is_reported():
    text, [a] = extract("The mayor sounded a call for the United States to fund the rail line.")
    assert spans(text, a) == ("The mayor", "sounded a call for", ["the United States to fund the rail line"])


def test_a_contraction_is_no_possessive_source():
    from pipelines.attribution.merge import _POSSESSIVE

    assert _POSSESSIVE.fullmatch("Moreno’s") and _POSSESSIVE.fullmatch("His")
    assert not _POSSESSIVE.fullmatch("who’s") and not _POSSESSIVE.fullmatch("it's")


def test_a_tagged_colon_after_a_headline_kicker_is_no_attribution():
    from pipelines.attribution.learned import Tagged
    from pipelines.attribution.merge import _tagged_cue_ok

    text = "The Latest: Ohio’s rail tax not from the council."
    kicker = Tagged(cue=(10, 11), source=(0, 10), content=[(12, 49)], sentence_idx=0)
    assert not _tagged_cue_ok(text, kicker)
    text = "Moreno: Ohio’s rail tax not from the council."
    speaker = Tagged(cue=(6, 7), source=(0, 6), content=[(8, 45)], sentence_idx=0)
    assert _tagged_cue_ok(text, speaker)


def test_an_opening_but_or_and_is_no_part_of_the_content_before_the_cue():
    text, [a] = extract("But the rail tax is not about revenue, according to the mayor.")
    assert spans(text, a) == ("the mayor", "according to", ["the rail tax is not about revenue"])
    text, [a] = extract("And the council will vote again in May, the mayor said.")
    assert spans(text, a) == ("the mayor", "said", ["the council will vote again in May"])
    text, [a] = extract("BOULDUAN: And the council will vote again in May.")
    assert spans(text, a) == ("BOULDUAN", ":", ["And the council will vote again in May"])  # a speaker's turn keeps it


def _tagged_without_content(text, cue, source):
    """A tagger reading of one cue (and source) with no content, on a text of one unit a line."""
    from pipelines.attribution.learned import Tagged
    from pipelines.attribution.units import Unit

    units, pos = [], 0
    for i, line in enumerate(text.split("\n")):
        units.append(Unit(pos, pos + len(line), i, i, "body"))
        pos += len(line) + 1
    at = text.index(cue)
    src = (text.index(source), text.index(source) + len(source)) if source else None
    return Tagged((at, at + len(cue)), src, [], 0), units


def test_a_tagged_cue_without_content_reads_it_around_the_cue():
    from pipelines.attribution.merge import _content_around

    def around(text, cue, source):
        t, units = _tagged_without_content(text, cue, source)
        span = _content_around(text, t, units, max(i for i, u in enumerate(units) if u.start <= t.cue[0]))
        return text[span[0]:span[1]] if span else None

    text = "As many transit planners have pointed out, the rail line would cut commutes by half."
    assert around(text, "have pointed out", "many transit planners") == "the rail line would cut commutes by half"
    text = "Ridership on the line rose by a third in March, a city council analysis shows."
    assert around(text, "shows", "a city council analysis") == "Ridership on the line rose by a third in March"
    text = "The mayor made the following remark:\n“We will build it.”"
    assert around(text, "made the following remark:", "The mayor") == "“We will build it.”"
    text = "The mayor agreed, but also contended that the council should vote again."
    assert around(text, "agreed", "The mayor") is None  # a second clause of the same subject, not what was said


def test_a_tagged_passive_cue_reads_its_agent_as_the_source():
    from pipelines.attribution.merge import _content_around

    text = "The rail plan was first reported by the Daily Ledger."
    t, units = _tagged_without_content(text, "was first reported", None)
    span = _content_around(text, t, units, 0)
    assert text[span[0]:span[1]] == "The rail plan"
    assert text[t.source[0]:t.source[1]] == "the Daily Ledger"


def test_the_person_told_is_no_part_of_the_content():
    text, [a] = extract("The mayor told the Ledger’s editorial board on Monday how the rail tax would be spent.")
    assert spans(text, a) == ("The mayor", "told", ["how the rail tax would be spent"])
    text, [a] = extract("The mayor is warning commuters that the rail tax will rise in May.")
    assert spans(text, a)[2] == ["that the rail tax will rise in May"]
    text, [a] = extract("The mayor told her aides to find out how the rail tax would be spent.")
    assert spans(text, a)[2] == ["her aides to find out how the rail tax would be spent"]  # no `that` / `how` after an addressee


def test_without_addressee_keeps_an_object_before_to():
    from pipelines.attribution.clauses import without_addressee
    from pipelines.attribution.patterns import Candidate

    text = "Moreno urged the council to drop the rail tax."
    c = Candidate(0, (7, 12), "urge", (0, 6), [(13, 45)], "tagger")
    without_addressee(text, [c])
    assert c.content == [(13, 45)]  # PolNeAR keeps `the council` in the content


def test_a_tagged_source_stops_before_the_aside_it_ends_on():
    from pipelines.attribution.merge import _trim_source

    text = "Ms. Moreno, who chairs the council, said the rail tax would pass."
    assert _trim_source(text, (0, 15)) == (0, 10)  # `Ms. Moreno, who`
    text = "Ms. Moreno (a Democrat) said the rail tax would pass."
    assert _trim_source(text, (0, 12)) == (0, 10)  # `Ms. Moreno (`
    text = "Those who voted said the rail tax would pass."
    assert _trim_source(text, (0, 15)) == (0, 15)  # a subject that is a relative clause keeps it


def test_a_tagged_source_leaves_a_time_after_it_out():
    from pipelines.attribution.merge import _trim_source

    text = "The Ledger on Saturday reported that the rail tax would pass."
    assert _trim_source(text, (0, 22)) == (0, 10)
    text = "The council in 2015 rejected the rail tax."
    assert _trim_source(text, (0, 19)) == (0, 11)
    text = "A poll released Friday found the rail tax popular."
    assert _trim_source(text, (0, 22)) == (0, 22)  # the time of a participle stays with it


def test_a_source_takes_the_conjunct_that_opens_its_clause():
    from pipelines.attribution.clauses import with_conjunct
    from pipelines.attribution.patterns import Candidate
    from pipelines.attribution.units import Unit

    text = "Moreno and her aides argue that the rail tax will pass."
    units = [Unit(0, len(text), 0, 0, "body")]
    c = Candidate(0, (21, 26), "argue", (11, 20), [(27, 54)], "tagger")
    with_conjunct(text, [c], units)
    assert text[c.source[0]:c.source[1]] == "Moreno and her aides"
    text = "The vote passed and her aides argue that the rail tax will pass."
    c = Candidate(0, (30, 35), "argue", (20, 29), [(36, 63)], "tagger")
    with_conjunct(text, [c], [Unit(0, len(text), 0, 0, "body")])
    assert text[c.source[0]:c.source[1]] == "her aides"  # a clause before `and`, not a conjunct


def test_a_source_cut_at_a_capitalized_determiner_runs_on_to_its_noun():
    from pipelines.attribution.clauses import with_whole_subject
    from pipelines.attribution.patterns import Candidate

    text = "The city council voted on Monday, saying the rail tax would pass."
    c = Candidate(0, (34, 40), "say", (0, 3), [(41, 64)], "participle")
    with_whole_subject(text, [c])
    assert text[c.source[0]:c.source[1]] == "The city council"
    text = "The very long list of the many things that the city council ever voted for, saying so."
    c = Candidate(0, (76, 82), "say", (0, 3), [(83, 85)], "participle")
    with_whole_subject(text, [c])
    assert c.source == (0, 3)  # no verb within four words: left as it was


def test_a_headline_second_predicate_is_its_subject_claim():
    text, [a] = extract("Kessler meets union leaders, says rail tax will pass in November", "The council met.",
                        headline_first=True)
    assert spans(text, a) == ("Kessler", "says", ["rail tax will pass in November"])
    assert extract("Economy grows, says report", "The council met.", headline_first=True)[1] == []
