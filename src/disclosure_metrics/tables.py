"""Reading tables 2, 3 and 4 out of a document by anchoring on row labels.

The document is flattened into *lines*: a text line, or a table row (cells). Within a line a
row label is found by its anchors (``templates.yaml``); the values printed right after it in the
same line belong to it. Values printed on a line of their own (a PDF that centres numbers
between the two halves of a wrapped label, a converter that moved them into a separate table)
are *orphans*: they are given, in order, to the template rows missing between two located rows
— only when the counts agree exactly. Digits glued together by a crawler are split by the
template's identities; what the identities do not decide stays ambiguous.

Example::

    >>> from .document import Document, TextLine
    >>> lines = build_lines(Document("x", "text", [TextLine("规章 0 0 0"),
    ...                                            TextLine("规范性文件 6 0 32")]), False)
    >>> [(s.row, s.values) for s in line_segments(lines[1], table2_rows("GOV2019"))]
    [('normative_docs', ('tokens', ['6', '0', '32']))]
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache

from . import templates as tpl
from .document import Document, Table
from .normalize import map_chars, norm, norm_all_mapped, raw_index, to_simplified
from .numbers import (
    NA_MARKS,
    TOKEN,
    TOKEN_LED,
    Ambiguous,
    TooManySplits,
    UnreadableCell,
    Value,
    candidates_by_cell,
    parse_cell,
    signs_for_words,
    split_glued,
)

Cells = list[Value | Ambiguous]
# ("cells" | "values" | "tokens", texts): table cells; separate values whose blank cells were
# not printed (a table printed one cell per line); or the number runs of a line of text.
RawValues = tuple[str, list[str]]

# A run of printed values: tokens separated by at most one space (text is normalized).
_RUN = re.compile(rf"(?:{TOKEN_LED})(?: ?(?:{TOKEN_LED}))*")
# Numbers that are prose, not cells: years, dates, ordinals, counts with a counter word.
_PROSE_AFTER = re.compile(r"\s*(年|月|日|号|时|个|条|次|人|%|件|起|万)")  # matched at a run's end
_COMBO_LIMIT = 50_000
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class Line:
    """A normalized text line, or a table row (``cells``)."""

    text: str
    cells: list[str] | None = None
    spanned: list[bool] | None = None
    # The text as printed (after script conversion), for verbatim quotes: ``text`` is always
    # ``norm(raw)`` (normalize.quote relies on it).
    raw: str | None = None
    # ``mapped``, when known from the pass that normalized the line.
    known_mapped: str | None = field(default=None, repr=False, compare=False)
    # A row joined from a table printed one cell per line: its blank cells were not printed.
    blanks_unprinted: bool = False

    @property
    def mapped(self) -> str:
        """``raw`` with its characters mapped as normalization maps them, worked out once per
        line: each quote of a part of a long line needs it."""
        if self.known_mapped is None:
            self.known_mapped = map_chars(self.raw or "")
        return self.known_mapped


@dataclass
class Segment:
    """Values found in a line: attached to a row label, or an orphan with no label."""

    row: str | None
    values: RawValues | None
    line_no: int = 0
    after_text: bool = False  # an orphan printed after words that are no label's anchor


@dataclass
class TableResult:
    cells: dict[str, dict[str, Value | Ambiguous]]
    warnings: list[str] = field(default_factory=list)
    located: int = 0


@cache
def _glued_heading() -> re.Pattern[str]:
    """Where a section heading starts right after a value (``0五、政府信息公开工作存在的主要问题``):
    a crawled page that lost the line break between a table's last row and the next heading."""
    anchors = "|".join(a.pattern for section in tpl.sections() for a in section.anchors)
    ordinal = "[一二三四五六七八九十]{1,2}[、.]"
    return re.compile(rf"(?<=\d)(?={ordinal}[^\d。,;]{{0,16}}?(?:{anchors}))")


# Every glued heading starts with an ordinal right after a digit: the heading pattern is tried
# only there, not at every character of a crawled page printed as one line. The ordinal opens
# the pattern (a leading class, which the engine skips to in its own C loop) and the digit is
# looked behind for, instead of every character being tested for a digit.
_DIGIT_THEN_ORDINAL = re.compile(r"[一二三四五六七八九十](?<=\d[\s\S])")


def _glued_heading_start(text: str) -> int | None:
    """Where the first heading glued to a value starts in ``text``, or None."""
    heading = _glued_heading()
    for m in _DIGIT_THEN_ORDINAL.finditer(text):
        if heading.match(text, m.start()):
            return m.start()
    return None


def _split_glued_heading(line: Line) -> list[Line]:
    """The line, and the heading glued to its last value as a line of its own."""
    if line.cells is not None:
        last = len(line.cells) - 1
        while last >= 0 and not line.cells[last].strip():
            last -= 1
        at = _glued_heading_start(line.cells[last]) if last >= 0 else None
        if at is None:
            return [line]
        cells = [*line.cells[:last], line.cells[last][:at], *line.cells[last + 1 :]]
        heading = line.cells[last][at:]
        return [Line("\t".join(cells), cells, line.spanned), Line(heading, raw=heading)]
    at = _glued_heading_start(line.text)
    if at is None or line.raw is None:
        return [line]
    # text is norm(raw), and text[at] an ordinal. The line's mapped text, known from the pass
    # that normalized it, is cut with it where no character expanded (then mapped and raw
    # line up character for character): the halves need not be mapped again for their quotes.
    mapped = line.known_mapped
    raw_at = raw_index(line.raw, line.text, at, mapped)
    aligned = mapped is not None and len(mapped) == len(line.raw)
    return [
        Line(
            line.text[:at], raw=line.raw[:raw_at], known_mapped=mapped[:raw_at] if aligned else None
        ),
        Line(
            line.text[at:], raw=line.raw[raw_at:], known_mapped=mapped[raw_at:] if aligned else None
        ),
    ]


def build_lines(doc: Document, traditional: bool, script: str = "tw2sp") -> list[Line]:
    """Flatten a document into normalized lines (table rows keep their cells); traditional text
    is converted with the OpenCC ``script`` (see :func:`normalize.simplifying_config`)."""
    # Every text of the document, running text and cells in reading order, is normalized in
    # one call rather than one call per line and per cell.
    raws: list[str] = []
    for item in doc.items:
        if isinstance(item, Table):
            raws.extend([cell.text for row in item.rows for cell in row])
        else:
            raws.append(item.text)
    if traditional:
        raws = [to_simplified(text, script) for text in raws]
    normalized, mapped = norm_all_mapped(raws)
    # A heading glued to a value follows a digit: without a digit-ordinal pair anywhere, no
    # line needs to be looked at for one.
    glued = _DIGIT_THEN_ORDINAL.search("\n".join(normalized)) is not None
    lines: list[Line] = []
    k = 0
    for item in doc.items:
        if isinstance(item, Table):
            for row in item.rows:
                cells = normalized[k : k + len(row)]
                k += len(row)
                line = Line("\t".join(cells), cells, [c.spanned for c in row])
                if item.blanks_unprinted:
                    line.blanks_unprinted = True
                if glued:
                    lines.extend(_split_glued_heading(line))
                else:
                    lines.append(line)
        else:
            raw, text = raws[k], normalized[k]
            k += 1
            if text:
                line = Line(text, raw=raw, known_mapped=mapped[k - 1])
                if glued:
                    lines.extend(_split_glued_heading(line))
                else:
                    lines.append(line)
    return lines


# ---------------------------------------------------------------------------------------------
# Positions and regions


Pos = tuple[int, int]


def find(
    lines: Sequence[Line],
    pattern: re.Pattern[str],
    start: Pos = (0, 0),
    end: Pos | None = None,
    joined: bool = False,
) -> Pos | None:
    """First match of ``pattern`` at or after ``start`` (and before ``end``). With ``joined``
    a row of cells matches also with its cells joined: a converter may split a caption over
    two cells (``第二十条第（`` | ``一）项``)."""
    last = len(lines) if end is None else end[0] + 1
    for li in range(start[0], min(last, len(lines))):
        line = lines[li]
        offset = start[1] if li == start[0] and line.cells is None else 0
        m = pattern.search(line.text, offset)
        if m is None and joined and line.cells is not None and len(line.cells) > 1:
            m = pattern.search("".join(line.cells))
        if m is None:
            continue
        pos = (li, 0 if line.cells is not None else m.start())
        if end is not None and pos >= end:
            return None
        return pos
    return None


def find_any(
    lines: Sequence[Line],
    patterns: Sequence[re.Pattern[str]],
    start: Pos = (0, 0),
    end: Pos | None = None,
) -> Pos | None:
    hits = [p for p in (find(lines, pat, start, end) for pat in patterns) if p is not None]
    return min(hits) if hits else None


def cut(lines: Sequence[Line], start: Pos, end: Pos | None) -> list[Line]:
    """The lines between two positions; text lines are cut at the offsets, table rows kept whole."""
    end = end or (len(lines), 0)
    out: list[Line] = []
    for li in range(start[0], min(end[0] + 1, len(lines))):
        line = lines[li]
        if line.cells is not None:
            if li < end[0] or (li == end[0] and end[1] > 0):
                out.append(line)
            continue
        a = start[1] if li == start[0] else 0
        b = end[1] if li == end[0] else len(line.text)
        if a == 0 and b == len(line.text):
            out.append(line)  # whole, its text as printed kept (see join_label_halves)
        elif b > a:
            out.append(Line(line.text[a:b]))
    return out


# ---------------------------------------------------------------------------------------------
# Segments: label → values within one line


# A label's own ordinal: ``5.要求…``, ``2、重复申请`` (one or two digits, then the label).
_ORDINAL = re.compile(r"\d{1,2}[.、][\u4e00-\u9fff]")


def _runs(text: str) -> list[re.Match[str]]:
    """Value runs in ``text`` that are table cells, not prose numbers nor a label's ordinal.

    >>> [m.group() for m in _runs("5.要求行政机关确认或 1 0 0 1 第3项 2024年")]
    ['1 0 0 1']
    """
    out = []
    for m in _RUN.finditer(text):
        if _PROSE_AFTER.match(text, m.end()):
            continue
        if m.start() > 0 and text[m.start() - 1] in "第约共近":
            continue
        if _ORDINAL.match(text, m.start()) and m.end() - m.start() <= 2:
            continue
        out.append(m)
    return out


@cache
def _numbered_label(number: object) -> re.Pattern[str]:
    return re.compile(rf"{number}[.、]\D{{0,12}}$")


def _label_start(text: str, start: int, row: tpl.Row) -> int:
    """Where a row label really starts: its sub-item number (``2.``) precedes the anchor."""
    if row.number is None:
        return start
    # A match ends where the anchor starts (or a newline before it), so it starts at most this
    # far before: only that window is searched, not the whole line before the anchor.
    lo = max(0, start - len(str(row.number)) - 14)
    m = _numbered_label(row.number).search(text[lo:start])
    return lo + m.start() if m else start


@dataclass(frozen=True)
class _AnchorScan:
    """Every anchor of a row set, found in one scan.

    ``pattern`` is the alternation of every anchor (longer anchors first at one position) with
    no groups: a group around each alternative would cost the engine its quick test of an
    alternative's first literal, at every position tried (three quarters of the scan). Which
    anchor matched is then the first alternative that matches alone at the match start (the
    alternation's own rule), among those ``by_first`` lists for the character there.
    """

    pattern: re.Pattern[str]
    anchors: tuple[re.Pattern[str], ...]  # each alternative alone, in the order tried
    owners: tuple[tpl.Row, ...]  # the row of each alternative
    by_first: dict[str, tuple[int, ...]]  # alternatives whose match may start with a character
    unknown: tuple[int, ...]  # alternatives whose first characters are not known

    def owner(self, text: str, start: int, end: int) -> tpl.Row:
        """The row of the anchor that ``pattern`` matched at ``start:end``."""
        for k in self.by_first.get(text[start], self.unknown):
            m = self.anchors[k].match(text, start)
            if m is not None:
                if m.end() == end:
                    return self.owners[k]
                break
        raise AssertionError("the alternation matched an anchor no alternative matches alone")


_COMBINED: dict[int, tuple[Sequence[tpl.Row], _AnchorScan]] = {}


def _combined(rows: Sequence[tpl.Row]) -> _AnchorScan:
    """The :class:`_AnchorScan` of ``rows``.

    Row sets come from the cached template accessors, so their identity is a stable key
    (hashing the rows themselves on every line would cost more than the match).
    """
    hit = _COMBINED.get(id(rows))
    if hit is not None and hit[0] is rows:
        return hit[1]
    alternatives = [(pat.pattern, row) for row in rows for pat in row.anchors]
    order = sorted(range(len(alternatives)), key=lambda i: -len(alternatives[i][0]))
    sources = [alternatives[i][0] for i in order]
    firsts = [_first_chars(source) for source in sources]
    unknown = tuple(k for k, first in enumerate(firsts) if first is None)
    chars = set().union(*(first for first in firsts if first is not None))
    scan = _AnchorScan(
        pattern=_led_by_first_chars("|".join(f"(?:{source})" for source in sources)),
        anchors=tuple(re.compile(source) for source in sources),
        owners=tuple(alternatives[i][1] for i in order),
        by_first={
            c: tuple(k for k, first in enumerate(firsts) if first is None or c in first)
            for c in chars
        },
        unknown=unknown,
    )
    _COMBINED[id(rows)] = (rows, scan)
    return scan


@cache
def _led_by_first_chars(source: str) -> re.Pattern[str]:
    """``source`` compiled, led by a lookahead class of the characters its matches start with
    when :func:`_first_chars` knows them: one class test per position then rejects most
    positions before the engine tries each alternative there. Groups and spans are unchanged.
    Cached by source: row tuples built afresh (table 2's) reuse the analysis."""
    first = _first_chars(source)
    if first:
        source = f"(?=[{''.join(re.escape(c) for c in sorted(first))}])(?:{source})"
    return re.compile(source)


def _first_chars(source: str) -> frozenset[str] | None:
    """The characters a match of the regex ``source`` can start with, or None when that is not
    a small set of literals (a class of ranges, an optional or repeated first item …).

    >>> sorted(_first_chars(r"(?P<a>^3[.、]?其他$)|(?P<b>\\(七\\)总计)|(?:ab|cd)"))
    ['(', '3', 'a', 'c']
    >>> _first_chars(r"\\d+|x") is None
    True
    """
    try:
        from re import _constants as sre
        from re import _parser as parser
    except ImportError:  # pragma: no cover - another Python's private modules
        return None

    def first(items: list) -> set[str] | None:  # type: ignore[type-arg]
        for op, av in items:
            if op is sre.AT and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
                continue  # an anchor takes no character: the next item starts the match
            if op is sre.LITERAL:
                return {chr(av)}
            if op is sre.SUBPATTERN:
                if av[1] & (re.IGNORECASE | re.VERBOSE):
                    return None  # (?i:…): the first literal stands for more characters
                return first(list(av[3]))
            if op is sre.BRANCH:
                out: set[str] = set()
                for branch in av[1]:
                    chars = first(list(branch))
                    if chars is None:
                        return None
                    out |= chars
                return out
            if op is sre.IN and all(kind is sre.LITERAL for kind, _ in av):
                return {chr(code) for _, code in av}
            return None
        return None  # an empty match is possible

    try:
        parsed = parser.parse(source)
    except re.error:  # pragma: no cover - the pattern compiles below and reports itself
        return None
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    chars = first(list(parsed))
    return frozenset(chars) if chars else None


def _anchor_matches(text: str, rows: Sequence[tpl.Row]) -> list[tuple[int, int, tpl.Row]]:
    if text.isascii() or not _CJK.search(text):
        return []  # every anchor is a Chinese label: a cell of numbers never holds one
    return _anchors_in(text, rows)


def _in_note(text: str, after: int, at: int) -> bool:
    """Whether ``text[at]`` stands inside a note in brackets that opens after ``after`` (the
    end of a label) with no value before it: a label's own explanation, which may name other
    rows (``其他对外管理服务事项(指…含行政处罚、行政强制…)``), not a label.

    >>> _in_note("其他对外管理服务事项(含行政处罚、行政强制)117", 10, 17)
    True
    >>> _in_note("行政处罚(含简易程序 5 0 9 行政强制 2 1 3", 4, 17)
    False
    """
    if text.find("(", after, at) == -1:
        return False
    depth = 0
    opened = -1  # where the outermost bracket still open at ``at`` opened
    for k in range(after, at):
        char = text[k]
        if char == "(":
            if depth == 0:
                opened = k
            depth += 1
        elif char == ")" and depth:
            depth -= 1
    # A value inside the "note" means the bracket was never closed: a cut label, not a note.
    return depth > 0 and not _runs(text[opened:at])


def _anchors_in(text: str, rows: Sequence[tpl.Row]) -> list[tuple[int, int, tpl.Row]]:
    """:func:`_anchor_matches` of a text known to hold a Chinese character; an anchor inside
    the note in brackets after another label (:func:`_in_note`) is no label."""
    scan = _combined(rows)
    kept: list[tuple[int, int, tpl.Row]] = []
    for m in scan.pattern.finditer(text):
        start, end = m.span()
        if kept and _in_note(text, kept[-1][1], start):
            continue
        row = scan.owner(text, start, end)
        if kept and kept[-1][2] is row and not _runs(text[kept[-1][1] : start]):
            kept[-1] = (kept[-1][0], end, row)  # a second anchor of the same label
            continue
        kept.append((start, end, row))
    return kept


def _is_value_cell(text: str) -> bool:
    if not text or (text.isdigit() and text.isascii()):
        return True  # parse_cell's two common cells (blank, digits), without the call
    try:
        parse_cell(text)
    except UnreadableCell:
        return False
    return True


def line_segments(line: Line, rows: Sequence[tpl.Row], line_no: int = 0) -> list[Segment]:
    """The labelled values and orphan value runs of one line."""
    if line.cells is not None:
        return _cell_segments(line, rows, line_no)
    text = line.text
    matches = _anchor_matches(text, rows)
    segments: list[Segment] = []
    first_label = _label_start(text, matches[0][0], matches[0][2]) if matches else len(text)
    for m in _runs(text[:first_label]):
        tail = _CJK.search(text[: m.start()]) is not None
        segments.append(Segment(None, ("tokens", TOKEN.findall(m.group())), line_no, tail))
    for k, (_start, end, row) in enumerate(matches):
        if k + 1 < len(matches):
            nxt = matches[k + 1]
            stop = _label_start(text, nxt[0], nxt[2])
        else:
            stop = len(text)
        runs = _runs(signs_for_words(text[end:stop]))
        values = ("tokens", TOKEN.findall(runs[0].group())) if runs else None
        segments.append(Segment(row.key, values, line_no))
    return segments


@cache
def _column_labels() -> frozenset[str]:
    """Every table 3 column header and alias, normalized (自然人, 商业企业, 总计 …)."""
    labels = {norm(c.label) for c in tpl.table3_columns()}
    labels |= {norm(a) for c in tpl.table3_columns() for a in c.aliases}
    return frozenset(labels | {"法人或其他组织", "申请人情况"})


def _cell_segments(line: Line, rows: Sequence[tpl.Row], line_no: int) -> list[Segment]:
    cells = line.cells or []
    # Most rows span no cell: their unspanned cells are the cells (a slice, never mutated).
    spanned = line.spanned if line.spanned is not None and True in line.spanned else None
    labels = _column_labels()
    # A header row names two columns or more (its 总计 is the column, not the （七）总计 row);
    # a label spanning two cells (总计 | 总计) is one cell of a data row.
    if sum(map(labels.__contains__, cells)) >= 2 and (
        spanned is None
        or sum(1 for c, s in zip(cells, spanned, strict=False) if not s and c in labels) >= 2
    ):
        return []
    anchored: tuple[int, tpl.Row] | None = None
    if not all(map(str.isascii, cells)):  # every anchor is Chinese: ASCII cells hold none
        scan = _combined(rows)
        for i, cell in enumerate(cells):
            if cell.isascii() or not _CJK.search(cell):
                continue  # _anchor_matches' own first test (a digit cell is ASCII)
            # The row of _anchors_in(cell, rows)[-1]: its last anchor's (a merge of two anchors
            # of one label keeps the label's row), without the rows of the others.
            last = None
            for m in scan.pattern.finditer(cell):
                if last is None or not _in_note(cell, last.end(), m.start()):
                    last = m
            if last is not None:
                anchored = (i, scan.owner(cell, last.start(), last.end()))
    if anchored is None:
        texts = (
            cells if spanned is None else [c for c, s in zip(cells, spanned, strict=False) if not s]
        )
        # The last cell that is no value (scanned from the end: values come last).
        last_text = -1
        for k in range(len(texts) - 1, -1, -1):
            if not _is_value_cell(texts[k]):
                last_text = k
                break
        values = _merged_cells_apart(texts[last_text + 1 :])
        if any(map(str.strip, values)):
            return [Segment(None, (_cells_kind(line), values), line_no, last_text >= 0)]
        return []
    i, row = anchored
    values = _merged_cells_apart(
        cells[i + 1 :]
        if spanned is None
        else [c for c, s in zip(cells[i + 1 :], spanned[i + 1 :], strict=False) if not s]
    )
    if not values and not _runs(cells[i]):
        return [Segment(row.key, None, line_no)]  # a header cell (总计) or a label alone
    while values and not _is_value_cell(values[0]) and not TOKEN.search(values[0]):
        values.pop(0)  # a label continued in the next cell
    if not any(map(str.strip, values)):
        # A cell that holds both the label and its numbers (a Word cell typed as one line).
        m = _anchor_matches(cells[i], rows)[-1]
        runs = _runs(cells[i][m[1] :])
        if runs:
            return [Segment(row.key, ("tokens", TOKEN.findall(runs[0].group())), line_no)]
    return [Segment(row.key, (_cells_kind(line), values), line_no)]


_WHOLE_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
# A number printed with spaces between its thousands (1 234 567): one value, not several.
_SPACED_THOUSANDS = re.compile(r"[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?")


def _merged_cells_apart(values: list[str]) -> list[str]:
    """``values`` with each cell that holds several numbers apart (``0 7``: two cells a
    converter merged, or a cell's lines ``0<br>7``) split into those numbers; a number with
    spaces between its thousands stays one.

    >>> _merged_cells_apart(["0 7", "5", "1 234", "3元", ""])
    ['0', '7', '5', '1 234', '3元', '']
    """
    if " " not in "".join(values) or not any(" " in v.strip() for v in values):
        return values
    out: list[str] = []
    for value in values:
        parts = value.split()
        if (
            len(parts) > 1
            and all(_WHOLE_NUMBER.fullmatch(part) for part in parts)
            and not _SPACED_THOUSANDS.fullmatch(" ".join(parts))
        ):
            out.extend(parts)
        else:
            out.append(value)
    return out


def _cells_kind(line: Line) -> str:
    return "values" if line.blanks_unprinted else "cells"


#: A table region is read as printed one cell per line when it holds at least this many lines
#: of one value each (a label's row of values, at the least).
MIN_CELL_LINES = 5


def join_cell_lines(lines: Sequence[Line], width: int, labelled: bool = True) -> list[Line]:
    """``lines`` with a table printed one cell per line (``pdftotext`` without ``-layout``, a
    copy from some viewers) joined back into rows: a line of text followed by lines of one
    value each becomes a row of cells, the label and at most ``width`` values; values with no
    label before them make a row of at most ``width`` values. Such a table does not print its
    blank cells, so a row of fewer values than columns may miss any of them
    (``blanks_unprinted``: see :func:`row_vectors`). A region with fewer than
    :data:`MIN_CELL_LINES` such value lines is returned as it is. With ``labelled=False``
    (table 4, whose rows have no labels) only values are joined.

    >>> rows = join_cell_lines([Line("规章"), Line("13"), Line("0"), Line("524"), Line("注"),
    ...                         Line("规范性文件"), Line("60"), Line("2"), Line("1"), Line("4")],
    ...                        width=3)
    >>> [r.cells for r in rows]
    [['规章', '13', '0', '524'], None, ['规范性文件', '60', '2', '1'], None]
    """
    single = [line.cells is None and _one_value(line.text) for line in lines]
    if sum(single) < MIN_CELL_LINES:
        return list(lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        end = i + 1
        if single[i] or (labelled and line.cells is None and _CJK.search(line.text)):
            # A label and its values, or values printed before (or without) their label.
            last = i + width + (not single[i])
            while end < min(last, len(lines)) and single[end]:
                end += 1
        if end - i > 1:
            cells = [lines[k].text for k in range(i, end)]
            out.append(Line("\t".join(cells), cells, [False] * len(cells), blanks_unprinted=True))
        else:
            out.append(line)
        i = end
    return out


def _one_value(text: str) -> bool:
    """Whether a line holds one table value and nothing else (``12``, ``1,234``, ``-``)."""
    text = text.strip()
    if not text or len(text) > 20 or " " in text:
        return False
    if text.isdigit() and text.isascii():
        return True  # the usual value
    if text in NA_MARKS:
        return True
    # A value opens with a digit or a sign (or a sign word: 减4); a label, with a character or
    # a bracket.
    return (text[0].isdigit() or text[0] in "+-－增新减") and _is_value_cell(text)


def _continues(label: str, head: str, rest: str) -> bool:
    """Whether ``rest`` continues ``head`` inside ``label`` (all normalized): the end of one
    and the start of the other meet in it.

    >>> _continues("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ...            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府", "信息公开申请")
    True
    >>> _continues("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ...            "信息公开申请", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处")
    False
    """
    return bool(head and rest) and head[-3:] + rest[:3] in label


@cache
def _normalized_labels(variant: str) -> dict[str, str]:
    """Each table 3 row's label, normalized as the lines are."""
    return {row.key: norm(row.label) for row in tpl.table3_rows(variant)}


def _ends_label_above(
    segments: list[Segment],
    k: int,
    words_line: int,
    lines: Sequence[Line],
    labels: dict[str, str] | None,
) -> bool:
    """Whether the words on ``words_line`` continue the label of ``segments[k]``, printed on
    the line just above them without values."""
    if k < 0 or not lines or not labels:
        return False
    above = segments[k]
    return (
        above.row is not None
        and above.values is None
        and above.line_no == words_line - 1
        and _continues(labels.get(above.row, ""), lines[above.line_no].text, lines[words_line].text)
    )


def join_wrapped_labels(
    segments: list[Segment],
    label_rest: frozenset[int] = frozenset(),
    lines: Sequence[Line] = (),
    labels: dict[str, str] | None = None,
) -> list[Segment]:
    """Give a label printed without values the values of the next line, when that line starts
    with the rest of the wrapped label: ``（二）部分公开（区分处理的，`` then
    ``只计这一情形，不计其他情形）5 0 0 0 0 0 5``; or when that line holds values only and the
    line after it is the rest of the label (``label_rest``: lines of words without an anchor or
    values), as a PDF's text layer prints a wrapped label with its values between its lines;
    or, when the anchor stands on the label's second line, the values of the line before it
    when the line before those is the label's first (words without an anchor).

    With the ``lines`` and the rows' normalized ``labels``, the last reading is not
    made when the words before the values end the label above instead: in
    ``1.申请人…不再处理其政府`` / ``信息公开申请`` / ``0 0 0 0 0 0 0`` / ``2.申请人逾期…不再处``
    the values are left for the rows missing a row of values.
    """
    out = list(segments)
    for k in range(len(out)):
        seg = out[k]
        if seg.row is None or seg.values is not None:
            continue
        nxt = out[k + 1] if k + 1 < len(out) else None
        if (
            nxt is not None
            and nxt.row is None
            and nxt.values is not None
            and nxt.line_no == seg.line_no + 1
            and (nxt.after_text or nxt.line_no + 1 in label_rest)
        ):
            out[k] = Segment(seg.row, nxt.values, seg.line_no)
            out[k + 1] = Segment(None, None, nxt.line_no)
            continue
        # The label's anchor on its second line, its values between that and its first line
        # (words without an anchor): 5.要求行政机关确认或 / 1 0 0 0 0 0 1 / 重新出具已获取信息.
        before = out[k - 1] if k else None
        if (
            before is not None
            and before.row is None
            and before.values is not None
            and before.line_no == seg.line_no - 1
            and before.line_no - 1 in label_rest
            and not _ends_label_above(out, k - 2, before.line_no - 1, lines, labels)
        ):
            out[k] = Segment(seg.row, before.values, seg.line_no)
            out[k - 1] = Segment(None, None, before.line_no)
    return out


def join_label_halves(
    lines: Sequence[Line], segments: list[Segment], rows: Sequence[tpl.Row]
) -> list[Segment]:
    """Read a label wrapped over lines with its values printed on one of them, when no line
    holds the label's anchor on its own (a PDF's text layer: ``5.要求行政机关确认或`` /
    ``1 0 0 0 0 0 1`` / ``重新出具已获取信息``). The values' line (and its words) is joined
    with the fewest lines of words above and below it (up to ten each way) whose joined
    label is exactly one row's, and that row gets the values; each line's last word alone is
    tried too, as a rowspan stub may be printed beside the label word by word.

    >>> rows = tpl.table3_rows("2021")
    >>> lines = [Line("5.要求行政机关确认或"), Line("1 0 0 0 0 0 1"), Line("重新出具已获取信息")]
    >>> found = [s for no, line in enumerate(lines) for s in line_segments(line, rows, no)]
    >>> [(s.row, s.values) for s in join_label_halves(lines, found, rows)]
    [('not_processed.5', ('tokens', ['1', '0', '0', '0', '0', '0', '1']))]
    """
    by_line: dict[int, list[Segment]] = {}
    for seg in segments:
        by_line.setdefault(seg.line_no, []).append(seg)

    def words_only(no: int) -> bool:  # a line of label words: no anchor, no values
        return (
            0 <= no < len(lines)
            and no not in by_line
            and lines[no].cells is None
            and _CJK.search(lines[no].text) is not None
        )

    def orphan(no: int) -> bool:  # a line of values without a label's anchor
        segs = by_line.get(no, [])
        return len(segs) == 1 and segs[0].row is None and segs[0].values is not None

    joined: dict[int, tuple[Segment, list[int]]] = {}
    for no in [n for n in by_line if orphan(n)]:
        segs = by_line[no]
        if orphan(no - 1) or orphan(no + 1):
            continue  # rows of values printed together after their labels: read by order
        named = _naming_window(lines, no, words_only, rows)
        if named is not None:
            key, parts = named
            joined[no] = (Segment(key, segs[0].values, no), parts)
    if not joined:
        return segments
    used = [n for _, parts in joined.values() for n in parts]
    if len(used) != len(set(used)):
        return segments  # two rows would share a line of words: left as found
    out = [s for s in segments if s.line_no not in joined]
    out.extend(seg for seg, _ in joined.values())
    out.sort(key=lambda s: s.line_no)
    return out


def _naming_window(
    lines: Sequence[Line], no: int, words_only: Callable[[int], bool], rows: Sequence[tpl.Row]
) -> tuple[str, list[int]] | None:
    """The row named by the fewest lines of words next to line ``no`` (its values) joined
    with its own words, and those lines; None when no such window names exactly one row.
    A label wrapped over several lines may go on past a page break (6.属于四类过 values /
    程性信 / 息)."""
    words = _words_before_values(lines[no])
    printed = _words_before_values(Line(_printed(lines[no])))
    above = _run_of(words_only, no, -1)
    below = _run_of(words_only, no, 1)
    for size in range(1, len(above) + len(below) + 1):
        for up in range(max(0, size - len(below)), min(size, len(above)) + 1):
            parts = [*above[:up][::-1], no, *below[: size - up]]
            texts = [words if n == no else lines[n].text for n in parts]
            # Each line's last word as printed alone too: a rowspan stub printed beside the
            # label, word by word (其他处 人无正 / 理 当理由 …), is not part of it.
            last = [(printed if n == no else _printed(lines[n])).split() for n in parts]
            for text in ("".join(texts), norm("".join(w[-1] for w in last if w))):
                found = _anchor_matches(text, rows)
                if len(found) == 1:
                    return found[0][2].key, parts
    return None


#: Lines of words a wrapped label may run over, above or below its values (a narrow label
#: cell of a Word table wraps the longest labels of table 3 over ten lines).
_LABEL_LINES = 10


def _run_of(test: Callable[[int], bool], start: int, step: int) -> list[int]:
    """The lines after ``start`` (``step`` 1, or before it: -1) that pass ``test``, nearest
    first, up to :data:`_LABEL_LINES` of them."""
    run: list[int] = []
    at = start + step
    while len(run) < _LABEL_LINES and test(at):
        run.append(at)
        at += step
    return run


def _printed(line: Line) -> str:
    """A line's text as printed, its spaces kept (normalization joins CJK words)."""
    return line.raw if line.raw is not None else line.text


def _words_before_values(line: Line) -> str:
    """The words a line prints before its values (a row's label cells, or its text)."""
    if line.cells is not None:
        return "".join(c for c in line.cells if c.strip() and not _is_value_cell(c))
    runs = _runs(line.text)
    return line.text[: runs[0].start()] if runs else line.text


# ---------------------------------------------------------------------------------------------
# Values of one row


def _read_values(texts: Sequence[str], warnings: list[str]) -> list[Value]:
    values: list[Value] = []
    for text in texts:
        try:
            values.append(parse_cell(text))
        except UnreadableCell:
            warnings.append(f"unreadable cell {text!r}")
            values.append(None)
    return values


def _fits_column(token: str, col_type: str) -> bool:
    """Whether a printed value may stand in a column of ``col_type``: a sign only in a signed
    column, decimals and a unit (元) only in an amount's.

    >>> _fits_column("-18538", "int"), _fits_column("+2", "signed_int"), _fits_column("95", "int")
    (False, True, True)
    """
    if token[0] in "+-" and col_type != "signed_int":
        return False
    return col_type == "decimal" or ("." not in token and "元" not in token)


def _typed_placements(tokens: Sequence[str], col_types: Sequence[str]) -> list[tuple[Value, ...]]:
    """:func:`short_row_placements` of printed values, each under a column it may stand in
    (:func:`_fits_column`); none when a token is not a number.

    >>> _typed_placements(["2648", "-18"], ["int", "signed_int", "int"])
    [(2648, -18, None)]
    """
    values = _read_values(tokens, [])
    if not all(isinstance(v, int | float) for v in values):
        return []
    return [
        tuple(None if i is None else values[i] for i in spots)
        for spots in short_row_placements(list(range(len(tokens))), len(col_types))
        if all(i is None or _fits_column(tokens[i], col_types[c]) for c, i in enumerate(spots))  # type: ignore[index]
    ]


def short_row_placements(values: Sequence[Value], width: int) -> list[tuple[Value, ...]]:
    """Every way to place a row's printed values, in order, under ``width`` columns.

    A converted table that prints fewer cells than columns does not say which column is
    missing, so each placement (the others blank) is a candidate.

    >>> short_row_placements([22, 235], 3)
    [(22, 235, None), (22, None, 235), (None, 22, 235)]
    """
    out = []
    for columns in itertools.combinations(range(width), len(values)):
        vec: list[Value] = [None] * width
        for col, value in zip(columns, values, strict=True):
            vec[col] = value
        out.append(tuple(vec))
    return out


#: A lone number this short, under a row of columns, is one value, not a glued run (a run of
#: seven zeros and more is longer).
MAX_LONE_VALUE_DIGITS = 4
#: A row with more extra blank cells to choose from than this is cut at its width instead.
MAX_BLANK_CHOICES = 64


def _without_extra_blanks(cells: list[str], width: int) -> list[list[str]] | None:
    """Every way to leave out blank cells of a row that has more cells than ``width`` so that
    ``width`` remain: a converter pads a spanned cell with empty ones (``| 13 | | 524 |``), a
    table has an empty spacer column or a trailing ``|  |``. None when the row has too few
    blank cells, or too many ways to choose them.

    >>> _without_extra_blanks(["13", "13", "", "524"], 3)
    [['13', '13', '524']]
    >>> _without_extra_blanks(["1", "", "", "2"], 3)
    [['1', '', '2'], ['1', '', '2']]
    """
    blanks = [i for i, text in enumerate(cells) if not text.strip()]
    extra = len(cells) - width
    if len(blanks) < extra or math.comb(len(blanks), extra) > MAX_BLANK_CHOICES:
        return None
    return [
        [text for i, text in enumerate(cells) if i not in left_out]
        for left_out in map(set, itertools.combinations(blanks, extra))
    ]


def _placements_without_blanks(
    tokens: list[str],
    width: int,
    accept: Callable[[tuple[Value, ...]], bool] | None,
    last_is_sum: bool,
    group_sums: int = 0,
) -> list[tuple[Value, ...]]:
    """Every placement of ``tokens`` (separate numbers) under ``width`` columns whose totals
    hold, the unprinted cells zero: the last value with ``last_is_sum``, each group's last of
    ``group_sums`` values (table 4); ``accept`` must allow it too. None without a total to
    choose by, or when a token is not a number.

    >>> _placements_without_blanks(["5", "2", "7"], 4, None, last_is_sum=True)
    [(5, 2, 7, None), (5, 2, None, 7), (5, None, 2, 7), (None, 5, 2, 7)]
    """
    if not (last_is_sum or group_sums):
        return []
    values = _read_values(tokens, [])
    if not all(isinstance(v, int | float) for v in values):
        return []
    group = group_sums or width

    def totals_hold(vec: tuple[Value, ...]) -> bool:
        for start in range(0, width - group + 1, group):
            *parts, total = vec[start : start + group]
            if total is not None and total != sum(p or 0 for p in parts):  # type: ignore[misc]
                return False
        return True

    placed = short_row_placements(values, width)
    return list(dict.fromkeys(v for v in placed if totals_hold(v) and (not accept or accept(v))))


def row_vectors(
    raw: RawValues,
    col_types: Sequence[str],
    accept: Callable[[tuple[Value, ...]], bool] | None = None,
    prefix_ok: Callable[[tuple[Value, ...]], bool] | None = None,
    short_rows: str = "blank_end",
    last_is_sum: bool = False,
    group_sums: int = 0,
) -> tuple[list[tuple[Value, ...]], list[str]]:
    """Every value vector a row's printed values can mean, and warnings.

    Cells are read left to right; when fewer cells than columns are printed, ``short_rows``
    says what that means: ``blank_end`` (a rendering that cut the row off: the missing cells
    are the last ones, blank) or ``any_place`` (a converter that dropped a cell somewhere:
    every placement ``accept`` allows is a candidate). Separate values whose blanks were not
    printed (``"values"``) are always placed ``any_place``. A glued run is split into every vector
    ``accept`` allows, or every vector at all when none is accepted; ``last_is_sum`` says that
    ``accept`` holds only where the last value is the sum of the others, ``group_sums`` that
    ``prefix_ok`` holds only where each complete group of that many values ends with the sum
    of the others (the split search prunes by them, see :func:`numbers.split_glued`).
    """
    kind, texts = raw
    n = len(col_types)
    warnings: list[str] = []
    # A converter that leaves blank cells out pads a short row at its end (trafilatura's text
    # before 2.0: ``… | 859 | ||``): with more cells than columns, those go first.
    pads_at_end = kind == "values"
    if kind == "values":
        kind, short_rows = "cells", "any_place"
    if kind == "cells":
        cells = list(texts)
        while pads_at_end and len(cells) > n and not cells[-1].strip():
            cells.pop()
        extra = len(cells) - n
        if extra > 0 and cells[-1].strip() and all(not c.strip() for c in cells[:extra]):
            # A converter pads a spanned label with empty cells right after it (``| 一、本年新收
            # … |  |  | 821 | 35 |  |  | 2 | 1 | 859 |``): with the row's last cell printed
            # (no pad at its end), the blanks after the label are the extra ones.
            cells = cells[extra:]
        if len(cells) > n:
            dropped = _without_extra_blanks(cells, n)
            if dropped is not None:
                read = [tuple(_read_values(c, warnings)) for c in dropped]
                kept = list(dict.fromkeys(v for v in read if accept is None or accept(v)))
                kept = kept or list(dict.fromkeys(read))
                if len(kept) > 1:
                    warnings.append(
                        f"{len(cells)} cells where {n} expected; which blank cells are the "
                        "extra ones is not printed, every choice kept"
                    )
                return kept, warnings
            while len(cells) > n and not cells[-1].strip():
                cells.pop()
            while len(cells) > n and not cells[0].strip():
                cells.pop(0)
        if len(cells) > n:
            warnings.append(f"{len(cells)} cells where {n} expected; extra cells ignored")
            cells = cells[:n]
        vec = _read_values(cells, warnings)
        if len(vec) < n and short_rows == "any_place" and any(v is not None for v in vec):
            vectors = list(dict.fromkeys(short_row_placements(vec, n)))
            kept = [v for v in vectors if accept is None or accept(v)] or vectors
            if len(kept) > 1:
                warnings.append(
                    f"{len(vec)} cells where {n} expected; which column is missing is not "
                    "printed, every placement kept"
                )
            return kept, warnings
        if len(vec) < n:
            warnings.append(f"{len(vec)} cells where {n} expected; the last ones read as blank")
        vec.extend([None] * (n - len(vec)))
        return [tuple(vec)], warnings
    tokens = list(texts)
    if len(tokens) >= n:
        if len(tokens) > n:
            warnings.append(f"{len(tokens)} values where {n} expected; extra values ignored")
        return [tuple(_read_values(tokens[:n], warnings))], warnings
    try:
        vectors = split_glued(
            tokens, col_types, accept, prefix_ok, last_is_sum=last_is_sum, group_sums=group_sums
        )
        if not vectors and (len(tokens) > 1 or len(tokens[0]) <= MAX_LONE_VALUE_DIGITS):
            # No split of the digits holds: separate values of a row whose blank cells were not
            # printed (a text rendering of a table that leaves blanks for zero).
            vectors = _placements_without_blanks(tokens, n, accept, last_is_sum, group_sums)
            if vectors:
                warnings.append(
                    f"{' '.join(tokens)!r}: {len(tokens)} values where {n} expected, read as a "
                    "row without its blank cells; every placement its total allows kept"
                )
                return vectors, warnings
        if not vectors and (accept is not None or prefix_ok is not None):
            warnings.append(f"no split of {''.join(tokens)!r} satisfies the identities")
            vectors = split_glued(tokens, col_types)
        if (
            vectors
            and short_rows == "any_place"
            and len(tokens) > 1
            and accept is None
            and prefix_ok is None
            and not (last_is_sum or group_sums)
        ):
            # Values printed apart (``9 95``) under more columns, and no total to choose by:
            # a blank cell left unprinted is as likely as digits glued inside one of them.
            placed = _typed_placements(tokens, col_types)
            if placed:
                vectors = list(dict.fromkeys([*vectors, *placed]))
                warnings.append(
                    f"{' '.join(tokens)!r}: {len(tokens)} values where {n} expected; a digit "
                    "split and a blank cell not printed are both kept"
                )
    except TooManySplits:
        vectors = []
    if not vectors:
        warnings.append(f"cannot split {' '.join(tokens)!r} into {n} values")
        return [tuple([None] * n)], warnings
    return vectors, warnings


# ---------------------------------------------------------------------------------------------
# Table 2


@cache  # one tuple per format: _combined keys its alternation on the tuple's identity
def table2_rows(fmt: str) -> tuple[tpl.Row, ...]:
    return tuple(row for block in tpl.table2_blocks(fmt) for row in block.rows)


def table2_format(lines: Sequence[Line]) -> str | None:
    """GOV2019 or GOV2021 from the labels of table 2; None when neither kind is printed."""
    text = "\n".join(line.text for line in lines)
    hits = {fmt: sum(1 for p in tpl.markers(fmt) if p.search(text)) for fmt in tpl.FORMATS}
    if not any(hits.values()):
        return None
    return max(tpl.FORMATS, key=lambda f: hits[f])


def read_table2(lines: Sequence[Line], fmt: str) -> TableResult:
    rows = table2_rows(fmt)
    found: dict[str, RawValues | None] = {}
    segments = [s for no, line in enumerate(lines) for s in line_segments(line, rows, no)]
    for seg in join_wrapped_labels(join_label_halves(lines, segments, rows)):
        if seg.row is not None and (found.get(seg.row) is None):
            found[seg.row] = seg.values
    result = TableResult(cells={})
    for block in tpl.table2_blocks(fmt):
        types = [c.type for c in block.columns]
        out: dict[str, dict[str, Value | Ambiguous]] = {}
        for row in block.rows:
            raw = found.get(row.key)
            if raw is None:
                # A label printed with nothing after it was found: its cells are blank.
                found_blank = row.key in found
                result.located += found_blank
                result.warnings.append(
                    f"table 2 row {row.label} printed with blank cells"
                    if found_blank
                    else f"table 2 row {row.label} not found"
                )
                out[row.key] = {c.key: None for c in block.columns}
                continue
            result.located += 1
            vectors, warns = row_vectors(raw, types, short_rows="any_place")
            result.warnings.extend(f"table 2 {row.label}: {w}" for w in warns)
            out[row.key] = dict(
                zip(
                    (c.key for c in block.columns),
                    candidates_by_cell(vectors, len(types)),
                    strict=True,
                )
            )
        result.cells[block.id] = out  # type: ignore[assignment]
    return result


# ---------------------------------------------------------------------------------------------
# Table 3


def table3_variant(lines: Sequence[Line]) -> str:
    """``split_other`` when the three （六） sub-rows are printed, else ``single_other``."""
    split_rows = [
        r for r in tpl.all_table3_rows() if r.variant == "split_other" and r.number in (1, 2)
    ]
    patterns = [p for r in split_rows for p in r.anchors]
    words = [line for line in lines if line.cells is None]
    texts = [
        *(line.text for line in lines),
        # a sub-row's label wrapped over lines (逾期不 / 补正、), beside a rowspan stub
        "".join(line.text for line in words),
        norm("".join(w[-1] for line in words if (w := _printed(line).split()))),
    ]
    return "split_other" if any(p.search(t) for t in texts for p in patterns) else "single_other"


def _sum_ok(vec: tuple[Value, ...]) -> bool:
    parts = vec[:-1]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in vec):
        return True  # blanks make the identity not assessable, not false
    return vec[-1] == sum(parts)  # type: ignore[arg-type]


def _increasing(items: list[tuple[int, int]]) -> set[int]:
    """Indices (into ``items``) of a longest subsequence increasing in the second field."""
    # The chain chosen ending at i extends the first longest chain ending before it at a
    # smaller order (as max(..., key=len) picks the first longest); each chain is kept as its
    # last index and the index before it, not copied.
    lengths: list[int] = []
    previous: list[int] = []
    orders = [order for _, order in items]
    for i, order in enumerate(orders):
        chosen, length = -1, 0
        for j in range(i):
            if orders[j] < order and lengths[j] > length:
                chosen, length = j, lengths[j]
        previous.append(chosen)
        lengths.append(length + 1)
    chain: set[int] = set()
    if lengths:
        i = lengths.index(max(lengths))  # the first longest, as max(best, key=len)
        while i >= 0:
            chain.add(i)
            i = previous[i]
    return chain


def read_table3(lines: Sequence[Line], variant: str) -> TableResult:
    rows = tpl.table3_rows(variant)
    order = {r.key: i for i, r in enumerate(rows)}
    columns = tpl.table3_columns()
    types = ["int"] * len(columns)
    found = [s for no, line in enumerate(lines) for s in line_segments(line, rows, no)]
    found = join_label_halves(lines, found, rows)
    with_segments = {s.line_no for s in found}
    label_rest = frozenset(
        no
        for no, line in enumerate(lines)
        if no not in with_segments and line.cells is None and _CJK.search(line.text)
    )
    segments = join_wrapped_labels(found, label_rest, lines, _normalized_labels(variant))

    anchored = [
        (k, s) for k, s in enumerate(segments) if s.row is not None and s.values is not None
    ]
    seen: set[str] = set()
    unique = []
    for k, s in anchored:
        if s.row not in seen:
            seen.add(s.row)  # type: ignore[arg-type]
            unique.append((k, s))
    keep = _increasing([(k, order[s.row]) for k, s in unique])  # type: ignore[index]
    placed: dict[str, tuple[int, RawValues]] = {}
    demoted: set[int] = set()
    for idx, (k, s) in enumerate(unique):
        if idx in keep:
            placed[s.row] = (k, s.values)  # type: ignore[index,assignment]
        else:
            demoted.add(k)
    result = TableResult(cells={})

    def full_width(values: RawValues) -> bool:
        kind, texts = values
        if kind == "cells":
            return len([t for t in texts]) >= len(columns) and any(t.strip() for t in texts)
        return len(texts) == len(columns)

    orphans = [
        (k, s.values)
        for k, s in enumerate(segments)
        if (s.row is None or k in demoted) and s.values is not None and full_width(s.values)
    ]
    # Give orphans to the rows missing between two located rows, when the counts agree.
    anchors_by_pos = sorted((k, order[key]) for key, (k, _) in placed.items())
    bounds = [(-1, -1), *anchors_by_pos, (len(segments), len(rows))]
    for (k0, i0), (k1, i1) in itertools.pairwise(bounds):
        missing = [rows[i].key for i in range(i0 + 1, i1) if rows[i].key not in placed]
        between = [v for k, v in orphans if k0 < k < k1]
        if not missing or not between:
            continue
        if len(missing) == len(between):
            for key, values in zip(missing, between, strict=True):
                placed[key] = (-1, values)
        else:
            result.warnings.append(
                f"table 3: {len(between)} unlabelled value rows for {len(missing)} missing rows "
                f"({', '.join(missing)}); not assigned"
            )

    row_sets: dict[str, list[tuple[Value, ...]]] = {}
    labelled = {s.row for s in segments if s.row is not None}
    # Rows printed alike are read once: a crawled table glues most rows' zeros the same way
    # (0000000), and each glued row costs a split search.
    read: dict[tuple[str, tuple[str, ...]], tuple[list[tuple[Value, ...]], list[str]]] = {}
    for row in rows:
        if row.key not in placed:
            # A label printed with no values anywhere was found: its cells are blank.
            if row.key in labelled:
                result.warnings.append(f"table 3 row {row.label} printed with blank cells")
            else:
                result.warnings.append(f"table 3 row {row.label} not found")
            row_sets[row.key] = [tuple([None] * len(columns))]
            continue
        result.located += 1
        kind, texts = placed[row.key][1]
        printed = (kind, tuple(texts))
        if printed not in read:
            read[printed] = row_vectors((kind, texts), types, accept=_sum_ok, last_is_sum=True)
        vectors, warns = read[printed]
        result.warnings.extend(f"table 3 {row.label}: {w}" for w in warns)
        row_sets[row.key] = list(vectors)

    _narrow_by_columns(row_sets, variant, result)
    keys = [c.key for c in columns]
    for row in rows:
        values = candidates_by_cell(row_sets[row.key], len(columns))
        result.cells[row.key] = dict(zip(keys, values, strict=True))
    return result


def _column_identities_hold(
    choice: dict[str, tuple[Value, ...]], variant: str, use_i2: bool
) -> bool:
    outcome = tpl.outcome_row_keys(variant)
    n_cols = len(tpl.table3_columns())
    for c in range(n_cols):

        def val(key: str, c: int = c) -> Value:
            return choice[key][c]

        i1 = [
            val("new_received"),
            val("carried_over"),
            val("total_processed"),
            val("carry_forward"),
        ]
        if all(isinstance(v, int | float) for v in i1) and i1[0] + i1[1] != i1[2] + i1[3]:  # type: ignore[operator]
            return False
        if use_i2:
            parts = [val(k) for k in outcome]
            total = val("total_processed")
            if all(isinstance(v, int | float) for v in [*parts, total]) and sum(parts) != total:  # type: ignore[arg-type]
                return False
    return True


def _narrow_by_columns(
    row_sets: dict[str, list[tuple[Value, ...]]], variant: str, result: TableResult
) -> None:
    """Choose among a glued row's splits with the column identities (T3-I2, then T3-I1)."""
    open_rows = [k for k, v in row_sets.items() if len(v) > 1]
    if not open_rows:
        return
    size = 1
    for k in open_rows:
        size *= len(row_sets[k])
    if size > _COMBO_LIMIT:
        result.warnings.append(
            "table 3: too many digit splits to check against the column identities"
        )
        return
    for use_i2 in (True, False):
        survivors: dict[str, list[tuple[Value, ...]]] = {k: [] for k in open_rows}
        any_ok = False
        for combo in itertools.product(*(row_sets[k] for k in open_rows)):
            choice = {k: v[0] for k, v in row_sets.items()}
            choice.update(zip(open_rows, combo, strict=True))
            if _column_identities_hold(choice, variant, use_i2):
                any_ok = True
                for k, vec in zip(open_rows, combo, strict=True):
                    if vec not in survivors[k]:
                        survivors[k].append(vec)
        if any_ok:
            row_sets.update(survivors)
            return


# ---------------------------------------------------------------------------------------------
# Table 4


def _table4_line_values(line: Line) -> RawValues | None:
    """The values of one table 4 line, or None when the line is not part of the table."""
    if line.cells is not None:
        texts = [c for c, s in zip(line.cells, line.spanned or [], strict=False) if not s]
        if texts and all(_is_value_cell(t) for t in texts) and any(t.strip() for t in texts):
            return (_cells_kind(line), _without_spacers(texts))
        return None
    rest = line.text
    for word in tpl.table4_header_words():
        rest = rest.replace(word, " ")
    runs = _runs(rest)
    if not runs:
        return None
    leftover = _RUN.sub(" ", rest)
    if len(re.sub(r"[\s、,.:;()\-—*#|]", "", leftover)) > 4:  # Markdown marks are no prose
        # Prose with numbers in it; only a run glued to the header words counts.
        return _values_after_glued_header(line.text)
    return ("tokens", [t for m in runs for t in TOKEN.findall(m.group())])


def _values_after_glued_header(text: str) -> RawValues | None:
    """In a line that holds prose too, the values glued right after the table's own header,
    as a page run into one line prints a sentence between section 四's heading and its table
    (…情况2022年，未有…诉讼情况。行政复议行政诉讼结果维持…尚未审结总计000000000000000), or None.
    The header must end right before the values and show its column words.

    >>> _values_after_glued_header("未有复议。结果维持结果纠正其他结果尚未审结总计1 0 0 0 1")
    ('tokens', ['1', '0', '0', '0', '1'])
    >>> _values_after_glued_header("2022年共有行政复议总计3件") is None
    True
    """
    end = max((text.rfind(w) + len(w) for w in tpl.table4_header_words() if w in text), default=-1)
    if end < 0:
        return None
    tail = text[end:]
    runs = _runs(tail)
    if not runs or _RUN.sub("", tail).strip(" \t、,.;|"):
        return None  # words after the header's last word: prose, not the table's values
    # A header glued before its values shows several of the table's column labels.
    header = text[max(0, end - 60) : end]
    if sum(c.label in header for c in tpl.table4_columns()) < 3:
        return None
    return ("tokens", [t for m in runs for t in TOKEN.findall(m.group())])


def _without_spacers(texts: list[str]) -> list[str]:
    """A table 4 row of more cells than the table has columns without its extra blank cells at
    the edges, the left first: an empty spacer column, or Word's placeholder cell before a
    shifted row. A row of at most 15 cells keeps every blank (a blank is a value: not given).

    >>> len(_without_spacers([""] + ["1"] * 15)), _without_spacers(["", "", "1"])
    (15, ['', '', '1'])
    """
    width = tpl.table4_width()
    start, end = 0, len(texts)
    while end - start > width and not texts[start].strip():
        start += 1
    while end - start > width and not texts[end - 1].strip():
        end -= 1
    return texts[start:end]


def read_table4(lines: Sequence[Line]) -> TableResult:
    groups = tpl.table4_groups()
    columns = tpl.table4_columns()
    width = tpl.table4_width()
    kind = "tokens"
    texts: list[str] = []
    started = False
    for line in lines:
        values = _table4_line_values(line)
        if values is None:
            if started and len(texts) >= width:
                break
            continue
        started = True
        if values[0] != "tokens":
            kind = values[0]
        texts.extend(values[1])
        if len(texts) >= width:
            break
    result = TableResult(cells={})
    if not texts:
        result.warnings.append("table 4 values not found")
        vectors: list[tuple[Value, ...]] = [tuple([None] * width)]
    else:
        result.located = 1

        def group_ok(vec: tuple[Value, ...]) -> bool:
            if len(vec) % len(columns):
                return True
            return _sum_ok(vec[-len(columns) :])

        vectors, warns = row_vectors(
            (kind, texts), ["int"] * width, prefix_ok=group_ok, group_sums=len(columns)
        )
        result.warnings.extend(f"table 4: {w}" for w in warns)
    values = candidates_by_cell(vectors, width)
    for g, (gkey, _label) in enumerate(groups):
        part = values[g * len(columns) : (g + 1) * len(columns)]
        result.cells[gkey] = dict(zip((c.key for c in columns), part, strict=True))
    return result
