"""Plain-text rendering of a parsed report for the terminal (``disclosure-metrics parse``).

Example::

    >>> from disclosure_metrics.numbers import Ambiguous
    >>> cell_text(None), cell_text("NA"), cell_text(Ambiguous((6, 69)))
    ('·', 'NA', '?6|69')
"""

from __future__ import annotations

import unicodedata

from . import templates as tpl
from .numbers import Ambiguous
from .parse import Report


def cell_text(value: object) -> str:
    """A cell for display: blank as ``·``, ambiguous as ``?a|b``."""
    if value is None:
        return "·"
    if isinstance(value, Ambiguous):
        return "?" + "|".join(str(c) for c in value.candidates)
    return str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - _width(text), 0)


def _grid(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    out = ["  " + "  ".join(_pad(h, w) for h, w in zip(header, widths, strict=True))]
    out += ["  " + "  ".join(_pad(c, w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return out


def format_report(report: Report, name: str | None = None) -> str:
    """The report's metadata and its tables 2, 3 and 4 as aligned text.

    ``name``: how the report is named (its path under the given folder; the file name if None).
    """
    lines = [
        f"{name or report.file}  {report.agency or '?'}  {report.year or '?'}  {report.format}"
        f"  ({report.source_format})",
    ]
    fmt2 = report.table2_format or ("GOV2021" if report.format == "GOV2021" else "GOV2019")
    if report.table2:
        lines.append(" 表二 Table 2")
        for block in tpl.table2_blocks(fmt2):
            cells = report.table2.get(block.id, {})
            header = [block.caption, *(c.label for c in block.columns)]
            rows = [
                [r.label, *(cell_text(cells.get(r.key, {}).get(c.key)) for c in block.columns)]
                for r in block.rows
            ]
            lines += _grid(header, rows)
    lines.append(" 表三 Table 3")
    columns = tpl.table3_columns()
    variant = "split_other" if "other.1" in report.table3 else "single_other"
    rows3 = [
        [r.label[:16], *(cell_text(report.table3.get(r.key, {}).get(c.key)) for c in columns)]
        for r in tpl.table3_rows(variant)
    ]
    lines += _grid(["", *(c.label for c in columns)], rows3)
    lines.append(" 表四 Table 4")
    t4cols = tpl.table4_columns()
    rows4 = [
        [label, *(cell_text(report.table4.get(key, {}).get(c.key)) for c in t4cols)]
        for key, label in tpl.table4_groups()
    ]
    lines += _grid(["", *(c.label for c in t4cols)], rows4)
    ambiguous = report.ambiguous_cells()
    if ambiguous:
        lines.append(f" 不确定的单元格 ambiguous cells ({len(ambiguous)}): " + ", ".join(ambiguous))
    for warning in report.warnings:
        lines.append(f" ! {warning}")
    return "\n".join(lines)
