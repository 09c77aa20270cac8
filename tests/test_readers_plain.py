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


def test_a_table_of_piped_cells_one_per_line_is_its_text() -> None:
    # Crawlers write a table whose cells are paragraphs one cell per line, each ended with a
    # pipe, the positions a span covers as lines of pipes (and some open each row with "|"):
    # the cells are read as a table printed one cell per line, without the pipes.
    text = "第二十条第（五）项 |\n|||\n信息内容 |\n本年处理决定数量 |\n||\n|\n行政许可 |\n"
    text += "12 |\n||\n正文 |\n"
    assert [(type(i).__name__, i.text) for i in _read(text) if isinstance(i, TextLine)] == [
        ("TextLine", "第二十条第（五）项"),
        ("TextLine", "信息内容"),
        ("TextLine", "本年处理决定数量"),
        ("TextLine", "行政许可"),
        ("TextLine", "12"),
        ("TextLine", "正文"),
    ]
    assert not [i for i in _read(text) if isinstance(i, Table)]
    # lines ended with a pipe and no value among them are left as they are
    assert [i.text for i in _read("首页 |\n政务公开 |\n") if isinstance(i, TextLine)] == [
        "首页 |",
        "政务公开 |",
    ]


def test_a_row_opened_by_a_blank_cell_is_a_row_of_its_own() -> None:
    # The group label a row span covers, printed as a blank cell that opens the row.
    text = "三、本年度办理结果 | （一）予以公开 | | 3 |\n| （二）部分公开 | | 0 |\n"
    text += "| （三）不予公开 | 1.属于国家秘密 | 0 |\n"
    [table] = _read(text)
    assert isinstance(table, Table)
    assert [[c.text for c in row] for row in table.rows] == [
        ["三、本年度办理结果", "（一）予以公开", "", "3"],
        ["", "（二）部分公开", "", "0"],
        ["", "（三）不予公开", "1.属于国家秘密", "0"],
    ]


def test_a_bare_pipe_between_a_label_and_its_value_is_a_blank_cell() -> None:
    # Some crawlers print each cell of a row on its own line, a blank one as a bare pipe, and
    # pad the row's end with a line of pipes: the blanks keep each value in its column.
    text = "一、本年新收政府信息公开申请数量 |\n|\n|\n|\n|\n|\n|\n4 |\n||\n"
    text += "二、上年结转政府信息公开申请数量 |\n1 |\n|\n|\n|\n|\n|\n1 |\n||\n正文\n"
    rows = [[c.text for c in row] for i in _read(text) if isinstance(i, Table) for row in i.rows]
    assert rows == [
        ["一、本年新收政府信息公开申请数量", "", "", "", "", "", "", "4"],
        ["二、上年结转政府信息公开申请数量", "1", "", "", "", "", "", "1"],
    ]
    # A bare pipe that opens the table (and each row) marks a row: it is no blank cell.
    items = _read("|\n结果维持 |\n总计 |\n|\n27 |\n27 |\n")
    assert not [i for i in items if isinstance(i, Table)]
    assert [i.text for i in items] == ["结果维持", "总计", "27", "27"]


def test_cells_ended_with_a_pipe_amid_the_page_sources_blank_lines() -> None:
    # A crawler that keeps the whitespace around each cell: the row's cells come apart by
    # lines of spaces, and each row opens with a bare pipe.
    text = "| \n       第二十条  第(五)项  | \n    |||\n| \n       行政许可  | \n      \n"
    text += "       5  | \n    ||\n| \n       行政处罚  | \n      \n       2  | \n    ||\n正文\n"
    assert [i.text for i in _read(text) if isinstance(i, TextLine)] == [
        "第二十条  第(五)项",
        "行政许可",
        "5",
        "行政处罚",
        "2",
        "正文",
    ]


def test_cells_parted_by_pipes_alone_are_a_table_without_a_separator_row() -> None:
    items = _read(
        "二、主动公开政府信息情况\n信息内容 | 本年制发件数 | 本年废止件数\n"
        "规章 | 0 | 0\n行政规范性文件 | 2 | 1\n\n全年未收到申请 | 行政复议0件。"
    )
    assert isinstance(items[0], TextLine) and isinstance(items[1], Table)
    assert [[c.text for c in row] for row in items[1].rows][1:] == [
        ["规章", "0", "0"],
        ["行政规范性文件", "2", "1"],
    ]
    # A line of prose with pipes, alone in its block, stays text.
    assert isinstance(items[-1], TextLine)
