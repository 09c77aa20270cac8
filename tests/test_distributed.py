"""The Dask executor and the partitioned dataset: the same results as the local path.

One two-worker LocalCluster is shared by the module (starting one takes seconds).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

import disclosure_metrics as dm
from disclosure_metrics import corpus as corpus_module
from disclosure_metrics.cli import main
from disclosure_metrics.dataset import (
    MARKER,
    NULL_PARTITION,
    SCHEMA_VERSION,
    dataset_files,
    is_dataset,
    read_dataset,
    yoy_from_dataset,
)
from disclosure_metrics.distributed import DaskExecutor, LocalExecutor, make_executor
from disclosure_metrics.export import read_table
from disclosure_metrics.ingest import _ingest_chunk, ingest

from .conftest import SAMPLE, corpus_or_skip

TABLES = ("reports", "cells", "facts", "checks", "indicators")
TIMING = ["seconds"]  # how long a file took differs from run to run, nothing else may


@pytest.fixture(scope="module")
def cluster() -> Iterator[DaskExecutor]:
    executor = DaskExecutor(jobs=2)
    yield executor
    executor.close()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The real corpus, the sample, and a file that fails (it must come back failed)."""
    folder = tmp_path_factory.mktemp("inputs")
    empty = folder / "empty.txt"
    empty.write_bytes(b"")
    return [corpus_or_skip() / "reports", SAMPLE, empty]


def _without_timing(df: pd.DataFrame) -> pd.DataFrame:
    return df.drop(columns=[c for c in TIMING if c in df.columns])


def _assert_same_corpus(local: dm.Corpus, other: dm.Corpus) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(
            _without_timing(getattr(local, name)), _without_timing(getattr(other, name))
        )


# ---------------------------------------------------------------------------------------------
# (a) the Dask executor gives the local results


def test_dask_load_equals_local(cluster: DaskExecutor, inputs: list[Path]) -> None:
    local = dm.load(inputs, progress=False, jobs=2)
    on_dask = dm.load(inputs, progress=False, executor=cluster)
    _assert_same_corpus(local, on_dask)
    assert set(on_dask.reports.status) >= {"parsed", "legacy", "failed", "duplicate"}
    assert on_dask.reports.path.tolist() == local.reports.path.tolist()
    pd.testing.assert_frame_equal(local.yoy(), on_dask.yoy())


def test_dask_ingest_keeps_order_paths_and_errors_as_given(
    cluster: DaskExecutor, tmp_path: Path
) -> None:
    files = [SAMPLE, tmp_path / "missing.txt", Path("data/raw/2020_huianpu.txt")]
    local = ingest(files, jobs=1)
    on_dask = cluster.map_files(files)
    assert [r.path for r in on_dask] == [str(f) for f in files]
    for a, b in zip(local, on_dask, strict=True):
        assert (a.status, a.sha256) == (b.status, b.sha256)
        assert (a.report.to_json() if a.report else str(a.error)) == (
            b.report.to_json() if b.report else str(b.error)
        )


def test_example_county_on_dask_equals_local(
    cluster: DaskExecutor, tmp_path_factory: pytest.TempPathFactory
) -> None:
    try:
        from disclosure_metrics.example_data import generate
    except ImportError as exc:
        pytest.skip(f"the example data generator is not importable: {exc}")
    folder = tmp_path_factory.mktemp("example")
    generate(folder)
    local = dm.load(folder, progress=False, jobs=2)
    on_dask = dm.load(folder, progress=False, executor=cluster)
    _assert_same_corpus(local, on_dask)
    assert (on_dask.reports.status == "parsed").sum() > 0


def _cli(*args: str) -> str:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.stdout


def test_cli_commands_on_dask_equal_local(
    cluster: DaskExecutor, inputs: list[Path], tmp_path: Path
) -> None:
    names = [str(p) for p in inputs]
    dask = ["--executor", "dask", "--scheduler", cluster.address]
    assert _cli("parse", *names, "--json", *dask) == _cli("parse", *names, "--json")
    check = ["check", *names, "--json", "--no-fail"]
    assert _cli(*check, *dask) == _cli(*check)
    _cli("export", *names, "--out", str(tmp_path / "local"))
    _cli("export", *names, "--out", str(tmp_path / "dask"), *dask)
    for name in (*TABLES, "yoy"):
        local = read_table(tmp_path / "local" / f"{name}.parquet")
        on_dask = read_table(tmp_path / "dask" / f"{name}.parquet")
        pd.testing.assert_frame_equal(_without_timing(local), _without_timing(on_dask))


def test_build_passes_the_executor_to_load(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, object] = {}

    class Stop(Exception):
        pass

    def fake_load(*args: object, **kwargs: object) -> None:
        seen.update(kwargs)
        raise Stop

    monkeypatch.setattr(corpus_module, "load", fake_load)
    args = ["build", "--data", str(SAMPLE.parent), "--out", str(tmp_path / "site")]
    args += ["--renderer", "nbconvert", "--executor", "dask", "--scheduler", "tcp://h:8786"]
    with pytest.raises(Stop):
        CliRunner().invoke(main, args, catch_exceptions=False)
    assert seen["executor"] == "dask" and seen["scheduler"] == "tcp://h:8786"


def test_scheduler_without_dask_is_a_usage_error() -> None:
    result = CliRunner().invoke(main, ["parse", str(SAMPLE), "--scheduler", "tcp://h:8786"])
    assert result.exit_code == 2 and "--executor dask" in result.output
    with pytest.raises(ValueError, match="unknown executor"):
        make_executor("spark")
    assert isinstance(make_executor("local", jobs=1), LocalExecutor)


# ---------------------------------------------------------------------------------------------
# (c) the dataset: export → load round trip, reads of only the years asked for


@pytest.fixture(scope="module")
def exported(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export")
    _cli("export", *[str(p) for p in inputs], "--out", str(out))
    return out


def test_export_writes_a_hive_dataset_that_loads_back_equal(exported: Path) -> None:
    folder = exported / "dataset"
    assert is_dataset(folder) and not is_dataset(exported)
    marker = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    assert marker["schema_version"] == SCHEMA_VERSION and marker["partition_by"] == "year"
    assert (folder / "indicators" / "year=2021" / "part-0.parquet").is_file()
    # The failed file has no year: its row is in Hive's partition for a missing key.
    assert (folder / "reports" / f"year={NULL_PARTITION}" / "part-0.parquet").is_file()
    loaded = dm.load(folder)
    assert loaded.parsed == {}
    for name in TABLES:
        pd.testing.assert_frame_equal(
            getattr(loaded, name), read_table(exported / f"{name}.parquet")
        )
    for name in ("yoy", "catalogue"):
        pd.testing.assert_frame_equal(
            read_dataset(folder, name), read_table(exported / f"{name}.parquet")
        )
    pd.testing.assert_frame_equal(loaded.yoy(), read_table(exported / "yoy.parquet"))


def test_filtered_read_opens_only_the_requested_years(exported: Path, tmp_path: Path) -> None:
    folder = shutil.copytree(exported / "dataset", tmp_path / "dataset")
    # Every other year's files are made unreadable: a read that touched them would fail.
    for path in folder.rglob("*.parquet"):
        if path.parent.name.startswith("year=") and path.parent.name != "year=2023":
            path.write_bytes(b"not parquet")
    assert all(p.parent.name == "year=2023" for p in dataset_files(folder, "cells", [2023]))
    cells = read_dataset(folder, "cells", years=[2023], columns=["report", "year", "value"])
    assert isinstance(cells, pd.DataFrame) and list(cells.columns) == ["report", "year", "value"]
    expected = read_table(exported / "cells.parquet")
    expected = expected[expected.year == 2023][["report", "year", "value"]]
    pd.testing.assert_frame_equal(cells, expected.reset_index(drop=True))
    tables = read_dataset(folder, ["reports", "indicators"], years=[2023])
    assert isinstance(tables, dict) and set(tables["indicators"].year) == {2023}
    with pytest.raises(Exception, match=r"(?i)parquet"):
        read_dataset(folder, "cells")


# ---------------------------------------------------------------------------------------------
# (d) year over year from the partitioned indicators, on Dask


def test_yoy_from_dataset_on_dask_equals_pandas(cluster: DaskExecutor, exported: Path) -> None:
    folder = exported / "dataset"
    expected = dm.load(folder).yoy()
    order = ["agency_key", "indicator", "year"]
    for result in (
        yoy_from_dataset(folder, engine="dask", executor=cluster),
        yoy_from_dataset(folder, engine="pandas"),
    ):
        pd.testing.assert_frame_equal(
            result.sort_values(order).reset_index(drop=True),
            expected.sort_values(order).reset_index(drop=True),
        )
    assert (expected.status == "ok").any()  # some change was actually computed


# ---------------------------------------------------------------------------------------------
# (b) a worker killed mid-run: every input still comes back, only the killer marked


def test_a_killed_worker_marks_only_its_file(
    cluster: DaskExecutor, inputs: list[Path], tmp_path: Path
) -> None:
    killer = tmp_path / "kills_its_worker.txt"
    shutil.copy(SAMPLE, killer)  # a good report: only the test hook makes it fatal

    def dying(paths: list[str], cache_dir: str | None, ocr: str = "auto") -> list:
        import os

        if any(p.endswith("kills_its_worker.txt") for p in paths):
            os._exit(13)  # the worker process dies as under an out-of-memory kill
        return _ingest_chunk(paths, cache_dir, ocr)

    files = [*sorted((inputs[0]).iterdir()), killer, SAMPLE]
    cluster.unit, cluster.batch_size = dying, 4  # the killer shares its batch with others
    try:
        results = cluster.map_files(files)
        corpus = dm.load([*files, inputs[2]], progress=False, executor=cluster)
    finally:
        cluster.unit, cluster.batch_size = _ingest_chunk, None
        cluster.client.wait_for_workers(2, timeout=60)
    assert [r.path for r in results] == [str(f) for f in files]
    lost = [r for r in results if r.error is not None and r.error.code == "worker_lost"]
    assert [r.path for r in lost] == [str(killer)]
    assert str(lost[0].error).startswith(f"{killer}: ")
    local = ingest(files, jobs=1)
    for a, b in zip(local, results, strict=True):
        if b.path != str(killer):
            assert (a.status, a.sha256) == (b.status, b.sha256)
    row = corpus.reports.set_index("file").loc[killer.name]
    assert row.status == "failed" and "worker" in row.error
    assert len(corpus.reports) == len(files) + 1


def test_chunks_come_back_in_order_and_a_killing_file_fails_alone(
    cluster: DaskExecutor, tmp_path: Path
) -> None:
    """``map_chunks`` (the national batch path on Dask): results in chunk order; a chunk whose
    worker dies is rerun file by file, and only the file that kills again is lost."""
    names = [str(tmp_path / f"r{i}.txt") for i in range(7)]
    killer = names[4]

    def work(chunk: list[str]) -> list[str]:
        import os

        if killer in chunk:
            os._exit(13)  # the worker dies, as under an out-of-memory kill
        return [os.path.basename(p) for p in chunk]

    chunks = [names[0:3], names[3:6], names[6:7]]
    results = list(
        cluster.map_chunks(
            work,
            chunks,
            lost=lambda path, exc: [f"lost {os.path.basename(path)}"],
            merge=lambda parts: [x for part in parts for x in part],
        )
    )
    assert results == [
        ["r0.txt", "r1.txt", "r2.txt"],
        ["r3.txt", "lost r4.txt", "r5.txt"],
        ["r6.txt"],
    ]
