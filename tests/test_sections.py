"""Section headings: found by their body, ordinals kept, preamble lists ignored, text verbatim."""

from __future__ import annotations

from disclosure_metrics.document import Document, TextLine
from disclosure_metrics.sections import find_sections, section_texts
from disclosure_metrics.tables import build_lines

from .conftest import corpus_or_skip


def _lines(*texts: str):
    return build_lines(Document("t", "text", [TextLine(t) for t in texts]), False)


def test_preamble_list_is_not_a_heading_and_glued_headings_are() -> None:
    lines = _lines(
        "本报告包括总体情况、主动公开政府信息情况、其他需要报告的事项等六个部分。"
        "一、总体情况2021年，全年主动公开政府信息2645条。"
        "六、其他需要报告的事项2021年，无收取信息处理费情况。"
    )
    hits = find_sections(lines)
    assert [(h.key, h.printed_number) for h in hits] == [("overview", 1), ("other_matters", 6)]
    texts = section_texts(lines, hits, verbatim=True)
    assert texts["overview"] == "2021年，全年主动公开政府信息2645条。"
    assert texts["other_matters"] == "2021年，无收取信息处理费情况。"


def test_heading_variants_and_wrong_numbers() -> None:
    lines = _lines(
        "一、2025年政务公开工作总体情况",
        "正文。",
        "六、存在问题与改进方向",
        "问题。",
        "七、其他需要报告的事项",
        "无其他需要报告的事项",
    )
    hits = find_sections(lines)
    assert [(h.no, h.printed_number) for h in hits] == [(1, 1), (5, 6), (6, 7)]
    assert section_texts(lines, hits)["other_matters"] == "无其他需要报告的事项"


def test_arabic_and_part_numbered_headings() -> None:
    lines = _lines(
        "第一部分 总体情况",
        "正文。",
        "2. 主动公开政府信息情况",
        "共12.5万条。3、收到和处理政府信息公开申请情况",
        "## 4.政府信息公开行政复议、行政诉讼情况",
        "（一）存在的主要问题：人手不足。",  # the part of a section, never a section
    )
    hits = find_sections(lines)
    assert [(h.no, h.printed_number) for h in hits] == [(1, 1), (2, 2), (3, 3), (4, 4)]
    assert hits[0].heading == "第一部分总体情况"  # normalized: spaces dropped
    assert section_texts(lines, hits)["overview"] == "正文。"
    # the digits of a number are no ordinal: 2020.总体情况 is not a heading
    assert find_sections(_lines("截至2020.总体情况较好")) == []


def test_sections_numbered_in_brackets_when_nothing_else_numbers_them() -> None:
    lines = _lines(
        "（一）总体情况",
        "（一）主动公开。全年发布信息35条。",  # a part of 一, its parts numbered the same way
        "（二）主动公开政府信息情况",
        "表格。（三）收到和处理政府信息公开申请情况",
        "（五）存在的主要问题及改进情况",
        "（一）存在的主要问题：人手不足。",
        "（六）其他需要报告的事项",
        "无。",
    )
    hits = find_sections(lines)
    assert [(h.no, h.printed_number) for h in hits] == [(1, 1), (2, 2), (3, 3), (5, 5), (6, 6)]
    overview = section_texts(lines, hits, verbatim=True)["overview"]
    assert overview == "（一）主动公开。全年发布信息35条。"
    # Where 一、 numbers the sections, a (一) part is never one of them.
    headings = [
        "一、总体情况",
        "（一）总体情况良好。",
        "五、存在的主要问题",
        "六、其他需要报告的事项",
    ]
    found = [h.heading for h in find_sections(_lines(*headings))]
    assert found == [headings[0], headings[2], headings[3]]


def test_real_reports_have_their_sections() -> None:
    from disclosure_metrics import parse_file

    corpus = corpus_or_skip()
    report = parse_file(corpus / "reports" / "2024_shanghai_kewei.txt")
    # 上海市科委 renumbers: the tables come as 一/二/三 and the last section as 五.
    numbers = {s.no: s.printed_number for s in report.sections}
    assert numbers[2] == 1 and numbers[6] == 5 and 5 not in numbers
    sample = parse_file(corpus / "reports" / "2020_huianpu.txt")
    assert [s.no for s in sample.sections] == [1, 2, 3, 4, 5, 6]
    assert "信息 50 余条" in sample.section_text["overview"]
    assert sample.section_text["other_matters"] == "无。"
