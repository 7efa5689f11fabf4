"""The language of each document: detected offline, stored in documents.language, warned about."""

import pyarrow.parquet as pq

from pipelines import language, steps
from pipelines.store import TableStore

GERMAN = ("Kanzler kündigt Reform an\n\nDer Bundeskanzler hat am Montag eine umfassende Reform der Rente "
          "angekündigt. Die Regierung werde die Beiträge nicht erhöhen, sagte ein Sprecher in Berlin. "
          "Die Opposition kritisierte den Plan als unzureichend und forderte Nachbesserungen.\n")
RUSSIAN = ("Песков прокомментировал переговоры\n\nПресс-секретарь президента Дмитрий Песков заявил в "
           "понедельник, что переговоры будут продолжены на следующей неделе. По его словам, стороны "
           "обсудили вопросы безопасности и экономического сотрудничества.\n")
ENGLISH = ("Senate passes budget bill\n\nThe Senate passed the bill on Tuesday, Sen. Jane Roe said. "
           "Opponents said the measure would raise taxes on working families.\n")


def test_detects_english_german_and_russian_news():
    assert language.detect(ENGLISH) == "en"
    assert language.detect(GERMAN) == "de"
    assert language.detect(RUSSIAN) == "ru"


def test_too_little_text_to_tell_is_null():
    assert language.detect("Body one.") is None
    assert language.detect("12 345 — 67") is None


def test_ingest_stores_the_language_and_warns_about_non_english(tmp_path):
    folder = tmp_path / "in" / "wire"
    folder.mkdir(parents=True)
    for name, text in (("de.txt", GERMAN), ("ru.txt", RUSSIAN), ("en.txt", ENGLISH)):
        (folder / name).write_text(text, encoding="utf-8")
    store = TableStore(tmp_path / "data")
    lines: list[str] = []
    summary = steps.ingest([tmp_path / "in"], store, progress=lines.append)
    rows = [r for p in store.parts("documents").values() for r in pq.read_table(p).to_pylist()]
    assert {r["uri"].rsplit("/", 1)[1]: r["language"] for r in rows} == {"de.txt": "de", "ru.txt": "ru", "en.txt": "en"}
    assert summary.counts["not_english"] == 2
    warning = [line for line in lines if "English only" in line]
    assert len(warning) == 1 and "2 new documents" in warning[0] and "de 1" in warning[0] and "ru 1" in warning[0]
