from __future__ import annotations

import pytest

from disclosure_metrics.metadata import title_agency_year


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
        # only a menu line: it is the title, and it names no agency
        (["政府信息公开年报", "统计期限自2020年1月1日至2020年12月31日。"], None, 2020),
        # 人民政府信息公开…: the report words do not take the 政府 of the agency's name
        (
            ["某某县人民政府信息公开工作年度报告", "统计期限自2012年1月1日至12月31日。"],
            "某某县人民政府",
            2012,
        ),
    ],
)
def test_agency_and_year(lines: list[str], agency: str | None, year: int) -> None:
    _title, got_agency, got_year = title_agency_year(lines)
    assert (got_agency, got_year) == (agency, year)
