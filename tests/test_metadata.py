from __future__ import annotations

import pytest

from disclosure_metrics.metadata import (
    contact_agency,
    names_the_whole_area,
    opening_agency_year,
    title_agency_year,
)


@pytest.mark.parametrize(
    "lines,agency,year",
    [
        (["标题: 平潭综合实验区2021年度政府信息公开工作年度报告"], "平潭综合实验区", 2021),
        (
            ["盐池县惠安堡镇人民政府 2020 年 政府信息公开工作年度报告"],
            "盐池县惠安堡镇人民政府",
            2020,
        ),
        (["2024 年上海市科委政府信息公开工作", "年度报告"], "上海市科委", 2024),
        (["洪泽区人民政府", "2023 年政府信息公开工作年度报告"], "洪泽区人民政府", 2023),
        (["# 沐阳县人民政府 2025 年 政府信息公开工作年度报告"], "沐阳县人民政府", 2025),
        (["某某局", "本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"], None, 2022),
        (["示例县教育局2021年政府信息公开工作年度报告（示例数据）"], "示例县教育局", 2021),
        (
            ["中国（上海）自由贸易试验区管理委员会2020年政府信息公开工作年度报告（全文）"],
            "中国(上海)自由贸易试验区管理委员会",
            2020,
        ),
        # a site's side menu printed before the title names no agency
        (
            [
                "政府信息公开指南",
                "政府信息公开制度",
                "政府信息公开年报",
                "法定主动公开内容",
                "2019年上海市人民政府办公厅政府信息公开工作年度报告",
            ],
            "上海市人民政府办公厅",
            2019,
        ),
        (
            [
                "2021年政府信息公开年报",
                "2020年政府信息公开年报",
                "某某镇人民政府2022年政府信息公开工作年度报告",
            ],
            "某某镇人民政府",
            2022,
        ),
        (
            ["首页 政务公开 政府信息公开年报", "某某局2021年政府信息公开工作年度报告"],
            "某某局",
            2021,
        ),
        # a title printed with a space between its characters, as a PDF's text may give it
        (
            [
                "某 某 县 教 育 局 2 0 2 0 年 政 府 信 息 公 开 工 作 年 度 报 告",
                "根据《条例》编制。",
            ],
            "某某县教育局",
            2020,
        ),
        # a title wrapped inside its report words: 公开 is no agency
        (["某某县教育局2020年政府信息", "公开工作年度报告"], "某某县教育局", 2020),
        (["某某县教育局2020年政府信息公开工作年度", "报告"], "某某县教育局", 2020),
        # a title wrapped inside the year, the agency's name or its 人民政府: what the second
        # line names alone is a fragment, not the agency
        (["某某县教育局20", "20年政府信息公开工作年度报告"], "某某县教育局", 2020),
        (["某某县教育局2020年", "度政府信息公开工作年度报告"], "某某县教育局", 2020),
        (
            ["某某省某某市某某县某某镇人民政", "府2020年政府信息公开工作年度报告"],
            "某某省某某市某某县某某镇人民政府",
            2020,
        ),
        (
            ["2020年国家税务总局某某省", "某某县税务局政府信息公开工作年度报告"],
            "国家税务总局某某省某某县税务局",
            2020,
        ),
        # …but a year list of the site's menu, or a date, above a title is not its start
        (["2021年政府信息公开年报", "某某县教育局政府信息公开工作年度报告"], "某某县教育局", None),
        # a list bullet before the title is no part of the name
        (
            ["• 某某镇人民政府2021年政府信息公开工作年度报告", "日期：2022-01-14"],
            "某某镇人民政府",
            2021,
        ),
        # a page's table of document facts read as a table (cells apart by tabs): its rows
        # are not the title, and its publisher above a title that names none is no label
        (
            [
                "索 引 号\t000014349/2024-00012\t分 类\t政府信息公开年报",
                "发布机构\t某某县人民政府办公室\t发文日期\t2024-01-20",
                "2023年政府信息公开工作年度报告",
            ],
            "某某县人民政府办公室",
            2023,
        ),
        # a page run into one line (BeautifulSoup's get_text(" ")): the breadcrumb's last
        # crumb, a column of reports, is no title; the title after it is
        (
            [
                "某县人民政府门户网站 首页 政务公开 互动交流 当前位置：首页 > 政务公开 > "
                "政府信息公开年报 某县教育局2023年政府信息公开工作年度报告 发布机构：某县教育局 "
                "本报告根据《条例》编制，统计期限自2023年1月1日至12月31日。"
            ],
            "某县教育局",
            2023,
        ),
        # the agency printed under a title that names none, a date or the year between
        (["2020年政府信息公开工作年度报告", "某某县教育局", "2021年1月"], "某某县教育局", 2020),
        (["2020年政府信息公开工作年度报告", "2021年1月20日", "某某县教育局"], "某某县教育局", 2020),
        (
            ["政 府 信 息 公 开 工 作 年 度 报 告", "某某县教育局", "（2020年度）"],
            "某某县教育局",
            2020,
        ),
        # what stands under such a title and is no agency's name
        (["2020年政府信息公开工作年度报告", "一、总体情况", "某某县教育局"], None, 2020),
        (["2020年政府信息公开工作年度报告", "来源：某某县教育局"], None, 2020),
        # a page's table of document facts labels the title
        (
            [
                "索引号： 000014349/2020-00012 主题分类： 综合政务",
                "发布机构： 某某区人民政府办公室",
                "名称： 某某区人民政府2019年政府信息公开工作年度报告",
                "分类： 政府信息公开年报",
            ],
            "某某区人民政府",
            2019,
        ),
        # a year in Chinese numerals, or on the line above; a notice wrapped around the title
        (["某某县人民政府二〇二二年度政府信息公开工作年度报告"], "某某县人民政府", 2022),
        (["2022年度", "某某县人民政府政府信息公开工作年度报告"], "某某县人民政府", 2022),
        (["关于印发某某局2021年政府信息公开工作年度报告的通知"], "某某局", 2021),
        (["某某局关于2021年政府信息公开工作年度报告"], "某某局", 2021),
        (["某某局政府信息公开工作2021年度报告"], "某某局", 2021),
        # a title wrapped over lines, in the agency's name too; a document-facts label above
        (["某某县人民政府", "2022年政府信息公开", "工作年度报告"], "某某县人民政府", 2022),
        (["某某市某某区", "人民政府2022年政府信息公开工作年度报告"], "某某市某某区人民政府", 2022),
        (["发布机构：某某县教育局", "2022年政府信息公开工作年度报告"], "某某县教育局", 2022),
        # the period in other words; a preamble sentence that says 年度报告 names no agency
        (["某某局", "本报告所列数据统计时间为2022年1月1日至2022年12月31日。"], None, 2022),
        (["某某局", "数据时间范围：2021年1月1日—12月31日"], None, 2021),
        (["某某局", "本年度报告中所列数据统计期限从2019年1月1日到12月31日止。"], None, 2019),
        (["某某局2022年政府信息公开工作年度报告，现予公布。"], "某某局", 2022),
        # a page title's site name after the report's
        (["标题: 某某县2022年政府信息公开工作年度报告_某某县人民政府"], "某某县", 2022),
        (["title: 某某局2022年政府信息公开工作年度报告 | 某某市人民政府"], "某某局", 2022),
        # only a menu line: it is the title, and it names no agency
        (["政府信息公开年报", "统计期限自2020年1月1日至2020年12月31日。"], None, 2020),
        # a note after the title wrapped onto the next line, cut before its ")"
        (
            [
                "某某县教育局 2020 年政府信息公开工作年度报告（修订",
                "版）",
                "本报告根据《条例》编制。",
            ],
            "某某县教育局",
            2020,
        ),
        # 人民政府信息公开…: the report words do not take the 政府 of the agency's name
        (
            ["某某县人民政府信息公开工作年度报告", "统计期限自2012年1月1日至12月31日。"],
            "某某县人民政府",
            2012,
        ),
        # a notice that publishes the report, its sender named first
        (
            ["某某区人民政府办公室关于印发2021年政府信息公开工作年度报告的通知"],
            "某某区人民政府办公室",
            2021,
        ),
        # 工作报告 without 年度
        (["某某市人民政府办公室2023年度政府信息公开工作报告"], "某某市人民政府办公室", 2023),
        # a converter's markup around the title: Pandoc Markdown's attributes, an RST directive
        (["# 某某县2023年政府信息公开工作年度报告 {#某某县2023年 .article-title}"], "某某县", 2023),
        (["   .. rubric:: 某某县2023年政府信息公开工作年度报告"], "某某县", 2023),
        (["**某某县2023年政府信息公开工作年度报告（全文）**"], "某某县", 2023),
        # 年报 right after the year; an attachment's label and a file name's separator
        (["某某镇2023年报"], "某某镇", 2023),
        (["附件1：某某局_2023年度政府信息公开工作年度报告（定稿）"], "某某局", 2023),
        # a page saved as one line: the title runs on into the page's facts and text, and
        # the footer's chrome words come after it
        (
            [
                "某某县人民政府2023年政府信息公开工作年度报告   发布日期：2024-01-20 本报告根据"
                "《条例》编制，全文包括总体情况。一、总体情况"
                + "全年工作有序推进。" * 20
                + "打印本页 关闭窗口"
            ],
            "某某县人民政府",
            2023,
        ),
        # a title that names no agency, the page's document facts below it name the publisher
        (
            ["2023年政府信息公开工作年度报告", "发布机构：某某县人民政府办公室"],
            "某某县人民政府办公室",
            2023,
        ),
        # no title line: the preamble announces the report, after citing the template's notice
        (
            [
                "根据《中华人民共和国政府信息公开条例》《国务院办公厅政府信息与政务公开办公室关于"
                "印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》编制本报告，现公布"
                "某某市人民政府2023年度政府信息公开工作报告。本报告所列数据统计期限为2023年。",
                "一、总体情况",
            ],
            "某某市人民政府",
            2023,
        ),
        (
            ["根据《条例》规定，现向社会公布某某区委宣传部2024年政府信息公开工作年度报告。"],
            "某某区委宣传部",
            2024,
        ),
        # a row of the page's document facts names the column (政府信息公开年报), not the title
        (
            [
                "索 引 号 | 0000/2018-01 | 分 类 | 政府信息公开年报 综合政务 |",
                "发布机构 | 市政府办 | 发文日期 | 2018-02-28 |",
                "根据《条例》规定，现公布某某市人民政府2017年政府信息公开工作年度报告。",
            ],
            "某某市人民政府",
            2017,
        ),
        # a page's table of facts: the title's label apart by spaces, a cell border after it
        (["标   题 某某县政府办2022年度政府信息公开工作年度报告"], "某某县政府办", 2022),
        (
            ["某某县人民政府2022年政府信息公开工作年度报告 |", "来源: 作者: |"],
            "某某县人民政府",
            2022,
        ),
        # an agency whose name opens with what an announcement opens with
        (["特克斯县2023年政府信息公开工作年度报告"], "特克斯县", 2023),
        (
            ["根据《条例》要求，现特向社会公布2024年某某镇人民政府信息公开工作年度报告。"],
            "某某镇人民政府",
            2024,
        ),
        # 本年度报告 is this report, and a piece that goes on past the report words no title
        (
            [
                "本年度报告根据《条例》要求，汇总2024年某某镇的政府信息公开年度报告编制而成。",
                "一、总体情况",
            ],
            None,
            None,
        ),
        # a notice that cites the report it publishes
        (
            [
                "关于印发《某某县2023年政府信息公开工作年度报告》的通知。各乡镇：现将"
                "《某某县2023年政府信息公开工作年度报告》印发给你们。"
            ],
            "某某县",
            2023,
        ),
        # a button or column with 年报 inside a word is no title
        (
            ["点击收听年报语音朗读", "本报告统计期限自2024年1月1日起至2024年12月31日止。"],
            None,
            2024,
        ),
        (["某某县2023年年度报告解读"], None, None),
        # the agency's verb between its name and the year, or opening the sentence
        (
            ["为落实《条例》，某某镇人民政府特此编制2024年度政府信息公开工作年度报告。"],
            "某某镇人民政府",
            2024,
        ),
        (["结合工作实际，现编制2023年政府信息公开工作年度报告。"], None, 2023),
        (["根据《条例》规定，编制我单位2021年政府信息公开工作年度报告。"], None, 2021),
        # a sentence that announces its own unit's report takes no line above it
        (
            ["引 言", "根据《条例》规定，现编制并公布本单位2019年政府信息公开工作年度报告。"],
            None,
            2019,
        ),
        # a page viewer's label before the title of a PDF published as web pages
        (
            ["Page 4 - 某某市生态环境局2023年政府信息公开工作年度报告", "P. 4"],
            "某某市生态环境局",
            2023,
        ),
        # a 情况报告, and 编制发布 before the name
        (
            ["根据《条例》要求，现将某区市场监督管理局2024年度政府信息公开情况报告如下。"],
            "某区市场监督管理局",
            2024,
        ),
        (
            ["结合有关统计数据，编制发布某省市场监管局2024年度政府信息公开报告。"],
            "某省市场监管局",
            2024,
        ),
        # the report announced as "as follows"
        (["现将某某县信访局2021年度政府信息公开工作报告如下："], "某某县信访局", 2021),
        # the template's notice quoted in angle brackets is no breadcrumb: the line is read
        (
            [
                "根据《关于印发<中华人民共和国政府信息公开工作年度报告格式>的通知》要求编制本报告，"
                "统计期限自2021年1月1日起至2021年12月31日止。"
            ],
            None,
            2021,
        ),
    ],
)
def test_agency_and_year(lines: list[str], agency: str | None, year: int | None) -> None:
    _title, got_agency, got_year = title_agency_year(lines)
    assert (got_agency, got_year) == (agency, year)


def test_a_note_wrapped_onto_the_next_line_is_part_of_the_title() -> None:
    title, _agency, _year = title_agency_year(
        ["某某县教育局 2020 年政府信息公开工作年度报告（修订", "版）", "本报告根据《条例》编制。"]
    )
    assert title == "某某县教育局2020年政府信息公开工作年度报告(修订版)"


def test_the_office_to_contact_is_the_last_place_an_agency_is_read_from() -> None:
    preamble = ["政府信息公开年报", "如对本报告有疑问，请与某某区人民政府办公室联系（电话：…）。"]
    assert title_agency_year(preamble)[1] is None
    assert contact_agency(preamble) == "某某区人民政府办公室"
    # The office that compiled the report.
    assert contact_agency(["本年度报告根据《条例》要求，由某某县人民政府办公室组织编制。"]) == (
        "某某县人民政府办公室"
    )
    # What it compiled by stands between the office and the verb.
    assert contact_agency(["本报告由某某县统计局结合有关统计数据编制。"]) == "某某县统计局"
    assert contact_agency(["本报告由某某管理局根据《条例》要求编制而成。"]) == "某某管理局"
    # The sentence leaves out its verb: the office's name ends at the bracket.
    assert contact_agency(["如有疑问请与某某县某某局（地址：某路1号）。"]) == "某某县某某局"
    # A name that does not end as an agency's (a room of an office) is not taken.
    assert contact_agency(["请与某某市人民政府办公室信息室联系。"]) is None
    # An office or section inside an agency stands for the agency; a government's own office
    # is an agency itself.
    assert (
        contact_agency(["如有疑问，请与某某市卫生健康委员会办公室联系。"]) == "某某市卫生健康委员会"
    )
    assert contact_agency(["本报告由某某区某某街道党政办公室综合科编制。"]) == "某某区某某街道"
    assert contact_agency(["请与某某县人民政府办公室秘书科联系。"]) == "某某县人民政府办公室"
    # 可与 as 请与; a township government's 党政办公室 is its own office
    assert (
        contact_agency(["如对本报告有疑问，可与某某镇人民政府党政办公室联系。"]) == "某某镇人民政府"
    )
    # 可直接与: an adverb before 与
    assert contact_agency(["若有疑问，可直接与某某县卫生健康局办公室联系。"]) == "某某县卫生健康局"


def test_the_verb_that_announces_the_report_is_not_the_agencys_name() -> None:
    # 编制 alone, after the sentence that says what it follows; 特编制 after the name
    preamble = ["根据《条例》等文件精神，编制某某县卫生健康局2024年政府信息公开工作年度报告。"]
    assert title_agency_year(preamble)[1:] == ("某某县卫生健康局", 2024)
    preamble = ["根据《条例》的要求，某某区某某街道特编制2023年政府信息公开年度报告。"]
    assert title_agency_year(preamble)[1:] == ("某某区某某街道", 2023)
    # …but the 编制 that opens a name stays
    assert title_agency_year(["编制委员会办公室2023年政府信息公开工作年度报告"])[1] == (
        "编制委员会办公室"
    )


def test_a_site_name_and_a_facts_row_printed_with_spaces_are_no_title() -> None:
    # A site's name, then its columns, printed before the title with spaces for separators.
    lines = [
        "某市人民政府门户网站 某市教育局 政府信息公开年报 某市教育局2023年度信息公开工作年度报告",
        "某市教育局2023年度信息公开工作年度报告",
    ]
    assert title_agency_year(lines)[1:] == ("某市教育局", 2023)
    # A page's row of document facts whose label stands apart by spaces names the report's kind.
    lines = [
        "成文日期 2024-01-16 发布机构 某某镇",
        "组配分类 政府信息公开年报",
        "2023年某某镇政府信息公开工作年度报告",
    ]
    assert title_agency_year(lines)[1:] == ("某某镇", 2023)


def test_a_labelled_title_in_a_row_of_document_facts_ends_before_the_next_field() -> None:
    # Two fields on one line: the title's value ends where the next label starts.
    lines = ["名 称: 某市市场监督管理局2025年信息公开工作年度报告 发布日期: 2026年01月21日"]
    assert title_agency_year(lines)[1:] == ("某市市场监督管理局", 2025)
    # Facts listed as a Markdown list: the bullet is no part of the label.
    lines = [
        "- 发文机关: 某区市场监督管理局",
        "- 标 题: 某市某区市场监督管理局2025年政府信息公开工作年度报告",
    ]
    assert title_agency_year(lines)[1:] == ("某市某区市场监督管理局", 2025)


def test_a_trail_that_goes_on_past_a_year_crumb_is_no_title() -> None:
    # The trail's last crumb (部门…年度报告, a column) follows a crumb of digits; the title is
    # the next line.
    lines = [
        "首页 > 信息公开 > 年报 > 2024 > 部门政府信息公开工作年度报告",
        "某区卫生健康局2024年政府信息公开工作年度报告",
        "来源：某区卫生健康局",
    ]
    assert title_agency_year(lines)[1:] == ("某区卫生健康局", 2024)


def test_a_labelled_title_wrapped_onto_the_next_line_keeps_no_label() -> None:
    # A facts cell too narrow for the title: it wraps inside the year.
    lines = ["标题: 某市某区住房和城乡建设局202", "4年度政府信息公开工作年度报告", "一、总体情况"]
    assert title_agency_year(lines)[1:] == ("某市某区住房和城乡建设局", 2024)


def test_trails_parted_by_slashes_or_arrows_and_a_trail_ending_with_the_title() -> None:
    below = ["某县林业局2024年政府信息公开工作年度报告", "一、总体情况"]
    assert title_agency_year(["首页 / 信息公开 / 政府信息公开年报", *below])[1:] == (
        "某县林业局",
        2024,
    )
    assert title_agency_year(["首页→信息公开→年报", *below])[1:] == ("某县林业局", 2024)
    # The trail's last crumb is the page's own title: the report, not a column.
    lines = ["首页 / 信息公开 / 年报 / 某区司法局2023年政府信息公开工作年度报告", "一、总体情况"]
    assert title_agency_year(lines)[1:] == ("某区司法局", 2023)
    # One slash parts a title from its site's name.
    lines = ["某县2023年政府信息公开工作年度报告/某县人民政府", "一、总体情况"]
    assert title_agency_year(lines)[1:] == ("某县", 2023)


def test_a_date_before_the_title_and_de_before_the_report_words_are_no_name() -> None:
    lines = ["2025-01-20 某县林业局2024年政府信息公开工作年度报告", "一、总体情况"]
    assert title_agency_year(lines)[1:] == ("某县林业局", 2024)
    lines = ["某县人民政府关于2024年度政府信息公开工作的年度报告", "一、总体情况"]
    assert title_agency_year(lines)[1:] == ("某县人民政府", 2024)


def test_a_publisher_after_a_colon_and_a_tables_border() -> None:
    lines = [
        "索引号: | 11330000/2025-00001 | 成文日期: | 2025-01-14 |",
        "发布机构: | 市统计局 | ||",
        "根据《中华人民共和国政府信息公开条例》规定编制本报告。统计期限为2024年1月1日至2024年12月31日。",
    ]
    assert title_agency_year(lines)[1:] == ("市统计局", 2024)


@pytest.mark.parametrize(
    ("line", "agency", "year"),
    [
        # The title announced, then 予以公示 / 予以公开 after it.
        ("根据《条例》要求，现将某某县人民政府2024年政府信息公开工作年度报告予以公示。",
         "某某县人民政府", 2024),
        ("按照有关要求，现将某县人民政府2024年政府信息公开工作年度报告予以公开。",
         "某县人民政府", 2024),
        # 向社会公布 with no 现 or 特 before it.
        ("根据《条例》规定，向社会公布某某区人民政府办公室2022年政府信息公开工作年度报告。",
         "某某区人民政府办公室", 2022),
        # The name said short in brackets (以下简称…) is no part of it.
        ("现公布某某市某区人民政府办公室（以下简称区政府办公室）2022年政府信息公开工作年度报告。",
         "某某市某区人民政府办公室", 2022),
        # The agency, then 特向社会公布 and the report of 本机关.
        ("根据有关要求，某某县住房和城乡建设局特向社会公布2024年度本机关信息公开工作报告。",
         "某某县住房和城乡建设局", 2024),
        # A note in brackets after 工作报告 (a title without 年度).
        ("某某市人力资源和社会保障局2021年度政府信息公开工作报告（文字版）",
         "某某市人力资源和社会保障局", 2021),
    ],
)  # fmt: skip
def test_announced_titles_and_their_notes(line: str, agency: str, year: int) -> None:
    assert title_agency_year([line, "一、总体情况"])[1:] == (agency, year)


def test_a_title_inside_prose_is_no_title() -> None:
    """A page that pasted its title mid-sentence (…，确保按时完成某街道…年度报告，主动接受监督)."""
    lines = [
        "一、总体情况",
        "年初即对全年工作进行谋划部署，确保各项工作落到实处依法按时完成长通街道2025年"
        "政府信息公开年度报告，主动接受社会监督。",
    ]
    assert title_agency_year(lines)[1] is None


def test_the_generic_township_is_no_agency_and_the_publisher_is() -> None:
    lines = ["• 乡镇政府信息公开年度报告", "• 发布机构", "建水县面甸镇人民政府", "• 发布日期"]
    assert title_agency_year(lines)[1] == "建水县面甸镇人民政府"


def test_the_disclosure_office_that_compiled_the_report_belongs_to_its_body() -> None:
    line = "本年度报告根据《条例》规定，由天津市武清区崔黄口镇人民政府政务公开工作机构编制。"
    assert contact_agency([line]) == "天津市武清区崔黄口镇人民政府"


@pytest.mark.parametrize(
    ("lines", "agency", "year"),
    [
        # A tag in black brackets before the title.
        (
            ["【图文】嘉兴市市场监督管理局2022年度政府信息公开工作年度报告"],
            "嘉兴市市场监督管理局",
            2022,
        ),
        # The year printed without 年.
        (["古蔺县民政局2024政府信息公开工作年度报告"], "古蔺县民政局", 2024),
    ],
)
def test_titles_of_the_sixth_held_out_round(lines: list[str], agency: str, year: int) -> None:
    assert title_agency_year(lines)[1:] == (agency, year)


def test_compiled_by_is_no_agencys_name() -> None:
    line = (
        "本报告由徐水区人民政府综合全区各部门和各乡镇政府信息公开工作年度报告和统计数据编制而成。"
    )
    assert not (title_agency_year([line])[1] or "").startswith("由")


def test_a_page_without_its_title_is_read_from_its_opening() -> None:
    lines = ["一、总体情况", "2025年，长通街道在区委、区政府的坚强领导下，严格按照《条例》…"]
    assert title_agency_year(lines)[1:] == (None, None)
    assert opening_agency_year(lines) == ("长通街道", 2025)
    # A generic body names no agency; the year of its work stands.
    assert opening_agency_year(["2022年，开发区坚持以习近平新时代…"]) == (None, 2022)


def test_a_catalogue_row_is_no_agency_and_a_generic_opening_names_none() -> None:
    lines = [
        "| 索引号 | 115330250152645191/20260116-00001 | 发布机构 | 昌宁县田园镇 |",
        "| 公开目录 | 政府信息公开年报 | 发布日期 | 2026-01-16 |",
    ]
    assert title_agency_year(lines)[1] != "公开目录"
    assert opening_agency_year(["2025年，区管委会办公室坚持以习近平…"]) == (None, 2025)


def test_a_townships_government_office_stands_for_the_township() -> None:
    assert contact_agency(["如对本报告有疑问，请与东至县花园乡人民政府办公室联系。"]) == (
        "东至县花园乡人民政府"
    )
    # A county's government office is a body of its own.
    assert contact_agency(["如有疑问，请与某某县人民政府办公室联系。"]) == "某某县人民政府办公室"
    # Prose before the title words is no name (并形成…年度报告).
    assert title_agency_year(["汇总各部门数据，并形成2022年政府信息公开工作年度报告。"])[1] is None


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # After a subheading run into the paragraph.
        (
            ["(一)主动公开情况。2022年,广德市农业农村局在市政府信息公开网上…"],
            ("广德市农业农村局", 2022),
        ),
        # 全年 after the year, no comma.
        (["2024年全年木贾街道在兴义市政府网站更新…"], ("木贾街道", 2024)),
        # A city or county named alone; the disclosure work as what follows.
        (["2024年,眉山市坚持以习近平新时代中国特色社会主义思想为指导"], ("眉山市", 2024)),
        (["2022年度桃山区商务局政务信息公开工作依托区政府网站…"], ("桃山区商务局", 2022)),
        # A government office's full name needs no verb after it.
        (
            ["2025年,海城市人民政府办公室坚紧紧围绕市委、市政府中心工作"],
            ("海城市人民政府办公室", 2025),
        ),
        # 我市 names no body; the year opening the paragraph is the year's work.
        (["2024年,我市坚持以习近平新时代…"], (None, 2024)),
    ],
)
def test_openings_of_the_tenth_held_out_round(lines: list[str], expected: tuple) -> None:
    assert opening_agency_year(lines) == expected


def test_titles_of_the_tenth_held_out_round() -> None:
    # 公开 left out of the report's name.
    line = "现将莲湖区西关街道办事处2024年度政府信息工作年度报告予以公开。"
    assert title_agency_year([line])[1:] == ("莲湖区西关街道办事处", 2024)
    # A label between a table's borders, with its colon.
    lines = ["高青县人民政府", "| 标题: | 高青县交通运输局2025年政府信息公开工作年度报告 | ||"]
    assert title_agency_year(lines)[1:] == ("高青县交通运输局", 2025)
    # A count of annual reports in a breakdown is no title.
    line = "2024年度市商务局通过政府网站主动公开政务信息156条,其中包括公开目录1条、公开年报2条。"
    assert title_agency_year([line])[1] is None


def test_titles_of_the_twelfth_held_out_round() -> None:
    # A short name in brackets between the body and the year; the report announced after it.
    line = (
        "根据有关规定，现将深圳市市场监督管理局龙华监管局(以下简称龙华局)2023年信息公开年度报告"
        "进行公布。本报告由概述组成。"
    )
    assert title_agency_year([line])[1:] == ("深圳市市场监督管理局龙华监管局", 2023)
    line = "根据条例要求，现将赣州市发改委2021年政府信息公开工作年度报告向社会公布。本报告如下。"
    assert title_agency_year([line])[1:] == ("赣州市发改委", 2021)
    # The body in brackets after the title's report words.
    lines = ["2024年政府信息公开工作年度报告(上海市崇明区向化镇人民政府)", "信息来源:平台发布"]
    assert title_agency_year(lines)[1:] == ("上海市崇明区向化镇人民政府", 2024)
    # A 名称 label whose 名 a crawler's table cut off.
    lines = ["称: 六安市金安区人民政府2024年政府信息公开工作年度报告", "号: 词:"]
    assert title_agency_year(lines)[1:] == ("六安市金安区人民政府", 2024)


def test_a_departments_name_without_its_place_is_no_agency() -> None:
    lines = ["2021年区人力资源和社会保障局坚持以《条例》为总纲领"]
    assert opening_agency_year(lines) == (None, 2021)


def test_the_whole_area_an_opening_names_over_its_office_to_contact() -> None:
    assert names_the_whole_area("洮北区", "洮北区政府办公室")
    assert names_the_whole_area("东胜区", "鄂尔多斯市东胜区行政审批政务服务与数据管理局")
    assert not names_the_whole_area("某镇人民政府", "某镇人民政府办公室")
    assert not names_the_whole_area("某县", "某市某区某局")


def test_heads_of_the_first_measured_group_once_read_for_fixing() -> None:
    # 特编制并向社会公布 and 根据…特编制 announce the report, naming no body.
    line = "根据《条例》规定，特编制并向社会公布安溪县人民政府2025年政府信息公开工作年度报告。"
    assert title_agency_year([line])[1:] == ("安溪县人民政府", 2025)
    line = "根据《条例》，特编制2023年度和静县克尔古提乡人民政府办公室信息公开年度报告。"
    assert title_agency_year([line])[1] == "和静县克尔古提乡人民政府办公室"
    # The office that wrote for the body, in brackets after its name.
    line = "绥阳县人民政府(县人民政府办公室)2023年政府信息公开工作年度报告"
    assert title_agency_year([line])[1] == "绥阳县人民政府"
    # An office of its own name inside a government; an office of no body named.
    lines = ["如有疑问，请与厚镇人民政府综合与经济发展办公室联系。"]
    assert contact_agency(lines) == "厚镇人民政府"
    assert contact_agency(["如有疑问，请与党政综合办公室联系。"]) is None


def test_a_letter_spaced_next_label_and_the_current_position_chrome() -> None:
    line = "名  称: 某市生态环境局 2020年政府信息公开工作年度报告 索 引 号: 404796340/2021-2750940"
    assert title_agency_year([line, "发布机构: 某市生态环境 文  号:"])[1:] == (
        "某市生态环境局",
        2020,
    )
    lines = ["您当前的位置: > >信息公开年度报告", "", "中山市某镇2022年政府信息公开工作年度报告"]
    assert title_agency_year(lines)[1:] == ("中山市某镇", 2022)


def test_heads_of_the_second_measured_group_once_read_for_fixing() -> None:
    # A document cited in the announcing sentence is not its title.
    line = (
        "根据《条例》以及《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开"
        "工作年度报告格式〉的通知》要求,现将平江县某乡2024年度政府信息公开工作报告如下:"
    )
    assert title_agency_year([line])[1:] == ("平江县某乡", 2024)
    # The year printed apart under a title that names its body.
    lines = ["佛坪县某镇人民政府", "信息公开工作年度报告", "(2025年度)", "一、总体情况"]
    assert title_agency_year(lines)[1:] == ("佛坪县某镇人民政府", 2025)
    # 年度工作报告; 制定 announces the report; a doubled breadcrumb separator.
    line = "贵州省某厅2021年政府信息公开年度工作报告"
    assert title_agency_year([line])[1:] == ("贵州省某厅", 2021)
    line = "根据规定，结合我委实际，制定南京市某区卫生健康委员会2025年度信息公开工作年度报告。"
    assert title_agency_year([line])[1] == "南京市某区卫生健康委员会"
    lines = [
        "当前位置 : 首页",
        ">>经济和信息化局 >>信息公开年报 >>政府信息公开年报",
        "发布单位: 绍兴市某区经济和信息化局",
    ]
    assert title_agency_year(lines)[1] == "绍兴市某区经济和信息化局"
    # A label run into the title's year, and a publisher's label into its value.
    lines = ["发文机关某镇人民政府 主题词", "标题2023年政府信息公开工作年度报告"]
    assert title_agency_year(lines)[1:] == ("某镇人民政府", 2023)
    # A prose line is no title's agency; a zone's committee named by its kind is no name.
    line = "编制并公开2020年政府信息公开指南，在政府门户网站信息公开专栏设置信息公开年报。"
    assert title_agency_year([line])[1] is None
    assert contact_agency(["请与经济开发区管委会党政办公室联系(邮编:073000)"]) is None


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["2025年,鄂温克族自治旗坚持以习近平新时代…"], ("鄂温克族自治旗", 2025)),
        # 政务 alone opens a department's name, not the work after the body.
        (["2022年,广州市政务服务数据管理局坚持以习近平…"], ("广州市政务服务数据管理局", 2022)),
    ],
)
def test_openings_of_banners_and_departments_named_with_zhengwu(
    lines: list[str], expected: tuple
) -> None:
    assert opening_agency_year(lines) == expected


def test_heads_of_the_third_measured_group_once_read_for_fixing() -> None:
    # A phrase the preamble quotes names no agency.
    line = (
        "根据《条例》(国办公开办函〔2021〕30号)和省政府办公厅关于“规范做好政府信息公开年报编制发布"
        "工作”等要求,由某县某镇人民政府负责编制本报告。"
    )
    assert title_agency_year([line])[1] is None
    # A facts row's label (信息类别) and a publisher's label opening a row parted by spaces.
    assert title_agency_year(["信息类别: 政府信息公开年报 公开方式: 主动公开"])[1] is None
    lines = [
        "发布机构 济宁市某局 组配分类 信息公开年报",
        "2025年济宁市某局政府信息公开工作年度报告",
    ]
    assert title_agency_year(lines)[1] == "济宁市某局"
    # A year inside is no name; the body a report was compiled for.
    line = "完成2018、2019、2020三年的政务公开年报。"
    assert title_agency_year([line])[1] is None
    line = "某区政务公开工作领导小组办公室编制了某区人民政府2021年度政府信息公开工作年度报告。"
    assert title_agency_year([line])[1] == "某区人民政府"


def test_a_preamble_clause_that_compiles_the_report_names_its_body() -> None:
    # The report named in a clause of its preamble, between commas: the clause opens by
    # compiling it, so it is the report itself, not a work plan's words.
    line = (
        "根据《中华人民共和国政府信息公开条例》(国务院令第711号)等相关规定,编制某县教育局2024年"
        "政府信息公开工作年度报告,所列数据统计期限为2024年1月1日至12月31日。"
    )
    assert title_agency_year([line, "一、总体情况"])[1:] == ("某县教育局", 2024)
    # A work plan that completes a report in its prose stays prose.
    line = "年初即部署，确保按时完成某街道2025年政府信息公开年度报告，主动接受监督。"
    assert title_agency_year([line])[1] is None


def test_the_office_that_takes_applications_belongs_to_its_body() -> None:
    line = (
        "如对本报告有任何疑问,请与某市某区医疗保障局政府信息公开申请受理机构联系(地址:某路1号;"
        "电话:023-00000000)。"
    )
    assert contact_agency([line]) == "某市某区医疗保障局"


def test_a_publisher_named_without_its_place_is_read_whole_from_the_preamble() -> None:
    head = [
        "发布机构",
        "区审计局",
        "主题分类",
        "本年度报告是根据《条例》要求,由某市某区审计局编制。本报告所列数据的统计期限自2024年1月1日"
        "至2024年12月31日。",
        "一、总体情况",
    ]
    assert title_agency_year(head)[1:] == ("某市某区审计局", 2024)
    # Named whole at a clause's start, with no 由 before it.
    head[3] = (
        "根据《条例》和区里的统一部署,某某区审计局结合工作实际,编制本年度报告。本报告所列数据的"
        "统计期限自2024年1月1日至2024年12月31日。"
    )
    assert title_agency_year(head)[1:] == ("某某区审计局", 2024)
    # Another body's name that does not end with the publisher's leaves it as printed.
    head[3] = "本年度报告由某市某区财政局编制。统计期限自2024年1月1日至2024年12月31日。"
    assert title_agency_year(head)[1] == "区审计局"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # A province's department (厅), a street office named 某街, the verb 坚决.
        (["2022年,某省财政厅坚持以习近平新时代…"], ("某省财政厅", 2022)),
        (["2023年,某某街坚持以习近平新时代…"], ("某某街", 2023)),
        (["2025年,某市生态环境局坚决贯彻落实《条例》"], ("某市生态环境局", 2025)),
        # A commission named short (卫健委).
        (["2024年,某区卫健委认真贯彻实施《条例》"], ("某区卫健委", 2024)),
        # The writer's own body or the whole area, unnamed: the year alone.
        (["一、总体情况", "2022年我局高度重视政府信息公开工作"], (None, 2022)),
        (["(一)主动公开。2023年,全区主动公开政府信息100条。"], (None, 2023)),
        # ...unless a paragraph further down names the body.
        (
            ["2022年,全市各地各部门坚持以…", "2022年,某市人民政府网站发布信息100条"],
            ("某市人民政府", 2022),
        ),
    ],
)
def test_openings_by_a_department_a_street_or_the_writer_itself(
    lines: list[str], expected: tuple
) -> None:
    assert opening_agency_year(lines) == expected


def test_heads_of_the_fourth_measured_group_once_read_for_fixing() -> None:
    # 公布如下 after the report announced in the preamble.
    line = "根据《条例》和有关要求,现将某县水务局2023年政府信息公开工作年度报告公布如下。"
    assert title_agency_year([line])[1:] == ("某县水务局", 2023)
    # A zone's committee under a title that names none, its other name in brackets.
    head = ["政府信息公开工作年度报告", "某经开区管委会(某商务区管委会)", "2026年1月8日"]
    assert title_agency_year(head)[1] == "某经开区管委会(某商务区管委会)"
    # The body's own disclosure office (政府信息公开办) to contact.
    line = "如对本年度报告有疑问,请与某区人民政府办公室政府信息公开办联系(地址:某路1号)。"
    assert contact_agency([line]) == "某区人民政府办公室"
    # A document site prints the file's name, its extension after the title.
    head = ["某文库 - 精品文档", "某区人民政府办公室2022年政府信息公开工作年度报告.doc"]
    assert title_agency_year(head)[1:] == ("某区人民政府办公室", 2022)
    # A first paragraph whose body is not cut out still gives the year; a span of years not.
    lines = ["一、总体情况", "2025年,某经开区管委会(某商务区管委会)深入贯彻落实《条例》"]
    assert opening_agency_year(lines) == (None, 2025)
    assert opening_agency_year(["2023年以来,某局深入贯彻落实《条例》"]) == (None, None)


def test_a_street_unnamed_and_an_adverb_of_the_work_name_no_agency() -> None:
    # Which street the title does not say; the office to contact names it.
    head = ["2021年度街道信息公开年度报告", "如对本报告有疑问,请与某区某街道办事处联系(电话:…)。"]
    assert title_agency_year(head)[1] is None
    assert contact_agency(head) == "某区某街道办事处"
    # A sentence about publishing the annual report is no title's agency.
    assert title_agency_year(["及时发布政府信息公开工作年报"])[1] is None


def test_what_the_full_text_holds_is_no_agency_and_an_announced_name_is_whole() -> None:
    # 全文包括…: a preamble's list of contents, run into the template's name by a converter.
    line = (
        "本年度报告根据《条例》和《关于印发 <中华人民共和国政府信息公开工作年度报告格式> 的通知》"
        "要求制作。全文包括 中华人民共和国政府信息公开工作年度报告格式>某镇人民政府2024年政府信息"
        "公开总体情况,主动公开政府信息情况。"
    )
    assert title_agency_year([line])[1] is None
    # A publisher named without its place; a clause announcing the body by its whole name.
    head = [
        "发布机构:",
        "区审计局",
        "本报告所列数据统计期限为2024年1月1日至12月31日。",
        "根据要求,现公布某某区审计局工作情况如下:",
    ]
    assert title_agency_year(head)[1:] == ("某某区审计局", 2024)


def test_a_street_offices_comprehensive_office_in_the_contact_line_is_the_street_office() -> None:
    # 党政综合办 (short for 党政综合办公室): the office inside the street office that answers.
    line = "如对本年度报告有疑问或意见、建议，请与东胜区纺织街道办事处党政综合办联系。"
    assert contact_agency([line]) == "东胜区纺织街道办事处"


def test_an_opening_names_a_county_government_short_before_its_preposition() -> None:
    line = "2023年合阳县政府在省市政务公开办公室大力支持和有力指导下，抓牢机制创新。"
    assert opening_agency_year([line]) == ("合阳县政府", 2023)


def test_a_labelled_link_to_another_page_is_no_title() -> None:
    lines = ["相关图解:西安市新城区人民政府2021年度新城区政府信息公开工作报告", "一、总体情况"]
    assert title_agency_year(lines)[1] is None


def test_a_bulleted_fact_row_a_listed_report_and_a_title_run_into_its_first_sentence() -> None:
    # A converter's bullet before a row of document facts: its column, no title.
    head = [
        "- 信息类别: 政府信息公开年报",
        "- 公开方式: 主动公开",
        "某区林业局2025年度政府信息公开工作年度报告",
    ]
    assert title_agency_year(head)[1:] == ("某区林业局", 2025)
    # Report words ending an item of a list, or after a count: what was published, no title.
    line = "主动公开街道办事处领导简介、街道权责清单、政府信息公开工作年度报告、政务公开日活动。"
    assert title_agency_year([line])[1] is None
    # The title run on with the body's first sentence, opened by its year.
    line = "某区水利局 2024年度政府信息公开工作年度报告 2024年,区水利局秉承公开透明的原则。"
    assert title_agency_year([line])[1:] == ("某区水利局", 2024)


def test_the_year_of_the_report_the_preamble_names_as_compiled() -> None:
    line = (
        "本年报是根据《中华人民共和国政府信息公开条例》(以下简称为《条例》)要求,由某市某区人民政府"
        "办公室编制的2023年度政府信息公开年度报告。全文包括总体情况、主动公开政府信息情况。"
    )
    assert title_agency_year([line])[2] == 2023


def test_an_update_time_label_is_no_agency() -> None:
    head = ["更新时间:", "2021年政府信息公开工作年度报告", "一、总体情况"]
    assert title_agency_year(head)[1] is None


def test_the_body_that_compiled_this_report_as_a_clauses_subject() -> None:
    head = [
        "根据《中华人民共和国政府信息公开条例》要求,闽侯县某某乡人民政府编制了本报告。本报告中所列"
        "数据的统计时限自2022年1月1日至2022年12月31日。如有疑问,可与某某乡党政办公室联系。",
    ]
    assert contact_agency(head) == "闽侯县某某乡人民政府"
    # The way it was compiled as the clause's opening: no body, and the office to contact stands.
    head = [
        "结合2023年某区某街道各科室的信息公开工作实际情况编制本报告。如对本年度报告有疑问,请联系:"
        "某市某区人民政府某街道办事处;联系电话:0571-1。"
    ]
    assert contact_agency(head) == "某市某区人民政府某街道办事处"


def test_a_title_wrapped_around_its_year() -> None:
    head = ["某县某某乡人民政府信息公开工作", "2023年度报告", "根据《条例》现公开本乡年度报告。"]
    assert title_agency_year(head)[1:] == ("某县某某乡人民政府", 2023)


def test_a_sites_menu_of_disclosure_columns_names_no_body() -> None:
    head = ["政府信息", "公开制度", "", "法定主动", "公开内容", "", "政府信息", "公开年报", ""]
    assert title_agency_year(head)[1] is None


def test_the_opening_body_by_what_it_compiled_the_report() -> None:
    lines = ["一、总体情况", "2025年，某县交通运输局根据《条例》及有关要求，编制本报告。"]
    assert opening_agency_year(lines) == ("某县交通运输局", 2025)


def test_the_office_to_contact_as_the_second_way() -> None:
    head = ["如有意见建议，可通过网站的意见箱反映或直接与某市财政局人秘股联系。（地址：某市）"]
    assert contact_agency(head) == "某市财政局"


def test_a_pages_label_after_the_title_is_no_part_of_the_body() -> None:
    head = [
        "当前位置:首页 > 政府信息公开",
        "某市市场监督管理局2023年政府信息公开工作年度报告 字号:[ ]",
    ]
    assert title_agency_year(head)[1:] == ("某市市场监督管理局", 2023)


def test_a_street_offices_own_department_compiles_or_answers_for_it() -> None:
    head = [
        "根据《条例》相关规定,某市某区人民政府某某街道办事处综合事务部编制本年度政府信息公开"
        "工作报告。如对本报告存有疑问,请与某某街道综合事务部联系(地址:某市)"
    ]
    assert contact_agency(head) == "某市某区人民政府某某街道办事处"
    assert contact_agency(["如有疑问,请与某某街道综合事务部联系(地址:某市)"]) == "某某街道"


def test_a_publisher_named_by_its_province_level_alone_is_named_whole() -> None:
    head = [
        "索引号 | 002482285/2023-00209 | 发布机构 | 省水利厅 |",
        "本年度报告根据《条例》的要求,由某某省水利厅编制。统计期限为2022年1月1日至2022年12月31日。",
    ]
    assert title_agency_year(head)[1] == "某某省水利厅"


def test_report_words_doubled_up_are_report_words() -> None:
    head = ["某市某县某某镇2023年政府信息公开工作年度年报", "发布时间:2024-01-16"]
    assert title_agency_year(head)[1:] == ("某市某县某某镇", 2023)


def test_a_year_printed_before_the_bodys_name_without_nian() -> None:
    head = ["2025某县某某乡2025年度政府信息公开工作年度报告", "本报告依据《条例》编制。"]
    assert title_agency_year(head)[1:] == ("某县某某乡", 2025)


def test_the_period_named_by_its_start() -> None:
    head = [
        "本年度报告由某县卫生健康局综合科起草。报告采用数据起始时间为2023年1月1日,"
        "截止时间为2023年12月31日。"
    ]
    assert title_agency_year(head)[2] == 2023


def test_a_department_with_no_place_opening_the_report_names_no_body() -> None:
    assert opening_agency_year(["一、总体情况", "2024年,教育局深入贯彻落实…"]) == (None, 2024)
    assert opening_agency_year(["2024年,某某县教育局深入贯彻落实…"]) == ("某某县教育局", 2024)


def test_a_trails_marks_are_no_agency_and_the_title_below_is_read() -> None:
    head = [
        "某某市统计局",
        "当前位置:首页 >>信息公开",
        ">> 信息公开年度报告",
        "    发布单位: 市统计局 主题分类",
        "    某某市统计局2020年政府信息公开工作年度报告",
    ]
    assert title_agency_year(head)[1:] == ("某某市统计局", 2020)


def test_the_quote_a_title_opens_before_its_report_words_is_no_part_of_the_name() -> None:
    head = ["2024年北京市“政府信息公开工作年度报告”集中公开专题页面", "依据《条例》编制本报告。"]
    assert title_agency_year(head)[1:] == ("北京市", 2024)


def test_a_pages_summary_label_is_no_agency() -> None:
    head = [
        "公开形式 网站 公开方式 主动公开 发布机构 某某开发区党政办公室",
        "内容概述 2023年政府信息公开工作年度报告",
        "2023年政府信息公开工作年度报告",
    ]
    # The title names no body: the publisher of the page's facts is the body.
    assert title_agency_year(head) == (
        "2023年政府信息公开工作年度报告",
        "某某开发区党政办公室",
        2023,
    )
    labelled = ["内容概述 某某区人民政府2023年政府信息公开工作年度报告"]
    assert title_agency_year(labelled)[1:] == ("某某区人民政府", 2023)


def test_the_report_said_to_be_compiled_by_an_office() -> None:
    head = ["本报告是某市某区人民政府办公室依据《…年度报告格式》的通知精神，结合工作实际编制。"]
    assert contact_agency(head) == "某市某区人民政府办公室"
    # 本报告是根据…编制: no body named.
    assert contact_agency(["本报告是根据《中华人民共和国政府信息公开条例》要求编制。"]) is None


def test_the_body_that_sums_up_its_years_work_names_itself() -> None:
    head = [
        "一、总体情况",
        "按照上级文件要求,某某县文化广电新闻出版旅游局结合政府信息公开工作开展实际,"
        "对2023年政府信息公开工作进行总结,本报告中所列数据的统计期限为2023年1月1日至"
        "2023年12月31日。",
    ]
    assert contact_agency(head) == "某某县文化广电新闻出版旅游局"
    # The compiler named with 由 after 本年度报告是 is read as before.
    head = ["本年度报告是由某区人民政府某某街道办事处办公室根据《条例》等文件要求编制而成。"]
    assert contact_agency(head) == "某区人民政府某某街道办事处"


@pytest.mark.parametrize(
    ("title", "agency"),
    [
        ("郑州高新区沟赵办事处向社会公布2021年度本级政府信息公开年度报告", "郑州高新区沟赵办事处"),
        ("(图文)海宁市人民政府2023年度政府信息公开工作年度报告", "海宁市人民政府"),
        ("汨罗市人民政府2024年汨罗市政府信息公开工作年度报告", "汨罗市人民政府"),
        # A district named with its city is no place repeated.
        ("某某市某某区2023年政府信息公开工作年度报告", "某某市某某区"),
        ("制作某某市住房和城乡建设局2023年政府信息公开工作年度报告", "某某市住房和城乡建设局"),
        ("2022年度某某国家高新区公开年度报告", "某某国家高新区"),
    ],
)
def test_a_titles_label_announcement_and_place_repeated_are_no_part_of_the_name(
    title: str, agency: str
) -> None:
    assert title_agency_year([title])[1] == agency
