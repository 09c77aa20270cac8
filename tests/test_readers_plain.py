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
