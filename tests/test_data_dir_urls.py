"""DATA_DIR as a path or a file:// URL; an object-store URL is refused, never made a local folder."""

import pytest

from pipelines import cli
from pipelines.resources import TableStoreResource, local_data_dir

from .conftest import SEEDS


def test_a_file_url_names_the_same_folder_as_its_path(tmp_path):
    assert local_data_dir(f"file://{tmp_path}/data") == (tmp_path / "data").resolve()
    assert local_data_dir(f"file://localhost{tmp_path}/my%20data") == (tmp_path / "my data").resolve()
    assert TableStoreResource(data_dir=f"file://{tmp_path}/data").get_store().data_dir == (tmp_path / "data").resolve()


@pytest.mark.parametrize("url", ["s3://bucket/claimwire", "gs://bucket/claimwire", "memory://claimwire"])
def test_an_object_store_url_is_refused_with_why(url):
    with pytest.raises(ValueError, match="is not supported.*shared file system"):
        local_data_dir(url)


def test_claimwire_run_into_a_file_url_and_refused_for_a_bucket(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["run", str(SEEDS / "reuters"), "--data-dir", f"file://{tmp_path}/data", "--quiet"]) == 0
    assert (tmp_path / "data" / "warehouse.duckdb").exists()
    assert cli.main(["sql", "select count(*) from documents", "--data-dir", f"file://{tmp_path}/data",
                     "--format", "csv"]) == 0
    assert capsys.readouterr().out.strip().endswith("2")
    assert cli.main(["run", str(SEEDS / "reuters"), "--data-dir", "s3://bucket/claimwire"]) == 2
    assert "s3:// is not supported" in capsys.readouterr().err
    assert not (tmp_path / "s3:").exists()
