"""DOCX reader: documents built here with python-docx, merged cells, and broken packages."""

from __future__ import annotations

import copy
import io
import zipfile

import docx as python_docx
import pytest
from docx.oxml.ns import qn

from disclosure_metrics.document import Cell, Table, TextLine
from disclosure_metrics.errors import ReportError
from disclosure_metrics.readers import docx


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def grid(table: Table) -> list[list[tuple[str, bool]]]:
    return [[(cell.text, cell.spanned) for cell in row] for row in table.rows]


def report_docx() -> bytes:
    document = python_docx.Document()
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=4, cols=4)
    texts = [
        ["申请人", "", "自然人", "总计"],
        ["三、本年度办理结果", "（一）予以公开", "5", "5"],
        ["", "（二）部分公开", "", "0"],
        ["", "（三）不予公开", "1", "1"],
    ]
    for r, row in enumerate(texts):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 1))  # gridSpan
    table.cell(1, 0).merge(table.cell(3, 0))  # vMerge restart + continue
    document.add_paragraph("四、政府信息公开行政复议、行政诉讼情况")
    return to_bytes(document)


def test_paragraphs_and_merged_table_in_body_order():
    doc = docx.read("r.docx", report_docx())
    assert doc.source_format == "docx"
    assert [type(item).__name__ for item in doc.items] == ["TextLine", "Table", "TextLine"]
    assert doc.items[0] == TextLine("三、收到和处理政府信息公开申请情况")
    assert doc.items[2] == TextLine("四、政府信息公开行政复议、行政诉讼情况")
    assert grid(doc.items[1]) == [
        [("申请人", False), ("申请人", True), ("自然人", False), ("总计", False)],
        [("三、本年度办理结果", False), ("（一）予以公开", False), ("5", False), ("5", False)],
        [("三、本年度办理结果", True), ("（二）部分公开", False), ("", False), ("0", False)],
        [("三、本年度办理结果", True), ("（三）不予公开", False), ("1", False), ("1", False)],
    ]


def test_block_merge_spans_rows_and_columns():
    document = python_docx.Document()
    table = document.add_table(rows=3, cols=3)
    for r in range(3):
        for c in range(3):
            table.cell(r, c).text = f"{r}{c}" if (r, c) != (0, 0) else "合并"
    origin = table.cell(0, 0).merge(table.cell(1, 1))
    for paragraph in origin.paragraphs[1:]:  # python-docx keeps the merged cells' text
        paragraph._p.getparent().remove(paragraph._p)
    doc = docx.read("r.docx", to_bytes(document))
    assert grid(doc.items[0]) == [
        [("合并", False), ("合并", True), ("02", False)],
        [("合并", True), ("合并", True), ("12", False)],
        [("20", False), ("21", False), ("22", False)],
    ]


def test_paragraph_breaks_tabs_and_blank_paragraphs():
    document = python_docx.Document()
    paragraph = document.add_paragraph("第一行")
    paragraph.add_run().add_break()
    paragraph.add_run("第二行\t数值\u00a0 5")
    document.add_paragraph("   ")
    document.add_paragraph("")
    doc = docx.read("r.docx", to_bytes(document))
    assert doc.items == [TextLine("第一行"), TextLine("第二行 数值 5")]


def test_cell_with_several_paragraphs_is_one_line_of_text():
    document = python_docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "本年新"
    cell.add_paragraph("制作数量")
    assert grid(docx.read("r.docx", to_bytes(document)).items[0]) == [[("本年新制作数量", False)]]


def test_deleted_revision_text_is_skipped():
    document = python_docx.Document()
    paragraph = document.add_paragraph("保留")
    deleted = copy.deepcopy(paragraph.runs[0]._r)
    for t in deleted.iter(qn("w:t")):
        t.tag = qn("w:delText")
        t.text = "删除"
    wrapper = paragraph._p.makeelement(qn("w:del"), {qn("w:id"): "1", qn("w:author"): "x"})
    wrapper.append(deleted)
    paragraph._p.append(wrapper)
    assert docx.read("r.docx", to_bytes(document)).items == [TextLine("保留")]


def test_content_control_around_a_table_is_read():
    document = python_docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "规章", "0"
    body = document.element.body
    sdt = body.makeelement(qn("w:sdt"), {})
    content = sdt.makeelement(qn("w:sdtContent"), {})
    sdt.append(content)
    table._tbl.addprevious(sdt)
    content.append(table._tbl)
    assert grid(docx.read("r.docx", to_bytes(document)).items[0]) == [
        [("规章", False), ("0", False)]
    ]


# --- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [b"not a zip at all", b"PK\x03\x04broken", bytes(range(256))])
def test_corrupt_bytes(data):
    with pytest.raises(ReportError) as err:
        docx.read("bad.docx", data)
    assert err.value.code == "docx_unreadable"
    assert err.value.path == "bad.docx"
    assert "DOCX" in err.value.message_zh and "DOCX" in err.value.message_en


def _rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = replace.get(info.filename, source.read(info))
            if content is not None:
                target.writestr(info.filename, content)
    return out.getvalue()


def test_zip_without_a_word_document():
    data = _rezip(report_docx(), {"word/document.xml": None, "[Content_Types].xml": None})
    with pytest.raises(ReportError) as err:
        docx.read("r.docx", data)
    assert err.value.code == "docx_unreadable"


def test_damaged_document_xml():
    data = _rezip(report_docx(), {"word/document.xml": b"<w:document><unclosed>"})
    with pytest.raises(ReportError) as err:
        docx.read("r.docx", data)
    assert err.value.code == "docx_unreadable"


def test_entity_declarations_are_refused():
    original = zipfile.ZipFile(io.BytesIO(report_docx())).read("word/document.xml")
    head, rest = original.split(b"?>", 1)
    bomb = b'<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    data = _rezip(report_docx(), {"word/document.xml": head + b"?>" + bomb + rest})
    with pytest.raises(ReportError) as err:
        docx.read("r.docx", data)
    assert err.value.code == "docx_unreadable"
    assert "DTD" in err.value.message_en


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(docx, "MAX_UNZIPPED_BYTES", 1000)
    with pytest.raises(ReportError) as err:
        docx.read("r.docx", report_docx())
    assert err.value.code == "docx_unreadable"
    assert "too large" in err.value.message_en


def test_hostile_or_odd_merge_attributes():
    document = python_docx.Document()
    table = document.add_table(rows=2, cols=3)
    for r in range(2):
        for c in range(3):
            table.cell(r, c).text = f"{r}{c}"

    tcs = [[table.cell(r, c)._tc for c in range(3)] for r in range(2)]

    def set_prop(tc, name, value):
        tc_pr = tc.get_or_add_tcPr()
        element = tc_pr.makeelement(qn(name), {} if value is None else {qn("w:val"): value})
        tc_pr.append(element)

    set_prop(tcs[0][0], "w:vMerge", None)  # "continue" with no row above
    set_prop(tcs[0][1], "w:gridSpan", "abc")
    set_prop(tcs[0][2], "w:gridSpan", "99999")
    set_prop(tcs[1][0], "w:gridSpan", "-5")
    doc = docx.read("r.docx", to_bytes(document))
    rows = doc.items[0].rows
    assert rows[0][0] == Cell("", spanned=True)
    assert rows[0][1] == Cell("01")
    assert len(rows[0]) == 2 + docx.MAX_GRID_SPAN
    assert [c.text for c in rows[1]] == ["10", "11", "12"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_dtd_in_a_utf16_or_utf32_part_is_refused(encoding: str) -> None:
    original = zipfile.ZipFile(io.BytesIO(report_docx())).read("word/document.xml").decode()
    head, rest = original.split("?>", 1)
    bomb = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]>'
    part = (head.replace("UTF-8", encoding.upper()) + "?>" + bomb + rest).encode(encoding)
    data = _rezip(report_docx(), {"word/document.xml": part})
    with pytest.raises(ReportError) as err:
        docx.read("r.docx", data)
    assert "DTD" in err.value.message_en


def test_a_dtd_in_a_part_not_named_xml_is_refused() -> None:
    source = zipfile.ZipFile(io.BytesIO(report_docx()))
    rels = source.read("word/_rels/document.xml.rels")
    content_types = source.read("[Content_Types].xml")
    main = source.read("word/document.xml").replace(b"?>", b'?><!DOCTYPE d [<!ENTITY a "b">]>', 1)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename == "word/document.xml":
                continue
            target.writestr(info.filename, source.read(info))
        target.writestr("word/main.bin", main)
    data = _rezip(
        out.getvalue(),
        {
            "[Content_Types].xml": content_types.replace(b"/word/document.xml", b"/word/main.bin"),
            "_rels/.rels": source.read("_rels/.rels").replace(b"document.xml", b"main.bin"),
            "word/_rels/document.xml.rels": rels,
        },
    )
    with pytest.raises(ReportError) as err:
        docx.read("r.docx", data)
    assert "main.bin declares a DTD" in err.value.message_en


def test_an_xml_part_too_large_to_parse_is_refused_before_parsing(monkeypatch):
    original = zipfile.ZipFile(io.BytesIO(report_docx())).read("word/document.xml")
    padded = original.replace(b"</w:body>", b" " * 2_000_000 + b"</w:body>")
    data = _rezip(report_docx(), {"word/document.xml": padded})
    monkeypatch.setattr(docx, "MAX_PART_BYTES", 1_000_000)  # every other part is smaller
    with pytest.raises(ReportError) as err:
        docx.read("r.docx", data)
    assert err.value.code == "docx_unreadable"
    assert "word/document.xml unpacks to" in err.value.message_en


def _with_pictures(images: list, text_table3: bool = False) -> bytes:
    """A report whose tables 3 and 4 are pictures pasted into the document (``images``)."""
    document = python_docx.Document()
    document.add_paragraph("洪泽区人民政府2023年政府信息公开工作年度报告")
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    if text_table3:
        document.add_paragraph("一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21")
    for image in images:
        buffer = io.BytesIO()
        image.save(buffer, "PNG")
        document.add_picture(io.BytesIO(buffer.getvalue()), width=python_docx.shared.Inches(6))
    document.add_paragraph("五、政府信息公开工作存在的主要问题及改进情况")
    return to_bytes(document)


def test_tables_pasted_as_pictures_are_read_by_ocr(two_page_scan, tmp_path, monkeypatch):
    from disclosure_metrics.parse import parse_file
    from disclosure_metrics.readers import ocr

    from .conftest import page_images

    images = page_images(two_page_scan)  # pages 3 and 4 of 2023 洪泽区: tables 3 and 4
    path = tmp_path / "图片表格.docx"
    path.write_bytes(_with_pictures(images))
    report, scan = parse_file(path), parse_file(two_page_scan)
    assert report.source_format == "docx-ocr" and report.agency == "洪泽区人民政府"
    assert (report.table3, report.table4) == (scan.table3, scan.table4)
    assert report.table3["new_received"]["total"] is not None
    # --ocr never reads the text only; with table 3 in the text, auto leaves the pictures
    assert docx.read(str(path), path.read_bytes(), ocr="never").source_format == "docx"

    def no_engine() -> None:
        raise AssertionError("OCR ran on a document whose text holds table 3")

    monkeypatch.setattr(ocr, "engine", no_engine)
    texts = docx.read("t.docx", _with_pictures(images, text_table3=True))
    assert texts.source_format == "docx" and not texts.ocr_lines


def test_the_title_property_is_kept_apart_from_the_text():
    document = python_docx.Document()
    document.add_paragraph("一、总体情况")
    document.core_properties.title = " 某县2023年政府信息公开工作年度报告 "
    stated = docx.read("r.docx", to_bytes(document)).stated_title
    assert stated == "某县2023年政府信息公开工作年度报告"
    document.core_properties.title = ""
    assert docx.read("r.docx", to_bytes(document)).stated_title is None
