"""National scale: stream a very large set of reports through parse → checks → indicators.

:func:`disclosure_metrics.load` keeps every parsed report in memory, which suits a county or
a city (thousands of reports). A national crawl (hundreds of thousands) goes through
:func:`stream`, in two passes whose every task runs in a worker — local processes, or the
workers of a Dask cluster — and writes its own part of the year-partitioned Parquet dataset
(:mod:`disclosure_metrics.dataset`):

1. **Chunks of files.** A task parses its files and writes their cells, facts, checks and
   indicators; what the cross-report rules need of each report (its tables, sections 一 and
   五, its reuse-rate row) is packed, bucketed by agency, into one file per chunk. With a unit
   tree, a report is also packed for its family: its own (as a parent) and its parent's.
2. **Buckets of agencies.** A task reads one bucket's packed reports from every chunk's file
   and runs the cross-year rules and the reuse rate agency by agency; with a unit tree, a
   task per bucket of families runs HIER-1 parent by parent.

The client only hands out tasks, keeps the manifest (one row per file), marks two different
files for one agency and year as conflicting (their rows leave the dataset, as in
:func:`~disclosure_metrics.load`) and moves the finished dataset into place: it never holds
the corpus. Rows carry their place in the input order, so
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
import json
import os
import pickle
import shutil
import uuid
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pandas as pd
import pyarrow as pa
from tqdm import tqdm

from . import indicators as ind
from .agencies import agency_key, read_aliases, read_unit_tree
from .checks import check_report, cross_year_checks, hierarchy_checks
from .corpus import (
    _check_row,
    cell_value,
    error_text,
    frame,
    mark_conflicts,
    parsed_fields,
)
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
    report_id: str,
    report: Report,
    key: str | None,
    reuse_row: dict[str, Any],
    position: int,
    tables: tuple[Layout, tuple[Any, ...]] | None = None,
) -> Packed:
    """What the cross-report pass needs of a report (``tables``: its :func:`pack_tables`)."""
    layout, values = pack_tables(report) if tables is None else tables
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


#: A cell's own fields in the cells table, in the order :class:`CellColumns` holds them.
CELL_FIELDS = ("table", "block", "row", "column", "value", "kind", "candidates")


@dataclass
class CellColumns:
    """A report's cells as columns: the layout's keys (:func:`pack_tables`), and each cell's
    value, kind and candidates as :func:`~.corpus.cell_value` gives them. The keys' columns are
    made once per layout, so the national run's most numerous rows cost no dict each."""

    layout: Layout
    values: list[float | None]
    kinds: list[str]
    candidates: list[str | None]

    def __len__(self) -> int:
        return len(self.layout)

    def rows(self) -> list[dict[str, Any]]:
        """The cells as :func:`~.corpus.report_cells` gives them (tests compare the two)."""
        table, block, row, column = (c.to_pylist() for c in layout_columns(self.layout))
        keys = zip(table, block, row, column, self.values, self.kinds, self.candidates, strict=True)
        return [dict(zip(CELL_FIELDS, key, strict=True)) for key in keys]


def cell_columns(
    layout: Layout, values: Sequence[Any], filled: Mapping[str, float] | None
) -> CellColumns:
    """A report's cells in its layout's order (``filled``: its forced cells).

    >>> from disclosure_metrics import parse_file
    >>> from disclosure_metrics.corpus import report_cells
    >>> report = parse_file("data/raw/2020_huianpu.txt")
    >>> cell_columns(*pack_tables(report), forced_cells(report)).rows() == report_cells(report)
    True
    """
    numbers: list[float | None] = []
    kinds: list[str] = []
    candidates: list[str | None] = []
    for key, value in zip(layout, values, strict=True):
        if value.__class__ is int or value.__class__ is float:  # most cells: a number
            numbers.append(float(value))
            kinds.append("number")
            candidates.append(None)
            continue
        forced = filled.get(".".join(key)) if value is None and filled else None
        number, kind, listed = cell_value(value, forced)
        numbers.append(number)
        kinds.append(kind)
        candidates.append(listed)
    return CellColumns(layout, numbers, kinds, candidates)


# The table, block, row and column of a layout's cells as Arrow arrays, by the interned
# layout's id (pack_tables interns layouts in _LAYOUTS, which keeps them alive).
_LAYOUT_COLUMNS: dict[int, tuple[pa.Array, ...]] = {}


def layout_columns(layout: Layout) -> tuple[pa.Array, ...]:
    """The table, block, row and column of every cell of ``layout``, made once per layout."""
    interned = _LAYOUTS.setdefault(layout, layout)
    found = _LAYOUT_COLUMNS.get(id(interned))
    if found is None:
        # Empty text is missing text, as in every table the dataset writes.
        tables = [key[0] for key in interned]
        blocks = [(key[1] or None) if len(key) == 4 else None for key in interned]
        rows = [key[-2] or None for key in interned]
        columns = [key[-1] or None for key in interned]
        found = tuple(pa.array(c, type=pa.string()) for c in (tables, blocks, rows, columns))
        _LAYOUT_COLUMNS[id(interned)] = found
    return found


def cells_table(pieces: Sequence[CellColumns]) -> pa.Table:
    """The cells of several reports as one Arrow table of the cells' own columns."""
    keys = [pa.concat_arrays([layout_columns(p.layout)[i] for p in pieces]) for i in range(4)]
    values = pa.array([v for p in pieces for v in p.values], type=pa.float64())
    kinds = pa.array([k for p in pieces for k in p.kinds], type=pa.string())
    candidates = pa.array([c for p in pieces for c in p.candidates], type=pa.string())
    return pa.Table.from_arrays([*keys, values, kinds, candidates], names=list(CELL_FIELDS))


Rows = tuple[dict[str, Any], Any]  # the values a report's rows share, and the rows' own values


def process_report(
    report_id: str,
    report: Report,
    blank_as_zero: bool = False,
    aliases: Mapping[str, str] | None = None,
    tables: tuple[Layout, tuple[Any, ...]] | None = None,
) -> dict[str, Rows]:
    """Every single-report output of one report (the cross-report ones come later): for each
    table, the values every row of the report shares, and the rows' own values (the cells as
    :class:`CellColumns`, the other tables as dicts). ``tables``: the report's
    :func:`pack_tables`, when the caller has them.

    >>> from disclosure_metrics import parse_file
    >>> shared, cells = process_report("a", parse_file("data/raw/2020_huianpu.txt"))["cells"]
    >>> shared["report"], sorted(cells.rows()[0])[:3]
    ('a', ['block', 'candidates', 'column'])
    """
    key = agency_key(report.agency, aliases)
    filled = forced_cells(report)
    results = check_report(report, blank_as_zero, filled)
    hard = sum(1 for r in results if r.status == "fail" and r.severity == "hard")
    common = {"report": report_id, "agency_key": key, "year": report.year}
    facts = []
    for fact in report.narrative:
        row = fact.to_json()
        row["section"] = fact.section
        facts.append(row)
    layout, values = pack_tables(report) if tables is None else tables
    return {
        "cells": (common, cell_columns(layout, values, filled)),
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
#: The two kinds of cross-report task: agencies across years, and families of a unit tree.
ACROSS_YEARS, UNIT_FAMILIES = "years", "units"


@dataclass(frozen=True)
class Plan:
    """What every task of one run needs to know: where the dataset is being written."""

    root: str  # the staged dataset folder (on a cluster: a file system every worker sees)
    blank_as_zero: bool = False
    ocr: str = "auto"
    buckets: int = 1
    agencies: str | None = None  # a JSON file of the run's alias map and unit tree

    def bucket(self, key: str | None) -> int:
        """The agency's bucket: every report of one agency goes to the same cross-year task."""
        return zlib.crc32((key or "").encode("utf-8")) % self.buckets

    @property
    def tree(self) -> AgencyTree:
        return _agency_tree(self.agencies)


@dataclass(frozen=True)
class AgencyTree:
    """The run's alias map and unit tree (each ``None`` when not given)."""

    aliases: Mapping[str, str] | None = None
    units: Mapping[str, str] | None = None
    children: Mapping[str, list[str]] = field(default_factory=dict)  # in the unit tree's order

    def families(self, key: str | None) -> list[str]:
        """The parents whose HIER-1 family ``key`` is in: its own, and its parent's."""
        if key is None or not self.units:
            return []
        own = [key] if key in self.children else []
        parent = self.units.get(key)
        return own if parent is None or parent == key else [*own, parent]


@functools.lru_cache(maxsize=4)
def _agency_tree(path: str | None) -> AgencyTree:
    """Read once per worker process (the file name is unique to its run)."""
    if path is None:
        return AgencyTree()
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    units = data["units"] or None
    children: dict[str, list[str]] = defaultdict(list)
    for unit, parent in (units or {}).items():
        children[parent].append(unit)
    return AgencyTree(data["aliases"] or None, units, dict(children))


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
    # (kind of cross-report task, bucket, file, offset, size) of each packed slice
    packed: list[tuple[str, int, str, int, int]] = field(default_factory=list)


def manifest_row(
    path: str, result: Ingested, aliases: Mapping[str, str] | None = None
) -> dict[str, Any]:
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
    row["agency_key"] = agency_key(row.get("agency"), aliases)
    return row


def _write(
    plan: Plan,
    table: str,
    rows: list[dict[str, Any]] | pa.Table,
    order: list[int],
    tag: str,
    shared: Sequence[tuple[dict[str, Any], int]] = (),
) -> list[Part]:
    if len(rows) == 0:
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
    # Rows by table and year: each year's rows become that year's file without a pass that
    # picks them out of the chunk's rows.
    rows: dict[tuple[str, int | None], list[dict[str, Any]]] = defaultdict(list)
    shared: dict[tuple[str, int | None], list[tuple[dict[str, Any], int]]] = defaultdict(list)
    order: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    cells: dict[tuple[str, int | None], list[CellColumns]] = defaultdict(list)
    buckets: dict[tuple[str, int], list[Packed]] = defaultdict(list)
    tree = plan.tree
    for offset, path in enumerate(paths):
        position = start + offset
        result = ingest_one(path, ocr=plan.ocr)
        row = manifest_row(path, result, tree.aliases)
        out.reports.append(row)
        report = result.report
        if report is None:
            continue
        tables = pack_tables(report)
        parts = process_report(path, report, plan.blank_as_zero, tree.aliases, tables)
        base = position * ORDER_STRIDE
        for name in ROW_TABLES:
            values, own = parts[name]
            numbers = range(base, base + len(own))
            if name == "indicators":  # the reuse rate waits for the cross-report pass
                at = next(i for i, r in enumerate(own) if r["indicator"] == REUSE)
                reuse = {**values, **own[at], ORDER: base + at}
                own = own[:at] + own[at + 1 :]
                numbers = [n for n in numbers if n != base + at]  # type: ignore[assignment]
            at_year = (name, report.year)
            if name == "cells":
                cells[at_year].append(own)
            else:
                rows[at_year] += own
            shared[at_year].append((values, len(own)))
            order[at_year] += numbers
        key = row["agency_key"]
        packed = pack(path, report, key, reuse, position, tables)
        buckets[(ACROSS_YEARS, plan.bucket(key))].append(packed)
        for parent in tree.families(key):
            buckets[(UNIT_FAMILIES, plan.bucket(parent))].append(packed)
    tag = (
        f"part-{start:010d}-{uuid.uuid4().hex[:8]}"  # unique per attempt: a rerun never overwrites
    )
    for name, year in sorted(
        order, key=lambda at: (ROW_TABLES.index(at[0]), at[1] is None, at[1] or 0)
    ):
        at_year = (name, year)
        own_rows = cells_table(cells[at_year]) if name == "cells" else rows[at_year]
        out.parts += _write(plan, name, own_rows, order[at_year], tag, shared[at_year])
    if buckets:
        folder = Path(plan.root) / "_packed"
        folder.mkdir(exist_ok=True)
        packed_file = folder / f"{tag}.bin"
        with open(packed_file, "wb") as handle:
            for kind, bucket in sorted(buckets):
                blob = zlib.compress(
                    pickle.dumps(buckets[(kind, bucket)], protocol=pickle.HIGHEST_PROTOCOL), 1
                )
                out.packed.append((kind, bucket, str(packed_file), handle.tell(), len(blob)))
                handle.write(blob)
    return out


def _unpacked(slices: Sequence[tuple[str, int, int]], left_out: frozenset[str]) -> list[Packed]:
    """The packed reports of a bucket's slices in input order, without the reports left out
    (copies of an earlier file, and conflicting files)."""
    packed: list[Packed] = []
    for name, at, size in slices:
        with open(name, "rb") as handle:
            handle.seek(at)
            packed += pickle.loads(zlib.decompress(handle.read(size)))
    return sorted((p for p in packed if p.report_id not in left_out), key=lambda p: p.position)


@_collector_paused
def bucket_task(
    bucket: int,
    slices: Sequence[tuple[str, int, int]],
    left_out: frozenset[str],
    plan: Plan,
    cross_base: int,
) -> list[Part]:
    """The cross-year rules and the reuse rate for one bucket of agencies; writes their rows.

    Cross-report check rows are numbered after every report's own rows (from ``cross_base``),
    agency by agency in the order their first reports came."""
    packed = _unpacked(slices, left_out)
    aliases = plan.tree.aliases
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
        for i, result in enumerate(cross_year_checks(stand_ins, plan.blank_as_zero, aliases)):
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


@_collector_paused
def family_task(
    bucket: int,
    slices: Sequence[tuple[str, int, int]],
    left_out: frozenset[str],
    plan: Plan,
    units_base: int,
) -> list[Part]:
    """HIER-1 for one bucket of unit-tree families (a parent and its children); writes its rows.

    The rows are numbered after the cross-year ones (from ``units_base``), parent by parent in
    sorted order, as :func:`~disclosure_metrics.checks.cross_report_checks` gives them."""
    tree = plan.tree
    rank = {parent: i for i, parent in enumerate(sorted(tree.children))}
    members: dict[str, list[Report]] = defaultdict(list)
    stand_ins: dict[str, Report] = {}  # one per report, though it is in two families
    for p in _unpacked(slices, left_out):
        report = stand_ins.setdefault(p.report_id, p.report())
        for parent in tree.families(p.key):
            if plan.bucket(parent) == bucket:
                members[parent].append(report)
    checks: list[dict[str, Any]] = []
    order: list[int] = []
    for parent in sorted(members):
        family = {kid: parent for kid in tree.children[parent]}
        results = hierarchy_checks(members[parent], family, plan.blank_as_zero, tree.aliases)
        base = units_base + rank[parent] * ORDER_STRIDE
        for i, result in enumerate(results):
            checks.append(_check_row(result, {}))
            order.append(base + i)
    return _write(plan, "checks", checks, order, f"part-units-{bucket:05d}-{uuid.uuid4().hex[:8]}")


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


Slices = list[tuple[str, int, int]]


def _cross_parts(
    slices_by_bucket: dict[tuple[str, int], Slices],
    left_out: frozenset[str],
    plan: Plan,
    bases: dict[str, int],
    workers: int,
    running: Any,
) -> list[Part]:
    """Run every cross-report task (one per kind and bucket) and list the parts they wrote."""
    items = sorted(slices_by_bucket.items())
    if running is not None:
        # One task per bucket, its slices and the files left out sent along (both small).
        results = running.map_tasks(_cross_task, items, left_out, plan, bases)
    elif workers <= 1:
        results = [_cross_task(item, left_out, plan, bases) for item in items]
    else:
        n = len(items)
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_cross_task, items, [left_out] * n, [plan] * n, [bases] * n))
    return [part for parts in results for part in parts]


def _cross_task(
    item: tuple[tuple[str, int], Slices],
    left_out: frozenset[str],
    plan: Plan,
    bases: dict[str, int],
) -> list[Part]:
    (kind, bucket), slices = item
    task = bucket_task if kind == ACROSS_YEARS else family_task
    return task(bucket, slices, left_out, plan, bases[kind])


def _agency_file(
    root: Path,
    aliases: str | Path | Mapping[str, str] | None,
    units: str | Path | Mapping[str, str] | None,
) -> str | None:
    """The run's alias map and unit tree in one file every worker reads once (sent with each
    task they would travel thousands of times), or ``None`` when neither is given."""
    alias_map = read_aliases(aliases) if isinstance(aliases, str | Path) else aliases
    unit_tree = read_unit_tree(units) if isinstance(units, str | Path) else units
    if not alias_map and not unit_tree:
        return None
    folder = root / "_packed"
    folder.mkdir(exist_ok=True)
    path = folder / f"agencies-{uuid.uuid4().hex}.json"
    data = {"aliases": dict(alias_map or {}), "units": dict(unit_tree or {})}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def _drop_reports(part: Part, copies: set[str]) -> Part | None:
    """The part without the rows of ``copies`` (files identical to an earlier one, or
    conflicting files)."""
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
    aliases: str | Path | Mapping[str, str] | None = None,
    units: str | Path | Mapping[str, str] | None = None,
) -> StreamResult:
    """Parse, check and compute indicators for ``paths`` into the dataset ``out_dir``.

    ``out_dir`` becomes a year-partitioned Parquet dataset (:mod:`disclosure_metrics.dataset`:
    ``read_dataset``, ``load(out_dir)``, ``yoy_from_dataset`` read it), written beside it and
    moved into place when complete. ``executor="dask"`` (a local cluster of ``jobs`` workers,
    or the one at ``scheduler``), or a :class:`~disclosure_metrics.distributed.DaskExecutor`,
    runs both passes on the cluster's workers, which then need the same view of ``out_dir``'s
    folder as the client (a shared file system). A worker that dies costs its chunk a rerun
    file by file; a file that kills a worker again is ``failed`` (``worker_lost``) and the run
    goes on. Identical files are read once: later copies are listed as ``duplicate``; two
    different files for one agency and year are both ``failed``, naming each other, and their
    rows leave the dataset. ``aliases`` and ``units`` are read as by
    :func:`~disclosure_metrics.load`: the alias map joins agency names, and the unit tree adds
    HIER-1.
    """
    # Every file found is a manifest row; only the readable ones go to the workers.
    entries = find_inputs(paths)
    names = [os.path.abspath(e.path) for e in entries if e.readable]
    chunks = [names[i : i + chunk] for i in range(0, len(names), chunk)]
    starts = list(range(0, len(names), chunk))
    out = Path(os.path.abspath(out_dir))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = staging_folder(out)
    plan = Plan(
        str(tmp),
        blank_as_zero,
        ocr,
        buckets or default_buckets(len(names)),
        _agency_file(tmp, aliases, units),
    )
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
        written: list[tuple[set[str], list[Part]]] = []  # each chunk's reports and parts
        slices: dict[tuple[str, int], Slices] = defaultdict(list)
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
            written.append(({r["report"] for r in outcome.reports}, outcome.parts))
            for kind, bucket, name, at, size in outcome.packed:
                slices[(kind, bucket)].append((name, at, size))
            bar.update(len(outcome.reports))
        bar.close()
        # Only now is every agency-year known: conflicting files' rows leave the parts written.
        conflicts = mark_conflicts(manifest, {})
        parts = [
            part
            for reports_in, chunk_parts in written
            for part in (
                [q for q in (_drop_reports(p, conflicts) for p in chunk_parts) if q]
                if conflicts & reports_in
                else chunk_parts
            )
        ]
        cross_base = len(names) * ORDER_STRIDE
        bases = {ACROSS_YEARS: cross_base, UNIT_FAMILIES: 2 * cross_base}
        left_out = frozenset(copies | conflicts)
        parts += _cross_parts(slices, left_out, plan, bases, jobs, running)
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
