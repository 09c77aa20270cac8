"""Cell values: numbers, blanks, NA, units, annotations, signs and glued digit runs."""

from __future__ import annotations

import pytest

from disclosure_metrics.numbers import (
    Ambiguous,
    TooManySplits,
    UnreadableCell,
    candidates_by_cell,
    parse_cell,
    split_glued,
    value_tokens,
)


@pytest.mark.parametrize(
    "text,col_type,expected",
    [
        ("", "int", None),
        ("\u00a0", "int", None),
        ("0", "int", 0),
        ("/", "int", "NA"),
        ("-", "int", "NA"),
        ("—", "int", "NA"),
        ("不适用", "int", "NA"),
        ("1,234", "int", 1234),
        ("22 （其中修订 16 件）", "int", 22),
        ("251000元", "decimal", 251000),
        ("75394432.52元", "decimal", 75394432.52),
        ("24252.311082", "decimal", 24252.311082),
        ("+2", "signed_int", 2),
        ("-8", "signed_int", -8),
        ("12 件", "int", 12),
        # 本年增/减 written with sign words
        ("减4", "signed_int", -4),
        ("减少 1", "signed_int", -1),
        ("增加3", "signed_int", 3),
        ("新增2", "signed_int", 2),
    ],
)
def test_parse_cell(text: str, col_type: str, expected: object) -> None:
    got = parse_cell(text)
    assert got == expected and type(got) is type(expected)


@pytest.mark.parametrize("text", ["见附件", "1-2", "12元5"])
def test_unreadable_cells_raise(text: str) -> None:
    with pytest.raises(UnreadableCell):
        parse_cell(text)


def test_values_outside_the_domain_are_kept_as_printed() -> None:
    # DOM-1 reports them; the parser must not hide or "fix" them.
    assert parse_cell("-3") == -3
    assert parse_cell("1.5") == 1.5


def test_value_tokens_split_signs_and_spaces() -> None:
    assert value_tokens("2648-18538") == ["2648", "-18538"]
    assert value_tokens("23 0 00 0 023") == ["23", "0", "00", "0", "023"]
    assert value_tokens("本年增/减") == []


def total_is_sum(vec: tuple) -> bool:
    return vec[-1] == sum(vec[:-1])


def test_glued_row_split_uniquely_by_row_identity() -> None:
    assert split_glued(["640020470"], ["int"] * 7, total_is_sum) == [(64, 0, 0, 2, 0, 4, 70)]


def test_glued_row_with_two_splits_stays_open() -> None:
    # '270020130' is 27,0,0,2,0,1,30 or 2,7,0,0,2,0,11? Only those satisfying the sum survive.
    splits = split_glued(["270020130"], ["int"] * 7, total_is_sum)
    assert (27, 0, 0, 2, 0, 1, 30) in splits and len(splits) == 2


def test_spaces_are_boundaries_never_inside_a_number() -> None:
    assert split_glued(["230", "000023"], ["int"] * 7, total_is_sum) == [(23, 0, 0, 0, 0, 0, 23)]


def test_no_leading_zeros_and_signs_only_where_allowed() -> None:
    splits = split_glued(["2648", "-18538"], ["int", "signed_int", "int"])
    assert (2648, -18, 538) in splits
    assert all(v[1] < 0 and v[2] >= 0 for v in splits)
    assert split_glued(["05"], ["int", "int"]) == [(0, 5)]


def test_decimal_only_in_money_columns() -> None:
    splits = split_glued(["13575394432.52元"], ["int", "decimal"])
    assert (135, 75394432.52) in splits
    assert all(isinstance(v[0], int) for v in splits)


def test_too_many_splits_is_reported_not_guessed() -> None:
    with pytest.raises(TooManySplits):
        split_glued(["1" * 60], ["int"] * 15, limit=1000)


def test_candidates_by_cell() -> None:
    assert candidates_by_cell([(1, 2, 3)], 3) == [1, 2, 3]
    assert candidates_by_cell([(1, 2), (1, 20)], 2) == [1, Ambiguous((2, 20))]


def test_sum_pruning_keeps_every_split_and_the_split_limit() -> None:
    rows = [["15130000154"], ["270020130"], ["230", "000023"], ["0000000"], ["99999999999"]]
    for tokens in rows:
        pruned = split_glued(tokens, ["int"] * 7, total_is_sum, last_is_sum=True)
        assert pruned == split_glued(tokens, ["int"] * 7, total_is_sum)
    # Past the bound of the full search the pruned one is not used: the same refusal.
    with pytest.raises(TooManySplits):
        split_glued(["1" * 30], ["int"] * 7, total_is_sum, last_is_sum=True)
