"""Blank cells forced by the identities: filled only where the forcing is unique."""

from __future__ import annotations

from disclosure_metrics.derive import forced_cells

from .test_checks import set_row, zero_report


def test_parts_of_a_zero_total_are_zero_and_a_total_of_printed_parts_is_their_sum() -> None:
    report = zero_report()
    report.table3["granted"]["research"] = None  # column total 0 → the part is 0
    set_row(report, "partial", [2, 1, 0, 0, 0, 0, None])  # parts printed → total 3
    for key in ("new_received", "total_processed"):
        set_row(report, key, [2, 1, 0, 0, 0, 0, 3])
    forced = forced_cells(report)
    assert forced["table3.granted.research"] == 0
    assert forced["table3.partial.total"] == 3


def test_two_unknowns_in_every_equation_stay_blank() -> None:
    report = zero_report()
    set_row(report, "new_received", [None, None, 0, 0, 0, 0, 5])
    set_row(report, "granted", [None, None, 0, 0, 0, 0, 5])
    set_row(report, "total_processed", [None, None, 0, 0, 0, 0, 5])
    assert forced_cells(report) == {}


def test_na_and_contradictions_force_nothing() -> None:
    report = zero_report()
    report.table3["granted"]["research"] = "NA"
    assert "table3.granted.research" not in forced_cells(report)  # NA is printed: never filled
    report = zero_report()
    # 0 = 1 + x has no non-negative solution: the printed cells contradict, nothing is forced.
    report.table4["review"] = {"upheld": 1, "corrected": None, "other": 0, "pending": 0, "total": 0}
    assert "table4.review.corrected" not in forced_cells(report)


def test_the_sample_report_cells_cut_off_by_the_rendering() -> None:
    from disclosure_metrics import parse_file

    from .conftest import SAMPLE

    forced = forced_cells(parse_file(SAMPLE))
    assert len(forced) == 27 and set(forced.values()) == {0}
    assert forced["table4.lit_after_review.total"] == 0


def test_equations_are_the_hard_identities_at_each_place_of_the_layout() -> None:
    from disclosure_metrics.derive import equations

    report = zero_report("GOV2021")
    eqs = equations(report)
    assert len(eqs) == 7 + 7 + 25 + 3  # T3-I1, T3-I2 per column, T3-I3 per row, T4-I1 per group
    assert eqs[0] == (
        [(1, "table3.new_received.natural_person"), (1, "table3.carried_over.natural_person")],
        [(1, "table3.total_processed.natural_person"), (1, "table3.carry_forward.natural_person")],
    )
    assert len(equations(zero_report("GOV2019"))) == len(eqs) - 2  # one （六） row, not three
    assert forced_cells(report) == {}  # nothing blank, nothing forced
