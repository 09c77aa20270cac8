"""The command line: readable and JSON output, a batch that goes on past bad files, exit codes."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from disclosure_metrics.cli import main

from .conftest import ROOT, SAMPLE, corpus_or_skip


def _batch(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "a_sample.txt")
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_notice.txt").write_text("关于召开会议的通知\n请准时参加。\n", encoding="utf-8")
    (folder / "d_notes.csv").write_text("unit,parent\n", encoding="utf-8")
    return folder


def test_parse_sample_readable() -> None:
    result = CliRunner().invoke(main, ["parse", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "盐池县惠安堡镇人民政府" in result.output
    assert "GOV2019" in result.output and "表三 Table 3" in result.output


def test_batch_goes_on_and_exit_code_names_failures(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["parse", "--json", str(_batch(tmp_path))])
    assert result.exit_code == 1
    objects = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    by_file = {o["file"]: o for o in objects}
    assert set(by_file) == {"a_sample.txt", "b_empty.txt", "c_notice.txt", "d_notes.csv"}
    assert by_file["a_sample.txt"]["format"] == "GOV2019"
    assert by_file["b_empty.txt"]["error"] == "empty"
    assert by_file["c_notice.txt"]["error"] == "not_a_report"
    assert by_file["c_notice.txt"]["message_zh"] and by_file["c_notice.txt"]["message_en"]
    assert "skipped" in by_file["d_notes.csv"]


def test_exit_code_zero_when_every_file_parses(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["parse", "--json", str(SAMPLE)])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["table3"]["new_received"]["total"] == 0


def test_failed_file_named_in_readable_output(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    result = CliRunner().invoke(main, ["parse", str(bad), str(SAMPLE)])
    assert result.exit_code == 1
    assert "broken.pdf" in result.output
    assert "盐池县惠安堡镇人民政府" in result.output


def test_parse_explain_facts_prints_every_number_with_its_reason() -> None:
    result = CliRunner().invoke(main, ["parse", "--explain-facts", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert "→ items_published/website 50: verb 发布, channel word 政府门户网站" in result.output
    assert "12345  left: no measure word" in result.output  # the hotline's number, not a count
    as_json = CliRunner().invoke(main, ["parse", "--json", "--explain-facts", str(SAMPLE)])
    readings = json.loads(as_json.stdout)["facts_explained"]
    assert {"section", "printed", "clause", "metric", "channel", "value", "reason"} == set(
        readings[0]
    )
    plain = CliRunner().invoke(main, ["parse", str(SAMPLE)])
    assert "left:" not in plain.output


# ---------------------------------------------------------------------------------------------
# The command as a user runs it (a subprocess): exit codes, the summary line, every input
# listed with its status, never a traceback, always valid UTF-8.

SUMMARY = re.compile(r"^(\d+) parsed, (\d+) failed, (\d+) skipped(?:, (\d+) duplicate)?$", re.M)


def run(*args: object, env: dict[str, str] | None = None, timeout: float = 600) -> tuple:
    """(exit code, stdout, stderr) of ``disclosure-metrics ARGS``; no traceback allowed."""
    proc = subprocess.run(
        [sys.executable, "-m", "disclosure_metrics", *map(str, args)],
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        cwd=ROOT,
    )
    out, err = proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")  # strict: valid UTF-8
    assert "Traceback" not in out + err, out + err
    return proc.returncode, out, err


def summary(err: str) -> tuple[int, ...]:
    found = SUMMARY.findall(err)
    assert found, err
    return tuple(int(n or 0) for n in found[-1])


def _crawl(tmp_path: Path) -> Path:
    """A crawl as it comes: two different reports named 年报.txt, a damaged .doc, an empty file,
    a symlinked folder of reports, a link loop and a link leaving the folder."""
    corpus = corpus_or_skip()
    root = tmp_path / "crawl"
    for agency, source in (("平潭", "2021_pingtan.txt"), ("沭阳", "2025_shuyangxian.txt")):
        (root / agency).mkdir(parents=True)
        shutil.copy(corpus / "reports" / source, root / agency / "年报.txt")
    (root / "沭阳" / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    (root / "沭阳" / "blank.txt").write_bytes(b"")
    shared = root / "shared"
    shared.mkdir()
    shutil.copy(SAMPLE, shared / "a_sample.txt")
    (root / "linked").symlink_to(shared, target_is_directory=True)
    (shared / "loop").symlink_to(root, target_is_directory=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(corpus / "reports" / "2020_pingtan.txt", outside / "elsewhere.txt")
    (root / "escape").symlink_to(outside, target_is_directory=True)
    return root


def test_parse_lists_every_file_and_ends_with_the_summary(tmp_path: Path) -> None:
    code, out, err = run("parse", "--json", _crawl(tmp_path))
    assert code == 1
    lines = {o["report"]: o for o in map(json.loads, out.splitlines())}
    assert set(lines) == {
        "平潭/年报.txt",
        "沭阳/年报.txt",
        "沭阳/old.doc",
        "沭阳/blank.txt",
        "shared/a_sample.txt",
        "shared/loop",
        "linked",
        "escape",
    }
    # The linked folder and the loop lead to files already listed: each is read once.
    assert lines["linked"]["skipped"] == lines["shared/loop"]["skipped"]
    assert lines["linked"]["skipped"] == "link to a folder already read"
    assert lines["平潭/年报.txt"]["status"] == "parsed" and lines["平潭/年报.txt"]["year"] == 2021
    assert lines["沭阳/年报.txt"]["status"] == "parsed" and lines["沭阳/年报.txt"]["year"] == 2025
    assert lines["沭阳/blank.txt"]["error"] == "empty"
    assert lines["沭阳/old.doc"]["status"] == "failed"  # read, and found cut short
    assert lines["沭阳/old.doc"]["error"] == "doc_unreadable"
    assert lines["escape"]["skipped"] == "link leads outside the given folder"
    assert summary(err) == (3, 2, 3, 0)
    readable = run("parse", _crawl(tmp_path / "again"))
    assert "✗ 沭阳/blank.txt: empty: 文件为空 / the file is empty" in readable[2]
    assert re.search(r"^平潭/年报.txt  平潭综合实验区  2021", readable[1], re.M)
    assert re.search(r"^沭阳/年报.txt  \S+  2025", readable[1], re.M)


def test_check_keeps_same_named_files_apart(tmp_path: Path) -> None:
    root = _crawl(tmp_path)
    csv_path = tmp_path / "results.csv"
    code, out, err = run("check", "--no-fail", "--csv", csv_path, root / "平潭", root / "沭阳")
    assert code == 1  # blank.txt and old.doc failed: --no-fail covers rules, not unreadable inputs
    assert "平潭/年报.txt  " in out and "沭阳/年报.txt  " in out
    assert re.search(r"^4 report\(s\)", out, re.M)
    assert summary(err) == (2, 2, 0, 0)
    code, out, _err = run("check", "--json", "--no-fail", root / "平潭", root / "沭阳")
    results = [json.loads(line) for line in out.splitlines()]
    by_report = {r["report"] for r in results}
    assert {"平潭/年报.txt", "沭阳/年报.txt"} <= by_report
    assert all(r["year"] in (2021, None) for r in results if r["report"] == "平潭/年报.txt")
    assert all(r["path"].endswith("年报.txt") for r in results if "年报" in r["report"])
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8-sig")))
    assert {"平潭/年报.txt", "沭阳/年报.txt"} <= {r["report"] for r in rows}


def test_export_lists_every_input_and_exits_1_when_one_failed(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, _out, err = run("export", _crawl(tmp_path), "--out", out_dir)
    assert code == 1
    assert summary(err) == (3, 2, 3, 0)
    reports = list(csv.DictReader((out_dir / "reports.csv").open(encoding="utf-8-sig")))
    status = {r["report"]: (r["status"], r["error"] or r["note"]) for r in reports}
    assert status["沭阳/blank.txt"][0] == "failed"
    assert status["沭阳/blank.txt"][1].startswith("empty:")
    assert status["沭阳/old.doc"][0] == "failed"
    assert status["沭阳/old.doc"][1].startswith("doc_unreadable:")
    assert status["escape"] == ("skipped", "link leads outside the given folder")
    assert status["平潭/年报.txt"][0] == status["沭阳/年报.txt"][0] == "parsed"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # no staging left


def test_export_points_out_names_with_and_without_their_place(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (folder / "2020.txt").write_text(text, encoding="utf-8")
    renamed = text.replace("盐池县惠安堡镇人民政府", "惠安堡镇人民政府").replace("2020", "2021")
    (folder / "2021.txt").write_text(renamed, encoding="utf-8")
    code, _out, err = run("export", folder, "--out", tmp_path / "out")
    assert code == 0
    assert "≈ 惠安堡镇人民政府 / 盐池县惠安堡镇人民政府" in err
    assert "惠安堡镇人民政府,盐池县惠安堡镇人民政府" in err  # the alias line to add
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,agency\n惠安堡镇人民政府,盐池县惠安堡镇人民政府\n", encoding="utf-8")
    code, _out, err = run("export", folder, "--out", tmp_path / "out2", "--aliases", aliases)
    assert code == 0 and "≈" not in err


@pytest.mark.parametrize(
    "args",
    [
        ["parse", "no/such/folder"],
        ["check", "no/such/report.txt"],
        ["export", "no/such/folder", "--out", "{tmp}/out"],
        ["build", "--data", "no/such/folder", "--out", "{tmp}/site"],
        ["parse", "{tmp}/empty"],
        ["export", "{tmp}/empty", "--out", "{tmp}/out"],
        ["build", "--data", "{tmp}/empty", "--out", "{tmp}/site"],
        ["build", "--years", "abc", "--out", "{tmp}/site"],
        ["build", "--years", "2025-2019", "--out", "{tmp}/site"],
        ["parse", "--no-such-option", "x"],
        ["parse", "--jobs", "0", "{tmp}/empty"],
        ["build", "--jobs", "-1", "--out", "{tmp}/site"],
    ],
)
def test_usage_errors_exit_2_with_a_bilingual_message(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "empty").mkdir()
    code, out, err = run(*[a.format(tmp=tmp_path) for a in args], timeout=120)
    assert code == 2, out + err
    assert re.search(r"[\u4e00-\u9fff]", err) and re.search(r"[A-Za-z]{4,}", err)
    assert not (tmp_path / "out").exists() and not (tmp_path / "site").exists()


def test_unreachable_scheduler_fails_within_seconds_naming_it() -> None:
    started = time.monotonic()
    code, _out, err = run(
        "parse", "--executor", "dask", "--scheduler", "tcp://127.0.0.1:1", SAMPLE, timeout=60
    )
    assert code == 2 and "tcp://127.0.0.1:1" in err
    assert time.monotonic() - started < 20


def test_a_file_name_that_is_not_utf8_is_written_everywhere(tmp_path: Path) -> None:
    folder = tmp_path / "zip"
    folder.mkdir()
    name = b"\xb1\xa8\xb8\xe6.txt"  # 报告.txt in GBK, as zips made on Chinese Windows hold it
    shutil.copy(SAMPLE, os.path.join(os.fsencode(folder), name))
    code, out, err = run("parse", "--json", folder)
    assert code == 0 and json.loads(out)["report"] == "\\xb1\\xa8\\xb8\\xe6.txt"
    code, out, err = run("check", "--csv", tmp_path / "c.csv", folder)
    assert "\\xb1\\xa8\\xb8\\xe6.txt" in (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    code, out, err = run("export", folder, "--out", tmp_path / "out")
    assert code == 0 and summary(err) == (1, 0, 0, 0)
    reports = (tmp_path / "out" / "reports.csv").read_text(encoding="utf-8-sig")
    assert "\\xb1\\xa8\\xb8\\xe6.txt" in reports


def test_size_is_checked_before_reading(tmp_path: Path) -> None:
    folder = tmp_path / "big"
    folder.mkdir()
    with open(folder / "huge.txt", "wb") as handle:
        handle.truncate(6 * 1024**3)  # sparse: 6 GB that would cost 6 GB to read
    shutil.copy(SAMPLE, folder / "sample.txt")
    started = time.monotonic()
    code, out, err = run("parse", "--json", folder)
    assert time.monotonic() - started < 60
    by_report = {o["report"]: o for o in map(json.loads, out.splitlines())}
    assert code == 1 and by_report["huge.txt"]["error"] == "too_large"
    assert summary(err) == (1, 1, 0, 0)


def test_a_file_over_the_time_budget_is_too_complex_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "slow"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "sample.txt")
    text = SAMPLE.read_text(encoding="utf-8")
    # About 14 MB of prose: some 15 s to parse here, so a 1 s budget is passed on any machine
    # within a factor of ten of this one, while the sample (0.1–0.2 s cold) stays inside it.
    prose = "本年度共发布信息3000余条，收到申请50件，办结49件。\n" * 200_000
    heading = "五、存在的主要问题及改进情况"
    (folder / "long.txt").write_text(text.replace(heading, heading + "\n" + prose), "utf-8")
    started = time.monotonic()
    code, out, err = run("parse", "--json", folder, env={"DISCLOSURE_METRICS_TIME_BUDGET": "1"})
    assert time.monotonic() - started < 60
    by_report = {o["report"]: o for o in map(json.loads, out.splitlines())}
    assert code == 1 and by_report["long.txt"]["error"] == "too_complex"
    assert by_report["sample.txt"]["status"] == "parsed"
    assert summary(err) == (1, 1, 0, 0)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file: nothing is unreadable")
def test_unreadable_file_and_folder_are_listed(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLE, folder / "sample.txt")
    shutil.copy(SAMPLE, folder / "secret.txt")
    (folder / "secret.txt").chmod(0)
    (folder / "sub").chmod(0)
    try:
        code, out, err = run("parse", "--json", folder)
    finally:
        (folder / "sub").chmod(0o755)
    by_report = {o["report"]: o for o in map(json.loads, out.splitlines())}
    assert by_report["secret.txt"]["error"] == by_report["sub"]["error"] == "unreadable"
    assert code == 1 and summary(err) == (1, 2, 0, 0)


def test_identical_empty_files_each_fail_and_a_folder_given_thrice_counts_once(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    for i in range(200):
        (folder / f"empty-{i:03d}.txt").write_bytes(b"")
    shutil.copy(SAMPLE, folder / "sample.txt")
    code, _out, err = run("export", folder, folder, str(folder) + "/", "--out", tmp_path / "out")
    assert code == 1 and summary(err) == (1, 200, 0, 0)  # failures, not duplicates of one
    reports = list(csv.DictReader((tmp_path / "out" / "reports.csv").open(encoding="utf-8-sig")))
    assert len(reports) == 201 and {r["status"] for r in reports} == {"parsed", "failed"}


def test_a_full_disk_is_a_message_naming_the_file_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from disclosure_metrics import export

    target = tmp_path / "results.csv"

    def full(path, _write):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr(export, "atomic_write", full)
    result = CliRunner().invoke(main, ["check", "--csv", str(target), str(SAMPLE)])
    assert result.exit_code == 1
    assert f"cannot write {target}: No space left on device" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, OSError)
    assert list(tmp_path.iterdir()) == []


def test_ocr_option_reads_a_scan_or_refuses_it_by_name(two_page_scan: Path) -> None:
    refused = CliRunner().invoke(main, ["parse", "--json", "--ocr", "never", str(two_page_scan)])
    assert refused.exit_code == 1
    line = json.loads(refused.output.splitlines()[0])
    assert line["status"] == "failed" and line["file"] == "扫描件.pdf"
    assert "no_text_layer" in json.dumps(line, ensure_ascii=False)
    assert "--ocr never" in json.dumps(line, ensure_ascii=False)
    read = CliRunner().invoke(main, ["parse", "--json", "--jobs", "2", str(two_page_scan)])
    assert read.exit_code == 0, read.output
    report = json.loads(read.output.splitlines()[0])
    assert report["source_format"] == "pdf-ocr" and report["ocr_pages"] == [1, 2]
    assert report["table3"]["new_received"]["total"] == 21
    bad = CliRunner().invoke(main, ["parse", "--ocr", "sometimes", str(two_page_scan)])
    assert bad.exit_code == 2 and "sometimes" in bad.output


HEAVY = ("pandas", "plotly", "dask", "distributed", "papermill", "nbformat", "pyarrow", "numpy")


@pytest.mark.parametrize("name", ["2020_huianpu.txt", "2023_hongzequ.pdf"])
def test_parse_imports_no_heavy_library(name: str) -> None:
    """``parse`` of a report with a text layer must feel instant: none of the dashboard and
    cluster libraries (pandas alone takes ~0.3 s to import) is loaded on its path."""
    path = SAMPLE if name == SAMPLE.name else corpus_or_skip() / "reports" / name
    probe = (
        "import json, sys\n"
        "from disclosure_metrics.cli import main\n"
        f"try:\n    main(['parse', '--json', {str(path)!r}])\n"
        "except SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert json.loads(out.splitlines()[-1]) == []
    assert json.loads(out.splitlines()[0])["format"] in {"GOV2019", "GOV2021", "HYBRID"}


def test_national_writes_the_dataset_and_lists_every_input(tmp_path: Path) -> None:
    """``national``: the streamed dataset loads back; every input is in its manifest (the
    skipped .csv too) and a failed file makes the exit code 1 while the others are read."""
    import disclosure_metrics as dm

    out = tmp_path / "national"
    result = CliRunner().invoke(main, ["national", str(_batch(tmp_path)), "--out", str(out)])
    assert result.exit_code == 1, result.output
    assert "b_empty.txt" in result.output and "d_notes.csv" in result.output
    corpus = dm.load(out)
    statuses = dict(zip(corpus.reports.file, corpus.reports.status, strict=True))
    assert statuses == {
        "a_sample.txt": "parsed",
        "b_empty.txt": "failed",
        "c_notice.txt": "failed",
        "d_notes.csv": "skipped",
    }
    assert set(corpus.indicators.year) == {2020} and len(corpus.cells) > 100


def test_national_reads_the_alias_map(tmp_path: Path) -> None:
    import disclosure_metrics as dm

    aliases = tmp_path / "aliases.csv"
    agency = dm.parse_file(SAMPLE).agency
    aliases.write_text(f"alias,agency\n{agency},惠安县人民政府\n", encoding="utf-8")
    out = tmp_path / "national"
    args = ["national", str(SAMPLE), "--out", str(out), "--aliases", str(aliases), "--jobs", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert set(dm.load(out).indicators.agency_key) == {"惠安县人民政府"}


def test_national_on_a_dask_cluster_of_its_own(tmp_path: Path) -> None:
    """``--executor dask`` starts a local cluster for the run, and the dataset is the same as
    with local processes."""
    import pandas as pd

    import disclosure_metrics as dm

    outs = {}
    for executor in ("local", "dask"):
        out = tmp_path / executor
        args = ["national", str(SAMPLE), "--out", str(out), "--executor", executor, "--jobs", "1"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        outs[executor] = dm.load(out)
    for table in ("cells", "facts", "checks", "indicators"):
        pd.testing.assert_frame_equal(
            getattr(outs["local"], table), getattr(outs["dask"], table), obj=table
        )
