"""Notebooks, papermill, the built site and its pages in headless Chromium."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import papermill
import pytest
import yaml

import disclosure_metrics as dm
from disclosure_metrics import atomic as site_atomic
from disclosure_metrics import dashboard, quarto_site, site

from .conftest import ROOT, SAMPLE, corpus_or_skip, is_loopback, offline_browser

ANALYSIS = ROOT / "analysis"
FIGURES_PER_YEAR_PAGE = 4  # channels, flow, mix, disputes


@pytest.fixture(scope="module")
def exports(example_dir: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    dm.load([SAMPLE.parent, example_dir], progress=False).export(out)
    return out


@pytest.fixture(scope="module")
def built(example_dir: Path, tmp_path_factory) -> site.BuildResult:
    base = tmp_path_factory.mktemp("build")
    return site.build(
        [SAMPLE.parent, example_dir],
        out=base / "_site",
        work=base / "_build",
        renderer="nbconvert",
        jobs=2,
        progress=False,
    )


def test_year_notebook_has_one_typed_parameters_cell() -> None:
    nb = nbformat.read(ANALYSIS / "year.ipynb", as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    params = papermill.inspect_notebook(str(ANALYSIS / "year.ipynb"))
    assert set(params) == {"year", "data_dir", "agency_pages"}
    assert params["year"]["inferred_type_name"] == "int" and params["year"]["default"] == "2020"
    assert params["data_dir"]["inferred_type_name"] == "str"
    for line in tagged[0].source.splitlines():  # plain comments, never an assignment in them
        assert not (line.startswith("#") and "=" in line)


def test_notebook_cells_stay_thin() -> None:
    for path in ANALYSIS.glob("*.ipynb"):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                assert len(cell.source.splitlines()) <= 12, (path.name, cell.source)


def _outputs(path: Path) -> list[dict]:
    return [o for c in nbformat.read(path, as_version=4).cells for o in c.get("outputs", [])]


def test_papermill_two_years_without_errors_and_with_html_figures(
    exports: Path, tmp_path: Path
) -> None:
    for year in (2020, 2021):
        out = tmp_path / f"year-{year}.ipynb"
        papermill.execute_notebook(
            str(ANALYSIS / "year.ipynb"),
            str(out),
            parameters={"year": year, "data_dir": str(exports)},
            cwd=str(ANALYSIS),
            progress_bar=False,
        )
        outputs = _outputs(out)
        assert not [o for o in outputs if o.get("output_type") == "error"]
        figures = [o for o in outputs if "application/vnd.plotly.v1+json" in o.get("data", {})]
        assert len(figures) == FIGURES_PER_YEAR_PAGE
        assert all(
            "text/html" in o["data"] and "Plotly.newPlot" in o["data"]["text/html"] for o in figures
        )


def test_explore_notebook_runs_top_to_bottom(tmp_path: Path) -> None:
    out = tmp_path / "explore.ipynb"
    papermill.execute_notebook(
        str(ANALYSIS / "explore.ipynb"), str(out), cwd=str(ANALYSIS), progress_bar=False
    )
    assert not [o for o in _outputs(out) if o.get("output_type") == "error"]


def test_site_has_every_page_linked_from_the_index(built: site.BuildResult) -> None:
    assert not built.failed, built.failed
    assert set(built.years) >= set(range(2019, 2026))
    index = (built.out / "index.html").read_text(encoding="utf-8")
    for href, _text in site.navigation(built.years):
        assert f'href="{href}"' in index
        assert (built.out / href).exists()
    assert (built.out / "data" / "disclosure_metrics.xlsx").exists()
    assert "示例数据" in index  # generated data is marked as such on every page


def test_plotly_js_once_and_no_external_scripts_or_styles(built: site.BuildResult) -> None:
    pages = sorted(built.out.glob("*.html"))
    assert (built.out / site.PLOTLY_JS).exists()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        external = re.findall(r"<(?:script|link)[^>]+(?:src|href)=[\"']?(?:https?:)?//", text)
        assert not external, (page.name, external)
        assert text.count("plotly.js v") == 0  # the library itself is never inlined in a page


#: Viewport widths a page is laid out at: a laptop's, and a narrow window's.
LAYOUT_WIDTHS = (1366, 800)
# What the page is wider than the window by, every chart's drawing against its box's width, and
# the charts whose legend covers one of their axis labels.
_LAYOUT = """() => {
  const meets = (a, b) =>
    a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const plots = [...document.querySelectorAll('.js-plotly-plot')];
  return {
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    charts: plots.map(plot => [
      Math.round(plot.querySelector('.main-svg').getBoundingClientRect().width),
      Math.round(plot.parentElement.getBoundingClientRect().width)]),
    covered: plots.filter(plot => {
      const legend = plot.querySelector('.legend .bg');
      if (!legend) return false;
      const box = legend.getBoundingClientRect();
      return [...plot.querySelectorAll('.xtick text, .ytick text')]
        .some(t => meets(box, t.getBoundingClientRect()));
    }).map(plot => plot.querySelector('.gtitle')?.textContent || '(untitled)'),
  };
}"""


def _open(context, url: str) -> tuple[int, list[str]]:
    """(charts drawn, problems) of one page. Problems: console errors, requests that left the
    machine, and at each of ``LAYOUT_WIDTHS`` a page wider than the window, a chart narrower
    than its box (a layout that widened after the charts were drawn), or a legend over labels."""
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("request", lambda r: not is_loopback(r.url) and problems.append(r.url))
    page.set_viewport_size({"width": LAYOUT_WIDTHS[0], "height": 768})
    page.goto(url, wait_until="load")
    if page.locator(".js-plotly-plot").count():
        page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length > 0")
    charts = page.locator(".js-plotly-plot:has(.main-svg)").count()
    for width in LAYOUT_WIDTHS:
        page.set_viewport_size({"width": width, "height": 768})
        page.wait_for_timeout(300)  # plotly redraws on the window's resize event
        layout = page.evaluate(_LAYOUT)
        if layout["overflow"] > 0:
            problems.append(f"at {width} px the page is {layout['overflow']} px wider than it")
        narrow = [c for c in layout["charts"] if c[0] < c[1] - 2]
        if narrow:
            problems.append(f"at {width} px charts narrower than their boxes: {narrow}")
        if layout["covered"]:
            problems.append(f"at {width} px a legend covers axis labels: {layout['covered']}")
    page.close()
    return charts, problems


def test_pages_in_headless_chromium(built: site.BuildResult) -> None:
    """Year pages, agency pages and the attention list draw their charts offline, cleanly."""
    agency_pages = sorted(built.out.glob("agency-*.html"))
    assert agency_pages
    with offline_browser() as context:
        for year in built.years:
            charts, problems = _open(context, (built.out / f"year-{year}.html").as_uri())
            # The first year has nothing to compare with: no channel or mix comparison.
            expected = FIGURES_PER_YEAR_PAGE if year - 1 in built.years else 2
            assert charts == expected, (year, charts)
            assert not problems, (year, problems)
        for page in agency_pages:
            charts, problems = _open(context, page.as_uri())
            assert charts == 1 and not problems, (page.name, charts, problems)
        charts, problems = _open(context, (built.out / "attention.html").as_uri())
        assert not problems


def test_every_agency_has_a_page_named_after_it(built: site.BuildResult) -> None:
    corpus = dm.open_exports(built.out / "data")
    pages = dashboard.agency_pages(corpus)
    assert len(pages) == corpus.reports.agency_key.nunique()
    index = (built.out / "index.html").read_text(encoding="utf-8")
    for key, page in pages.items():
        text = (built.out / page).read_text(encoding="utf-8")
        name = corpus.reports.loc[corpus.reports.agency_key == key, "agency"].iloc[0]
        assert name in re.search(r"<title>(.*?)</title>", text).group(1)
        assert f'href="{page}"' in index  # linked from the overview's agency table


def test_the_attention_list_links_each_planted_error_to_its_evidence(
    built: site.BuildResult,
) -> None:
    text = (built.out / "attention.html").read_text(encoding="utf-8")
    for rule in ("T3-I2", "T4-I1", "TXT-1", "STR-1", "FEE-1", "T3-X1"):
        assert rule in text, rule
    links = re.findall(r'href="(agency-[0-9a-f]+\.html)#(\w+)"', text)
    assert {anchor for _p, anchor in links} >= {"checks", "text"}
    for page, anchor in set(links):
        assert f'id="{anchor}"' in (built.out / page).read_text(encoding="utf-8"), (page, anchor)


def test_no_page_shows_na_nan_or_none(built: site.BuildResult) -> None:
    for page in built.out.glob("*.html"):
        text = re.sub(
            r"<[^>]+>", " ", re.sub(r"<script.*?</script>", "", page.read_text("utf-8"), flags=re.S)
        )
        found = re.search(r"&lt;NA&gt;|\bnan\b|\bNaN\b|\bNone\b", text)
        assert not found, (page.name, text[max(found.start() - 40, 0) : found.end() + 10])


def test_what_is_handed_to_quarto(built: site.BuildResult, tmp_path: Path) -> None:
    """The staged Quarto project: only the pages asked for and built, nothing that loads a CDN,
    plotly.js and the stylesheet for every page, a failed page listed on the overview only."""
    executed = built.out.parent / "_build" / "pages"
    wanted = {"index", "quality", "methods", "data", "year-2020", "year-2021"}
    results = [p for p in built.pages if p.name in wanted]
    results.append(site.PageResult("year-2022", False, 1.0, "ValueError: boom <b>"))
    stage = tmp_path / "stage"
    stage.mkdir()
    names = site.stage_pages(executed, stage, results, "quarto")
    site.stage_quarto(stage, names, [2020, 2021])
    assert {p.stem for p in stage.glob("*.ipynb")} == wanted == set(names)
    for name in names:
        nb = nbformat.read(stage / f"{name}.ipynb", as_version=4)
        assert not quarto_site.output_mimetypes(nb) & quarto_site.CDN_TRIGGERING_MIMETYPES, name
        front = [c for c in nb.cells if c.cell_type == "raw"]
        assert len(front) == 1 and "format" not in front[0].source, name
        markdown = [o.data["text/markdown"] for c in nb.cells for o in c.get("outputs", [])]
        figures = [m for m in markdown if "Plotly.newPlot" in m]
        if name.startswith("year-"):
            assert len(figures) == FIGURES_PER_YEAR_PAGE, name
        assert all(m.startswith("```{=html}") for m in figures)
    index = (stage / "index.ipynb").read_text(encoding="utf-8")
    assert "2022 年度 Year 2022" in index and "ValueError: boom &lt;b&gt;" in index
    config = yaml.safe_load((stage / "_quarto.yml").read_text(encoding="utf-8"))
    assert config["project"]["render"] == [f"{n}.ipynb" for n in names]
    assert config["format"]["html"]["css"] == "site.css"
    assert (stage / "site.css").read_text(encoding="utf-8").strip()
    assert (stage / site.PLOTLY_JS).stat().st_size > 1_000_000


def test_quarto_config_lists_the_built_years() -> None:
    config = site.quarto_config([2020, 2021], ["index", "year-2020", "year-2021"])
    menu = next(i for i in config["website"]["navbar"]["left"] if i.get("text") == site.YEARS_TEXT)
    assert menu["menu"] == [
        {"text": "2020", "href": "year-2020.ipynb"},
        {"text": "2021", "href": "year-2021.ipynb"},
    ]
    assert config["execute"]["enabled"] is False


def test_a_build_publishes_exactly_its_years_and_removes_only_its_own_old_files(
    example_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "_site"
    kwargs = {"out": out, "work": tmp_path / "_build", "renderer": "nbconvert", "progress": False}
    site.build([example_dir], years=[2020, 2021], jobs=2, **kwargs)
    assert {p.name for p in out.glob("year-*.html")} == {"year-2020.html", "year-2021.html"}
    (out / "notes.txt").write_text("the user's own file", encoding="utf-8")
    second = site.build([example_dir], years=[2021], jobs=2, **kwargs)
    assert second.years == [2021]
    assert {p.name for p in out.glob("year-*.html")} == {"year-2021.html"}
    assert (out / "notes.txt").exists()  # never listed by a manifest: never removed
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "year-2021.html" in manifest["files"] and "year-2020.html" not in manifest["files"]
    assert all((out / f).is_file() for f in manifest["files"])
    assert 'href="year-2020.html"' not in (out / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def quarto_built(example_dir: Path, tmp_path_factory) -> site.BuildResult:
    version, why = quarto_site.quarto_version()
    if version is None:
        pytest.skip(f"no working Quarto CLI here ({why}); it is not in the package registries")
    base = tmp_path_factory.mktemp("quarto")
    return site.build(
        [SAMPLE.parent, example_dir],
        out=base / "_site",
        work=base / "_build",
        years=[2020, 2021, 2022],
        renderer="quarto",
        jobs=2,
        progress=False,
    )


def test_quarto_site_in_headless_chromium(
    quarto_built: site.BuildResult, built: site.BuildResult
) -> None:
    """Real Quarto: served on loopback, every page has the nbconvert page's charts, no script
    error, no request leaving 127.0.0.1, only the requested years, its own title, zh-CN."""
    from disclosure_metrics.serve import site_server

    out = quarto_built.out
    assert not quarto_built.failed and quarto_built.renderer == "quarto"
    assert {p.name for p in out.glob("year-*.html")} == {
        f"year-{y}.html" for y in (2020, 2021, 2022)
    }
    pages = sorted(p.name for p in out.glob("*.html"))
    titles = set()
    for name in pages:
        text = (out / name).read_text(encoding="utf-8")
        external = re.findall(r"<(?:script|link|img)[^>]+(?:src|href)=[\"']?(?:https?:)?//", text)
        assert not external, (name, external)
        assert 'lang="zh-CN"' in text, name
        titles.add(re.search(r"<title>(.*?)</title>", text, re.S).group(1))
    assert len(titles) == len(pages)
    search = json.loads((out / "search.json").read_text(encoding="utf-8"))
    assert {"year-2020.html", "year-2021.html"} <= {e["href"].split("#")[0] for e in search}
    server = site_server(out, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with offline_browser(loopback=True) as context:
            for name in pages:
                charts, problems = _open(
                    context, f"http://127.0.0.1:{server.server_address[1]}/{name}"
                )
                expected, _ = _open(context, (built.out / name).as_uri())
                assert charts == expected, (name, charts, expected)
                assert not problems, (name, problems)
    finally:
        server.shutdown()
        server.server_close()


def test_a_failing_year_is_reported_and_the_others_build(tmp_path: Path) -> None:
    analysis = tmp_path / "analysis"
    shutil.copytree(ANALYSIS, analysis)
    nb = nbformat.read(analysis / "year.ipynb", as_version=4)
    nb.cells.insert(2, nbformat.v4.new_code_cell('assert year != 2020, "deliberate failure"'))
    nbformat.write(nb, analysis / "year.ipynb")
    result = site.build(
        [SAMPLE.parent],
        out=tmp_path / "_site",
        work=tmp_path / "_build",
        renderer="nbconvert",
        jobs=2,
        progress=False,
        analysis=analysis,
    )
    assert [p.name for p in result.failed] == ["year-2020"]
    assert result.failed[0].error == "AssertionError: deliberate failure"
    assert (tmp_path / "_site" / "index.html").exists() and not (
        tmp_path / "_site" / "year-2020.html"
    ).exists()
    index = (tmp_path / "_site" / "index.html").read_text(encoding="utf-8")
    assert "AssertionError: deliberate failure" in index  # listed on the overview
    assert 'href="year-2020.html"' not in index


def test_build_the_real_corpus(tmp_path: Path) -> None:
    corpus = corpus_or_skip()
    command = [
        sys.executable,
        "-m",
        "disclosure_metrics",
        "build",
        "--data",
        str(corpus / "reports"),
    ]
    command += ["--out", str(tmp_path / "_site"), "--renderer", "nbconvert"]
    result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    # No kernel noise in the build's output.
    assert "without encryption" not in result.stderr
    assert "KeyboardInterrupt" not in result.stdout + result.stderr
    for year in (2019, 2020, 2021, 2022, 2023, 2025):
        assert (tmp_path / "_site" / f"year-{year}.html").exists()
    index = (tmp_path / "_site" / "index.html").read_text(encoding="utf-8")
    assert "平潭综合实验区" in (tmp_path / "_site" / "year-2021.html").read_text(encoding="utf-8")
    assert "平潭综合实验区" in index


def test_manifest_lists_every_input_and_rebuild_is_skipped(tmp_path: Path) -> None:
    """Through the command: every input listed (site, manifest, Data page), failures said,
    exit 1; a rebuild with nothing changed says so without old page times."""
    from .test_cli import run, summary

    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE, reports / "a.txt")
    (reports / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    (reports / "notes.csv").write_text("unit,parent\n", encoding="utf-8")
    out = tmp_path / "_site"
    args = ["build", "--data", reports, "--out", out, "--renderer", "nbconvert", "--jobs", "2"]
    code, stdout, err = run(*args)
    assert code == 1 and summary(err) == (1, 1, 1, 0)
    assert "✗ broken.pdf: " in err and "- notes.csv: 跳过 skipped" in err
    assert re.search(r"^✓ index \(\d+\.\d s\)$", stdout, re.M)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    statuses = {i["report"]: i["status"] for i in manifest["inputs"]}
    assert statuses == {"a.txt": "parsed", "broken.pdf": "failed", "notes.csv": "skipped"}
    assert all(i["sha256"] and i["seconds"] is not None for i in manifest["inputs"][:2])
    assert {p["name"] for p in manifest["pages"]} >= {"index", "year-2020"}
    data_page = (out / "data.html").read_text(encoding="utf-8")
    assert "notes.csv" in data_page and "broken.pdf" in data_page
    code, stdout, err = run(*args)
    assert code == 1 and summary(err) == (1, 1, 1, 0)
    assert "nothing changed since the last build" in stdout
    assert not re.search(r"^✓ ", stdout, re.M)  # no page times of a run that did not happen


def test_a_failed_render_leaves_the_previous_site_whole(tmp_path: Path, monkeypatch) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE, reports / "a.txt")
    out, work = tmp_path / "_site", tmp_path / "_build"
    kwargs = {"out": out, "work": work, "renderer": "nbconvert", "jobs": 2, "progress": False}
    site.build([reports], **kwargs)
    (out / "notes.txt").write_text("the user's own", encoding="utf-8")
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    (reports / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8") + "\n附件：无\n", "utf-8")
    real_replace = site_atomic.replace_folder

    def dies_while_swapping(new, target, owned):  # type: ignore[no-untyped-def]
        (new / "index.html").write_text("half", encoding="utf-8")
        raise KeyboardInterrupt  # SIGINT at the worst moment

    monkeypatch.setattr(site_atomic, "replace_folder", dies_while_swapping)
    with pytest.raises(KeyboardInterrupt):
        site.build([reports], **kwargs)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before  # the old site, whole
    assert not (work / "build.json").exists()  # never taken as done
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_build", "_site", "reports"]
    monkeypatch.setattr(site_atomic, "replace_folder", real_replace)
    again = site.build([reports], **kwargs)
    assert not again.unchanged
    assert (out / "notes.txt").read_text(encoding="utf-8") == "the user's own"


def test_interrupted_build_keeps_the_previous_site_and_a_rerun_completes(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    shutil.copy(SAMPLE, reports / "a.txt")
    out, work = tmp_path / "_site", tmp_path / "_build"
    command = [sys.executable, "-m", "disclosure_metrics", "build", "--data", str(reports)]
    command += ["--out", str(out), "--renderer", "nbconvert", "--jobs", "2"]
    subprocess.run(command, cwd=tmp_path, check=True, capture_output=True, timeout=600)
    before = {p.name: p.read_bytes() for p in out.glob("*.html")}
    # A change of input forces a rebuild; kill it while its notebooks run.
    (reports / "a.txt").write_text(
        SAMPLE.read_text(encoding="utf-8") + "\n附件：无\n", encoding="utf-8"
    )
    proc = subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 120
    while time.time() < deadline and not list((work / "pages").glob("*.ipynb")):
        time.sleep(0.2)
    time.sleep(1.0)
    proc.kill()
    proc.wait()
    after = {p.name: p.read_bytes() for p in out.glob("*.html")}
    assert after == before  # killed before the swap: the old site, whole
    rerun = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert "nothing changed" not in rerun.stdout
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"][0]["status"] == "parsed"
    assert before.keys() <= {p.name for p in out.glob("*.html")}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("._site.")]  # no leftovers


def test_copying_plotly_js_onto_a_full_disk_leaves_nothing_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    def full(source, target):  # type: ignore[no-untyped-def]
        Path(target).write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(site.shutil, "copyfile", full)
    with pytest.raises(OSError):
        site.copy_plotly_js(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_the_alias_and_unit_tables_are_part_of_what_a_build_depends_on(tmp_path: Path) -> None:
    from disclosure_metrics.inputs import find_inputs

    files = find_inputs([str(SAMPLE)])
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("alias,agency\n惠安堡镇人民政府,盐池县惠安堡镇人民政府\n", encoding="utf-8")
    plain = site.build_key(files, None, "nbconvert", site.ANALYSIS)
    with_aliases = site.build_key(files, None, "nbconvert", site.ANALYSIS, tables=[aliases])
    aliases.write_text("alias,agency\n", encoding="utf-8")
    changed = site.build_key(files, None, "nbconvert", site.ANALYSIS, tables=[aliases])
    assert len({plain, with_aliases, changed}) == 3  # a changed table builds again
