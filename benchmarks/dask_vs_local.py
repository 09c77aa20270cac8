"""Parsing throughput: the Dask executor against the local process pool, on the same files.

Usage::

    .venv/bin/python benchmarks/dask_vs_local.py [--files 1000] [--jobs N] [--runs 2]

Builds a corpus of ``--files`` text reports in a temporary folder by copying, under unique
names, the bundled sample, the text reports of the shared corpus (``../shared/corpus``, when
present) and the text reports of the generated example county (when
``disclosure_metrics.example_data`` is importable). Each path then parses them ``--runs``
times — the local path with :func:`disclosure_metrics.ingest.ingest`, the Dask path on a
``LocalCluster`` of ``--jobs`` workers — and a table of seconds and files per second is
printed, with the machine it ran on. Starting the cluster is timed apart: it is paid once per
run of a command, not per file. No cache is used, so every run parses every file.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from disclosure_metrics.distributed import DaskExecutor
from disclosure_metrics.ingest import ingest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "raw" / "2020_huianpu.txt"
SHARED_REPORTS = ROOT.parent / "shared" / "corpus" / "reports"
TEXT = (".txt", ".md")


def seed_reports(scratch: Path) -> list[Path]:
    """The text reports to copy: the sample, the shared corpus's, the example county's."""
    seeds = [SAMPLE]
    if SHARED_REPORTS.is_dir():
        seeds += sorted(p for p in SHARED_REPORTS.iterdir() if p.suffix in TEXT)
    try:
        from disclosure_metrics.example_data import generate
    except ImportError:
        pass
    else:
        seeds += sorted(p for p in generate(scratch / "example") if p.suffix in TEXT)
    return seeds


def make_corpus(folder: Path, count: int) -> tuple[list[Path], int]:
    """``count`` copies of the seed reports under unique names; also the number of seeds."""
    seeds = seed_reports(folder)
    files = []
    for i in range(count):
        seed = seeds[i % len(seeds)]
        target = folder / "reports" / f"{i:06d}_{seed.name}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(seed, target)
        files.append(target)
    return files, len(seeds)


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def timed(run: object) -> float:
    started = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="reports to parse (default 1000)")
    parser.add_argument("--jobs", type=int, default=None, help="processes / workers (all cores)")
    parser.add_argument("--runs", type=int, default=2, help="timed runs per path (default 2)")
    args = parser.parse_args(argv)
    jobs = args.jobs or os.cpu_count() or 1
    rows: list[tuple[str, str, float, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        files, seeds = make_corpus(Path(tmp), args.files)
        for run in range(1, args.runs + 1):
            seconds = timed(lambda: ingest(files, jobs=jobs))
            rows.append(("local", f"run {run}", seconds, len(files) / seconds))
        started = time.perf_counter()
        executor = DaskExecutor(jobs=jobs)
        start_up = time.perf_counter() - started
        try:
            for run in range(1, args.runs + 1):
                seconds = timed(lambda: executor.map_files(files))
                rows.append(("dask", f"run {run}", seconds, len(files) / seconds))
        finally:
            executor.close()
    best = {kind: max(r[3] for r in rows if r[0] == kind) for kind in ("local", "dask")}
    print(
        f"machine: {os.cpu_count()} cores, {cpu_name()}, {platform.system()} "
        f"{platform.machine()}, Python {platform.python_version()}, "
        f"dask {version('dask')}, distributed {version('distributed')}"
    )
    print(f"corpus: {len(files)} text reports copied from {seeds} distinct ones; jobs = {jobs}")
    print()
    print(f"{'executor':<10} {'run':<8} {'seconds':>9} {'files/s':>9}")
    for kind, run_name, seconds, rate in rows:
        print(f"{kind:<10} {run_name:<8} {seconds:>9.2f} {rate:>9.1f}")
    print(f"{'dask':<10} {'start-up':<8} {start_up:>9.2f} {'':>9}")
    print()
    print(
        f"best: local {best['local']:.1f} files/s, dask {best['dask']:.1f} files/s "
        f"(dask/local = {best['dask'] / best['local']:.2f}; cluster start-up {start_up:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
