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


def _text_browser_dump(program: list[str], page, out):
    """``page`` as a text browser prints it (``program``: its command up to the page)."""
    import shutil
    import subprocess

    if shutil.which(program[0]) is None:
        pytest.skip(f"{program[0]} is not installed (make test installs it with apt-get)")
    printed = subprocess.run([*program, str(page)], check=True, capture_output=True, timeout=60)
    out.write_bytes(printed.stdout)
    return out


@pytest.mark.parametrize(
    "program",
    [
        # Tables drawn with box characters, labels wrapped in narrow cells (80 columns)
        ["w3m", "-dump", "-O", "UTF-8", "-T", "text/html"],
        ["w3m", "-dump", "-cols", "200", "-O", "UTF-8", "-T", "text/html"],
        # One cell per line, an empty line after each cell, one more for a blank cell
        ["lynx", "-dump", "-nolist", "-width=200", "-display_charset=utf-8"],
    ],
    ids=["w3m", "w3m-wide", "lynx"],
)
def test_a_page_printed_by_a_text_browser_reads_as_the_page(tmp_path, program) -> None:
    from disclosure_metrics.example_data import example_reports, render_html
    from disclosure_metrics.parse import parse_file

    report = next(r for r in example_reports() if r.file == "2019_example_county_office.html")
    page = tmp_path / "report.html"
    page.write_bytes(render_html(report))
    printed = _text_browser_dump(program, page, tmp_path / "report.txt")
    want, got = parse_file(page), parse_file(printed)
    assert any(v is None for row in want.table3.values() for v in row.values())  # blanks
    assert (got.table2, got.table3, got.table4) == (want.table2, want.table3, want.table4)
    assert (got.agency, got.year) == (want.agency, want.year)


def test_drawn_and_grid_tables_become_rows_with_wrapped_cells_joined() -> None:
    box = (
        "┌──────────────┬────┬────┐\n"
        "│ 1.本机关不掌握│  7 │    │\n"
        "│ 相关政府信息  │    │    │\n"
        "├──────────────┼────┼────┤\n"
        "│ 2.重复申请    │  0 │  1 │\n"
        "└──────────────┴────┴────┘\n"
        "正文"
    )
    doc = read("r.txt", box.encode())
    table, after = doc.items
    assert isinstance(table, Table) and isinstance(after, TextLine)
    rows = [[c.text for c in row] for row in table.rows]
    assert rows == [["1.本机关不掌握相关政府信息", "7", ""], ["2.重复申请", "0", "1"]]
    # Pandoc's grid: the same, in ASCII; a signed value is no border.
    grid = (
        "+----------+-----+\n| 行政许可 | +2  |\n|          |     |\n+----------+-----+\n"
        "| 行政处罚 | -1  |\n+----------+-----+\n"
    )
    rows = [[c.text for c in row] for row in read("r.txt", grid.encode()).items[0].rows]
    assert rows == [["行政许可", "+2"], ["行政处罚", "-1"]]
    # A drawn table with no border between its rows keeps them apart.
    plain = "┌────┬──┐\n│ 规章 │ 0│\n│ 文件 │ 5│\n└────┴──┘\n"
    rows = [[c.text for c in row] for row in read("r.txt", plain.encode()).items[0].rows]
    assert rows == [["规章", "0"], ["文件", "5"]]


def test_html2text_tables_with_caption_rows_keep_every_block() -> None:
    # html2text's print of the example county's table 2: a one-cell caption row is a line
    # without pipes, the separator under it "---", and each block's rows have no outer pipes.
    printed = (
        "第二十条第（一）项  \n---  \n信息内容| 本年新制作数量| 本年新公开数量| 对外公开总数量  \n"
        "规章| 0| 0| 0  \n规范性文件| 7| 7| 133  \n第二十条第（五）项  \n"
        "信息内容| 上一年项目数量| 本年增/减| 处理决定数量  \n行政许可| 0| 0| 0  \n\n正文"
    )
    items = read("r.md", printed.encode()).items
    rows = [[c.text for c in row] for item in items if isinstance(item, Table) for row in item.rows]
    assert ["规章", "0", "0", "0"] in rows and ["行政许可", "0", "0", "0"] in rows
    assert isinstance(items[-1], TextLine) and items[-1].text == "正文"


def test_markdown_with_html_tables_reads_as_the_page(tmp_path) -> None:
    """Markdown whose tables with merged cells are HTML (Pandoc's gfm, MinerU, marker): each
    ``<table>`` is read as a grid, the text around it as lines."""
    from lxml import etree, html

    from disclosure_metrics.example_data import example_reports, render_html
    from disclosure_metrics.parse import parse_file

    report = next(r for r in example_reports() if r.file == "2021_example_county_office.html")
    page = tmp_path / "report.html"
    page.write_bytes(render_html(report))
    body = html.fromstring(page.read_bytes()).find("body")
    parts = []
    for element in body.iter("p", "h1", "h2", "h3", "div", "table"):
        if element.tag == "table":
            parts.append(etree.tostring(element, encoding="unicode", with_tail=False))
        elif not any(a.tag in ("table", "p") for a in element.iterancestors()) and element.text:
            parts.append(("# " if element.tag == "h1" else "") + element.text.strip())
    markdown = tmp_path / "report.md"
    markdown.write_text("\n\n".join(parts), encoding="utf-8")
    assert markdown.read_text(encoding="utf-8").count("<table") >= 3
    want, got = parse_file(page), parse_file(markdown)
    assert (got.table2, got.table3, got.table4) == (want.table2, want.table3, want.table4)
    assert (got.agency, got.year) == (want.agency, want.year)
