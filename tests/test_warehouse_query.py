"""The DuckDB warehouse, the sql/ views and `claimwire sql` rendering."""

import json
import multiprocessing
import os

import duckdb
import pytest
from pathlib import Path

from pipelines import query
from pipelines.warehouse import WAREHOUSE, analysis_queries, build_warehouse

TABLES = ("documents", "sentences", "claims", "rejects", "inputs")


def test_every_sql_file_has_a_header_and_becomes_a_view(seeded_store):
    queries = analysis_queries()
    assert {"who_said_what", "claims_per_speaker_source", "unattributed_sentences"} <= {q.name for q in queries}
    assert all(q.description for q in queries)
    con = duckdb.connect(str(seeded_store.data_dir / WAREHOUSE), read_only=True)
    views = {r[0] for r in con.execute("select view_name from duckdb_views() where not internal").fetchall()}
    assert set(TABLES) | {q.name for q in queries} <= views
    for q in queries:
        con.execute(f"select * from {q.name}").fetchall()  # each view resolves


def test_who_said_what_names_the_sample_speakers(seeded_store):
    _, rows = query.run_query(seeded_store.data_dir, "select distinct speaker from who_said_what")
    assert {"Donald Trump", "Dmitry Peskov"} <= {r[0] for r in rows}


def test_unattributed_sentences_are_body_sentences_without_claims(seeded_store):
    _, rows = query.run_query(seeded_store.data_dir, """
        select count(*) from unattributed_sentences u join claims c
        on c.doc_id = u.doc_id and c.cue_start is not null and c.sentence_idx = u.sentence_idx""")
    assert rows == [(0,)]
    _, rows = query.run_query(seeded_store.data_dir, "select text from unattributed_sentences")
    assert any("prisoner swap" in r[0] for r in rows)  # the reporter's own sentence in the sample


def _hold_open(path, ready, release):
    con = duckdb.connect(path, read_only=True)
    con.execute("select count(*) from documents").fetchone()
    ready.set()
    release.wait(30)
    con.close()


def test_rebuild_while_an_analyst_holds_the_warehouse_open(seeded_store):
    path = str(seeded_store.data_dir / WAREHOUSE)
    ctx = multiprocessing.get_context("spawn")
    ready, release = ctx.Event(), ctx.Event()
    analyst = ctx.Process(target=_hold_open, args=(path, ready, release))
    analyst.start()
    try:
        assert ready.wait(60)
        before = os.stat(path).st_ino
        (seeded_store.data_dir / ".warehouse.duckdb.key").unlink()  # force a rebuild
        build_warehouse(seeded_store)  # must not block nor fail
        assert os.stat(path).st_ino != before
    finally:
        release.set()
        analyst.join(30)
    assert not [p for p in os.listdir(seeded_store.data_dir) if p.endswith(".tmp")]


def test_render_formats():
    cols, rows = ["speaker", "n", "spans"], [("Donald Trump", 3, [{"start": 1, "end": 2}]), (None, 1, None)]
    table = query.render(cols, rows, "table")
    assert "Donald Trump" in table and "NULL" in table and table.rstrip().endswith("(2 rows)")
    assert query.render(cols, rows, "csv").splitlines()[0] == "speaker,n,spans"
    assert json.loads(query.render(cols, rows, "json"))[0] == {"speaker": "Donald Trump", "n": 3, "spans": [{"start": 1, "end": 2}]}


def test_bad_sql_and_missing_tables_are_clear_errors(seeded_store, tmp_path):
    with pytest.raises(query.QueryError, match="SQL: .*no_such_table"):
        query.run_query(seeded_store.data_dir, "select * from no_such_table")
    with pytest.raises(query.QueryError, match="run `claimwire run` first"):
        query.run_query(tmp_path / "empty", "select 1")


def test_views_may_build_on_views_in_any_name_order(seeded_store, tmp_path):
    from pipelines.warehouse import create_views

    (tmp_path / "a_top.sql").write_text("-- Top.\nselect n + 1 as m from z_base")
    (tmp_path / "z_base.sql").write_text("-- Base.\nselect count(*) as n from documents")
    con = duckdb.connect()
    names = create_views(con, seeded_store, tmp_path)
    assert {"a_top", "z_base"} <= set(names)
    assert con.execute("select m from a_top").fetchone()[0] == con.execute("select count(*) + 1 from documents").fetchone()[0]
    (tmp_path / "b_broken.sql").write_text("-- Broken.\nselect * from nowhere_at_all")
    with pytest.raises(ValueError, match="b_broken.sql does not compile"):
        create_views(duckdb.connect(), seeded_store, tmp_path)


def test_rebuild_is_skipped_when_nothing_changed(seeded_store, tmp_path):
    path = seeded_store.data_dir / WAREHOUSE
    build_warehouse(seeded_store)
    before = os.stat(path).st_mtime_ns
    build_warehouse(seeded_store)
    assert os.stat(path).st_mtime_ns == before  # re-running changes nothing
    (tmp_path / "extra_view.sql").write_text("-- Extra.\nselect 1 as one")
    import shutil

    for q in analysis_queries():
        shutil.copy(q_path := (Path(__file__).resolve().parents[1] / "sql" / f"{q.name}.sql"), tmp_path / q_path.name)
    build_warehouse(seeded_store, tmp_path)  # a new sql/ file: rebuilt with its view
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("select one from extra_view").fetchone() == (1,)
    con.close()
    build_warehouse(seeded_store)  # back to the repo's views


@pytest.mark.parametrize("bad", ["selec nonsense", "select * from no_such_table", "select nosuchcol from documents",
                                 "select 1 +", "select * from documents where"])
def test_bad_sql_prints_exactly_one_line_and_exits_2(seeded_store, capsys, bad):
    from pipelines import cli

    status = cli.main(["sql", bad, "--data-dir", str(seeded_store.data_dir)])
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err.startswith("claimwire sql: error: SQL: ") and err.endswith("\n") and err.count("\n") == 1, err
