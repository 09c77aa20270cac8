"""The templates as data: shapes of both formats, and agreement with the spec's Appendix A."""

from __future__ import annotations

import re

import pytest
import yaml

from disclosure_metrics import templates as tpl

from .conftest import CORPUS


def test_table_sizes_match_the_templates() -> None:
    assert len(tpl.table3_rows("GOV2019")) * len(tpl.table3_columns()) == 161
    assert len(tpl.table3_rows("GOV2021")) * len(tpl.table3_columns()) == 175
    assert sum(len(b.rows) * len(b.columns) for b in tpl.table2_blocks("GOV2019")) == 22
    assert sum(len(b.rows) * len(b.columns) for b in tpl.table2_blocks("GOV2021")) == 10
    assert len(tpl.table4_groups()) * len(tpl.table4_columns()) == 15


def test_outcome_rows_for_the_total_identity() -> None:
    assert tpl.outcome_row_keys("GOV2019")[-1] == "other"
    assert tpl.outcome_row_keys("GOV2021")[-3:] == ("other.1", "other.2", "other.3")
    assert "total_processed" not in tpl.outcome_row_keys("GOV2021")


def test_every_row_label_matches_its_own_anchor() -> None:
    from disclosure_metrics.normalize import norm

    for row in tpl.all_table3_rows():
        assert any(p.search(norm(row.label)) for p in row.anchors), row.key
    for fmt in tpl.FORMATS:
        for block in tpl.table2_blocks(fmt):
            for row in block.rows:
                assert any(p.search(norm(row.label)) for p in row.anchors), row.key


def test_keys_and_labels_agree_with_the_spec() -> None:
    spec = CORPUS.parent / "spec" / "annual-report-format.md"
    if not spec.exists():
        pytest.skip(f"spec not found at {spec}")
    block = re.search(r"```yaml\n(.*?)```", spec.read_text(encoding="utf-8"), re.S)
    assert block is not None
    data = yaml.safe_load(block.group(1))["formats"]
    for fmt in tpl.FORMATS:
        spec_blocks = {b["id"]: b for b in data[fmt]["table2"]["blocks"]}
        for b in tpl.table2_blocks(fmt):
            assert [c.key for c in b.columns] == [c["key"] for c in spec_blocks[b.id]["columns"]]
            assert [c.label for c in b.columns] == [
                c["label"] for c in spec_blocks[b.id]["columns"]
            ]
            assert [r.key for r in b.rows] == [r["key"] for r in spec_blocks[b.id]["rows"]]
    spec_rows = [r for r in data["GOV2019"]["table3"]["rows"] if "key" in r]
    ours = tpl.table3_rows("GOV2019")
    assert [(r.key, r.label) for r in ours] == [(r["key"], r["label"]) for r in spec_rows]
    assert [c.key for c in tpl.table3_columns()] == [
        c["key"] for c in data["GOV2019"]["table3"]["columns"]
    ]
