"""Dashboards: matched comparisons, honest small numbers, readable tables, empty inputs."""

from __future__ import annotations

import re
from pathlib import Path

import plotly.graph_objects as go
import pytest

import disclosure_metrics as dm
from disclosure_metrics import dashboard as db
from disclosure_metrics import indicators as ind
from disclosure_metrics import templates as tpl

from .conftest import SAMPLE


@pytest.fixture(scope="module")
def county(example_dir: Path) -> dm.Corpus:
    return dm.load(example_dir, progress=False)


@pytest.fixture(scope="module")
def county_and_township(example_dir: Path) -> dm.Corpus:
    """The example county plus the sample township, which reported in 2020 only."""
    return dm.load([example_dir, SAMPLE.parent], progress=False)


def _value(table, indicator: str, year: int) -> float:
    return float(db._total(table, indicator, year).value)


def test_matched_total_is_the_sum_over_agencies_present_in_both_years(
    county_and_township: dm.Corpus,
) -> None:
    corpus = county_and_township
    apps = corpus.indicators[corpus.indicators.indicator == "items_published.all"]
    both = set(apps[apps.year == 2019].agency_key) & set(apps[apps.year == 2020].agency_key)
    matched = db.matched_totals(corpus, ["items_published.all"], 2020)
    for year in (2019, 2020):
        expected = apps[(apps.year == year) & apps.agency_key.isin(both)].value.sum()
        assert _value(matched, "items_published.all", year) == pytest.approx(expected)
    # The township, present in 2020 only, is in the all-agencies total but in no comparison.
    everyone = db.totals(corpus, [2020])
    assert _value(everyone, "items_published.all", 2020) > _value(
        matched, "items_published.all", 2020
    )


def test_an_agency_reporting_in_one_year_only_changes_no_yoy_figure(
    county: dm.Corpus, county_and_township: dm.Corpus
) -> None:
    for indicator, year in (("items_published.all", 2020), ("apps.new", 2021)):
        spec = ind.by_id()[indicator]
        assert db._change_text(county, indicator, year, spec.unit) == db._change_text(
            county_and_township, indicator, year, spec.unit
        )
    for indicator in ("apps.new", "items_published.all"):
        assert _segments(db.trend_figure(county, indicator)) == _segments(
            db.trend_figure(county_and_township, indicator)
        )
    assert (
        db.channel_figure(county, 2020).to_plotly_json()["data"]
        == (db.channel_figure(county_and_township, 2020).to_plotly_json()["data"])
    )


def _segments(fig: go.Figure) -> list[tuple]:
    return [(tuple(t.x), tuple(t.y)) for t in fig.data if t.legendgroup == "matched"]


def test_trend_totals_are_drawn_per_pair_of_years_over_the_same_agencies(county: dm.Corpus) -> None:
    fig = db.trend_figure(county, "apps.new")
    segments = _segments(fig)
    assert len(segments) == 6  # 2019→2020 … 2024→2025
    assert not [t for t in fig.data if "all agencies that reported" in (t.name or "")]
    for (prev, year), (a, b) in segments:
        matched = db.matched_totals(county, ["apps.new"], year)
        assert (a, b) == (_value(matched, "apps.new", prev), _value(matched, "apps.new", year))


def test_small_samples_carry_into_yoy_and_are_never_ok(county: dm.Corpus) -> None:
    status = {
        (r.agency_key, r.indicator, int(r.year)): r.status
        for r in county.indicators.itertuples(index=False)
    }
    yoy = county.yoy()
    rows = yoy[yoy.prev_year.notna()]
    small = 0
    for r in rows.itertuples(index=False):
        sides = {status[(r.agency_key, r.indicator, int(r.year))]}
        sides.add(status[(r.agency_key, r.indicator, int(r.prev_year))])
        if ind.SMALL_SAMPLE in sides and r.status not in (
            "not_comparable",
            "missing",
            "missing_previous",
        ):
            assert r.status == ind.SMALL_SAMPLE, r
            small += 1
    assert small > 0  # the example county has small denominators: the rule was exercised
    assert not ((yoy.status == "ok") & yoy.indicator.isin(["hotline.resolution_rate"])).all()


def test_small_sample_rates_are_drawn_hollow_and_greyed(county: dm.Corpus) -> None:
    fig = db.trend_figure(county, "apps.release_rate_all")
    symbols = [s for t in fig.data if t.legendgroup != "matched" for s in t.marker.symbol]
    assert "circle-open" in symbols
    assert fig.layout.yaxis.rangemode == "tozero" and fig.layout.yaxis.tickformat == ".0%"
    assert 'class="dm-small"' in db.agency_table(county, 2021)
    assert 'class="dm-small"' in db.yoy_table(county)


_NOT_A_READING = re.compile(r"&lt;NA&gt;|<NA>|\bnan\b|\bNaN\b|\bNone\b")


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", html, flags=re.S))


def test_tables_show_integers_percentages_and_dashes_never_na_nan_none(county: dm.Corpus) -> None:
    pages = db.agency_pages(county)
    key = next(iter(pages))
    blocks = [
        db.value_boxes(county, 2021),
        db.agency_table(county, 2021, pages),
        db.agencies_table(county, pages),
        db.yoy_table(county, pages=pages),
        db.failed_checks_table(county, pages=pages),
        db.not_assessable_table(county),
        db.catalogue_table(),
        db.rules_table(),
        db.exports_table(county, pages=pages),
        db.attention_table(county, pages=pages),
        db.agency_indicators_table(county, key),
        db.agency_checks_table(county, key, pages),
        db.agency_facts_table(county, key),
        db.agency_disputes_table(county, key),
        db.text_comparison(county, key),
    ]
    for block in blocks:
        text = _visible(block)
        assert not _NOT_A_READING.search(text), _NOT_A_READING.search(text)
        # A count printed as 147.0 (a share is 64.0%, a change of points +1.0 pp: both fine).
        count_with_zero = re.search(r"(?<![\d.])\d+\.0(?![\d%]|\s*pp)", text)
        assert not count_with_zero, text[
            max(count_with_zero.start() - 30, 0) : count_with_zero.end() + 5
        ]
    assert db.fmt(147.0, "件") == "147" and db.fmt(0.64834, "ratio") == "64.8%"
    assert (
        db.fmt_change(1.0, "件", False) == "+1"
        and db.fmt_change(-0.0001, "ratio", True) == "+0.0 pp"
    )


def _bilingual(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text) and re.search(r"[A-Za-z]", text))


def test_headers_are_bilingual(county: dm.Corpus) -> None:
    key = next(iter(db.agency_pages(county)))
    blocks = (
        db.failed_checks_table(county),
        db.catalogue_table(),
        db.rules_table(),
        db.agency_disputes_table(county, key),
    )
    for block in blocks:
        headers = re.findall(r"<th[^>]*>(.*?)</th>", block)
        assert headers and all(_bilingual(h) for h in headers), headers
    # table 4's kinds of dispute, in the agency's table and the year's figure alike
    kinds = re.findall(r"<tr><td>\d{4}</td><td>(.*?)</td>", db.agency_disputes_table(county, key))
    assert kinds and all(_bilingual(k) for k in kinds), kinds
    assert kinds[:3] == list(tpl.table4_group_names().values())  # in the template's order
    mix = db.mix_figure(county, 2021)
    assert all(_bilingual(x) for t in mix.data for x in t.x)
    fig = db.disputes_figure(county, 2021)
    assert fig.data and all(_bilingual(t.name) for t in fig.data)
    assert all(_bilingual(x) for t in fig.data for x in t.x)


def test_the_example_banner_speaks_of_the_reports_a_page_shows(
    county_and_township: dm.Corpus,
) -> None:
    """A real agency's page, or a year of real reports only, is no example data, whatever
    else the corpus holds."""
    corpus = county_and_township
    real = corpus.reports.loc[~corpus.reports.agency.str.contains(db.EXAMPLE_MARKER)]
    example = corpus.reports.loc[corpus.reports.agency.str.contains(db.EXAMPLE_MARKER)]
    banner = "Example data"
    assert banner in db.page_header(corpus, "总览 Overview")
    assert banner not in db.page_header(corpus, "t", agency=real.agency_key.iloc[0])
    assert banner in db.page_header(corpus, "t", agency=example.agency_key.iloc[0])
    assert banner in db.page_header(corpus, "t", year=2020)  # the township and the county
    only_example_years = set(example.year) - set(real.year)
    assert banner in db.page_header(corpus, "t", year=min(only_example_years))


def test_quality_orders_by_severity_and_summarises_not_assessable(
    county_and_township: dm.Corpus,
) -> None:
    block = db.failed_checks_table(county_and_township)
    results = re.findall(r"dm-status dm-(\w+)", block)
    assert results[: results.count("fail")] == ["fail"] * results.count("fail")
    assert results.count("fail") == 3 and results.count("warn") >= 6
    summary = db.not_assessable_table(county_and_township)
    rows = summary.count("<tr>") - 1
    n_assessable = int((county_and_township.checks.status == "not_assessable").sum())
    assert 0 < rows < n_assessable  # summarised by cause, not listed row by row
    assert "table3.granted.total" in summary  # the cause: which cells are blank
    fig = db.checks_figure(county_and_township)
    assert {t.name for t in fig.data} == {"未通过 fail", "警告 warn"}  # passes are not drawn


def _sample_renamed(folder: Path) -> Path:
    """The sample, and its next year's copy that names the township without its county."""
    folder.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (folder / "2020.txt").write_text(text, encoding="utf-8")
    renamed = text.replace("盐池县惠安堡镇人民政府", "惠安堡镇人民政府").replace("2020", "2021")
    (folder / "2021.txt").write_text(renamed, encoding="utf-8")
    return folder


def test_names_with_and_without_their_place_are_pointed_out_with_the_alias_line(
    tmp_path: Path,
) -> None:
    folder = _sample_renamed(tmp_path / "reports")
    block = db.same_agency_table(dm.load(folder, progress=False))
    assert "惠安堡镇人民政府,盐池县惠安堡镇人民政府" in block  # the line to add
    assert "<td>2021</td>" in block and "<td>2020</td>" in block
    # with the alias they are one agency: nothing left to point out
    aliases = {"惠安堡镇人民政府": "盐池县惠安堡镇人民政府"}
    assert "无 none" in db.same_agency_table(dm.load(folder, aliases=aliases, progress=False))


def test_an_agency_named_two_ways_and_made_one_by_an_alias_is_one_line(tmp_path: Path) -> None:
    folder = _sample_renamed(tmp_path / "reports")
    aliases = {"惠安堡镇人民政府": "盐池县惠安堡镇人民政府"}
    fig = db.trend_figure(dm.load(folder, aliases=aliases, progress=False), "apps.new")
    lines = [(t.name, list(t.x)) for t in fig.data if t.legendgroup != "matched"]
    # one line over both years, under the name of the latest report
    assert lines == [("惠安堡镇人民政府", [2020, 2021])]


def test_an_empty_input_says_so_instead_of_drawing_empty_charts(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    corpus = dm.load(tmp_path / "empty", progress=False)
    assert db.NO_REPORTS in db.page_header(corpus, "总览 Overview")
    for out in (
        db.trend_figure(corpus, "apps.new"),
        db.channel_figure(corpus, 2021),
        db.flow_figure(corpus, 2021),
        db.mix_figure(corpus, 2021),
        db.disputes_figure(corpus, 2021),
        db.checks_figure(corpus),
        db.agencies_table(corpus),
        db.attention_table(corpus),
    ):
        assert isinstance(out, db.HtmlBlock) and 'class="dm-empty"' in out, out


def test_agency_pages_bounded_by_applications(county: dm.Corpus) -> None:
    every = db.agency_pages(county)
    assert len(every) == county.reports.agency_key.nunique()
    assert db.agency_pages(county, 0) == {}
    top = db.agency_pages(county, 2)
    apps = county.indicators[county.indicators.indicator == "apps.new"]
    volume = apps.groupby("agency_key").value.sum().sort_values(ascending=False)
    assert set(top) == set(volume.index[:2])
    link = db.agency_link("示例县教育局", next(iter(every)), every)
    assert link.startswith('<a href="agency-') and link.endswith("</a>")


def test_text_comparison_lists_added_and_dropped_sentences(county: dm.Corpus) -> None:
    qingshan = county.reports[county.reports.agency.str.contains("青山镇")].agency_key.iloc[0]
    block = db.text_comparison(county, qingshan)
    assert "2019 → 2020" in block and ("dm-added" in block or "dm-dropped" in block)
    assert db.text_changes("甲。乙。", "甲。乙。") == ([], [])
