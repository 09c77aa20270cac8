"""Cells by dotted path, the table 3 layout, and rule terms expanded to signed cell paths."""

from __future__ import annotations

import pytest

from disclosure_metrics.cells import MISSING, cell, expand, signed_paths, table3_variant

from .test_checks import set_row, zero_report


def test_cell_reads_table3_rows_with_dots_and_nested_table2() -> None:
    report = zero_report()
    report.table3["denied.1"]["total"] = 4
    report.table2["art20_1"]["rules"]["made"] = 2
    assert cell(report, "table3.denied.1.total") == 4
    assert cell(report, "table2.art20_1.rules.made") == 2
    assert cell(report, "table4.review.total") == 0
    assert cell(report, "table3.denied.9.total") is MISSING
    assert cell(report, "table2.art20_9.procurement.amount") is MISSING  # GOV2021 has no art20_9


def test_table3_variant_and_globs_follow_the_rows_printed() -> None:
    assert table3_variant(zero_report("GOV2021")) == "split_other"
    assert table3_variant(zero_report("GOV2019")) == "single_other"
    assert expand(zero_report("GOV2021"), "table3.other*.total") == [
        "table3.other.1.total",
        "table3.other.2.total",
        "table3.other.3.total",
    ]
    assert expand(zero_report("GOV2019"), "table3.other*.total") == ["table3.other.total"]
    with pytest.raises(ValueError):
        expand(zero_report(), "table4.*.total")


def test_signed_paths_expand_outcome_rows_by_the_layout_of_their_report() -> None:
    report, prev = zero_report("GOV2021"), zero_report("GOV2019")
    set_row(report, "granted", [1, 0, 0, 0, 0, 0, 1])
    got = signed_paths(report, prev, ["-prev:@outcome_rows"], "table3.{key}.total")
    assert {r is prev for _s, r, _p in got} == {True}
    assert got[-1] == (-1, prev, "table3.other.total")  # the 2019 layout of the previous report
    with pytest.raises(ValueError):
        signed_paths(report, None, ["prev:carry_forward"], "table3.{key}.total")
