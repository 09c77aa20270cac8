"""Cells by dotted path, the table 3 layout, and rule terms expanded to signed cell paths."""

from __future__ import annotations

import pytest

from disclosure_metrics.cells import (
    MISSING,
    cell,
    expand,
    path_keys,
    places,
    signed_terms,
    table3_variant,
    value_at,
)

from .test_checks import zero_report


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


def test_signed_terms_expand_outcome_rows_by_the_layout_of_their_report() -> None:
    got = signed_terms(["-prev:@outcome_rows"], "table3.{key}.total", "split_other", "single_other")
    assert {t.prev for t in got} == {True} and {t.sign for t in got} == {-1}
    assert got[-1].path == "table3.other.total"  # the 2019 layout of the previous report
    assert got[-1].keys == ("other", "total")
    with pytest.raises(ValueError):
        signed_terms(["prev:carry_forward"], "table3.{key}.total", "split_other")


def test_places_of_each_identity_follow_the_layout_and_template() -> None:
    rows_2021 = places("T3-I3", "split_other")
    assert [p.scope for p in rows_2021][-5:] == [
        "row other.1",
        "row other.2",
        "row other.3",
        "row total_processed",
        "row carry_forward",
    ]
    assert len(places("T3-I3", "single_other")) == len(rows_2021) - 2
    outcome = places("T3-I2", "single_other")[0]
    assert outcome.cells[0] == "table3.total_processed.natural_person"
    assert outcome.cells[-1] == "table3.other.natural_person"
    assert [p.scope for p in places("T2-S1", "single_other", None, "GOV2019")] == [
        "art20_1 rules",
        "art20_1 normative_docs",
    ]
    assert places("T2-S1", "single_other") == ()  # a table 2 rule needs the template
    # A term repeated on the right is listed once among the cells.
    place = places("T2-X1", "split_other", "split_other", "GOV2021")[0]
    assert place.cells == (
        "table2.art20_1.rules.valid",
        "table2.art20_1.rules.made",
        "table2.art20_1.rules.repealed",
    )
    assert [t.prev for t in place.right] == [True, False, False]


def test_path_keys_and_value_at_read_what_cell_reads() -> None:
    report = zero_report("GOV2019")
    report.table3["other"]["total"] = None
    for path in (
        "table3.other.total",
        "table3.denied.8.legal_service",
        "table2.art20_9.procurement.amount",
        "table2.art20_1.rules",  # a row, not a cell: the row itself
        "table4.lit_direct.pending",
        "table4.lit_direct.nothing",
    ):
        table, keys = path_keys(path)
        assert value_at(report, table, keys) is cell(report, path) or (
            value_at(report, table, keys) == cell(report, path)
        )
    assert path_keys("table3.not_processed.5.total") == ("table3", ("not_processed.5", "total"))
    assert value_at(report, "table3", ("other", "total")) is None
    assert value_at(report, "table4", ("lit_direct", "nothing")) is MISSING
