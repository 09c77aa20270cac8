"""Every rule of the catalogue on small hand-made reports (pass and fail), and on the corpus."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from disclosure_metrics import parse_file
from disclosure_metrics import templates as tpl
from disclosure_metrics.checks import check_report, run_checks, summary_status
from disclosure_metrics.narrative import Fact
from disclosure_metrics.numbers import Ambiguous
from disclosure_metrics.parse import Report
from disclosure_metrics.sections import SectionHit

from .conftest import CORPUS, corpus_or_skip, load_truth, truth_files

COLUMNS = [c.key for c in tpl.table3_columns()]


def zero_report(
    variant: str = "GOV2021", year: int = 2022, agency: str = "示例县某局", file: str = "r.txt"
) -> Report:
    """A report whose every cell is 0, with all six sections in order."""
    fmt2 = "GOV2021" if variant == "GOV2021" else "GOV2019"
    table2 = {
        b.id: {r.key: {c.key: 0 for c in b.columns} for r in b.rows}
        for b in tpl.table2_blocks(fmt2)
    }
    table3 = {r.key: dict.fromkeys(COLUMNS, 0) for r in tpl.table3_rows(variant)}
    table4 = {g: {c.key: 0 for c in tpl.table4_columns()} for g, _ in tpl.table4_groups()}
    sections = [
        SectionHit(s.no, s.key, s.heading, s.no, (s.no, 0), (s.no, 1)) for s in tpl.sections()
    ]
    return Report(
        path=file,
        agency=agency,
        year=year,
        format=variant,
        table2=table2,
        table3=table3,
        table4=table4,
        table2_format=fmt2,
        sections=sections,
        section_text={"overview": f"{year}年，我局认真落实条例。", "other_matters": "无。"},
    )


def set_row(report: Report, row: str, values: list) -> None:
    report.table3[row] = dict(zip(COLUMNS, values, strict=True))


def statuses(results, rule: str) -> dict[str, str]:
    return {r.scope: r.status for r in results if r.rule == rule}


def test_all_zero_report_passes_every_rule() -> None:
    results = check_report(zero_report())
    assert {r.status for r in results} == {"pass"}
    assert {r.rule for r in results} >= {"T3-I1", "T3-I2", "T3-I3", "T4-I1", "DOM-1", "STR-1"}


def test_t3_i1_per_column() -> None:
    report = zero_report()
    set_row(report, "new_received", [5, 0, 0, 0, 0, 0, 5])
    set_row(report, "granted", [4, 0, 0, 0, 0, 0, 4])
    set_row(report, "total_processed", [4, 0, 0, 0, 0, 0, 4])
    set_row(report, "carry_forward", [1, 0, 0, 0, 0, 0, 1])
    assert set(statuses(check_report(report), "T3-I1").values()) == {"pass"}
    set_row(report, "carry_forward", [0, 0, 0, 0, 0, 0, 0])
    got = [r for r in check_report(report) if r.rule == "T3-I1" and r.status != "pass"]
    assert [(r.scope, r.left, r.right, r.difference) for r in got] == [
        ("column natural_person", 5, 4, 1),
        ("column total", 5, 4, 1),
    ]
    assert got[0].status == "fail" and "table3.carry_forward.natural_person" in got[0].cells


def test_t3_i2_uses_the_outcome_rows_of_the_format() -> None:
    report = zero_report("GOV2021")
    set_row(report, "other.2", [1, 0, 0, 0, 0, 0, 1])
    results = statuses(check_report(report), "T3-I2")
    assert results["column natural_person"] == "fail" and results["column commercial"] == "pass"
    single = zero_report("GOV2019", year=2020)
    set_row(single, "other", [2, 0, 0, 0, 0, 0, 2])
    assert statuses(check_report(single), "T3-I2")["column total"] == "fail"
    set_row(single, "total_processed", [2, 0, 0, 0, 0, 0, 2])
    assert set(statuses(check_report(single), "T3-I2").values()) == {"pass"}


def test_t3_i3_per_row() -> None:
    report = zero_report()
    set_row(report, "granted", [1, 1, 0, 0, 0, 0, 3])
    assert statuses(check_report(report), "T3-I3")["row granted"] == "fail"
    set_row(report, "granted", [1, 1, 0, 0, 0, 0, 2])
    assert statuses(check_report(report), "T3-I3")["row granted"] == "pass"


def test_t4_i1_per_group() -> None:
    report = zero_report()
    report.table4["review"] = {"upheld": 10, "corrected": 1, "other": 0, "pending": 0, "total": 0}
    got = statuses(check_report(report), "T4-I1")
    assert got == {
        "group review": "fail",
        "group lit_direct": "pass",
        "group lit_after_review": "pass",
    }


def test_blank_is_not_assessable_unless_blank_as_zero_which_is_stated() -> None:
    report = zero_report()
    report.table3["granted"]["total"] = None
    result = next(r for r in check_report(report) if r.rule == "T3-I3" and r.scope == "row granted")
    assert result.status == "not_assessable" and "blank" in result.message
    result = next(
        r
        for r in check_report(report, blank_as_zero=True)
        if r.rule == "T3-I3" and r.scope == "row granted"
    )
    assert result.status == "pass" and result.assumption == "blank = 0"
    assert "blank = 0" in result.message


def test_na_and_ambiguous_cells_are_never_assessed() -> None:
    report = zero_report()
    report.table3["granted"]["total"] = "NA"
    report.table3["partial"]["total"] = Ambiguous((1, 10))
    got = statuses(check_report(report, blank_as_zero=True), "T3-I3")
    assert got["row granted"] == "not_assessable" and got["row partial"] == "not_assessable"


def test_domain_rule() -> None:
    report = zero_report("GOV2019", year=2020)
    report.table2["art20_5"]["licensing"]["items_delta"] = -3  # signed column: fine
    report.table2["art20_9"]["procurement"]["amount"] = 12.5  # money: fine
    assert set(statuses(check_report(report), "DOM-1").values()) == {"pass"}
    report.table3["granted"]["research"] = -1
    report.table4["review"]["upheld"] = 1.5
    got = statuses(check_report(report), "DOM-1")
    assert got == {"table2": "pass", "table3": "fail", "table4": "fail"}


def test_table2_soft_rules_2019() -> None:
    report = zero_report("GOV2019", year=2020)
    report.table2["art20_1"]["rules"] = {"new_made": 2, "new_published": 3, "total_published": 1}
    got = statuses(check_report(report), "T2-S1") | statuses(check_report(report), "T2-S2")
    assert got["art20_1 rules"] == "warn"
    assert [
        r.status for r in check_report(report) if r.rule == "T2-S1" and r.scope == "art20_1 rules"
    ] == ["warn"]


def test_cross_year_carry_over_and_documents() -> None:
    last, this = zero_report(year=2021, file="a.txt"), zero_report(year=2022, file="b.txt")
    set_row(last, "carry_forward", [1, 0, 0, 0, 0, 0, 1])
    set_row(this, "carried_over", [1, 0, 0, 0, 0, 0, 1])
    last.table2["art20_1"]["normative_docs"] = {"made": 5, "repealed": 0, "valid": 40}
    this.table2["art20_1"]["normative_docs"] = {"made": 3, "repealed": 1, "valid": 42}
    results = run_checks([last, this])
    assert set(statuses(results, "T3-X1").values()) == {"pass"}
    assert statuses(results, "T2-X1")["2021→2022 art20_1 normative_docs"] == "pass"
    this.table2["art20_1"]["normative_docs"]["valid"] = 50
    set_row(this, "carried_over", [0, 0, 0, 0, 0, 0, 0])
    results = run_checks([last, this])
    assert statuses(results, "T2-X1")["2021→2022 art20_1 normative_docs"] == "warn"
    assert statuses(results, "T3-X1")["2021→2022 column total"] == "warn"


def test_cross_year_items_chain_2019_template() -> None:
    last, this = (
        zero_report("GOV2019", 2019, file="a.txt"),
        zero_report("GOV2019", 2020, file="b.txt"),
    )
    last.table2["art20_6"]["punishment"] = {"prev_items": 10, "items_delta": -2, "decisions": 5}
    this.table2["art20_6"]["punishment"] = {"prev_items": 8, "items_delta": 0, "decisions": 1}
    assert statuses(run_checks([last, this]), "T2-X2")["2019→2020 art20_6 punishment"] == "pass"
    this.table2["art20_6"]["punishment"]["prev_items"] = 9
    assert statuses(run_checks([last, this]), "T2-X2")["2019→2020 art20_6 punishment"] == "warn"


def test_structure_rule() -> None:
    report = zero_report()
    assert statuses(check_report(report), "STR-1") == {"sections": "pass"}
    report.sections = [s for s in report.sections if s.no != 5]
    report.sections[-1] = SectionHit(
        6, "other_matters", "五、其他需要报告的事项", 5, (9, 0), (9, 1)
    )
    result = next(r for r in check_report(report) if r.rule == "STR-1")
    assert result.status == "warn"
    assert (
        "missing 五、存在的主要问题及改进情况" in result.message and "numbered 5" in result.message
    )


def test_template_year_rule() -> None:
    assert statuses(check_report(zero_report("GOV2019", 2022)), "STR-2") == {"format": "warn"}
    assert statuses(check_report(zero_report("GOV2019", 2020)), "STR-2") == {"format": "pass"}
    assert statuses(check_report(zero_report("GOV2021", 2022)), "STR-2") == {"format": "pass"}


def test_work_year_rule() -> None:
    report = zero_report(year=2022)
    assert statuses(check_report(report), "YEAR-1") == {"overview": "pass"}
    report.section_text["overview"] = "2021年，我局认真落实条例。全年公开信息20条。"
    result = next(r for r in check_report(report) if r.rule == "YEAR-1")
    assert result.status == "warn" and "2021年" in result.message


def test_fee_rule() -> None:
    report = zero_report("GOV2021")
    set_row(report, "other.2", [2, 0, 0, 0, 0, 0, 2])
    assert statuses(check_report(report), "FEE-1") == {"other.2": "warn"}
    # Fees collected, but no count of notices: still a warning, which says what was stated.
    report.narrative = [
        Fact(
            "fee_collected_yuan",
            "all",
            3940,
            "exact",
            "元",
            "收取信息处理费3940元",
            "other_matters",
        )
    ]
    result = next(r for r in check_report(report) if r.rule == "FEE-1")
    assert result.status == "warn" and "3940 元 collected" in result.message
    report.section_text["other_matters"] = "本年度共发出收费通知3件，实际收取信息处理费0元。"
    assert statuses(check_report(report), "FEE-1") == {"other.2": "pass"}
    assert statuses(check_report(zero_report("GOV2019", 2020)), "FEE-1") == {}


def test_narrative_against_tables() -> None:
    from disclosure_metrics.narrative import Fact

    report = zero_report()
    set_row(report, "new_received", [7, 0, 0, 0, 0, 0, 7])
    set_row(report, "granted", [7, 0, 0, 0, 0, 0, 7])
    set_row(report, "total_processed", [7, 0, 0, 0, 0, 0, 7])
    report.narrative = [
        Fact("applications_received", "all", 7, "exact", "件", "共收到申请7件", "overview"),
        Fact("applications_closed", "all", 6, "exact", "件", "办结6件", "overview"),
        Fact("applications_received", "all", 5, "more_than", "件", "收到申请5余件", "overview"),
    ]
    got = statuses(check_report(report), "TXT-1")
    assert got == {"applications_received": "pass", "applications_closed": "warn"}


def test_hierarchy_rule(tmp_path: Path) -> None:
    county = zero_report(agency="示例县", file="county.txt")
    towns = [zero_report(agency=f"示例县{n}镇", file=f"{n}.txt") for n in "甲乙"]
    set_row(towns[0], "new_received", [2, 0, 0, 0, 0, 0, 2])
    set_row(county, "new_received", [2, 0, 0, 0, 0, 0, 2])
    units = {"示例县甲镇": "示例县", "示例县乙镇": "示例县"}
    results = run_checks([county, *towns], units=units)
    assert statuses(results, "HIER-1") == {"2022 all cells": "pass"}
    set_row(county, "new_received", [3, 0, 0, 0, 0, 0, 3])
    got = statuses(run_checks([county, *towns], units=units), "HIER-1")
    assert got == {
        "2022 table3.new_received.natural_person": "warn",
        "2022 table3.new_received.total": "warn",
    }
    missing = statuses(run_checks([county, towns[0]], units=units), "HIER-1")
    assert missing == {"2022 children": "not_assessable"}


# --- the real corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_reports() -> list[Report]:
    corpus_or_skip()
    reports = []
    for path in sorted((CORPUS / "reports").iterdir()):
        if "legacy" not in path.name:
            reports.append(parse_file(path))
    return reports


def _by(results, file: str, rule: str):
    return [r for r in results if r.file == file and r.rule == rule]


def test_corpus_known_failures(corpus_reports: list[Report]) -> None:
    results = run_checks(corpus_reports)
    t3i2 = {r.scope: r for r in _by(results, "2020_pingtan.txt", "T3-I2")}
    assert (t3i2["column total"].status, t3i2["column total"].left, t3i2["column total"].right) == (
        "fail",
        21,
        27,
    )
    t4 = {r.scope: r.status for r in _by(results, "2023_hongzequ.pdf", "T4-I1")}
    assert t4 == {
        "group review": "fail",
        "group lit_direct": "pass",
        "group lit_after_review": "fail",
    }


def test_corpus_blank_totals_of_shanghai(corpus_reports: list[Report]) -> None:
    strict = {
        r.scope: r.status
        for r in _by(run_checks(corpus_reports), "2019_shanghai_bgt.html", "T3-I3")
    }
    assert strict["row granted"] == "not_assessable"
    lenient = {
        r.scope: r
        for r in _by(
            run_checks(corpus_reports, blank_as_zero=True), "2019_shanghai_bgt.html", "T3-I3"
        )
    }
    assert (
        lenient["row granted"].status == "fail" and lenient["row granted"].assumption == "blank = 0"
    )
    assert lenient["row new_received"].status == "pass"


def test_corpus_pingtan_carry_over_chain(corpus_reports: list[Report]) -> None:
    chain = [
        r for r in run_checks(corpus_reports) if r.rule == "T3-X1" and r.agency == "平潭综合实验区"
    ]
    years = sorted({r.scope.split()[0] for r in chain})
    assert years == [
        "2019→2020",
        "2020→2021",
        "2021→2022",
        "2022→2023",
    ]  # 2024 is not in the corpus
    assert {r.status for r in chain} == {"pass"}


def test_corpus_narrative_disagreements_of_shanghai(corpus_reports: list[Report]) -> None:
    txt = {r.scope: r for r in _by(run_checks(corpus_reports), "2019_shanghai_bgt.html", "TXT-1")}
    assert (
        txt["applications_granted_or_partial"].left,
        txt["applications_granted_or_partial"].right,
    ) == (258, 275)
    assert (txt["applications_unable"].left, txt["applications_unable"].right) == (265, 337)
    assert txt["applications_unable"].status == "warn"
    assert txt["applications_received"].status == "pass"


@pytest.mark.parametrize("truth_path", truth_files(), ids=lambda p: p.stem)
def test_identities_agree_with_truth_under_blank_as_zero(truth_path: Path) -> None:
    corpus_or_skip()
    truth = load_truth(truth_path)
    report = parse_file(CORPUS / "reports" / truth["file"])
    by_rule = defaultdict(list)
    for r in check_report(report, blank_as_zero=True):
        by_rule[r.rule].append(r)
    for rule, expected in truth["identities"].items():
        want = expected.split(":")[0]
        assert summary_status(by_rule[rule]) == want, (rule, expected)
    strict = check_report(report)
    for rule, expected in truth["identities"].items():
        if expected == "pass":
            assert not [r for r in strict if r.rule == rule and r.status == "fail"]


def test_check_cli_json_csv_and_exit_codes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from disclosure_metrics.cli import main

    corpus = corpus_or_skip()
    out_csv = tmp_path / "checks.csv"
    pingtan = str(corpus / "reports" / "2020_pingtan.txt")
    result = CliRunner().invoke(main, ["check", pingtan, "--json", "--csv", str(out_csv)])
    assert result.exit_code == 1
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(rows[0]) >= {
        "file",
        "agency",
        "year",
        "rule",
        "status",
        "scope",
        "left",
        "right",
        "cells",
        "message",
    }
    assert any(r["rule"] == "T3-I2" and r["status"] == "fail" for r in rows)
    assert out_csv.read_text(encoding="utf-8-sig").count("\n") == len(rows) + 1
    assert CliRunner().invoke(main, ["check", pingtan, "--no-fail"]).exit_code == 0
    readable = CliRunner().invoke(main, ["check", str(corpus / "reports" / "2021_pingtan.txt")])
    assert readable.exit_code == 0 and "T3-I1" in readable.stdout
