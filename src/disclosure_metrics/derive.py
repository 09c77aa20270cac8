"""Cells the source left blank but the identities force: filled as ``derived``, never as printed.

Every hard identity of the catalogue (T3-I1, T3-I2, T3-I3, T4-I1) is an equation between sums of
non-negative cells. A blank cell is forced when it is the only unknown of an equation, or when
the known part of its side already equals the other side (then every unknown there is 0).
This is repeated until nothing more is forced; ``NA`` and ambiguous cells are never filled.

Example::

    >>> from disclosure_metrics import parse_file
    >>> filled = forced_cells(parse_file("data/raw/2020_huianpu.txt"))
    >>> filled["table3.granted.total"], filled["table3.denied.1.other_org"]
    (0, 0)
"""

from __future__ import annotations

from functools import cache

from . import templates as tpl
from .cells import cell, signed_paths, table3_variant
from .parse import Report

Equation = tuple[list[tuple[int, str]], list[tuple[int, str]]]


def equations(report: Report) -> list[Equation]:
    """The hard identities of a report as (left, right) lists of signed cell paths."""
    return _equations(table3_variant(report))


@cache
def _equations(variant: str) -> list[Equation]:
    # The equations depend only on the table 3 layout; a stand-in report gives the variant.
    report = Report(
        path="",
        agency=None,
        year=None,
        format="",
        table2={},
        table4={},
        table3={"other.1": {}} if variant == "split_other" else {},
    )
    eqs: list[Equation] = []
    for rule in tpl.rules():
        if rule.kind != "identity":
            continue
        table, for_each = rule.get("table"), rule.get("for_each")
        fills: list[str] = []
        if table == "table3" and for_each == "column":
            fills = [f"table3.{{key}}.{c.key}" for c in tpl.table3_columns()]
        elif table == "table3" and for_each == "row":
            fills = [f"table3.{r.key}.{{key}}" for r in tpl.table3_rows(table3_variant(report))]
        elif table == "table4":
            fills = [f"table4.{g}.{{key}}" for g, _ in tpl.table4_groups()]
        for fill in fills:
            left = [(s, p) for s, _r, p in signed_paths(report, None, rule.get("left"), fill)]
            right = [(s, p) for s, _r, p in signed_paths(report, None, rule.get("right"), fill)]
            eqs.append((left, right))
    return eqs


def _known(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def forced_cells(report: Report) -> dict[str, int | float]:
    """Blank cells whose value the identities and non-negativity force, with that value."""
    values: dict[str, object] = {}
    eqs = equations(report)
    for left, right in eqs:
        for _s, path in [*left, *right]:
            values.setdefault(path, cell(report, path))
    derived: dict[str, int | float] = {}
    changed = True
    while changed:
        changed = False
        for left, right in eqs:
            for found in _solve(left, right, values):
                path, value = found
                values[path] = value
                derived[path] = value
                changed = True
    return derived


def _solve(left: list[tuple[int, str]], right: list[tuple[int, str]], values: dict[str, object]):  # type: ignore[no-untyped-def]
    terms = [(s, p) for s, p in left] + [(-s, p) for s, p in right]  # Σ sign·cell = 0
    unknown = [(s, p) for s, p in terms if values[p] is None]
    if not unknown or any(not _known(values[p]) and values[p] is not None for _s, p in terms):
        return []  # nothing to do, or an NA / ambiguous / missing cell blocks the equation
    rest = sum(s * values[p] for s, p in terms if values[p] is not None)  # type: ignore[operator]
    if len(unknown) == 1:
        sign, path = unknown[0]
        value = -rest / sign
        if value < 0:
            return []  # the printed cells contradict each other; force nothing
        return [(path, int(value) if float(value).is_integer() else value)]
    signs = {s for s, _p in unknown}
    if len(signs) == 1 and rest == 0:
        return [(p, 0) for _s, p in unknown]  # every unknown on one side, already balanced
    return []
