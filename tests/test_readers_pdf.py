"""PDF reader: corpus reports, synthetic PDFs built here, and the line clean-up helpers."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from disclosure_metrics.document import Table, TextLine
from disclosure_metrics.errors import ReportError
from disclosure_metrics.readers import pdf

from .conftest import CORPUS

PAGE_MARKER = re.compile(r"^\s*(?:[-–—－]\s*\d+\s*[-–—－]|第\s*\d+\s*页)")


def corpus_file(name: str) -> Path:
    path = CORPUS / "reports" / name
    if not path.exists():
        pytest.skip(f"corpus file {path} is not available (../shared/corpus missing)")
    return path


def read_corpus(name: str) -> list[str]:
    path = corpus_file(name)
    doc = pdf.read(str(path), path.read_bytes())
    assert doc.source_format == "pdf"
    assert all(isinstance(item, TextLine) for item in doc.items)
    return [item.text for item in doc.items]


def text_pdf(pages: list[list[tuple[float, float, float, str]]], rotate: int = 0) -> bytes:
    """A minimal PDF drawing ASCII text (Helvetica) at (x, y) with the given font sizes.

    With ``rotate=90`` the text runs up the page (user space), so it reads upright once the
    viewer turns the page clockwise, as in a landscape page of a portrait report.
    """
    matrix = "0 1 -1 0" if rotate == 90 else "1 0 0 1"
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b""]
    objects[2] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    kids = []
    for texts in pages:
        ops = []
        for x, y, size, text in texts:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"BT /F1 {size} Tf {matrix} {x} {y} Tm ({escaped}) Tj ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        content_ref = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate %d "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (rotate, content_ref)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return _assemble(objects)


def _assemble(objects: list[bytes], trailer_extra: bytes = b"") -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer_extra,
        xref,
    )
    return bytes(out)


def blank_pdf(tmp_path: Path, pages: int = 1) -> bytes:
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        document.new_page(595, 842)
    target = tmp_path / "blank.pdf"
    document.save(str(target))
    document.close()
    return target.read_bytes()


# --- corpus --------------------------------------------------------------------------------------


def test_2023_lines_keep_rows_and_drop_page_markers():
    lines = read_corpus("2023_hongzequ.pdf")
    assert not [line for line in lines if PAGE_MARKER.match(line)]
    assert any("行政规范性文件 0 5 5" in line for line in lines)
    assert "3.补正后申请内容仍不明确 0 0 0 0 0 0 0" in lines
    # The rowspan stub set one character per line comes back as one label.
    assert "三、本年度办理结果" in lines
    assert not any(line in ("三", "、", "本", "年", "度") for line in lines)


def test_2024_values_stay_on_their_label_line():
    lines = read_corpus("2024_hongzequ.pdf")
    # pdfplumber's text puts these values on a line of their own before the label (the label is
    # set in a smaller font); on the shared baseline they belong with it.
    assert "2.没有现成信息需要另行制作 1 0 0 0 0 0 1" in lines
    assert "3.危及“三安全一稳定” 1 0 0 0 0 0 1" in lines
    assert not [line for line in lines if PAGE_MARKER.match(line)]


def test_2024_page_count():
    path = corpus_file("2024_hongzequ.pdf")
    assert pdf.read(str(path), path.read_bytes()).pages == 5


def test_the_title_property_is_kept_apart_from_the_text():
    path = corpus_file("2023_hongzequ.pdf")
    stated = pdf.read(str(path), path.read_bytes()).stated_title
    assert stated == "洪泽区人民政府2023年政府信息公开工作年度报告"
    assert pdf.read("t.pdf", text_pdf([[(72, 700, 12, "Report 2023")]])).stated_title is None


T3_LABELS = {
    "new_received": "一、本年新收政府信息公开申请数量",
    "carried_over": "二、上年结转政府信息公开申请数量",
    "granted": "（一）予以公开",
    "denied.1": "1.属于国家秘密",
    "denied.4": "4.保护第三方合法权益",
    "denied.6": "6.属于四类过程性信息",
    "unable.1": "1.本机关不掌握相关政府信息",
    "unable.2": "2.没有现成信息需要另行制作",
    "not_processed.1": "1.信访举报投诉类申请",
    "total_processed": "（七）总计",
    "carried_forward": "四、结转下年度继续办理",
}
T3_COLUMNS = (
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
    "total",
)


@pytest.mark.parametrize("name", ["2023_hongzequ", "2024_hongzequ"])
def test_table3_rows_match_truth(name):
    lines = read_corpus(f"{name}.pdf")
    truth_path = CORPUS / "truth" / f"{name}.json"
    if not truth_path.exists():
        pytest.skip(f"truth file {truth_path} is not available")
    table3 = json.loads(truth_path.read_text(encoding="utf-8"))["table3"]
    for key, label in T3_LABELS.items():
        if key not in table3:
            continue
        values = " ".join(str(table3[key][column]) for column in T3_COLUMNS)
        assert any(line.endswith(f"{label} {values}") for line in lines), (key, values)


# --- errors --------------------------------------------------------------------------------------


def test_blank_pdf_has_no_text_layer(tmp_path):
    with pytest.raises(ReportError) as err:
        pdf.read("scan.pdf", blank_pdf(tmp_path))
    assert err.value.code == "no_text_layer"
    assert "文字层" in err.value.message_zh and "text layer" in err.value.message_en


def test_page_number_only_pdf_has_no_text_layer():
    # A scan with a typed page number is still a scan.
    data = text_pdf([[(290, 40, 10, "- 1 -")], [(290, 40, 10, "- 2 -")]])
    with pytest.raises(ReportError) as err:
        pdf.read("scan.pdf", data)
    assert err.value.code == "no_text_layer"


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 8, b"", b"%PDF-1.7\n" + b"\x00" * 200, b"<html>not a pdf</html>"],
)
def test_not_a_pdf(data):
    with pytest.raises(ReportError) as err:
        pdf.read("bad.pdf", data)
    assert err.value.code == "pdf_unreadable"
    assert err.value.path == "bad.pdf"


def test_truncated_corpus_pdf_is_unreadable():
    data = corpus_file("2023_hongzequ.pdf").read_bytes()[:2000]
    with pytest.raises(ReportError) as err:
        pdf.read("cut.pdf", data)
    assert err.value.code in ("pdf_unreadable", "no_text_layer")


def test_password_protected_pdf():
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        b"<< /Filter /Standard /V 1 /R 2 /P -4 /O <%s> /U <%s> >>" % (b"11" * 32, b"22" * 32),
    ]
    data = _assemble(objects, b"/Encrypt 4 0 R /ID [<%s> <%s>] " % (b"ab" * 16, b"ab" * 16))
    with pytest.raises(ReportError) as err:
        pdf.read("locked.pdf", data)
    assert err.value.code == "pdf_unreadable"
    assert "加密" in err.value.message_zh and "encrypted" in err.value.message_en


def test_too_many_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    with pytest.raises(ReportError) as err:
        pdf.read("long.pdf", blank_pdf(tmp_path, pages=3))
    assert err.value.code == "too_many_pages"
    assert "3" in err.value.message_en


# --- synthetic text PDFs -------------------------------------------------------------------------


def test_baseline_lines_mixed_sizes_and_page_numbers():
    page_one = [
        (72, 700, 12, "Heading"),
        (72, 650, 9, "Label"),
        (300, 649, 12, "1"),  # a larger font on (almost) the same baseline
        (340, 649, 12, "-3"),  # a real negative number is kept
        (72, 600, 10, "- 3 - 5"),  # not a page number: it goes on after the marker
        (290, 40, 10, "- 1 -"),
    ]
    page_two = [(290, 800, 10, "2/2"), (72, 700, 10, "Second page"), (280, 40, 10, "-2-")]
    doc = pdf.read("t.pdf", text_pdf([page_one, page_two]))
    assert [item.text for item in doc.items] == [
        "Heading",
        "Label 1 -3",
        "- 3 - 5",
        "Second page",
    ]
    assert doc.pages == 2


def test_rotated_page_reads_top_to_bottom():
    # /Rotate 90 turns the page clockwise: user-space x=100 is displayed above x=200.
    texts = [(200, 300, 12, "second"), (100, 300, 12, "first")]
    doc = pdf.read("r.pdf", text_pdf([texts], rotate=90))
    assert [item.text for item in doc.items] == ["first", "second"]


def test_gap_between_cells_becomes_a_space_but_digits_stay_together():
    doc = pdf.read("g.pdf", text_pdf([[(72, 700, 10, "10"), (150, 700, 10, "2024")]]))
    assert [item.text for item in doc.items] == ["10 2024"]


# --- helpers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["- 3 -3.补正后申请内容仍不明确 0 0 0"], ["3.补正后申请内容仍不明确 0 0 0"]),
        (["- 3 -1 0 0 0 0 0 1"], ["1 0 0 0 0 0 1"]),
        (["正文", "— 4 —"], ["正文"]),
        (["–5–", "正文"], ["正文"]),
        (["-3-", "正文"], ["正文"]),
        (["第 3 页", "正文", "第3页 共5页"], ["正文"]),
        (["3/5", "正文"], ["正文"]),
        (["正文- 4 -"], ["正文"]),
    ],
)
def test_strip_page_numbers(lines, expected):
    assert pdf.strip_page_numbers(lines) == expected


def test_strip_page_numbers_keeps_values_inside_the_page():
    lines = ["标题", "正文", "本年增/减 -3 -1", "- 3 - 5", "3/5", "-3-1", "结尾", "末行"]
    assert pdf.strip_page_numbers(lines) == lines


def test_strip_page_numbers_fraction_must_be_a_page_of_total():
    assert pdf.strip_page_numbers(["7/5", "正文"]) == ["7/5", "正文"]


def test_glyph_text_folds_kangxi_radicals_and_drops_controls():
    assert [pdf.glyph_text(c) for c in (0x2F00, 0x2F8F, 0x4E00, 0x41)] == ["一", "行", "一", "A"]
    assert [pdf.glyph_text(c) for c in (0x00, 0x0D, 0x85, 0xFFFE, 0x110000)] == [None] * 5


def test_join_vertical_labels():
    lines = ["规章 0 0 0", "三", "、", "本", "年", "度", "办", "理", "结", "果", "（一）予以公开 0"]
    assert pdf.join_vertical_labels(lines) == [
        "规章 0 0 0",
        "三、本年度办理结果",
        "（一）予以公开 0",
    ]


def test_join_vertical_labels_leaves_short_runs_digits_and_glued_lines():
    lines = ["三", "、", "1", "2", "3", "三 2.其他法律行政止公开 0 0 0 0 0 0 0", "-", "-", "-"]
    assert pdf.join_vertical_labels(lines) == lines


def test_a_content_stream_that_inflates_too_far_is_too_complex(tmp_path) -> None:
    """A 300 KB PDF whose page content inflates to 100 MB: refused before PDFium builds it
    (1.5 GB and 10 s before), through the command, the batch going on."""
    import json
    import zlib

    from .conftest import SAMPLE
    from .test_cli import run, summary

    content = zlib.compress(b"BT /F1 12 Tf 10 10 Td (abcdefghij) Tj ET\n" * 2_500_000, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    pdf += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    (tmp_path / "bomb.pdf").write_bytes(pdf)
    (tmp_path / "sample.txt").write_bytes(SAMPLE.read_bytes())
    code, out, err = run("parse", "--json", tmp_path)
    by_report = {o["report"]: o for o in map(json.loads, out.splitlines())}
    assert code == 1 and summary(err) == (1, 1, 0, 0)
    assert by_report["bomb.pdf"]["error"] == "too_complex"
    assert "inflates to more than" in by_report["bomb.pdf"]["message_en"]


def test_a_table_that_leaves_cells_blank_is_read_by_where_its_values_stand(tmp_path) -> None:
    """A web page's table 3 with blank cells (blank for zero), printed to PDF by Chromium: the
    text layer leaves the blanks out, and each value is placed under the column it stands in."""
    from disclosure_metrics.parse import parse_file

    from .conftest import printed_example

    page_file, printed = printed_example(tmp_path, "2019_example_county_office.html")
    want, got = parse_file(page_file), parse_file(printed)
    assert any(v is None for row in want.table3.values() for v in row.values())  # blanks
    assert got.table3 == want.table3
    lines = pdf.read(str(printed), printed.read_bytes()).items
    assert any(isinstance(item, Table) for item in lines)  # the short rows, as cells


def test_radicals_a_font_prints_for_ideographs_read_as_the_ideographs(tmp_path) -> None:
    """A PDF whose text layer holds radicals for the ideographs they look like (⻔ for 门,
    ⺠ for 民, ⼀ for 一, as some fonts map them): the agency, the tables and the narrative
    read as the page's."""
    from disclosure_metrics.parse import parse_file

    from .conftest import printed_example

    swap = "".join(
        f".replaceAll('{ideograph}', '{radical}')"
        for ideograph, radical in (("门", "⻔"), ("民", "⺠"), ("一", "⼀"), ("长", "⻓"))
    )
    script = f"document.body.innerHTML = document.body.innerHTML{swap}"
    changed, printed = printed_example(tmp_path, "2024_example_county_office.html", script)
    assert "⻔户" in changed.read_text(encoding="utf-8")  # the page printed has the radicals
    want = parse_file(tmp_path / "2024_example_county_office.html")  # the page as written
    got = parse_file(printed)
    assert (got.agency, got.year) == (want.agency, want.year) == ("示例县人民政府办公室", 2024)
    assert (got.table2, got.table3, got.table4) == (want.table2, want.table3, want.table4)
    assert [f.to_json() for f in got.narrative if f.channel == "website"]
    assert [(f.metric, f.channel, f.value) for f in got.narrative] == [
        (f.metric, f.channel, f.value) for f in want.narrative
    ]


def test_blank_cells_are_placed_only_where_a_full_row_shows_all_seven_columns() -> None:
    def row(label: str, columns: list[int], values: list[str]) -> tuple:
        words = [pdf._Token(label, 10, 90)] if label else []
        words += [
            pdf._Token(v, 100 + 50 * c - 5, 100 + 50 * c + 5)
            for c, v in zip(columns, values, strict=True)
        ]
        return (0.0, " ".join(w.text for w in words), words)

    note = (0.0, "申请人情况", [pdf._Token("申请人情况", 10, 60)])
    full = row("（七）总计", list(range(7)), ["5", "1", "1", "1", "1", "1", "10"])
    short = row("（一）予以公开", [0, 2, 6], ["3", "1", "4"])
    placed = pdf.with_blank_cells([note, full, short], pdf._Table3Region(), em=10.0)
    assert placed[2][1] == "（一）予以公开\t3\t\t1\t\t\t\t4"
    assert placed[1][1] == full[1]  # a full row is read as printed
    # without a row under all seven columns, nothing says where a short row's values stand
    alone = pdf.with_blank_cells([note, short, short], pdf._Table3Region(), em=10.0)
    assert [text for _, text in alone] == [note[1], short[1], short[1]]


def test_a_table_with_no_full_row_is_read_by_its_ruling(tmp_path) -> None:
    """The same page with a whole column of table 3 left blank: no row prints all seven values,
    so the values' own positions cannot give the columns; the table's drawn borders do."""
    from disclosure_metrics.parse import parse_file

    from .conftest import printed_example

    blank_commercial = """() => {
      const table = [...document.querySelectorAll('table')]
        .find(t => t.textContent.includes('本年新收'));
      for (const tr of table.querySelectorAll('tr')) {
        const cells = tr.querySelectorAll('td, th');
        if (cells.length >= 8 && /\\d/.test(cells[cells.length - 1].textContent))
          cells[cells.length - 6].textContent = '';  // 商业企业, blank in every row
      }
    }"""
    blanked, printed = printed_example(
        tmp_path, "2019_example_county_office.html", blank_commercial
    )
    want, got = parse_file(blanked), parse_file(printed)
    assert [k for k, row in want.table3.items() if row["commercial"] is not None] == []
    assert got.table3 == want.table3


def test_every_table_printed_blank_for_zero_reads_as_its_web_page(tmp_path) -> None:
    """A page that leaves every zero blank, in all three tables, printed to PDF: table 2's
    short rows and table 4's row of values are placed by their borders as well."""
    from disclosure_metrics.parse import parse_file

    from .conftest import ZEROS_BLANK, printed_example

    blanked, printed = printed_example(tmp_path, "2024_example_county_office.html", ZEROS_BLANK)
    want, got = parse_file(blanked), parse_file(printed)
    assert None in want.table2["art20_1"]["normative_docs"].values()
    assert None in want.table4["review"].values()
    assert (got.table2, got.table3, got.table4) == (want.table2, want.table3, want.table4)


def test_a_word_document_exported_to_pdf_reads_as_the_document(tmp_path) -> None:
    """LibreOffice's PDF of a Word report: its narrow label cells wrap every long label over
    several lines, beside a rowspan stub (（六） 1.申请 / 其他处 人无正 / 理 当理由 …), with the
    values on one of them. The table's borders join each row's lines back into one."""
    from disclosure_metrics.example_data import example_reports, render_docx
    from disclosure_metrics.parse import parse_file

    from .conftest import libreoffice_export

    report = next(r for r in example_reports() if r.file.startswith("2021_example_market."))
    document = tmp_path / "2021_example_market.docx"
    document.write_bytes(render_docx(report))
    exported = libreoffice_export(document, "pdf", tmp_path)
    want, got = parse_file(document), parse_file(exported)
    assert (got.table2, got.table3, got.table4) == (want.table2, want.table3, want.table4)


def test_a_table_row_printed_over_several_lines_is_joined_by_its_borders() -> None:
    def line(y: float, *placed: tuple[str, float]) -> tuple:
        tokens = [pdf._Token(text, x, x + 8 * len(text)) for text, x in placed]
        return (y, " ".join(t.text for t in tokens), tokens)

    rows = [
        line(520, ("申请人情况", 200)),
        line(500, ("（六）", 10), ("1.申请", 60), *[("0", 205 + 30 * c) for c in range(7)]),
        line(488, ("其他处", 10), ("人无正当理由逾期不补正、", 60)),
        line(476, ("理", 10), ("行政机关不再处理其政府信息公开申请", 60)),
        line(450, ("2.申请人逾期未按收费通知要求缴纳费用、", 60)),
    ]
    columns = [pdf._Rule(x, 440.0, 510.0) for x in (5, 55, 200, *range(230, 441, 30))]
    borders = [pdf._Across(y, 5.0, 410.0) for y in (510.0, 470.0, 440.0)]
    out = pdf.with_blank_cells(
        rows, pdf._Table3Region(), 10.0, lambda: pdf._Ruling(columns, borders)
    )
    assert [text for _, text in out] == [
        "申请人情况",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
        " 0 0 0 0 0 0 0",
        "",
        "",
        "2.申请人逾期未按收费通知要求缴纳费用、",
    ]


def _ruled_row(label: str, columns: list[int], values: list[str]) -> tuple:
    words = [pdf._Token(label, 10, 90)] if label else []
    words += [
        pdf._Token(v, 100 + 50 * c + 20, 100 + 50 * c + 30)
        for c, v in zip(columns, values, strict=True)
    ]
    return (500.0, " ".join(w.text for w in words), words)


def test_ruling_places_the_values_of_rows_when_no_row_is_full() -> None:
    note = (520.0, "申请人情况", [pdf._Token("申请人情况", 10, 60)])
    short = _ruled_row("（一）予以公开", [0, 2, 6], ["3", "1", "4"])
    other = _ruled_row("（二）部分公开", [1, 6], ["2", "2"])
    borders = [pdf._Rule(x, 400.0, 600.0) for x in (5, 100, 150, 200, 250, 300, 350, 400, 450)]
    placed = pdf.with_blank_cells(
        [note, short, other], pdf._Table3Region(), 10.0, lambda: pdf._Ruling(borders, [])
    )
    assert placed[1][1] == "（一）予以公开\t3\t\t1\t\t\t\t4"
    assert placed[2][1] == "（二）部分公开\t\t2\t\t\t\t\t2"
    # the right border not drawn: six cells right of the label, so nothing is placed
    open_right = borders[:-1]
    kept = pdf.with_blank_cells(
        [note, short], pdf._Table3Region(), 10.0, lambda: pdf._Ruling(open_right, [])
    )
    assert [text for _, text in kept] == [note[1], short[1]]
    # borders that stop above the row do not part it
    above = [pdf._Rule(r.x, 510.0, 600.0) for r in borders]
    kept = pdf.with_blank_cells(
        [note, short], pdf._Table3Region(), 10.0, lambda: pdf._Ruling(above, [])
    )
    assert [text for _, text in kept] == [note[1], short[1]]


def test_the_ruling_comes_from_lines_boxes_and_long_paths() -> None:
    content = (
        b"0.5 w 100 100 m 100 300 l S\n"  # a line
        b"150 100 50 200 re S\n"  # a box: its four sides
        b"300 100 m 300 300 l 350 300 m 350 100 l 400 100 m 400 300 l 100 200 m 400 200 l S\n"
        b"100 50 m 400 50 l S\n"  # a horizontal line
        b"450 100 m 450 300 l 500 300 l S\n"  # an L: its two strokes, not its box's sides
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R >>",
    ]
    document = pdfium.PdfDocument(_assemble(objects))
    try:
        ruling = pdf.page_ruling(document[0])
    finally:
        document.close()
    assert sorted((round(r.y), round(r.x0), round(r.x1)) for r in ruling.horizontal) == [
        (50, 100, 400),
        (100, 150, 200),
        (200, 100, 400),
        (300, 150, 200),
        (300, 450, 500),
    ]
    assert sorted((round(r.x), round(r.y0), round(r.y1)) for r in ruling.vertical) == [
        (100, 100, 300),
        (150, 100, 300),
        (200, 100, 300),
        (300, 100, 300),
        (350, 100, 300),
        (400, 100, 300),
        (450, 100, 300),
    ]


def test_blank_cells_of_tables_2_and_4_are_placed_by_their_ruling() -> None:
    def words(y: float, *placed: tuple[str, float]) -> tuple:
        tokens = [pdf._Token(text, x, x + 10) for text, x in placed]
        return (y, " ".join(t.text for t in tokens), tokens)

    table2 = [
        words(700, ("第二十条第（一）项", 10)),
        words(680, ("信息内容", 10), ("本年制发件数", 110)),
        words(660, ("行政规范性文件", 10), ("9", 110), ("95", 210)),  # 本年废止件数 blank
    ]
    prose = words(600, ("因政府信息公开工作被申请行政复议6件", 10))  # table 4 named before it
    table3 = [words(500, ("申请人情况", 10)), words(480, ("本年新收", 10), ("1", 110))]
    # table 4: fifteen cells, the fourth (尚未审结) blank; the group total 6 = 1 + 2 + 3
    table4_values = [str(v) for v in (1, 2, 3, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)]
    table4 = [
        words(400, ("四、政府信息公开行政复议、行政诉讼情况", 10)),
        words(380, *[(v, 5 + 50 * c + 20) for c, v in enumerate(table4_values[:3])],
              *[(v, 5 + 50 * c + 20) for c, v in enumerate(table4_values[3:], start=4)]),
    ]  # fmt: skip
    rows = [*table2, prose, *table3, *table4]
    borders = [pdf._Rule(x, 640.0, 690.0) for x in (5, 100, 150, 200, 250)]
    borders += [pdf._Rule(5 + 50 * c, 370.0, 395.0) for c in range(16)]
    region = pdf._Table3Region()
    out = [
        text
        for _, text in pdf.with_blank_cells(rows, region, 10.0, lambda: pdf._Ruling(borders, []))
    ]
    assert out[2] == "行政规范性文件\t9\t\t95"
    assert out[-1].split("\t") == [*table4_values[:3], "", *table4_values[3:]]
    assert out[3] == prose[1] and out[5] == table3[1][1]  # prose and table 3 as printed
    # without the ruling, nothing says where the values stand: every line as printed
    printed = pdf.with_blank_cells(rows, pdf._Table3Region(), 10.0, lambda: pdf._Ruling([], []))
    assert [text for _, text in printed] == [r[1] for r in rows]


def test_an_ocr_page_places_blank_cells_by_where_its_words_stand() -> None:
    """A scan of a table that leaves zeros blank: OCR's boxes say where each value stands; a
    row whose placed values do not add up (a border read as a 1) is left as read."""
    from disclosure_metrics.document import OcrLine

    def ocr_line(label: str, values: dict[int, str]) -> OcrLine:
        words = [(label, 10.0, 200.0)] + [
            (v, 300.0 + 60 * c, 320.0 + 60 * c) for c, v in sorted(values.items())
        ]
        return OcrLine(" ".join(w for w, _, _ in words), 1, [], words, 20.0)

    lines = [
        OcrLine("申请人情况", 1, [], [("申请人情况", 300.0, 400.0)], 20.0),
        ocr_line("（七）总计", {c: str(c + 1) for c in range(6)} | {6: "21"}),
        ocr_line("（一）予以公开", {0: "3", 2: "1", 6: "4"}),
        ocr_line("8.属于行政查询事项", {0: "2", 5: "1", 6: "2"}),
    ]
    out = pdf.ocr_page_text(lines, pdf._Table3Region())
    assert out[1] == lines[1].text
    assert out[2] == "（一）予以公开\t3\t\t1\t\t\t\t4"
    assert out[3] == lines[3].text  # 2 + 1 is not 2: left as read
