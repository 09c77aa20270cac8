"""A report's cells by dotted path, the table 3 layout, and rule terms as signed cell paths.

The layer below the checks (:mod:`.checks`) and the forced cells (:mod:`.derive`): both read
cells and expand the terms of the catalogue (``templates.yaml`` → ``rules``) through here.

Example::

    >>> from disclosure_metrics import parse_file
    >>> report = parse_file("data/raw/2020_huianpu.txt")
    >>> cell(report, "table3.new_received.total"), cell(report, "table3.x.total") is MISSING
    (0, True)
    >>> table3_variant(report)
    'single_other'
    >>> expand(report, "table3.denied.*.total")[:2]
    ['table3.denied.1.total', 'table3.denied.2.total']
    >>> terms = signed_paths(report, None, ["new_received", "-granted"], "table3.{key}.total")
    >>> [(sign, path) for sign, _report, path in terms]
    [(1, 'table3.new_received.total'), (-1, 'table3.granted.total')]
"""

from __future__ import annotations

import fnmatch
from collections.abc import Sequence
from typing import Any

from . import templates as tpl
from .parse import Report

#: What :func:`cell` returns for a path the report does not have.
MISSING: Any = object()


def cell(report: Report, path: str) -> Any:
    """The value at a dotted path (``table3.granted.total``, ``table2.art20_1.rules.made``)."""
    table, _, rest = path.partition(".")
    node: Any = getattr(report, table)
    if table == "table3":
        # Row keys contain dots themselves (denied.1): the column is the last part.
        row, _, col = rest.rpartition(".")
        values = node.get(row)
        return MISSING if values is None else values.get(col, MISSING)
    for key in rest.split("."):
        if not isinstance(node, dict) or key not in node:
            return MISSING
        node = node[key]
    return node


def expand(report: Report, path: str) -> list[str]:
    """Glob paths (``table3.denied.*.total``) to the paths the report has."""
    if "*" not in path:
        return [path]
    table, rest = path.split(".", 1)
    if table == "table3":
        row_glob, col = rest.rsplit(".", 1)
        return [
            f"table3.{row}.{col}" for row in report.table3 if fnmatch.fnmatchcase(row, row_glob)
        ]
    raise ValueError(f"glob only supported in table 3: {path}")


def table3_variant(report: Report) -> str:
    """``split_other`` (the three （六） rows of GOV2021) or ``single_other`` (one row)."""
    return "split_other" if "other.1" in report.table3 else "single_other"


def signed_paths(
    report: Report, prev: Report | None, names: Sequence[str], fill: str
) -> list[tuple[int, Report, str]]:
    """Rule terms to signed cell paths; ``fill`` formats a key into a path."""
    out: list[tuple[int, Report, str]] = []
    for name in names:
        sign = -1 if name.startswith("-") else 1
        name = name.lstrip("-")
        target = report
        if name.startswith("prev:"):
            if prev is None:
                raise ValueError("a prev: term needs the previous report")
            target, name = prev, name[5:]
        if name == "@outcome_rows":
            for key in tpl.outcome_row_keys(table3_variant(target)):
                out.append((sign, target, fill.format(key=key)))
        else:
            out.append((sign, target, fill.format(key=name)))
    return out
