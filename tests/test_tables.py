"""The label-anchored table reader on small hand-made documents."""

from __future__ import annotations

from disclosure_metrics import templates as tpl
from disclosure_metrics.document import Cell, Document, Table, TextLine
from disclosure_metrics.numbers import Ambiguous
from disclosure_metrics.tables import (
    build_lines,
    join_cell_lines,
    read_table2,
    read_table3,
    read_table4,
    row_vectors,
    short_row_placements,
    table2_format,
    table3_variant,
)

ZERO7 = "0 0 0 0 0 0 0"


def lines_of(*items: str | list[str], traditional: bool = False):
    doc_items = [
        Table([[Cell(c) for c in item]]) if isinstance(item, list) else TextLine(item)
        for item in items
    ]
    return build_lines(Document("t.txt", "text", doc_items), traditional)


def table3_text(overrides: dict[str, str] | None = None, variant: str = "split_other") -> list[str]:
    overrides = overrides or {}
    return [f"{r.label} {overrides.get(r.key, ZERO7)}" for r in tpl.table3_rows(variant)]


def test_every_row_found_from_template_labels() -> None:
    result = read_table3(lines_of(*table3_text({"granted": "3 1 0 0 0 0 4"})), "split_other")
    assert result.located == 25
    assert result.cells["granted"]["commercial"] == 1 and result.cells["granted"]["total"] == 4
    assert result.cells["other.3"]["total"] == 0


def test_letter_spaced_and_half_width_labels() -> None:
    text = table3_text()
    text[2] = "( 一 ) 予 以 公 开   5 0 0 0 0 0 5"
    text[4] = "1．属于国家秘密 2 0 0 0 0 0 2"
    result = read_table3(lines_of(*text), "split_other")
    assert result.cells["granted"]["natural_person"] == 5
    assert result.cells["denied.1"]["total"] == 2


def test_traditional_characters() -> None:
    text = [f"{r.label} {ZERO7}" for r in tpl.table3_rows("split_other")]
    text[14] = "3.補正後申請內容仍不明確 1 0 0 0 0 0 1"
    result = read_table3(lines_of(*text, traditional=True), "split_other")
    assert result.cells["unable.3"]["total"] == 1


def test_values_on_their_own_line_fill_the_gap_by_order() -> None:
    text = table3_text()
    # A PDF puts the values of partial and denied.1 on lines of their own, labels elsewhere.
    text[3] = "（二）部分公开（区分处理的，只计这一情形，不"
    text[4] = "4 0 0 0 0 0 4"
    text.insert(5, "1 0 0 0 0 0 1")
    text.insert(6, "1.属于国家秘密")
    result = read_table3(lines_of(*text), "split_other")
    assert result.cells["partial"]["total"] == 4
    assert result.cells["denied.1"]["total"] == 1


def test_values_after_a_labels_second_line_are_not_the_next_labels() -> None:
    # pdftotext -raw of the example county's 2021 PDF: each long label wraps, its values on
    # the line after its second half; the words before 1's values end label 1, so those
    # values are not label 2's (whose anchor is on the line after them).
    text = table3_text({"other.1": "", "other.2": ""})
    at = next(i for i, line in enumerate(text) if line.startswith("1.申请人无正当理由"))
    text[at : at + 2] = [
        "（", "六", "）", "其", "他", "处", "理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府", "信息公开申请",
        "2 0 0 0 0 0 2",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处", "理其政府信息公开申请",
        "1 0 0 0 0 0 1",
    ]  # fmt: skip
    cells = read_table3(lines_of(*text), "split_other").cells
    assert (cells["other.1"]["total"], cells["other.2"]["total"]) == (2, 1)


def test_a_row_label_spanning_two_cells_is_not_a_header() -> None:
    # A Word table whose "（七）" is auto-numbering (not in the text) and whose label spans
    # two columns: 总计 | 总计 (the span's copy) is the total row, not two column headers.
    rows = [
        [Cell(r.label), *(Cell(v) for v in ZERO7.split())] for r in tpl.table3_rows("single_other")
    ]
    totals = ["7", "1", "0", "0", "0", "0", "8"]
    rows[-2] = [Cell("总计"), Cell("总计", True), *(Cell(v) for v in totals)]
    rows.insert(0, [Cell(c.label) for c in tpl.table3_columns()])  # the header row
    lines = build_lines(Document("t.docx", "docx", [Table(rows)]), False)
    cells = read_table3(lines, "single_other").cells
    assert cells["total_processed"]["total"] == 8


def test_two_values_merged_into_one_cell_are_two_cells() -> None:
    # A converter's table (an HTML cell "3<br>0", a Markdown cell "3 0"): two columns merged.
    text = table3_text({"granted": ""})
    items: list = [line for line in text if not line.startswith("（一）予以公开")]
    at = next(i for i, r in enumerate(tpl.table3_rows("split_other")) if r.key == "granted")
    items.insert(at, ["（一）予以公开", "18", "3 0", "1", "2", "1", "25"])
    cells = read_table3(lines_of(*items), "split_other").cells["granted"]
    assert list(cells.values()) == [18, 3, 0, 1, 2, 1, 25]


def test_orphans_that_do_not_fit_are_not_assigned() -> None:
    text = table3_text()
    text[3] = "（二）部分公开"  # one row missing, two unlabelled value rows
    text.insert(4, "4 0 0 0 0 0 4")
    text.insert(5, "5 0 0 0 0 0 5")
    result = read_table3(lines_of(*text), "split_other")
    assert result.cells["partial"]["total"] is None
    assert any("not assigned" in w for w in result.warnings)


def test_glued_rows_split_with_column_identities() -> None:
    # 2021 平潭: '270020130' has two T3-I3 splits; T3-I2 on the 商业企业 column picks one.
    glued = {
        "new_received": "640020470",
        "carried_over": "0000000",
        "granted": "270020130",
        "partial": "5000005",
        "denied.5": "1000001",
        "denied.7": "6000006",
        "denied.8": "1000001",
        "unable.1": "220000325",
        "other.3": "1000001",
        "total_processed": "630020469",
        "carry_forward": "1000001",
    }
    line = "".join(
        f"{r.label}{glued.get(r.key, '0000000')}" for r in tpl.table3_rows("split_other")
    )
    result = read_table3(lines_of(line), "split_other")
    assert list(result.cells["granted"].values()) == [27, 0, 0, 2, 0, 1, 30]
    assert list(result.cells["unable.1"].values()) == [22, 0, 0, 0, 0, 3, 25]


def test_cells_keep_blank_distinct_from_zero() -> None:
    rows = [[r.label, *(["0"] * 6), ""] for r in tpl.table3_rows("single_other")]
    rows[0] = ["一、本年新收政府信息公开申请数量", "3", "", "/", "0", "0", "0", "3"]
    result = read_table3(lines_of(*rows), "single_other")
    cells = result.cells["new_received"]
    assert (cells["natural_person"], cells["commercial"], cells["research"]) == (3, None, "NA")
    assert result.cells["granted"]["total"] is None


def test_variant_and_table2_format_from_labels() -> None:
    assert (
        table3_variant(
            lines_of("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0")
        )
        == "split_other"
    )
    assert table3_variant(lines_of("（六）其他处理 0 0 0 0 0 0 0")) == "single_other"
    assert table2_format(lines_of("信息内容 本年制发件数 本年废止件数 现行有效件数")) == "GOV2021"
    assert (
        table2_format(lines_of("信息内容 本年新制作数量 本年新公开数量 对外公开总数量"))
        == "GOV2019"
    )


def test_table2_units_signs_and_glue() -> None:
    lines = lines_of(
        "第二十条第（五）项",
        "行政许可 396 +2 278",
        "其他对外管理服务事项 10 -1 105",
        "第二十条第（六）项",
        "行政处罚2648-18538",
        "行政强制 / / /",
        "第二十条第（九）项",
        "政府集中采购 6 251000元",
    )
    result = read_table2(lines, "GOV2019")
    assert result.cells["art20_5"]["licensing"] == {
        "prev_items": 396,
        "items_delta": 2,
        "decisions": 278,
    }
    assert result.cells["art20_5"]["other_services"]["items_delta"] == -1
    punishment = result.cells["art20_6"]["punishment"]
    assert punishment["prev_items"] == 2648
    assert (
        isinstance(punishment["items_delta"], Ambiguous)
        and -18 in punishment["items_delta"].candidates
    )
    assert result.cells["art20_6"]["coercion"]["decisions"] == "NA"
    assert result.cells["art20_9"]["procurement"] == {"projects": 6, "amount": 251000}


def test_a_hyphen_alone_in_a_text_row_is_an_na_mark_as_in_a_cell() -> None:
    # A row printed as text marks a cell that does not apply with "-" as a cell would; a
    # hyphen before a number is still its sign, and so is a sign word printed apart from it.
    lines = lines_of(
        "第二十条第（五）项",
        "行政许可 5 -2 12",
        "其他对外管理服务事项 6 减 3 20",
        "第二十条第（六）项",
        "行政处罚 8 0 - ",
        "行政强制 - -- 1",
    )
    cells = read_table2(lines, "GOV2019").cells
    assert cells["art20_5"]["licensing"] == {"prev_items": 5, "items_delta": -2, "decisions": 12}
    assert cells["art20_5"]["other_services"] == {
        "prev_items": 6, "items_delta": -3, "decisions": 20,
    }  # fmt: skip
    assert cells["art20_6"]["punishment"] == {"prev_items": 8, "items_delta": 0, "decisions": "NA"}
    assert cells["art20_6"]["coercion"] == {"prev_items": "NA", "items_delta": "NA", "decisions": 1}


def test_table2_changes_written_with_sign_words() -> None:
    # 本年增/减 as a report may write it: 减4 (down 4), 增加1 (up 1), in text, in cells, and
    # printed one cell per line.
    lines = lines_of(
        "第二十条第（五）项",
        "行政许可 6 减4 2",
        "其他对外管理服务事项 3 增加1 7",
    )
    cells = read_table2(lines, "GOV2019").cells["art20_5"]
    assert cells["licensing"] == {"prev_items": 6, "items_delta": -4, "decisions": 2}
    assert cells["other_services"] == {"prev_items": 3, "items_delta": 1, "decisions": 7}
    rows = lines_of("第二十条第（六）项", ["行政处罚", "20", "新增5", "11"])
    cells = read_table2(rows, "GOV2019").cells["art20_6"]
    assert cells["punishment"] == {"prev_items": 20, "items_delta": 5, "decisions": 11}
    one_per_line = lines_of(
        "第二十条第（五）项", "行政许可", "6", "减4", "2", "其他对外管理服务事项"
    )
    one_per_line += lines_of("0", "0", "0")
    joined = join_cell_lines(one_per_line, tpl.table2_width())
    cells = read_table2(joined, "GOV2019").cells["art20_5"]
    assert cells["licensing"] == {"prev_items": 6, "items_delta": -4, "decisions": 2}


def test_a_label_note_naming_other_rows_is_no_label() -> None:
    # Some provinces print each label with a note on what it counts, and a note may name other
    # rows (行政处罚 and 行政强制 below): the row is the label's, not the last name in its note.
    note = "（指许可以外的政务服务事项，含行政确认、行政处罚、行政强制等）"
    header = "第二十条第（五）项"
    for printed in (
        [header, "行政许可 7 1 30", f"其他对外管理服务事项{note} 12 0 44"],
        [header, ["行政许可", "7", "1", "30"], [f"其他对外管理服务事项{note}", "12", "0", "44"]],
    ):
        lines = lines_of(*printed, "第二十条第（六）项", "行政处罚 5 0 9", "行政强制 2 1 3")
        cells = read_table2(lines, "GOV2019").cells
        assert cells["art20_5"]["other_services"] == {
            "prev_items": 12, "items_delta": 0, "decisions": 44,
        }  # fmt: skip
        assert cells["art20_6"]["punishment"] == {"prev_items": 5, "items_delta": 0, "decisions": 9}
        assert cells["art20_6"]["coercion"] == {"prev_items": 2, "items_delta": 1, "decisions": 3}
    # A bracket a label leaves open, with values after it, hides no row printed after them.
    lines = lines_of("第二十条第（六）项", "行政处罚（含简易程序 5 0 9 行政强制 2 1 3")
    cells = read_table2(lines, "GOV2019").cells["art20_6"]
    assert cells["coercion"] == {"prev_items": 2, "items_delta": 1, "decisions": 3}


def test_table4_glued_split_by_group_totals() -> None:
    result = read_table4(
        lines_of("行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计10203120001200000")
    )
    assert result.cells["review"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 2,
        "pending": 0,
        "total": 3,
    }
    assert result.cells["lit_direct"]["total"] == 12


def test_table4_after_a_sentence_on_the_same_line() -> None:
    # A page run into one line prints a sentence between section 四's heading and the table; the
    # values glued right after the header are still the table's (they were lost before).
    result = read_table4(
        lines_of(
            "2024年，没有政府信息公开行政复议及行政诉讼情况。行政复议行政诉讼结果维持结果纠正"
            "其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计"
            "结果维持结果纠正其他结果尚未审结总计100010000000000"
        )
    )
    assert result.cells["review"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 0,
        "total": 1,
    }
    assert result.cells["lit_after_review"]["total"] == 0
    # A count in prose after the header words is no row of values.
    assert not read_table4(lines_of("2024年共发生行政复议总计3件。")).located


def test_table4_three_small_tables_and_prose_ignored() -> None:
    lines = lines_of(
        "本年度共发生行政复议案件 3 件。",
        ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        ["27", "10", "9", "15", "61"],
        ["3", "0", "0", "0", "3"],
        ["8", "0", "1", "1", "10"],
    )
    result = read_table4(lines)
    assert result.cells["review"]["total"] == 61
    assert result.cells["lit_after_review"]["pending"] == 1


def test_table4_missing_last_cell_is_blank() -> None:
    result = read_table4(lines_of(["0"] * 14))
    assert result.cells["lit_after_review"]["total"] is None
    assert result.cells["lit_after_review"]["pending"] == 0


def test_table4_row_with_a_spacer_column_is_not_shifted() -> None:
    # 2019 上海 table 4 (blank for zero) in a table with an empty first or last column
    values = ["5", "", "", "2", "7", "8", "", "", "1", "9", "", "", "", "", ""]
    for row in (["", *values], [*values, ""], ["", "", *values, ""]):
        result = read_table4(lines_of(row))
        assert result.cells["review"] == {
            "upheld": 5,
            "corrected": None,
            "other": None,
            "pending": 2,
            "total": 7,
        }, row
        assert result.cells["lit_direct"]["total"] == 9


def _one_cell_per_line(rows: list[str]) -> list[str]:
    """Rows of "label v v v" printed one cell per line, as pdftotext prints a table."""
    label_and_values = [row.rsplit(" ", 7) for row in rows]
    return [cell for row in label_and_values for cell in row]


def test_a_table_printed_one_cell_per_line_reads_as_its_rows() -> None:
    printed = _one_cell_per_line(table3_text({"granted": "3 1 0 0 0 0 4"}))
    result = read_table3(join_cell_lines(lines_of(*printed), 7), "split_other")
    assert result.located == 25
    assert result.cells["granted"]["commercial"] == 1 and result.cells["granted"]["total"] == 4
    # without the join, each value line is a row of its own: the table is not read
    assert read_table3(lines_of(*printed), "split_other").located < 25


def test_one_cell_per_line_without_its_blank_cells_is_ambiguous_not_shifted() -> None:
    # The blank cells of such a printing are not printed at all: 3, 1 and 4 can stand under
    # any columns whose sum holds, never simply the first three.
    printed = _one_cell_per_line(table3_text())
    at = printed.index(tpl.table3_rows("split_other")[2].label)  # （一）予以公开
    printed[at + 1 : at + 8] = ["3", "1", "4"]
    result = read_table3(join_cell_lines(lines_of(*printed), 7), "split_other")
    granted = result.cells["granted"]
    for column, value in (("natural_person", 3), ("commercial", 1), ("total", 4)):
        assert isinstance(granted[column], Ambiguous), column
        assert {value, None} <= set(granted[column].candidates), column
    assert result.cells["partial"]["total"] == 0  # the next row keeps its own values


def test_a_cell_padded_for_its_colspan_is_left_out() -> None:
    # A converter writes <td colspan=2>13</td> as "| 13 |  |": the row has a blank too many.
    vectors, _ = row_vectors(("cells", ["13", "13", "", "524"]), ["int"] * 3)
    assert vectors == [(13, 13, 524)]
    # Where more than one blank could be the extra one, every choice is kept, not the first n
    # cells: here the padding of the row's label opens it (2019 上海, blank totals).
    cells = ["", "258", "12", "", "", "1", "1", ""]
    vectors, warnings = row_vectors(("cells", cells), ["int"] * 7)
    assert (258, 12, None, None, 1, 1, None) in vectors
    assert len(vectors) > 1 and "every choice kept" in warnings[0]


def test_the_blanks_after_a_spanned_label_are_its_padding_when_the_row_ends_printed() -> None:
    # trafilatura writes <td colspan=3>一、本年新收…</td> as the label and two empty cells: with
    # the row's last cell printed (no pad at its end), those are the extra ones.
    cells = ["", "", "821", "35", "", "", "2", "1", "859"]
    vectors, warnings = row_vectors(("cells", cells), ["int"] * 7)
    assert vectors == [(821, 35, None, None, 2, 1, 859)] and not warnings


def test_separate_values_of_a_short_row_are_placed_not_split_into_digits() -> None:
    # "258 12 1 1" under 7 columns, blanks for zero not printed (2019 上海 as plain text): no
    # split of its digits satisfies the total, so it is read as a row without its blank cells.
    from disclosure_metrics.tables import _sum_ok

    tokens = ["258", "12", "1", "1"]
    vectors, warnings = row_vectors(("tokens", tokens), ["int"] * 7, _sum_ok, last_is_sum=True)
    assert (258, 12, None, None, 1, 1, None) in vectors
    assert (2, 5, 8, 1, 2, 1, 1) not in vectors
    assert all(v[-1] is None for v in vectors)  # no placement makes 1 the total of 272
    assert "without its blank cells" in warnings[0]
    # a lone short number is one value too; a glued run whose split holds is still split
    vectors, _ = row_vectors(("tokens", ["14"]), ["int"] * 7, _sum_ok, last_is_sum=True)
    assert (14, None, None, None, None, None, None) in vectors and (1, 4) not in vectors
    vectors, _ = row_vectors(("tokens", ["713000074"]), ["int"] * 7, _sum_ok, last_is_sum=True)
    assert vectors == [(71, 3, 0, 0, 0, 0, 74)]


def test_table4_without_its_blank_cells_keeps_the_placements_its_group_totals_allow() -> None:
    # 2019 上海 table 4 as plain text, blanks for zero not printed: 5 2 7 | 8 1 9 | (nothing)
    result = read_table4(lines_of("5 2 7 8 1 9"))
    truth = {
        "review": (5, None, None, 2, 7),
        "lit_direct": (8, None, None, 1, 9),
        "lit_after_review": (None,) * 5,
    }
    for group, values in truth.items():
        columns = ("upheld", "corrected", "other", "pending", "total")
        for column, value in zip(columns, values, strict=True):
            cell = result.cells[group][column]
            assert isinstance(cell, Ambiguous) and value in cell.candidates, (group, column)
    # no placement breaks a group total: 5 and 2 are never review's total
    assert 5 not in result.cells["review"]["total"].candidates


def test_a_header_total_followed_by_blank_cells_is_not_the_total_row() -> None:
    header = ["", "自然人", "法人或其他组织", "总计", "", "", "", "", "", ""]
    ones = ("new_received", "granted", "total_processed")
    rows = []
    for r in tpl.table3_rows("split_other"):
        value = "1" if r.key in ones else "0"
        rows.append([r.label, value, "0", "0", "0", "0", "0", value])
    result = read_table3(lines_of(header, *rows), "split_other")
    assert result.cells["total_processed"]["total"] == 1
    assert not [w for w in result.warnings if "not found" in w]


# --- failure classes seen on reports outside the corpus (issue 14) ---------------------------


def test_a_converted_row_with_fewer_cells_than_columns_is_ambiguous_not_shifted() -> None:
    # | 规章 | 22 | 235 | under three columns: which column was dropped is not printed.
    lines = lines_of(
        "第二十条第（一）项",
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "22", "235"],
        ["行政规范性文件", "5", "1", "40"],
    )
    result = read_table2(lines, "GOV2021")
    rules = result.cells["art20_1"]["rules"]
    assert all(isinstance(v, Ambiguous) for v in rules.values()), rules
    assert set(rules["made"].candidates) == {22, None}
    assert set(rules["repealed"].candidates) == {22, 235, None}
    assert set(rules["valid"].candidates) == {235, None}
    assert result.cells["art20_1"]["normative_docs"] == {"made": 5, "repealed": 1, "valid": 40}
    assert any("which column is missing" in w for w in result.warnings)


def test_short_row_placements_are_every_ordered_choice_of_columns() -> None:
    assert short_row_placements([7], 2) == [(7, None), (None, 7)]
    assert len(short_row_placements([1, 2], 4)) == 6  # 4 choose 2


def test_a_row_printed_with_empty_cells_is_found_blank_not_missing() -> None:
    lines = lines_of(
        "第二十条第（一）项",
        "规章",  # a PDF line: the label, and nothing printed in its cells
        ["行政规范性文件", "", "", ""],
        "第二十条第（五）项",
        "行政许可 3",
    )
    result = read_table2(lines, "GOV2021")
    assert result.cells["art20_1"]["rules"] == {"made": None, "repealed": None, "valid": None}
    assert result.cells["art20_1"]["normative_docs"]["valid"] is None
    assert not [w for w in result.warnings if "规章 not found" in w]
    assert any("规章 printed with blank cells" in w for w in result.warnings)
    assert any("行政处罚 not found" in w for w in result.warnings)  # truly absent: still said

    text = table3_text()
    text[4] = "1.属于国家秘密"  # label printed, values left empty
    t3 = read_table3(lines_of(*text), "split_other")
    assert t3.cells["denied.1"]["total"] is None
    assert any("国家秘密 printed with blank cells" in w for w in t3.warnings)
    assert not [w for w in t3.warnings if "not found" in w]


def test_a_wrapped_label_gets_the_values_printed_after_its_tail() -> None:
    text = table3_text()
    text[3] = "（二）部分公开（区分处理的，"
    text.insert(4, "只计这一情形，不计其他情形）5000005")  # glued, as a crawler prints it
    result = read_table3(lines_of(*text), "split_other")
    assert list(result.cells["partial"].values()) == [5, 0, 0, 0, 0, 0, 5]


def test_a_heading_glued_to_a_table_row_becomes_a_line_of_its_own() -> None:
    lines = lines_of(
        ["四、结转下年度继续办理", *(["0"] * 6), "0四、政府信息公开行政复议、行政诉讼情况"],
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 1五、政府信息公开工作存在的主要问题及改进情况",
    )
    assert [line.text for line in lines][1:] == [
        "四、政府信息公开行政复议、行政诉讼情况",
        "0 0 0 0 0 0 0 0 0 0 0 0 0 0 1",
        "五、政府信息公开工作存在的主要问题及改进情况",
    ]
    assert lines[0].cells[-1] == "0"


def test_led_token_pattern_matches_as_token() -> None:
    # TOKEN_LED is TOKEN rewritten for a faster scan: the same matches on any text.
    import random
    import re

    from disclosure_metrics.numbers import TOKEN, TOKEN_LED

    led = re.compile(TOKEN_LED)
    pieces = [*"0123456789+-/—－,. a_一年\n٣𝟑𐒡", "不适用", "不", "万元", "亿元", "元"]
    rng = random.Random(20261206)
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert [m.span() for m in led.finditer(text)] == [m.span() for m in TOKEN.finditer(text)]


def test_a_label_wrapped_round_its_values_is_read_when_no_line_holds_its_anchor() -> None:
    """A PDF's text layer prints a wrapped label's lines above and below its values, or its
    values after its middle line; no line holds the whole anchor (确认或重新出具 …)."""
    variant = "split_other"
    text = table3_text(variant=variant)
    rows = [r.key for r in tpl.table3_rows(variant)]
    # Each beside a row printed with blank cells (its label alone), so the values cannot be
    # handed out by their order between the rows that were found.
    at = rows.index("not_processed.4")
    text[at : at + 2] = [
        "4.无正当理由大量反复申请",
        "5.要求行政机关确认或",
        "1 0 0 0 0 0 1",
        "重新出具已获取信息",
    ]
    at = rows.index("other.1") + 2  # two lines further down now
    text[at : at + 2] = [
        "1.申请人无正当理由逾期不补",
        ["正、行政机关不再处理其政府", "3", "", "", "", "", "", "3"],
        "信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ]
    result = read_table3(lines_of(*text), variant)
    assert list(result.cells["not_processed.5"].values()) == [1, 0, 0, 0, 0, 0, 1]
    assert list(result.cells["other.1"].values()) == [3, None, None, None, None, None, 3]
    assert set(result.cells["not_processed.4"].values()) == {None}  # blank, as printed
    assert set(result.cells["other.2"].values()) == {None}


def test_a_label_ordinal_is_not_a_value() -> None:
    """``5.要求…`` on a line of its own: the 5 numbers the label, it is no cell of the row
    above (whose label was printed without values)."""
    variant = "split_other"
    text = table3_text(variant=variant)
    rows = [r.key for r in tpl.table3_rows(variant)]
    at = rows.index("not_processed.4")
    text[at : at + 2] = ["4.无正当理由大量反复申请", "5.要求行政机关确认或", "重新出具已获取信息"]
    result = read_table3(lines_of(*text), variant)
    assert set(result.cells["not_processed.4"].values()) == {None}
    assert not any("'5'" in warning for warning in result.warnings)


def test_table2_values_printed_apart_under_more_columns_are_not_only_cut_into_digits() -> None:
    """``行政规范性文件 9 95`` under three columns: 95 may be 9 and 5 glued, or 9 and 95 may
    stand apart with a blank cell unprinted; with no total to choose, both are kept."""
    lines = lines_of("第二十条第（一）项", "规章 0 0 5", "行政规范性文件 9 95")
    result = read_table2(lines, "GOV2021")
    docs = result.cells["art20_1"]["normative_docs"]
    assert isinstance(docs["valid"], Ambiguous) and {5, 95} <= set(docs["valid"].candidates)
    assert isinstance(docs["repealed"], Ambiguous) and None in docs["repealed"].candidates
    assert result.cells["art20_1"]["rules"] == {"made": 0, "repealed": 0, "valid": 5}


def test_a_table2_label_wrapped_round_its_values_is_read() -> None:
    lines = lines_of(
        "第二十条第（五）项",
        "行政许可 15 0 74",
        "其他对外管理服",
        "31 0 0",
        "务事项",
        "第二十条第（六）项",
    )
    result = read_table2(lines, "GOV2019")
    assert result.cells["art20_5"]["other_services"] == {
        "prev_items": 31,
        "items_delta": 0,
        "decisions": 0,
    }


def test_a_label_running_on_past_a_page_break_is_joined_with_its_lines() -> None:
    """A PDF row split by a page break: ``6.属于四类过`` with its values at the foot of a page,
    ``程性信`` / ``息`` at the top of the next; the row after it printed with blank cells."""
    variant = "split_other"
    text: list[str | list[str]] = list(table3_text(variant=variant))
    rows = [r.key for r in tpl.table3_rows(variant)]
    at = rows.index("denied.6")
    text[at : at + 2] = [
        ["6.属于四类过", "1", "", "", "", "", "", "1"],
        "程性信",
        "息",
        "7.属于行政执法案卷",
    ]
    result = read_table3(lines_of(*text), variant)
    assert list(result.cells["denied.6"].values()) == [1, None, None, None, None, None, 1]
    assert set(result.cells["denied.7"].values()) == {None}


def test_a_long_label_wrapped_beside_its_stub_is_read_by_each_lines_last_word() -> None:
    """A narrow Word cell wraps （六）'s first sub-row over eleven lines, its rowspan stub
    printed word by word beside it (其他处 人无正 / 理 当理由), its values on the first line.
    No line names the sub-row, nor decides the template's variant, on its own."""
    wrapped = "其他处 人无正|理 当理由|逾期不|补正、|行政机|关不再|处理其|政府信|息公开|申请"
    lines = lines_of(
        "（五）不予处理 5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0",
        "（六） 1.申请 2 0 0 0 0 0 2",
        *wrapped.split("|"),
        # the next sub-row wrapped too, and printed with blank cells
        "2.申请人逾期未",
        "按收费通",
        "知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他 0 0 0 0 0 0 0",
        "（七）总计 2 0 0 0 0 0 2",
    )
    assert table3_variant(lines) == "split_other"
    result = read_table3(lines, "split_other")
    assert list(result.cells["other.1"].values()) == [2, 0, 0, 0, 0, 0, 2]
    assert set(result.cells["other.2"].values()) == {None}


def test_a_heading_glued_to_a_value_splits_with_each_half_mapped_as_printed() -> None:
    # The halves keep the mapped text of the line they were cut from (for their quotes); it
    # must be what mapping each half afresh gives, also where a character expands (㈠).
    from disclosure_metrics.normalize import map_chars

    for raw in ("行政诉讼 0 ０五、存在的主要问题及改进情况", "㈠ 合计 3 0五、存在的主要问题"):
        doc = Document(path="glued.txt", source_format="txt", items=[TextLine(raw)])
        lines = build_lines(doc, traditional=False)
        assert len(lines) == 2
        assert lines[1].text.startswith("五、")
        assert "".join(line.raw or "" for line in lines) == raw
        for line in lines:
            assert line.mapped == map_chars(line.raw or "")
