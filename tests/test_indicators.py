"""The indicator catalogue: data-driven, every status, values from the cells and facts only."""

from __future__ import annotations

import ast
from pathlib import Path

from disclosure_metrics import indicators as ind

from .test_checks import set_row, zero_report


def rows_of(report, **kwargs) -> dict:
    return {r["indicator"]: r for r in ind.compute(report, **kwargs)}


def test_catalogue_covers_the_contract() -> None:
    ids = {i.id for i in ind.catalogue()}
    for expected in [
        "items_published.website", "items_published.all", "hotline.received", "hotline.resolved",
        "hotline.resolution_rate", "apps.new", "apps.carried_over", "apps.processed",
        "apps.carry_forward", "apps.caseload", "apps.clearance_rate", "apps.natural_person_share",
        "apps.granted_share", "apps.partial_share", "apps.release_rate_decided",
        "apps.release_rate_all", "apps.denied_share", "apps.unable_share",
        "apps.not_processed_share", "apps.other_share", "review.total", "litigation.total",
        "review.correction_rate", "litigation.correction_rate", "disputes_per_100_apps",
        "decisions.licensing", "decisions.punishment", "decisions.coercion", "normative_docs.made",
        "rules.stock", "fees.amount_wan", "checks.hard_failures", "narrative.reuse_vs_prev_year",
    ]:  # fmt: skip
        assert expected in ids
    for i in ind.catalogue():
        assert i.name_zh and i.name_en and i.formula and i.unit


def test_rates_and_their_statuses() -> None:
    report = zero_report()
    set_row(report, "new_received", [40, 0, 0, 0, 0, 0, 40])
    set_row(report, "granted", [30, 0, 0, 0, 0, 0, 30])
    set_row(report, "denied.1", [6, 0, 0, 0, 0, 0, 6])
    set_row(report, "total_processed", [36, 0, 0, 0, 0, 0, 36])
    set_row(report, "carry_forward", [4, 0, 0, 0, 0, 0, 4])
    rows = rows_of(report, hard_failures=0)
    assert (
        rows["apps.clearance_rate"]["value"] == 36 / 40
        and rows["apps.clearance_rate"]["status"] == "ok"
    )
    assert rows["apps.release_rate_decided"]["value"] == 30 / 36
    assert rows["apps.denied_share"]["numerator"] == 6
    # 0 reviews + lawsuits of 0 decided: zero denominator, never 0 and never an error
    assert rows["review.correction_rate"]["status"] == "zero_denominator"
    assert rows["review.correction_rate"]["value"] is None
    small = zero_report()
    set_row(small, "new_received", [5, 0, 0, 0, 0, 0, 5])
    set_row(small, "granted", [5, 0, 0, 0, 0, 0, 5])
    set_row(small, "total_processed", [5, 0, 0, 0, 0, 0, 5])
    assert rows_of(small, hard_failures=0)["apps.granted_share"]["status"] == "small_sample"


def test_blank_cells_make_indicators_missing_not_zero() -> None:
    report = zero_report()
    set_row(report, "total_processed", [5, 0, 0, 0, 0, 0, 5])
    set_row(report, "granted", [5, 0, 0, 0, 0, 0, 5])
    # Two blanks in every identity: nothing forces the new applications.
    set_row(report, "new_received", [None, 0, 0, 0, 0, 0, None])
    set_row(report, "carried_over", [None, 0, 0, 0, 0, 0, None])
    row = rows_of(report, hard_failures=0)["apps.new"]
    assert row["status"] == "missing" and row["value"] is None
    assert rows_of(report, hard_failures=0)["apps.processed"]["value"] == 5


def test_by_format_definitions() -> None:
    old = rows_of(zero_report("GOV2019", 2020), hard_failures=0)
    new = rows_of(zero_report("GOV2021", 2021), hard_failures=0)
    assert (
        old["rules.made"]["definition"] == "GOV2019"
        and new["rules.made"]["definition"] == "GOV2021"
    )
    assert old["fees.amount_wan"]["status"] == "not_comparable"
    assert new["rules.published"]["status"] == "not_comparable"


def test_reuse_against_previous_report() -> None:
    prev, cur = zero_report(year=2021), zero_report(year=2022)
    text = "我局坚持以公开为常态、不公开为例外，全面推进政务公开工作，取得明显成效。"
    prev.section_text["overview"] = text
    cur.section_text["overview"] = text + "今年新增政策解读栏目，回应社会关切。"
    row = rows_of(cur, hard_failures=0, prev=prev)["narrative.reuse_vs_prev_year"]
    assert 0.4 < row["value"] < 0.8
    assert rows_of(cur, hard_failures=0)["narrative.reuse_vs_prev_year"]["status"] == "missing"


def test_no_indicator_value_comes_from_a_constant_in_the_code() -> None:
    tree = ast.parse(Path(ind.__file__).read_text(encoding="utf-8"))
    numbers = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and type(node.value) in (int, float)
    }
    # Only the shingle size, the ×100 of per-100 indicators, and 0/1 as neutral elements.
    assert numbers <= {0, 1, 10, 100}, numbers
