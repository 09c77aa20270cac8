"""The corpus tables as a Parquet dataset partitioned by year, and reads of just what is needed.

A national study has millions of reports: one Parquet file per table no longer fits a question
like "2023 only". :func:`write_dataset` writes every table hive-style by year
(``indicators/year=2023/part-0.parquet``; rows without a year under
``year=__HIVE_DEFAULT_PARTITION__``), with a marker file ``_dataset.json`` that names the
schema version. :func:`read_dataset` reads only the requested years' files and columns;
:meth:`Corpus.from_dataset <disclosure_metrics.corpus.Corpus.from_dataset>` (what
``disclosure_metrics.load(folder)`` does with such a folder) reads the whole corpus back.
:func:`yoy_from_dataset` computes the year-over-year table from the partitioned indicators on
Dask, with :func:`disclosure_metrics.frames.year_over_year` applied to each agency's rows, so
the result is the pandas one.

This module knows the table schemas (:mod:`.frames`) but not the Corpus class: the Corpus
writes and reads datasets through it.

Example::

    >>> import tempfile, disclosure_metrics as dm
    >>> corpus = dm.load("data/raw", progress=False)
    >>> folder = write_dataset(corpus, Path(tempfile.mkdtemp()) / "dataset")
    >>> sorted(p.relative_to(folder).as_posix() for p in folder.glob("reports/*/*"))
    ['reports/year=2020/part-0.parquet']
    >>> read_dataset(folder, "indicators", years=[2020], columns=["indicator", "value"]).shape
    (51, 2)
    >>> dm.load(folder).indicators.equals(corpus.indicators)
    True
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from .frames import SCHEMAS, frame, year_over_year

if TYPE_CHECKING:
    from .distributed import DaskExecutor

MARKER = "_dataset.json"
SCHEMA_VERSION = 1
PARTITION = "year"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # Hive's (and pyarrow's) name for a missing key
ORDER = "_order"  # row number in the corpus table: reads give the rows back in the same order
CORPUS_TABLES = ("reports", "cells", "facts", "checks", "indicators")
_ARROW = {
    "string": pa.string(),
    "Int64": pa.int64(),
    "Float64": pa.float64(),
    "boolean": pa.bool_(),
}


def arrow_schema(table: str, partition: bool = True) -> pa.Schema:
    """The Arrow schema of a table's files (without the partition column, which is the path).

    >>> arrow_schema("yoy").names[:3]
    ['agency', 'agency_key', 'indicator']
    """
    fields = [
        pa.field(c, _ARROW[d])
        for c, d, _z in SCHEMAS[table]
        if not (partition and c == PARTITION and _partitioned(table))
    ]
    return pa.schema([*fields, pa.field(ORDER, pa.int64())])


def _partitioned(table: str) -> bool:
    return any(c == PARTITION for c, _d, _z in SCHEMAS[table])


def is_dataset(path: str | Path) -> bool:
    """True for a folder written by :func:`write_dataset` (it has the marker file).

    >>> is_dataset("data/raw")
    False
    """
    return (Path(path) / MARKER).is_file()


class HasTables(Protocol):
    """What :func:`write_dataset` reads a corpus through (a :class:`~.corpus.Corpus` is one)."""

    def tables(self) -> dict[str, pd.DataFrame]: ...


def write_dataset(corpus: HasTables | Mapping[str, pd.DataFrame], out_dir: str | Path) -> Path:
    """Write every corpus table (and ``yoy``, ``catalogue``) partitioned by year; return the folder.

    ``corpus`` is a :class:`~.corpus.Corpus` or its tables by name. The dataset is written
    beside ``out_dir`` under a temporary name and moved into place at the end, so an
    interrupted write leaves the previous dataset whole.
    """
    out = Path(out_dir)
    tables = dict(corpus) if isinstance(corpus, Mapping) else corpus.tables()
    tmp = staging_folder(out)
    years: set[int] = set()
    for name, df in tables.items():
        df = df.assign(**{ORDER: range(len(df))})
        written = write_parts(name, df, tmp / name, "part-0")
        years |= {year for _path, _rows, year in written if year is not None}
    finish_dataset(tmp, out, list(tables), years)
    return out


def staging_folder(out: Path) -> Path:
    """An empty folder beside ``out`` to write a dataset in (see :func:`finish_dataset`)."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir(parents=True)
    return tmp


def finish_dataset(tmp: Path, out: Path, tables: Sequence[str], years: Iterable[int]) -> None:
    """Write the marker into the staged dataset ``tmp`` and move it to ``out`` in one step.

    Every table in ``tables`` gets its folder and, when no part holds a row, an empty file with
    its schema, so a read of it gives an empty frame rather than an error.
    """
    for name in tables:
        folder = tmp / name
        if not any(folder.rglob("*.parquet")):
            folder.mkdir(parents=True, exist_ok=True)
            _write_part(
                frame(name, []).assign(**{ORDER: []}), arrow_schema(name), folder / "part-0.parquet"
            )
    marker = {
        "format": "disclosure-metrics dataset",
        "schema_version": SCHEMA_VERSION,
        "partitioning": "hive",
        "partition_by": PARTITION,
        "null_partition": NULL_PARTITION,
        "tables": {n: [c for c, _d, _z in SCHEMAS[n]] for n in tables if n in SCHEMAS},
        "years": sorted(set(years)),
    }
    # The marker is written last: a folder with it is complete.
    (tmp / MARKER).write_text(json.dumps(marker, ensure_ascii=False, indent=1), encoding="utf-8")
    old = out.with_name(f".{out.name}.{os.getpid()}.old")
    if out.exists():
        out.replace(old)
    tmp.replace(out)
    if old.exists():
        shutil.rmtree(old)


def write_parts(
    name: str, df: pd.DataFrame, folder: Path, part: str
) -> list[tuple[Path, int, int | None]]:
    """``df`` (rows of table ``name`` with their ``_order``) as ``folder/year=Y/{part}.parquet``,
    one file per year present (one ``{part}.parquet`` when the table has no year); returns
    ``(file, rows, year)`` for each file written. Several writers may add parts to one table
    under different ``part`` names: the national batch's workers do.

    >>> import tempfile
    >>> rows = frame("facts", [{"report": "a", "year": 2023}]).assign(_order=[7])
    >>> written = write_parts("facts", rows, Path(tempfile.mkdtemp()), "x")
    >>> [(path.parent.name, count, year) for path, count, year in written]
    [('year=2023', 1, 2023)]
    """
    schema = arrow_schema(name)
    if _partitioned(name) and df.empty:
        return []
    table = pa.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False)
    years = df[PARTITION].tolist() if _partitioned(name) else []
    return _write_by_year(name, table, [None if pd.isna(y) else y for y in years], folder, part)


def write_rows(
    name: str,
    rows: Sequence[Mapping[str, Any]] | pa.Table,
    order: Sequence[int],
    folder: Path,
    part: str,
    shared: Sequence[tuple[Mapping[str, Any], int]] = (),
) -> list[tuple[Path, int, int | None]]:
    """Rows of table ``name`` (dicts, as the corpus builds them) with their ``_order``, written
    like :func:`write_parts` — straight to Arrow, without a pandas frame in between (the
    national batch writes millions of rows this way). Empty text is missing text, as in
    :func:`~.frames.frame`. ``shared``: runs of rows that share values, as ``(values, count)``
    in row order (a report's id and year on each of its rows), instead of a copy in each row.
    ``rows`` may also be an Arrow table of the rows' own columns (the national run's cells).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> rows = [{"metric": "m", "unit": ""}, {"metric": "n", "unit": "件"}]
    >>> shared = [({"report": "a", "year": 2023}, 2)]
    >>> written = write_rows("facts", rows, [7, 8], folder, "x", shared)
    >>> [(path.parent.name, count, year) for path, count, year in written]
    [('year=2023', 2, 2023)]
    >>> [(r["report"], r["unit"], r["_order"]) for r in pq.read_table(written[0][0]).to_pylist()]
    [('a', None, 7), ('a', '件', 8)]
    """
    schema = arrow_schema(name)
    common = list(shared[0][0]) if shared else []
    own = pa.schema([f for f in schema if f.name != ORDER and f.name not in common])
    if isinstance(rows, pa.Table):
        table = _blanks_missing(rows.select(own.names).cast(own), own)
    else:
        table = _arrow_rows(rows, own)
    columns = {f.name: table.column(f.name) for f in own}
    if common:
        # Each run's value once, then repeated by index (one Arrow call per column, not one
        # per run: a chunk of 200 reports has 200 runs in each of its tables).
        runs = pa.array(np.repeat(np.arange(len(shared)), [count for _values, count in shared]))
    for column in common:
        if column in schema.names:
            kind = schema.field(column).type
            values = [_blank_is_missing(values[column]) for values, _count in shared]
            columns[column] = pa.array(values, type=kind).take(runs)
    columns[ORDER] = pa.chunked_array([pa.array(order, type=pa.int64())])
    table = pa.Table.from_arrays([columns[f.name] for f in schema], schema=schema)
    years: list[Any] = []
    if _partitioned(name):  # the year is the file's folder, not a column
        if PARTITION in common:
            years = [y for values, count in shared for y in repeat(values[PARTITION], count)]
        else:
            years = (
                rows.column(PARTITION).to_pylist()
                if isinstance(rows, pa.Table)
                else [row.get(PARTITION) for row in rows]
            )
    return _write_by_year(name, table, years, folder, part)


def _write_by_year(
    name: str, table: pa.Table, years: Sequence[Any], folder: Path, part: str
) -> list[tuple[Path, int, int | None]]:
    """``table`` as one ``{part}.parquet`` per year of ``years`` (one per row), under
    ``folder/year=Y`` (missing years under the null partition); one file when the table of
    ``name`` has no year."""
    if not _partitioned(name):
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(table, folder / f"{part}.parquet")
        return [(folder / f"{part}.parquet", table.num_rows, None)]
    by_year: dict[int | None, list[int]] = {}
    for i, year in enumerate(years):
        by_year.setdefault(None if year is None else int(year), []).append(i)
    written: list[tuple[Path, int, int | None]] = []
    for year in sorted(by_year, key=lambda y: (y is None, y or 0)):
        where = f"{PARTITION}={NULL_PARTITION if year is None else year}"
        path = folder / where / f"{part}.parquet"
        path.parent.mkdir(parents=True, exist_ok=True)
        indices = by_year[year]
        chosen = table if len(indices) == table.num_rows else table.take(pa.array(indices))
        pq.write_table(chosen, path)
        written.append((path, len(indices), year))
    return written


def _blank_is_missing(value: Any) -> Any:
    return None if value == "" else value


def _arrow_rows(rows: Sequence[Mapping[str, Any]], schema: pa.Schema) -> pa.Table:
    """Rows as an Arrow table of ``schema``; empty text becomes missing text."""
    try:
        table = pa.Table.from_pylist(list(rows), schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        # A text column holding something else (a number): each value as text, as
        # frame()'s astype("string") does.
        columns = []
        for column in schema:
            values = [row.get(column.name) for row in rows]
            if column.type == pa.string():
                values = [v if v is None or isinstance(v, str) else str(v) for v in values]
            columns.append(pa.array(values, type=column.type, from_pandas=True))
        table = pa.Table.from_arrays(columns, schema=schema)
    return _blanks_missing(table, schema)


def _blanks_missing(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """``table`` with its empty text as missing text."""
    for i, column in enumerate(schema):
        if column.type == pa.string():
            data = table.column(i)
            blank = pc.equal(data, "")
            if pc.any(blank).as_py():
                table = table.set_column(i, column, pc.if_else(blank, None, data))
    return table


def _write_part(df: pd.DataFrame, schema: pa.Schema, path: Path) -> None:
    table = pa.Table.from_pandas(df[schema.names], schema=schema, preserve_index=False)
    pq.write_table(table, path)


def dataset_files(folder: str | Path, table: str, years: Iterable[int] | None = None) -> list[Path]:
    """The files of ``table`` that hold the requested years (all of them when ``years`` is None).

    Only these files are opened by :func:`read_dataset`: a question about one year of a national
    dataset reads that year's partition and nothing else.
    """
    root = Path(folder) / table
    if not root.is_dir():
        raise FileNotFoundError(f"no table {table!r} in the dataset {folder}")
    if years is None or not _partitioned(table):
        return sorted(root.rglob("*.parquet"))
    files: list[Path] = []
    for year in sorted({int(y) for y in years}):
        files += sorted((root / f"{PARTITION}={year}").glob("*.parquet"))
    return files


def read_dataset(
    folder: str | Path,
    tables: str | Sequence[str] = "indicators",
    years: Iterable[int] | None = None,
    columns: Sequence[str] | None = None,
    filter: ds.Expression | None = None,
) -> pd.DataFrame | dict[str, pd.DataFrame]:
    """Read tables of a dataset: only the ``years``' partitions, only the ``columns`` asked for.

    ``tables`` is one name (a frame comes back) or several (a dict of frames by name).
    ``filter`` is an optional pyarrow expression pushed down to the files, e.g.
    ``pyarrow.dataset.field("indicator") == "apps.new"``. Rows come back in the corpus order,
    with the corpus dtypes.
    """
    _check_marker(folder)
    if not isinstance(tables, str):
        return {t: _read_table(folder, t, years, columns, filter) for t in tables}
    return _read_table(folder, tables, years, columns, filter)


def _check_marker(folder: str | Path) -> dict[str, Any]:
    if not is_dataset(folder):
        raise FileNotFoundError(f"{folder} is not a disclosure-metrics dataset (no {MARKER})")
    marker = json.loads((Path(folder) / MARKER).read_text(encoding="utf-8"))
    if marker.get("schema_version") != SCHEMA_VERSION:
        raise ValueError(
            f"{folder}: dataset schema version {marker.get('schema_version')}, "
            f"this package reads version {SCHEMA_VERSION}; export the reports again"
        )
    return marker


def _read_table(
    folder: str | Path,
    table: str,
    years: Iterable[int] | None,
    columns: Sequence[str] | None,
    filter: ds.Expression | None,
) -> pd.DataFrame:
    files = dataset_files(folder, table, years)
    schema = arrow_schema(table)
    partitioned = _partitioned(table)
    if partitioned:
        schema = schema.append(pa.field(PARTITION, pa.int64()))
    data = ds.dataset(
        [str(f) for f in files],
        schema=schema,
        format="parquet",
        partitioning=ds.partitioning(pa.schema([(PARTITION, pa.int64())]), flavor="hive")
        if partitioned
        else None,
        partition_base_dir=str(Path(folder) / table),
    )
    wanted = [c for c, _d, _z in SCHEMAS[table]] if columns is None else list(columns)
    unknown = [c for c in wanted if c not in schema.names]
    if unknown:
        raise KeyError(f"no column {', '.join(unknown)} in the {table} table")
    arrow = data.to_table(columns=[*wanted, ORDER], filter=filter)
    df = arrow.to_pandas(types_mapper=_nullable).sort_values(ORDER, kind="stable")
    df = df.drop(columns=ORDER).reset_index(drop=True)
    dtypes = {c: d for c, d, _z in SCHEMAS[table] if c in df.columns}
    return df.astype(dtypes)[wanted]


def _nullable(arrow_type: pa.DataType) -> Any:
    """Arrow types to pandas' nullable dtypes (a missing count is <NA>, never NaN)."""
    return {
        pa.string(): pd.StringDtype(),
        pa.int64(): pd.Int64Dtype(),
        pa.float64(): pd.Float64Dtype(),
        pa.bool_(): pd.BooleanDtype(),
    }.get(arrow_type)


# ---------------------------------------------------------------------------------------------
# Year over year on Dask


def _yoy_partition(part: pd.DataFrame) -> pd.DataFrame:
    """:func:`year_over_year` on the rows of some agencies, with the corpus dtypes restored."""
    dtypes = {c: d for c, d, _z in SCHEMAS["indicators"] if c in part.columns}
    return year_over_year(part.astype(dtypes))


def yoy_from_dataset(
    folder: str | Path,
    engine: str = "dask",
    executor: DaskExecutor | None = None,
    years: Iterable[int] | None = None,
) -> pd.DataFrame:
    """The year-over-year table of a dataset's indicators: the same frame as ``Corpus.yoy()``.

    ``engine="dask"`` reads the year partitions with ``dask.dataframe.read_parquet``, shuffles
    the rows so that each partition holds whole agencies, and runs the pandas
    :func:`year_over_year` on every partition (``map_partitions``) — on ``executor``'s cluster
    when one is given, else on Dask's default scheduler. ``engine="pandas"`` reads the table
    into memory and runs the same function once. ``years`` limits the years read (a year's
    change needs the previous year: ask for it too).
    """
    _check_marker(folder)
    if engine == "pandas":
        indicators = read_dataset(folder, "indicators", years=years)
        assert isinstance(indicators, pd.DataFrame)
        return year_over_year(indicators)
    if engine != "dask":
        raise ValueError(f"unknown engine {engine!r}: choose dask or pandas")
    import dask.dataframe as dd

    files = [str(f) for f in dataset_files(folder, "indicators", years)]
    if not files:
        return frame("yoy", [])
    columns = [c for c, _d, _z in SCHEMAS["indicators"] if c != PARTITION]
    # The files do not hold the year (it is their folder): read it from the hive path.
    data = dd.read_parquet(
        files,
        columns=[*columns, PARTITION],
        dataset={
            "partitioning": ds.partitioning(pa.schema([(PARTITION, pa.int64())]), flavor="hive"),
            "partition_base_dir": str(Path(folder) / "indicators"),
        },
    )
    meta = frame("yoy", [])
    by_agency = data.shuffle("agency_key")
    result = by_agency.map_partitions(_yoy_partition, meta=meta)
    out = result.compute() if executor is None else executor.client.compute(result).result()
    # The pandas function sorts by (agency, indicator, year); partitions split that order.
    out = out.sort_values(["agency_key", "indicator", "year"], kind="stable")
    return out.reset_index(drop=True).astype(meta.dtypes.to_dict())
