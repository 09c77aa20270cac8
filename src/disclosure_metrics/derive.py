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
from .cells import Place, places, table3_variant, value_at
from .parse import Report

Equation = tuple[list[tuple[int, str]], list[tuple[int, str]]]
Balance = tuple[tuple[int, str], ...]  # an equation as Σ sign·cell = 0
Read = tuple[str, str, tuple[str, ...]]  # a cell's path, its table and its keys there


def equations(report: Report) -> list[Equation]:
    """The hard identities of a report as (left, right) lists of signed cell paths."""
    return [
        ([(t.sign, t.path) for t in place.left], [(t.sign, t.path) for t in place.right])
        for place in _places(table3_variant(report))
    ]


def _places(variant: str) -> list[Place]:
    return [
        place
        for rule in tpl.rules()
        if rule.kind == "identity"
        for place in places(rule.id, variant)
    ]


@cache
def _system(variant: str) -> tuple[tuple[Balance, ...], tuple[Read, ...]]:
    """The equations of a table 3 layout as Σ sign·cell = 0, and every cell they read once."""
    eqs: list[Balance] = []
    reads: dict[str, Read] = {}
    for place in _places(variant):
        eqs.append(
            tuple((t.sign, t.path) for t in place.left)
            + tuple((-t.sign, t.path) for t in place.right)
        )
        for t in (*place.left, *place.right):
            reads.setdefault(t.path, (t.path, t.table, t.keys))
    return tuple(eqs), tuple(reads.values())


def _known(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def forced_cells(report: Report) -> dict[str, int | float]:
    """Blank cells whose value the identities and non-negativity force, with that value."""
    eqs, reads = _system(table3_variant(report))
    values: dict[str, object] = {}
    blank = False
    for path, table, keys in reads:
        value = value_at(report, table, keys)
        values[path] = value
        if value is None:
            blank = True
    if not blank:
        return {}
    # Cells only go from blank to filled: an equation without a blank now never gets one.
    active = [terms for terms in eqs if any(values[p] is None for _s, p in terms)]
    derived: dict[str, int | float] = {}
    changed = True
    while changed:
        changed = False
        for terms in active:
            for found in _solve(terms, values):
                path, value = found
                values[path] = value
                derived[path] = value
                changed = True
    return derived


def _solve(terms: Balance, values: dict[str, object]):  # type: ignore[no-untyped-def]
    """Cells one equation Σ sign·cell = 0 forces, as (path, value) pairs."""
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
