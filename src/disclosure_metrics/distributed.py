"""Where parsing runs: processes on this machine, or a Dask cluster — the same unit of work.

Both executors map :func:`disclosure_metrics.ingest._ingest_chunk` (which calls
:func:`~disclosure_metrics.ingest.ingest_one`) over batches of files and return one
:class:`~disclosure_metrics.ingest.Ingested` per input, in input order, so everything after
parsing (the corpus, checks, indicators, exports) cannot tell them apart.

This module sits above :mod:`~disclosure_metrics.ingest`: ingest defines the small
:class:`~disclosure_metrics.ingest.Executor` protocol it hands files to, and the executor
names (``--executor local|dask``, ``--scheduler``) are resolved here, by :func:`make_executor`
and :func:`run_files`.

On Dask a worker can die under a file (out of memory, a crash in a PDF library). The batch it
was running is then resubmitted file by file, and only a file that kills its worker again is
marked — with a ``worker_lost`` error naming it — while the rest of its batch is parsed.

Example::

    >>> with make_executor("local", jobs=1) as executor:
    ...     [i.status for i in executor.map_files(["data/raw/2020_huianpu.txt"])]
    ['parsed']

On a cluster (``dask scheduler`` and ``dask worker tcp://host:8786`` started elsewhere)::

    with make_executor("dask", scheduler="tcp://host:8786") as executor:
        results = executor.map_files(paths, cache_dir="/shared/cache")
"""

from __future__ import annotations

import logging
import os
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from tqdm import tqdm

from .errors import InputError, ReportError
from .ingest import Executor, Ingested, _ingest_chunk, default_jobs, ingest

EXECUTORS = ("local", "dask")
# A scheduler that does not answer in this time is reported (the default waits 30 s).
CONNECT_SECONDS = 5

# A batch is one Dask task: large enough to amortise the scheduler's round trip (~1 ms per
# task), small enough that a lost worker costs little and every core stays busy.
MAX_BATCH = 64

Unit = Callable[[Sequence[str], str | None, str], list[Ingested]]


class LocalExecutor:
    """Processes on this machine: :func:`disclosure_metrics.ingest.ingest` as it always was.

    >>> LocalExecutor(jobs=2).jobs
    2
    """

    kind = "local"

    def __init__(self, jobs: int | None = None) -> None:
        self.jobs = jobs or default_jobs()

    def map_files(
        self,
        paths: Sequence[str | Path],
        cache_dir: str | Path | None = None,
        progress: bool = False,
        desc: str = "parse",
        ocr: str = "auto",
    ) -> list[Ingested]:
        return ingest(
            paths, jobs=self.jobs, cache_dir=cache_dir, progress=progress, desc=desc, ocr=ocr
        )

    def close(self) -> None:
        pass

    def __enter__(self) -> LocalExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class DaskExecutor:
    """Batches of files as tasks on a Dask cluster: a given scheduler, or a LocalCluster.

    Without ``scheduler`` a ``distributed.LocalCluster`` of ``jobs`` worker processes (default:
    all cores, one thread each — parsing is pure Python) is started and closed with the
    executor. ``unit`` is the task run on each batch; it is :func:`ingest._ingest_chunk`, and
    only tests replace it (to kill a worker on purpose). Paths are sent to the workers as
    absolute paths — they must see the same files at the same place (a shared file system) —
    and every result carries the path as it was given.
    """

    kind = "dask"

    def __init__(
        self,
        scheduler: str | None = None,
        jobs: int | None = None,
        unit: Unit = _ingest_chunk,
        batch_size: int | None = None,
    ) -> None:
        import dask
        from distributed import Client, LocalCluster

        self.unit = unit
        self.batch_size = batch_size
        self.cluster: Any = None
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=CONNECT_SECONDS)
            except (OSError, TimeoutError) as exc:
                raise InputError(
                    f"无法连接 Dask 调度器 {scheduler}（{CONNECT_SECONDS} 秒内无响应）",
                    f"cannot reach the Dask scheduler at {scheduler} within {CONNECT_SECONDS} s"
                    f" ({type(exc).__name__})",
                ) from None
        else:
            # A batch whose worker died is split at once (see map_files) rather than retried on
            # other workers, so a file cannot kill worker after worker; and a worker holds only
            # the task it runs (none queued behind it), so its death fails that task alone.
            settings = {
                "distributed.scheduler.allowed-failures": 0,
                "distributed.scheduler.worker-saturation": 1.0,
            }
            with dask.config.set(settings):
                self.cluster = LocalCluster(
                    n_workers=jobs or default_jobs(),
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            self.client = Client(self.cluster)

    @property
    def address(self) -> str:
        """The scheduler's address, to hand to another client (``--scheduler``)."""
        return str(self.client.scheduler.address)

    def workers(self) -> int:
        """Threads across the cluster's workers (at least 1)."""
        return max(1, sum(self.client.nthreads().values()))

    def map_files(
        self,
        paths: Sequence[str | Path],
        cache_dir: str | Path | None = None,
        progress: bool = False,
        desc: str = "parse",
        ocr: str = "auto",
    ) -> list[Ingested]:
        from distributed import as_completed

        given = [str(p) for p in paths]
        sent = [os.path.abspath(p) for p in given]
        cache = os.path.abspath(cache_dir) if cache_dir else None
        size = self.batch_size or max(1, min(MAX_BATCH, len(sent) // (self.workers() * 8) or 1))
        starts = list(range(0, len(sent), size))
        results: list[Ingested | None] = [None] * len(sent)
        bar = tqdm(total=len(sent), desc=desc, unit="file", disable=not progress or None)
        futures = {
            self.client.submit(self.unit, sent[s : s + size], cache, ocr, pure=False): s
            for s in starts
        }
        failed: list[int] = []  # indices of the files of batches that did not come back
        for future in as_completed(futures):
            start = futures.pop(future)
            count = len(sent[start : start + size])
            try:
                batch = future.result()
            except Exception:
                failed.extend(range(start, start + count))
                continue
            finally:
                future.release()
            results[start : start + count] = batch
            bar.update(count)
        # One file per task now: a file that fails again is that file's error, and only its.
        singles = {
            self.client.submit(self.unit, [sent[i]], cache, ocr, pure=False): i for i in failed
        }
        for future in as_completed(singles):
            i = singles.pop(future)
            try:
                results[i] = future.result()[0]
            except Exception as exc:
                results[i] = Ingested(sent[i], "", 0.0, error=_lost(sent[i], exc))
            finally:
                future.release()
            bar.update()
        bar.close()
        return [
            _as_given(r, s, g)  # type: ignore[arg-type]
            for r, s, g in zip(results, sent, given, strict=True)
        ]

    def map_chunks(
        self,
        func: Callable[..., Any],
        chunks: Sequence[Sequence[str]],
        *args: Any,
        lost: Callable[[str, BaseException], Any],
        merge: Callable[[list[Any]], Any],
        starts: Sequence[int] | None = None,
    ) -> Iterator[Any]:
        """``func(chunk, *args)`` for every chunk of paths on the cluster, yielded in chunk
        order, with at most four tasks per worker thread in flight (memory stays bounded on a
        national run). A chunk whose task fails (its worker died) is run again file by file;
        a file that fails alone becomes ``lost(path, error)``, and the results of the chunk's
        files are joined by ``merge``. Paths are sent as absolute paths.

        With ``starts`` (each chunk's position in the whole list of files) the call is
        ``func(chunk, start, *args)``, and a file run alone gets its own position."""
        window = 4 * self.workers()
        sent = [[os.path.abspath(p) for p in chunk] for chunk in chunks]

        def call(index: int, offset: int, paths: list[str]) -> Any:
            where = () if starts is None else (starts[index] + offset,)
            return self.client.submit(func, paths, *where, *args, pure=False)

        pending: dict[int, Any] = {}
        submitted = 0
        for index in range(len(sent)):
            while submitted < len(sent) and len(pending) < window:
                pending[submitted] = call(submitted, 0, sent[submitted])
                submitted += 1
            future = pending.pop(index)
            try:
                result = future.result()
            except Exception:
                singles = [call(index, k, [path]) for k, path in enumerate(sent[index])]
                parts = []
                for path, single in zip(sent[index], singles, strict=True):
                    try:
                        parts.append(single.result())
                    except Exception as exc:
                        parts.append(lost(path, exc))
                    finally:
                        single.release()
                result = merge(parts)
            finally:
                future.release()
            yield result

    def map_tasks(self, func: Callable[..., Any], items: Sequence[Any], *args: Any) -> list[Any]:
        """``func(item, *args)`` for every item on the cluster, results in item order. A task
        whose worker died is submitted once more; a second failure is raised."""
        futures = [self.client.submit(func, item, *args, pure=False) for item in items]
        results = []
        for item, future in zip(items, futures, strict=True):
            try:
                results.append(future.result())
            except Exception:
                again = self.client.submit(func, item, *args, pure=False)
                results.append(again.result())
                again.release()
            finally:
                future.release()
        return results

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskExecutor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lost(path: str, exc: BaseException) -> ReportError:
    """The error of a file whose task failed on its own: its worker died, or the task raised.

    >>> _lost("a.pdf", RuntimeError("unpicklable result")).code
    'internal_error'
    """
    from distributed import KilledWorker

    if isinstance(exc, KilledWorker):
        return ReportError(
            path,
            "worker_lost",
            "解析此文件时工作进程终止（可能内存不足或程序崩溃）",
            "the worker process died while parsing this file (out of memory or a crash?)",
        )
    detail = "".join(traceback.format_exception_only(type(exc), exc)).strip()
    return ReportError(
        path, "internal_error", f"集群任务出错：{detail}", f"the cluster task failed: {detail}"
    )


def _as_given(result: Ingested, sent: str, path: str) -> Ingested:
    """The result under the path as the caller gave it (workers were sent absolute paths).

    >>> err = ReportError("/w/a.txt", "unreadable", "无法读取 '/w/a.txt'", "cannot read '/w/a.txt'")
    >>> str(_as_given(Ingested("/w/a.txt", "", 0.0, error=err), "/w/a.txt", "a.txt").error)
    "a.txt: 无法读取 'a.txt' / cannot read 'a.txt'"
    """
    if sent == path:
        return result
    result.path = path
    if result.report is not None:
        result.report.path = path
    error = result.error
    if error is not None:
        # The text begins with the path and may quote it (an OSError): rebuild the error so that
        # it reads exactly as the local executor's.
        result.error = type(error)(
            path,
            error.code,
            error.message_zh.replace(sent, path),
            error.message_en.replace(sent, path),
            **error.details,
        )
    return result


def make_executor(
    kind: str = "local", scheduler: str | None = None, jobs: int | None = None
) -> LocalExecutor | DaskExecutor:
    """The executor ``--executor KIND [--scheduler ADDRESS] [--jobs N]`` asks for.

    >>> make_executor("local", jobs=3).jobs
    3
    >>> make_executor("local", scheduler="tcp://h:8786")
    Traceback (most recent call last):
    ValueError: --scheduler needs --executor dask
    """
    if kind not in EXECUTORS:
        raise ValueError(f"unknown executor {kind!r}: choose one of {', '.join(EXECUTORS)}")
    if kind == "local":
        if scheduler:
            raise ValueError("--scheduler needs --executor dask")
        return LocalExecutor(jobs)
    return DaskExecutor(scheduler=scheduler, jobs=jobs)


def run_files(
    executor: str | Executor | None,
    paths: Sequence[str | Path],
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    progress: bool = False,
    desc: str = "parse",
    scheduler: str | None = None,
    ocr: str = "auto",
) -> list[Ingested]:
    """Parse ``paths`` on an executor given by name (started and closed here; None is
    ``"local"``) or as an object: what ``--executor``/``--scheduler`` and ``load(executor=...)``
    run.

    >>> [i.status for i in run_files("local", ["data/raw/2020_huianpu.txt"], jobs=1)]
    ['parsed']
    """
    if executor is None:
        executor = "local"
    if not isinstance(executor, str):
        return executor.map_files(paths, cache_dir=cache_dir, progress=progress, desc=desc, ocr=ocr)
    with make_executor(executor, scheduler=scheduler, jobs=jobs) as running:
        return running.map_files(paths, cache_dir=cache_dir, progress=progress, desc=desc, ocr=ocr)
