"""Exports: formula-safe CSV and XLSX, swapped in whole, a full disk said cleanly."""

from __future__ import annotations

import csv
import errno
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclosure_metrics import export as export_module
from disclosure_metrics.cli import main
from disclosure_metrics.export import WORKBOOK, formula_safe, formula_unsafe, read_table

from .conftest import CORPUS, SAMPLE, corpus_or_skip
from .test_cli import run, summary

PAYLOAD = '=HYPERLINK("example.invalid","click")'  # a file name holds no slash


def _two_years(tmp_path: Path) -> Path:
    corpus_or_skip()
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(CORPUS / "reports" / "2020_pingtan.txt", folder / f"{PAYLOAD}.txt")
    shutil.copy(CORPUS / "reports" / "2021_pingtan.txt", folder / "2021_pingtan.txt")
    return folder


@pytest.mark.parametrize("text", [PAYLOAD, "+1", "-2", "@SUM(A1)", "\tx", "\rx", "'=x", "''"])
def test_formula_safe_is_recoverable(text: str) -> None:
    assert formula_unsafe(formula_safe(text)) == text
    assert not str(formula_safe(text)).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_exports_hold_no_live_formula_and_keep_negative_numbers(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "out"
    code, _out, err = run("export", _two_years(tmp_path), "--out", out)
    assert code == 0 and summary(err) == (2, 0, 0, 0)
    rows = list(csv.reader((out / "reports.csv").open(encoding="utf-8-sig")))
    cells = [c for row in rows for c in row]
    assert f"'{PAYLOAD}.txt" in cells and f"{PAYLOAD}.txt" not in cells
    for name in ("indicators", "checks", "cells", "reports"):
        for row in csv.reader((out / f"{name}.csv").open(encoding="utf-8-sig")):
            assert not any(c.startswith(("=", "@")) for c in row), (name, row)
    assert f"{PAYLOAD}.txt" in read_table(out / "reports.csv").report.tolist()
    yoy = read_table(out / "yoy.csv")
    assert (yoy.abs_change < 0).any()  # real negative numbers read back as numbers
    book = load_workbook(out / WORKBOOK)
    formulas = [c for ws in book for row in ws.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    texts = [c for ws in book for row in ws.iter_rows() for c in row if c.value == f"{PAYLOAD}.txt"]
    assert texts and all(c.data_type == "s" for c in texts)
    negative = [
        c
        for row in book["同比 yoy"].iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, int | float) and c.value < 0
    ]
    assert negative and all(c.data_type == "n" for c in negative)


def _export(folder: Path, out: Path) -> object:
    return CliRunner().invoke(main, ["export", str(folder), "--out", str(out), "--jobs", "1"])


def _exported_sample(tmp_path: Path, note: str) -> tuple[Path, Path]:
    """(reports folder holding the sample, export folder holding its export and a user's file)."""
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "sample.txt")
    out = tmp_path / "out"
    assert _export(folder, out).exit_code == 0
    (out / "notes.txt").write_text(note, encoding="utf-8")
    return folder, out


def test_a_full_disk_keeps_the_previous_export_whole_and_says_where(
    tmp_path: Path, monkeypatch
) -> None:
    folder, out = _exported_sample(tmp_path, "the user's own")
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def full(_tables, _path):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(_path))

    monkeypatch.setattr(export_module, "_workbook", full)
    shutil.copy(SAMPLE, folder / "second.txt")
    result = _export(folder, out)
    assert (result.exit_code == 1 and result.exception is None) or isinstance(
        result.exception, SystemExit
    )
    assert "Traceback" not in result.output
    assert f"无法写入输出文件夹 {out}" in result.output and "No space left" in result.output
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # the old set, whole; nothing new, nothing mixed
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reports"]  # nothing left


def test_an_export_replaces_its_own_files_keeps_the_users_and_clears_dead_staging(
    tmp_path: Path,
) -> None:
    folder, out = _exported_sample(tmp_path, "mine")
    # What a SIGKILL during an export leaves: a staging folder of a process that is gone.
    dead = tmp_path / ".out.staging-999999999"
    (dead / "dataset").mkdir(parents=True)
    (dead / "reports.csv").write_text("half", encoding="utf-8")
    assert _export(folder, out).exit_code == 0
    assert not dead.exists()
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    reports = read_table(out / "reports.csv")
    assert reports.status.tolist() == ["parsed"]
    assert (out / "dataset" / "_dataset.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "reports"]


def test_a_killed_export_leaves_the_previous_set_whole_and_the_next_run_cleans_up(
    tmp_path: Path,
) -> None:
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT

    reports = corpus_or_skip() / "reports"
    out = tmp_path / "out"
    command = [sys.executable, "-m", "disclosure_metrics", "export", str(reports), "--out"]
    command += [str(out), "--jobs", "1"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=600)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    staging = []
    while time.monotonic() < deadline and proc.poll() is None and not staging:
        staging = [p for p in tmp_path.iterdir() if p.name.startswith(".out.staging-")]
        time.sleep(0.02)
    assert staging, "the export never started writing"
    time.sleep(0.3)  # into the writing of the tables
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # the old set, whole: nothing new beside it
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # what the kill left
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, timeout=600)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # removed by the next run
