"""The performance figures of disclosure-metrics, measured on this machine.

    .venv/bin/python benchmarks/run.py                 # every figure (100 000 reports: minutes)
    .venv/bin/python benchmarks/run.py --reports 5000  # a shorter national-scale run

Prints one table: parse throughput per input kind (real corpus and generated example reports),
parse + check + indicators on N generated text reports (wall time, peak memory of all
processes), the full site build and an unchanged rebuild, and the weight of every site page.
Each timing is the median of several runs unless it is a single long run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "reports"
SAMPLE = ROOT / "data" / "raw" / "2020_huianpu.txt"
KINDS = {
    ".txt": "text",
    ".md": "text",
    ".html": "HTML",
    ".htm": "HTML",
    ".pdf": "PDF",
    ".docx": "DOCX",
}
TARGETS = {
    "text": "≥ 500 reports/s per core",
    "HTML": "≥ 500 reports/s per core",
    "PDF": "≤ 0.3 s per report",
    "DOCX": "—",
}


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = psutil.virtual_memory().total / 2**30
    python = platform.python_version()
    return f"{os.cpu_count()} cores ({cpu}), {memory:.0f} GiB, Python {python}, {platform.system()}"


def median_seconds(func, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def parse_throughput(files: list[Path]) -> list[tuple[str, int, float]]:
    """(kind, files, seconds per report) with one process: parse only."""
    from disclosure_metrics import ReportError, parse_file

    def parse_all(group: list[Path]) -> None:
        for path in group:
            with contextlib.suppress(ReportError):  # bad inputs cost time too; they count
                parse_file(path)

    by_kind: dict[str, list[Path]] = {}
    for path in files:
        kind = KINDS.get(path.suffix.lower())
        if kind:
            by_kind.setdefault(kind, []).append(path)
    rows = []
    for kind, group in sorted(by_kind.items()):
        parse_all(group)  # warm-up: imports, dictionaries, regexes
        seconds = median_seconds(lambda group=group: parse_all(group))
        rows.append((kind, len(group), seconds / len(group)))
    return rows


class PeakMemory:
    """Peak resident memory of this process and all its children, sampled every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for proc in [me, *me.children(recursive=True)]:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    continue
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def generated_reports(folder: Path, count: int, bases: list[Path]) -> list[Path]:
    """``count`` text reports: the base texts under unique, example-marked agency names."""
    from disclosure_metrics import ReportError, parse_file

    texts = []
    seen: set[bytes] = set()
    for base in bases:
        if base.read_bytes() in seen:
            continue  # the sample is also in the corpus: identical files are read once
        seen.add(base.read_bytes())
        try:
            agency = parse_file(base).agency
        except ReportError:
            continue
        if agency:
            texts.append((base.read_text(encoding="utf-8", errors="replace"), agency))
    paths = []
    for i in range(count):
        text, agency = texts[i % len(texts)]
        group = i // len(texts)
        path = folder / f"{group // 1000:03d}" / f"r{i:06d}.txt"
        if i % 1000 == 0 or not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace(agency, f"示例基准{group}号单位"), encoding="utf-8")
        paths.append(path)
    return paths


def national_run(count: int, jobs: int) -> tuple[float, int, int]:
    from disclosure_metrics.batch import stream

    bases = (
        sorted(p for p in CORPUS.glob("*.txt") if "legacy" not in p.name) if CORPUS.exists() else []
    )
    bases = [SAMPLE, *bases]
    work = Path(tempfile.mkdtemp(prefix="dm-bench-"))
    try:
        paths = generated_reports(work / "reports", count, bases)
        with PeakMemory() as memory:
            started = time.perf_counter()
            result = stream(paths, out_dir=work / "tables", jobs=jobs)
            seconds = time.perf_counter() - started
        return seconds, memory.peak, result.parsed
    finally:
        shutil.rmtree(work, ignore_errors=True)


def build_times(data: list[Path]) -> tuple[float, float, Path, Path]:
    from disclosure_metrics import site

    work = Path(tempfile.mkdtemp(prefix="dm-build-"))
    kwargs = {
        "out": work / "_site",
        "work": work / "_build",
        "renderer": "nbconvert",
        "progress": False,
    }
    started = time.perf_counter()
    site.build(data, **kwargs)
    full = time.perf_counter() - started
    rebuild = median_seconds(lambda: site.build(data, **kwargs), runs=3)
    return full, rebuild, work / "_site", work


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--reports", type=int, default=100_000, help="generated text reports for the national run"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from disclosure_metrics.example_data import generate

    rows: list[tuple[str, str, str]] = [("machine", machine(), "")]
    example = Path(tempfile.mkdtemp(prefix="dm-example-"))
    generate(example)
    corpus_files = sorted(CORPUS.iterdir()) if CORPUS.exists() else [SAMPLE]
    for label, files in (
        ("real corpus", corpus_files),
        ("generated example", sorted(example.rglob("*.*"))),
    ):
        for kind, n, seconds in parse_throughput(files):
            per_core = 1 / seconds
            figure = (
                f"{per_core:,.0f} reports/s per core ({seconds * 1000:.1f} ms/report, {n} files)"
            )
            rows.append((f"parse {kind}, {label}", figure, TARGETS.get(kind, "")))
    seconds, peak, parsed = national_run(args.reports, args.jobs)
    rows.append(
        (
            f"parse + check + indicators, {args.reports:,} text reports, {args.jobs} processes",
            f"{seconds:,.0f} s ({parsed / seconds:,.0f} reports/s), "
            f"peak memory {peak / 2**30:.2f} GiB",
            "< 5 min, < 2 GiB (at 100 000)",
        )
    )
    full, rebuild, site_dir, work = build_times([SAMPLE.parent, example])
    rows.append(("build, bundled data (sample + example county)", f"{full:.1f} s", "< 60 s"))
    rows.append(("rebuild, nothing changed", f"{rebuild:.3f} s", "< 5 s"))
    for page in sorted(site_dir.glob("*.html")):
        rows.append((f"page {page.name}", f"{page.stat().st_size / 1024:,.0f} KB", "≤ 500 KB"))
    plotly_js = site_dir / "plotly.min.js"
    rows.append(("plotly.min.js (once per site)", f"{plotly_js.stat().st_size / 1024:,.0f} KB", ""))
    shutil.rmtree(work, ignore_errors=True)
    shutil.rmtree(example, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':<60}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:<60}  {target}")


if __name__ == "__main__":
    main()
