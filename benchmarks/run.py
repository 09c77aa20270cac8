"""The performance figures of disclosure-metrics, measured on this machine.

    .venv/bin/python benchmarks/run.py                 # every figure (100 000 reports: minutes)
    .venv/bin/python benchmarks/run.py --reports 5000  # a shorter national-scale run

Prints one table: parse throughput per input kind (real corpus and generated example reports),
parse + check + indicators on N generated text reports (wall time, peak memory of all
processes), the full site build and an unchanged rebuild, the weight of every site page, and
the time and peak memory of each hostile input parsed alone (``--hostile`` for that part only;
``--parse-only`` for the parse throughput alone).

Parse throughput is honest about caches: every run parses fresh copies whose bytes differ, with
the parser's caches cleared before each file, and reports CPU time (``time.process_time``)
beside wall time; each run is about half a CPU-second of copies, and the best of five runs is
kept, with the median beside it. Other timings are medians of several runs
unless they are a single long run. The machine and the date head the table.
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
from typing import Any

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
    "text": "≥ 500 reports per CPU-s",
    "HTML": "≥ 500 reports per CPU-s",
    "PDF": "≤ 40 CPU-ms per page",
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


def interpreter() -> str:
    """The Python build that ran the figures: two builds of one version differed by up to a
    sixth here (README, Performance, "Which Python build"). Whether libpython is a shared
    library is read from the process's own memory map (a build may ship both and link its
    binary statically); the configure flags name profile-guided and link-time optimization
    only where the build recorded them."""
    import sysconfig

    maps = Path("/proc/self/maps")
    if maps.exists():
        shared = "libpython" in maps.read_text()
    else:
        shared = bool(sysconfig.get_config_var("Py_ENABLE_SHARED"))
    args = str(sysconfig.get_config_var("CONFIG_ARGS") or "")
    flags = [flag for flag in ("--enable-optimizations", "--with-lto") if flag in args]
    build = "libpython shared" if shared else "libpython linked in"
    return f"{sys.executable} ({', '.join([build, *flags])})"


def header() -> list[tuple[str, str, str]]:
    """The rows every table opens with: the machine and the date, and the interpreter build."""
    day = time.strftime("%Y-%m-%d")
    return [("machine", f"{machine()}; {day}", ""), ("interpreter", interpreter(), "")]


def median_seconds(func, runs: int = 5) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def distinct_copy(path: Path, folder: Path, number: int) -> Path:
    """A copy of ``path`` whose bytes differ from every other copy (text and HTML end with a
    numbered line; binary formats are copied as they are, their caches are cleared instead)."""
    target = folder / f"{number:05d}-{path.name}"
    data = path.read_bytes()
    if KINDS.get(path.suffix.lower()) == "text":
        data += f"\n（副本 {number}）\n".encode(_text_encoding(data))
    elif KINDS.get(path.suffix.lower()) == "HTML":
        data += f"<!-- copy {number} -->".encode()
    target.write_bytes(data)
    return target


def _text_encoding(data: bytes) -> str:
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def clear_caches() -> None:
    """Every cache that one parse could leave for the next (a real crawl never repeats lines)."""
    from disclosure_metrics import normalize

    normalize.norm_with_offsets.cache_clear()


def _pages(path: Path) -> int:
    if KINDS.get(path.suffix.lower()) != "PDF":
        return 1
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def parse_throughput(
    files: list[Path], runs: int = 5, run_seconds: float = 0.5
) -> list[tuple[str, int, float, float, float, float]]:
    """(kind, files, wall s per report, CPU s per report, median CPU s per report, pages per
    report), one process, parse only.

    Each run parses fresh distinct copies of every file with every cache cleared before each
    file, so no cache helps that would not help a real crawl. A run makes as many copies of
    each file as fill about ``run_seconds`` of CPU (at least one): one parse of a few
    milliseconds is too short to time on a shared machine. The best of ``runs`` runs is kept
    (the least disturbed), and the median is reported beside it.
    """
    from disclosure_metrics import ReportError, parse_file

    by_kind: dict[str, list[Path]] = {}
    for path in files:
        kind = KINDS.get(path.suffix.lower())
        if kind:
            by_kind.setdefault(kind, []).append(path)
    rows = []
    work = Path(tempfile.mkdtemp(prefix="dm-throughput-"))
    try:
        for kind, group in sorted(by_kind.items()):
            cpu_started = time.process_time()
            for path in group:  # warm-up: imports, dictionaries, compiled regexes
                with contextlib.suppress(ReportError):
                    parse_file(path)
            warm = max(time.process_time() - cpu_started, 1e-6)
            copies = max(1, min(100, round(run_seconds / warm)))
            walls, cpus = [], []
            for run in range(runs):
                made = [
                    distinct_copy(p, work, (run * copies + c) * 1000 + k)
                    for c in range(copies)
                    for k, p in enumerate(group)
                ]
                wall = cpu = 0.0
                for path in made:
                    clear_caches()
                    started, cpu_started = time.perf_counter(), time.process_time()
                    with contextlib.suppress(ReportError):  # bad inputs cost time too
                        parse_file(path)
                    wall += time.perf_counter() - started
                    cpu += time.process_time() - cpu_started
                    path.unlink()
                walls.append(wall / len(made))
                cpus.append(cpu / len(made))
            pages = sum(_pages(p) for p in group) / len(group)
            rows.append((kind, len(group), min(walls), min(cpus), statistics.median(cpus), pages))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows


class PeakMemory:
    """Peak resident memory of this process and all its children, sampled every 50 ms; also
    the CPU time of every child process seen (its last sample: children that are not reaped,
    such as Dask's workers, do not show in ``RUSAGE_CHILDREN``)."""

    def __init__(self) -> None:
        self.peak = 0
        self.child_cpu: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._started_cpu = 0.0
        self._baseline: dict[int, float] = {}  # what children already running had used

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = me.memory_info().rss
            for proc in me.children(recursive=True):
                try:
                    total += proc.memory_info().rss
                    times = proc.cpu_times()
                except psutil.Error:
                    continue
                self.child_cpu[proc.pid] = times.user + times.system
            self.peak = max(self.peak, total)
            time.sleep(0.05)

    def cpu_seconds(self) -> float:
        """CPU seconds of this process and of every child seen since the start."""
        children = sum(t - self._baseline.get(pid, 0.0) for pid, t in self.child_cpu.items())
        return _own_cpu() - self._started_cpu + children

    def __enter__(self) -> PeakMemory:
        me = psutil.Process()
        for proc in me.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                times = proc.cpu_times()
                self._baseline[proc.pid] = times.user + times.system
        self._started_cpu = _own_cpu()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _own_cpu() -> float:
    times = psutil.Process().cpu_times()
    return times.user + times.system


def generated_reports(folder: Path, count: int, bases: list[Path], first: int = 0) -> list[Path]:
    """``count`` text reports: the base texts under unique, example-marked agency names
    (numbered from ``first``: sets made with different ``first`` share no report). Each round
    through the base texts names its agencies anew: the first base text of each year goes to
    one agency, the second of a year to another, and so on, so that an agency has a report for
    as many years in a row as the bases allow (cross-year work, as in a crawl of several years)
    and never two for one year (a conflict, which would leave both unused)."""
    from disclosure_metrics import ReportError, parse_file

    texts = []
    years: list[int | None] = []
    seen: set[bytes] = set()
    for base in bases:
        if base.read_bytes() in seen:
            continue  # the sample is also in the corpus: identical files are read once
        seen.add(base.read_bytes())
        try:
            report = parse_file(base)
        except ReportError:
            continue
        if report.agency:
            texts.append((base.read_text(encoding="utf-8", errors="replace"), report.agency))
            years.append(report.year)
    slots: list[int] = []  # the agency of each base in a round: its place among its year's bases
    for base_year in years:
        slots.append(sum(1 for y in years[: len(slots)] if y == base_year))
    paths = []
    for i in range(first, first + count):
        text, agency = texts[i % len(texts)]
        slot = slots[i % len(texts)]
        group = i // len(texts)
        path = folder / f"{group // 1000:03d}" / f"r{i:06d}.txt"
        if i % 1000 == 0 or not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        # The group spelt in Chinese digits: a name holding four Arabic digits (示例基准1001号)
        # reads as a year inside it, and the agency would be lost from the 1 000th group on.
        renamed = f"示例基准{_chinese_digits(group)}号单位{slot}"
        path.write_text(text.replace(agency, renamed), encoding="utf-8")
        paths.append(path)
    return paths


def _chinese_digits(number: int) -> str:
    """``number`` digit by digit in Chinese (1001 → 一〇〇一)."""
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(number))


def national_run(
    count: int, jobs: int, executor: Any = "local", first: int = 0
) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds (all processes), peak memory and reports parsed of one
    national run over ``count`` generated reports (numbered from ``first``)."""
    from disclosure_metrics.batch import stream

    bases = (
        sorted(p for p in CORPUS.glob("*.txt") if "legacy" not in p.name) if CORPUS.exists() else []
    )
    bases = [SAMPLE, *bases]
    work = Path(tempfile.mkdtemp(prefix="dm-bench-"))
    try:
        paths = generated_reports(work / "reports", count, bases, first)
        with PeakMemory() as memory:
            started = time.perf_counter()
            result = stream(paths, out_dir=work / "dataset", jobs=jobs, executor=executor)
            seconds = time.perf_counter() - started
            cpu = memory.cpu_seconds()
        if result.parsed != count:
            # Every generated report is a good one: a failure is the generator's or the
            # parser's fault, and a figure measured on fewer reports would mislead.
            failed = result.reports[result.reports.status != "parsed"]
            raise RuntimeError(
                f"{count - result.parsed} of {count} generated reports did not parse, e.g. "
                f"{failed.report.iloc[0]}: {str(failed.error.iloc[0])[:300]}"
            )
        return seconds, cpu, memory.peak, result.parsed
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
        # Markdown with HTML tables, 20 000 of them never closed (a table search from each
        # opening to a missing end would rescan the rest each time: 13.6 s before).
        "unclosed-tables-20000.md": text + "<table>正文" * 20_000,
        # A box-drawn table 20 000 lines long, every line one band.
        "box-table-20000.txt": text + "\n┌──┬──┐\n" + "│ 规章 │ 0 │\n├──┼──┤\n" * 20_000,
        # One sentence of 20 000 counts after a 其中, among them numbers holding 12345 (each
        # count once asked whether a hotline was named before it, over the whole sentence).
        "sentence-20000-counts.txt": text.replace(
            "五、存在的主要问题及改进情况",
            "五、存在的主要问题及改进情况\n全年主动公开政府信息共1000条，其中"
            + "，".join(f"网站{i}条" for i in range(20_000))
            + "。",
        ),
        # A list of 20 000 hotline counts sharing one verb (each item once looked back over
        # the list for its verb and ahead to the sentence's end for what closed it).
        "hotline-list-20000.txt": text.replace(
            "五、存在的主要问题及改进情况",
            "五、存在的主要问题及改进情况\n全年办理"
            + "、".join(f"12345热线工单{i}件" for i in range(20_000))
            + "。",
        ),
        # One sentence of 10 000 分别 lists (each count read with its own item; each 分别 once
        # looked for its counts among all of the sentence's).
        "respectively-10000.txt": text.replace(
            "五、存在的主要问题及改进情况",
            "五、存在的主要问题及改进情况\n"
            + "，".join(f"通过网站、微信公众号分别发布信息{i}条、{i + 1}条" for i in range(10_000))
            + "。",
        ),
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
    parser.add_argument("--parse-only", action="store_true", help="only the parse throughput")
    parser.add_argument("--national-only", action="store_true", help="only the national run")
    parser.add_argument(
        "--executor", choices=["local", "dask"], default="local", help="for the national run"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    if args.hostile:
        _print([*header(), *hostile_peaks()])
        return
    from disclosure_metrics.example_data import generate

    if args.national_only:
        _print([*header(), _national(args)])
        return
    rows = header()
    example = Path(tempfile.mkdtemp(prefix="dm-example-"))
    generate(example)
    corpus_files = sorted(CORPUS.iterdir()) if CORPUS.exists() else [SAMPLE]
    for label, files in (
        ("real corpus", corpus_files),
        ("generated example", sorted(example.rglob("*.*"))),
    ):
        for kind, n, wall, cpu, median_cpu, pages in parse_throughput(files):
            figure = (
                f"{1 / cpu:,.0f} reports per CPU-s, median run {1 / median_cpu:,.0f} "
                f"({cpu * 1000:.2f} CPU-ms, {wall * 1000:.2f} ms wall per report, {n} files)"
            )
            if kind == "PDF":
                figure += f"; {cpu * 1000 / pages:.1f} CPU-ms per page"
            rows.append((f"parse {kind}, {label}", figure, TARGETS.get(kind, "")))
    if args.parse_only:
        shutil.rmtree(example, ignore_errors=True)
        _print(rows)
        return
    rows.append(_national(args))
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


def _national(args: argparse.Namespace) -> tuple[str, str, str]:
    seconds, cpu, peak, parsed = national_run(args.reports, args.jobs, args.executor)
    workers = "Dask workers" if args.executor == "dask" else "processes"
    return (
        f"parse + check + indicators, {args.reports:,} text reports, {args.jobs} {workers}",
        f"{seconds:,.0f} s wall ({parsed / seconds:,.0f} reports/s), {cpu:,.0f} CPU-s "
        f"(all processes), peak memory {peak / 2**30:.2f} GiB (all processes)",
        "< 300 s, < 1.5 GiB (at 100 000)",
    )


def _print(rows: list[tuple[str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':<60}  target")
    for name, figure, target in rows:
        print(f"{name:<{width}}  {figure:<60}  {target}")


if __name__ == "__main__":
    main()
