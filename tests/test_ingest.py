"""Ingest: every input kind, every bad input, titles, datelines, sources and ids."""

import gzip
import json
import os

import pytest

from pipelines.ingest import Reject, decode_text, doc_id_for, iter_records, title_and_dateline
from pipelines.records import Document

ARTICLE = "Senate passes budget bill\nWASHINGTON\n\nThe Senate passed the bill on Tuesday, Sen. Jane Roe said.\n"


def only(outcomes):
    outcomes = list(outcomes)
    assert len(outcomes) == 1, outcomes
    return outcomes[0]


def test_txt_title_dateline_and_exact_text(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    doc = only(iter_records([path]))
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE.replace("\n", "\r\n")  # line endings kept
    assert doc.title == "Senate passes budget bill"
    assert doc.dateline == "WASHINGTON"
    assert doc.external_id == "story"
    assert doc.uri == str(path)
    assert doc.source == tmp_path.name  # given directly: the folder that holds it
    assert doc.doc_id == doc_id_for(doc.text) and len(doc.doc_id) == 16


def test_txt_byte_order_mark_removed(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode())
    assert only(iter_records([path])).text == ARTICLE


def test_no_dateline_when_second_line_is_prose(tmp_path):
    assert title_and_dateline("Title here\nThe council met on Monday.\n") == ("Title here", None)
    assert title_and_dateline("Title\n\n  NEW YORK  \nBody.") == ("Title", "NEW YORK")


def test_json_article_fields(tmp_path):
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"id": "ap-77", "title": "Rates rise", "source": "apnews", "url": "https://example.org/x",
                                "published_at": "2025-03-19T05:40:00-04:00", "text": "LONDON\nRates rose, the bank said."}))
    doc = only(iter_records([path]))
    assert (doc.external_id, doc.title, doc.source, doc.url) == ("ap-77", "Rates rise", "apnews", "https://example.org/x")
    assert doc.published_at.isoformat() == "2025-03-19T09:40:00+00:00"
    assert doc.dateline == "LONDON"
    assert doc.text == "LONDON\nRates rose, the bank said."


def test_jsonl_and_gzip_uri_has_line_number(tmp_path):
    lines = [json.dumps({"text": f"Story number {i}. The mayor said so."}) for i in range(3)]
    (tmp_path / "dump.jsonl").write_text("\n".join(lines) + "\n")
    with gzip.open(tmp_path / "dump2.jsonl.gz", "wt") as fh:
        fh.write("\n".join(lines[:2]) + "\n")
    docs = list(iter_records([tmp_path / "dump.jsonl", tmp_path / "dump2.jsonl.gz"]))
    assert [d.uri for d in docs] == [f"{tmp_path}/dump.jsonl#{i}" for i in (1, 2, 3)] + \
        [f"{tmp_path}/dump2.jsonl.gz#{i}" for i in (1, 2)]
    assert docs[0].external_id == "dump" and docs[3].external_id == "dump2"
    assert docs[0].doc_id == docs[3].doc_id  # same text, same id


def test_folder_is_recursive_and_source_comes_from_folder(tmp_path):
    (tmp_path / "reuters" / "2025").mkdir(parents=True)
    (tmp_path / "reuters" / "2025" / "a.txt").write_text("A title\nBody one.")
    (tmp_path / "loose.txt").write_text("Loose title\nBody two.")
    (tmp_path / "apnews").mkdir()
    (tmp_path / "apnews" / "b.json").write_text(json.dumps({"text": "Body three.", "source": "AP"}))
    (tmp_path / "apnews" / ".DS_Store").write_bytes(b"\0\0")
    docs = {os.path.basename(d.uri): d for d in iter_records([tmp_path])}
    assert set(docs) == {"a.txt", "loose.txt", "b.json"}
    assert docs["a.txt"].source == "reuters"  # the first folder below the input root
    assert docs["loose.txt"].source == "unknown"
    assert docs["b.json"].source == "AP"  # the record's own field wins


@pytest.mark.parametrize("name, payload, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\r\n ", "whitespace_only"),
    ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ("broken.json", b'{"text": "unterminated', "bad_json"),
    ("list.json", b'["not", "an", "object"]', "bad_json"),
    ("notext.json", b'{"title": "No body"}', "no_text"),
    ("emptytext.json", b'{"text": "   "}', "no_text"),
    ("numtext.json", b'{"text": 42}', "no_text"),
    ("surrogate.json", b'{"text": "bad \\ud800 escape"}', "bad_encoding"),
    ("notes.md", b"# some notes", "unsupported_type"),
])
def test_bad_files_become_rejects(tmp_path, name, payload, reason):
    path = tmp_path / name
    path.write_bytes(payload)
    reject = only(iter_records([path]))
    assert isinstance(reject, Reject)
    assert reject.reason == reason
    assert reject.uri == str(path)
    assert reject.detail  # readable


def test_too_large_file_and_line(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Title\n" + "word " * 400)
    assert only(iter_records([big], max_bytes=1000)).reason == "too_large"
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": "x " * 2000}) + "\n" + json.dumps({"text": "Small one."}) + "\n")
    first, second = iter_records([dump], max_bytes=1000)
    assert (first.reason, first.uri) == ("too_large", f"{dump}#1")
    assert isinstance(second, Document) and second.uri == f"{dump}#2"


def test_bad_jsonl_lines_do_not_lose_good_ones(tmp_path):
    dump = tmp_path / "mixed.jsonl"
    dump.write_bytes(b'{"text": "Good one."}\n{broken\n\n{"title": "no text"}\n\xff\xfe\xfa\n{"text": "Good two."}\n')
    got = [(o.uri.rsplit("#", 1)[1], getattr(o, "reason", "ok")) for o in iter_records([dump])]
    assert got == [("1", "ok"), ("2", "bad_json"), ("4", "no_text"), ("5", "bad_encoding"), ("6", "ok")]


def test_truncated_gzip_keeps_lines_before_the_break(tmp_path):
    raw = gzip.compress(b"".join(json.dumps({"text": f"Story {i} " * 50}).encode() + b"\n" for i in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(raw[: len(raw) // 2])
    outcomes = list(iter_records([path]))
    assert isinstance(outcomes[-1], Reject) and outcomes[-1].reason == "bad_gzip"
    assert outcomes[-1].uri == str(path)
    assert all(isinstance(o, Document) for o in outcomes[:-1]) and len(outcomes) > 1


def test_not_gzip_at_all(tmp_path):
    path = tmp_path / "fake.jsonl.gz"
    path.write_bytes(b'{"text": "plain"}\n')
    assert only(iter_records([path])).reason == "bad_gzip"


def test_windows_1252_is_decoded_and_kept(tmp_path):
    text = "Café owners said the “new” rules were naïve — and costly.\nThe mayor’s office declined to comment."
    path = tmp_path / "cp1252.txt"
    path.write_bytes(text.encode("cp1252"))
    doc = only(iter_records([path]))
    assert doc.text == text


def test_undecodable_bytes_are_rejected():
    from pipelines.ingest import RecordError

    noise = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 40  # undefined in cp1252, invalid UTF-8
    with pytest.raises(RecordError) as err:
        decode_text(noise)
    assert err.value.reason == "bad_encoding"


def test_missing_path_is_a_reject(tmp_path):
    reject = only(iter_records([tmp_path / "nope"]))
    assert reject.reason == "not_found"


def test_file_vanishing_between_listing_and_reading(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Title\nBody.")
    (tmp_path / "b.txt").write_text("Title B\nBody B.")
    import pipelines.ingest as ingest

    real_walk = ingest._walk

    def walk_then_delete(root):
        paths = list(real_walk(root))
        os.remove(paths[0])
        yield from paths

    monkeypatch.setattr(ingest, "_walk", walk_then_delete)
    first, second = iter_records([tmp_path])
    assert (first.reason, os.path.basename(first.uri)) == ("vanished", "a.txt")
    assert isinstance(second, Document)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Title\nBody.")
    path.chmod(0)
    assert only(iter_records([path])).reason == "unreadable"


def test_same_text_twice_is_one_doc_id(tmp_path):
    (tmp_path / "one.txt").write_text(ARTICLE)
    (tmp_path / "two.txt").write_text(ARTICLE)
    a, b = iter_records([tmp_path])
    assert a.doc_id == b.doc_id and a.uri != b.uri


def test_a_50_mb_single_line_file_is_rejected_without_reading_it_all(tmp_path):
    big_txt = tmp_path / "huge.txt"
    big_line = tmp_path / "huge.jsonl"
    with open(big_txt, "wb") as fh:
        fh.write(b"x" * 50_000_000)
    with open(big_line, "wb") as fh:
        fh.write(b'{"text": "' + b"y" * 50_000_000 + b'"}\n{"text": "A normal story, the mayor said."}\n')
    outcomes = list(iter_records([big_txt, big_line]))
    assert [(o.reason if isinstance(o, Reject) else "ok") for o in outcomes] == ["too_large", "too_large", "ok"]
    assert outcomes[0].n_bytes == 50_000_000 and outcomes[2].uri.endswith("#2")


def test_permission_denied_is_a_reject(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("Title\nBody.")
    real_open = open

    def deny(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny)
    reject = only(iter_records([path]))
    assert (reject.reason, reject.uri) == ("unreadable", str(path)) and "permission denied" in reject.detail


@pytest.mark.parametrize("text, charset", [
    ("Москва заявила, что переговоры начнутся немедленно, сообщил Кремль.", "cp1251"),
    ("Die Regierung in Berlin erklärte, die Gespräche würden sofort beginnen, größer.", "latin-1"),
])
def test_other_charsets_detected_with_confidence(tmp_path, text, charset):
    path = tmp_path / f"{charset}.txt"
    path.write_bytes(f"Title\n{text}".encode(charset))
    assert only(iter_records([path])).text == f"Title\n{text}"


def test_a_file_given_directly_takes_its_source_from_its_folder(tmp_path, monkeypatch):
    (tmp_path / "reuters").mkdir()
    (tmp_path / "reuters" / "000_x.txt").write_text(ARTICLE)
    (tmp_path / "loose.txt").write_text("Loose title\nBody two.")
    monkeypatch.chdir(tmp_path)
    assert only(iter_records(["reuters/000_x.txt"])).source == "reuters"
    assert only(iter_records([tmp_path / "reuters" / "000_x.txt"])).source == "reuters"
    assert only(iter_records(["loose.txt"])).source == "unknown"  # no folder: the working folder is no outlet
    assert only(iter_records([tmp_path / "loose.txt"])).source == "unknown"


def test_inbox_files_take_the_first_folder_below_the_inbox(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "reuters" / "2025").mkdir(parents=True)
    (inbox / "reuters" / "2025" / "x.json").write_text(json.dumps({"text": "Body one."}))
    (inbox / "top.json").write_text(json.dumps({"text": "Body two."}))
    files = [inbox / "reuters" / "2025" / "x.json", inbox / "top.json"]
    assert [d.source for d in iter_records(files, source_root=inbox)] == ["reuters", "unknown"]


def test_a_dangling_symlink_is_reported_as_such(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "deleted.txt")
    for given in (tmp_path / "in", tmp_path / "in" / "gone.txt"):
        reject = only(iter_records([given]))
        assert reject.reason == "broken_link", reject
        assert "dangling symbolic link" in reject.detail and "deleted.txt" in reject.detail


PDF_AS_TXT = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
              b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
HTML_AS_TXT = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Senate passes budget bill</title>
<script>window.dataLayer = [];</script></head>
<body><nav><a href="/">Home</a> | <a href="/politics">Politics</a></nav>
<article><h1>Senate passes budget bill</h1>
<p>The Senate passed the bill on Tuesday, Sen. Jane Roe said.</p>
<p>&ldquo;It is a good day,&rdquo; she told reporters.</p></article></body></html>
"""


def test_a_pdf_saved_as_txt_is_rejected_as_pdf(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(PDF_AS_TXT)
    reject = only(iter_records([path]))
    assert isinstance(reject, Reject) and reject.reason == "pdf" and "PDF" in reject.detail


@pytest.mark.parametrize("page", [HTML_AS_TXT, HTML_AS_TXT.split("\n", 1)[1], HTML_AS_TXT.split("<body>", 1)[1]])
def test_a_web_page_saved_as_txt_is_rejected_as_html(tmp_path, page):
    path = tmp_path / "page.txt"
    path.write_text(page, encoding="utf-8")
    reject = only(iter_records([path]))
    assert isinstance(reject, Reject) and reject.reason == "html" and "HTML" in reject.detail


def test_an_html_text_field_is_rejected_and_an_article_quoting_a_tag_is_not(tmp_path):
    (tmp_path / "page.json").write_text(json.dumps({"text": HTML_AS_TXT}))
    (tmp_path / "story.txt").write_text("Markup row\n\nThe editor said the <b> tag and 3 < 4 > 2 were fine.\n")
    page, story = iter_records([tmp_path / "page.json", tmp_path / "story.txt"])
    assert page.reason == "html"
    assert isinstance(story, Document)
