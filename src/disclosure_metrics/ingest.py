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
import signal
import stat
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Protocol

from tqdm import tqdm

from . import readers
from .cache import CorruptEntry, load_entry, store
from .errors import ReportError, TooComplex, UnsupportedFormatError
from .inputs import safe_text
from .parse import Report, parse_document
from .readers import read_document

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
    notice: str | None = None  # something the user should know (a damaged cache entry)

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


def _cache_file(cache_dir: Path, sha: str, ocr: str = "auto") -> Path:
    # A file read under another OCR mode may read differently: cached apart.
    mode = "" if ocr == "auto" else f"-ocr-{ocr}"
    return cache_dir / sha[:2] / f"{sha}-{code_version()}{mode}.json"


#: Seconds one file may take to parse; past it the file is ``too_complex`` and the batch goes
#: on. ``DISCLOSURE_METRICS_TIME_BUDGET`` overrides it (0: no limit).
TIME_BUDGET = 120.0


class OverBudget(Exception):
    """Raised inside a parse that ran past its time budget."""


def time_budget() -> float:
    try:
        return float(os.environ.get("DISCLOSURE_METRICS_TIME_BUDGET", TIME_BUDGET))
    except ValueError:
        return TIME_BUDGET


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` in this thread after ``seconds`` (the main thread only: a
    signal is the one way to stop pure-Python work without killing the process)."""
    usable = (
        seconds > 0
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
    )
    if not usable:
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise OverBudget

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_input(path: str) -> bytes:
    """The file's bytes, its size checked by ``stat`` before reading and the read bounded.

    A file over :data:`readers.MAX_BYTES`, or not a regular file (a FIFO would block), is a
    :class:`ReportError`; nothing is read.
    """
    shown = safe_text(path)
    limit = readers.MAX_BYTES  # looked up here: tests and callers may lower it
    try:
        # Non-blocking open: a FIFO must not hang the batch before fstat can refuse it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with open(fd, "rb", buffering=0) as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise ReportError(
                    shown, "unreadable", "不是普通文件，未读取", "not a regular file; not read"
                )
            if info.st_size > limit:
                raise ReportError(
                    shown,
                    "too_large",
                    f"文件过大（{info.st_size} 字节，上限 {limit} 字节）",
                    f"file too large ({info.st_size} bytes, limit {limit})",
                )
            data = handle.read(limit + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ReportError(
            shown, "unreadable", f"无法读取文件：{reason}", f"cannot read the file: {reason}"
        ) from exc
    if len(data) > limit:  # grew while being read
        raise ReportError(
            shown,
            "too_large",
            f"文件过大（上限 {limit} 字节）",
            f"file too large (limit {limit})",
        )
    return data


def ingest_one(
    path: str | Path, cache_dir: str | Path | None = None, ocr: str = "auto", jobs: int = 1
) -> Ingested:
    """Read, hash and parse one file (or take it from the cache); never raises.

    ``ocr``: the OCR mode (``auto``, ``always``, ``never``); ``jobs``: processes a scan's
    pages may be spread over (a file parsed alone)."""
    started = time.perf_counter()
    path = str(path)
    shown = safe_text(path)
    try:
        data = read_input(path)
    except ReportError as error:
        return Ingested(shown, "", time.perf_counter() - started, error=error)
    sha = hashlib.sha256(data).hexdigest()
    target = _cache_file(Path(cache_dir), sha, ocr) if cache_dir else None
    notice = None
    if target is not None and target.exists():
        try:
            report, error = load_entry(target, sha, code_version(), shown)
        except (CorruptEntry, OSError) as exc:  # parsed again, never trusted, and said
            notice = f"缓存条目损坏，已重新解析 / cache entry damaged ({exc}), parsed again"
        else:
            if error is not None:
                error.path = shown
            return Ingested(shown, sha, time.perf_counter() - started, report, error, cached=True)
    report: Report | None = None
    error: ReportError | None = None
    budget = time_budget()
    try:
        with _budget(budget):
            report = parse_document(read_document(shown, data, ocr=ocr, jobs=jobs), sha)
    except ReportError as exc:
        error = exc
    except TooComplex as exc:
        error = ReportError(shown, "too_complex", exc.message_zh, exc.message_en)
    except OverBudget:
        error = ReportError(
            shown,
            "too_complex",
            f"解析超过时间上限（{budget:g} 秒），文件过于复杂",
            f"parsing took longer than the budget of {budget:g} s: the file is too complex",
        )
    except MemoryError:
        error = ReportError(
            shown,
            "too_complex",
            "解析所需内存超过上限，文件过于复杂",
            "parsing needed more memory than the limit: the file is too complex",
        )
    except Exception as exc:  # a bug must not stop the batch: it becomes this file's error
        detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
        error = ReportError(
            shown, "internal_error", f"解析器内部错误：{detail}", f"internal parser error: {detail}"
        )
    if target is not None and (error is None or error.code not in _NOT_CACHED):
        store(target, sha, report, error, code_version())
    return Ingested(shown, sha, time.perf_counter() - started, report, error, notice=notice)


# Errors of this run's circumstances (a bug, a budget, LibreOffice missing or failing), not of
# the file: parsed again next time.
_NOT_CACHED = ("internal_error", "too_complex", "doc_unsupported", "doc_conversion_failed")


def _ingest_chunk(paths: Sequence[str], cache_dir: str | None, ocr: str = "auto") -> list[Ingested]:
    return [ingest_one(p, cache_dir, ocr) for p in paths]


def _limit_memory(limit: int) -> None:
    """Cap a worker's address space: a file that needs more fails alone (``too_complex``)."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ImportError, ValueError, OSError):
        pass  # not on this platform, or a lower hard limit already holds


def worker_memory_limit(jobs: int) -> int:
    """Bytes of address space per worker: ``DISCLOSURE_METRICS_WORKER_MB``, else 3/4 of the
    machine's memory shared by the workers, at least 2 GiB."""
    if os.environ.get("DISCLOSURE_METRICS_WORKER_MB"):
        return int(os.environ["DISCLOSURE_METRICS_WORKER_MB"]) * 1024 * 1024
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        total = 16 * 1024**3
    return max(2 * 1024**3, int(total * 0.75 / max(jobs, 1)))


def _worker_lost(path: str) -> Ingested:
    error = ReportError(
        safe_text(path),
        "worker_lost",
        "解析此文件时工作进程终止（可能内存不足或程序崩溃）",
        "the worker process died while parsing this file (out of memory or a crash?)",
    )
    return Ingested(safe_text(path), "", 0.0, error=error)


def _pool_map(
    chunks: list[list[str]], cache: str | None, jobs: int, bar: tqdm, ocr: str = "auto"
) -> list[Ingested]:
    """Chunks in worker processes, in order. A worker that dies (killed, out of memory, a crash
    in a PDF library) breaks the pool: the chunks not finished are retried file by file, each
    in a process of its own, and a file that kills its process again is ``worker_lost``."""
    limit = worker_memory_limit(jobs)
    done: dict[int, list[Ingested]] = {}
    with ProcessPoolExecutor(jobs, initializer=_limit_memory, initargs=(limit,)) as pool:
        futures = {
            pool.submit(_ingest_chunk, chunk, cache, ocr): i for i, chunk in enumerate(chunks)
        }
        for future in as_completed(futures):
            try:
                done[futures[future]] = future.result()
            except BrokenProcessPool:
                continue
            bar.update(len(chunks[futures[future]]))
    for i, chunk in enumerate(chunks):
        if i in done:
            continue
        retried = []
        for name in chunk:
            with ProcessPoolExecutor(1, initializer=_limit_memory, initargs=(limit,)) as single:
                try:
                    retried.append(single.submit(ingest_one, name, cache, ocr).result())
                except BrokenProcessPool:
                    retried.append(_worker_lost(name))
            bar.update()
        done[i] = retried
    return [item for i in range(len(chunks)) for item in done[i]]


def default_jobs() -> int:
    return os.cpu_count() or 1


class Executor(Protocol):
    """Something that parses files elsewhere and gives one :class:`Ingested` per path, in order.

    :func:`ingest` hands its files to such an object when given one; the executors themselves
    (processes here, a Dask cluster) and the names ``--executor local|dask`` live in
    :mod:`disclosure_metrics.distributed`, which this module does not know.
    """

    kind: str

    def map_files(
        self,
        paths: Sequence[str | Path],
        cache_dir: str | Path | None = None,
        progress: bool = False,
        desc: str = "parse",
        ocr: str = "auto",
    ) -> list[Ingested]: ...

    def close(self) -> None: ...


def ingest(
    paths: Sequence[str | Path],
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
    desc: str = "parse",
    executor: Executor | str | None = None,
    ocr: str = "auto",
) -> list[Ingested]:
    """Parse files in ``jobs`` processes (default: all cores), in input order.

    ``ocr``: the OCR mode for scans and images. Fewer than four files are parsed here, one
    after the other, and a scan's pages are OCR'd over the ``jobs`` processes instead.

    ``executor``, an :class:`Executor` object (e.g. a
    :class:`~disclosure_metrics.distributed.DaskExecutor`), runs the same work there instead.
    An executor by name (``"dask"``, with a scheduler address) is started by
    :func:`disclosure_metrics.distributed.run_files`; here only ``"local"`` is a name.
    """
    if isinstance(executor, str):
        if executor != "local":
            raise ValueError(
                f"ingest() takes an executor object, not {executor!r}: "
                "use disclosure_metrics.distributed.run_files or make_executor"
            )
    elif executor is not None:
        return executor.map_files(paths, cache_dir=cache_dir, progress=progress, desc=desc, ocr=ocr)
    names = [str(p) for p in paths]
    cache = str(cache_dir) if cache_dir else None
    jobs = jobs or default_jobs()
    bar = tqdm(total=len(names), desc=desc, unit="file", disable=not progress or None)
    results: list[Ingested] = []
    if jobs <= 1 or len(names) < 4:
        for name in names:
            results.append(ingest_one(name, cache, ocr, jobs))
            bar.update()
    else:
        # Chunks amortise process round trips; small enough to keep every core busy.
        size = max(1, min(64, len(names) // (jobs * 8) or 1))
        chunks = [names[i : i + size] for i in range(0, len(names), size)]
        results = _pool_map(chunks, cache, jobs, bar, ocr)
    bar.close()
    return results
