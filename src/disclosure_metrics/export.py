"""Exports: every corpus table as CSV and Parquet, and one XLSX workbook with Chinese headers.

:func:`export_folder` writes the whole set into a fresh folder beside ``out`` and swaps it in
(:mod:`.atomic`): an interrupted or failed export leaves the previous set whole, never a mix.
Text cells that a spreadsheet would run as a formula (starting with ``= + - @``, a tab or a
carriage return) are written to CSV behind a ``'`` (the OWASP rule) and to XLSX as text cells;
:func:`read_table` removes the ``'`` again, so it reads back the exact frame that was written.

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
from typing import Any

import pandas as pd

from .frames import SCHEMAS

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


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(value: Any) -> Any:
    """A text a spreadsheet would run as a formula, behind a ``'``; anything else unchanged.

    A leading ``'`` before such a text is doubled, so :func:`formula_unsafe` recovers it.

    >>> formula_safe("=SUM(A1)"), formula_safe(-3), formula_safe("平潭")
    ("'=SUM(A1)", -3, '平潭')
    """
    if (
        isinstance(value, str)
        and value
        and (
            value.startswith(_FORMULA_START)
            or (value.startswith("'") and value[1:2] in (*_FORMULA_START, "'") and len(value) > 1)
        )
    ):
        return "'" + value
    return value


def formula_unsafe(value: Any) -> Any:
    """The text :func:`formula_safe` was given.

    >>> formula_unsafe(formula_safe("-5%")), formula_unsafe(formula_safe("'=x"))
    ('-5%', "'=x")
    """
    if isinstance(value, str) and value.startswith("'") and value[1:2] in (*_FORMULA_START, "'"):
        return value[1:]
    return value


def _text_columns(df: pd.DataFrame) -> list[str]:
    return [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c].dtype)]


def csv_safe(df: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell passed through :func:`formula_safe` (numbers kept)."""
    columns = _text_columns(df)
    if not columns:
        return df
    out = df.copy()
    for column in columns:
        out[column] = out[column].map(formula_safe, na_action="ignore")
    return out


def export_folder(
    out: str | Path, write: Callable[[Path], dict[str, list[Path]]]
) -> dict[str, list[Path]]:
    """Run ``write`` into a fresh folder beside ``out`` and swap it in whole (see
    :mod:`.atomic`); the files ``write`` produced are the export's, all others in ``out`` are
    kept. The written paths are given under ``out``."""
    from .atomic import replace_folder, staging

    out = Path(out)
    with staging(out) as stage:
        written = write(stage)
        ours = {p.relative_to(stage).as_posix() for p in stage.rglob("*") if p.is_file()}
        ours_dirs = {p.relative_to(stage).parts[0] for p in stage.iterdir() if p.is_dir()}
        replace_folder(stage, out, lambda rel: rel in ours or rel.split("/", 1)[0] in ours_dirs)
    return {
        kind: [out / Path(p).relative_to(stage) for p in paths] for kind, paths in written.items()
    }


def export_tables(tables: Mapping[str, pd.DataFrame], out: Path) -> dict[str, list[Path]]:
    """CSV (UTF-8 with BOM, for Excel and WPS) and Parquet per table, plus the workbook.

    Each file is written through a temporary name; :func:`export_folder` makes the set atomic.
    """
    written: dict[str, list[Path]] = {"csv": [], "parquet": [], "xlsx": []}
    for name, df in tables.items():
        written["csv"].append(
            atomic_write(
                out / f"{name}.csv",
                lambda p, df=df: csv_safe(df).to_csv(p, index=False, encoding="utf-8-sig"),
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
            # openpyxl makes any text starting with "=" a formula: text stays text.
            for row in ws.iter_rows(min_row=2):
                for cell in row:
                    if cell.data_type == "f":
                        cell.data_type = "s"
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
        for column in _text_columns(df):
            df[column] = df[column].map(formula_unsafe, na_action="ignore")
    if name in SCHEMAS:
        df = df.astype({c: d for c, d, _z in SCHEMAS[name]})
    return df
