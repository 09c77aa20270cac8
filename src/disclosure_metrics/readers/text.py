"""Plain-text reader: crawler page dumps, converter Markdown, tab-separated Word copies.

Encoding: a BOM wins; otherwise UTF-8, then GB18030 (a superset of GBK/GB2312), then
charset-normalizer's best guess. A few bad bytes (a stray byte, a download cut inside its last
character) do not refuse the report: in an encoding that reads all the rest, they become U+FFFD
and the report warns with their count; only text that is mostly undecodable is refused.

Lines with tabs and Markdown pipe rows become table rows; everything else stays a text line
(space-separated tables are read from the text itself).

Example::

    >>> doc = read("r.md", "| 规章 | 0 | 0 | 0 |\\n|---|---|---|---|\\n正文".encode())
    >>> [c.text for c in doc.items[0].rows[0]], doc.items[1].text
    (['规章', '0', '0', '0'], '正文')
"""

from __future__ import annotations

import codecs
import re

from ..document import Cell, Document, Table, TextLine
from ..errors import ReportError
from ..normalize import CJK_CHAR, join_wrapped

_DASHES = re.compile(r":?-{3,}:?")
_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# One printed value: a number with its sign, thousands and decimals; a line of it alone.
_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")
_ONE_VALUE = re.compile(rf"\s*{_NUMBER.pattern}\s*")
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
_CELL_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _markdown_cells(line: str) -> list[Cell]:
    """The cells of a Markdown table row. A ``<br>`` in a cell is a wrapped line (a space),
    but between numbers only it parts two cells that a converter merged (pymupdf4llm).

    >>> [c.text for c in _markdown_cells("| 1.申请人…其政府<br>信息公开申请 | 0<br/>7 | 5 |")]
    ['1.申请人…其政府 信息公开申请', '0', '7', '5']
    """
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    parts = [part.strip() for part in inner.split("|")]
    if "<" not in inner:
        return [Cell(part) for part in parts]
    cells = []
    for part in parts:
        pieces = [piece.strip() for piece in _CELL_BREAK.split(part)]
        if len(pieces) > 1 and all(_NUMBER.fullmatch(piece) for piece in pieces):
            cells.extend(Cell(piece) for piece in pieces)
        else:
            cells.append(Cell(" ".join(piece for piece in pieces if piece)))
    return cells


def _bare_pipe_rows(lines: list[str]) -> frozenset[int]:
    """The lines of Markdown tables written without their outer pipes (``规章 | 0 | 5`` over
    ``---|---|---``, as html2text writes them): every line holding a ``|`` in a block of
    non-empty lines that holds a separator row. html2text writes a one-cell row (a caption,
    第二十条第（五）项) with no pipe, and the separator under a one-cell header as ``---``.

    >>> sorted(_bare_pipe_rows(["表", "项目 | 数量", "---|---", "规章 | 5", "a|b"]))
    [1, 2, 3, 4]
    >>> sorted(_bare_pipe_rows(["甲 | 乙", "正文"]))
    []
    >>> sorted(_bare_pipe_rows(["第二十条第（一）项", "---", "信息内容| 数量", "规章| 5",
    ...                         "第二十条第（五）项", "行政许可| 5", "", "正文|"]))
    [2, 3, 5]
    """
    rows: set[int] = set()
    block: list[int] = []
    piped: list[int] = []  # the block's lines holding a "|"
    for index, line in enumerate([*lines, ""]):
        if line and not line.isspace():
            block.append(index)
            if "|" in line:
                piped.append(index)
            continue
        if piped and any(
            _MD_SEPARATOR.match(lines[k].strip()) or _DASHES.fullmatch(lines[k].strip())
            for k in block
        ):
            rows.update(piped)
        block, piped = [], []
    return frozenset(rows)


_BLANK_THEN_VALUE = re.compile(r"\n[ \t]*\r?\n[ \t]*[+-]?\d[\d,.]*[ \t]*\r?(?:\n|$)")
# A grid's border at the start of a line.
_GRID_BORDER = re.compile(r"^\s*\+-", re.MULTILINE)


def _may_draw(text: str) -> bool:
    """Whether ``text`` may hold a drawn table: a box's top corner, or a grid's border (by
    substring tests first: a regex tried at every line start costs more than the read)."""
    return any(corner in text for corner in "┌┏╒╓╔") or (
        "+-" in text and _GRID_BORDER.search(text) is not None
    )


def cell_per_line_rows(lines: list[str]) -> dict[int, tuple[int, list[str]]]:
    """Rows of a table written one cell per line with its blank cells as empty lines (Word's
    or LibreOffice's plain-text export): a label line, then lines that each hold one value
    or nothing. Per label line: where the row ends and its cells. Only a run with an empty
    line between its values counts (without one, nothing is lost when empty lines are
    dropped); empty lines after its last value are no cells of it.

    A text that puts an empty line after every cell (lynx's ``-dump``: no two values on
    adjacent lines anywhere) separates its cells with one empty line, and a blank cell is
    one more, also after a row's last value.

    >>> cell_per_line_rows(["（一）予以公开", "18", "3", "", "1", "2", "1", "25", "", "下一段"])
    {0: (8, ['（一）予以公开', '18', '3', '', '1', '2', '1', '25'])}
    >>> cell_per_line_rows(["规章", "0", "0", "0", "", "正文"])
    {}
    >>> cell_per_line_rows(["（一）予以公开", "", "18", "", "", "1", "", "25", "", "", "下一段"])
    {0: (8, ['（一）予以公开', '18', '', '1', '25', ''])}
    """
    from .. import templates as tpl

    headers = set(tpl.table4_header_words())
    # Per run: its label line, where its values end, the empty lines before each value, and
    # the empty lines after the last one when a line follows them.
    runs: list[tuple[int, int, list[int], int]] = []
    index = 0
    while index < len(lines):
        label = lines[index].strip()
        end = index + 1
        gaps: list[int] = []
        empty = 0
        while end < len(lines) and (not lines[end].strip() or _ONE_VALUE.fullmatch(lines[end])):
            if lines[end].strip():
                gaps.append(empty)
                empty = 0
            else:
                empty += 1
            end += 1
        if (
            CJK_CHAR.search(label)
            and label not in headers
            and not _ONE_VALUE.search(label[-1:] or " ")
            and "。" not in label
            and gaps
        ):
            runs.append((index, end - empty, gaps, empty if end < len(lines) else 0))
            index = end - empty
            continue
        index += 1
    many = [gaps for _start, _end, gaps, _after in runs if len(gaps) >= 2]
    spaced = bool(many) and all(gap >= 1 for gaps in many for gap in gaps)
    rows: dict[int, tuple[int, list[str]]] = {}
    for start, end, gaps, after in runs:
        if len(gaps) < 2 and not spaced:
            continue
        values = [line.strip() for line in lines[start + 1 : end] if line.strip()]
        cells: list[str] = []
        for gap, value in zip(gaps, values, strict=True):
            cells.extend([""] * (gap - 1 if spaced else gap))
            cells.append(value)
        if spaced:
            cells.extend([""] * max(after - 1, 0))  # blank cells after the last value
        if "" in cells:
            rows[start] = (end, [lines[start].strip(), *cells])
    return rows


# Tables drawn with lines (w3m -dump, a terminal's copy, tabulate's and pandoc's grids): box
# characters or an ASCII grid (+---+) frame the cells, and a row whose text wraps spans several
# lines between two borders.
_BOX_VERTICALS = "│┃║"
# Junctions with a vertical stroke: on a line of text they stand between cells too.
_BOX_SEPARATORS = re.compile(f"[{_BOX_VERTICALS}├┤┼╋┠┨┣┫╟╢╠╣╞╡╪╫╬┝┥]")
_BOX_RULES = "─━═┄┅┈┉╌╍┬┴┯┷┰┸┳┻╤╧╥╨╦╩┌┐└┘┏┓┗┛╒╕╘╛╓╖╙╜╔╗╚╝"
# A piece of a line that is a border, not a cell's text.
_RULE_PIECE = re.compile(rf"[\s{_BOX_RULES}]*[{_BOX_RULES}][\s{_BOX_RULES}]*")
_BOX_TOP = re.compile(r"^\s*[┌┏╒╓╔]")
_GRID_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
# A piece of a grid's line that is a border under some cells (``+------+------+``).
_GRID_PIECE = re.compile(r"\s*[-=+:]*[-=]{2,}[-=+:]*\s*")


def _box_cells(line: str, grid: bool) -> list[str] | None:
    """The cells of one line of a drawn table, or None for a border line. A line whose last
    cell is a border (the text of a cell spanning rows beside a border under the next cell)
    is a border too."""
    if grid:
        if _GRID_RULE.match(line):
            return None
        pieces, rule = line.split("|"), _GRID_PIECE
    else:
        pieces, rule = _BOX_SEPARATORS.split(line), _RULE_PIECE
    if len(pieces) < 2:
        return None
    if not pieces[0].strip():
        pieces = pieces[1:]
    if pieces and not pieces[-1].strip():
        pieces = pieces[:-1]
    if not pieces or rule.fullmatch(pieces[-1]):
        return None
    return ["" if rule.fullmatch(piece) else piece.strip() for piece in pieces]


def _band_rows(band: list[list[str]]) -> list[list[str]]:
    """The lines between two borders as one row, each cell's pieces joined top to bottom; as
    they are when they do not line up (a header's levels) or hold more than one row (a
    number in one column on two lines: a table without borders between its rows)."""
    if len(band) < 2 or len({len(cells) for cells in band}) != 1:
        return band
    for column in zip(*band, strict=True):
        if sum(1 for text in column if _NUMBER.fullmatch(text)) > 1:
            return band
    return [[join_wrapped(list(column)) for column in zip(*band, strict=True)]]


def drawn_table_rows(lines: list[str]) -> dict[int, tuple[int, list[list[str]]]]:
    """Tables drawn with box characters (``┌─┬─┐`` / ``│ a │ b │``) or as an ASCII grid
    (``+---+`` / ``| a | b |``): per first line of a table, where it ends and its rows, each
    row the lines between two borders joined (a label wrapped in its cell). Blank cells stay
    in place: the borders mark every cell.

    >>> table = ["┌────┬──┐", "│ 1.本机关不掌│ 7│", "│ 握相关信息  │  │", "├────┼──┤",
    ...          "│ 2.重复申请  │ 0│", "└────┴──┘", "正文"]
    >>> drawn_table_rows(table)
    {0: (6, [['1.本机关不掌握相关信息', '7'], ['2.重复申请', '0']])}
    """
    tables: dict[int, tuple[int, list[list[str]]]] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        grid = bool(_GRID_RULE.match(line))
        if not grid and not _BOX_TOP.match(line):
            index += 1
            continue
        start = index
        rows: list[list[str]] = []
        band: list[list[str]] = []
        index += 1
        while index < len(lines):
            line = lines[index]
            if grid:
                inside = bool(_GRID_RULE.match(line)) or line.lstrip().startswith("|")
            else:
                inside = bool(_BOX_SEPARATORS.search(line) or _RULE_PIECE.fullmatch(line))
            if not inside or not line.strip():
                break
            cells = _box_cells(line, grid)
            if cells is None:
                rows.extend(_band_rows(band))
                band = []
            else:
                band.append(cells)
            index += 1
        rows.extend(_band_rows(band))
        if rows:
            tables[start] = (index, rows)
    return tables


# An HTML table inside a text (Markdown from Pandoc's gfm, MinerU or marker writes a table
# with merged cells as HTML): from "<table" to the first "</table>" after it.
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
            _read_lines(text[start:table_start], items)
            markup = text[table_start:table_end].encode("utf-8")
            items.extend(
                item
                for item in read_html(path, markup, ocr="never").items
                if isinstance(item, TextLine | Table)
            )
            start = table_end
    _read_lines(text[start:], items)
    warnings = [f"{bad} undecodable byte(s) replaced with U+FFFD ({encoding})"] if bad else []
    return Document(
        path=path, source_format="text", items=items, encoding=encoding, warnings=warnings
    )


def _read_lines(text: str, items: list[TextLine | Table]) -> None:
    """Append the lines and tables of plain ``text`` to ``items``."""
    table: Table | None = None
    raw_lines = text.splitlines()
    bare_rows = _bare_pipe_rows(raw_lines) if "|" in text else frozenset()
    # Only a text with an empty line before a line of one value can hold such rows.
    cell_rows = cell_per_line_rows(raw_lines) if _BLANK_THEN_VALUE.search(text) else {}
    drawn = drawn_table_rows(raw_lines) if _may_draw(text) else {}
    skip_to = 0
    for index, raw_line in enumerate(raw_lines):
        if index < skip_to:
            continue
        if index in drawn:
            skip_to, rows = drawn[index]
            table = Table(rows=[[Cell(cell) for cell in row] for row in rows])
            items.append(table)
            table = None
            continue
        if index in cell_rows:
            skip_to, cells = cell_rows[index]
            if table is None:
                table = Table(rows=[])
                items.append(table)
            table.rows.append([Cell(cell) for cell in cells])
            continue
        line = raw_line.rstrip()
        stripped = line.strip()
        if (stripped.startswith("|") and stripped.count("|") >= 2) or index in bare_rows:
            if _MD_SEPARATOR.match(stripped):
                continue
            row = _markdown_cells(stripped)
        elif "\t" in line:
            row = [Cell(part.strip()) for part in line.split("\t")]
        else:
            table = None
            if stripped:
                items.append(TextLine(stripped))
            continue
        if table is None:
            table = Table(rows=[])
            items.append(table)
        table.rows.append(row)
