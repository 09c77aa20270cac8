"""The check engine: every rule of the catalogue (``templates.yaml`` → ``rules``) over reports.

A result is ``pass``, ``fail`` (a hard rule broken), ``warn`` (a soft rule broken) or
``not_assessable`` — never a guess: a blank, ``NA`` or ambiguous cell makes an identity not
assessable, unless the caller opts into "blank = 0", which the result then states.

Example::

    >>> from disclosure_metrics import parse_file
    >>> results = run_checks([parse_file("data/raw/2020_huianpu.txt")])
    >>> sorted({r.status for r in results if r.rule == "T3-I3"})
    ['not_assessable', 'pass']
    >>> sorted({r.status for r in run_checks([parse_file("data/raw/2020_huianpu.txt")],
    ...                                      blank_as_zero=True) if r.rule == "T3-I3"})
    ['pass']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import templates as tpl
from .agencies import agency_key
from .cells import MISSING, cell, expand, signed_paths, table3_variant
from .derive import forced_cells
from .numbers import Ambiguous
from .parse import Report

PASS, FAIL, WARN, NOT_ASSESSABLE = "pass", "fail", "warn", "not_assessable"
BLANK_AS_ZERO = "blank = 0"


@dataclass
class CheckResult:
    """One rule evaluated at one place (a column, a row, a group, a statement …)."""

    file: str
    agency: str | None
    year: int | None
    rule: str
    status: str
    scope: str
    severity: str
    left: float | None = None
    right: float | None = None
    cells: list[str] = field(default_factory=list)
    message: str = ""
    detail: str = ""  # what is specific to this place, without the rule's own text
    path: str = ""  # the report's source path (file names may repeat across folders)
    assumption: str | None = None

    @property
    def difference(self) -> float | None:
        if self.left is None or self.right is None:
            return None
        return self.left - self.right

    def to_json(self) -> dict[str, Any]:
        """The object ``check --json`` prints (one per result)."""
        return {
            "file": self.file,
            "agency": self.agency,
            "year": self.year,
            "rule": self.rule,
            "status": self.status,
            "scope": self.scope,
            "left": self.left,
            "right": self.right,
            "cells": self.cells,
            "message": self.message,
            "severity": self.severity,
            "difference": self.difference,
            "assumption": self.assumption,
        }


@dataclass
class Evaluation:
    """The sum of some cells, or why it cannot be taken."""

    value: float | None
    cells: list[str]
    problem: str | None = None
    blanks: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Cells


def evaluate(
    terms: Iterable[tuple[int, Report, str]],
    blank_as_zero: bool,
    filled: Mapping[str, float] | None = None,
) -> Evaluation:
    """Sum signed cells; a blank, NA, ambiguous or missing cell makes the sum not assessable.

    ``filled``: blank cells the identities force (:mod:`.derive`), used where given.
    """
    total = 0.0
    cells: list[str] = []
    blanks: list[str] = []
    problem: str | None = None
    for sign, report, path in terms:
        cells.append(path)
        value = cell(report, path)
        if value is None and filled and path in filled:
            value = filled[path]
        if value is MISSING:
            problem = problem or f"{path} not in the report"
        elif isinstance(value, Ambiguous):
            problem = problem or f"{path} is ambiguous"
        elif value == "NA":
            problem = problem or f"{path} is NA"
        elif value is None:
            blanks.append(path)
            if not blank_as_zero:
                problem = problem or f"{path} is blank"
        else:
            total += sign * value
    if problem is not None:
        return Evaluation(None, cells, problem, blanks)
    return Evaluation(total, cells, None, blanks)


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


# ---------------------------------------------------------------------------------------------
# Results


def _result(
    report: Report,
    rule: tpl.Rule,
    scope: str,
    left: Evaluation,
    right: Evaluation,
    holds: bool | None = None,
    detail: str = "",
) -> CheckResult:
    cells = left.cells + [c for c in right.cells if c not in left.cells]
    problem = left.problem or right.problem
    assumption = BLANK_AS_ZERO if (left.blanks or right.blanks) and problem is None else None
    if problem is not None:
        status = NOT_ASSESSABLE
    else:
        ok = holds if holds is not None else abs(left.value - right.value) < 1e-9  # type: ignore[operator]
        status = PASS if ok else (FAIL if rule.severity == "hard" else WARN)
    specifics = []
    if problem:
        specifics.append(f"not assessable: {problem}")
    elif status != PASS:
        specifics.append(f"{_number(left.value)} vs {_number(right.value)}")
    if assumption:
        specifics.append(f"assuming {assumption} for {', '.join(left.blanks + right.blanks)}")
    if detail:
        specifics.append(detail)
    left_value, right_value = _number(left.value), _number(right.value)
    specific = "; ".join(specifics)
    return _make(report, rule, scope, status, specific, cells, left_value, right_value, assumption)


def _make(
    report: Report,
    rule: tpl.Rule,
    scope: str,
    status: str,
    specific: str,
    cells: Sequence[str] = (),
    left: float | None = None,
    right: float | None = None,
    assumption: str | None = None,
) -> CheckResult:
    """A result: the rule's own message, then what is specific to this place."""
    return CheckResult(
        file=report.file,
        agency=report.agency,
        year=report.year,
        rule=rule.id,
        status=status,
        scope=scope,
        severity=rule.severity,
        left=left,
        right=right,
        cells=list(cells),
        message=f"{rule.message_zh} / {rule.message_en}" + (f" — {specific}" if specific else ""),
        detail=specific,
        path=report.path,
        assumption=assumption,
    )


def _plain(
    report: Report, rule: tpl.Rule, scope: str, status: str, message: str, cells: Sequence[str] = ()
) -> CheckResult:
    return _make(report, rule, scope, status, message, cells)


# ---------------------------------------------------------------------------------------------
# Rule kinds


def _identity(
    report: Report, rule: tpl.Rule, blank_as_zero: bool, prev: Report | None = None
) -> list[CheckResult]:
    table = rule.get("table", "table2" if rule.kind == "table2" else None)
    for_each = rule.get("for_each")
    results = []
    if table == "table3" and for_each == "column":
        for col in (c.key for c in tpl.table3_columns()):
            fill = f"table3.{{key}}.{col}"
            left = evaluate(signed_paths(report, prev, rule.get("left"), fill), blank_as_zero)
            right = evaluate(signed_paths(report, prev, rule.get("right"), fill), blank_as_zero)
            results.append(_result(report, rule, f"column {col}", left, right))
    elif table == "table3" and for_each == "row":
        for row in tpl.table3_rows(table3_variant(report)):
            fill = f"table3.{row.key}.{{key}}"
            left = evaluate(signed_paths(report, prev, rule.get("left"), fill), blank_as_zero)
            right = evaluate(signed_paths(report, prev, rule.get("right"), fill), blank_as_zero)
            results.append(_result(report, rule, f"row {row.key}", left, right))
    elif table == "table4":
        for group, _label in tpl.table4_groups():
            fill = f"table4.{group}.{{key}}"
            left = evaluate(signed_paths(report, prev, rule.get("left"), fill), blank_as_zero)
            right = evaluate(signed_paths(report, prev, rule.get("right"), fill), blank_as_zero)
            results.append(_result(report, rule, f"group {group}", left, right))
    elif table == "table2":
        fmt = report.table2_format
        if fmt not in rule.get("formats", tpl.FORMATS) or (prev and prev.table2_format != fmt):
            return []
        blocks = rule.get("block")
        for block in tpl.table2_blocks(fmt):
            if block.id not in (blocks if isinstance(blocks, list) else [blocks]):
                continue
            for row in block.rows:
                fill = f"table2.{block.id}.{row.key}.{{key}}"
                left = evaluate(signed_paths(report, prev, rule.get("left"), fill), blank_as_zero)
                right = evaluate(signed_paths(report, prev, rule.get("right"), fill), blank_as_zero)
                holds = None
                if rule.get("op") and left.value is not None and right.value is not None:
                    holds = (
                        left.value <= right.value
                        if rule.get("op") == "<="
                        else left.value >= right.value
                    )
                results.append(_result(report, rule, f"{block.id} {row.key}", left, right, holds))
    return results


def _domain(report: Report, rule: tpl.Rule) -> list[CheckResult]:
    """DOM-1: integers ≥ 0 everywhere, signed only for 本年增/减, decimals only for money."""
    results = []
    types: dict[str, str] = {}
    if report.table2_format:
        for block in tpl.table2_blocks(report.table2_format):
            for row in block.rows:
                for col in block.columns:
                    types[f"table2.{block.id}.{row.key}.{col.key}"] = col.type
    for table in ("table2", "table3", "table4"):
        bad = []
        for path, value in _walk(getattr(report, table), table):
            if value is None or value == "NA" or isinstance(value, Ambiguous):
                continue
            col_type = types.get(path, "int")
            ok = (
                isinstance(value, int | float)
                and (col_type == "decimal" or float(value).is_integer())
                and (col_type == "signed_int" or value >= 0)
            )
            if not ok:
                bad.append(f"{path}={value}")
        status = FAIL if bad else PASS
        results.append(
            _plain(report, rule, table, status, "; ".join(bad), [b.split("=")[0] for b in bad])
        )
    return results


def _walk(node: Any, prefix: str):  # type: ignore[no-untyped-def]
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _walk(value, f"{prefix}.{key}")
    else:
        yield prefix, node


def _statement_paths(report: Report, expression: str) -> list[tuple[int, Report, str]]:
    terms = []
    for part in expression.split("+"):
        for path in expand(report, part.strip()):
            terms.append((1, report, path))
    return terms


def _narrative(
    report: Report, rule: tpl.Rule, blank_as_zero: bool, filled: Mapping[str, float] | None
) -> list[CheckResult]:
    statements: dict[str, list[str]] = rule.get("statements")
    # Totals the template leaves blank but the identities force (uniquely) count as printed here:
    # the text states totals, and a blank 总计 over printed parts is still that total.
    if filled is None:
        filled = forced_cells(report)
    results = []
    for fact in getattr(report, "narrative", []):
        if (
            fact.metric not in statements
            or fact.qualifier != "exact"
            or fact.channel not in ("all", None)
        ):
            continue
        stated = Evaluation(float(fact.value), [f"narrative.{fact.metric}"])
        alternatives = [
            evaluate(_statement_paths(report, e), blank_as_zero, filled)
            for e in statements[fact.metric]
        ]
        assessable = [a for a in alternatives if a.problem is None]
        chosen = next((a for a in assessable if abs(a.value - stated.value) < 1e-9), None)  # type: ignore[operator]
        table_side = chosen or (assessable[0] if assessable else alternatives[0])
        detail = f"text: “{fact.evidence}”"
        results.append(_result(report, rule, fact.metric, stated, table_side, detail=detail))
    return results


def _structure(report: Report, rule: tpl.Rule) -> list[CheckResult]:
    found = {s.no: s for s in report.sections}
    problems = []
    for section in tpl.sections():
        hit = found.get(section.no)
        if hit is None:
            problems.append(f"missing {section.heading}")
        elif hit.printed_number not in (None, section.no):
            problems.append(f"“{hit.heading}” numbered {hit.printed_number}, expected {section.no}")
        elif hit.printed_number is None:
            problems.append(f"“{hit.heading}” has no number")
    order = [s.no for s in report.sections]
    if order != sorted(order):
        problems.append("sections out of order")
    return [_plain(report, rule, "sections", WARN if problems else PASS, "; ".join(problems))]


def _template_year(report: Report, rule: tpl.Rule) -> list[CheckResult]:
    first = rule.get("first_year_of")["GOV2021"]
    if report.year is None:
        return [_plain(report, rule, "format", NOT_ASSESSABLE, "report year unknown")]
    if report.year < first:
        return [_plain(report, rule, "format", PASS, "")]
    old_parts = []
    if report.table2_format == "GOV2019":
        old_parts.append("table 2 uses the 2019 columns")
    if table3_variant(report) == "single_other":
        old_parts.append("table 3 has the single （六）其他处理 row of the 2019 template")
    status = WARN if old_parts else PASS
    return [
        _plain(
            report,
            rule,
            "format",
            status,
            f"{report.year}: " + "; ".join(old_parts) if old_parts else "",
        )
    ]


_WORK_YEAR = re.compile(r"(?:^|[。；;\n])\s*((?:19|20)\d{2})\s*年度?\s*[,，]")


def _work_year(report: Report, rule: tpl.Rule) -> list[CheckResult]:
    text = report.section_text.get("overview")
    if text is None or report.year is None:
        return [_plain(report, rule, "overview", NOT_ASSESSABLE, "no overview or no report year")]
    other = sorted({int(m.group(1)) for m in _WORK_YEAR.finditer(text)} - {report.year})
    if other:
        quotes = [
            m.group(0).strip("。；;\n ")
            for m in _WORK_YEAR.finditer(text)
            if int(m.group(1)) in other
        ]
        return [
            _plain(
                report,
                rule,
                "overview",
                WARN,
                f"report year {report.year}, text: " + "; ".join(quotes[:3]),
            )
        ]
    return [_plain(report, rule, "overview", PASS, "")]


_FEE_NOTICE = re.compile(
    r"收费通知[^。；;]{0,20}?([1-9]\d*|[一二三四五六七八九十]+)\s*(?:件|份|次|个)"
)


def _fees(report: Report, rule: tpl.Rule, blank_as_zero: bool) -> list[CheckResult]:
    if table3_variant(report) != "split_other":
        return []
    value = evaluate([(1, report, "table3.other.2.total")], blank_as_zero)
    if value.problem is not None:
        return [_plain(report, rule, "other.2", NOT_ASSESSABLE, value.problem, value.cells)]
    if value.value == 0:
        return [_plain(report, rule, "other.2", PASS, "", value.cells)]
    text = report.section_text.get("other_matters", "")
    reported = _FEE_NOTICE.search(text)
    status = PASS if reported else WARN
    detail = f"other.2 = {_number(value.value)}; " + (
        f"section 六: “{reported.group(0)}”" if reported else "section 六 states no fee notice"
    )
    return [_plain(report, rule, "other.2", status, detail, value.cells)]


# ---------------------------------------------------------------------------------------------
# Across reports


def _by_agency(
    reports: Sequence[Report], aliases: Mapping[str, str] | None
) -> dict[str, dict[int, Report]]:
    out: dict[str, dict[int, Report]] = defaultdict(dict)
    for report in reports:
        key = agency_key(report.agency, aliases)
        if key and report.year is not None:
            out[key][report.year] = report
    return out


def _cross_year(
    reports: Sequence[Report], blank_as_zero: bool, aliases: Mapping[str, str] | None
) -> list[CheckResult]:
    results = []
    for years in _by_agency(reports, aliases).values():
        for year, report in sorted(years.items()):
            prev = years.get(year - 1)
            if prev is None:
                continue
            for rule in tpl.rules():
                if rule.kind == "cross_year":
                    for r in _identity(report, rule, blank_as_zero, prev):
                        r.scope = f"{year - 1}→{year} {r.scope}"
                        results.append(r)
    return results


def _hierarchy(
    reports: Sequence[Report],
    units: Mapping[str, str],
    blank_as_zero: bool,
    aliases: Mapping[str, str] | None,
) -> list[CheckResult]:
    rule = tpl.rule("HIER-1")
    children: dict[str, list[str]] = defaultdict(list)
    for unit, parent in units.items():
        children[parent].append(unit)
    by_agency = _by_agency(reports, aliases)
    results = []
    for parent, kids in sorted(children.items()):
        for year, report in sorted(by_agency.get(parent, {}).items()):
            kid_reports = [by_agency.get(k, {}).get(year) for k in kids]
            missing = [k for k, r in zip(kids, kid_reports, strict=True) if r is None]
            if missing:
                results.append(
                    _plain(
                        report,
                        rule,
                        f"{year} children",
                        NOT_ASSESSABLE,
                        "no report for " + ", ".join(missing),
                    )
                )
                continue
            detail = f"children: {', '.join(kids)}"
            flagged = False
            for path, _value in [*_walk(report.table3, "table3"), *_walk(report.table4, "table4")]:
                left = evaluate([(1, report, path)], blank_as_zero)
                right = evaluate(
                    [(1, kid, path) for kid in kid_reports if kid is not None], blank_as_zero
                )
                outcome = _result(report, rule, f"{year} {path}", left, right, detail=detail)
                if outcome.status != PASS:
                    flagged = True
                    results.append(outcome)  # only the cells that differ or cannot be summed
            if not flagged:
                results.append(_plain(report, rule, f"{year} all cells", PASS, detail))
    return results


def check_report(
    report: Report, blank_as_zero: bool = False, filled: Mapping[str, float] | None = None
) -> list[CheckResult]:
    """Every single-report rule on one report (``filled``: its forced cells, if computed)."""
    results: list[CheckResult] = []
    for rule in tpl.rules():
        if rule.kind == "identity" or rule.kind == "table2":
            results += _identity(report, rule, blank_as_zero)
        elif rule.kind == "domain":
            results += _domain(report, rule)
        elif rule.kind == "narrative":
            results += _narrative(report, rule, blank_as_zero, filled)
        elif rule.kind == "structure":
            results += _structure(report, rule)
        elif rule.kind == "template_year":
            results += _template_year(report, rule)
        elif rule.kind == "year":
            results += _work_year(report, rule)
        elif rule.kind == "fees":
            results += _fees(report, rule, blank_as_zero)
    return results


def run_checks(
    reports: Sequence[Report],
    blank_as_zero: bool = False,
    units: Mapping[str, str] | None = None,
    aliases: Mapping[str, str] | None = None,
) -> list[CheckResult]:
    """Every rule over a set of reports: per report, across years, and up a unit tree."""
    results = [r for report in reports for r in check_report(report, blank_as_zero)]
    return results + cross_report_checks(reports, blank_as_zero, units, aliases)


def cross_report_checks(
    reports: Sequence[Report],
    blank_as_zero: bool = False,
    units: Mapping[str, str] | None = None,
    aliases: Mapping[str, str] | None = None,
) -> list[CheckResult]:
    """The rules that read two or more reports: across years, and up a unit tree."""
    results = _cross_year(reports, blank_as_zero, aliases)
    if units:
        results += _hierarchy(reports, units, blank_as_zero, aliases)
    return results


def summary_status(results: Iterable[CheckResult]) -> str:
    """One status for a set of results: fail > warn > not_assessable > pass."""
    statuses = {r.status for r in results}
    for status in (FAIL, WARN, NOT_ASSESSABLE):
        if status in statuses:
            return status
    return PASS
