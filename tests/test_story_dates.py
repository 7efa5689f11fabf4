"""The date a document reports on when it has no `published_at`: dateline, else a weekday of the lead."""

from datetime import datetime, timezone

from pipelines.linking.dates import story_date

WEDNESDAY = datetime(2025, 4, 16, 18, tzinfo=timezone.utc)


def test_the_publication_date_wins():
    published = datetime(2025, 4, 1, tzinfo=timezone.utc)
    assert story_date(published, WEDNESDAY, "LIMA, April 10 (Reuters) - A quake struck on Monday.") == published


def test_a_dateline_gives_the_date_and_the_ingestion_year():
    assert story_date(None, WEDNESDAY, "LIMA, April 10 (Reuters) - A quake struck.").date().isoformat() == "2025-04-10"
    assert story_date(None, WEDNESDAY, "WASHINGTON, Sept. 3, 2024 - Congress met.").date().isoformat() == "2024-09-03"
    # A December dateline read in January is last year's.
    january = datetime(2026, 1, 2, tzinfo=timezone.utc)
    assert story_date(None, january, "KYIV, Dec. 30 (AP) - Talks ended.").date().isoformat() == "2025-12-30"


def test_a_weekday_in_the_lead_counts_back_from_ingestion():
    assert story_date(None, WEDNESDAY, "The council voted on Monday to raise taxes.").date().isoformat() == "2025-04-14"
    assert story_date(None, WEDNESDAY, "Rescuers worked through the night yesterday.").date().isoformat() == "2025-04-15"
    assert story_date(None, WEDNESDAY, "The council met on Wednesday.").date().isoformat() == "2025-04-16"


def test_no_date_in_the_text_or_nothing_to_count_from_is_none():
    assert story_date(None, WEDNESDAY, "The council voted to raise taxes.") is None
    assert story_date(None, None, "The council voted on Monday to raise taxes.") is None
    assert story_date(None, None, "LIMA, April 10 (Reuters) - A quake struck.") is None


def test_the_background_document_frequencies_are_rebuilt_byte_for_byte():
    from pipelines.linking.stories import DF_PATH
    from pipelines.training import build_story_df
    from pipelines.training.train_checkworthiness import POLNEAR_TRAIN

    from .conftest import need

    need(POLNEAR_TRAIN)
    texts = [p.read_text(encoding="utf-8") for p in sorted(POLNEAR_TRAIN.glob("*.txt"))]
    assert build_story_df.build(texts) == DF_PATH.read_text(encoding="utf-8")
