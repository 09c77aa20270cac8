"""The national-scale path gives the same indicators and checks as the in-memory corpus."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import disclosure_metrics as dm
from disclosure_metrics.batch import stream

from .conftest import CORPUS, SAMPLE


def _inputs() -> list[Path]:
    files = [SAMPLE]
    if (CORPUS / "reports").is_dir():
        files += sorted((CORPUS / "reports").iterdir())
    return files


def test_stream_equals_load(tmp_path: Path) -> None:
    files = _inputs()
    streamed = stream(files, out_dir=tmp_path, jobs=2, chunk=3)
    corpus = dm.load(files, progress=False)
    by_path = dict(zip(corpus.reports.report, corpus.reports.path, strict=True))
    loaded = corpus.indicators.assign(report=corpus.indicators.report.map(by_path))
    keys = ["report", "indicator"]
    left = (
        loaded[[*keys, "value", "status"]].astype({"report": str, "status": str}).sort_values(keys)
    )
    right = streamed.indicators[[*keys, "value", "status"]].astype({"report": str, "status": str})
    right = right.sort_values(keys)
    pd.testing.assert_frame_equal(
        left.reset_index(drop=True),
        right.reset_index(drop=True),
        check_dtype=False,
        check_categorical=False,
    )
    cross = corpus.checks[corpus.checks.scope.str.contains("→", na=False)]
    assert len(streamed.cross_checks) == len(cross)
    assert streamed.rows_written["cells"] == len(corpus.cells)
    parts = pd.read_parquet(tmp_path / "cells")
    assert len(parts) == len(corpus.cells)
    assert list(streamed.reports.status) == list(corpus.reports.status)


def test_stream_on_a_dask_cluster_equals_local_processes(tmp_path: Path) -> None:
    """The national path's chunks (parse, checks, cells, facts, indicators) run on Dask
    workers and give the local processes' tables."""
    from disclosure_metrics.distributed import DaskExecutor

    files = _inputs()
    local = stream(files, out_dir=tmp_path / "local", jobs=2, chunk=3)
    with DaskExecutor(jobs=2) as cluster:
        remote = stream(files, out_dir=tmp_path / "dask", chunk=3, executor=cluster)
    keys = ["report", "indicator"]

    def table(result) -> pd.DataFrame:
        out = result.indicators[[*keys, "value", "status"]].astype({"report": str, "status": str})
        return out.sort_values(keys).reset_index(drop=True)

    pd.testing.assert_frame_equal(table(local), table(remote), check_categorical=False)
    assert local.rows_written == remote.rows_written
    assert len(local.cross_checks) == len(remote.cross_checks)
    assert list(local.reports.status) == list(remote.reports.status)
    for name in ("cells", "facts", "checks"):
        assert len(pd.read_parquet(tmp_path / "dask" / name)) == local.rows_written[name]
