"""Plain-text reader: crawler page dumps, converter Markdown, tab-separated Word copies.

Encoding: a BOM wins; otherwise UTF-8, then GB18030 (a superset of GBK/GB2312), then
charset-normalizer's best guess. A few bad bytes (a stray byte, a download cut inside its last
character) do not refuse the report: in an encoding that reads all the rest, they become U+FFFD
and the report warns with their count; only text that is mostly undecodable is refused.

Its lines and tables are read by :mod:`.plain`; HTML tables inside Markdown (Pandoc's gfm,
PDF-to-Markdown tools) by the HTML reader.

Example::

    >>> doc = read("r.md", "| 规章 | 0 | 0 | 0 |\\n|---|---|---|---|\\n正文".encode())
    >>> [c.text for c in doc.items[0].rows[0]], doc.items[1].text
    (['规章', '0', '0', '0'], '正文')
"""

from __future__ import annotations

import codecs
import re

from ..document import Document, Table, TextLine
from ..errors import ReportError
from .plain import read_lines

# More than this share of control bytes means the file is binary, not text.
_MAX_CONTROL_SHARE = 0.02


#: Bad bytes tolerated per 1 000 bytes (and at least this many in a short file): more means
#: the encoding guess is wrong, not that a few bytes were damaged.
_BAD_PER_MILLE = 2
_BAD_MIN = 8


def decode(path: str, data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding used (see :func:`decode_counted`)."""
    text, encoding, _bad = decode_counted(path, data)
    return text, encoding


def decode_counted(path: str, data: bytes) -> tuple[str, str, int]:
    """Bytes to text, the encoding used, and how many undecodable bytes became U+FFFD.

    >>> decode_counted("r.txt", "一、总体情况".encode() + bytes([255]))[1:]
    ('utf-8', 1)
    >>> decode_counted("r.txt", "一、总体情况".encode()[:-1])[1:]  # cut inside a character
    ('utf-8', 1)
    """
    text, encoding, bad, _strict = _decode(path, data)
    return text, encoding, bad


def _decode(path: str, data: bytes) -> tuple[str, str, int, bool]:
    """:func:`decode_counted`, and whether ``data`` decoded strictly as UTF-8 or GB18030."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            text = data.decode(encoding, errors="replace")
            return text, encoding, text.count("\ufffd"), False
    allowed = max(_BAD_MIN, len(data) * _BAD_PER_MILLE // 1000)
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding, 0, True
        except UnicodeDecodeError:
            pass
        # Strict decoding failed: a few bad bytes in otherwise good text are replaced.
        text = data.decode(encoding, errors="replace")
        bad = text.count("\ufffd") - data.count("\ufffd".encode(encoding))
        if bad <= allowed:
            return text, encoding, bad, False
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReportError(
            path,
            "binary",
            "文件不是文本（无法识别编码）",
            "the file is not text (no encoding fits)",
        )
    return str(best), best.encoding, 0, False


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20)])


def _check_text(path: str, text: str, strict_data: bytes | None = None) -> None:
    """Refuse a binary file. ``strict_data``: the bytes, when they decoded strictly as UTF-8 or
    GB18030; in both a byte below 0x80 is always a character of its own (never part of a
    longer one), so the control characters are counted in the bytes, a C pass, instead of by
    a regex test of every character."""
    if strict_data is not None:
        controls = len(strict_data) - len(strict_data.translate(None, _CONTROL_BYTES))
    else:
        controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * max(len(text), 1) or text.count("\ufffd") > 0.05 * len(text):
        raise ReportError(
            path,
            "binary",
            "文件不是文本（含大量控制字符）",
            "the file is not text (mostly control bytes)",
        )


# A line break inside a Markdown table cell (GitHub Markdown, pymupdf4llm): a space.
_TABLE_OPEN = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_CLOSE = re.compile(r"</table\s*>", re.IGNORECASE)


def _html_tables(text: str) -> list[tuple[int, int]]:
    """The spans of the HTML tables in ``text``, in one pass (an unclosed ``<table`` ends the
    search: a regex from each opening to a missing end would rescan the rest every time).

    >>> _html_tables("a<table><tr><td>1</td></tr></table>b<TABLE>c")
    [(1, 35)]
    """
    spans = []
    position = 0
    while (opening := _TABLE_OPEN.search(text, position)) is not None:
        closing = _TABLE_CLOSE.search(text, opening.end())
        if closing is None:
            break
        spans.append((opening.start(), closing.end()))
        position = closing.end()
    return spans


def read(path: str, data: bytes) -> Document:
    """Read a text report into lines and tables.

    >>> doc = read("r.md", "正文\\n<table><tr><td>规章</td><td>0</td></tr></table>\\n完".encode())
    >>> [type(i).__name__ for i in doc.items], [c.text for c in doc.items[1].rows[0]]
    (['TextLine', 'Table', 'TextLine'], ['规章', '0'])
    """
    text, encoding, bad, strict = _decode(path, data)
    _check_text(path, text, data if strict else None)
    items: list[TextLine | Table] = []
    start = 0
    if "<table" in text or "<TABLE" in text:
        from .html import read as read_html

        for table_start, table_end in _html_tables(text):
            read_lines(text[start:table_start], items)
            markup = text[table_start:table_end].encode("utf-8")
            items.extend(
                item
                for item in read_html(path, markup, ocr="never").items
                if isinstance(item, TextLine | Table)
            )
            start = table_end
    read_lines(text[start:], items)
    warnings = [f"{bad} undecodable byte(s) replaced with U+FFFD ({encoding})"] if bad else []
    return Document(
        path=path, source_format="text", items=items, encoding=encoding, warnings=warnings
    )
