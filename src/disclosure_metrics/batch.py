"""National scale: stream a very large set of reports through parse → checks → indicators.

:func:`disclosure_metrics.load` keeps every parsed report in memory, which suits a county or
a city (thousands of reports). A national crawl (hundreds of thousands) goes through
:func:`stream`: worker processes parse, check and compute indicators chunk by chunk and send
back only compact tables; cells, facts and check results are written to Parquet part files as
they arrive, and what the cross-report rules need (the table values, sections 一 and 五 for
the reuse rate) is kept packed. The second pass runs the cross-year rules and the reuse rate
over those packed reports, agency by agency.

Example::

    >>> import tempfile
    >>> result = stream(["data/raw/2020_huianpu.txt"], out_dir=tempfile.mkdtemp(), jobs=1)
    >>> result.parsed, result.indicators.indicator.nunique() > 40
    (1, True)
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
import zlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from tqdm import tqdm

from . import indicators as ind
from .agencies import agency_key
from .checks import check_report, cross_report_checks
from .corpus import SCHEMAS, _check_row, frame, report_cells
from .derive import forced_cells
from .ingest import default_jobs, ingest_one
from .parse import Report

# Columns repeated on every row are stored as categories: a national table fits in memory.
_CATEGORIES = (
    "report",
    "agency",
    "agency_key",
    "format",
    "indicator",
    "unit",
    "status",
    "qualifier",
    "definition",
    "rule",
    "severity",
    "table",
    "block",
    "row",
    "column",
    "kind",
    "metric",
    "channel",
    "section",
)


Layout = tuple[tuple[str, ...], ...]
# One shared layout per table shape (format, （六） rows): a packed report stores only values.
_LAYOUTS: dict[Layout, Layout] = {}


def pack_tables(report: Report) -> tuple[Layout, tuple[Any, ...]]:
    """Tables 2, 3 and 4 as a shared layout of cell keys and a tuple of values.

    >>> from disclosure_metrics import parse_file
    >>> report = parse_file("data/raw/2020_huianpu.txt")
    >>> unpack_tables(*pack_tables(report)) == (report.table2, report.table3, report.table4)
    True
    """
    keys: list[tuple[str, ...]] = []
    values: list[Any] = []
    for block, rows in report.table2.items():
        for row, cols in rows.items():
            for col, value in cols.items():
                keys.append(("table2", block, row, col))
                values.append(value)
    for table in ("table3", "table4"):
        for row, cols in getattr(report, table).items():
            for col, value in cols.items():
                keys.append((table, row, col))
                values.append(value)
    layout = tuple(keys)
    return _LAYOUTS.setdefault(layout, layout), tuple(values)


def unpack_tables(layout: Layout, values: tuple[Any, ...]) -> tuple[dict, dict, dict]:
    tables: dict[str, dict] = {"table2": {}, "table3": {}, "table4": {}}
    for key, value in zip(layout, values, strict=True):
        node = tables[key[0]]
        for part in key[1:-1]:
            node = node.setdefault(part, {})
        node[key[-1]] = value
    return tables["table2"], tables["table3"], tables["table4"]


@dataclass
class Packed:
    """What the cross-report rules need of one report, a few kilobytes."""

    report_id: str
    agency: str | None
    key: str | None
    year: int | None
    table2_format: str | None
    layout: Layout
    values: bytes  # the cell values (pickled and compressed: a tuple of objects is 10× larger)
    text: bytes  # sections 一 and 五, zlib-compressed, for the reuse rate (b"" once spilled)
    spilled: tuple[str, int, int] | None = None  # (file, offset, length) of the text on disk

    def spill(self, handle: Any) -> None:
        """Move the text to an open binary file: a national run keeps only its position."""
        offset = handle.tell()
        handle.write(self.text)
        self.spilled = (handle.name, offset, len(self.text))
        self.text = b""

    def _text(self) -> bytes:
        if self.spilled is None:
            return self.text
        name, offset, length = self.spilled
        with open(name, "rb") as handle:
            handle.seek(offset)
            return handle.read(length)

    def report(self) -> Report:
        """A stand-in :class:`Report` with the tables and sections 一 and 五 only."""
        overview, _, problems = zlib.decompress(self._text()).decode("utf-8").partition("\x00")
        table2, table3, table4 = unpack_tables(
            self.layout, pickle.loads(zlib.decompress(self.values))
        )
        return Report(
            path=self.report_id,
            agency=self.agency,
            year=self.year,
            format="",
            table2=table2,
            table3=table3,
            table4=table4,
            table2_format=self.table2_format,
            section_text={"overview": overview, "problems": problems},
        )


@dataclass
class ChunkResult:
    reports: list[dict[str, Any]] = field(default_factory=list)
    cells: list[pd.DataFrame] = field(default_factory=list)
    facts: list[pd.DataFrame] = field(default_factory=list)
    checks: list[pd.DataFrame] = field(default_factory=list)
    indicators: list[pd.DataFrame] = field(default_factory=list)
    packed: list[Packed] = field(default_factory=list)


def _compact(df: pd.DataFrame) -> pd.DataFrame:
    for column in _CATEGORIES:
        if column in df.columns:
            df[column] = df[column].astype("category")
    return df


def process_report(report_id: str, report: Report, blank_as_zero: bool = False) -> dict[str, Any]:
    """Every single-report output of one report (the cross-report ones come later)."""
    key = agency_key(report.agency)
    filled = forced_cells(report)
    results = check_report(report, blank_as_zero, filled)
    hard = sum(1 for r in results if r.status == "fail" and r.severity == "hard")
    common = {"report": report_id, "agency_key": key, "year": report.year}
    return {
        "cells": [{**common, **c} for c in report_cells(report, filled)],
        "facts": [
            {**common, "agency": report.agency, **f.to_json(), "section": f.section}
            for f in report.narrative
        ],
        "checks": [_check_row(r, {report.path: report_id}) for r in results],
        "indicators": [
            {**common, "agency": report.agency, "format": report.format, **row}
            for row in ind.compute(report, hard_failures=hard, filled=filled)
        ],
    }


def _process_chunk(paths: Sequence[str], blank_as_zero: bool) -> ChunkResult:
    out = ChunkResult()
    cells, facts, checks, indicators = [], [], [], []
    for path in paths:
        result = ingest_one(path)
        row: dict[str, Any] = {
            "report": path,
            "file": Path(path).name,
            "path": path,
            "sha256": result.sha256,
            "seconds": result.seconds,
            "status": result.status,
            "error": None if result.error is None else str(result.error),
        }
        report = result.report
        if report is not None:
            row.update(agency=report.agency, year=report.year, format=report.format)
            row["agency_key"] = agency_key(report.agency)
            parts = process_report(path, report, blank_as_zero)
            cells += parts["cells"]
            facts += parts["facts"]
            checks += parts["checks"]
            indicators += parts["indicators"]
            layout, values = pack_tables(report)
            text = (
                report.section_text.get("overview", "")
                + "\x00"
                + report.section_text.get("problems", "")
            )
            out.packed.append(
                Packed(
                    path,
                    report.agency,
                    row["agency_key"],
                    report.year,
                    report.table2_format,
                    layout,
                    zlib.compress(pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL)),
                    zlib.compress(text.encode("utf-8"), 6),
                )
            )
        out.reports.append(row)
    out.cells.append(_compact(frame("cells", cells)))
    out.facts.append(_compact(frame("facts", facts)))
    out.checks.append(_compact(frame("checks", checks)))
    out.indicators.append(_compact(frame("indicators", indicators)))
    return out


def _chunk_results(
    chunks: list[list[str]], blank_as_zero: bool, jobs: int, executor: Any, scheduler: str | None
) -> Iterator[ChunkResult]:
    """Every chunk's result in chunk order: here, in local processes, or on a Dask cluster."""
    if executor in (None, "local") and not scheduler:
        if jobs <= 1:
            for names_chunk in chunks:
                yield _process_chunk(names_chunk, blank_as_zero)
            return
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(_process_chunk, chunks, [blank_as_zero] * len(chunks))
        return
    from .distributed import make_executor

    own = isinstance(executor, str)
    running = make_executor(executor, scheduler=scheduler, jobs=jobs) if own else executor
    try:
        yield from running.map_chunks(
            _process_chunk, chunks, blank_as_zero, lost=_lost_file, merge=_merge_chunks
        )
    finally:
        if own:
            running.close()


def _lost_file(path: str, exc: BaseException) -> ChunkResult:
    """The result of a file whose task failed alone on a cluster: one failed reports row."""
    from .distributed import _lost

    error = _lost(path, exc)
    row = {"report": path, "file": Path(path).name, "path": path, "sha256": "", "seconds": 0.0}
    empty = {name: [_compact(frame(name, []))] for name in ("cells", "facts", "checks")}
    return ChunkResult(
        reports=[{**row, "status": "failed", "error": str(error)}],
        indicators=[_compact(frame("indicators", []))],
        **empty,
    )


def _merge_chunks(parts: list[ChunkResult]) -> ChunkResult:
    out = ChunkResult()
    for part in parts:
        for name in ("reports", "cells", "facts", "checks", "indicators", "packed"):
            getattr(out, name).extend(getattr(part, name))
    return out


@dataclass
class StreamResult:
    reports: pd.DataFrame
    indicators: pd.DataFrame
    cross_checks: pd.DataFrame
    rows_written: dict[str, int]
    parsed: int


#: Cross-report check rows held as dicts before they are packed into a categorical frame: a
#: national run has hundreds of thousands, and a dict per row costs ~1 KB.
CROSS_ROWS_PER_FRAME = 20_000


def _cross(packed: list[Packed]) -> tuple[pd.DataFrame, dict[str, float | None]]:
    """Cross-year rules and the reuse rate, one agency at a time, on the packed reports; the
    check rows come back as one compact (categorical) frame."""
    by_agency: dict[str, list[Packed]] = defaultdict(list)
    for p in packed:
        if p.key and p.year is not None:
            by_agency[p.key].append(p)
    rows: list[dict[str, Any]] = []
    frames: list[pd.DataFrame] = []
    reuse: dict[str, float | None] = {}
    reuse_indicator = ind.by_id()["narrative.reuse_vs_prev_year"]
    for group in by_agency.values():
        if len(group) < 2:
            continue
        stand_ins = {p.report_id: p.report() for p in group}
        ids = {r.path: rid for rid, r in stand_ins.items()}
        rows += [_check_row(r, ids) for r in cross_report_checks(list(stand_ins.values()))]
        if len(rows) >= CROSS_ROWS_PER_FRAME:
            frames.append(_compact(frame("checks", rows)))
            rows = []
        by_year = {r.year: r for r in stand_ins.values()}
        for rid, report in stand_ins.items():
            prev = by_year.get(report.year - 1)  # type: ignore[operator]
            if prev is not None:
                view = ind.ReportView(report, None, prev, filled={})
                reuse[rid] = ind.compute_one(reuse_indicator, view)["value"]
    frames.append(_compact(frame("checks", rows)))
    if len(frames) == 1:
        return frames[0], reuse
    return _compact(pd.concat(frames, ignore_index=True)), reuse


def _read_indicators(folder: Path) -> pd.DataFrame:
    """The indicator parts as one frame; repeated text columns come back as categories."""
    if not folder.exists():
        return frame("indicators", [])
    import pyarrow.parquet as pq

    parts = sorted(folder.glob("part-*.parquet"))
    columns = [c for c, _d, _z in SCHEMAS["indicators"] if c in _CATEGORIES]
    table = pq.ParquetDataset(parts).read(use_pandas_metadata=False)
    df = table.to_pandas(categories=columns)
    return df


def stream(
    paths: Sequence[str | Path],
    out_dir: str | Path | None = None,
    jobs: int | None = None,
    chunk: int = 200,
    blank_as_zero: bool = False,
    progress: bool = False,
    executor: Any = "local",
    scheduler: str | None = None,
) -> StreamResult:
    """Parse, check and compute indicators for ``paths``; tables go to ``out_dir`` as Parquet.

    ``executor="dask"`` (a local cluster of ``jobs`` workers, or the one at ``scheduler``), or
    a :class:`~disclosure_metrics.distributed.DaskExecutor`, runs the chunks — parsing,
    checks, cells, facts and single-report indicators — on the cluster's workers; the client
    writes the parts and runs the cross-year pass, as with local processes. A worker that
    dies costs its chunk a rerun file by file; a file that kills a worker again is
    ``failed`` (``worker_lost``) and the run goes on.
    """
    names = [str(p) for p in paths]
    chunks = [names[i : i + chunk] for i in range(0, len(names), chunk)]
    out = Path(out_dir) if out_dir else None
    # Indicator parts and section texts wait on disk, not in memory, until the second pass.
    work = Path(tempfile.mkdtemp(prefix="dm-stream-"))
    texts = open(work / "texts.bin", "w+b")  # noqa: SIM115 - open for the whole run
    try:
        written: dict[str, int] = defaultdict(int)
        reports: list[dict[str, Any]] = []
        packed: list[Packed] = []
        bar = tqdm(total=len(names), desc="stream", unit="file", disable=not progress or None)

        seen: dict[str, str] = {}

        def collect(index: int, result: ChunkResult) -> None:
            # Identical files are read once, as in load(): later copies are listed, not counted.
            copies = set()
            for row in result.reports:
                sha = row["sha256"]
                if sha and sha in seen:
                    copies.add(row["report"])
                    row.update(status="duplicate", note=f"identical to {seen[sha]}; read once")
                elif sha:
                    seen[sha] = row["report"]
            reports.extend(result.reports)
            parts = [df[~df.report.isin(copies)] for df in result.indicators]
            table = pd.concat(parts, ignore_index=True)
            if len(table):
                (work / "indicators").mkdir(exist_ok=True)
                table.to_parquet(work / "indicators" / f"part-{index:06d}.parquet", index=False)
            for p in result.packed:
                if p.report_id not in copies:  # share one layout object per table shape again
                    p.layout = _LAYOUTS.setdefault(p.layout, p.layout)
                    p.spill(texts)
                    packed.append(p)
            for name in ("cells", "facts", "checks"):
                df = pd.concat(getattr(result, name), ignore_index=True)
                df = df[~df.report.isin(copies)]
                written[name] += len(df)
                if out is not None and len(df):
                    (out / name).mkdir(parents=True, exist_ok=True)
                    df.to_parquet(out / name / f"part-{index:06d}.parquet", index=False)
            bar.update(len(result.reports))

        jobs = jobs or default_jobs()
        for i, result in enumerate(
            _chunk_results(chunks, blank_as_zero, jobs, executor, scheduler)
        ):
            collect(i, result)
        bar.close()
        texts.flush()
        cross, reuse = _cross(packed)
        written["checks"] += len(cross)
        if out is not None and len(cross):
            cross.to_parquet(out / "checks" / "part-cross.parquet", index=False)
        table = _read_indicators(work / "indicators")
        mask = table.indicator == "narrative.reuse_vs_prev_year"
        values = table.loc[mask, "report"].astype(str).map(reuse)
        table.loc[mask, "value"] = values.astype("Float64")
        # The status column stays categorical: a national table has millions of rows.
        status = table["status"].astype("category")
        if "ok" not in status.cat.categories:
            status = status.cat.add_categories(["ok"])
        table["status"] = status
        table.loc[values.index[values.notna()], "status"] = "ok"
        return StreamResult(
            reports=frame("reports", reports),
            indicators=table,
            cross_checks=cross,
            rows_written=dict(written),
            parsed=len(packed),
        )
    finally:
        texts.close()
        shutil.rmtree(work, ignore_errors=True)
