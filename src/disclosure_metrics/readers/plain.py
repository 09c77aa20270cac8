"""Plain text into lines and tables: the tables a text prints as text.

Lines with tabs and Markdown pipe rows (with or without outer pipes) become table rows; a table
drawn with box characters or as an ASCII grid, and a table printed one cell per line with empty
lines for blank cells, become rows too; everything else stays a text line, its spaces kept
(space-separated tables are read from the text itself). Used by the text reader and, for a
``<pre>`` block, by the HTML reader.

Example::

    >>> items = []
    >>> read_lines("| 规章 | 0 | 0 | 0 |\\n|---|---|---|---|\\n正文", items)
    >>> [c.text for c in items[0].rows[0]], items[1].text
    (['规章', '0', '0', '0'], '正文')
"""

from __future__ import annotations

import re

from ..document import Cell, Table, TextLine
from ..normalize import CJK_CHAR, join_wrapped

_DASHES = re.compile(r":?-{3,}:?")
_MD_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
# One printed value: a number with its sign, thousands and decimals; a line of it alone.
_NUMBER = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")
_ONE_VALUE = re.compile(rf"\s*{_NUMBER.pattern}\s*")

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


#: Lines of three cells or more parted by pipes alone (``规章 | 0 | 5``, no outer pipe) that
#: make a block of lines a table with no separator row: cells joined by `` | `` as some
#: crawlers and copies write a table.
MIN_BARE_ROWS = 3


def _inner_pipes_only(line: str) -> bool:
    """Whether ``line`` parts three cells or more by pipes, with none at either end."""
    stripped = line.strip()
    return stripped.count("|") >= 2 and not stripped.startswith("|") and not stripped.endswith("|")


def _bare_pipe_rows(lines: list[str]) -> frozenset[int]:
    """The lines of Markdown tables written without their outer pipes (``规章 | 0 | 5`` over
    ``---|---|---``, as html2text writes them): every line holding a ``|`` in a block of
    non-empty lines that holds a separator row, or :data:`MIN_BARE_ROWS` lines of three cells
    parted by pipes alone. html2text writes a one-cell row (a caption, 第二十条第（五）项) with
    no pipe, and the separator under a one-cell header as ``---``.

    >>> sorted(_bare_pipe_rows(["表", "项目 | 数量", "---|---", "规章 | 5", "a|b"]))
    [1, 2, 3, 4]
    >>> sorted(_bare_pipe_rows(["甲 | 乙", "正文"]))
    []
    >>> sorted(_bare_pipe_rows(["表", "规章 | 0 | 5", "规范性文件 | 1 | 2", "行政许可 | 3 | 4"]))
    [1, 2, 3]
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
        if piped and (
            any(
                _MD_SEPARATOR.match(lines[k].strip()) or _DASHES.fullmatch(lines[k].strip())
                for k in block
            )
            or sum(map(_inner_pipes_only, (lines[k] for k in piped))) >= MIN_BARE_ROWS
        ):
            rows.update(piped)
        block, piped = [], []
    return frozenset(rows)


def cell_ended_rows(
    lines: list[str],
) -> tuple[
    dict[int, tuple[int, list[str]]], dict[int, tuple[int, str]], dict[int, tuple[int, list[str]]]
]:
    """Rows of trafilatura's text before 2.0 (and of crawlers that write tables the same way),
    which ends every cell with `` | `` and writes no separator row (``规章 | 0 | 0 | 0 |``, a
    position a span covers as a bare ``|`` at the row's end), and writes a cell's paragraph
    break as a line break, so a row may go on over lines that open with ``|``
    (``… | 821 | 35 |`` / ``|`` / ``| 2 | 1 | 859 | ||``). A line that opens with ``|`` and
    holds a label (``| （二）部分公开 | | 0 |``) is a row of its own whose first cell is blank:
    the group label a span covers.

    Per row's first line: where the row ends and its cells. A block of lines needs two rows
    of two cells or more; a one-cell row (``第二十条第（一）项 |``) is one of its rows.

    A block that never holds two filled cells on a row is a table printed one cell per line
    (``规章 |`` / ``0 |`` / ``0 |``, each cell a paragraph; its pads as lines of pipes): those
    are given apart, per line, as the cell's text (a row's first cell is never blank: a line
    opens with it or with a label), and the table is read
    as any other printed one cell per line. It needs two lines, one of them a value. There a
    line of one pipe between a label and a value of its row is a blank cell (``申请数量 |`` /
    ``|`` / ``0 |``), where lines of several pipes are pads: such a row is given whole, per
    label line, its blank cells printed (blanks after its last value are left unprinted).

    >>> cell_ended_rows(["表 |", "规章 | 0 | 5 |", "其他 | 1 |", "|", "| 2 |", "正文"])[0]
    {0: (1, ['表']), 1: (2, ['规章', '0', '5']), 2: (5, ['其他', '1', '', '', '2'])}
    >>> cell_ended_rows(["三、结果 | （一）予以公开 | 1 |", "| （二）部分公开 | | 0 |"])[0]
    {0: (1, ['三、结果', '（一）予以公开', '1']), 1: (2, ['', '（二）部分公开', '', '0'])}
    >>> cell_ended_rows(["规章 |", "||", "0 |", "5 | |", "正文"])[1]
    {0: (2, '规章'), 2: (3, '0'), 3: (4, '5')}
    >>> cell_ended_rows(["新收 |", "|", "|", "0 |", "||", "结转 |", "0 |", "|", "正文"])[2]
    {0: (4, ['新收', '', '', '0'])}
    >>> cell_ended_rows(["首页 | 政务公开 |", "正文"])
    ({}, {}, {})
    """
    # Lines of spaces between a row's cells are the page source's layout (a crawler that keeps
    # the whitespace around each cell, | / 规章 | / (blank) / 0 | …): the rows are read from
    # the other lines, and given by the lines they span in ``lines``.
    kept = [i for i, line in enumerate(lines) if line.strip()]
    if len(kept) == len(lines):
        return _cell_ended_rows(lines)
    dense_rows, dense_texts, dense_blanked = _cell_ended_rows([lines[i] for i in kept])

    def span(start: int, end: int) -> tuple[int, int]:
        return kept[start], kept[end - 1] + 1

    return (
        {span(a, b)[0]: (span(a, b)[1], cells) for a, (b, cells) in dense_rows.items()},
        {span(a, b)[0]: (span(a, b)[1], text) for a, (b, text) in dense_texts.items()},
        {span(a, b)[0]: (span(a, b)[1], cells) for a, (b, cells) in dense_blanked.items()},
    )


def _cell_ended_rows(
    lines: list[str],
) -> tuple[
    dict[int, tuple[int, list[str]]], dict[int, tuple[int, str]], dict[int, tuple[int, list[str]]]
]:
    """:func:`cell_ended_rows` of lines that hold no line of spaces only."""
    rows: dict[int, tuple[int, list[str]]] = {}
    texts: dict[int, tuple[int, str]] = {}
    blanked: dict[int, tuple[int, list[str]]] = {}
    index = 0
    while index < len(lines):
        if not _opens_cell_ended_row(lines[index]):
            index += 1
            continue
        block: dict[int, tuple[int, list[str]]] = {}
        while index < len(lines) and (
            _opens_cell_ended_row(lines[index]) or _opens_labelled_row(lines[index])
        ):
            start, text = index, lines[index].strip()
            index += 1
            while (
                index < len(lines)
                and lines[index].lstrip().startswith("|")
                and not _opens_labelled_row(lines[index])
            ):
                text += lines[index].strip()  # the row goes on after a cell's line break
                index += 1
            block[start] = (index, [cell.strip() for cell in text[:-1].split("|")])
        filled = {start: [c for c in cells if c] for start, (_end, cells) in block.items()}
        if all(len(cells) <= 1 for cells in filled.values()):
            if len(block) >= 2 and any(
                cells and _ONE_VALUE.fullmatch(cells[0]) for cells in filled.values()
            ):
                first = min(block)
                with_blanks = _rows_with_blank_cells(
                    lines, first, max(e for e, _c in block.values())
                )
                blanked.update(with_blanks)
                covered = {i for start, (end, _c) in with_blanks.items() for i in range(start, end)}
                for start, (end, _cells) in block.items():
                    if start not in covered:
                        texts[start] = (end, filled[start][0])
        elif sum(len(cells) >= 2 for _end, cells in block.values()) >= 2:
            rows.update(block)
    return rows, texts, blanked


def _rows_with_blank_cells(
    lines: list[str], start: int, end: int
) -> dict[int, tuple[int, list[str]]]:
    """The rows of ``lines[start:end]`` (one cell per line, each ending with a pipe) that print
    a blank cell as a line of one pipe before a value of theirs: per label line (a cell with a
    CJK character opens a row; a line of pads ends it), where the row's last value ends and its
    cells. None where a bare pipe opens most rows (a crawler's mark of a row, not a cell)."""
    found: dict[int, tuple[int, list[str]]] = {}
    # A bare pipe that opens the table, or most rows, marks a row: it is no blank cell.
    labels = [i for i in range(start, end) if CJK_CHAR.search(lines[i])]
    marked = [i for i in labels if i > 0 and lines[i - 1].strip() == "|"]
    if start in marked or 2 * len(marked) >= len(labels):
        return found
    label_at, label, cells, after_value = -1, "", [], -1

    def close() -> None:
        values = cells[: max((i for i, c in enumerate(cells) if c), default=-1) + 1]
        if label_at >= 0 and "" in values:
            found[label_at] = (after_value, [label, *values])

    for index in range(start, end):
        stripped = lines[index].strip()
        if stripped == "|":
            cells.append("")  # a blank cell
            continue
        text = stripped[:-1].strip() if stripped.endswith("|") else stripped
        if not text.strip("|"):
            # Pads (positions a span covers) end a row: a bare pipe after them is no blank cell
            # of that row's label.
            close()
            label_at, cells = -1, []
            continue
        if CJK_CHAR.search(text):
            close()
            label_at, label, cells = index, text, []
        else:
            cells.append(text)
            after_value = index + 1
    close()
    return found


_CELL_ENDED = re.compile(r"^[ \t]*[^|\s][^\n]*\|[ \t]*\r?$", re.MULTILINE)


def _opens_cell_ended_row(line: str) -> bool:
    stripped = line.strip()
    return stripped.endswith("|") and not stripped.startswith("|") and len(stripped) > 1


def _opens_labelled_row(line: str) -> bool:
    """``| （二）部分公开 | | 0 |``: a row opening with a blank cell, a label after it."""
    stripped = line.strip()
    return (
        stripped.startswith("|")
        and stripped.endswith("|")
        and CJK_CHAR.search(stripped) is not None
    )


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


def read_lines(text: str, items: list[TextLine | Table]) -> None:
    """Append the lines and tables of plain ``text`` to ``items``."""
    table: Table | None = None
    raw_lines = text.splitlines()
    bare_rows = _bare_pipe_rows(raw_lines) if "|" in text else frozenset()
    # Only a text with an empty line before a line of one value can hold such rows.
    cell_rows = cell_per_line_rows(raw_lines) if _BLANK_THEN_VALUE.search(text) else {}
    drawn = drawn_table_rows(raw_lines) if _may_draw(text) else {}
    # A line that ends with "|" and does not open with one: without any, no line needs a look
    # (a Markdown table's rows all open with "|").
    ended, ended_texts, ended_blanked = (
        cell_ended_rows(raw_lines) if "|" in text and _CELL_ENDED.search(text) else ({}, {}, {})
    )
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
        if index in ended_blanked:
            skip_to, cells = ended_blanked[index]
            if table is None or table.blanks_unprinted:
                table = Table(rows=[])  # its blank cells printed, as lines of one pipe
                items.append(table)
            table.rows.append([Cell(cell) for cell in cells])
            continue
        if index in ended_texts:
            skip_to, cell = ended_texts[index]
            table = None
            items.append(TextLine(cell))
            continue
        if index in ended:
            skip_to, cells = ended[index]
            if table is None or not table.blanks_unprinted:
                # a blank cell may be left out (trafilatura drops some): never shifted
                table = Table(rows=[], blanks_unprinted=True)
                items.append(table)
            table.rows.append([Cell(cell) for cell in cells])
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
        if stripped and not stripped.strip("|"):
            # Pipes alone: the end of a cell whose text ended its line (第二十条第（一）项 / | /
            # 信息内容 / | / …, a crawler's table of paragraph cells), or pads. No text.
            continue
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
