"""Parsing many files: in parallel processes, cached by file hash and code version, timed.

Every input comes back, in input order, with its sha256, its duration and either a report or
the package's own error — so a run manifest can list them all and nothing is dropped.
Results do not depend on the number of processes.

Example::

    >>> [i.status for i in ingest(["data/raw/2020_huianpu.txt", "no/such/file.txt"], jobs=1)]
    ['parsed', 'failed']
"""

from __future__ import annotations

import hashlib
import os
import pickle
import time
import traceback
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from tqdm import tqdm

from .errors import ReportError, UnsupportedFormatError
from .parse import Report, parse_document
from .readers import read_document

if TYPE_CHECKING:
    from .distributed import Executor

PACKAGE = Path(__file__).resolve().parent


@dataclass
class Ingested:
    """One input file after parsing: a report or an error, with its hash and duration."""

    path: str
    sha256: str
    seconds: float
    report: Report | None = None
    error: ReportError | None = None
    cached: bool = False

    @property
    def status(self) -> str:
        if self.report is not None:
            return "parsed"
        return "legacy" if isinstance(self.error, UnsupportedFormatError) else "failed"


@cache
def code_version() -> str:
    """A hash of the package's code and data: a change anywhere invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cache_file(cache_dir: Path, sha: str) -> Path:
    return cache_dir / sha[:2] / f"{sha}-{code_version()}.pickle"


def ingest_one(path: str | Path, cache_dir: str | Path | None = None) -> Ingested:
    """Read, hash and parse one file (or take it from the cache); never raises."""
    started = time.perf_counter()
    path = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        error = ReportError(
            path, "unreadable", f"无法读取文件：{exc}", f"cannot read the file: {exc}"
        )
        return Ingested(path, "", time.perf_counter() - started, error=error)
    sha = hashlib.sha256(data).hexdigest()
    target = _cache_file(Path(cache_dir), sha) if cache_dir else None
    if target is not None and target.exists():
        try:
            report, error = pickle.loads(target.read_bytes())
        except Exception:  # a damaged cache entry is parsed again, never trusted
            pass
        else:
            if report is not None:
                report.path = path
            if error is not None:
                error.path = path
            return Ingested(path, sha, time.perf_counter() - started, report, error, cached=True)
    report: Report | None = None
    error: ReportError | None = None
    try:
        report = parse_document(read_document(path, data), sha)
    except ReportError as exc:
        error = exc
    except Exception as exc:  # a bug must not stop the batch: it becomes this file's error
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        error = ReportError(
            path, "internal_error", f"解析器内部错误：{detail}", f"internal parser error: {detail}"
        )
    if target is not None and (
        report is not None or error is None or error.code != "internal_error"
    ):
        _store(target, (report, error))
    return Ingested(path, sha, time.perf_counter() - started, report, error)


def _store(target: Path, value: object) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(target)


def _ingest_chunk(paths: Sequence[str], cache_dir: str | None) -> list[Ingested]:
    return [ingest_one(p, cache_dir) for p in paths]


def default_jobs() -> int:
    return os.cpu_count() or 1


def ingest(
    paths: Sequence[str | Path],
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
    desc: str = "parse",
    executor: str | Executor | None = None,
    scheduler: str | None = None,
) -> list[Ingested]:
    """Parse files in ``jobs`` processes (default: all cores), in input order.

    ``executor="dask"`` (with an optional ``scheduler`` address), or an executor object of
    :mod:`disclosure_metrics.distributed`, runs the same work on a Dask cluster instead.
    """
    if executor not in (None, "local") or scheduler:
        from .distributed import run_files

        return run_files(
            executor or "local", paths, jobs, cache_dir, progress, desc, scheduler=scheduler
        )
    names = [str(p) for p in paths]
    cache = str(cache_dir) if cache_dir else None
    jobs = jobs or default_jobs()
    bar = tqdm(total=len(names), desc=desc, unit="file", disable=not progress or None)
    results: list[Ingested] = []
    if jobs <= 1 or len(names) < 4:
        for name in names:
            results.append(ingest_one(name, cache))
            bar.update()
    else:
        # Chunks amortise process round trips; small enough to keep every core busy.
        size = max(1, min(64, len(names) // (jobs * 8) or 1))
        chunks = [names[i : i + size] for i in range(0, len(names), size)]
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for chunk in pool.map(_ingest_chunk, chunks, [cache] * len(chunks)):
                results.extend(chunk)
                bar.update(len(chunk))
    bar.close()
    return results
