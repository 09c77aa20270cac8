"""Agency keys, the alias CSV and the unit tree CSV."""

from __future__ import annotations

from pathlib import Path

from disclosure_metrics.agencies import agency_key, likely_same, read_aliases, read_unit_tree


def test_keys_ignore_spacing_width_and_quotes() -> None:
    assert agency_key("平潭综合实验区 ") == agency_key("平潭 综合实验区") == "平潭综合实验区"
    assert agency_key("“示例县”教育局") == "示例县教育局"
    assert agency_key(None) is None and agency_key("") is None


def test_alias_csv_maps_names_to_one_agency(tmp_path: Path) -> None:
    csv = tmp_path / "aliases.csv"
    csv.write_text(
        "alias,agency\n洪泽区人民政府,淮安市洪泽区人民政府\n沐阳县人民政府,沭阳县人民政府\n",
        encoding="utf-8-sig",
    )
    aliases = read_aliases(csv)
    assert agency_key("洪泽区人民政府", aliases) == "淮安市洪泽区人民政府"
    assert agency_key("沐阳县 人民政府", aliases) == "沭阳县人民政府"
    assert agency_key("平潭综合实验区", aliases) == "平潭综合实验区"


def test_unit_tree_csv_leaves_roots_out(tmp_path: Path) -> None:
    csv = tmp_path / "units.csv"
    csv.write_text(
        "unit,parent\n示例县,\n示例县青山镇人民政府,示例县\n示例县教育局,示例县\n", encoding="utf-8"
    )
    assert read_unit_tree(csv) == {"示例县青山镇人民政府": "示例县", "示例县教育局": "示例县"}


def test_names_with_and_without_their_place_are_pointed_out_not_merged() -> None:
    keys = ["洪泽区人民政府", "淮安市洪泽区人民政府", "惠安堡镇人民政府", "盐池县惠安堡镇人民政府",
            "示例县教育局", "人民政府", "示例县人民政府"]  # fmt: skip
    assert likely_same(keys) == [
        ("惠安堡镇人民政府", "盐池县惠安堡镇人民政府"),
        ("洪泽区人民政府", "淮安市洪泽区人民政府"),
    ]
    # a name two longer names end with may be either: not pointed out
    assert likely_same(["城关镇人民政府", "甲县城关镇人民政府", "乙县城关镇人民政府"]) == []
    # what stands before must be a place (一 is no place)
    assert likely_same(["二中学", "第一二中学"]) == []
