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
from functools import cache
from typing import Any, NamedTuple

from . import templates as tpl
from .agencies import agency_key
from .cells import MISSING, Term, cell, expand, places, table3_variant, value_at
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
        found = _problem(path, value, blanks, blank_as_zero)
        if found is None:
            if value is not None:
                total += sign * value
        elif problem is None:
            problem = found
    if problem is not None:
        return Evaluation(None, cells, problem, blanks)
    return Evaluation(total, cells, None, blanks)


def _problem(path: str, value: Any, blanks: list[str], blank_as_zero: bool) -> str | None:
    """Why a cell cannot be summed (a blank is also noted in ``blanks``), or None."""
    if value is MISSING:
        return f"{path} not in the report"
    if isinstance(value, Ambiguous):
        return f"{path} is ambiguous"
    if value == "NA":
        return f"{path} is NA"
    if value is None:
        blanks.append(path)
        return None if blank_as_zero else f"{path} is blank"
    return None


def _side(
    terms: tuple[Term, ...], report: Report, prev: Report | None, blank_as_zero: bool
) -> tuple[float | None, str | None, list[str]]:
    """:func:`evaluate` over compiled terms: (the sum or None, the first problem, blank cells)."""
    total = 0.0
    blanks: list[str] = []
    problem: str | None = None
    for sign, on_prev, path, table, keys in terms:
        value = value_at(prev if on_prev else report, table, keys)  # type: ignore[arg-type]
        if value.__class__ is int or value.__class__ is float:
            total += sign * value
            continue
        found = _problem(path, value, blanks, blank_as_zero)
        if found is None:
            if value is not None:
                total += sign * value
        elif problem is None:
            problem = found
    return (None if problem is not None else total), problem, blanks


def _number(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(value, 6)


# ---------------------------------------------------------------------------------------------
# Results


class _Origin(NamedTuple):
    """What every result of one report repeats (the file name is taken once per report)."""

    file: str
    agency: str | None
    year: int | None
    path: str


def _origin(report: Report) -> _Origin:
    return _Origin(report.file, report.agency, report.year, report.path)


def _result(
    origin: _Origin,
    rule: tpl.Rule,
    scope: str,
    left: Evaluation,
    right: Evaluation,
    holds: bool | None = None,
    detail: str = "",
) -> CheckResult:
    cells = left.cells + [c for c in right.cells if c not in left.cells]
    sides = (left.value, left.problem, left.blanks, right.value, right.problem, right.blanks)
    return _outcome(origin, rule, scope, cells, *sides, holds=holds, detail=detail)


def _outcome(
    origin: _Origin,
    rule: tpl.Rule,
    scope: str,
    cells: Sequence[str],
    left: float | None,
    left_problem: str | None,
    left_blanks: list[str],
    right: float | None,
    right_problem: str | None,
    right_blanks: list[str],
    holds: bool | None = None,
    detail: str = "",
) -> CheckResult:
    """The result of comparing two sums (:func:`evaluate`, :func:`_side`) at one place."""
    problem = left_problem or right_problem
    assumption = BLANK_AS_ZERO if (left_blanks or right_blanks) and problem is None else None
    if problem is not None:
        status = NOT_ASSESSABLE
    else:
        ok = holds if holds is not None else abs(left - right) < 1e-9  # type: ignore[operator]
        status = PASS if ok else (FAIL if rule.severity == "hard" else WARN)
    specific = ""
    if problem or status != PASS or assumption or detail:
        specifics = []
        if problem:
            specifics.append(f"not assessable: {problem}")
        elif status != PASS:
            specifics.append(f"{_number(left)} vs {_number(right)}")
        if assumption:
            specifics.append(f"assuming {assumption} for {', '.join(left_blanks + right_blanks)}")
        if detail:
            specifics.append(detail)
        specific = "; ".join(specifics)
    left_value, right_value = _number(left), _number(right)
    return _make(origin, rule, scope, status, specific, cells, left_value, right_value, assumption)


def _make(
    origin: _Origin,
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
    message = _rule_message(rule.message_zh, rule.message_en)
    return CheckResult(
        origin.file,
        origin.agency,
        origin.year,
        rule.id,
        status,
        scope,
        rule.severity,
        left,
        right,
        list(cells),
        f"{message} — {specific}" if specific else message,
        specific,
        origin.path,
        assumption,
    )


@cache
def _rule_message(message_zh: str, message_en: str) -> str:
    """A rule's own message in both languages, one string object per rule: most results
    (every pass) carry it unchanged, and a writer encodes one object's text once."""
    return f"{message_zh} / {message_en}"


def _plain(
    origin: _Origin,
    rule: tpl.Rule,
    scope: str,
    status: str,
    message: str,
    cells: Sequence[str] = (),
) -> CheckResult:
    return _make(origin, rule, scope, status, message, cells)


# ---------------------------------------------------------------------------------------------
# Rule kinds


def _identity(
    origin: _Origin,
    report: Report,
    rule: tpl.Rule,
    blank_as_zero: bool,
    prev: Report | None = None,
) -> list[CheckResult]:
    """An identity at each of its places (:func:`.cells.places`) in the report's layout."""
    table = rule.get("table", "table2" if rule.kind == "table2" else None)
    fmt = None
    if table == "table2":
        fmt = report.table2_format
        if fmt not in rule.get("formats", tpl.FORMATS) or (prev and prev.table2_format != fmt):
            return []
    op = rule.get("op") if table == "table2" else None
    variant = table3_variant(report)
    prev_variant = None if prev is None else table3_variant(prev)
    results = []
    for scope, left_terms, right_terms, cells in places(rule.id, variant, prev_variant, fmt):
        left = _side(left_terms, report, prev, blank_as_zero)
        right = _side(right_terms, report, prev, blank_as_zero)
        holds = None
        if op and left[0] is not None and right[0] is not None:
            holds = left[0] <= right[0] if op == "<=" else left[0] >= right[0]
        results.append(_outcome(origin, rule, scope, cells, *left, *right, holds=holds))
    return results


@cache
def _table2_types(table2_format: str) -> dict[str, str]:
    """Column type (int, signed_int, decimal) of each table 2 cell path of a template."""
    return {
        f"table2.{block.id}.{row.key}.{col.key}": col.type
        for block in tpl.table2_blocks(table2_format)
        for row in block.rows
        for col in block.columns
    }


def _domain(origin: _Origin, report: Report, rule: tpl.Rule) -> list[CheckResult]:
    """DOM-1: integers ≥ 0 everywhere, signed only for 本年增/减, decimals only for money."""
    types = _table2_types(report.table2_format) if report.table2_format else {}
    results = []
    for table in ("table2", "table3", "table4"):
        bad: list[str] = []
        _out_of_domain(getattr(report, table), table, types, bad)
        status = FAIL if bad else PASS
        results.append(
            _plain(origin, rule, table, status, "; ".join(bad), [b.split("=")[0] for b in bad])
        )
    return results


def _out_of_domain(node: Any, prefix: str, types: Mapping[str, str], bad: list[str]) -> None:
    """Append ``path=value`` to ``bad`` for each cell under ``node`` outside its column's domain.

    A path is only built for an inner table or a cell that is not a plain integer ≥ 0 (those
    are in every column's domain), so most cells cost a type test.
    """
    if not isinstance(node, dict):
        _check_domain(prefix, node, types, bad)
        return
    for key, value in node.items():
        if (value.__class__ is int and value >= 0) or value is None:
            continue
        if isinstance(value, dict):
            _out_of_domain(value, f"{prefix}.{key}", types, bad)
        else:
            _check_domain(f"{prefix}.{key}", value, types, bad)


def _check_domain(path: str, value: Any, types: Mapping[str, str], bad: list[str]) -> None:
    if value is None or value == "NA" or isinstance(value, Ambiguous):
        return
    col_type = types.get(path, "int")
    ok = (
        isinstance(value, int | float)
        and (col_type == "decimal" or float(value).is_integer())
        and (col_type == "signed_int" or value >= 0)
    )
    if not ok:
        bad.append(f"{path}={value}")


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
    origin: _Origin,
    report: Report,
    rule: tpl.Rule,
    blank_as_zero: bool,
    filled: Mapping[str, float] | None,
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
        results.append(_result(origin, rule, fact.metric, stated, table_side, detail=detail))
    return results


def _structure(origin: _Origin, report: Report, rule: tpl.Rule) -> list[CheckResult]:
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
    return [_plain(origin, rule, "sections", WARN if problems else PASS, "; ".join(problems))]


def _template_year(origin: _Origin, report: Report, rule: tpl.Rule) -> list[CheckResult]:
    first = rule.get("first_year_of")["GOV2021"]
    if report.year is None:
        return [_plain(origin, rule, "format", NOT_ASSESSABLE, "report year unknown")]
    if report.year < first:
        return [_plain(origin, rule, "format", PASS, "")]
    old_parts = []
    if report.table2_format == "GOV2019":
        old_parts.append("table 2 uses the 2019 columns")
    if table3_variant(report) == "single_other":
        old_parts.append("table 3 has the single （六）其他处理 row of the 2019 template")
    status = WARN if old_parts else PASS
    return [
        _plain(
            origin,
            rule,
            "format",
            status,
            f"{report.year}: " + "; ".join(old_parts) if old_parts else "",
        )
    ]


# A sentence that opens with a year (2020年，…), at the text's start or after a sentence's end.
# The two places are two patterns: one led by the end marks, which the regex engine skips to,
# instead of one alternation with ``^`` tried at every character (three times the cost).
_WORK_YEAR_AFTER_MARK = re.compile(r"[。；;\n]\s*((?:19|20)\d{2})\s*年度?\s*[,，]")
_WORK_YEAR_AT_START = re.compile(r"\s*((?:19|20)\d{2})\s*年度?\s*[,，]")


def _year_openings(text: str) -> list[re.Match[str]]:
    """The sentences of ``text`` that open with a year, in order.

    >>> [m.group(1) for m in _year_openings("2020年，……。2021年度，……；\\n 2019年,")]
    ['2020', '2021', '2019']
    """
    first = _WORK_YEAR_AT_START.match(text)
    rest = _WORK_YEAR_AFTER_MARK.finditer(text, first.end() if first else 0)
    return [first, *rest] if first else list(rest)


def _work_year(origin: _Origin, report: Report, rule: tpl.Rule) -> list[CheckResult]:
    text = report.section_text.get("overview")
    if text is None or report.year is None:
        return [_plain(origin, rule, "overview", NOT_ASSESSABLE, "no overview or no report year")]
    openings = _year_openings(text)
    other = sorted({int(m.group(1)) for m in openings} - {report.year})
    if other:
        quotes = [m.group(0).strip("。；;\n ") for m in openings if int(m.group(1)) in other]
        return [
            _plain(
                origin,
                rule,
                "overview",
                WARN,
                f"report year {report.year}, text: " + "; ".join(quotes[:3]),
            )
        ]
    return [_plain(origin, rule, "overview", PASS, "")]


_FEE_NOTICE = re.compile(
    r"收费通知[^。；;]{0,20}?([1-9]\d*|[一二三四五六七八九十]+)\s*(?:件|份|次|个)"
)


def _fees(
    origin: _Origin, report: Report, rule: tpl.Rule, blank_as_zero: bool
) -> list[CheckResult]:
    if table3_variant(report) != "split_other":
        return []
    value = evaluate([(1, report, "table3.other.2.total")], blank_as_zero)
    if value.problem is not None:
        return [_plain(origin, rule, "other.2", NOT_ASSESSABLE, value.problem, value.cells)]
    if value.value == 0:
        return [_plain(origin, rule, "other.2", PASS, "", value.cells)]
    text = report.section_text.get("other_matters", "")
    reported = _FEE_NOTICE.search(text)
    status = PASS if reported else WARN
    if reported:
        said = f"section 六: “{reported.group(0)}”"
    else:
        # Fees collected imply notices were sent, but the template asks for their count: say
        # what section 六 does state, so the reader sees what is missing.
        collected = next(
            (f for f in report.narrative if f.metric == "fee_collected_yuan" and f.value), None
        )
        said = (
            f"section 六 states {_number(collected.value)} 元 collected but no count of fee notices"
            if collected is not None
            else "section 六 states no fee notice"
        )
    detail = f"other.2 = {_number(value.value)}; {said}"
    return [_plain(origin, rule, "other.2", status, detail, value.cells)]


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


def cross_year_checks(
    reports: Sequence[Report], blank_as_zero: bool, aliases: Mapping[str, str] | None
) -> list[CheckResult]:
    """The cross-year rules: each report against the same agency's report of the year before."""
    results = []
    for years in _by_agency(reports, aliases).values():
        for year, report in sorted(years.items()):
            prev = years.get(year - 1)
            if prev is None:
                continue
            origin = _origin(report)
            for rule in tpl.rules():
                if rule.kind == "cross_year":
                    for r in _identity(origin, report, rule, blank_as_zero, prev):
                        r.scope = f"{year - 1}→{year} {r.scope}"
                        results.append(r)
    return results


def hierarchy_checks(
    reports: Sequence[Report],
    units: Mapping[str, str],
    blank_as_zero: bool,
    aliases: Mapping[str, str] | None,
) -> list[CheckResult]:
    """HIER-1, parent by parent in sorted order: a parent's cells against the sum of its
    children's (``units`` maps a unit's key to its parent's)."""
    rule = tpl.rule("HIER-1")
    children: dict[str, list[str]] = defaultdict(list)
    for unit, parent in units.items():
        children[parent].append(unit)
    by_agency = _by_agency(reports, aliases)
    results = []
    for parent, kids in sorted(children.items()):
        for year, report in sorted(by_agency.get(parent, {}).items()):
            origin = _origin(report)
            kid_reports = [by_agency.get(k, {}).get(year) for k in kids]
            missing = [k for k, r in zip(kids, kid_reports, strict=True) if r is None]
            if missing:
                results.append(
                    _plain(
                        origin,
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
                outcome = _result(origin, rule, f"{year} {path}", left, right, detail=detail)
                if outcome.status != PASS:
                    flagged = True
                    results.append(outcome)  # only the cells that differ or cannot be summed
            if not flagged:
                results.append(_plain(origin, rule, f"{year} all cells", PASS, detail))
    return results


def check_report(
    report: Report, blank_as_zero: bool = False, filled: Mapping[str, float] | None = None
) -> list[CheckResult]:
    """Every single-report rule on one report (``filled``: its forced cells, if computed)."""
    results: list[CheckResult] = []
    origin = _origin(report)
    for rule in tpl.rules():
        if rule.kind == "identity" or rule.kind == "table2":
            results += _identity(origin, report, rule, blank_as_zero)
        elif rule.kind == "domain":
            results += _domain(origin, report, rule)
        elif rule.kind == "narrative":
            results += _narrative(origin, report, rule, blank_as_zero, filled)
        elif rule.kind == "structure":
            results += _structure(origin, report, rule)
        elif rule.kind == "template_year":
            results += _template_year(origin, report, rule)
        elif rule.kind == "year":
            results += _work_year(origin, report, rule)
        elif rule.kind == "fees":
            results += _fees(origin, report, rule, blank_as_zero)
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
    results = cross_year_checks(reports, blank_as_zero, aliases)
    if units:
        results += hierarchy_checks(reports, units, blank_as_zero, aliases)
    return results


def summary_status(results: Iterable[CheckResult]) -> str:
    """One status for a set of results: fail > warn > not_assessable > pass."""
    statuses = {r.status for r in results}
    for status in (FAIL, WARN, NOT_ASSESSABLE):
        if status in statuses:
            return status
    return PASS
