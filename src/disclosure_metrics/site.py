"""Building the site: load → check → indicators → exports → papermill per year → render.

The notebooks in ``analysis/`` are executed by papermill (in parallel, one process per page);
the executed notebooks are then rendered by Quarto when its binary is installed, or by nbconvert
otherwise. Both give the same pages and navigation; plotly.js is written once, next to the pages,
and loaded from there (no CDN), so the site works offline and from ``file://``.

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
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml
from tqdm import tqdm

ROOT = Path(__file__).resolve().parents[2]
ANALYSIS = ROOT / "analysis"
QUARTO_CONFIG = ROOT / "_quarto.yml"
PLOTLY_JS = "plotly.min.js"
# Pages besides the years: (notebook, output name, navbar text).
PAGES = (
    ("overview.ipynb", "index", "总览 Overview"),
    ("quality.ipynb", "quality", "数据质量 Quality"),
    ("methods.ipynb", "methods", "方法 Methods"),
    ("data.ipynb", "data", "数据 Data"),
)
YEARS_TEXT = "年度 Years"


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

    @property
    def failed(self) -> list[PageResult]:
        return [p for p in self.pages if not p.ok]


def parse_years(text: str | None) -> list[int] | None:
    """``"2019-2025"`` or ``"2020,2022"`` to years; None means every year in the data.

    >>> parse_years("2019-2021"), parse_years("2020,2023"), parse_years(None)
    ([2019, 2020, 2021], [2020, 2023], None)
    """
    if not text:
        return None
    years: list[int] = []
    for part in text.split(","):
        if "-" in part:
            start, end = part.split("-", 1)
            years.extend(range(int(start), int(end) + 1))
        else:
            years.append(int(part))
    return sorted(set(years))


def quarto_binary() -> str | None:
    """The Quarto CLI as the quarto package finds it (``QUARTO_PATH``, else the PATH)."""
    import quarto

    return quarto.path()


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


def navigation(years: Sequence[int]) -> list[tuple[str, str]]:
    """(href, text) of every page in navbar order; years as a group."""
    items = [("index.html", PAGES[0][2])]
    items += [(f"year-{y}.html", f"{y}") for y in years]
    items += [(f"{name}.html", text) for _nb, name, text in PAGES[1:]]
    return items


def quarto_config(years: Sequence[int]) -> dict[str, Any]:
    """The project's ``_quarto.yml`` with the navbar's years menu filled in."""
    config = yaml.safe_load(QUARTO_CONFIG.read_text(encoding="utf-8"))
    for item in config["website"]["navbar"]["left"]:
        if item.get("text") == YEARS_TEXT:
            item["menu"] = [{"text": str(y), "href": f"year-{y}.ipynb"} for y in years]
    return config


def render_quarto(executed: Path, out: Path, years: Sequence[int]) -> None:
    binary = quarto_binary()
    if binary is None:
        raise RuntimeError(
            "quarto 未安装 / the quarto binary is not installed; use --renderer nbconvert"
        )
    (executed / "_quarto.yml").write_text(
        yaml.safe_dump(quarto_config(years), allow_unicode=True), encoding="utf-8"
    )
    subprocess.run(
        [binary, "render", str(executed), "--output-dir", str(out.resolve())], check=True
    )


def _style() -> str:
    from importlib import resources

    return resources.files(__package__).joinpath("site.css").read_text(encoding="utf-8")


def _page(title: str, body: str, current: str, years: Sequence[int]) -> str:
    links = "".join(
        f'<a href="{href}"{" class=dm-current" if href == current else ""}>{html.escape(text)}</a>'
        for href, text in navigation(years)
    )
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)} · disclosure-metrics</title>"
        f"<style>{_style()}</style>"
        f'<script src="{PLOTLY_JS}"></script></head><body>'
        f'<nav class="dm-nav"><span class="dm-site">disclosure-metrics</span>{links}</nav>'
        f"<main>{body}</main></body></html>\n"
    )


def render_nbconvert(
    executed: Path, out: Path, pages: Sequence[tuple[str, str]], years: Sequence[int]
) -> None:
    """Executed notebooks to HTML pages with the site's navigation (no Quarto needed)."""
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="basic")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.exclude_raw = True
    exporter.anchor_link_text = ""  # no ¶ after headings
    for name, title in pages:
        source = executed / f"{name}.ipynb"
        if not source.exists():
            continue
        body, _resources = exporter.from_notebook_node(nbformat.read(source, as_version=4))
        page = _page(title, body, f"{name}.html", years)
        _write_atomic(out / f"{name}.html", page)


def _write_atomic(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)


def copy_plotly_js(out: Path) -> Path:
    """plotly.js once for the whole site, from the installed plotly package."""
    import plotly

    source = Path(plotly.__file__).parent / "package_data" / PLOTLY_JS
    target = out / PLOTLY_JS
    if not target.exists() or target.stat().st_size != source.stat().st_size:
        tmp = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(source, tmp)
        tmp.replace(target)
    return target


# ---------------------------------------------------------------------------------------------
# The build


def _digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build_key(
    files: Sequence[Path], years: Sequence[int] | None, renderer: str, analysis: Path
) -> str:
    """Everything a build depends on: inputs, code, notebooks, site config, options."""
    from .ingest import code_version

    inputs = [(str(f), hashlib.sha256(f.read_bytes()).hexdigest()) for f in files]
    notebooks = _digest([*sorted(analysis.glob("*.ipynb")), QUARTO_CONFIG])
    payload = {
        "inputs": inputs,
        "code": code_version(),
        "notebooks": notebooks,
        "years": list(years) if years is not None else None,
        "renderer": renderer,
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
) -> BuildResult:
    """Build the whole site from report folders; see the module docstring.

    ``executor="dask"`` (and ``scheduler``) parse the reports on a Dask cluster.

    A rebuild with nothing changed (same input files, code, notebooks and options) returns at
    once; parsed reports are cached by file hash and code version in ``work/cache``. Pages and
    data are written through temporary files, and the build's state is recorded last, so an
    interrupted build leaves the previous site readable and the next run completes it.
    """
    from .corpus import load
    from .readers import expand_inputs

    started = time.perf_counter()
    out, work, analysis = Path(out), Path(work), Path(analysis)
    if renderer == "auto":
        renderer = "quarto" if quarto_binary() else "nbconvert"
    if renderer == "quarto" and quarto_binary() is None:
        raise RuntimeError(
            "quarto 未安装 / the quarto binary is not installed; use --renderer nbconvert"
        )
    files = [p for p, skip in expand_inputs([str(d) for d in data]) if skip is None]
    key = build_key(files, years, renderer, analysis)
    state_file = work / "build.json"
    if state_file.exists() and (out / "index.html").exists():
        state = json.loads(state_file.read_text(encoding="utf-8"))
        if state.get("key") == key and all(
            (out / f"{p['name']}.html").exists() for p in state["pages"] if p["ok"]
        ):
            pages = [PageResult(**p) for p in state["pages"]]
            return BuildResult(
                out=out, renderer=renderer, years=state["years"], pages=pages, unchanged=True
            )
    corpus = load(
        list(data),
        progress=progress,
        jobs=jobs,
        cache_dir=work / "cache",
        executor=executor,
        scheduler=scheduler,
    )
    exports = (work / "data").resolve()
    corpus.export(exports)
    found = sorted(
        {int(y) for y in corpus.reports.loc[corpus.reports.status == "parsed", "year"].dropna()}
    )
    chosen = [y for y in found if years is None or y in years]
    executed = (work / "pages").resolve()
    executed.mkdir(parents=True, exist_ok=True)
    params = {"data_dir": str(exports)}
    jobs_list = [
        (analysis / "year.ipynb", executed / f"year-{y}.ipynb", {**params, "year": y})
        for y in chosen
    ]
    jobs_list += [(analysis / nb, executed / f"{name}.ipynb", params) for nb, name, _t in PAGES]
    results = execute_pages(jobs_list, executed, jobs or os.cpu_count() or 1, progress)
    out.mkdir(parents=True, exist_ok=True)
    built_years = [y for y in chosen if any(r.ok and r.name == f"year-{y}" for r in results)]
    if renderer == "quarto":
        copy_plotly_js(executed)
        _copy_tree_atomic(exports, executed / "data")
        render_quarto(executed, out, built_years)
    else:
        pages = [(name, text) for _nb, name, text in PAGES]
        pages += [(f"year-{y}", f"{y} 年度 Year {y}") for y in built_years]
        ok = {r.name for r in results if r.ok}
        render_nbconvert(executed, out, [p for p in pages if p[0] in ok], built_years)
        copy_plotly_js(out)
        _copy_tree_atomic(exports, out / "data")
    result = BuildResult(out=out, renderer=renderer, years=built_years, pages=results)
    manifest = {
        "key": key,
        "renderer": renderer,
        "years": built_years,
        "seconds": round(time.perf_counter() - started, 3),
        "inputs": [
            {k: _plain_json(v) for k, v in row.items()}
            for row in corpus.reports[["path", "sha256", "status", "error", "seconds"]].to_dict(
                "records"
            )
        ],
        "pages": [asdict(p) for p in results],
    }
    _write_atomic(out / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    _write_atomic(
        state_file, json.dumps({"key": key, "years": built_years, "pages": manifest["pages"]})
    )
    return result


def _plain_json(value: Any) -> Any:
    """pandas' missing values and numpy scalars as plain JSON values."""
    import pandas as pd

    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value
