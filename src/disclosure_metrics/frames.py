"""The corpus tables' schemas, and the frame functions that need no :class:`~.corpus.Corpus`.

Every table a corpus holds or writes (reports, cells, facts, checks, indicators, yoy, texts,
catalogue) is described once, in :data:`SCHEMAS`; :func:`frame` makes a DataFrame of exactly
that shape, and :func:`year_over_year` derives the yoy table from the indicators. This module
sits below :mod:`.corpus`, :mod:`.export` and :mod:`.dataset`, which all read the schemas, so
the file formats need not know the Corpus class (and the Corpus can use them).

>>> frame("texts", [{"report": "r", "year": 2020}]).dtypes["year"]
Int64Dtype()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from . import indicators as ind

# Every exported table: (column, dtype, Chinese header). Written once; frames, exports and the
# XLSX headers all read it.
SCHEMAS: dict[str, list[tuple[str, str, str]]] = {
    "reports": [
        ("report", "string", "报告"),
        ("file", "string", "文件名"),
        ("agency", "string", "机关"),
        ("agency_key", "string", "机关标识"),
        ("year", "Int64", "年度"),
        ("format", "string", "格式"),
        ("source_format", "string", "文件类型"),
        ("ocr_pages", "string", "OCR 页"),
        ("ocr_confidence", "Float64", "OCR 平均置信度"),
        ("path", "string", "路径"),
        ("sha256", "string", "SHA-256"),
        ("status", "string", "状态"),
        ("error", "string", "错误"),
        ("note", "string", "说明"),
        ("seconds", "Float64", "耗时（秒）"),
    ],
    "cells": [
        ("report", "string", "报告"),
        ("agency_key", "string", "机关标识"),
        ("year", "Int64", "年度"),
        ("table", "string", "表"),
        ("block", "string", "栏目"),
        ("row", "string", "行"),
        ("column", "string", "列"),
        ("value", "Float64", "数值"),
        ("kind", "string", "类型"),
        ("candidates", "string", "候选值"),
    ],
    "facts": [
        ("report", "string", "报告"),
        ("agency", "string", "机关"),
        ("agency_key", "string", "机关标识"),
        ("year", "Int64", "年度"),
        ("metric", "string", "指标"),
        ("channel", "string", "渠道"),
        ("value", "Float64", "数值"),
        ("qualifier", "string", "限定"),
        ("unit", "string", "单位"),
        ("evidence", "string", "原文"),
        ("section", "string", "部分"),
    ],
    "checks": [
        ("report", "string", "报告"),
        ("file", "string", "文件名"),
        ("agency", "string", "机关"),
        ("year", "Int64", "年度"),
        ("rule", "string", "规则"),
        ("status", "string", "结果"),
        ("severity", "string", "级别"),
        ("scope", "string", "范围"),
        ("left", "Float64", "左边"),
        ("right", "Float64", "右边"),
        ("difference", "Float64", "差额"),
        ("cells", "string", "单元格"),
        ("assumption", "string", "假设"),
        ("message", "string", "说明"),
    ],
    "indicators": [
        ("report", "string", "报告"),
        ("agency", "string", "机关"),
        ("agency_key", "string", "机关标识"),
        ("year", "Int64", "年度"),
        ("format", "string", "格式"),
        ("indicator", "string", "指标"),
        ("value", "Float64", "数值"),
        ("numerator", "Float64", "分子"),
        ("denominator", "Float64", "分母"),
        ("unit", "string", "单位"),
        ("status", "string", "状态"),
        ("qualifier", "string", "限定"),
        ("derived", "boolean", "推算"),
        ("definition", "string", "口径"),
        ("note", "string", "说明"),
    ],
    "yoy": [
        ("agency", "string", "机关"),
        ("agency_key", "string", "机关标识"),
        ("indicator", "string", "指标"),
        ("year", "Int64", "年度"),
        ("value", "Float64", "本年值"),
        ("prev_year", "Int64", "上年"),
        ("prev_value", "Float64", "上年值"),
        ("abs_change", "Float64", "变化量"),
        ("rel_change", "Float64", "变化率"),
        ("change_pp", "Float64", "变化（百分点）"),
        ("unit", "string", "单位"),
        ("status", "string", "状态"),
    ],
    # Section 一 (总体情况) of every report, verbatim: the agency pages compare it year to year.
    "texts": [
        ("report", "string", "报告"),
        ("agency_key", "string", "机关标识"),
        ("year", "Int64", "年度"),
        ("section", "string", "部分"),
        ("text", "string", "原文"),
    ],
    "catalogue": [
        ("id", "string", "指标"),
        ("name_zh", "string", "中文名称"),
        ("name_en", "string", "英文名称"),
        ("kind", "string", "类型"),
        ("unit", "string", "单位"),
        ("formula", "string", "公式"),
        ("numerator", "string", "分子"),
        ("denominator", "string", "分母"),
        ("caveat", "string", "注意"),
    ],
}


def frame(table: str, rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """A DataFrame with exactly the columns and dtypes of ``SCHEMAS[table]``."""
    columns = [c for c, _d, _z in SCHEMAS[table]]
    df = pd.DataFrame(list(rows), columns=columns)
    for column, dtype, _zh in SCHEMAS[table]:
        if dtype == "string":
            # An empty text is a missing one: CSV cannot tell them apart, so neither do we.
            df[column] = df[column].where(df[column] != "", None)
    return df.astype({c: d for c, d, _z in SCHEMAS[table]})


def year_over_year(indicators: pd.DataFrame) -> pd.DataFrame:
    """Change of each indicator against the same agency's value of the previous calendar year."""
    catalogue = ind.by_id()
    rows = []
    data = indicators[indicators.agency_key.notna() & indicators.year.notna()]
    index = {(r.agency_key, r.indicator, int(r.year)): r for r in data.itertuples(index=False)}
    for (key, indicator, year), cur in sorted(index.items()):
        prev = index.get((key, indicator, year - 1))
        spec = catalogue.get(indicator)
        row = {
            "agency": cur.agency,
            "agency_key": key,
            "indicator": indicator,
            "year": year,
            "value": cur.value,
            "prev_year": year - 1 if prev is not None else None,
            "prev_value": prev.value if prev is not None else None,
            "unit": cur.unit,
        }
        row.update(_change(cur, prev, spec is not None and spec.kind == "rate"))
        rows.append(row)
    return frame("yoy", rows)


def _missing(value: Any) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _plain(value: Any) -> Any:
    return None if _missing(value) else value


def _change(cur: Any, prev: Any, is_share: bool) -> dict[str, Any]:
    """Absolute and relative change; percentage points for shares (rates between 0 and 1)."""
    out: dict[str, Any] = {"abs_change": None, "rel_change": None, "change_pp": None}
    if prev is None:
        out["status"] = "missing_previous"
        return out
    definitions = {_plain(cur.definition), _plain(prev.definition)}
    if len(definitions) > 1 or None in definitions or "not_comparable" in (cur.status, prev.status):
        out["status"] = "not_comparable"
        return out
    if _missing(prev.value):
        out["status"] = "missing_previous"
        return out
    if _missing(cur.value):
        out["status"] = "missing"
        return out
    out["abs_change"] = cur.value - prev.value
    if is_share:
        out["change_pp"] = (cur.value - prev.value) * 100
    out["rel_change"] = None if prev.value == 0 else (cur.value - prev.value) / prev.value
    # A change resting on a small denominator is computed but is never a finding.
    if ind.SMALL_SAMPLE in (cur.status, prev.status):
        out["status"] = ind.SMALL_SAMPLE
    else:
        out["status"] = "zero_previous" if prev.value == 0 else "ok"
    return out
