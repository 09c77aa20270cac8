"""The attention list: the example county's planted problems, flagged and ordered."""

from __future__ import annotations

import pytest

import disclosure_metrics as dm
from disclosure_metrics.attention import RED, YELLOW, attention

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def flags(example_dir) -> object:
    return attention(dm.load([example_dir, SAMPLE.parent], progress=False))


def _has(flags, year: int, agency: str, kind: str, level: str, detail: str = "") -> bool:
    rows = flags[
        (flags.year == year)
        & flags.agency.str.contains(agency)
        & (flags.kind == kind)
        & (flags.level == level)
    ]
    return bool(rows.detail.str.contains(detail, regex=False).any())


def test_the_planted_errors_of_the_example_county_are_flagged(flags) -> None:
    assert _has(flags, 2020, "市场监督管理局", "hard_rule", RED, "T3-I2")
    assert _has(flags, 2022, "教育局", "hard_rule", RED, "T4-I1")
    assert _has(flags, 2023, "人民政府办公室", "soft_rule", YELLOW, "TXT-1")
    assert _has(flags, 2023, "白水乡", "soft_rule", YELLOW, "STR-1")
    assert _has(flags, 2024, "教育局", "soft_rule", YELLOW, "FEE-1")
    assert _has(flags, 2023, "市场监督管理局", "soft_rule", YELLOW, "T3-X1")
    for year in (2020, 2021, 2024, 2025):
        assert _has(flags, year, "青山镇", "text_reused", YELLOW)  # the same wording every year
    assert set(flags.anchor) <= {"checks", "text", "flow", "disputes"}


def test_the_sample_township_has_nothing_to_flag(flags) -> None:
    assert flags[flags.agency.str.contains("惠安堡镇")].empty


def test_red_agencies_come_first_in_their_year(flags) -> None:
    for _year, part in flags.groupby("year", sort=False):
        reds = part.groupby("agency_key", sort=False)["level"].apply(lambda s: (s == RED).any())
        order = list(reds)
        assert order == sorted(order, reverse=True)
    years = list(dict.fromkeys(flags.year))
    assert years == sorted(years, reverse=True)
