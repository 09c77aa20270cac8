"""The national path on local processes and on Dask, from 1 to N workers, on distinct reports.

Usage::

    .venv/bin/python benchmarks/dask_vs_local.py [--reports 4000] [--workers 1 2] [--runs 1]

Every run streams its own set of generated text reports (:func:`run.generated_reports`: the
sample and the shared corpus's texts under new agency names, numbered so that no two runs share
a report) through :func:`disclosure_metrics.batch.stream`: parse, checks, indicators, then the
cross-year rules and the reuse rate by agency bucket, every table written to the
year-partitioned dataset by the workers. For each executor and worker count it prints the wall
time, the CPU time of all processes (client, pool processes or Dask nannies and workers), the
peak resident memory of all processes, the peak per worker, and the speed-up over one worker.
Starting a Dask cluster is timed apart (it is paid once per command, not per report).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import CORPUS, SAMPLE, PeakMemory, generated_reports, machine

from disclosure_metrics.batch import stream
from disclosure_metrics.distributed import DaskExecutor


def bases() -> list[Path]:
    found = sorted(p for p in CORPUS.glob("*.txt") if "legacy" not in p.name)
    return [SAMPLE, *found] if CORPUS.exists() else [SAMPLE]


def one_run(
    executor: str, workers: int, count: int, first: int, cluster: DaskExecutor | None
) -> dict[str, float]:
    work = Path(tempfile.mkdtemp(prefix="dm-dask-vs-local-"))
    try:
        paths = generated_reports(work / "reports", count, bases(), first)
        with PeakMemory() as memory:
            started = time.perf_counter()
            result = stream(
                paths,
                work / "dataset",
                jobs=workers,
                executor=cluster if cluster is not None else "local",
            )
            wall = time.perf_counter() - started
            cpu = memory.cpu_seconds()
        assert result.parsed == count, f"{count - result.parsed} reports not parsed"
        return {"wall": wall, "cpu": cpu, "peak": memory.peak, "reports": count}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def worker_peak(cluster: DaskExecutor) -> float:
    """The resident memory of the largest Dask worker process now (bytes)."""
    import psutil

    pids = cluster.client.run(os.getpid)
    return max(psutil.Process(pid).memory_info().rss for pid in pids.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=4000, help="reports per run")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--runs", type=int, default=1, help="runs per setting (best kept)")
    args = parser.parse_args(argv)
    rows: list[tuple[str, int, dict[str, float], float | None]] = []
    first = 0
    start_ups: dict[int, float] = {}
    for workers in args.workers:
        results = []
        for _ in range(args.runs):
            results.append(one_run("local", workers, args.reports, first, None))
            first += args.reports
        rows.append(("local", workers, min(results, key=lambda r: r["wall"]), None))
        started = time.perf_counter()
        with DaskExecutor(jobs=workers) as cluster:
            start_ups[workers] = time.perf_counter() - started
            results = []
            for _ in range(args.runs):
                results.append(one_run("dask", workers, args.reports, first, cluster))
                first += args.reports
            per_worker = worker_peak(cluster)
        rows.append(("dask", workers, min(results, key=lambda r: r["wall"]), per_worker))
    print(
        f"machine: {machine()}; {time.strftime('%Y-%m-%d')}; "
        f"dask {version('dask')}, distributed {version('distributed')}"
    )
    print(f"each run: {args.reports:,} distinct generated text reports, parse → dataset")
    print()
    header = (
        f"{'executor':<9}{'workers':>8}{'wall s':>9}{'CPU s':>9}{'CPU-ms/report':>15}"
        f"{'reports/s':>11}{'speed-up':>10}{'peak GiB (all)':>16}{'worker MiB':>12}"
    )
    print(header)
    one = {kind: r["wall"] for kind, n, r, _ in rows if n == min(args.workers)}
    for kind, workers, r, per_worker in rows:
        print(
            f"{kind:<9}{workers:>8}{r['wall']:>9.1f}{r['cpu']:>9.1f}"
            f"{r['cpu'] * 1000 / r['reports']:>15.1f}{r['reports'] / r['wall']:>11.1f}"
            f"{one[kind] / r['wall']:>10.2f}{r['peak'] / 2**30:>16.2f}"
            f"{'' if per_worker is None else f'{per_worker / 2**20:,.0f}':>12}"
        )
    print()
    for workers, seconds in start_ups.items():
        print(f"Dask LocalCluster start-up, {workers} worker(s): {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
