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
    >>> terms = signed_terms(["new_received", "-granted"], "table3.{key}.total", "single_other")
    >>> [(t.sign, t.path) for t in terms]
    [(1, 'table3.new_received.total'), (-1, 'table3.granted.total')]
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from . import templates as tpl
from .parse import Report

#: What :func:`cell` returns for a path the report does not have.
MISSING: Any = object()


def cell(report: Report, path: str) -> Any:
    """The value at a dotted path (``table3.granted.total``, ``table2.art20_1.rules.made``)."""
    table, keys = path_keys(path)
    return value_at(report, table, keys)


@lru_cache(maxsize=4096)
def path_keys(path: str) -> tuple[str, tuple[str, ...]]:
    """A dotted path as its table and the keys under it.

    >>> path_keys("table3.denied.1.total"), path_keys("table2.art20_1.rules.made")
    (('table3', ('denied.1', 'total')), ('table2', ('art20_1', 'rules', 'made')))
    """
    table, _, rest = path.partition(".")
    if table == "table3":
        # Row keys contain dots themselves (denied.1): the column is the last part.
        row, _, col = rest.rpartition(".")
        return table, (row, col)
    return table, tuple(rest.split("."))


def value_at(report: Report, table: str, keys: tuple[str, ...]) -> Any:
    """The value under ``keys`` (:func:`path_keys`) in a table, or :data:`MISSING`."""
    node: Any = getattr(report, table)
    if table == "table3":
        values = node.get(keys[0])
        return MISSING if values is None else values.get(keys[1], MISSING)
    for key in keys:
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
        return list(_table3_glob(rest, tuple(report.table3)))
    raise ValueError(f"glob only supported in table 3: {path}")


@lru_cache  # keyed by the table 3 layout (its row keys): a few per corpus
def _table3_glob(rest: str, rows: tuple[str, ...]) -> tuple[str, ...]:
    row_glob, col = rest.rsplit(".", 1)
    matches = re.compile(fnmatch.translate(row_glob)).match  # as fnmatch.fnmatchcase does
    return tuple(f"table3.{row}.{col}" for row in rows if matches(row))


def table3_variant(report: Report) -> str:
    """``split_other`` (the three （六） rows of GOV2021) or ``single_other`` (one row)."""
    return "split_other" if "other.1" in report.table3 else "single_other"


class Term(NamedTuple):
    """One signed cell of an identity, read from the report or (``prev``) its previous one."""

    sign: int
    prev: bool
    path: str
    table: str
    keys: tuple[str, ...]


class Place(NamedTuple):
    """Where an identity is checked (a column, a row, a group …) and the cells each side sums."""

    scope: str
    left: tuple[Term, ...]
    right: tuple[Term, ...]
    cells: tuple[str, ...]  # the left side's paths, then the right side's not on the left


def signed_terms(
    names: Sequence[str], fill: str, variant: str, prev_variant: str | None = None
) -> tuple[Term, ...]:
    """Rule terms to signed cells; ``fill`` formats a key into a path.

    A term is ``key``, ``-key`` (subtracted), ``prev:key`` (the previous report, whose table 3
    layout is ``prev_variant``) or ``@outcome_rows`` (the outcome rows of the layout).

    >>> [(t.sign, t.prev, t.path) for t in signed_terms(["-prev:granted"], "table3.{key}.total",
    ...                                                   "split_other", "single_other")]
    [(-1, True, 'table3.granted.total')]
    """
    out: list[Term] = []
    for name in names:
        sign = -1 if name.startswith("-") else 1
        name = name.lstrip("-")
        prev, variant_of_target = False, variant
        if name.startswith("prev:"):
            if prev_variant is None:
                raise ValueError("a prev: term needs the previous report")
            prev, variant_of_target, name = True, prev_variant, name[5:]
        keys = tpl.outcome_row_keys(variant_of_target) if name == "@outcome_rows" else (name,)
        for key in keys:
            path = fill.format(key=key)
            out.append(Term(sign, prev, path, *path_keys(path)))
    return tuple(out)


@cache
def places(
    rule_id: str,
    variant: str,
    prev_variant: str | None = None,
    table2_format: str | None = None,
) -> tuple[Place, ...]:
    """Every place an identity of the catalogue is checked, for a table layout.

    ``variant``: the report's table 3 layout (:func:`table3_variant`); ``prev_variant``: the
    previous report's, for rules across years; ``table2_format``: the report's table 2 template
    (rules over table 2 only). Depends on the layout alone, so it is computed once per layout.

    >>> [p.scope for p in places("T4-I1", "split_other")]
    ['group review', 'group lit_direct', 'group lit_after_review']
    >>> place = places("T3-I1", "split_other")[0]
    >>> place.scope, place.cells
    ('column natural_person', ('table3.new_received.natural_person', \
'table3.carried_over.natural_person', 'table3.total_processed.natural_person', \
'table3.carry_forward.natural_person'))
    """
    rule = tpl.rule(rule_id)
    table = rule.get("table", "table2" if rule.kind == "table2" else None)
    for_each = rule.get("for_each")
    fills: list[tuple[str, str]] = []  # (scope, fill)
    if table == "table3" and for_each == "column":
        fills = [(f"column {c.key}", f"table3.{{key}}.{c.key}") for c in tpl.table3_columns()]
    elif table == "table3" and for_each == "row":
        fills = [(f"row {r.key}", f"table3.{r.key}.{{key}}") for r in tpl.table3_rows(variant)]
    elif table == "table4":
        fills = [(f"group {g}", f"table4.{g}.{{key}}") for g, _label in tpl.table4_groups()]
    elif table == "table2" and table2_format is not None:
        blocks = rule.get("block")
        wanted = blocks if isinstance(blocks, list) else [blocks]
        fills = [
            (f"{block.id} {row.key}", f"table2.{block.id}.{row.key}.{{key}}")
            for block in tpl.table2_blocks(table2_format)
            if block.id in wanted
            for row in block.rows
        ]
    out = []
    for scope, fill in fills:
        left = signed_terms(rule.get("left"), fill, variant, prev_variant)
        right = signed_terms(rule.get("right"), fill, variant, prev_variant)
        left_paths = [t.path for t in left]
        cells = left_paths + [t.path for t in right if t.path not in left_paths]
        out.append(Place(scope, left, right, tuple(cells)))
    return tuple(out)
