"""The corpus API on the real 平潭 series and the sample: tables, YoY, rollups, exports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import disclosure_metrics as dm
from disclosure_metrics.corpus import mark_conflicts
from disclosure_metrics.export import read_table

from .conftest import CORPUS, SAMPLE, corpus_or_skip


@pytest.fixture(scope="module")
def pingtan(tmp_path_factory) -> dm.Corpus:
    corpus_or_skip()
    folder = tmp_path_factory.mktemp("pingtan")
    for path in (CORPUS / "reports").glob("20*_pingtan*.txt"):
        # Copied to a temporary folder: a link leaving the given folder is not followed.
        shutil.copy(path, folder / path.name)
    return dm.load(folder, progress=False)


def value(corpus: dm.Corpus, indicator: str, year: int) -> pd.Series:
    rows = corpus.indicators.query("indicator == @indicator and year == @year")
    assert len(rows) == 1
    return rows.iloc[0]


def test_pingtan_2021_values(pingtan: dm.Corpus) -> None:
    assert value(pingtan, "apps.new", 2021).value == 70
    assert value(pingtan, "apps.processed", 2021).value == 69
    assert value(pingtan, "apps.carry_forward", 2021).value == 1
    rate = value(pingtan, "apps.clearance_rate", 2021)
    assert rate.value == pytest.approx(69 / 70) and (rate.numerator, rate.denominator) == (69, 70)
    assert value(pingtan, "review.total", 2021).value == 3
    assert value(pingtan, "litigation.total", 2021).value == 12
    assert value(pingtan, "fees.amount_wan", 2021).value == pytest.approx(24252.311082)


def test_pingtan_yoy(pingtan: dm.Corpus) -> None:
    yoy = pingtan.yoy().set_index(["indicator", "year"])
    new = yoy.loc[("apps.new", 2021)]
    assert (new.prev_value, new.abs_change) == (21, 49) and new.rel_change == pytest.approx(49 / 21)
    rate = yoy.loc[("apps.clearance_rate", 2021)]
    assert rate.change_pp == pytest.approx((69 / 70 - 21 / 21) * 100)
    # Table 2 block （一） changed definition between the templates.
    assert yoy.loc[("rules.made", 2021)].status == "not_comparable"
    assert pd.isna(yoy.loc[("rules.made", 2021)].abs_change)
    # carried over 0 in 2020: no relative change
    assert yoy.loc[("apps.carry_forward", 2021)].status == "zero_previous"
    assert pd.isna(yoy.loc[("apps.carry_forward", 2021)].rel_change)
    # 2024 is not in the corpus: 2025 has no previous year
    assert yoy.loc[("apps.new", 2025)].status == "missing_previous"


def test_reports_table_and_cells(pingtan: dm.Corpus) -> None:
    assert set(pingtan.reports.status) == {"parsed", "legacy"}
    assert pingtan.reports.agency_key.nunique() == 1
    cells = pingtan.cells
    ambiguous = cells[(cells.year == 2021) & (cells.kind == "ambiguous")]
    assert set(ambiguous.row) == {"normative_docs"}
    assert set(cells.kind) <= {"number", "blank", "NA", "ambiguous", "derived"}


def test_sample_indicators() -> None:
    corpus = dm.load(SAMPLE.parent, progress=False)
    rows = corpus.indicators.set_index("indicator")
    assert rows.loc["hotline.resolution_rate"].value == 1.0
    assert (
        rows.loc["hotline.resolution_rate"].numerator,
        rows.loc["hotline.resolution_rate"].denominator,
    ) == (35, 35)
    assert rows.loc["items_published.wechat_group"].value == 3000
    assert rows.loc["items_published.wechat_group"].qualifier == "more_than"
    assert rows.loc["apps.clearance_rate"].status == "zero_denominator"
    assert pd.isna(rows.loc["apps.clearance_rate"].value)
    # the cells cut off by the text rendering are forced to 0 and marked derived
    derived = corpus.cells[corpus.cells.kind == "derived"]
    assert len(derived) == 27 and set(derived.value) == {0}


def test_identical_files_read_once_and_conflicting_files_named(tmp_path: Path) -> None:
    shutil.copy(SAMPLE, tmp_path / "a.txt")
    shutil.copy(SAMPLE, tmp_path / "b.txt")
    corpus = dm.load(tmp_path, progress=False)
    assert list(corpus.reports.status) == ["parsed", "duplicate"]
    assert "a.txt" in corpus.reports.note.iloc[1]
    (tmp_path / "b.txt").write_text(
        SAMPLE.read_text(encoding="utf-8") + "\n附件：无\n", encoding="utf-8"
    )
    corpus = dm.load(tmp_path, progress=False)
    assert list(corpus.reports.status) == ["failed", "failed"]
    assert "b.txt" in corpus.reports.error.iloc[0] and "a.txt" in corpus.reports.error.iloc[1]
    assert corpus.indicators.empty


def test_rollup_recomputes_rates_from_sums() -> None:
    indicators = pd.DataFrame(
        [
            {"report": "a", "agency_key": "甲", "year": 2022,
             "indicator": "apps.clearance_rate", "value": 1.0,
             "numerator": 10.0, "denominator": 10.0, "status": "small_sample", "definition": "all"},
            {"report": "b", "agency_key": "乙", "year": 2022,
             "indicator": "apps.clearance_rate", "value": 0.5,
             "numerator": 50.0, "denominator": 100.0, "status": "ok", "definition": "all"},
            {"report": "a", "agency_key": "甲", "year": 2022,
             "indicator": "apps.new", "value": 10.0,
             "numerator": 10.0, "denominator": None, "status": "ok", "definition": "all"},
            {"report": "b", "agency_key": "乙", "year": 2022,
             "indicator": "apps.new", "value": 100.0,
             "numerator": 100.0, "denominator": None, "status": "ok", "definition": "all"},
        ]
    )  # fmt: skip
    reports = pd.DataFrame(
        {"report": ["a", "b"], "agency_key": ["甲", "乙"], "region": ["东", "东"]}
    )
    from disclosure_metrics.corpus import rollup

    out = rollup(indicators, reports, by="region").set_index("indicator")
    rate = out.loc["apps.clearance_rate"]
    assert rate.value == pytest.approx(60 / 110)
    assert rate.value != pytest.approx((1.0 + 0.5) / 2)  # never the mean of the rates
    assert out.loc["apps.new"].value == 110
    tree = rollup(indicators, reports, by={"甲": "乙"}).set_index("indicator")
    assert list(tree.group.unique()) == ["乙"] and tree.loc["apps.new"].value == 10


def test_exports_round_trip_and_open_in_openpyxl(tmp_path: Path) -> None:
    import openpyxl

    corpus = dm.load(SAMPLE.parent, progress=False)
    written = corpus.export(tmp_path)
    tables = corpus.tables()
    for name, df in tables.items():
        for suffix in ("csv", "parquet"):
            back = read_table(tmp_path / f"{name}.{suffix}")
            pd.testing.assert_frame_equal(
                back.reset_index(drop=True), df.reset_index(drop=True), check_dtype=False
            )
    book = openpyxl.load_workbook(written["xlsx"][0], read_only=True)
    assert len(book.sheetnames) == len(tables) - 1  # section texts: CSV and Parquet only
    assert "texts" in tables and not tables["texts"].empty
    sheet = book["指标 indicators"]
    assert next(sheet.iter_rows(max_row=1, values_only=True))[:3] == ("报告", "机关", "机关标识")


def test_alias_csv_joins_an_agency_across_years(tmp_path: Path) -> None:
    corpus_dir = corpus_or_skip() / "reports"
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,agency\n洪泽区人民政府,淮安市洪泽区人民政府\n", encoding="utf-8")
    files = [corpus_dir / "2023_hongzequ.pdf", corpus_dir / "2024_hongzequ.pdf"]
    apart = dm.load(files, progress=False)
    assert apart.reports.agency_key.nunique() == 2
    joined = dm.load(files, aliases=aliases, progress=False)
    assert joined.reports.agency_key.nunique() == 1
    yoy = joined.yoy().set_index(["indicator", "year"])
    assert yoy.loc[("apps.new", 2024)].prev_value == 21


def test_rollup_by_a_reports_column_groups_report_by_report(pingtan: dm.Corpus) -> None:
    """平潭's 2019 report is GOV2019 and its 2021 one GOV2021: each is summed in its own."""
    formats = pingtan.reports.set_index("year").format
    assert formats[2019] == "GOV2019" and formats[2021] == "GOV2021"
    out = pingtan.rollup("format")
    new = out[out.indicator == "apps.new"].set_index("year").group
    assert new[2019] == "GOV2019" and new[2021] == "GOV2021"
    assert set(out.loc[out.year == 2019, "group"]) == {"GOV2019"}


def test_an_unknown_agency_names_the_closest(pingtan: dm.Corpus) -> None:
    assert len(pingtan.agency("平潭综合实验区")) > 0
    with pytest.raises(KeyError, match="closest: 平潭综合实验区"):
        pingtan.agency("平潭综合试验区")


def test_repr_is_short_and_the_notebook_display_rich(pingtan: dm.Corpus) -> None:
    text = repr(pingtan)
    assert len(text) < 300 and "\n" not in text
    assert "2 legacy" in text and "years 2017-2025 (8 years)" in text and "1 agency" in text
    html = pingtan._repr_html_()
    assert "<table>" in html and "2017_pingtan_legacy.txt" in html and len(html) < 5000


def test_an_ocr_report_says_so_in_the_reports_table(two_page_scan: Path) -> None:
    corpus = dm.load([str(two_page_scan), str(SAMPLE)], progress=False, jobs=1)
    rows = corpus.reports.set_index("file")
    assert rows.loc["扫描件.pdf", "source_format"] == "pdf-ocr"
    assert rows.loc["扫描件.pdf", "ocr_pages"] == "1, 2"
    assert 0.5 < rows.loc["扫描件.pdf", "ocr_confidence"] <= 1.0
    assert rows.loc[SAMPLE.name, "source_format"] == "text"
    assert rows.loc[SAMPLE.name, "ocr_pages"] is pd.NA


def test_a_conflict_among_thousands_names_a_few_and_counts_the_rest() -> None:
    # Every file of one agency-year names the first few others and counts the rest: a message
    # naming all of them grew with the square of the group (a national benchmark whose agency
    # names read as one filled 24 GB with such messages).
    rows = [
        {"report": f"r{i:05d}.txt", "status": "parsed", "agency_key": "市科委", "year": 2024}
        for i in range(3000)
    ]
    marked = mark_conflicts(rows, {})
    assert len(marked) == 3000
    assert all(r["status"] == "failed" for r in rows)
    longest = max(len(r["error"]) for r in rows)
    assert longest < 400
    assert "（共3000份）" in rows[0]["error"] and "and 2994 more" in rows[0]["error"]
    assert "r00000.txt" not in rows[0]["error"] and "r00001.txt" in rows[0]["error"]
