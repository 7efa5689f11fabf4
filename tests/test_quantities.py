"""Quantities: every supported form, exact offsets, and a property test on arbitrary text."""

import pytest
from hypothesis import given, settings, strategies as st

from pipelines.quantities import find_quantities
from pipelines.records import Span
from tests.conftest import SAMPLE

CASES = [
    # text, quantity text, value, unit, kind, approximation, lower, upper
    ("The call lasted one and a half hours.", "one and a half hours", 90, "minute", "duration", None, None, None),
    ("It lasted almost one-and-a-half hours.", "one-and-a-half hours", 90, "minute", "duration", "almost", None, None),
    ("The meeting took 90 minutes.", "90 minutes", 90, "minute", "duration", None, None, None),
    ("They spoke for two hours.", "two hours", 120, "minute", "duration", None, None, None),
    ("It took half an hour.", "half an hour", 30, "minute", "duration", None, None, None),
    ("The plan runs for 6 months.", "6 months", 0.5, "year", "duration", None, None, None),
    ("A $3.2 billion deal.", "$3.2 billion", 3.2e9, "USD", "money", None, None, None),
    ("The club paid £38m for him.", "£38m", 38e6, "GBP", "money", None, None, None),
    ("It costs 5 million euros.", "5 million euros", 5e6, "EUR", "money", None, None, None),
    ("Costs of $1-2 billion.", "$1-2 billion", 1e9, "USD", "money", None, 1e9, 2e9),
    ("Support rose to 43%.", "43%", 43, "percent", "percent", None, None, None),
    ("Support rose to 43 percent.", "43 percent", 43, "percent", "percent", None, None, None),
    ("Turnout fell by 2 percentage points.", "2 percentage points", 2, "percentage point", "percent", None, None, None),
    ("We want to stop the millions of deaths.", "millions of deaths", 2e6, "deaths", "count", None, 2e6, None),
    ("Tens of thousands of people marched.", "Tens of thousands of people", 2e4, "people", "count", None, 2e4, None),
    ("He bought three dozen eggs.", "three dozen eggs", 36, "eggs", "count", None, None, None),
    ("She counted twenty-five.", "twenty-five", 25, None, "count", None, None, None),
    ("More than 1,200 people died.", "1,200 people", 1200, "people", "count", "more than", None, None),
    ("About half a million people fled.", "half a million people", 5e5, "people", "count", "about", None, None),
    ("The firm will cut 300 to 400 jobs.", "300 to 400 jobs", 300, "jobs", "count", None, 300, 400),
    ("Growth of between 2 and 3 percent.", "2 and 3 percent", 2, "percent", "percent", None, 2, 3),
    ("It will take two or three days.", "two or three days", 2880, "minute", "duration", None, 2880, 4320),
    ("Between 1 and 1.5 million people.", "1 and 1.5 million people", 1e6, "people", "count", None, 1e6, 1.5e6),
    ("They met on Feb. 12 in Munich.", "Feb. 12", 212, "mmdd", "date", None, None, None),
    ("Russia's 2022 invasion.", "2022", 2022, "year", "date", None, None, None),
    ("The vote is on March 3, 2023.", "March 3, 2023", 20230303, "yyyymmdd", "date", None, None, None),
    ("Signed 12 January 2021.", "12 January 2021", 20210112, "yyyymmdd", "date", None, None, None),
    ("Prices peaked in October 2022.", "October 2022", 202210, "yyyymm", "date", None, None, None),
    ("The market closes at 3:30 p.m. sharp.", "3:30 p.m.", 15.5, "hour of day", "time", None, None, None),
    ("A queue of 3 kilometres.", "3 kilometres", 3000, "metre", "length", None, None, None),
]


@pytest.mark.parametrize("text, expected, value, unit, kind, approximation, lower, upper", CASES, ids=[c[1] for c in CASES])
def test_form(text, expected, value, unit, kind, approximation, lower, upper):
    found = [q for q in find_quantities(text, [Span(0, len(text))]) if q.text == expected]
    assert len(found) == 1, find_quantities(text, [])
    q = found[0]
    assert text[q.start : q.end] == q.text
    assert q.value == pytest.approx(value)
    assert (q.unit, q.kind, q.approximation) == (unit, kind, approximation)
    assert q.lower == (None if lower is None else pytest.approx(lower))
    assert q.upper == (None if upper is None else pytest.approx(upper))


def test_spoken_and_written_durations_agree():
    values = {(q.value, q.unit) for t in ("one and a half hours", "almost one-and-a-half hours", "90 minutes") for q in find_quantities(t)}
    assert values == {(90.0, "minute")}


@pytest.mark.parametrize("text", ["No one came.", "One of them left.", "Half the time.", "Covid-19 and the G7 met.", "The 38m walk."])
def test_not_quantities(text):
    assert find_quantities(text) == []


def test_only_inside_spans():
    text = "He said 40 people came, and 12 stayed."
    assert [q.text for q in find_quantities(text, [Span(8, 22)])] == ["40 people"]


def test_sample_article():
    text = SAMPLE.read_text(encoding="utf-8")
    found = [(q.text, q.value, q.unit, q.kind, q.approximation) for q in find_quantities(text)]
    assert ("one and a half hours", 90.0, "minute", "duration", None) in found
    assert ("one-and-a-half hours", 90.0, "minute", "duration", "almost") in found
    assert ("millions of deaths", 2e6, "deaths", "count", None) in found
    assert ("2022", 2022.0, "year", "date", None) in found


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200), st.data())
def test_arbitrary_text_never_raises_and_slices_exactly(text, data):
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    for spans in ([], [Span(0, len(text))], [Span(a, b)]):
        for q in find_quantities(text, spans):
            assert text[q.start : q.end] == q.text and q.start < q.end


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["about", "3", "1,200", "$", "£", "two", "and", "a", "half", "hours", "to", "percent", "%",
                                 "millions", "of", "Feb.", "12", "2022", "m", "-", "between", "jobs", "dozen", " ", ","]), max_size=12))
def test_number_soup_slices_exactly(words):
    text = " ".join(words)
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
