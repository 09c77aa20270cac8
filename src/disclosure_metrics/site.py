"""Building the site: load → check → indicators → exports → papermill per year → render.

The notebooks in ``analysis/`` are executed by papermill (in parallel, one process per page).
This build's successful pages are then staged in a fresh folder (a failed page is never
published: the overview lists it with its error) and rendered there, by Quarto when its binary
runs, by nbconvert otherwise; both give the same pages and navigation. plotly.js is written
once, next to the pages, and loaded from there (no CDN). The rendered site is published into
``--out`` file by file; files of the previous build that this one did not write are removed
(only files the previous manifest lists). nbconvert pages open from ``file://``; Quarto's pages
need http (``disclosure-metrics serve``).

Example::

    disclosure-metrics build --data data/raw --renderer nbconvert --out _site
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from tqdm import tqdm

from . import dashboard
from .dashboard import TITLE_CLASS
from .errors import ReportError
from .inputs import InputFile, find_inputs, safe_text
from .quarto_site import (
    QUARTO_CONFIG,
    ROOT,
    YEARS_TEXT,
    SiteError,
    nb_raw_cell,
    quarto_binary,
    quarto_config,
    quarto_notebook,
    quarto_version,
    render_quarto,
)

ANALYSIS = ROOT / "analysis"
PLOTLY_JS = "plotly.min.js"
# Pages besides the years: (notebook, output name, navbar text).
PAGES = (
    ("overview.ipynb", "index", "总览 Overview"),
    ("attention.ipynb", "attention", "关注清单 Attention"),
    ("quality.ipynb", "quality", "数据质量 Quality"),
    ("methods.ipynb", "methods", "方法 Methods"),
    ("data.ipynb", "data", "数据 Data"),
)
MANIFEST = "manifest.json"
# Agency pages built by default: the agencies with the most applications (all when fewer).
AGENCY_PAGES = 50

__all__ = [
    "QUARTO_CONFIG",
    "YEARS_TEXT",
    "BuildResult",
    "PageResult",
    "SiteError",
    "build",
    "choose_renderer",
    "navigation",
    "parse_years",
    "quarto_binary",
    "quarto_config",
]


@dataclass
class PageResult:
    name: str
    ok: bool
    seconds: float
    error: str | None = None


@dataclass
class BuildResult:
    out: Path
    renderer: str
    years: list[int]
    pages: list[PageResult] = field(default_factory=list)
    unchanged: bool = False  # nothing changed since the last build: nothing was redone
    notices: list[str] = field(default_factory=list)  # one line each, for the console
    inputs: list[str] = field(default_factory=list)  # the status of every input file

    @property
    def failed(self) -> list[PageResult]:
        return [p for p in self.pages if not p.ok]


def parse_years(text: str | None) -> list[int] | None:
    """``"2019-2025"`` or ``"2020,2022"`` to years; None means every year in the data.

    A text that is not years, a range running backwards or a year outside 1900–2200 is a
    ``ValueError`` naming it.

    >>> parse_years("2019-2021"), parse_years("2020,2023"), parse_years(None)
    ([2019, 2020, 2021], [2020, 2023], None)
    >>> parse_years("2025-2019")
    Traceback (most recent call last):
    ValueError: 2025-2019 runs backwards
    """
    if not text:
        return None
    years: list[int] = []
    for part in text.split(","):
        start, _, end = part.strip().partition("-")
        try:
            first, last = int(start), int(end or start)
        except ValueError:
            raise ValueError(f"{part.strip()!r} is not a year or a range of years") from None
        if last < first:
            raise ValueError(f"{part.strip()} runs backwards")
        if first < 1900 or last > 2200:
            raise ValueError(f"{part.strip()} is outside 1900-2200")
        years.extend(range(first, last + 1))
    return sorted(set(years))


def _quiet_kernel_manager() -> type:
    """A kernel manager for the build's notebooks: IPC sockets, the kernel's console in a log.

    Over TCP, ipykernel 7 warns on every page that the traffic is unencrypted; IPC sockets are
    files only this user can reach. When papermill shuts a kernel down it reports
    ``KeyboardInterrupt caught in kernel`` on its console, which is not the page's output
    (papermill reads outputs over the sockets): the kernel's stdout and stderr go to
    ``kernel-<id>.log`` beside the executed notebooks, where a kernel that died still says why.
    """
    from jupyter_client import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            # Socket files of their own: pages run in parallel from one folder.
            self.transport = "ipc"
            self.kernel_tag = uuid.uuid4().hex
            self.ip = os.path.join(tempfile.gettempdir(), f"dm-kernel-{self.kernel_tag}")

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            folder = Path(kw.get("cwd") or tempfile.gettempdir())
            with open(folder / f"kernel-{self.kernel_tag}.log", "ab") as log:
                kw["stdout"] = log
                kw["stderr"] = subprocess.STDOUT
                await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


def _execute(
    notebook: Path, output: Path, parameters: dict[str, Any], cwd: Path
) -> tuple[str, str | None, float]:
    """Run one notebook with papermill (in a worker process); the error text on failure."""
    import papermill

    started = time.perf_counter()
    # The kernel must be this interpreter, with this package: put its folder first on PATH.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    try:
        papermill.execute_notebook(
            str(notebook),
            str(output),
            parameters=parameters,
            cwd=str(cwd),
            kernel_name="python3",
            progress_bar=False,
            report_mode=True,
            kernel_manager_class=_quiet_kernel_manager(),
        )
    except Exception as exc:  # a failing page is reported; the others still build
        return (
            output.stem,
            _error_text(exc),
            time.perf_counter() - started,
        )
    return output.stem, None, time.perf_counter() - started


def _error_text(exc: Exception) -> str:
    """One line naming what failed: the notebook's own exception when papermill ran it."""
    ename, evalue = getattr(exc, "ename", None), getattr(exc, "evalue", None)
    text = f"{ename}: {evalue}" if ename else f"{type(exc).__name__}: {exc}"
    lines = [line for line in text.splitlines() if line.strip()]
    return (lines[0] if lines else type(exc).__name__)[:500]


def execute_pages(
    jobs: list[tuple[Path, Path, dict[str, Any]]], cwd: Path, workers: int, progress: bool = True
) -> list[PageResult]:
    """Execute notebooks in parallel processes with a progress bar."""
    results: list[PageResult] = []
    with ProcessPoolExecutor(max_workers=max(1, workers)) as pool:
        futures = [pool.submit(_execute, nb, out, params, cwd) for nb, out, params in jobs]
        for future in tqdm(
            as_completed(futures),
            total=len(futures),
            desc="pages",
            unit="page",
            disable=not progress or None,
        ):
            name, error, seconds = future.result()
            results.append(PageResult(name, error is None, seconds, error))
    return sorted(results, key=lambda r: r.name)


# ---------------------------------------------------------------------------------------------
# Rendering


def page_title(name: str, titles: Mapping[str, str] | None = None) -> str:
    """The title of a page of the site (the same under both renderers); ``titles`` holds those
    of the agency pages.

    >>> page_title("year-2021"), page_title("index")
    ('2021 年度 Year 2021', '总览 Overview')
    """
    if titles and name in titles:
        return titles[name]
    if name.startswith("year-"):
        year = name.removeprefix("year-")
        return f"{year} 年度 Year {year}"
    return next(text for _nb, page, text in PAGES if page == name)


def navigation(years: Sequence[int], pages: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """(href, text) of every page in navbar order, years as a group; only ``pages`` if given."""
    items = [("index.html", PAGES[0][2])]
    items += [(f"year-{y}.html", f"{y}") for y in years]
    items += [(f"{name}.html", text) for _nb, name, text in PAGES[1:]]
    if pages is not None:
        items = [(href, text) for href, text in items if href[: -len(".html")] in pages]
    return items


def _style() -> str:
    from importlib import resources

    return resources.files(__package__).joinpath("site.css").read_text(encoding="utf-8")


def _page(title: str, body: str, current: str, nav: Sequence[tuple[str, str]]) -> str:
    links = "".join(
        f'<a href="{href}"{" class=dm-current" if href == current else ""}>{html.escape(text)}</a>'
        for href, text in nav
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · disclosure-metrics</title>"
        f"<style>{_style()}</style>"
        f'<script src="{PLOTLY_JS}"></script></head><body class="dm-nbconvert">'
        f'<nav class="dm-nav"><span class="dm-site">disclosure-metrics</span>{links}</nav>'
        f"<main>{body}</main></body></html>\n"
    )


def render_nbconvert(
    stage: Path,
    pages: Sequence[str],
    years: Sequence[int],
    titles: Mapping[str, str] | None = None,
) -> Path:
    """The staged notebooks to HTML pages in ``stage/_site`` (no Quarto needed)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.exclude_raw = True
    exporter.anchor_link_text = ""  # no ¶ after headings
    site_dir = stage / "_site"
    nav = navigation(years, pages)
    for name in pages:
        notebook = nbformat.read(stage / f"{name}.ipynb", as_version=4)
        body, _resources = exporter.from_notebook_node(notebook)
        _write_atomic(
            site_dir / f"{name}.html", _page(page_title(name, titles), body, f"{name}.html", nav)
        )
    copy_plotly_js(site_dir)
    return site_dir


def _write_atomic(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def copy_plotly_js(folder: Path) -> Path:
    """plotly.js once for the whole site, from the installed plotly package."""
    import plotly

    source = Path(plotly.__file__).parent / "package_data" / PLOTLY_JS
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / PLOTLY_JS
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            shutil.copyfile(source, tmp)
            tmp.replace(target)
        finally:
            tmp.unlink(missing_ok=True)  # a full disk leaves nothing behind
    return target


# ---------------------------------------------------------------------------------------------
# Staging: exactly this build's pages, in a fresh folder


def _failures_html(failed: Sequence[PageResult], titles: Mapping[str, str] | None) -> str:
    items = "".join(
        f"<li><b>{html.escape(page_title(p.name, titles))}</b>: {html.escape(str(p.error))}</li>"
        for p in failed
    )
    return (
        '<div class="dm-failed-pages"><h2>未能生成的页面 Pages that could not be built</h2>'
        f"<ul>{items}</ul></div>"
    )


def _with_failures(
    nb: Any, failed: Sequence[PageResult], titles: Mapping[str, str] | None = None
) -> Any:
    """The overview notebook with the list of failed pages after its page header."""
    import nbformat

    cell = nbformat.v4.new_code_cell("# pages of this build that failed (added by the build)")
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"text/html": _failures_html(failed, titles)})
    ]
    at = next(
        (
            i + 1
            for i, c in enumerate(nb.cells)
            if c.cell_type == "code" and TITLE_CLASS in json.dumps(c.get("outputs", []))
        ),
        len(nb.cells),
    )
    nb.cells.insert(at, cell)
    return nb


def _failure_index(failed: Sequence[PageResult], titles: Mapping[str, str] | None) -> Any:
    """An overview page when the overview notebook itself failed: the failures, nothing else."""
    import nbformat

    title = html.escape(page_title("index"))
    nb = nbformat.v4.new_notebook()
    nb.cells = [nb_raw_cell(f"title: {page_title('index')}")]
    header = nbformat.v4.new_code_cell("# the overview failed (added by the build)")
    header.outputs = [
        nbformat.v4.new_output(
            "display_data", data={"text/html": f'<h1 class="{TITLE_CLASS}">{title}</h1>'}
        )
    ]
    nb.cells.append(header)
    return _with_failures(nb, failed, titles)


def stage_pages(
    executed: Path,
    stage: Path,
    results: Sequence[PageResult],
    renderer: str,
    titles: Mapping[str, str] | None = None,
) -> list[str]:
    """Copy this build's successful pages into ``stage`` for ``renderer``; their names.

    A failed page is never staged: the overview lists it with its error. For Quarto every
    notebook is converted by :func:`quarto_site.quarto_notebook`.
    """
    import nbformat

    failed = [r for r in results if not r.ok]
    order = {name: i for i, (_nb, name, _t) in enumerate(PAGES)}
    names = sorted((r.name for r in results if r.ok), key=lambda n: (order.get(n, 1), n))
    staged: list[str] = []
    for name in ["index", *[n for n in names if n != "index"]]:
        if name == "index" and "index" not in names:
            nb = _failure_index(failed, titles) if failed else None
        else:
            nb = nbformat.read(executed / f"{name}.ipynb", as_version=4)
            if name == "index" and failed:
                nb = _with_failures(nb, failed, titles)
        if nb is None:
            continue
        if renderer == "quarto":
            nb = quarto_notebook(nb, page_title(name, titles))
        nbformat.write(nb, stage / f"{name}.ipynb")
        staged.append(name)
    return staged


def stage_quarto(stage: Path, pages: Sequence[str], years: Sequence[int]) -> None:
    """The Quarto project around the staged notebooks: config, stylesheet, plotly.js."""
    (stage / "_quarto.yml").write_text(
        yaml.safe_dump(quarto_config(years, pages), allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    (stage / "site.css").write_text(_style(), encoding="utf-8")
    copy_plotly_js(stage)


# ---------------------------------------------------------------------------------------------
# Publishing: the staged site into --out, and nothing of earlier builds left behind


def _previous_files(out: Path) -> list[str]:
    """The files the previous build published, as its manifest lists them."""
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if isinstance(manifest.get("files"), list):
        return [str(f) for f in manifest["files"]]
    # Manifests written before "files" existed list the pages only.
    return [f"{p['name']}.html" for p in manifest.get("pages", []) if p.get("ok")]


def publish(site_dir: Path, out: Path, manifest: dict[str, Any] | None = None) -> list[str]:
    """Swap the rendered site into ``out`` whole (see :mod:`.atomic`): a reader sees the old
    site or the new one, never a mix. Files of ``out`` that the previous manifest does not list
    (the user's own) are kept; those it lists and this build did not write are gone. With
    ``manifest``, it is written into the new site (with its ``files``) before the swap. The
    published files, relative.
    """
    from .atomic import replace_folder, staging

    previous = set(_previous_files(out))
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    with staging(out) as new:
        for rel in files:
            target = new / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(site_dir / rel, target)
        if manifest is not None:
            manifest["files"] = files
            text = json.dumps(manifest, ensure_ascii=False, indent=1)
            (new / MANIFEST).write_text(text, encoding="utf-8")
        replace_folder(new, out, previous | set(files) | {MANIFEST})
    return files


# ---------------------------------------------------------------------------------------------
# The build


def _digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_key(
    files: Sequence[InputFile],
    years: Sequence[int] | None,
    renderer: str,
    analysis: Path,
    agency_pages: int | None = None,
    ocr: str = "auto",
    tables: Sequence[Path] = (),
) -> str:
    """Everything a build depends on: inputs (each file's hash, or why it is not read), code,
    notebooks, site config, options, and the alias and unit tables given (``tables``)."""
    from .ingest import code_version, read_input

    inputs = []
    for entry in files:
        state = entry.skip or (entry.error.code if entry.error else None)
        if state is None:
            try:
                state = hashlib.sha256(read_input(str(entry.path))).hexdigest()
            except ReportError as exc:  # listed as failed by the build itself
                state = exc.code
        inputs.append((entry.report, safe_text(str(entry.path)), state))
    notebooks = _digest([*sorted(analysis.glob("*.ipynb")), QUARTO_CONFIG])
    payload = {
        "inputs": inputs,
        "code": code_version(),
        "notebooks": notebooks,
        "years": list(years) if years is not None else None,
        "renderer": renderer,
        "agency_pages": agency_pages,
        "ocr": ocr,
        "tables": _digest(tables) if tables else None,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def _copy_tree_atomic(source: Path, target: Path) -> None:
    """Copy files one by one through temporary names: a reader never sees half a file."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.with_name(f".{dest.name}.tmp")
            shutil.copyfile(path, tmp)
            tmp.replace(dest)


def choose_renderer(renderer: str) -> tuple[str, str | None, str | None]:
    """(renderer, quarto binary, notice) for ``auto``, ``quarto`` or ``nbconvert``.

    ``auto`` takes Quarto only when ``quarto --version`` really runs, and otherwise says in one
    line why it uses nbconvert. ``quarto`` with no working binary is a :class:`SiteError` with
    exit code 2, raised before any notebook runs.
    """
    if renderer == "nbconvert":
        return renderer, None, None
    binary = quarto_binary()
    version, why = quarto_version(binary)
    if version and binary:
        return "quarto", binary, None
    if renderer == "quarto":
        raise SiteError(
            "Quarto 不可用，无法以 quarto 渲染 / Quarto is not available for --renderer quarto: "
            f"{why}. 请安装 Quarto 或设置 QUARTO_PATH，或使用 --renderer nbconvert / install "
            "Quarto or set QUARTO_PATH, or use --renderer nbconvert.",
            exit_code=2,
        )
    return (
        "nbconvert",
        None,
        f"Quarto 不可用，改用 nbconvert / Quarto not available ({why}): nbconvert renders the site",
    )


def _fresh(folder: Path) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    return folder


def build(
    data: Sequence[str | Path],
    out: str | Path = "_site",
    years: Sequence[int] | None = None,
    renderer: str = "auto",
    jobs: int | None = None,
    work: str | Path = "_build",
    progress: bool = True,
    analysis: str | Path = ANALYSIS,
    executor: str = "local",
    scheduler: str | None = None,
    agency_pages: int | None = AGENCY_PAGES,
    ocr: str = "auto",
    aliases: str | Path | None = None,
    units: str | Path | None = None,
) -> BuildResult:
    """Build the whole site from report folders; see the module docstring.

    ``executor="dask"`` (and ``scheduler``) parse the reports on a Dask cluster. ``aliases``
    and ``units``: the alias CSV (``alias,agency``) and unit tree CSV, as ``export`` reads them.
    ``agency_pages``: how many agencies get a page of their own (None: all; 0: none; N: the
    N with the most applications); every agency stays listed on the overview.

    A rebuild with nothing changed (same input files, code, notebooks and options) returns at
    once; parsed reports are cached by file hash and code version in ``work/cache``. Pages are
    executed into ``work/pages`` and rendered in a fresh ``work/stage``; the build's state is
    dropped before ``out`` is touched and recorded last, so an interrupted build is redone.
    """
    from .corpus import load

    started = time.perf_counter()
    out, work, analysis = Path(out), Path(work), Path(analysis)
    renderer, binary, notice = choose_renderer(renderer)
    notices = [notice] if notice else []
    files = find_inputs([str(d) for d in data])
    tables = [Path(t) for t in (aliases, units) if t is not None]
    key = build_key(files, years, renderer, analysis, agency_pages, ocr, tables)
    state_file = work / "build.json"
    state = _read_state(state_file)
    published = (out / MANIFEST).exists() and all((out / f).exists() for f in _previous_files(out))
    if state.get("key") == key and published:
        return BuildResult(
            out=out,
            renderer=renderer,
            years=state["years"],
            pages=[PageResult(**p) for p in state["pages"]],
            unchanged=True,
            notices=notices,
            inputs=state.get("inputs", []),
        )
    # Dropped before any work: a build that stops anywhere from here is never taken as done.
    state_file.unlink(missing_ok=True)
    corpus = load(
        list(data),
        progress=progress,
        jobs=jobs,
        cache_dir=work / "cache",
        executor=executor,
        scheduler=scheduler,
        ocr=ocr,
        aliases=aliases,
        units=units,
    )
    exports = (work / "data").resolve()
    corpus.export(exports)
    found = sorted(
        {int(y) for y in corpus.reports.loc[corpus.reports.status == "parsed", "year"].dropna()}
    )
    chosen = [y for y in found if years is None or y in years]
    if years is not None and not chosen:
        notices.append(
            f"所选年份无报告 / no report for the requested years {list(years)}"
            f" (years in the data: {found or 'none'})"
        )
    executed = _fresh((work / "pages").resolve())
    limit = -1 if agency_pages is None else agency_pages
    params = {"data_dir": str(exports), "agency_pages": limit}
    jobs_list = [
        (analysis / "year.ipynb", executed / f"year-{y}.ipynb", {**params, "year": y})
        for y in chosen
    ]
    jobs_list += [(analysis / nb, executed / f"{name}.ipynb", params) for nb, name, _t in PAGES]
    agencies = dashboard.agency_pages(corpus, limit)
    titles = {
        Path(page).stem: dashboard.agency_title(corpus, key) for key, page in agencies.items()
    }
    jobs_list += [
        (
            analysis / "agency.ipynb",
            executed / page.replace(".html", ".ipynb"),
            {**params, "agency": key},
        )
        for key, page in agencies.items()
    ]
    results = execute_pages(jobs_list, executed, jobs or os.cpu_count() or 1, progress)
    built_years = [y for y in chosen if any(r.ok and r.name == f"year-{y}" for r in results)]
    stage = _fresh((work / "stage").resolve())
    pages = stage_pages(executed, stage, results, renderer, titles)
    if renderer == "quarto" and binary:
        stage_quarto(stage, pages, built_years)
        site_dir = render_quarto(stage, binary)
    else:
        site_dir = render_nbconvert(stage, pages, built_years, titles)
    _copy_tree_atomic(exports, site_dir / "data")
    statuses = [str(s) for s in corpus.reports.status]
    result = BuildResult(
        out=out,
        renderer=renderer,
        years=built_years,
        pages=results,
        notices=notices,
        inputs=statuses,
    )
    manifest = {
        "key": key,
        "renderer": renderer,
        "years": built_years,
        "seconds": round(time.perf_counter() - started, 3),
        "inputs": [
            {k: _plain_json(v) for k, v in row.items()}
            for row in corpus.reports[
                ["report", "path", "sha256", "status", "error", "note", "seconds"]
            ].to_dict("records")
        ],
        "pages": [asdict(p) for p in results],
    }
    publish(site_dir, out, manifest)
    state = {"key": key, "years": built_years, "pages": manifest["pages"], "inputs": statuses}
    _write_atomic(state_file, json.dumps(state))
    return result


def _read_state(state_file: Path) -> dict[str, Any]:
    """The last build's state; a damaged one counts as none (the build is redone)."""
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _plain_json(value: Any) -> Any:
    """pandas' missing values and numpy scalars as plain JSON values."""
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value
