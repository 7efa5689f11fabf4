"""The analysis views of sql/ on small tables built for each question, in DuckDB."""

from datetime import datetime, timezone
from pathlib import Path

import duckdb

SQL = Path(__file__).resolve().parents[1] / "sql"


def day(d: int, hour: int = 9) -> datetime:
    return datetime(2025, 2, d, hour, tzinfo=timezone.utc)


def warehouse(documents, claims, links=(), speakers=()) -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse of the tables a view reads, one row per tuple given."""
    con = duckdb.connect()
    con.execute("create table documents (doc_id text, source text, published_at timestamptz)")
    con.execute("""create table claims (claim_id text, doc_id text, speaker_id text, speaker text, speaker_text text,
                   attribution_type text, content_text text)""")
    con.execute("create table claim_links (claim_id_a text, claim_id_b text, relation text, score double, detail text)")
    con.execute("create table stories (story_id text, doc_id text)")
    con.execute("create table speakers (speaker_id text, name text, speaker_type text)")
    for sql, rows in (("insert into documents values (?, ?, ?)", documents),
                      ("insert into claims values (?, ?, ?, ?, ?, ?, ?)", claims),
                      ("insert into claim_links values (?, ?, ?, 1.0, '')", links),
                      ("insert into stories values ('s1', ?)", [(d[0],) for d in documents]),
                      ("insert into speakers values (?, ?, 'person')", speakers)):
        if rows:
            con.executemany(sql, list(rows))
    return con


def view(con, name: str) -> list[dict]:
    cursor = con.execute((SQL / f"{name}.sql").read_text(encoding="utf-8"))
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


def quote_in(docs):
    """One claim by Trump in each document, all linked as the same quote."""
    claims = [(f"c{i}", doc, "sp1", "Donald Trump", "Trump", "direct", '"We will win"') for i, (doc, *_) in enumerate(docs)]
    links = [(a[0], b[0], "same_quote") for i, a in enumerate(claims) for b in claims[i + 1:]]
    return claims, links


def test_first_outlet_names_the_earliest_outlet():
    docs = [("d1", "reuters", day(12, 8)), ("d2", "apnews", day(12, 9)), ("d3", "usnews", None)]
    claims, links = quote_in(docs)
    rows = view(warehouse(docs, claims, links, [("sp1", "Donald Trump")]), "first_outlet")
    assert {(r["claim_id"], r["first_source"], r["first_tie"]) for r in rows} == \
        {("c0", "reuters", False), ("c1", "reuters", False), ("c2", "reuters", False)}
    assert all(r["first_sources"] == ["reuters"] and r["n_sources"] == 3 for r in rows)


def test_first_outlet_names_no_outlet_when_the_earliest_times_tie():
    docs = [("d1", "reuters", day(12, 8)), ("d2", "apnews", day(12, 8)), ("d3", "usnews", day(12, 10))]
    claims, links = quote_in(docs)
    rows = view(warehouse(docs, claims, links, [("sp1", "Donald Trump")]), "first_outlet")
    assert len(rows) == 3
    for r in rows:
        assert r["first_source"] is None and r["first_claim_id"] is None and r["first_tie"] is True
        assert r["first_sources"] == ["apnews", "reuters"]
        assert r["first_published_at"] == day(12, 8)


def test_first_outlet_names_no_outlet_when_no_document_is_dated():
    docs = [("d1", "reuters", None), ("d2", "apnews", None)]
    claims, links = quote_in(docs)
    rows = view(warehouse(docs, claims, links, [("sp1", "Donald Trump")]), "first_outlet")
    assert [(r["first_source"], r["first_published_at"]) for r in rows] == [(None, None), (None, None)]


def test_claims_per_speaker_source_groups_by_speaker_id():
    docs = [("d1", "reuters", day(12)), ("d2", "reuters", day(13))]
    claims = [
        ("c1", "d1", "trump", "Donald Trump", "Trump", "direct", "a"),
        ("c2", "d2", "trump", "Donald J. Trump", "Donald J. Trump", "indirect", "b"),  # one person, two spellings
        ("c3", "d1", "jr", "Donald Trump", "Donald Trump", "direct", "c"),  # a namesake (Donald Trump Jr.)
        ("c4", "d1", None, None, "a senior official", "indirect", "d"),  # no speaker_id: as written
    ]
    speakers = [("trump", "Donald Trump"), ("jr", "Donald Trump Jr.")]
    rows = view(warehouse(docs, claims, speakers=speakers), "claims_per_speaker_source")
    got = {(r["speaker_id"], r["speaker"], r["source"]): (r["claims"], r["direct"], r["documents"]) for r in rows}
    assert got == {("trump", "Donald Trump", "reuters"): (2, 1, 2),
                   ("jr", "Donald Trump Jr.", "reuters"): (1, 1, 1),
                   (None, "a senior official", "reuters"): (1, 0, 1)}
