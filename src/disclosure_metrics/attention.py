"""The attention list: per year, the agencies whose report needs a call, and why.

Red flags are errors in the report itself (a hard rule — the template's own arithmetic or a
value outside its domain — failed). Yellow flags are things to ask about: a soft rule's
warning, section text largely repeated from the previous year, more applications carried
forward than the year before, and decisions corrected on review or in court. Each flag names
where its evidence is (``anchor``: a section of the agency's page).

Example::

    >>> import disclosure_metrics as dm
    >>> corpus = dm.load("data/raw", progress=False)
    >>> attention(corpus).empty  # the sample township: nothing to flag
    True
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from . import templates as tpl
from .corpus import Corpus

RED, YELLOW = "red", "yellow"
# Share of this year's section 一/五 text found in last year's report above which the text is
# flagged as reused (the narrative.reuse_vs_prev_year indicator).
REUSE_ABOVE = 0.75
# Where each kind of flag has its evidence on the agency page (anchors of its sections).
ANCHORS = {
    "hard_rule": "checks",
    "soft_rule": "checks",
    "text_reused": "text",
    "carry_forward_rising": "flow",
    "corrected": "disputes",
}
LABELS = {
    "hard_rule": "报告数字有误 error in the report's numbers",
    "soft_rule": "需核实 to verify",
    "text_reused": "文字沿用上年 text repeated from last year",
    "carry_forward_rising": "结转下年度增加 more applications carried forward",
    "corrected": "复议诉讼纠正 decisions corrected on review or in court",
}
COLUMNS = ["year", "agency", "agency_key", "report", "level", "kind", "label", "detail", "anchor"]


def attention(corpus: Corpus) -> pd.DataFrame:
    """Every flag of every year, most severe first within a year (see the module docstring).

    Columns: year, agency, agency_key, report, level (``red``/``yellow``), kind, label (zh and
    en), detail (the evidence in one line), anchor (the agency page's section with evidence).
    """
    rows = _rule_flags(corpus) + _reuse_flags(corpus) + _carry_forward_flags(corpus)
    rows += _correction_flags(corpus)
    flags = pd.DataFrame(rows, columns=COLUMNS)
    if flags.empty:
        return flags
    # Agencies with a red flag first, then by number of flags; red before yellow within one.
    per_agency = flags.groupby(["year", "agency_key"])["level"]
    flags["_red"] = per_agency.transform(lambda s: int((s == RED).any()))
    flags["_count"] = per_agency.transform("size")
    flags["_level"] = (flags.level == RED).astype(int)
    flags = flags.sort_values(
        ["year", "_red", "_count", "agency", "_level", "kind"],
        ascending=[False, False, False, True, False, True],
        kind="stable",
    )
    return flags.drop(columns=["_red", "_count", "_level"]).reset_index(drop=True)


def _agency_of(corpus: Corpus) -> dict[str, tuple[str, str]]:
    """report → (agency, agency_key)."""
    reports = corpus.reports.dropna(subset=["agency_key"])
    return {
        str(r.report): (str(r.agency), str(r.agency_key)) for r in reports.itertuples(index=False)
    }


def _row(
    year: Any, report: str, who: tuple[str, str], level: str, kind: str, detail: str
) -> dict[str, Any]:
    agency, key = who
    return {
        "year": int(year),
        "agency": agency,
        "agency_key": key,
        "report": report,
        "level": level,
        "kind": kind,
        "label": LABELS[kind],
        "detail": detail,
        "anchor": ANCHORS[kind],
    }


def _rule_flags(corpus: Corpus) -> list[dict[str, Any]]:
    agencies = _agency_of(corpus)
    checks = corpus.checks[corpus.checks.status.isin(["fail", "warn"]) & corpus.checks.year.notna()]
    rows = []
    for c in checks.itertuples(index=False):
        if str(c.report) not in agencies:
            continue
        hard = c.severity == "hard" and c.status == "fail"
        detail = f"{c.rule} {c.scope}: {_short_message(str(c.message))}"
        rows.append(
            _row(
                c.year,
                str(c.report),
                agencies[str(c.report)],
                RED if hard else YELLOW,
                "hard_rule" if hard else "soft_rule",
                detail,
            )
        )
    return rows


def _short_message(message: str) -> str:
    """The English half and the numbers of a check message (the full text is on the page)."""
    head, _, tail = message.partition(" — ")
    english = head.split(" / ", 1)[-1]
    return f"{english} — {tail}" if tail else english


def _indicator(corpus: Corpus, indicator: str) -> pd.DataFrame:
    data = corpus.indicators
    return data[(data.indicator == indicator) & data.value.notna() & data.year.notna()]


def _reuse_flags(corpus: Corpus) -> list[dict[str, Any]]:
    agencies = _agency_of(corpus)
    rows = []
    for r in _indicator(corpus, "narrative.reuse_vs_prev_year").itertuples(index=False):
        if r.value > REUSE_ABOVE and str(r.report) in agencies:
            detail = f"{r.value:.0%} 与上年相同 of the text repeats {int(r.year) - 1}"
            rows.append(
                _row(r.year, str(r.report), agencies[str(r.report)], YELLOW, "text_reused", detail)
            )
    return rows


def _carry_forward_flags(corpus: Corpus) -> list[dict[str, Any]]:
    agencies = _agency_of(corpus)
    data = _indicator(corpus, "apps.carry_forward")
    previous = {(r.agency_key, int(r.year)): r.value for r in data.itertuples(index=False)}
    rows = []
    for r in data.itertuples(index=False):
        before = previous.get((r.agency_key, int(r.year) - 1))
        if before is not None and r.value > before and str(r.report) in agencies:
            detail = (
                f"{before:.0f} → {r.value:.0f} 件 applications ({int(r.year) - 1}→{int(r.year)})"
            )
            rows.append(
                _row(
                    r.year,
                    str(r.report),
                    agencies[str(r.report)],
                    YELLOW,
                    "carry_forward_rising",
                    detail,
                )
            )
    return rows


def _correction_flags(corpus: Corpus) -> list[dict[str, Any]]:
    agencies = _agency_of(corpus)
    cells = corpus.cells
    corrected = cells[
        (cells.table == "table4") & (cells.column == "corrected") & (cells.value.fillna(0) > 0)
    ]
    rows = []
    for report, part in corrected.groupby("report", sort=True):
        if str(report) not in agencies or part.year.isna().all():
            continue
        groups = dict(tpl.table4_groups())
        parts = ", ".join(
            f"{groups.get(str(r.row), r.row)} {r.value:.0f}" for r in part.itertuples(index=False)
        )
        rows.append(
            _row(
                part.year.iloc[0],
                str(report),
                agencies[str(report)],
                YELLOW,
                "corrected",
                f"纠正 corrected: {parts}",
            )
        )
    return rows
