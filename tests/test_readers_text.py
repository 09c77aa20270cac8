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
