"""The command line: readable and JSON output, a batch that goes on past bad files, exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from disclosure_metrics.cli import main

from .conftest import SAMPLE


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
