"""The performance figures of disclosure-metrics, measured on this machine.

    .venv/bin/python benchmarks/run.py                 # every figure (100 000 reports: minutes)
    .venv/bin/python benchmarks/run.py --reports 5000  # a shorter national-scale run

Prints one table: parse throughput per input kind (real corpus and generated example reports),
parse + check + indicators on N generated text reports (wall time, peak memory of all
processes), the full site build and an unchanged rebuild, the weight of every site page, and
the time and peak memory of each hostile input parsed alone (``--hostile`` for that part only).
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


def hostile_inputs(folder: Path) -> list[Path]:
    """Files that once stalled or exhausted the machine (issue 13), written into ``folder``."""
    import io

    import docx
    from docx.oxml.ns import qn

    text = SAMPLE.read_text(encoding="utf-8")
    lines = text.split("\n")
    glued = list(lines)
    glued[91] = "".join(str((i * 7919) % 10) for i in range(4000))  # table 4, 4 000 digits
    files = {
        "glued-4000-digits.txt": "\n".join(glued),
        "prose-2.9MB.txt": text.replace(
            "五、存在的主要问题及改进情况",
            "五、存在的主要问题及改进情况\n"
            + "本年度共发布信息3000余条，收到申请50件，办结49件。\n" * 40_000,
        ),
        "spans-3000.html": '<table><tr><td rowspan="3000" colspan="3000">x</td></tr>'
        + "<tr><td>1</td></tr>" * 3000
        + "</table>",
        "rowspan-layout-20000.html": "<table>"
        + '<tr><td rowspan="0">1</td></tr>' * 20_000
        + "</table>",
        "nested-100000.html": "<div>" * 100_000 + text + "</div>" * 100_000,
    }
    out = []
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
        out.append(folder / name)
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    for _ in range(3000):
        tr_pr = table.add_row()._tr.get_or_add_trPr()
        tr_pr.append(tr_pr.makeelement(qn("w:gridBefore"), {qn("w:val"): str(10**8)}))
    buffer = io.BytesIO()
    document.save(buffer)
    (folder / "gridbefore-1e8.docx").write_bytes(buffer.getvalue())
    with open(folder / "sparse-6GB.txt", "wb") as handle:
        handle.truncate(6 * 1024**3)
    return [*out, folder / "gridbefore-1e8.docx", folder / "sparse-6GB.txt"]


def hostile_peaks() -> list[tuple[str, str, str]]:
    """Each hostile file parsed alone by the command: wall time, peak memory, status."""
    import json
    import subprocess

    rows = []
    with tempfile.TemporaryDirectory(prefix="dm-hostile-") as tmp:
        for path in hostile_inputs(Path(tmp)):
            started = time.perf_counter()
            command = [sys.executable, "-m", "disclosure_metrics", "parse", "--json", str(path)]
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
            out = proc.stdout.read() if proc.stdout else b""
            _pid, status, usage = os.wait4(proc.pid, 0)  # this child's own peak memory
            proc.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - started
            line = json.loads(out.decode("utf-8").splitlines()[0]) if out else {}
            status = line.get("error") or line.get("status") or "?"
            rows.append(
                (
                    f"hostile {path.name}",
                    f"{seconds:.1f} s, peak {usage.ru_maxrss / 1024:,.0f} MiB: {status}",
                    "a clear status, bounded time and memory",
                )
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--reports", type=int, default=100_000, help="generated text reports for the national run"
    )
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--hostile", action="store_true", help="only the hostile inputs")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.hostile:
        _print([("machine", machine(), ""), *hostile_peaks()])
        return
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
    rows += hostile_peaks()
    _print(rows)


def _print(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':<60}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:<60}  {target}")


if __name__ == "__main__":
    main()
