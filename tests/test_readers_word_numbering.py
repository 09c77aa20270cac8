"""Word's automatic numbering rendered before the paragraphs that have it."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from disclosure_metrics import parse_file
from disclosure_metrics.readers import docx as docx_reader
from disclosure_metrics.readers.word_numbering import _format

from .conftest import SAMPLE

# Two lists: headings 一、 with sub-items （一）, and a decimal list restarted by a second num.
_NUMBERING = f"""
<w:numbering {nsdecls("w")}>
  <w:abstractNum w:abstractNumId="70">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
      <w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/>
      <w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="71">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
      <w:lvlText w:val="%1."/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="72">
    <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="70"><w:abstractNumId w:val="70"/></w:num>
  <w:num w:numId="71"><w:abstractNumId w:val="71"/></w:num>
  <w:num w:numId="72"><w:abstractNumId w:val="71"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  <w:num w:numId="73"><w:abstractNumId w:val="72"/></w:num>
</w:numbering>
"""


def _numbered_docx(paragraphs: list[tuple[str, str | None, int]]) -> bytes:
    """A DOCX of ``(text, numId, ilvl)`` paragraphs (numId None: not numbered), with the lists
    above as its numbering part."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for child in parse_xml(_NUMBERING):
        numbering.append(child)
    for text, num_id, ilvl in paragraphs:
        p = document.add_paragraph(text)
        if num_id is not None:
            ppr = p._p.get_or_add_pPr()
            ppr.append(
                parse_xml(
                    f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{ilvl}"/>'
                    f'<w:numId w:val="{num_id}"/></w:numPr>'
                )
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _lines(data: bytes) -> list[str]:
    return [item.text for item in docx_reader.read("r.docx", data).items]


def test_headings_and_sub_items_are_numbered_as_word_shows_them() -> None:
    data = _numbered_docx(
        [
            ("总体情况", "70", 0),
            ("主动公开", "70", 1),
            ("依申请公开", "70", 1),
            ("主动公开政府信息情况", "70", 0),
            ("规章", "70", 1),  # the sub-items start again under the next heading
            ("不编号的段落", None, 0),
        ]
    )
    assert _lines(data) == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "二、主动公开政府信息情况",
        "（一）规章",
        "不编号的段落",
    ]


def test_a_list_that_restarts_its_abstract_list_counts_from_its_start() -> None:
    data = _numbered_docx(
        [("甲", "71", 0), ("乙", "71", 0), ("丙", "72", 0), ("丁", "72", 0), ("戊", "73", 0)]
    )
    # A decimal label ends with a tab in Word: read as a space. A bullet renders as nothing.
    assert _lines(data) == ["1. 甲", "2. 乙", "1. 丙", "2. 丁", "戊"]


def test_a_heading_style_carries_the_numbering() -> None:
    document = docx.Document(io.BytesIO(_numbered_docx([])))
    style = document.styles["Heading 1"].element
    style.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="70"/></w:numPr>')
    )
    document.add_paragraph("总体情况", style="Heading 1")
    document.add_paragraph("正文。")
    document.add_paragraph("存在的主要问题及改进情况", style="Heading 1")
    buffer = io.BytesIO()
    document.save(buffer)
    assert _lines(buffer.getvalue()) == ["一、总体情况", "正文。", "二、存在的主要问题及改进情况"]


def test_numbering_taken_off_by_num_id_zero() -> None:
    document = docx.Document(io.BytesIO(_numbered_docx([])))
    document.styles["Heading 1"].element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="70"/></w:numPr>')
    )
    p = document.add_paragraph("不编号的标题", style="Heading 1")
    p._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="0"/></w:numPr>')
    )
    buffer = io.BytesIO()
    document.save(buffer)
    assert _lines(buffer.getvalue()) == ["不编号的标题"]


def test_number_formats() -> None:
    assert [_format(n, "chineseCounting") for n in (1, 9, 10, 11, 20, 23)] == [
        "一", "九", "十", "十一", "二十", "二十三"
    ]  # fmt: skip
    assert _format(2, "ideographTraditional") == "乙"
    assert _format(12, "chineseLegalSimplified") == "壹拾贰"
    assert _format(3, "decimalEnclosedCircle") == "③"
    assert _format(28, "lowerLetter") == "bb"
    assert _format(14, "upperRoman") == "XIV"
    assert _format(7, "decimalFullWidth") == "７"
    assert _format(5, "someFormatNotKnown") == "5"


def test_a_report_with_numbered_headings_finds_every_section(tmp_path: Path) -> None:
    """The sample report's section headings typed without their numbers and numbered by Word:
    every section is found, as in the sample itself (section 四's heading is not found
    without its number)."""
    sample = SAMPLE.read_text(encoding="utf-8")
    heading = re.compile(r"^[一二三四五六七八]、(.+)$")
    document = docx.Document(io.BytesIO(_numbered_docx([])))
    for line in sample.splitlines():
        m = heading.match(line.strip())
        p = document.add_paragraph(m.group(1) if m else line)
        if m and not any(word in line for word in ("本年", "上年", "结转")):
            p._p.get_or_add_pPr().append(
                parse_xml(f'<w:numPr {nsdecls("w")}><w:numId w:val="70"/></w:numPr>')
            )
    path = tmp_path / "numbered.docx"
    document.save(path)
    keys = [s.key for s in parse_file(path).sections]
    assert keys == ["overview", "proactive", "applications", "disputes", "problems",
                    "other_matters"]  # fmt: skip
