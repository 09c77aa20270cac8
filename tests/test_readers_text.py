from __future__ import annotations

import pytest

from disclosure_metrics.document import Table, TextLine
from disclosure_metrics.errors import ReportError
from disclosure_metrics.readers.text import read


def test_gbk_is_detected() -> None:
    doc = read("r.txt", "一、总体情况\n规章\t0\t0\t0\n".encode("gbk"))
    assert doc.encoding == "gb18030"
    assert isinstance(doc.items[0], TextLine) and doc.items[0].text == "一、总体情况"


def test_bom_utf8() -> None:
    doc = read("r.txt", b"\xef\xbb\xbf" + "标题".encode())
    assert doc.items[0].text == "标题"


def test_tabs_and_markdown_become_table_rows() -> None:
    doc = read("r.md", "| 规章 | 0 |  |\n|---|---|---|\n文字\n行政许可\t97\n".encode())
    table = doc.items[0]
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[0]] == ["规章", "0", ""]
    assert [c.text for c in doc.items[2].rows[0]] == ["行政许可", "97"]


def test_binary_is_refused() -> None:
    with pytest.raises(ReportError) as info:
        read("x.txt", bytes(range(32)) * 50)
    assert info.value.code == "binary"


def test_a_few_bad_bytes_are_replaced_and_counted_not_refused(tmp_path) -> None:
    """A stray byte and a download cut inside its last character: read, with a warning."""
    import json

    from .conftest import SAMPLE
    from .test_cli import run, summary

    good = SAMPLE.read_bytes()
    at = good.index(b"\n", 500) + 1  # between lines: the byte breaks no character
    (tmp_path / "stray.txt").write_bytes(good[:at] + b"\xff" + good[at:])
    (tmp_path / "cut.txt").write_bytes(good + "附件".encode()[:-1])
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 200)
    code, out, err = run("parse", "--json", tmp_path)
    by_report = {o["report"]: o for o in map(json.loads, out.splitlines())}
    assert code == 1 and summary(err) == (2, 1, 0, 0)
    assert by_report["binary.txt"]["error"] == "binary"
    for name in ("stray.txt", "cut.txt"):
        report = by_report[name]
        assert report["agency"] == "盐池县惠安堡镇人民政府"
        assert "1 undecodable byte(s) replaced with U+FFFD (utf-8)" in report["warnings"]


def test_a_word_report_saved_as_plain_text_reads_as_the_document(tmp_path) -> None:
    """LibreOffice's plain-text export writes a table one cell per line, a blank cell as an
    empty line: those empty lines are the row's blank cells."""
    from disclosure_metrics.example_data import example_reports, render_docx
    from disclosure_metrics.parse import parse_file

    from .conftest import libreoffice_export

    report = next(r for r in example_reports() if r.file == "2019_example_county_office.html")
    document = tmp_path / "report.docx"
    document.write_bytes(render_docx(report))
    exported = libreoffice_export(document, "txt:Text (encoded):UTF8", tmp_path)
    want, got = parse_file(document), parse_file(exported)
    assert any(v is None for row in want.table3.values() for v in row.values())  # blanks
    assert (got.table2, got.table3, got.table4) == (want.table2, want.table3, want.table4)
