"""Hedges, certainty and polarity: every lexicon entry, the sample article's reporter remarks."""

import pytest
from hypothesis import given, settings, strategies as st

from pipelines.hedges import CERTAINTY, assess, lexicon
from pipelines.records import Span
from tests.conftest import SAMPLE


def claim(text: str, content: str, cue: str | None = None, cue_lemma: str | None = None, sentence: str | None = None):
    """assess() on `content` (and `cue`) as found inside `sentence` (default: all of `text`)."""
    s_start = text.index(sentence) if sentence else 0
    s_end = s_start + len(sentence) if sentence else len(text)
    c_start = text.index(content, s_start)
    cue_span = None
    if cue:
        k = text.index(cue, s_start)
        cue_span = Span(k, k + len(cue))
    return assess(text, Span(s_start, s_end), cue_span, [Span(c_start, c_start + len(content))], cue_lemma)


def example(cue: str, places: frozenset[str]):
    """A sentence that puts `cue` in one of the places it applies."""
    if "content" in places:
        word = f"does{cue}" if cue.startswith(("n'", "'")) or not cue[0].isalnum() else cue  # n't: doesn't
        content = f"the plan {word} go ahead"
        return claim(f"Officials said {content}.", content, "said", "say")
    if "remark" in places:
        return claim(f"The plan will go ahead, officials said, {cue}.", "The plan will go ahead", "said", "say")
    return claim(f"Officials {cue} the plan will go ahead.", "the plan will go ahead", cue, cue)


@pytest.mark.parametrize("entry", list(lexicon().values()), ids=list(lexicon()))
def test_lexicon_entry(entry):
    found = example(entry.cue, entry.places)
    if entry.effect == "negative":
        assert found.polarity == "negative" and entry.cue not in found.hedges
    elif entry.effect == "block":
        assert found.hedges == () and found.polarity == "positive" and found.certainty == "certain"
    else:
        assert entry.cue in found.hedges
        assert found.certainty == (entry.effect if entry.effect in CERTAINTY else "certain")


def test_said_does_not_hedge_and_claimed_does():
    assert claim("He said the vote was fair.", "the vote was fair", "said", "say").hedges == ()
    assert claim("He claimed the vote was fair.", "the vote was fair", "claimed", "claim").certainty == "unknown"


def test_backshifted_would_is_not_a_hedge():
    # Reported speech turns `will` into `would`: the sample's "he would be calling".
    assert claim("He said he would be calling Zelensky.", "he would be calling Zelensky", "said", "say").hedges == ()


def test_weakest_certainty_wins():
    found = claim("He said the deal could likely happen, without providing evidence.", "the deal could likely happen", "said", "say")
    assert found.hedges == ("could", "likely", "without providing evidence") and found.certainty == "unknown"


def test_remarks_stop_at_the_sentence():
    text = "He said the deal is done. It is unclear why."
    assert claim(text, "the deal is done", "said", "say", sentence="He said the deal is done.").hedges == ()


def test_denial_cue_is_negative():
    assert claim("Moscow denied the troops had moved.", "the troops had moved", "denied", "deny").polarity == "negative"


def test_sample_unconfirmed_figure():
    text = SAMPLE.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "unconfirmed figure" in line)
    content = '"both agreed, we want to stop the millions of deaths taking place in the War with Russia/Ukraine"'
    found = claim(text, content, "said", "say", sentence=sentence)
    assert found == type(found)(("unconfirmed",), "unknown", "positive")


def test_sample_without_elaborating():
    text = SAMPLE.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "without elaborating" in line)
    content = 'Putin stressed any settlement would need to "address the root causes of the conflict,"'
    found = claim(text, content, "said", "say", sentence=sentence)
    assert found.hedges == ("without elaborating",) and found.certainty == "unknown"


def test_sample_as_soon_as_possible_is_no_hedge():
    text = SAMPLE.read_text(encoding="utf-8")
    sentence = next(line for line in text.splitlines() if "as soon as possible" in line)
    assert claim(text, sentence, sentence=sentence).hedges == ()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120), st.data())
def test_arbitrary_spans_never_raise(text, data):
    cut = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=4, max_size=4)))
    found = assess(text, Span(cut[0], cut[3]), Span(cut[1], cut[2]), [Span(cut[0], cut[1]), Span(cut[2], cut[3])], data.draw(st.sampled_from([None, "say", "claim", "deny"])))
    assert found.certainty in CERTAINTY and found.polarity in ("positive", "negative")


def test_content_running_past_the_sentence_end():
    """A claim whose content (a floating quote) runs past its sentence, with a later fragment: no error."""
    from pipelines.hedges import assess
    from pipelines.records import Span

    text = 'He said, "We could win. And we will," he added. "Soon."'
    sentence = Span(0, 23)  # the segmenter's first sentence ends inside the quotation
    content = (Span(9, 37), Span(48, 55))
    found = assess(text, sentence, Span(3, 7), content, "say")
    assert found.hedges == ("could",) and found.certainty == "possible"


def test_attached_negation_didnt():
    found = claim("He said the plan didn't work.", "the plan didn't work", "said", "say")
    assert found.polarity == "negative" and found.hedges == ()
