"""The parser against the hand-checked truth of real reports, and its errors on bad input."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from disclosure_metrics import ReportError, UnsupportedFormatError, parse_file
from disclosure_metrics.parse import decide_format

from .conftest import CORPUS, SAMPLE, corpus_or_skip, load_truth, truth_files


def _cells(table: str, data: dict) -> dict[str, object]:
    """Flatten a table of the contract shape into dotted paths."""
    out = {}
    for block, rows in data.items():
        for key, value in rows.items():
            if table == "table2":
                for col, cell in value.items():
                    out[f"{table}.{block}.{key}.{col}"] = cell
            else:
                out[f"{table}.{block}.{key}"] = value
    return out


def _same(got: object, want: object) -> bool:
    # null, 0 and "NA" are distinct; ints and floats compare by value, but a blank is never 0.
    if want is None or got is None or isinstance(want, str) or isinstance(got, str | dict):
        return got == want and type(got) is type(want)
    return got == want


@pytest.mark.parametrize("truth_path", truth_files(), ids=lambda p: p.stem)
def test_every_cell_matches_truth(truth_path: Path) -> None:
    corpus_or_skip()
    truth = load_truth(truth_path)
    report = parse_file(CORPUS / "reports" / truth["file"]).to_json()
    assert (report["agency"], report["year"], report["format"]) == (
        truth["agency"],
        truth["year"],
        truth["format"],
    )
    ambiguous_in_text = set(truth.get("ambiguous_in_text") or [])
    wrong = []
    for table in ("table2", "table3", "table4"):
        got_cells = _cells(table, report[table])
        for path, want in _cells(table, truth[table]).items():
            got = got_cells.get(path, "<missing>")
            if path in ambiguous_in_text and isinstance(got, dict):
                if not (got.get("ambiguous") and want in got["candidates"]):
                    wrong.append((path, got, want))
            elif not _same(got, want):
                wrong.append((path, got, want))
    assert not wrong, wrong


def test_sample_parses_exactly_including_variants() -> None:
    report = parse_file(SAMPLE)
    assert report.agency == "盐池县惠安堡镇人民政府"
    assert (report.year, report.format) == (2020, "GOV2019")
    # 商业机构 is the sample's header for 商业企业; 不予处理 is split by a page break (理).
    assert report.table3["not_processed.2"]["commercial"] == 0
    assert report.table3["not_processed.2"]["total"] == 0
    assert report.table3["not_processed.1"]["total"] is None  # cut off in the text rendering
    assert report.table2["art20_6"]["punishment"] == {
        "prev_items": 1,
        "items_delta": 0,
        "decisions": 89,
    }
    assert report.table4["lit_after_review"]["total"] is None  # 14 of 15 values printed
    assert report.ambiguous_cells() == []


@pytest.mark.parametrize(
    "name,year", [("2017_pingtan_legacy.txt", 2017), ("2018_pingtan_legacy.txt", 2018)]
)
def test_legacy_reports_are_recognised_not_parsed(name: str, year: int) -> None:
    corpus = corpus_or_skip()
    with pytest.raises(UnsupportedFormatError) as info:
        parse_file(corpus / "reports" / name)
    err = info.value
    assert err.code == "legacy_format"
    assert err.details["format"] == "LEGACY" and err.details["year"] == year
    assert "LEGACY" in err.message_zh and "LEGACY" in err.message_en


def test_glued_digits_come_back_ambiguous_with_candidates() -> None:
    corpus = corpus_or_skip()
    report = parse_file(corpus / "reports" / "2021_pingtan.txt")
    made = report.to_json()["table2"]["art20_1"]["normative_docs"]["made"]
    assert made["ambiguous"] is True and 69 in made["candidates"] and 6 in made["candidates"]
    # Table 3 rows glued the same way are decided by the identities.
    assert report.table3["new_received"] == {
        "natural_person": 64,
        "commercial": 0,
        "research": 0,
        "social_welfare": 2,
        "legal_service": 0,
        "other_org": 4,
        "total": 70,
    }


def _error_of(path: Path) -> ReportError:
    with pytest.raises(ReportError) as info:
        parse_file(path)
    assert str(path) in str(info.value)
    return info.value


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _error_of(path).code == "empty"


def test_random_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    assert _error_of(path).code in {"binary", "not_a_report"}


def test_text_that_is_not_a_report(tmp_path: Path) -> None:
    path = tmp_path / "notice.txt"
    path.write_text("关于召开会议的通知\n各单位：定于下周一召开工作会议。\n", encoding="utf-8")
    err = _error_of(path)
    assert err.code == "not_a_report"
    assert err.message_zh and err.message_en


def test_report_without_table3(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    start = text.index("三、收到和处理政府信息公开申请情况")
    end = text.index("四、政府信息公开行政复议")
    path = tmp_path / "no_table3.txt"
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert _error_of(path).code == "table3_missing"


def test_a_titled_page_without_its_tables_is_a_report_missing_them(tmp_path: Path) -> None:
    # A crawler that kept only a page's head: the title says which report it is, so the error
    # says the tables are missing rather than that the file is no report.
    path = tmp_path / "page.txt"
    path.write_text(
        "标题: 某县公安局2020年政府信息公开工作年度报告\n发布时间: 2021-01-28\n"
        "==== 正文 ====\n某县公安局2\n",
        encoding="utf-8",
    )
    err = _error_of(path)
    assert err.code == "table3_missing"
    assert "某县公安局2020年政府信息公开工作年度报告" in err.message_zh
    assert "neither table 2 nor table 3" in err.message_en


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument.new()
    doc.new_page(595, 842)
    path = tmp_path / "scan.pdf"
    doc.save(str(path))
    assert _error_of(path).code == "no_text_layer"


def test_gbk_copy_of_sample_parses_the_same(tmp_path: Path) -> None:
    path = tmp_path / "sample_gbk.txt"
    path.write_bytes(SAMPLE.read_text(encoding="utf-8").encode("gb18030"))
    assert parse_file(path).table3 == parse_file(SAMPLE).table3


def test_bom_copy_of_sample_parses_the_same(tmp_path: Path) -> None:
    path = tmp_path / "sample_bom.txt"
    shutil.copy(SAMPLE, path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert parse_file(path).agency == "盐池县惠安堡镇人民政府"


def test_a_report_with_headings_of_its_own_still_has_its_narrative(tmp_path: Path) -> None:
    # Headings the templates do not know (工作概况, 其他): no section is found, and the
    # narrative reads the whole running text rather than nothing.
    text = SAMPLE.read_text(encoding="utf-8")
    for heading, own in (("一、总体情况", "工作概况"), ("六、其他需要报告的事项", "其他")):
        assert heading in text
        text = text.replace(heading, own)
    text = text.replace("五、存在的主要问题及改进情况", "问题")
    path = tmp_path / "own_headings.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_file(path)
    sample = parse_file(SAMPLE)
    assert not {s.key for s in report.sections} & {"overview", "problems", "other_matters"}
    assert report.table3 == sample.table3
    assert [f.to_json() for f in report.narrative] == [f.to_json() for f in sample.narrative]


@pytest.mark.parametrize(
    "t2,variant,year,expected",
    [
        ("GOV2021", "split_other", 2021, "GOV2021"),
        ("GOV2021", "single_other", 2023, "HYBRID"),
        ("GOV2019", "single_other", 2019, "GOV2019"),
        # 2019 tables throughout in a 2022 report: GOV2019 (STR-2 warns), not HYBRID.
        ("GOV2019", "single_other", 2022, "GOV2019"),
        ("GOV2019", "split_other", 2020, "HYBRID"),
        (None, "split_other", None, "GOV2021"),
    ],
)
def test_format_is_decided_from_labels(
    t2: str | None, variant: str, year: int | None, expected: str
) -> None:
    assert decide_format(t2, variant, year) == expected


# --- failure classes seen on reports outside the corpus (issue 14) ---------------------------


def _composed_report(year: int, t2_fmt: str, variant: str, table4_tail: str) -> str:
    """A short report written from the template labels, zeros except where a test says."""
    from disclosure_metrics import templates as tpl

    lines = [f"某某县人民政府{year}年政府信息公开工作年度报告", "一、总体情况", "全年工作平稳。"]
    lines.append("二、主动公开政府信息情况")
    for block in tpl.table2_blocks(t2_fmt):
        lines.append(block.caption)
        lines.append("信息内容 " + " ".join(c.label for c in block.columns))
        lines += [f"{r.label} " + " ".join("0" * len(block.columns)) for r in block.rows]
    lines += ["三、收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为：第一项加第二项之和，"
              "等于第三项加第四项之和）"]  # fmt: skip
    lines += [f"{r.label} 0 0 0 0 0 0 0" for r in tpl.table3_rows(variant)]
    lines += ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 行政诉讼",
              "结果维持 结果纠正 其他结果 尚未审结 总计", table4_tail,
              "六、其他需要报告的事项", "无。"]  # fmt: skip
    return "\n".join(lines) + "\n"


def test_table4_values_glued_to_the_next_heading_are_read(tmp_path: Path) -> None:
    tail = "1 0 0 0 1 0 0 0 2 2 0 0 0 0 0五、政府信息公开工作存在的主要问题及改进情况"
    path = tmp_path / "glued_heading.txt"
    path.write_text(_composed_report(2022, "GOV2021", "split_other", tail), encoding="utf-8")
    report = parse_file(path)
    assert report.table4["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0,
                                       "total": 1}  # fmt: skip
    assert report.table4["lit_direct"]["total"] == 2
    assert [s.no for s in report.sections] == [1, 2, 3, 4, 5, 6]


def test_2019_tables_in_a_2022_report_are_gov2019_with_the_str2_warning(tmp_path: Path) -> None:
    from disclosure_metrics import run_checks

    path = tmp_path / "late_2019_tables.txt"
    tail = "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n五、存在的主要问题及改进情况\n无。"
    path.write_text(_composed_report(2022, "GOV2019", "single_other", tail), encoding="utf-8")
    report = parse_file(path)
    assert (report.year, report.format, report.table2_format) == (2022, "GOV2019", "GOV2019")
    str2 = [r for r in run_checks([report]) if r.rule == "STR-2"]
    assert [r.status for r in str2] == ["warn"]
    # A 2021 table 2 over a single （六） row is the HYBRID of the contract.
    path.write_text(_composed_report(2022, "GOV2021", "single_other", tail), encoding="utf-8")
    assert parse_file(path).format == "HYBRID"


def test_an_ofd_file_named_as_such_or_not_is_refused_with_what_to_do(tmp_path: Path) -> None:
    import zipfile

    for name in ("年报.ofd", "年报.docx"):  # a zip whose OFD.xml tells it, whatever its name
        path = tmp_path / name
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("OFD.xml", '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>')
        assert _error_of(path).code == "ofd_unsupported"
        assert "as PDF" in _error_of(path).message_en


def _converted_markdown(page: Path, keep_captions: bool = True) -> str:
    """The example page as a PDF-to-Markdown converter (pymupdf4llm) printed it: the title
    run on after the banner's sentence, a caption split over two cells, an empty column after
    each label, two value cells merged with ``<br>``."""
    from disclosure_metrics.document import Table
    from disclosure_metrics.readers.html import read

    out: list[str] = []
    for item in read(str(page), page.read_bytes()).items:
        if not isinstance(item, Table):
            text = item.text
            out.append(("本文件由转换工具生成。 " + text) if "年度报告" in text[-12:] else text)
            continue
        for row in item.rows:
            cells = ["" if c.spanned else c.text for c in row] or [""]
            if cells[0].startswith("第二十条第"):
                if not keep_captions:
                    continue
                head, mark, rest = cells[0].partition("（")
                cells = ["", head + mark, rest]
            elif len(cells) >= 4 and cells[0] == "规章":
                cells = [cells[0], "", f"{cells[1]}<br>{cells[2]}", *cells[3:]]
            else:  # an empty column between a row's labels and its values
                values = next((i for i, c in enumerate(cells) if c[:1].isdigit()), 0)
                if values:
                    cells = [*cells[:values], "", *cells[values:]]
            out.append("|" + "|".join(cells) + "|")
        out.append("")
    return "\n".join(out)


@pytest.mark.parametrize("keep_captions", [True, False], ids=["captions-split", "no-captions"])
def test_a_pdf_converted_to_markdown_reads_as_the_page(tmp_path: Path, keep_captions) -> None:
    from disclosure_metrics.example_data import example_reports, render_html

    report = next(r for r in example_reports() if r.file == "2023_example_market.html")
    page = tmp_path / "report.html"
    page.write_bytes(render_html(report))
    markdown = tmp_path / "report.md"
    markdown.write_text(_converted_markdown(page, keep_captions), encoding="utf-8")
    want, got = parse_file(page), parse_file(markdown)
    # No blank cells: a column the converter added could not be told from a blank one.
    assert all(v is not None for row in want.table3.values() for v in row.values())
    assert (got.table3, got.table4) == (want.table3, want.table4)
    assert (got.agency, got.year) == (want.agency, want.year)
    if keep_captions:
        assert got.table2 == want.table2


def test_a_title_naming_no_agency_takes_it_from_the_files_name(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    title = "盐池县惠安堡镇人民政府 2020 年 政府信息公开工作年度报告"
    assert title in text
    generic = text.replace(title, "2020 年政府信息公开工作年度报告")
    named = tmp_path / "盐池县惠安堡镇人民政府2020年政府信息公开工作年度报告.txt"
    named.write_text(generic, encoding="utf-8")
    report = parse_file(named)
    assert (report.agency, report.year) == ("盐池县惠安堡镇人民政府", 2020)
    assert "agency read from the file's name" in report.warnings
    # A file name that is no title (a crawler's or a user's own) names nothing.
    plain = tmp_path / "2020_report.txt"
    plain.write_text(generic, encoding="utf-8")
    assert parse_file(plain).agency is None


def _generic_sample() -> str:
    """The sample with a title that names neither its agency nor its year."""
    text = SAMPLE.read_text(encoding="utf-8")
    title = "盐池县惠安堡镇人民政府 2020 年 政府信息公开工作年度报告"
    assert title in text
    return text.replace(title, "政府信息公开工作年度报告")


def test_a_page_whose_text_names_no_agency_takes_it_from_its_title_element(
    tmp_path: Path,
) -> None:
    from html import escape

    body = f"<pre>{escape(_generic_sample())}</pre>"
    stated = "盐池县惠安堡镇人民政府2020年政府信息公开工作年度报告_盐池县人民政府"
    page = tmp_path / "content_41523.html"
    page.write_text(f"<html><head><title>{stated}</title></head><body>{body}</body></html>")
    report = parse_file(page)
    assert (report.agency, report.year) == ("盐池县惠安堡镇人民政府", 2020)
    assert "agency and year read from the page's <title>" in report.warnings
    # A <title> that is only the site's name names nothing.
    site = tmp_path / "content_41524.html"
    site.write_text(f"<html><head><title>盐池县人民政府</title></head><body>{body}</body></html>")
    assert parse_file(site).agency is None


def test_the_office_to_contact_names_the_agency_when_nothing_else_does(tmp_path: Path) -> None:
    text = _generic_sample()
    contact = "如对本报告有疑问，请与盐池县惠安堡镇人民政府党政办公室联系。\n"
    path = tmp_path / "report.txt"
    path.write_text(text.replace("一、", contact + "一、", 1), encoding="utf-8")
    report = parse_file(path)
    # the township government's own office stands for the government, the sample's agency
    assert report.agency == "盐池县惠安堡镇人民政府"
    assert "agency read from the office to contact (请与…联系)" in report.warnings


def test_a_word_files_title_property_gives_the_agency_but_never_the_year(tmp_path: Path) -> None:
    import docx as python_docx

    document = python_docx.Document()
    for line in _generic_sample().splitlines():
        document.add_paragraph(line)
    # Made from last year's file: the property keeps last year's title.
    document.core_properties.title = "盐池县惠安堡镇人民政府2019年政府信息公开工作年度报告"
    path = tmp_path / "P020210115.docx"
    document.save(path)
    report = parse_file(path)
    assert report.agency == "盐池县惠安堡镇人民政府"
    assert report.year is None  # the text states none, and the property may be last year's
    assert "agency read from the file's Title property" in report.warnings
    # The file's name comes first.
    named = tmp_path / "盐池县2020年政府信息公开工作年度报告.docx"
    document.save(named)
    assert parse_file(named).agency == "盐池县"


def test_the_first_paragraphs_opening_names_them_when_nothing_else_does(tmp_path: Path) -> None:
    """A page that lost its title: the body and year its first paragraph opens with."""
    text = _generic_sample()
    opening = "2020年，惠安堡镇认真贯彻落实《条例》，加强政府信息公开工作。\n"
    path = tmp_path / "report.txt"
    path.write_text(text.replace("一、总体情况\n", "一、总体情况\n" + opening, 1), encoding="utf-8")
    report = parse_file(path)
    assert (report.agency, report.year) == ("惠安堡镇", 2020)
    assert any("first paragraph's opening" in w for w in report.warnings)


def test_the_whole_area_an_opening_names_wins_over_its_office_to_contact(tmp_path: Path) -> None:
    """A page without its title whose preamble gives the government office for questions and
    whose first paragraph names the district as a whole: the district's report."""
    text = _generic_sample()
    contact = "如对本报告有疑问，请与洮北区政府办公室联系。\n"
    opening = "2020年，洮北区坚持以习近平新时代中国特色社会主义思想为指导。\n"
    text = text.replace("一、总体情况\n", contact + "一、总体情况\n" + opening, 1)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    report = parse_file(path)
    assert report.agency == "洮北区"
    assert any("first paragraph's opening" in w for w in report.warnings)
    assert not any("the office to contact" in w for w in report.warnings)
