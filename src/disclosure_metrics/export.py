"""Exports: every corpus table as CSV and Parquet, and one XLSX workbook with Chinese headers.

Files are written to a temporary name and renamed, so an interrupted export never leaves a
half-written file where the previous one was. :func:`read_table` reads a CSV or Parquet file
back into the exact frame that was written.

Example::

    >>> import tempfile, disclosure_metrics as dm
    >>> out = Path(tempfile.mkdtemp())
    >>> written = dm.load("data/raw", progress=False).export(out)
    >>> sorted(p.name for p in written["xlsx"])
    ['disclosure_metrics.xlsx']
    >>> read_table(out / "reports.csv").equals(read_table(out / "reports.parquet"))
    True
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd

from .corpus import SCHEMAS

WORKBOOK = "disclosure_metrics.xlsx"
SHEET_NAMES = {
    "reports": "报告 reports",
    "cells": "单元格 cells",
    "facts": "正文数据 facts",
    "checks": "校验 checks",
    "indicators": "指标 indicators",
    "yoy": "同比 yoy",
    "catalogue": "指标说明 catalogue",
}


def atomic_write(target: Path, write: Callable[[Path], None]) -> Path:
    """Write through a temporary file in the same folder, then rename over ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        tmp.replace(target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


def export_tables(tables: Mapping[str, pd.DataFrame], out: Path) -> dict[str, list[Path]]:
    """CSV (UTF-8 with BOM, for Excel and WPS) and Parquet per table, plus the workbook."""
    written: dict[str, list[Path]] = {"csv": [], "parquet": [], "xlsx": []}
    for name, df in tables.items():
        written["csv"].append(
            atomic_write(
                out / f"{name}.csv",
                lambda p, df=df: df.to_csv(p, index=False, encoding="utf-8-sig"),
            )
        )
        written["parquet"].append(
            atomic_write(out / f"{name}.parquet", lambda p, df=df: df.to_parquet(p, index=False))
        )
    written["xlsx"].append(atomic_write(out / WORKBOOK, lambda p: _workbook(tables, p)))
    return written


def _workbook(tables: Mapping[str, pd.DataFrame], path: Path) -> None:
    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        # The workbook holds the tables people read in Excel; long texts stay in CSV/Parquet.
        for name, df in tables.items():
            if name not in SHEET_NAMES:
                continue
            headers = {c: z for c, _d, z in SCHEMAS.get(name, [])}
            sheet = df.rename(columns=lambda c, headers=headers: headers.get(c, c))
            # Excel has no missing-value marker for typed columns: write them as empty cells.
            sheet.astype(object).where(sheet.notna(), None).to_excel(
                writer, sheet_name=SHEET_NAMES.get(name, name)[:31], index=False
            )
            ws = writer.sheets[SHEET_NAMES.get(name, name)[:31]]
            ws.freeze_panes = "A2"
            for column in ws.columns:
                width = max(len(str(c.value or "")) for c in list(column)[:200])
                ws.column_dimensions[column[0].column_letter].width = min(max(width * 1.6, 8), 60)


def read_table(path: str | Path) -> pd.DataFrame:
    """Read an exported CSV or Parquet table back with its schema's dtypes."""
    path = Path(path)
    name = path.stem
    if path.suffix == ".parquet":
        df = pd.read_parquet(path)
    else:
        # Text columns as text (a code like 2021 stays a string); numbers and flags as inferred.
        dtypes = {c: "string" for c, d, _z in SCHEMAS.get(name, []) if d == "string"}
        df = pd.read_csv(
            path, encoding="utf-8-sig", dtype=dtypes, keep_default_na=False, na_values=[""]
        )
    if name in SCHEMAS:
        df = df.astype({c: d for c, d, _z in SCHEMAS[name]})
    return df
