"""The indicator catalogue (``indicators.yaml``) and its computation for one report.

Example::

    >>> from disclosure_metrics import parse_file
    >>> report = parse_file("data/raw/2020_huianpu.txt")
    >>> rows = {r["indicator"]: r for r in compute(report, hard_failures=0)}
    >>> rows["apps.new"]["value"], rows["apps.clearance_rate"]["status"]
    (0.0, 'zero_denominator')
"""

from __future__ import annotations

import fnmatch
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml

from . import templates as tpl
from .cells import cell, path_keys, table3_variant, value_at
from .derive import forced_cells
from .parse import Report

OK, MISSING, ZERO_DENOMINATOR, NOT_COMPARABLE, SMALL_SAMPLE = (
    "ok",
    "missing",
    "zero_denominator",
    "not_comparable",
    "small_sample",
)
RATE_KINDS = ("rate", "per100")
_SHINGLE = 10


@dataclass(frozen=True)
class Indicator:
    id: str
    name_zh: str
    name_en: str
    kind: str  # count | rate | per100
    unit: str
    formula: str
    caveat: str
    value: str | None = None
    numerator: str | None = None
    denominator: str | None = None
    by_format: dict[str, str] | None = None
    fallback_sum: str | None = None

    @property
    def is_rate(self) -> bool:
        return self.kind in RATE_KINDS


@cache
def _raw() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("indicators.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def _channels() -> list[dict[str, str]]:
    """The channels of the narrative taxonomy (``channels.yaml``) but the stated total."""
    text = resources.files(__package__).joinpath("channels.yaml").read_text(encoding="utf-8")
    channels = yaml.safe_load(text)["channels"]
    return [
        {"key": key, "zh": spec["zh"], "en": spec.get("en", key.replace("_", " "))}
        for key, spec in channels.items()
        if key != "all"
    ]


def _expand(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """Entries with ``for_each`` become one indicator per channel or document kind."""
    kind = entry.get("for_each")
    if kind is None:
        return [entry]
    if kind == "channel":
        subs = [
            {"channel": c["key"], "channel_zh": c["zh"], "channel_en": c["en"]} for c in _channels()
        ]
    elif kind == "document_kind":
        subs = [
            {"doc": d["key"], "doc_zh": d["zh"], "doc_en": d["en"]}
            for d in _raw()["document_kinds"]
        ]
    else:
        raise ValueError(f"unknown for_each: {kind}")

    def fill(node: Any, sub: dict[str, str]) -> Any:
        if isinstance(node, str):
            return node.format(**sub)
        if isinstance(node, dict):
            return {k: fill(v, sub) for k, v in node.items()}
        return node

    return [{k: fill(v, sub) for k, v in entry.items() if k != "for_each"} for sub in subs]


@cache
def catalogue() -> tuple[Indicator, ...]:
    """Every indicator, expanded (one per channel, one per document kind)."""
    fields = set(Indicator.__dataclass_fields__)
    out = []
    for entry in _raw()["indicators"]:
        for item in _expand(entry):
            out.append(Indicator(**{k: v for k, v in item.items() if k in fields}))
    return tuple(out)


def small_sample_below() -> int:
    return int(_raw()["small_sample_below"])


# ---------------------------------------------------------------------------------------------
# Evaluating terms


@dataclass
class Term:
    value: float | None
    problem: str | None = None
    qualifier: str | None = None
    derived: bool = False


class ReportView:
    """A report's cells with forced blanks filled, its facts, and its check count."""

    def __init__(
        self,
        report: Report,
        hard_failures: int | None,
        prev: Report | None = None,
        filled: dict[str, int | float] | None = None,
        shingles_seen: dict[int, frozenset[str]] | None = None,
    ) -> None:
        """``shingles_seen``: the text shingles of reports already computed, by ``id`` of the
        report — one dict shared by the views of one agency's reports, whose texts are each
        read as a current and as a previous year."""
        self.report = report
        self.shingles_seen = {} if shingles_seen is None else shingles_seen
        self.filled = forced_cells(report) if filled is None else filled
        self.hard_failures = hard_failures
        self.prev = prev
        self.rows = tuple(report.table3)  # the table 3 layout globs are matched against
        self.template = _template(report)
        self._facts: defaultdict[str, list[Any]] | None = None

    def cell_term(self, path: str) -> Term:
        value = cell(self.report, path)
        if value is None and path in self.filled:
            return Term(float(self.filled[path]), derived=True)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Term(float(value))
        return Term(None, f"{path} is {'blank' if value is None else 'not a number'}")

    def _cells(self, cells: tuple[tuple[str, str, tuple[str, ...]], ...]) -> Term:
        """The sum of cells (path, table, keys), as :func:`_sum` of their :meth:`cell_term`."""
        values = []
        derived = False
        report, filled = self.report, self.filled
        for path, table, keys in cells:
            value = value_at(report, table, keys)
            if value is None and path in filled:
                values.append(float(filled[path]))
                derived = True
            elif isinstance(value, int | float) and not isinstance(value, bool):
                values.append(float(value))
            else:
                return Term(None, f"{path} is {'blank' if value is None else 'not a number'}")
        return Term(sum(values), derived=derived)

    def table_paths(self, table: str, spec: str) -> list[str]:
        return [path for path, _table, _keys in self._table_cells(table, spec)]

    def _table_cells(self, table: str, spec: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
        if table == "t3":
            return _t3_cells(spec, self.rows)
        return _table_cell(table, spec)

    def facts(self, metric: str, channel: str) -> list[Any]:
        if self._facts is None:  # the report's facts by metric, in text order, made once
            self._facts = defaultdict(list)
            for fact in getattr(self.report, "narrative", []):
                self._facts[fact.metric].append(fact)
        matches = _glob(channel).match
        return [f for f in self._facts.get(metric, ()) if matches(f.channel)]

    def term(self, text: str) -> Term:
        kind, _, spec = text.partition(":")
        return self._term(text, kind, spec)

    def _term(self, text: str, kind: str, spec: str) -> Term:
        if kind in ("t2", "t3", "t4"):
            cells = self._table_cells(kind, spec)
            if not cells:
                return Term(None, f"{text}: no such cell")
            return self._cells(cells)
        if kind == "fact":
            metric, _, channel = spec.partition(".")
            facts = self.facts(metric, channel or "all")
            if not facts:
                return Term(None, f"no {spec} in the text")
            if channel != "*":
                facts = facts[:1]  # the first statement of a metric is the report-level one
            qualifiers = {f.qualifier for f in facts}
            qualifier = "exact" if qualifiers == {"exact"} else sorted(qualifiers - {"exact"})[0]
            return Term(float(sum(f.value for f in facts)), qualifier=qualifier)
        if kind == "checks":
            if self.hard_failures is None:
                return Term(None, "checks not run")
            return Term(float(self.hard_failures))
        if kind == "reuse":
            return self.reuse(spec)
        raise ValueError(f"unknown term {text!r}")

    def expression(self, expr: str) -> Term:
        return _sum([self._term(*term) for term in _terms_of(expr)])

    def reuse(self, which: str) -> Term:
        if self.prev is None:
            return Term(None, "no previous report of the same agency")
        current = self._shingles(self.report)
        if not current:
            return Term(None, "no text in sections 一 and 五")
        if which == "total":
            return Term(float(len(current)))
        return Term(float(len(current & self._shingles(self.prev))))

    def _shingles(self, report: Report) -> frozenset[str]:
        found = self.shingles_seen.get(id(report))
        if found is None:
            found = self.shingles_seen[id(report)] = shingles(report)
        return found


def _split_t3(spec: str) -> tuple[str, str]:
    """``granted`` → (granted, total); ``new_received.natural_person`` → (new_received, …)."""
    head, _, tail = spec.rpartition(".")
    if head and tail in _t3_columns():
        return head, tail
    return spec, "total"


@cache
def _t3_columns() -> frozenset[str]:
    return frozenset(c.key for c in tpl.table3_columns())


@cache
def _terms_of(expr: str) -> tuple[tuple[str, str, str], ...]:
    """An expression's terms as (text, kind, spec), parsed once per expression.

    >>> _terms_of("t3:granted + t3:partial")
    (('t3:granted', 't3', 'granted'), ('t3:partial', 't3', 'partial'))
    """
    out = []
    for term in expr.split(" + "):
        text = term.strip()
        kind, _, spec = text.partition(":")
        out.append((text, kind, spec))
    return tuple(out)


@cache
def _glob(pattern: str) -> re.Pattern[str]:
    """A glob (``denied.*``) as the regular expression :func:`fnmatch.fnmatchcase` uses."""
    return re.compile(fnmatch.translate(pattern))


@lru_cache  # keyed by layout: a few per corpus
def _t3_cells(spec: str, rows: tuple[str, ...]) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The table 3 cells (path, table, keys) of a ``t3:`` term in a layout (its row keys).

    >>> _t3_cells("denied.*", ("granted", "denied.1", "denied.2"))[1]
    ('table3.denied.2.total', 'table3', ('denied.2', 'total'))
    """
    row, col = _split_t3(spec)
    matches = _glob(row).match
    return tuple(
        (path, *path_keys(path)) for path in (f"table3.{r}.{col}" for r in rows if matches(r))
    )


@cache
def _table_cell(kind: str, spec: str) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The one cell of a ``t2:`` or ``t4:`` term."""
    path = f"{ {'t4': 'table4', 't2': 'table2'}[kind] }.{spec}"
    return ((path, *path_keys(path)),)


def _sum(terms: Sequence[Term]) -> Term:
    if len(terms) == 1:
        term = terms[0]
        if term.problem:
            return Term(None, term.problem)
        # One statement keeps its own wording (余 → more_than).
        value = sum((term.value,))  # type: ignore[arg-type]
        return Term(value, qualifier=term.qualifier, derived=bool(term.derived))
    problems = [t.problem for t in terms if t.problem]
    if problems:
        return Term(None, problems[0])
    qualifiers = {t.qualifier for t in terms if t.qualifier}
    qualifier = None if not qualifiers else ("exact" if qualifiers == {"exact"} else "about")
    return Term(
        sum(t.value for t in terms), qualifier=qualifier, derived=any(t.derived for t in terms)
    )  # type: ignore[misc]


_PUNCT = re.compile(r"[\W_]+")


def shingles(report: Report) -> frozenset[str]:
    """10-character shingles of sections 一 and 五, punctuation and spaces removed."""
    text = "".join(report.section_text.get(k, "") for k in ("overview", "problems"))
    text = _PUNCT.sub("", text)
    return frozenset(text[i : i + _SHINGLE] for i in range(max(len(text) - _SHINGLE + 1, 0)))


# ---------------------------------------------------------------------------------------------
# Computing


def definition_of(indicator: Indicator, report: Report) -> str | None:
    """Which definition applies to the report: the template for ``by_format`` indicators."""
    return _definition(indicator, _template(report))


def _template(report: Report) -> str:
    """The template of the report's table 2, or the one its table 3 layout belongs to."""
    return report.table2_format or (
        "GOV2021" if table3_variant(report) == "split_other" else "GOV2019"
    )


def _definition(indicator: Indicator, template: str) -> str | None:
    if indicator.by_format is None:
        return "all"
    return template if template in indicator.by_format else None


def compute_one(indicator: Indicator, view: ReportView) -> dict[str, Any]:
    report = view.report
    row: dict[str, Any] = {
        "indicator": indicator.id,
        "value": None,
        "numerator": None,
        "denominator": None,
        "unit": indicator.unit,
        "status": OK,
        "qualifier": None,
        "derived": False,
        "definition": _definition(indicator, view.template),
        "note": "",
    }
    if row["definition"] is None:
        row["status"] = NOT_COMPARABLE
        row["note"] = f"not defined for the {report.table2_format} template"
        return row
    if not indicator.is_rate:
        expr = indicator.by_format[row["definition"]] if indicator.by_format else indicator.value
        term = view.expression(expr)  # type: ignore[arg-type]
        if term.value is None and indicator.fallback_sum:
            fallback = view.expression(indicator.fallback_sum)
            if fallback.value is not None:
                term = Term(fallback.value, qualifier=fallback.qualifier, derived=True)
                row["note"] = "sum over channels (no stated total)"
        if term.value is None:
            row["status"] = MISSING
            row["note"] = term.problem or ""
            return row
        row.update(
            value=term.value, numerator=term.value, qualifier=term.qualifier, derived=term.derived
        )
        return row
    num = view.expression(indicator.numerator)  # type: ignore[arg-type]
    den = view.expression(indicator.denominator)  # type: ignore[arg-type]
    row.update(numerator=num.value, denominator=den.value, derived=num.derived or den.derived)
    row["qualifier"] = num.qualifier or den.qualifier
    return finish_rate(row, indicator)


def finish_rate(row: dict[str, Any], indicator: Indicator) -> dict[str, Any]:
    """Value and status of a rate from its numerator and denominator (also for rollups)."""
    num, den = row["numerator"], row["denominator"]
    if num is None or den is None:
        row.update(value=None, status=MISSING)
        return row
    if den == 0:
        row.update(value=None, status=ZERO_DENOMINATOR)
        return row
    scale = 100.0 if indicator.kind == "per100" else 1.0
    row["value"] = num / den * scale
    row["status"] = SMALL_SAMPLE if den < small_sample_below() else OK
    return row


def compute(
    report: Report,
    hard_failures: int | None = None,
    prev: Report | None = None,
    filled: dict[str, int | float] | None = None,
) -> list[dict[str, Any]]:
    """Every indicator of the catalogue for one report (``prev``: the agency's previous report).

    ``filled``: the report's forced cells when the caller has computed them already.
    """
    view = ReportView(report, hard_failures, prev, filled)
    return [compute_one(ind, view) for ind in catalogue()]


@cache
def by_id() -> dict[str, Indicator]:
    return {i.id: i for i in catalogue()}
