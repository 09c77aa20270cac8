"""A folder of reports as tidy tables: reports, cells, facts, checks, indicators — and YoY, rollups.

Example::

    >>> import disclosure_metrics as dm
    >>> corpus = dm.load("data/raw", progress=False)
    >>> corpus.reports[["agency", "year", "status"]].to_dict("records")
    [{'agency': '盐池县惠安堡镇人民政府', 'year': 2020, 'status': 'parsed'}]
    >>> row = corpus.indicators.query("indicator == 'hotline.resolution_rate'").iloc[0]
    >>> float(row.value), float(row.numerator), float(row.denominator)
    (1.0, 35.0, 35.0)
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import indicators as ind
from .agencies import agency_key, read_aliases, read_unit_tree
from .checks import CheckResult, check_report, cross_report_checks
from .derive import forced_cells
from .errors import ReportError, UnsupportedFormatError
from .export import export_folder, export_tables, read_table
from .frames import SCHEMAS, _missing, frame, year_over_year
from .inputs import find_inputs, safe_text
from .numbers import Ambiguous
from .parse import Report

# Sections kept verbatim in the texts table (section 一, 总体情况).
TEXT_SECTIONS = ("overview",)
PARSED, FAILED, LEGACY, DUPLICATE, SKIPPED = "parsed", "failed", "legacy", "duplicate", "skipped"


def _year_span(years: list[int]) -> str:
    """Years as a short text: a full run as a range, more than three as first-last (count).

    >>> _year_span([2019, 2020, 2021]), _year_span([2020, 2023]), _year_span([])
    ('2019-2021', '2020, 2023', 'none')
    >>> _year_span([2017, 2018, 2019, 2021])
    '2017-2021 (4 years)'
    """
    if not years:
        return "none"
    if years == list(range(years[0], years[-1] + 1)) and len(years) > 2:
        return f"{years[0]}-{years[-1]}"
    if len(years) > 3:
        return f"{years[0]}-{years[-1]} ({len(years)} years)"
    return ", ".join(map(str, years))


def catalogue_frame() -> pd.DataFrame:
    """The indicator catalogue as a table (it feeds the methods page)."""
    rows = []
    for i in ind.catalogue():
        numerator = (
            i.numerator or i.value or "; ".join(f"{k}: {v}" for k, v in (i.by_format or {}).items())
        )
        rows.append(
            {
                "id": i.id,
                "name_zh": i.name_zh,
                "name_en": i.name_en,
                "kind": i.kind,
                "unit": i.unit,
                "formula": i.formula,
                "numerator": numerator,
                "denominator": i.denominator,
                "caveat": i.caveat,
            }
        )
    return frame("catalogue", rows)


@dataclass(repr=False)
class Corpus:
    """Tidy tables of a set of reports; ``parsed`` keeps the :class:`Report` objects by id."""

    reports: pd.DataFrame
    cells: pd.DataFrame
    facts: pd.DataFrame
    checks: pd.DataFrame
    indicators: pd.DataFrame
    parsed: dict[str, Report] = field(default_factory=dict)
    units: dict[str, str] | None = None
    texts: pd.DataFrame = field(default_factory=lambda: frame("texts", []))

    def yoy(self) -> pd.DataFrame:
        """For each agency and indicator, the change against the previous calendar year."""
        return year_over_year(self.indicators)

    def rollup(self, by: str | Mapping[str, str] | pd.DataFrame | Path = "all") -> pd.DataFrame:
        """Sum counts over agencies and recompute rates from the summed parts (never averaged).

        ``by``: ``"all"`` (every agency together), a column of :attr:`reports`, a mapping or a
        two-column frame from agency to group, or a unit tree (``dict`` unit → parent, or the
        path of a ``unit,parent`` CSV: every unit is summed into each of its ancestors).
        """
        return rollup(self.indicators, self.reports, by)

    def agency(self, name: str) -> pd.DataFrame:
        """The indicators of one agency (by name or key), a row per year and indicator.

        An agency the corpus does not hold is a ``KeyError`` naming the closest it holds.
        """
        key = agency_key(name)
        rows = self.indicators[self.indicators.agency_key == key]
        if rows.empty and key not in set(self.reports.agency_key.dropna()):
            import difflib

            known = sorted(
                set(self.reports.agency.dropna()) | set(self.reports.agency_key.dropna())
            )
            close = difflib.get_close_matches(str(name), known, n=3, cutoff=0.3)
            hint = "、".join(close) if close else "、".join(known[:3]) or "-"
            raise KeyError(
                f"语料中没有机关 {name!r}；最接近的：{hint} / no agency {name!r} in the corpus; "
                f"closest: {', '.join(close or known[:3]) or 'none'}"
            )
        return rows.reset_index(drop=True)

    def _counts(self) -> tuple[dict[str, int], dict[str, int], list[int], int]:
        statuses = self.reports.status.value_counts().to_dict()
        tables = {name: len(df) for name, df in self.tables_held().items()}
        years = sorted({int(y) for y in self.reports.year.dropna()})
        return statuses, tables, years, int(self.reports.agency_key.nunique())

    def tables_held(self) -> dict[str, pd.DataFrame]:
        """The tables the corpus holds (without the computed yoy and catalogue)."""
        return {
            "reports": self.reports,
            "cells": self.cells,
            "facts": self.facts,
            "checks": self.checks,
            "indicators": self.indicators,
            "texts": self.texts,
        }

    def __repr__(self) -> str:
        """One short line: reports by status, rows per table, years, agencies.

        >>> import disclosure_metrics as dm
        >>> dm.load("data/raw", progress=False)  # doctest: +ELLIPSIS
        Corpus(reports: 1 parsed; rows: reports 1, cells ..., indicators ...; years 2020; 1 agency)
        """
        statuses, tables, years, agencies = self._counts()
        status = ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())) or "none"
        rows = ", ".join(f"{name} {n}" for name, n in tables.items())
        span = _year_span(years)
        return (
            f"Corpus(reports: {status}; rows: {rows}; years {span}; "
            f"{agencies} agenc{'y' if agencies == 1 else 'ies'})"
        )

    def _repr_html_(self) -> str:
        """The notebook display: the counts as a small table, the reports not parsed listed."""
        import html

        statuses, tables, years, agencies = self._counts()
        cells = "".join(
            f"<tr><th>{html.escape(k)}</th><td>{v}</td></tr>"
            for k, v in [
                *(("报告 " + s, n) for s, n in sorted(statuses.items())),
                *(("行 rows: " + t, n) for t, n in tables.items()),
            ]
        )
        unread = self.reports[~self.reports.status.isin(["parsed"])].head(20)
        listed = "".join(
            f"<li>{html.escape(str(r.report))}: {html.escape(str(r.status))} "
            f"{html.escape(str(r.error if r.error is not pd.NA else r.note))}</li>"
            for r in unread.itertuples(index=False)
        )
        return (
            f"<div><b>Corpus</b> · 年度 years {_year_span(years)} · 机关 agencies {agencies}"
            f"<table>{cells}</table>"
            + (f"<p>未解析 not parsed:</p><ul>{listed}</ul>" if listed else "")
            + "</div>"
        )

    def catalogue(self) -> pd.DataFrame:
        return catalogue_frame()

    def tables(self) -> dict[str, pd.DataFrame]:
        """Every table of the corpus by export name."""
        return {**self.tables_held(), "yoy": self.yoy(), "catalogue": catalogue_frame()}

    @classmethod
    def from_exports(cls, folder: str | Path) -> Corpus:
        """A corpus read back from ``export`` output (Parquet): what the notebooks open.

        The :class:`Report` objects are not kept in an export, so ``parsed`` is empty.
        """
        folder = Path(folder)
        tables = {
            name: read_table(folder / f"{name}.parquet")
            for name in SCHEMAS
            if name not in ("yoy", "catalogue") and (folder / f"{name}.parquet").exists()
        }
        return cls(**tables)

    @classmethod
    def from_dataset(cls, folder: str | Path) -> Corpus:
        """The whole corpus back from a dataset (:func:`.dataset.write_dataset`, or ``export``
        with ``dataset=True``): what ``load(folder)`` does with such a folder.

        The :class:`Report` objects are not stored in a dataset, so ``parsed`` is empty.
        """
        from .dataset import CORPUS_TABLES, read_dataset  # pyarrow: imported when used

        tables = read_dataset(folder, list(CORPUS_TABLES))
        assert isinstance(tables, dict)
        return cls(**tables)

    def export(self, out_dir: str | Path, dataset: bool = False) -> dict[str, list[Path]]:
        """Write every table as CSV and Parquet, and one XLSX workbook (see :mod:`.export`);
        with ``dataset``, also the Parquet dataset partitioned by year in ``out_dir/dataset``.

        The set is swapped in whole: an interrupted export leaves the previous one.
        """
        from .dataset import write_dataset  # pyarrow: imported when used

        def write(stage: Path) -> dict[str, list[Path]]:
            tables = self.tables()
            written = export_tables(tables, stage)
            if dataset:
                written["dataset"] = [write_dataset(tables, stage / "dataset")]
            return written

        return export_folder(out_dir, write)


# ---------------------------------------------------------------------------------------------
# Loading


def load(
    path: str | Path | Iterable[str | Path],
    aliases: str | Path | Mapping[str, str] | None = None,
    units: str | Path | Mapping[str, str] | None = None,
    blank_as_zero: bool = False,
    progress: bool = True,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    executor: Any = "local",
    scheduler: str | None = None,
    ocr: str = "auto",
) -> Corpus:
    """Parse every report under ``path`` and build the corpus tables.

    ``ocr``: ``auto`` (OCR scanned pages and images), ``always`` or ``never``.

    Files are parsed in ``jobs`` processes (default: all cores; the result does not depend on
    it), optionally cached by file hash in ``cache_dir``. Identical files are read once (the
    copy is listed as ``duplicate``); two different files for the same agency and year are
    both ``failed``, naming each other. ``executor="dask"`` parses on a Dask cluster (at
    ``scheduler``, or a local one): see :mod:`disclosure_metrics.distributed`.

    A dataset folder written by :func:`disclosure_metrics.dataset.write_dataset` (it has a
    ``_dataset.json``) is read back as it was exported; ``parsed`` is then empty.

    Every file found is a row of ``reports`` (skipped and unreadable ones too, see
    :mod:`.inputs`); a path that does not exist is an :class:`~.errors.InputError`.
    """
    from .dataset import is_dataset
    from .distributed import run_files

    if isinstance(path, str | Path) and is_dataset(path):
        return Corpus.from_dataset(path)
    paths = [path] if isinstance(path, str | Path) else list(path)
    alias_map = read_aliases(aliases) if isinstance(aliases, str | Path) else aliases
    unit_tree = read_unit_tree(units) if isinstance(units, str | Path) else units
    entries = find_inputs(paths)
    to_read = [e for e in entries if e.readable]
    results = iter(
        run_files(
            executor,
            [e.path for e in to_read],
            jobs=jobs,
            cache_dir=cache_dir,
            progress=progress,
            desc="load",
            scheduler=scheduler,
            ocr=ocr,
        )
    )
    rows: list[dict[str, Any]] = []
    parsed: dict[str, Report] = {}
    seen_hashes: dict[str, str] = {}
    for entry in entries:
        report_id = entry.report
        row: dict[str, Any] = {
            "report": report_id,
            "file": safe_text(entry.path.name),
            "path": safe_text(str(entry.path)),
        }
        if entry.skip is not None:
            rows.append({**row, "status": SKIPPED, "note": entry.skip})
            continue
        if entry.error is not None:
            rows.append({**row, "status": FAILED, "error": error_text(entry.error)})
            continue
        result = next(results)
        row.update(sha256=result.sha256 or None, seconds=result.seconds, note=result.notice)
        if result.sha256 and result.sha256 in seen_hashes:
            row.update(
                status=DUPLICATE, note=f"identical to {seen_hashes[result.sha256]}; read once"
            )
            rows.append(row)
            continue
        err = result.error
        if err is None or isinstance(err, UnsupportedFormatError):
            # Only a report read is "read once": copies of a failed file fail each on its own.
            seen_hashes[result.sha256] = report_id
        if isinstance(err, UnsupportedFormatError):
            row.update(status=LEGACY, error=error_text(err), format="LEGACY")
            row.update(agency=err.details.get("agency"), year=err.details.get("year"))
        elif err is not None:
            row.update(status=FAILED, error=error_text(err))
        else:
            report = result.report
            assert report is not None
            parsed[report_id] = report
            row.update(status=PARSED, **parsed_fields(report))
        row["agency_key"] = agency_key(row.get("agency"), alias_map)
        rows.append(row)
    mark_conflicts(rows, parsed)
    return build(rows, parsed, alias_map, unit_tree, blank_as_zero)


def parsed_fields(report: Report) -> dict[str, Any]:
    """What the ``reports`` table says of a parsed report besides its file and status.

    >>> from disclosure_metrics import parse_file
    >>> parsed_fields(parse_file("data/raw/2020_huianpu.txt"))["format"]
    'GOV2019'
    """
    return {
        "agency": report.agency,
        "year": report.year,
        "format": report.format,
        "source_format": report.source_format,
        "ocr_pages": ", ".join(str(p) for p in report.ocr_pages) or None,
        "ocr_confidence": report.ocr_confidence,
    }


def error_text(error: ReportError) -> str:
    """An error as the reports table shows it: code and message, without the path again.

    >>> error_text(ReportError("a/b.txt", "empty", "文件为空", "the file is empty"))
    'empty: 文件为空 / the file is empty'
    """
    return f"{error.code}: {error.message_zh} / {error.message_en}"


#: How many of the other files of one agency-year a conflict's message names.
MAX_CONFLICTS_NAMED = 5


def mark_conflicts(rows: list[dict[str, Any]], parsed: dict[str, Report]) -> set[str]:
    """Two different files for one agency-year: an error naming both; neither is used (they
    leave ``parsed``). Returns the reports marked.

    >>> rows = [{"report": n, "status": "parsed", "agency_key": "甲", "year": 2023} for n in "ab"]
    >>> sorted(mark_conflicts(rows, {})), rows[0]["status"]
    (['a', 'b'], 'failed')
    >>> rows = [{"report": n, "status": "parsed", "agency_key": "甲", "year": 2023} for n in "ab"]
    >>> rows += [dict(rows[0], report=n) for n in "cdefgh"]
    >>> _ = mark_conflicts(rows, {})
    >>> rows[0]["error"].split(" / ")[1]
    'another, different report for 甲 2023 (8 in all): b, c, d, e, f and 2 more'
    """
    marked: set[str] = set()
    groups: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row.get("status") == PARSED and row.get("agency_key") and row.get("year") is not None:
            groups[(row["agency_key"], row["year"])].append(row)
    for (key, year), group in groups.items():
        if len(group) < 2:
            continue
        names = [r["report"] for r in group]
        for row in group:
            # The first few others by name and how many more: a message naming every other
            # file grows with the square of the group (thousands of files that read as one
            # agency-year filled 24 GB of messages).
            others = [n for n in names[: MAX_CONFLICTS_NAMED + 1] if n != row["report"]]
            others = others[:MAX_CONFLICTS_NAMED]
            more = len(group) - 1 - len(others)
            listed = ", ".join(others)
            many = len(group) > 2
            row.update(
                status=FAILED,
                error=(
                    "同一机关同一年度有多份不同的报告"
                    + (f"（共{len(group)}份）" if many else "")
                    + f"：{listed}"
                    + (f" 等另{more}份" if more else "")
                    + f" / another, different report for {key} {year}"
                    + (f" ({len(group)} in all)" if many else "")
                    + f": {listed}"
                    + (f" and {more} more" if more else "")
                ),
            )
            parsed.pop(row["report"], None)
            marked.add(row["report"])
    return marked


def build(
    rows: list[dict[str, Any]],
    parsed: dict[str, Report],
    aliases: Mapping[str, str] | None = None,
    units: Mapping[str, str] | None = None,
    blank_as_zero: bool = False,
) -> Corpus:
    """The corpus tables from report rows and parsed reports."""
    reports = frame("reports", rows)
    keys = {rid: agency_key(r.agency, aliases) for rid, r in parsed.items()}
    # Forced cells once per report: the checks, the cells table and the indicators all use them.
    fills = {rid: forced_cells(r) for rid, r in parsed.items()}
    results = [x for rid, r in parsed.items() for x in check_report(r, blank_as_zero, fills[rid])]
    results += cross_report_checks(list(parsed.values()), blank_as_zero, units, aliases)
    id_by_path = {r.path: rid for rid, r in parsed.items()}
    checks = frame("checks", (_check_row(r, id_by_path) for r in results))
    failures: dict[str, int] = defaultdict(int)
    for r in results:
        if r.status == "fail" and r.severity == "hard":
            failures[id_by_path.get(r.path, r.path)] += 1
    by_agency_year = {
        (keys[rid], r.year): r for rid, r in parsed.items() if keys[rid] and r.year is not None
    }
    cell_rows: list[dict[str, Any]] = []
    fact_rows: list[dict[str, Any]] = []
    indicator_rows: list[dict[str, Any]] = []
    text_rows: list[dict[str, Any]] = []
    for rid, report in parsed.items():
        common = {"report": rid, "agency_key": keys[rid], "year": report.year}
        cell_rows += [{**common, **c} for c in report_cells(report, fills[rid])]
        for section in TEXT_SECTIONS:
            if report.section_text.get(section):
                text_rows.append(
                    {**common, "section": section, "text": report.section_text[section]}
                )
        for fact in getattr(report, "narrative", []):
            fact_rows.append(
                {**common, "agency": report.agency, **fact.to_json(), "section": fact.section}
            )
        prev = by_agency_year.get((keys[rid], report.year - 1)) if report.year is not None else None
        hard = failures.get(rid, 0)
        for row in ind.compute(report, hard_failures=hard, prev=prev, filled=fills[rid]):
            indicator_rows.append(
                {**common, "agency": report.agency, "format": report.format, **row}
            )
    return Corpus(
        reports=reports,
        cells=frame("cells", cell_rows),
        facts=frame("facts", fact_rows),
        checks=checks,
        indicators=frame("indicators", indicator_rows),
        parsed=parsed,
        units=dict(units) if units else None,
        texts=frame("texts", text_rows),
    )


def _check_row(result: CheckResult, id_by_path: Mapping[str, str]) -> dict[str, Any]:
    row = result.to_json()
    row["cells"] = ";".join(result.cells)
    row["report"] = id_by_path.get(result.path, result.path)
    return row


def report_cells(report: Report, filled: Mapping[str, float] | None = None) -> list[dict[str, Any]]:
    """Every cell of tables 2, 3 and 4 as tidy rows, forced blanks filled as ``derived``."""
    filled = forced_cells(report) if filled is None else filled
    out: list[dict[str, Any]] = []
    for table in ("table2", "table3", "table4"):
        data = getattr(report, table)
        for block_or_row, inner in data.items():
            if table == "table2":
                items = [
                    (block_or_row, row, col, v)
                    for row, cols in inner.items()
                    for col, v in cols.items()
                ]
            else:
                items = [(None, block_or_row, col, v) for col, v in inner.items()]
            for block, row, col, value in items:
                if value.__class__ is int or value.__class__ is float:  # most cells: a number
                    number, kind, candidates = float(value), "number", None
                else:
                    # The path is only needed to look up a forced blank.
                    forced = None
                    if value is None and filled:
                        forced = filled.get(".".join(p for p in (table, block, row, col) if p))
                    number, kind, candidates = cell_value(value, forced)
                out.append(
                    {
                        "table": table,
                        "block": block,
                        "row": row,
                        "column": col,
                        "value": number,
                        "kind": kind,
                        "candidates": candidates,
                    }
                )
    return out


def cell_value(value: Any, forced: float | None = None) -> tuple[float | None, str, str | None]:
    """A cell as the cells table holds it: (value, kind, candidates). ``forced``: the value a
    blank must have by the report's own arithmetic (:func:`~.derive.forced_cells`).

    >>> cell_value(3), cell_value(None), cell_value(None, 0), cell_value("NA")
    ((3.0, 'number', None), (None, 'blank', None), (0.0, 'derived', None), (None, 'NA', None))
    """
    if isinstance(value, Ambiguous):
        return None, "ambiguous", json.dumps(list(value.candidates))
    if value == "NA":
        return None, "NA", None
    if value is None:
        if forced is not None:
            return float(forced), "derived", None
        return None, "blank", None
    return float(value), "number", None


# ---------------------------------------------------------------------------------------------
# Year over year and rollups


def balanced_panel(indicators: pd.DataFrame, years: Iterable[int]) -> pd.DataFrame:
    """The indicator rows of the agencies that have a value in every one of ``years``.

    Decided per indicator: a total compared across years is then a total over the same
    agencies (an agency that reported in one year only changes no comparison).

    >>> rows = pd.DataFrame({"agency_key": ["a", "a", "b"], "indicator": ["apps.new"] * 3,
    ...                      "year": [2020, 2021, 2021], "value": [1.0, 2.0, 5.0]})
    >>> balanced_panel(rows, [2020, 2021]).agency_key.tolist()
    ['a', 'a']
    """
    years = sorted(set(years))
    data = indicators[indicators.year.isin(years) & indicators.value.notna()]
    counts = data.groupby(["indicator", "agency_key"]).year.nunique()
    keep = set(counts[counts == len(years)].index)
    mask = [(i, k) in keep for i, k in zip(data.indicator, data.agency_key, strict=True)]
    return data[mask]


def _groups_for(reports: pd.DataFrame, by: Any) -> dict[str, list[str]]:
    """agency_key → the groups it is summed into."""
    keys = [k for k in reports.agency_key.dropna().unique()]
    if isinstance(by, str) and by == "all":
        return {k: ["all"] for k in keys}
    if isinstance(by, str | Path) and str(by).endswith(".csv"):
        by = read_unit_tree(by)
        return _ancestors(keys, by)
    if isinstance(by, str):
        if by not in reports.columns:
            raise KeyError(f"no column {by!r} in corpus.reports")
        # Report by report: an agency's 2019 report may be GOV2019 and its 2021 one GOV2021.
        pairs = reports[["report", by]].dropna()
        return {k: [str(g)] for k, g in pairs.itertuples(index=False)}
    if isinstance(by, pd.DataFrame):
        first, second = by.columns[:2]
        by = {agency_key(a): str(g) for a, g in zip(by[first], by[second], strict=True)}
    mapping = {agency_key(k): v for k, v in dict(by).items()}
    if any(v in mapping for v in mapping.values()):
        return _ancestors(keys, mapping)  # a unit tree: parents are units themselves
    return {k: [mapping[k]] for k in keys if k in mapping}


def _ancestors(keys: Iterable[str], tree: Mapping[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key in keys:
        chain, node = [], key
        while node in tree and tree[node] not in chain:
            node = tree[node]
            chain.append(node)
        if chain:
            out[key] = chain
    return out


def rollup(indicators: pd.DataFrame, reports: pd.DataFrame, by: Any = "all") -> pd.DataFrame:
    """Counts summed per group and year; rates recomputed from summed numerators/denominators."""
    groups = _groups_for(reports, by)
    # A column of the reports table groups each report; everything else groups agencies.
    by_report = isinstance(by, str) and by != "all" and by in reports.columns
    catalogue = ind.by_id()
    sums: dict[tuple[str, int, str], dict[str, Any]] = {}
    for r in indicators.itertuples(index=False):
        member = r.report if by_report else r.agency_key
        if member not in groups or _missing(r.year):
            continue
        spec = catalogue.get(r.indicator)
        for group in groups[member]:
            acc = sums.setdefault(
                (group, int(r.year), r.indicator),
                {
                    "numerator": 0.0,
                    "denominator": 0.0,
                    "agencies": 0,
                    "missing": 0,
                    "definitions": set(),
                },
            )
            usable = not _missing(r.numerator) and (
                not spec or not spec.is_rate or not _missing(r.denominator)
            )
            if r.status == "not_comparable" or not usable:
                acc["missing"] += 1
                continue
            acc["agencies"] += 1
            acc["numerator"] += float(r.numerator)
            acc["denominator"] += 0.0 if _missing(r.denominator) else float(r.denominator)
            acc["definitions"].add(r.definition)
    rows = []
    for (group, year, indicator), acc in sorted(sums.items()):
        spec = catalogue[indicator]
        row = {
            "group": group,
            "year": year,
            "indicator": indicator,
            "agencies": acc["agencies"],
            "missing": acc["missing"],
        }
        if acc["agencies"] == 0:
            row.update(value=None, numerator=None, denominator=None, status="missing")
        elif len(acc["definitions"]) > 1:
            row.update(value=None, numerator=None, denominator=None, status="not_comparable")
        elif spec.is_rate:
            row.update(numerator=acc["numerator"], denominator=acc["denominator"])
            ind.finish_rate(row, spec)
        else:
            row.update(
                value=acc["numerator"], numerator=acc["numerator"], denominator=None, status="ok"
            )
        row["unit"] = spec.unit
        rows.append(row)
    columns = [
        "group",
        "year",
        "indicator",
        "value",
        "numerator",
        "denominator",
        "unit",
        "status",
        "agencies",
        "missing",
    ]
    return pd.DataFrame(rows, columns=columns)
