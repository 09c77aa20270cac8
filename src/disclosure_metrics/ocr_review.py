"""OCR'd table cells checked against the template's identities: a digit they cannot confirm
is never guessed.

After an OCR'd report is parsed, every table 3 and table 4 cell is looked at with what OCR said
of it (its confidence, its page) and with the identities it takes part in: its row's total
(T3 rows, each table 4 group) and, in table 3, its column's two identities (T3-I1: new plus
carried over equals processed plus carried forward; T3-I2: the outcomes add up to the total).

* A cell read with low confidence stays as read only when an identity it takes part in holds
  and none fails; otherwise it becomes ambiguous.
* A table 3 cell whose row and column identities both fail, while every other row and column
  holds, is the one misread cell: it becomes ambiguous even when OCR was confident.

An ambiguous cell's candidates are the value read and every value an identity forces on it;
a warning names the page and the cell. A failure that cannot be pinned to one cell (a table 4
group whose cells were all read confidently) is left as read: the checks report it.

Example (table 4's review group: 1 read with low confidence, its total read as 3)::

    >>> from .document import OcrLine
    >>> t4 = {g: {c: 0 for c in ("upheld", "corrected", "other", "pending", "total")}
    ...       for g in ("review", "lit_direct", "lit_after_review")}
    >>> t4["review"].update(upheld=1, total=3)
    >>> line = OcrLine("1 0 0 0 3" + " 0" * 10, 4, [0.55] + [0.99] * 14)
    >>> for warning in review_cells({}, t4, [line]):
    ...     print(warning.replace(" is not", "\\n  is not"))
    OCR page 4: table 4 行政复议 结果维持 read as 1 with confidence 0.55
      is not confirmed by the identities; candidates 1, 3
    >>> t4["review"]["upheld"]
    Ambiguous(candidates=(1, 3))
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import templates as tpl
from .document import OcrLine
from .normalize import norm
from .numbers import TOKEN, Ambiguous, UnreadableCell, Value, parse_cell
from .readers.ocr import LOW_CONFIDENCE
from .tables import Line, line_segments

Cell = tuple[str, str, str]  # (table, row or group key, column key)


@dataclass(frozen=True)
class _Identity:
    """Cells whose values satisfy ``sum(parts) == sum(totals)``."""

    parts: tuple[Cell, ...]
    totals: tuple[Cell, ...]


@dataclass
class _Read:
    score: float
    page: int


def _number(value: object) -> int | float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return value


def _token_value(token: str) -> Value:
    try:
        return parse_cell(token)
    except UnreadableCell:
        return None


def _identities(variant: str, with_table3: bool) -> list[_Identity]:
    out: list[_Identity] = []
    if with_table3:
        rows = [r.key for r in tpl.table3_rows(variant)]
        columns = [c.key for c in tpl.table3_columns()]
        *parts, total = columns
        for row in rows:
            out.append(
                _Identity(tuple(("table3", row, c) for c in parts), (("table3", row, total),))
            )
        outcomes = tpl.outcome_row_keys(variant)
        for column in columns:
            out.append(
                _Identity(
                    (("table3", "new_received", column), ("table3", "carried_over", column)),
                    (("table3", "total_processed", column), ("table3", "carry_forward", column)),
                )
            )
            out.append(
                _Identity(
                    tuple(("table3", r, column) for r in outcomes),
                    (("table3", "total_processed", column),),
                )
            )
    *parts4, total4 = [c.key for c in tpl.table4_columns()]
    for group, _label in tpl.table4_groups():
        out.append(
            _Identity(tuple(("table4", group, c) for c in parts4), (("table4", group, total4),))
        )
    return out


def _reads(table3: dict, table4: dict, variant: str, lines: Sequence[OcrLine]) -> dict[Cell, _Read]:
    """What OCR said of each cell it can be traced to: a table 3 row by its label on the line
    (or, for values printed on a line of their own, the one line holding exactly that row's
    values), table 4 as the last run of its values in the OCR'd text."""
    columns = [c.key for c in tpl.table3_columns()]
    rows = tpl.table3_rows(variant)
    tokens: list[tuple[str, float, int]] = []
    per_line: list[list[tuple[str, float, int]]] = []
    for line in lines:
        text = norm(line.text)
        found = [m.group() for m in TOKEN.finditer(text)]
        if len(found) != len(line.token_scores):
            per_line.append([])
            continue  # normalizing joined or split a token: this line's reads are not traced
        mine = [(t, s, line.page) for t, s in zip(found, line.token_scores, strict=True)]
        per_line.append(mine)
        tokens.extend(mine)
    out: dict[Cell, _Read] = {}

    def take(table: str, key: str, keys: Sequence[str], run: Sequence[tuple[str, float, int]]):
        for column, (_t, score, page) in zip(keys, run, strict=True):
            out[(table, key, column)] = _Read(score, page)

    used: set[int] = set()
    if table3:
        for index, line in enumerate(lines):
            mine = per_line[index]
            texts = [t for t, _s, _p in mine]
            for segment in line_segments(Line(norm(line.text)), rows):
                if segment.row is None or segment.values is None:
                    continue
                values = segment.values[1]
                if len(values) != len(columns) or (("table3", segment.row, columns[0]) in out):
                    continue
                for start in range(len(texts) - len(values) + 1):
                    if texts[start : start + len(values)] == list(values):
                        take("table3", segment.row, columns, mine[start : start + len(values)])
                        used.add(index)
                        break
        for row in rows:
            if ("table3", row.key, columns[0]) in out or row.key not in table3:
                continue
            wanted = [table3[row.key].get(c) for c in columns]
            for index, mine in enumerate(per_line):
                if index in used or len(mine) != len(columns):
                    continue
                if [_token_value(t) for t, _s, _p in mine] == wanted:
                    take("table3", row.key, columns, mine)
                    used.add(index)
                    break
    groups = [g for g, _label in tpl.table4_groups()]
    keys4 = [c.key for c in tpl.table4_columns()]
    wanted4 = [table4.get(g, {}).get(c) for g in groups for c in keys4]
    if table4 and all(_number(v) is not None for v in wanted4):
        width = len(wanted4)
        values = [_token_value(t) for t, _s, _p in tokens]
        for start in range(len(tokens) - width, -1, -1):
            if values[start : start + width] == wanted4:
                for k, group in enumerate(groups):
                    chunk = tokens[start + k * len(keys4) : start + (k + 1) * len(keys4)]
                    take("table4", group, keys4, chunk)
                break
    return out


def _label(cell: Cell) -> str:
    table, key, column = cell
    if table == "table3":
        row = next((r.label for r in tpl.all_table3_rows() if r.key == key), key)
        col = next((c.label for c in tpl.table3_columns() if c.key == column), column)
        return f"table 3 {row} / {col}"
    group = dict(tpl.table4_groups()).get(key, key)
    col = next((c.label for c in tpl.table4_columns() if c.key == column), column)
    return f"table 4 {group} {col}"


def review_cells(
    table3: dict, table4: dict, lines: Sequence[OcrLine], variant: str | None = None
) -> list[str]:
    """Make every OCR'd table 3/4 cell the identities cannot confirm :class:`Ambiguous` (in
    place); returns one warning per such cell, naming its page and the cell.

    Decisions are taken on the values as read, all at once. When one table 3 cell is pinned
    (its row and column fail, nothing else does) and every identity agrees on the value it
    must have, the other cells are judged as if it had that value: its misreading explains the
    failures, and does not cast doubt on the cells beside it.
    """
    if variant is None:
        variant = "split_other" if "other.1" in table3 else "single_other"
    tables = {"table3": table3, "table4": table4}
    identities = _identities(variant, bool(table3))
    cells = sorted({c for identity in identities for c in (*identity.parts, *identity.totals)})
    read_as: dict[Cell, int | float | None] = {
        c: _number(tables[c[0]].get(c[1], {}).get(c[2])) for c in cells
    }
    involving: dict[Cell, list[int]] = {c: [] for c in cells}
    for k, identity in enumerate(identities):
        for c in (*identity.parts, *identity.totals):
            involving[c].append(k)
    status = [_holds(identity, read_as) for identity in identities]
    reads = _reads(table3, table4, variant, lines)
    pinned = _pinned(identities, status)
    judged = dict(read_as)
    forced_on_pinned: set[int | float] = set()
    if pinned is not None:
        forced_on_pinned = {
            f
            for k in involving[pinned]
            if status[k] is False
            and (f := _forced(identities[k], pinned, read_as)) is not None
            and f >= 0
        }
        if len(forced_on_pinned) == 1:
            judged[pinned] = next(iter(forced_on_pinned))
            status = [_holds(identity, judged) for identity in identities]
    warnings: list[str] = []
    for cell in cells:
        current = read_as[cell]
        if current is None:
            continue
        read = reads.get(cell)
        fails = [k for k in involving[cell] if status[k] is False]
        holds = [k for k in involving[cell] if status[k] is True]
        low = read is not None and read.score < LOW_CONFIDENCE
        if cell == pinned:
            candidates = {current, *forced_on_pinned}
        elif low and (fails or not holds):
            candidates = {current}
            for k in fails:
                forced = _forced(identities[k], cell, judged)
                if forced is not None and forced >= 0:
                    candidates.add(forced)
        else:
            continue
        tables[cell[0]][cell[1]][cell[2]] = Ambiguous(tuple(sorted(candidates)))
        page = f"OCR page {read.page}" if read else "OCR"
        how = f" with confidence {read.score:.2f}" if read else ""
        warnings.append(
            f"{page}: {_label(cell)} read as {current}{how} is not confirmed by the "
            f"identities; candidates {', '.join(str(c) for c in sorted(candidates))}"
        )
    return warnings


def _holds(identity: _Identity, values: dict[Cell, int | float | None]) -> bool | None:
    """True or False, or None when a cell of it is not a number (not assessable)."""
    numbers = [values.get(c) for c in (*identity.parts, *identity.totals)]
    if any(n is None for n in numbers):
        return None
    return sum(numbers[: len(identity.parts)]) == sum(numbers[len(identity.parts) :])  # type: ignore[arg-type]


def _pinned(identities: list[_Identity], status: list[bool | None]) -> Cell | None:
    """The one table 3 cell at the crossing of the one failing row and the one failing column
    (its column may fail T3-I1, T3-I2 or both), when nothing else in table 3 fails (table 4's
    groups share no cell with it)."""
    rows, columns = set(), set()
    for identity, state in zip(identities, status, strict=True):
        if state is not False:
            continue
        first, total = identity.parts[0], identity.totals[0]
        if first[0] != "table3":
            continue
        if first[1] == total[1]:
            rows.add(total[1])
        else:
            columns.add(total[2])
    if len(rows) == 1 and len(columns) == 1:
        return ("table3", rows.pop(), columns.pop())
    return None


def _forced(identity: _Identity, cell: Cell, values: dict[Cell, int | float | None]):  # type: ignore[no-untyped-def]
    """The value ``cell`` must have for ``identity`` to hold, the other cells as given."""
    parts = [values.get(c) for c in identity.parts if c != cell]
    totals = [values.get(c) for c in identity.totals if c != cell]
    if any(n is None for n in (*parts, *totals)):
        return None
    if cell in identity.parts:
        return sum(totals) - sum(parts)  # type: ignore[arg-type]
    return sum(parts) - sum(totals)  # type: ignore[arg-type]
