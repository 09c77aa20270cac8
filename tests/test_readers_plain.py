from __future__ import annotations

from disclosure_metrics.document import Table, TextLine
from disclosure_metrics.readers.plain import read_lines


def _read(text: str) -> list[TextLine | Table]:
    items: list[TextLine | Table] = []
    read_lines(text, items)
    return items


def test_spaces_are_kept_and_tab_rows_are_cells() -> None:
    items = _read("规章   0      0\n\n规范性文件\t5\t\t5\n")
    assert isinstance(items[0], TextLine) and items[0].text == "规章   0      0"
    assert isinstance(items[1], Table)
    assert [c.text for c in items[1].rows[0]] == ["规范性文件", "5", "", "5"]


def test_a_drawn_table_keeps_its_blank_cells() -> None:
    drawn = [
        "┌────┬───┬───┐",
        "│ 规章 │ 0 │   │",
        "├────┼───┼───┤",
        "│ 其他 │   │ 2 │",
        "└────┴───┴───┘",
    ]
    items = _read("\n".join(drawn))
    [table] = items
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [["规章", "0", ""], ["其他", "", "2"]]


def test_items_are_appended_after_what_is_there() -> None:
    items: list[TextLine | Table] = [TextLine("前")]
    read_lines("后", items)
    assert [i.text for i in items if isinstance(i, TextLine)] == ["前", "后"]


def test_rows_that_end_each_cell_with_a_pipe_are_a_table() -> None:
    # trafilatura's text before 2.0: " | " after every cell, the positions a span covers as
    # bare pipes at the row's end, no separator row; a cell's paragraph break is a line break,
    # so a row with blank cells goes on over lines that open with "|".
    text = "第二十条第（一）项 | |||\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
    text += "规章 | 0 | 0 | 0 |\n行政规范性文件 | 5 |\n| 25 |\n正文 | 一句\n"
    items: list[TextLine | Table] = []
    read_lines(text, items)
    table = items[0]
    assert isinstance(table, Table) and table.blanks_unprinted
    assert [[c.text for c in row] for row in table.rows] == [
        ["第二十条第（一）项", "", "", ""],
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "5", "", "25"],
    ]
    # a line that does not end with its pipe is running text
    assert isinstance(items[1], TextLine) and items[1].text == "正文 | 一句"
    # one such line alone is no table
    alone: list[TextLine | Table] = []
    read_lines("首页 | 政务公开 |\n正文\n", alone)
    assert all(isinstance(item, TextLine) for item in alone)
