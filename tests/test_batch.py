"""The national path: a year-partitioned dataset equal to the in-memory corpus, written by the
workers (local processes or Dask), with no file lost when a worker dies."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import disclosure_metrics as dm
from disclosure_metrics.batch import ORDER_STRIDE, stream
from disclosure_metrics.dataset import CORPUS_TABLES, is_dataset, read_dataset

from .conftest import CORPUS, SAMPLE

ROW_TABLES = ("cells", "facts", "checks", "indicators")


def _inputs() -> list[Path]:
    files = [SAMPLE]
    if (CORPUS / "reports").is_dir():
        files += sorted((CORPUS / "reports").iterdir())
    return files


def _example_files(example_dir: Path) -> list[Path]:
    return sorted(p for p in example_dir.rglob("*") if p.is_file())


def _dataset(folder: Path) -> dict[str, pd.DataFrame]:
    """Every table of a streamed dataset, timings dropped (they differ from run to run)."""
    tables = read_dataset(folder, list(CORPUS_TABLES))
    assert isinstance(tables, dict)
    tables["reports"] = tables["reports"].drop(columns=["seconds"])
    return tables


def _assert_rows_equal(streamed: dict[str, pd.DataFrame], corpus: dm.Corpus) -> None:
    """Every row table of a streamed dataset equals the corpus's, row for row (the dataset's
    report ids are absolute paths)."""
    absolute = {
        r: os.path.abspath(p)
        for r, p in zip(corpus.reports.report, corpus.reports.path, strict=True)
    }
    for name in ROW_TABLES:
        loaded = getattr(corpus, name).assign(report=lambda df: df.report.map(absolute))
        loaded = loaded.astype({"report": "string"})
        pd.testing.assert_frame_equal(streamed[name], loaded, check_dtype=False, obj=name)


def test_stream_writes_the_dataset_load_would(tmp_path: Path) -> None:
    """Every row table equals ``load()``'s, row for row and in the same order; the manifest
    lists every input with the same status (a duplicate copy included)."""
    copy = tmp_path / "copy" / SAMPLE.name
    copy.parent.mkdir()
    shutil.copyfile(SAMPLE, copy)
    files = [*_inputs(), copy]
    result = stream(files, tmp_path / "national", jobs=2, chunk=3, buckets=3)
    assert result.dataset == tmp_path / "national" and is_dataset(result.dataset)
    corpus = dm.load(files, progress=False)
    streamed = _dataset(result.dataset)
    _assert_rows_equal(streamed, corpus)
    for name in ROW_TABLES:
        assert result.rows_written[name] == len(getattr(corpus, name))
    assert list(streamed["reports"].status) == list(corpus.reports.status)
    assert streamed["reports"].status.iloc[-1] == "duplicate"  # the copy made here
    assert result.parsed == (corpus.reports.status == "parsed").sum()
    cross = corpus.checks[corpus.checks.scope.str.contains("→", na=False)]
    assert len(result.cross_checks()) == len(cross) > 0
    assert result.indicators().equals(streamed["indicators"])


def test_stream_replaces_a_previous_dataset_whole(tmp_path: Path) -> None:
    out = tmp_path / "national"
    stream([SAMPLE, *_inputs()], out, jobs=1)
    stream([SAMPLE], out, jobs=1)
    assert len(read_dataset(out, "reports")) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["national"]  # nothing staged is left


def test_stream_on_a_dask_cluster_equals_local_processes(tmp_path: Path, example_dir: Path) -> None:
    """Both passes on Dask workers (parse, checks, indicators; cross-year rules and the reuse
    rate by agency bucket, HIER-1 by family) write the same dataset as local processes, on the
    shared corpus and on the example county."""
    from disclosure_metrics.distributed import DaskExecutor

    files = [*_inputs(), *_example_files(example_dir)]
    units = {k: "示例县人民政府办公室" for k in ("示例县教育局", "示例县白水乡人民政府")}
    local = stream(files, tmp_path / "local", jobs=2, chunk=7, buckets=4, units=units)
    with DaskExecutor(jobs=2) as cluster:
        remote = stream(files, tmp_path / "dask", chunk=7, buckets=4, executor=cluster, units=units)
    left, right = _dataset(local.dataset), _dataset(remote.dataset)
    for name in CORPUS_TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)
    assert local.rows_written == remote.rows_written
    assert len(left["checks"]) > len(local.cross_checks()) > 0
    assert (left["checks"].rule == "HIER-1").any()  # the unit tree's pass ran there too


def test_a_killed_dask_worker_loses_no_file(tmp_path: Path, example_dir: Path) -> None:
    """A worker killed in the middle of the run (as by the out-of-memory killer): its chunk is
    run again file by file, every file is parsed, and the dataset equals the local run's."""
    import psutil

    from disclosure_metrics.distributed import DaskExecutor

    files = [*_inputs(), *_example_files(example_dir)]
    local = stream(files, tmp_path / "local", jobs=1, chunk=2, buckets=2)
    killed: list[int] = []
    with DaskExecutor(jobs=2) as cluster:
        staged = tmp_path / f".dask.{os.getpid()}.tmp"

        def kill_a_busy_worker() -> None:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not any(staged.rglob("*.parquet")):
                time.sleep(0.01)
            busy = cluster.client.processing()
            address = next((a for a, tasks in busy.items() if tasks), None)
            if address is None:
                return
            pid = cluster.client.run(os.getpid, workers=[address])[address]
            psutil.Process(pid).kill()
            killed.append(pid)

        killer = threading.Thread(target=kill_a_busy_worker)
        killer.start()
        remote = stream(files, tmp_path / "dask", chunk=2, buckets=2, executor=cluster)
        killer.join()
    assert killed, "no worker was busy when the run was checked: nothing was tested"
    assert not psutil.pid_exists(killed[0]) or psutil.Process(killed[0]).status() == "zombie"
    left, right = _dataset(local.dataset), _dataset(remote.dataset)
    assert list(right["reports"].status) == list(left["reports"].status)
    for name in CORPUS_TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], obj=name)


def test_rows_keep_the_input_order_across_chunks_and_buckets(tmp_path: Path) -> None:
    """``_order`` numbers each report's rows from its input position: a dataset read back
    gives the reports in the order they were given, whatever the chunking."""
    files = _inputs()
    one = _dataset(stream(files, tmp_path / "one", jobs=1, chunk=100, buckets=1).dataset)
    many = _dataset(stream(files, tmp_path / "many", jobs=2, chunk=1, buckets=5).dataset)
    for name in CORPUS_TABLES:
        pd.testing.assert_frame_equal(one[name], many[name], obj=name)
    assert (
        max(len(one["cells"].groupby("report").groups[r]) for r in one["cells"].report.unique())
        < ORDER_STRIDE
    )


@pytest.mark.parametrize("chunk", [1, 4])
def test_a_file_that_fails_is_in_the_manifest_and_the_run_goes_on(
    tmp_path: Path, chunk: int
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = stream([empty, SAMPLE], tmp_path / "out", jobs=1, chunk=chunk)
    rows = result.reports.set_index("file")
    assert rows.loc["empty.txt", "status"] == "failed" and "empty" in rows.loc["empty.txt", "error"]
    assert rows.loc[SAMPLE.name, "status"] == "parsed" and result.parsed == 1


def test_aliases_units_and_conflicts_as_load_reads_them(tmp_path: Path, example_dir: Path) -> None:
    """With an alias map, a unit tree and two different files for one agency-year, the
    dataset still equals ``load()``'s: a renamed agency joined by its alias, HIER-1 parent by
    parent, and both conflicting files failed, naming each other, with none of their rows
    written."""
    town = "示例县青山镇人民政府"
    renamed = tmp_path / "renamed" / "2025_example_qingshan.txt"
    renamed.parent.mkdir()
    original = (example_dir / renamed.name).read_text(encoding="utf-8")
    renamed.write_text(original.replace(town, "青山镇政府"), encoding="utf-8")
    conflicting = tmp_path / "revised" / "2023_example_baishui.txt"
    conflicting.parent.mkdir()
    revision = "\n（更正版）\n".encode("gb18030")  # that report is written in GB 18030
    conflicting.write_bytes((example_dir / conflicting.name).read_bytes() + revision)
    files = [p for p in _example_files(example_dir) if p.name != renamed.name]
    files += [renamed, conflicting]
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(f"alias,agency\n青山镇政府,{town}\n", encoding="utf-8")
    county = "示例县人民政府办公室"
    units = tmp_path / "units.csv"
    children = ["示例县白水乡人民政府", town, "示例县教育局", "示例县市场监督管理局"]
    units.write_text(
        "unit,parent\n" + "".join(f"{c},{county}\n" for c in children), encoding="utf-8"
    )

    result = stream(
        files, tmp_path / "national", jobs=2, chunk=3, buckets=3, aliases=aliases, units=units
    )
    corpus = dm.load(files, aliases=aliases, units=units, progress=False)
    streamed = _dataset(result.dataset)
    _assert_rows_equal(streamed, corpus)
    manifest = streamed["reports"].set_index("report")
    assert list(manifest.status) == list(corpus.reports.status)
    both = [os.path.abspath(example_dir / conflicting.name), os.path.abspath(conflicting)]
    assert list(manifest.loc[both, "status"]) == ["failed", "failed"]
    for one, other in (both, both[::-1]):
        assert manifest.loc[one, "error"].startswith(f"同一机关同一年度有多份不同的报告：{other} /")
    assert manifest.drop(index=both).error.isna().all()
    assert not streamed["cells"].report.isin(both).any()
    assert manifest.loc[os.path.abspath(renamed), "agency_key"] == town
    checks = streamed["checks"]
    assert (checks.rule == "HIER-1").sum() > 0
    assert checks.scope.str.startswith("2024→2025").any()  # the renamed town, joined


def test_cell_columns_hold_what_report_cells_holds() -> None:
    """The national run's cells, kept as columns by layout, are the rows ``load()`` writes:
    every kind of cell (a number, a forced blank, a blank, NA, an ambiguous one), in order."""
    import dataclasses

    from disclosure_metrics.batch import cell_columns, cells_table, pack_tables
    from disclosure_metrics.corpus import report_cells
    from disclosure_metrics.derive import forced_cells
    from disclosure_metrics.numbers import Ambiguous

    report = dm.parse_file(SAMPLE)
    table3 = {row: dict(cols) for row, cols in report.table3.items()}
    table3["granted"]["natural_person"] = "NA"
    table3["partial"]["natural_person"] = Ambiguous((12, 3))
    table3["partial"]["other_org"] = None
    edited = dataclasses.replace(report, table3=table3)
    pieces = []
    for one in (report, edited):
        filled = forced_cells(one)
        columns = cell_columns(*pack_tables(one), filled)
        assert columns.rows() == report_cells(one, filled)
        pieces.append(columns)
    kinds = {row["kind"] for row in pieces[1].rows()}
    assert {"number", "NA", "ambiguous"} <= kinds and kinds & {"blank", "derived"}
    both = cells_table(pieces).to_pylist()
    assert both == [*pieces[0].rows(), *pieces[1].rows()]
