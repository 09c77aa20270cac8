"""National scale: stream a very large set of reports through parse → checks → indicators.

:func:`disclosure_metrics.load` keeps every parsed report in memory, which suits a county or
a city (thousands of reports). A national crawl (hundreds of thousands) goes through
:func:`stream`, in two passes whose every task runs in a worker — local processes, or the
workers of a Dask cluster — and writes its own part of the year-partitioned Parquet dataset
(:mod:`disclosure_metrics.dataset`):

1. **Chunks of files.** A task parses its files and writes their cells, facts, checks and
   indicators; what the cross-report rules need of each report (its tables, sections 一 and
   五, its reuse-rate row) is packed, bucketed by agency, into one file per chunk.
2. **Buckets of agencies.** A task reads one bucket's packed reports from every chunk's file
   and runs the cross-year rules and the reuse rate agency by agency.

The client only hands out tasks, keeps the manifest (one row per file) and moves the finished
dataset into place: it never holds the corpus. Rows carry their place in the input order, so
the dataset reads back in the order :func:`~disclosure_metrics.load` gives.

Example::

    >>> import tempfile
    >>> result = stream(["data/raw/2020_huianpu.txt"], tempfile.mkdtemp() + "/national", jobs=1)
    >>> result.parsed, result.indicators().indicator.nunique() > 40
    (1, True)
"""

from __future__ import annotations

import functools
import gc
import os
import pickle
import shutil
import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
from tqdm import tqdm

from . import indicators as ind
from .agencies import agency_key
from .checks import check_report, cross_report_checks
from .corpus import _check_row, error_text, frame, parsed_fields, report_cells
from .dataset import ORDER, finish_dataset, read_dataset, staging_folder, write_rows
from .derive import forced_cells
from .ingest import Ingested, default_jobs, ingest_one
from .inputs import InputFile, find_inputs, safe_text
from .parse import Report

Layout = tuple[tuple[str, ...], ...]
T = TypeVar("T")
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
    values: bytes  # the cell values, pickled (a chunk's packed reports are compressed together)
    text: bytes  # sections 一 and 五 (UTF-8), for the reuse rate
    reuse_row: dict[str, Any]  # the report's reuse-rate row, as if it had no previous year
    position: int  # the report's place in the input

    def report(self) -> Report:
        """A stand-in :class:`Report` with the tables and sections 一 and 五 only."""
        overview, _, problems = self.text.decode("utf-8").partition("\x00")
        table2, table3, table4 = unpack_tables(self.layout, pickle.loads(self.values))
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


def pack(
    report_id: str, report: Report, key: str | None, reuse_row: dict[str, Any], position: int
) -> Packed:
    layout, values = pack_tables(report)
    text = (
        report.section_text.get("overview", "") + "\x00" + report.section_text.get("problems", "")
    )
    return Packed(
        report_id,
        report.agency,
        key,
        report.year,
        report.table2_format,
        layout,
        pickle.dumps(values, protocol=pickle.HIGHEST_PROTOCOL),
        text.encode("utf-8"),
        reuse_row,
        position,
    )


Rows = tuple[dict[str, Any], list[dict[str, Any]]]


def process_report(report_id: str, report: Report, blank_as_zero: bool = False) -> dict[str, Rows]:
    """Every single-report output of one report (the cross-report ones come later): for each
    table, the values every row of the report shares, and the rows' own values.

    >>> from disclosure_metrics import parse_file
    >>> shared, rows = process_report("a", parse_file("data/raw/2020_huianpu.txt"))["cells"]
    >>> shared["report"], sorted(rows[0])[:3]
    ('a', ['block', 'candidates', 'column'])
    """
    key = agency_key(report.agency)
    filled = forced_cells(report)
    results = check_report(report, blank_as_zero, filled)
    hard = sum(1 for r in results if r.status == "fail" and r.severity == "hard")
    common = {"report": report_id, "agency_key": key, "year": report.year}
    facts = []
    for fact in report.narrative:
        row = fact.to_json()
        row["section"] = fact.section
        facts.append(row)
    return {
        "cells": (common, report_cells(report, filled)),
        "facts": ({**common, "agency": report.agency}, facts),
        "checks": ({}, [_check_row(r, {report.path: report_id}) for r in results]),
        "indicators": (
            {**common, "agency": report.agency, "format": report.format},
            ind.compute(report, hard_failures=hard, filled=filled),
        ),
    }


# ---------------------------------------------------------------------------------------------
# The tasks (run in worker processes or on Dask workers)

#: A report's rows in one table are numbered below this: ``_order`` = position × stride + row.
ORDER_STRIDE = 2**20
#: The table tasks write; ``reports`` (the manifest) is written by the client at the end.
ROW_TABLES = ("cells", "facts", "checks", "indicators")
REUSE = "narrative.reuse_vs_prev_year"


@dataclass(frozen=True)
class Plan:
    """What every task of one run needs to know: where the dataset is being written."""

    root: str  # the staged dataset folder (on a cluster: a file system every worker sees)
    blank_as_zero: bool = False
    ocr: str = "auto"
    buckets: int = 1

    def bucket(self, key: str | None) -> int:
        """The agency's bucket: every report of one agency goes to the same cross-year task."""
        return zlib.crc32((key or "").encode("utf-8")) % self.buckets


@dataclass
class Part:
    """One Parquet file a task wrote."""

    table: str
    path: str
    rows: int
    year: int | None


@dataclass
class ChunkOutcome:
    """What a chunk task sends back: manifest rows, the files it wrote, its packed slices."""

    reports: list[dict[str, Any]] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)
    packed: list[tuple[int, str, int, int]] = field(default_factory=list)  # bucket, file, at, size


def manifest_row(path: str, result: Ingested) -> dict[str, Any]:
    """The file's row of the ``reports`` table, as :func:`~disclosure_metrics.load` makes it."""
    row: dict[str, Any] = {
        "report": path,
        "file": safe_text(Path(path).name),
        "path": safe_text(path),
        "sha256": result.sha256 or None,
        "seconds": result.seconds,
        "status": result.status,
        "note": result.notice,
        "error": None if result.error is None else error_text(result.error),
    }
    report = result.report
    if report is not None:
        row.update(parsed_fields(report))
    elif result.error is not None and result.status == "legacy":
        details = getattr(result.error, "details", {}) or {}
        row.update(format="LEGACY", agency=details.get("agency"), year=details.get("year"))
    row["agency_key"] = agency_key(row.get("agency"))
    return row


def _write(
    plan: Plan,
    table: str,
    rows: list[dict[str, Any]],
    order: list[int],
    tag: str,
    shared: Sequence[tuple[dict[str, Any], int]] = (),
) -> list[Part]:
    if not rows:
        return []
    folder = Path(plan.root) / table
    return [
        Part(table, str(path), count, year)
        for path, count, year in write_rows(table, rows, order, folder, tag, shared)
    ]


def _collector_paused(task: Callable[..., T]) -> Callable[..., T]:
    """``task`` with the cyclic garbage collector off while it runs: the collector would walk
    the rows a task keeps over and over (about 10 % of a chunk's time, measured); the task's
    garbage is collected once, after it (+4 MiB for a chunk of 200 reports)."""

    @functools.wraps(task)
    def paused(*args: Any, **kwargs: Any) -> T:
        collecting = gc.isenabled()
        gc.disable()
        try:
            return task(*args, **kwargs)
        finally:
            if collecting:
                gc.enable()

    return paused


@_collector_paused
def chunk_task(paths: Sequence[str], start: int, plan: Plan) -> ChunkOutcome:
    """Parse, check and compute one chunk of files (``start``: the first one's position) and
    write its rows; the cross-report pass gets each report packed, by agency bucket."""
    out = ChunkOutcome()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in ROW_TABLES}
    shared: dict[str, list[tuple[dict[str, Any], int]]] = {name: [] for name in ROW_TABLES}
    order: dict[str, list[int]] = {name: [] for name in ROW_TABLES}
    buckets: dict[int, list[Packed]] = defaultdict(list)
    for offset, path in enumerate(paths):
        position = start + offset
        result = ingest_one(path, ocr=plan.ocr)
        row = manifest_row(path, result)
        out.reports.append(row)
        report = result.report
        if report is None:
            continue
        parts = process_report(path, report, plan.blank_as_zero)
        base = position * ORDER_STRIDE
        for name in ROW_TABLES:
            values, own = parts[name]
            numbers = range(base, base + len(own))
            if name == "indicators":  # the reuse rate waits for the cross-report pass
                at = next(i for i, r in enumerate(own) if r["indicator"] == REUSE)
                reuse = {**values, **own[at], ORDER: base + at}
                own = own[:at] + own[at + 1 :]
                numbers = [n for n in numbers if n != base + at]  # type: ignore[assignment]
            rows[name] += own
            shared[name].append((values, len(own)))
            order[name] += numbers
        key = row["agency_key"]
        buckets[plan.bucket(key)].append(pack(path, report, key, reuse, position))
    tag = (
        f"part-{start:010d}-{uuid.uuid4().hex[:8]}"  # unique per attempt: a rerun never overwrites
    )
    for name in ROW_TABLES:
        out.parts += _write(plan, name, rows[name], order[name], tag, shared[name])
    if buckets:
        folder = Path(plan.root) / "_packed"
        folder.mkdir(exist_ok=True)
        packed_file = folder / f"{tag}.bin"
        with open(packed_file, "wb") as handle:
            for bucket in sorted(buckets):
                blob = zlib.compress(
                    pickle.dumps(buckets[bucket], protocol=pickle.HIGHEST_PROTOCOL), 1
                )
                out.packed.append((bucket, str(packed_file), handle.tell(), len(blob)))
                handle.write(blob)
    return out


@_collector_paused
def bucket_task(
    bucket: int,
    slices: Sequence[tuple[str, int, int]],
    copies: frozenset[str],
    plan: Plan,
    cross_base: int,
) -> list[Part]:
    """The cross-year rules and the reuse rate for one bucket of agencies; writes their rows.

    Cross-report check rows are numbered after every report's own rows (from ``cross_base``),
    agency by agency in the order their first reports came."""
    packed: list[Packed] = []
    for name, at, size in slices:
        with open(name, "rb") as handle:
            handle.seek(at)
            packed += pickle.loads(zlib.decompress(handle.read(size)))
    packed = sorted((p for p in packed if p.report_id not in copies), key=lambda p: p.position)
    by_agency: dict[str | None, list[Packed]] = defaultdict(list)
    for p in packed:
        by_agency[p.key if p.year is not None else None].append(p)
    reuse_indicator = ind.by_id()[REUSE]
    checks: list[dict[str, Any]] = []
    check_order: list[int] = []
    reuse_rows: list[dict[str, Any]] = []
    for key, group in by_agency.items():
        if key is None or len(group) < 2:
            reuse_rows += [p.reuse_row for p in group]
            continue
        stand_ins = [p.report() for p in group]
        ids = {r.path: r.path for r in stand_ins}
        base = cross_base + group[0].position * ORDER_STRIDE
        for i, result in enumerate(cross_report_checks(stand_ins, plan.blank_as_zero)):
            checks.append(_check_row(result, ids))
            check_order.append(base + i)
        by_year = {r.year: r for r in stand_ins}
        seen: dict[int, frozenset[str]] = {}  # each text's shingles, made once per group
        for p, report in zip(group, stand_ins, strict=True):
            prev = by_year.get(report.year - 1)  # type: ignore[operator]
            row = p.reuse_row
            if prev is not None:
                view = ind.ReportView(report, None, prev, filled={}, shingles_seen=seen)
                row = {**row, **ind.compute_one(reuse_indicator, view)}
            reuse_rows.append(row)
    tag = f"part-cross-{bucket:05d}-{uuid.uuid4().hex[:8]}"
    return [
        *_write(plan, "checks", checks, check_order, tag),
        *_write(plan, "indicators", reuse_rows, [r[ORDER] for r in reuse_rows], tag),
    ]


def _lost_file(path: str, exc: BaseException) -> ChunkOutcome:
    """The outcome of a file whose task failed alone on a cluster: one failed manifest row."""
    from .distributed import _lost

    result = Ingested(path, "", 0.0, error=_lost(path, exc))
    return ChunkOutcome(reports=[manifest_row(path, result)])


def _merge(parts: list[ChunkOutcome]) -> ChunkOutcome:
    out = ChunkOutcome()
    for part in parts:
        out.reports += part.reports
        out.parts += part.parts
        out.packed += part.packed
    return out


def _chunk_outcomes(
    chunks: list[list[str]], starts: list[int], plan: Plan, jobs: int, running: Any
) -> Iterator[ChunkOutcome]:
    """Every chunk's outcome in chunk order: here, in local processes, or on a Dask cluster."""
    if running is not None:
        yield from running.map_chunks(
            chunk_task, chunks, plan, lost=_lost_file, merge=_merge, starts=starts
        )
    elif jobs <= 1:
        for paths, start in zip(chunks, starts, strict=True):
            yield chunk_task(paths, start, plan)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(chunk_task, chunks, starts, [plan] * len(chunks))


def _bucket_parts(
    slices_by_bucket: dict[int, list[tuple[str, int, int]]],
    copies: frozenset[str],
    plan: Plan,
    cross_base: int,
    workers: int,
    running: Any,
) -> list[Part]:
    buckets = sorted(slices_by_bucket)
    slices = [slices_by_bucket[b] for b in buckets]
    if running is not None:
        # One task per bucket, its slices and the copies sent along (both small).
        results = running.map_tasks(
            _bucket_entry, list(zip(buckets, slices, strict=True)), copies, plan, cross_base
        )
    elif workers <= 1:
        results = [
            bucket_task(b, s, copies, plan, cross_base)
            for b, s in zip(buckets, slices, strict=True)
        ]
    else:
        n = len(buckets)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(
                pool.map(bucket_task, buckets, slices, [copies] * n, [plan] * n, [cross_base] * n)
            )
    return [part for parts in results for part in parts]


def _bucket_entry(
    item: tuple[int, list[tuple[str, int, int]]],
    copies: frozenset[str],
    plan: Plan,
    cross_base: int,
) -> list[Part]:
    bucket, slices = item
    return bucket_task(bucket, slices, copies, plan, cross_base)


def _drop_reports(part: Part, copies: set[str]) -> Part | None:
    """The part without the rows of ``copies`` (files identical to an earlier one)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(part.path)
    kept = table.filter(pc.invert(pc.is_in(table["report"], value_set=_string_array(copies))))
    if kept.num_rows == 0:
        os.remove(part.path)
        return None
    if kept.num_rows < table.num_rows:
        pq.write_table(kept, part.path)
    return Part(part.table, part.path, kept.num_rows, part.year)


def _string_array(values: set[str]) -> Any:
    import pyarrow as pa

    return pa.array(sorted(values), type=pa.string())


@dataclass
class StreamResult:
    """The manifest of a national run and where its dataset is."""

    reports: pd.DataFrame  # one row per input file, with its status
    dataset: Path  # the year-partitioned Parquet dataset (read it with dataset.read_dataset)
    rows_written: dict[str, int]
    parsed: int
    cross_base: int  # ``_order`` of the first cross-report check row

    def indicators(self, years: Sequence[int] | None = None) -> pd.DataFrame:
        """The indicators table (of ``years`` only, if given) read back from the dataset."""
        return read_dataset(self.dataset, "indicators", years=years)  # type: ignore[return-value]

    def cross_checks(self) -> pd.DataFrame:
        """The cross-report check rows (across years), read back from the dataset."""
        import pyarrow.dataset as ds

        return read_dataset(self.dataset, "checks", filter=ds.field(ORDER) >= self.cross_base)  # type: ignore[return-value]


def default_buckets(files: int) -> int:
    """Agency buckets of a run: about 2 000 reports each, so a cross-year task stays small.

    >>> default_buckets(10), default_buckets(100_000)
    (1, 50)
    """
    return max(1, min(4096, files // 2000))


def stream(
    paths: Sequence[str | Path],
    out_dir: str | Path,
    jobs: int | None = None,
    chunk: int = 200,
    blank_as_zero: bool = False,
    progress: bool = False,
    executor: Any = "local",
    scheduler: str | None = None,
    ocr: str = "auto",
    buckets: int | None = None,
) -> StreamResult:
    """Parse, check and compute indicators for ``paths`` into the dataset ``out_dir``.

    ``out_dir`` becomes a year-partitioned Parquet dataset (:mod:`disclosure_metrics.dataset`:
    ``read_dataset``, ``load(out_dir)``, ``yoy_from_dataset`` read it), written beside it and
    moved into place when complete. ``executor="dask"`` (a local cluster of ``jobs`` workers,
    or the one at ``scheduler``), or a :class:`~disclosure_metrics.distributed.DaskExecutor`,
    runs both passes on the cluster's workers, which then need the same view of ``out_dir``'s
    folder as the client (a shared file system). A worker that dies costs its chunk a rerun
    file by file; a file that kills a worker again is ``failed`` (``worker_lost``) and the run
    goes on. Identical files are read once: later copies are listed as ``duplicate``.
    """
    # Every file found is a manifest row; only the readable ones go to the workers.
    entries = find_inputs(paths)
    names = [os.path.abspath(e.path) for e in entries if e.readable]
    chunks = [names[i : i + chunk] for i in range(0, len(names), chunk)]
    starts = list(range(0, len(names), chunk))
    out = Path(os.path.abspath(out_dir))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = staging_folder(out)
    plan = Plan(str(tmp), blank_as_zero, ocr, buckets or default_buckets(len(names)))
    jobs = jobs or default_jobs()
    running = None
    if executor not in (None, "local") or scheduler:
        from .distributed import make_executor

        running = (
            make_executor("dask", scheduler=scheduler, jobs=jobs)
            if isinstance(executor, str)
            else executor
        )
    try:
        manifest: list[dict[str, Any]] = []
        parts: list[Part] = []
        slices: dict[int, list[tuple[str, int, int]]] = defaultdict(list)
        seen: dict[str, str] = {}
        copies: set[str] = set()
        bar = tqdm(total=len(names), desc="stream", unit="file", disable=not progress or None)
        for outcome in _chunk_outcomes(chunks, starts, plan, jobs, running):
            found = set()
            for row in outcome.reports:
                sha = row["sha256"]
                if sha and sha in seen:
                    found.add(row["report"])
                    row.update(status="duplicate", note=f"identical to {seen[sha]}; read once")
                elif sha and row["status"] in ("parsed", "legacy"):
                    seen[sha] = row["report"]
            manifest += outcome.reports
            if found:
                copies |= found
                outcome.parts = [p for p in (_drop_reports(p, found) for p in outcome.parts) if p]
            parts += outcome.parts
            for bucket, name, at, size in outcome.packed:
                slices[bucket].append((name, at, size))
            bar.update(len(outcome.reports))
        bar.close()
        cross_base = len(names) * ORDER_STRIDE
        parts += _bucket_parts(slices, frozenset(copies), plan, cross_base, jobs, running)
        manifest = _with_unread(entries, manifest)
        reports = frame("reports", manifest)
        for i, row in enumerate(manifest):
            row[ORDER] = i * ORDER_STRIDE
        parts += _write(plan, "reports", manifest, [r[ORDER] for r in manifest], "part-0")
        _sweep(tmp, {p.path for p in parts})
        shutil.rmtree(tmp / "_packed", ignore_errors=True)
        finish_dataset(
            tmp, out, ("reports", *ROW_TABLES), {p.year for p in parts if p.year is not None}
        )
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        if running is not None and isinstance(executor, str):
            running.close()
    written: dict[str, int] = defaultdict(int)
    for part in parts:
        if part.table in ROW_TABLES:
            written[part.table] += part.rows
    return StreamResult(
        reports=reports,
        dataset=out,
        rows_written=dict(written),
        parsed=int((reports.status == "parsed").sum()),
        cross_base=cross_base,
    )


def _with_unread(entries: list[InputFile], read: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The manifest in input order: the rows of the files read, and a row for every file not
    read (skipped with its reason, or failed when it could not even be listed)."""
    rows = iter(read)
    out = []
    for entry in entries:
        if entry.readable:
            out.append(next(rows))
            continue
        path = os.path.abspath(entry.path)
        row = {"report": path, "file": safe_text(entry.path.name), "path": safe_text(path)}
        if entry.skip is not None:
            out.append({**row, "status": "skipped", "note": entry.skip})
        else:
            out.append({**row, "status": "failed", "error": error_text(entry.error)})  # type: ignore[arg-type]
    return out


def _sweep(root: Path, kept: set[str]) -> None:
    """Remove the parts of attempts that did not finish (a worker that died mid-write)."""
    for path in root.rglob("*.parquet"):
        if str(path) not in kept:
            path.unlink()
