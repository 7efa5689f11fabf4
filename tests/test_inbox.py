"""The inbox sensor and the nightly schedule: new or changed files only, keyed by content."""

import os
from datetime import datetime, timezone

import dagster as dg

from pipelines import inbox
from pipelines.partitions import today
from pipelines.resources import TableStoreResource
from pipelines.schedules import nightly_inbox
from pipelines.sensors import inbox_sensor


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_scan_reports_new_and_changed_files_only(tmp_path, monkeypatch):
    a = write(tmp_path / "reuters" / "a.txt", "Title\nBody one.")
    write(tmp_path / "apnews" / "b.json", '{"text": "Body two."}')
    write(tmp_path / ".hidden", "x")
    write(tmp_path / "c.txt.part", "still copying")
    changed, index = inbox.scan(tmp_path, {})
    assert sorted(os.path.basename(f.path) for f in changed) == ["a.txt", "b.json"]

    hashed = []
    real_hash = inbox._hash
    monkeypatch.setattr(inbox, "_hash", lambda p: hashed.append(p) or real_hash(p))
    changed, index = inbox.scan(tmp_path, index)
    assert changed == [] and hashed == []  # unchanged mtime and size: not even read

    a.write_text("Title\nBody one, corrected.")
    os.utime(a, ns=(1, 1))
    changed, index = inbox.scan(tmp_path, index)
    assert [f.path for f in changed] == [str(a)]


def test_touching_a_file_without_changing_it_is_not_a_change(tmp_path):
    a = write(tmp_path / "a.txt", "Title\nBody.")
    _, index = inbox.scan(tmp_path, {})
    os.utime(a, ns=(10**18, 10**18))
    changed, _ = inbox.scan(tmp_path, index)
    assert changed == []


def test_cursor_round_trip_and_garbage():
    index = {"/in/a.txt": (1, 2, "ab" * 32)}
    assert inbox.decode_index(inbox.encode_index(index)) == index
    assert inbox.decode_index("not a cursor") == {} and inbox.decode_index(None) == {}


def test_sensor_requests_runs_keyed_by_content(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMWIRE_INBOX", str(tmp_path / "inbox"))
    write(tmp_path / "inbox" / "reuters" / "a.txt", "Title\nThe minister said taxes would rise.")
    store = TableStoreResource(data_dir=str(tmp_path / "data"))
    with dg.instance_for_test() as instance:
        context = dg.build_sensor_context(instance=instance, resources={"store": store})
        first = inbox_sensor(context)
        [request] = first.run_requests
        assert request.partition_key == today()
        assert request.run_config["ops"]["ingest"]["config"]["paths"] == [str(tmp_path / "inbox" / "reuters" / "a.txt")]

        again = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"store": store}, cursor=first.cursor))
        assert not again.run_requests and "nothing new" in again.skip_reason.skip_message

        write(tmp_path / "inbox" / "b.txt", "Other\nThe mayor said so.")
        third = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"store": store}, cursor=first.cursor))
        [new] = third.run_requests
        assert new.run_key != request.run_key
        assert new.run_config["ops"]["ingest"]["config"]["paths"] == [str(tmp_path / "inbox" / "b.txt")]


def test_a_big_inbox_is_batched_into_a_few_runs(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMWIRE_INBOX", str(tmp_path / "inbox"))
    monkeypatch.setattr("pipelines.sensors.FILES_PER_RUN", 10)
    for i in range(25):
        write(tmp_path / "inbox" / f"{i:03}.txt", f"Story {i}\nBody {i}.")
    with dg.instance_for_test() as instance:
        result = inbox_sensor(dg.build_sensor_context(
            instance=instance, resources={"store": TableStoreResource(data_dir=str(tmp_path / "data"))}))
    sizes = [len(r.run_config["ops"]["ingest"]["config"]["paths"]) for r in result.run_requests]
    assert sizes == [10, 10, 5] and len({r.run_key for r in result.run_requests}) == 3


def test_nightly_schedule_reads_the_whole_inbox(tmp_path, monkeypatch):
    monkeypatch.delenv("CLAIMWIRE_INBOX", raising=False)
    when = datetime(2025, 2, 13, 2, 0, tzinfo=timezone.utc)
    with dg.instance_for_test() as instance:
        context = dg.build_schedule_context(instance=instance, scheduled_execution_time=when,
                                            resources={"store": TableStoreResource(data_dir=str(tmp_path / "data"))})
        request = nightly_inbox(context)
    assert request.partition_key == "2025-02-13" and request.run_key == "nightly-2025-02-13"
    assert request.run_config["ops"]["ingest"]["config"]["paths"] == [str(tmp_path / "data" / "inbox")]


def test_an_inbox_run_takes_the_source_from_the_folder_below_the_inbox(tmp_path, monkeypatch):
    from pipelines.definitions import defs
    from pipelines.jobs import PIPELINE_JOB
    from pipelines.store import TableStore

    monkeypatch.setenv("CLAIMWIRE_INBOX", str(tmp_path / "inbox"))
    write(tmp_path / "inbox" / "reuters" / "2025" / "x.json", '{"text": "The minister said taxes would rise."}')
    write(tmp_path / "inbox" / "apnews" / "y.txt", "Title\nThe mayor said so.")
    store = TableStoreResource(data_dir=str(tmp_path / "data"))
    with dg.instance_for_test() as instance:
        [request] = inbox_sensor(dg.build_sensor_context(instance=instance, resources={"store": store})).run_requests
        job = defs.resolve_job_def(PIPELINE_JOB)
        config = dict(request.run_config, resources={"store": {"config": {"data_dir": str(tmp_path / "data")}}})
        result = job.execute_in_process(run_config=config, instance=instance, partition_key=request.partition_key,
                                        tags=request.tags)
    assert result.success
    tables = TableStore(tmp_path / "data")
    rows = [r for part in tables.parts("documents") for r in tables.read_part("documents", part, ["uri", "source"]).to_pylist()]
    sources = {os.path.basename(r["uri"]): r["source"] for r in rows}
    assert sources == {"x.json": "reuters", "y.txt": "apnews"}
