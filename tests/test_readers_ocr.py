"""OCR: the corpus PDFs rasterized into scans (no text layer) read back to the truth, cell for
cell; an altered digit is caught by the identities, never published as read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PIL import ImageDraw, ImageFont

from disclosure_metrics.document import OcrLine
from disclosure_metrics.errors import ReportError
from disclosure_metrics.numbers import Ambiguous
from disclosure_metrics.parse import parse_file
from disclosure_metrics.readers import read_document
from disclosure_metrics.readers.ocr import Box, as_digits, group_rows, mean_confidence

from .conftest import CORPUS, SCAN_DPI, corpus_or_skip, image_only_pdf, page_images

SCANNED = ["2023_hongzequ", "2024_hongzequ"]


def _truth(name: str) -> dict:
    return json.loads((CORPUS / "truth" / f"{name}.json").read_text(encoding="utf-8"))


def _flat(node: object, prefix: str = "") -> dict[str, object]:
    if isinstance(node, dict) and "ambiguous" not in node:
        out: dict[str, object] = {}
        for key, value in node.items():
            out.update(_flat(value, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): node}


def _cells(report_json: dict) -> dict[str, object]:
    return {**_flat(report_json["table3"], "table3."), **_flat(report_json["table4"], "table4.")}


@pytest.fixture(scope="session")
def scans(tmp_path_factory) -> dict[str, Path]:
    """Every corpus PDF rendered page by page and saved as an image-only PDF."""
    corpus = corpus_or_skip()
    folder = tmp_path_factory.mktemp("scans")
    return {
        name: image_only_pdf(
            page_images(corpus / "reports" / f"{name}.pdf"), folder / f"{name}-scan.pdf"
        )
        for name in SCANNED
    }


@pytest.mark.parametrize("name", SCANNED)
def test_scanned_report_reads_every_table_cell_of_the_truth(scans, name) -> None:
    jobs = 2 if name == SCANNED[-1] else 1  # one of them with its pages over two processes
    report = parse_file(scans[name], jobs=jobs).to_json()
    truth = _truth(name)
    assert report["source_format"] == "pdf-ocr"
    assert report["ocr_pages"] == [1, 2, 3, 4, 5]
    assert 0.5 < report["ocr_confidence"] <= 1.0
    expected = {**_flat(truth["table3"], "table3."), **_flat(truth["table4"], "table4.")}
    got = _cells(report)
    assert {k: got.get(k) for k in expected} == expected
    assert report["ambiguous"] == []
    assert (report["agency"], report["year"]) == (truth["agency"], truth["year"])


def test_a_png_screenshot_reads_like_the_pdf(tmp_path) -> None:
    """A scrolling screenshot: the two pages holding tables 3 and 4 stacked into one PNG."""
    corpus = corpus_or_skip()
    top, bottom = page_images(corpus / "reports" / "2023_hongzequ.pdf", [2, 3])
    stacked = top.crop((0, 0, top.width, top.height + bottom.height))
    stacked.paste(bottom, (0, top.height))
    png = tmp_path / "截图.png"
    stacked.save(png)
    report = parse_file(png).to_json()
    assert report["source_format"] == "image-ocr"
    assert report["ocr_pages"] == [1]
    truth = _truth("2023_hongzequ")
    expected = {**_flat(truth["table3"], "table3."), **_flat(truth["table4"], "table4.")}
    got = _cells(report)
    assert {k: got.get(k) for k in expected} == expected


def _overwrite_first_value(image, pdf_path: Path, page: int, label: str, digit: str) -> None:
    """Paint over the first value printed after ``label`` on a page image and print ``digit``
    in its place (positions from the original's text layer, scaled to the image)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        height = pdf[page].get_height()
        text_page = pdf[page].get_textpage()
        text = text_page.get_text_range()
        at = text.index(label) + len(label)
        at += next(k for k, char in enumerate(text[at:]) if char.isdigit())
        left, bottom, right, top = text_page.get_charbox(at)
    finally:
        pdf.close()
    scale = SCAN_DPI / 72
    box = (left * scale - 6, (height - top) * scale - 6, right * scale + 6,
           (height - bottom) * scale + 6)  # fmt: skip
    draw = ImageDraw.Draw(image)
    draw.rectangle(box, fill="white")
    font = ImageFont.load_default(size=int((top - bottom) * scale * 1.2))
    draw.text((box[0] + 4, box[1] + 2), digit, fill="black", font=font)


@pytest.fixture(scope="session")
def altered_scan(tmp_path_factory) -> Path:
    """Pages 3 and 4 of 2023 洪泽区 (table 3 and 4) scanned, with the 1 of row 6.属于四类过程性信息
    (自然人) painted over by a 7."""
    source = corpus_or_skip() / "reports" / "2023_hongzequ.pdf"
    pages = page_images(source, [2, 3])
    _overwrite_first_value(pages[0], source, 2, "6.属于四类过程性信息", "7")
    return image_only_pdf(pages, tmp_path_factory.mktemp("altered") / "altered.pdf")


def test_an_altered_digit_comes_back_ambiguous_with_what_the_identities_force(
    altered_scan,
) -> None:
    report = parse_file(altered_scan)
    cell = report.table3["denied.6"]["natural_person"]
    assert cell == Ambiguous((1, 7))
    assert report.ambiguous_cells() == ["table3.denied.6.natural_person"]
    warning = next(w for w in report.warnings if "6.属于四类过程性信息" in w)
    assert warning.startswith("OCR page 1: table 3 6.属于四类过程性信息 / 自然人 read as 7")
    assert warning.endswith("candidates 1, 7")


def test_pages_spread_over_processes_read_as_in_one(altered_scan) -> None:
    one = read_document(altered_scan, jobs=1)
    two = read_document(altered_scan, jobs=2)
    assert [i.text for i in two.items] == [i.text for i in one.items]
    assert two.ocr_lines == one.ocr_lines


def test_a_mixed_pdf_ocrs_only_the_page_without_text(scans, tmp_path) -> None:
    """Text layer for pages 1, 2, 4, 5 and a scanned page 3: only page 3 is OCR'd."""
    import pypdfium2 as pdfium

    original = pdfium.PdfDocument(str(CORPUS / "reports" / "2023_hongzequ.pdf"))
    scan = pdfium.PdfDocument(str(scans["2023_hongzequ"]))
    mixed = pdfium.PdfDocument.new()
    mixed.import_pages(original, [0, 1])
    mixed.import_pages(scan, [2])
    mixed.import_pages(original, [3, 4])
    target = tmp_path / "mixed.pdf"
    mixed.save(target)
    for pdf in (original, scan, mixed):
        pdf.close()
    report = parse_file(target).to_json()
    assert report["source_format"] == "pdf-ocr"
    assert report["ocr_pages"] == [3]
    truth = _truth("2023_hongzequ")
    expected = _flat(truth["table3"], "table3.")
    got = _cells(report)
    assert {k: got.get(k) for k in expected} == expected


def test_ocr_never_refuses_a_scan_by_name(scans) -> None:
    with pytest.raises(ReportError) as caught:
        parse_file(scans["2023_hongzequ"], ocr="never")
    assert caught.value.code == "no_text_layer"
    assert "--ocr never" in str(caught.value)
    assert "2023_hongzequ-scan.pdf" in str(caught.value)


def test_ocr_always_reads_a_text_pdf_through_ocr_too() -> None:
    """``always`` ignores the text layer: a check of OCR against the layer's own reading."""
    corpus = corpus_or_skip()
    text_layer = parse_file(corpus / "reports" / "2024_hongzequ.pdf", ocr="never").to_json()
    assert text_layer["source_format"] == "pdf" and text_layer["ocr_pages"] == []
    assert text_layer["ocr_confidence"] is None


def test_a_damaged_image_is_a_clear_error(tmp_path) -> None:
    broken = tmp_path / "page.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not a jpeg at all")
    with pytest.raises(ReportError) as caught:
        read_document(broken)
    assert caught.value.code == "image_unreadable"
    assert "page.jpg" in str(caught.value)


def test_rows_group_values_apart_from_a_wrapped_label() -> None:
    """Values printed between the two halves of a wrapped label form a line of their own (as in
    a text layer), even when the label's first half sits close above them."""
    boxes = [
        Box("（二）部分公开（区分处理的，只计这一情形，不", 300, 1578, 850, 1609, 1.0),
        Box("9", 895, 1593, 915, 1625, 1.0),
        Box("0", 980, 1591, 1000, 1626, 0.54),
        Box("0", 1058, 1591, 1078, 1624, 0.98),
        Box("计其他情形)", 290, 1615, 430, 1647, 1.0),
        Box("本年度办理结果", 230, 1500, 270, 1760, 1.0),  # a label set vertically
    ]
    lines = [" ".join(b.text for b in row) for row in group_rows(boxes)]
    assert lines == [
        "本年度办理结果",
        "（二）部分公开（区分处理的，只计这一情形，不",
        "9 0 0",
        "计其他情形)",
    ]


def test_look_alike_letters_read_as_digits_are_marked_uncertain() -> None:
    assert as_digits("O", 0.95) == ("0", 0.5)
    assert as_digits("l2", 0.99) == ("12", 0.5)
    assert as_digits("Office", 0.99) == ("Office", 0.99)
    assert mean_confidence([OcrLine("a", 1, []), OcrLine("1 2", 1, [1.0, 0.5])]) == 0.75


def test_a_table_pasted_as_a_picture_on_a_text_page_is_read_in_place(tmp_path) -> None:
    """Pages with a text layer (title, headings) whose tables are pictures: only the pictures
    are OCR'd, and their lines stand between the text lines above and below them."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    corpus = corpus_or_skip()
    tables = page_images(corpus / "reports" / "2023_hongzequ.pdf", [2, 3])
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    target = tmp_path / "pictures.pdf"
    pdf = canvas.Canvas(str(target), pagesize=(595, 842))
    title = "洪泽区人民政府2023年政府信息公开工作年度报告"
    closing = "五、存在的主要问题及改进情况"
    for number, image in enumerate(tables):
        pdf.setFont("STSong-Light", 14)
        pdf.drawString(60, 800, title if number == 0 else "（续）")
        width = 480  # the picture fills the page below the heading line
        pdf.drawImage(ImageReader(image), 60, 60, width, width * image.height / image.width)
        if number == 1:
            pdf.drawString(60, 40, closing)
        pdf.showPage()
    pdf.save()
    doc = read_document(target)
    texts = [i.text for i in doc.items]
    assert texts[0] == title and texts[-1] == closing
    assert doc.source_format == "pdf-ocr" and doc.ocr_pages == [1, 2]
    report = parse_file(target).to_json()
    truth = _truth("2023_hongzequ")
    expected = {**_flat(truth["table3"], "table3."), **_flat(truth["table4"], "table4.")}
    got = _cells(report)
    assert {k: got.get(k) for k in expected} == expected


def test_without_the_engine_a_scan_says_ocr_is_missing(two_page_scan, monkeypatch) -> None:
    from disclosure_metrics.readers import ocr

    def missing() -> None:
        raise ocr.OcrUnavailable("No module named 'rapidocr_onnxruntime'")

    monkeypatch.setattr(ocr, "engine", missing)
    with pytest.raises(ReportError) as caught:
        read_document(two_page_scan)
    assert caught.value.code == "ocr_unavailable"
    assert "扫描件.pdf" in str(caught.value) and "not installed" in caught.value.message_en


def _with_garbled_layer(scan: Path, target: Path) -> Path:
    """``scan`` with an invisible text layer of mojibake over each page (GBK bytes shown as
    Latin-1 letters), as a PDF whose fonts lack a Unicode map gives it."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    junk = "¸ÃÄê¶È»ú¹¹ÕþÎñ¹«¿ª "
    pdf = pdfium.PdfDocument(str(scan))
    for index in range(len(pdf)):
        page = pdf[index]
        for line in range(30):
            text = (junk * 5)[line % 7 :][:50] + "\x00"
            obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(10))
            pdfium_c.FPDFText_SetText(obj, (ctypes.c_ushort * len(text))(*map(ord, text)))
            pdfium_c.FPDFTextObj_SetTextRenderMode(obj, pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE)
            pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, 40, 800 - line * 25)
            pdfium_c.FPDFPage_InsertObject(page.raw, obj)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdf.save(target)
    pdf.close()
    return target


def test_a_garbled_text_layer_is_read_by_ocr_like_a_scan(two_page_scan, tmp_path) -> None:
    garbled = _with_garbled_layer(two_page_scan, tmp_path / "乱码.pdf")
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(garbled))
    assert "¸ÃÄ" in pdf[0].get_textpage().get_text_range()  # the layer is there, and junk
    pdf.close()
    report = parse_file(garbled)
    scan = parse_file(two_page_scan)
    assert (report.table3, report.table4) == (scan.table3, scan.table4)
    assert report.table3["new_received"]["total"] is not None
    assert any("unreadable" in w and "read by OCR" in w for w in report.warnings)
    with pytest.raises(ReportError) as caught:
        parse_file(garbled, ocr="never")
    assert caught.value.code == "no_text_layer" and "unreadable" in caught.value.message_en


def test_an_empty_cell_crossed_by_borders_is_not_read_as_a_one() -> None:
    """A blank cell read again alone: recognition answers ``1`` for the border that crosses
    it. The borders are wiped first; nothing is left, so nothing is read."""
    import numpy as np

    from disclosure_metrics.readers.ocr import recognize_crop

    cell = np.full((36, 48, 3), 255, dtype=np.uint8)
    cell[0:2, :] = 0  # the row's top border
    cell[:, 46:48] = 0  # the column's right border
    assert recognize_crop(cell) is None
    digit = cell.copy()
    image = _digit_image("7")
    digit[6:30, 14:30] = image
    read = recognize_crop(digit)
    assert read is not None and read[0] == "7"


def _digit_image(text: str):  # type: ignore[no-untyped-def]
    import numpy as np
    from PIL import Image

    canvas = Image.new("RGB", (16, 24), "white")
    ImageDraw.Draw(canvas).text((2, 0), text, fill="black", font=ImageFont.load_default(22))
    return np.asarray(canvas)


def test_a_scanned_word_report_reads_as_the_document(tmp_path) -> None:
    """A Word report exported to PDF by LibreOffice, then scanned: its narrow label cells wrap
    the long labels over many lines beside the rowspan stubs, and its table 2 leaves no cell
    blank for a border to be read in. The borders drawn in the image join each row's lines,
    as a text layer's are joined."""
    from disclosure_metrics.example_data import example_reports, render_docx

    from .conftest import libreoffice_export

    report = next(r for r in example_reports() if r.file.startswith("2021_example_market."))
    document = tmp_path / "report.docx"
    document.write_bytes(render_docx(report))
    exported = libreoffice_export(document, "pdf", tmp_path)
    scan = image_only_pdf(page_images(exported), tmp_path / "scan.pdf")
    want, got = parse_file(document), parse_file(scan)
    assert got.source_format == "pdf-ocr"
    assert (got.table2, got.table3, got.table4) == (want.table2, want.table3, want.table4)


def test_a_scanned_table_that_leaves_zeros_blank_is_placed_by_its_drawn_borders(
    tmp_path,
) -> None:
    """A page that leaves every zero blank, printed and scanned: table 2's short rows and
    table 4's row of values are placed by the borders found in the image."""
    from .conftest import ZEROS_BLANK, printed_example

    blanked, printed = printed_example(tmp_path, "2024_example_county_office.html", ZEROS_BLANK)
    scan = image_only_pdf(page_images(printed), tmp_path / "scan.pdf")
    want, got = parse_file(blanked), parse_file(scan)
    assert None in want.table2["art20_1"]["normative_docs"].values()
    assert (got.table2, got.table4) == (want.table2, want.table4)
