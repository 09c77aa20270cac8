"""What the build hands to Quarto, and how a missing or failing Quarto is reported.

These run without the Quarto binary: they pin Quarto 1.7's behaviour as its source shows it
(``src/core/jupyter/widgets.ts``: a display output with ``text/html`` or
``application/javascript`` adds require.js and jQuery from a CDN).
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
import yaml

from disclosure_metrics import quarto_site as qs
from disclosure_metrics.dashboard import TITLE_CLASS


def _notebook(*outputs: dict) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    front = nbformat.v4.new_raw_cell('---\ntitle: "年度仪表板"\nformat: dashboard\n---')
    cell = nbformat.v4.new_code_cell("db.page()")
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    nb.cells = [front, cell]
    return nb


def _display(data: dict) -> dict:
    return {"output_type": "display_data", "metadata": {}, "data": data}


def test_html_outputs_become_raw_markdown_blocks_and_nothing_triggers_the_cdn() -> None:
    figure = '<div id="f1"></div><script>Plotly.newPlot("f1", [])</script>'
    nb = _notebook(
        _display({"text/html": figure, "application/vnd.plotly.v1+json": {"data": []}}),
        _display({"application/javascript": "alert(1)"}),
        {"output_type": "execute_result", "execution_count": 1, "metadata": {},
         "data": {"text/html": "<table></table>", "text/plain": "df"}},
        {"output_type": "stream", "name": "stderr", "text": "DeprecationWarning"},
        {"output_type": "stream", "name": "stdout", "text": "printed"},
    )  # fmt: skip
    staged = qs.quarto_notebook(nb, "2021 年度 Year 2021")
    assert qs.output_mimetypes(nb) & qs.CDN_TRIGGERING_MIMETYPES  # the input would trigger it
    assert not qs.output_mimetypes(staged) & qs.CDN_TRIGGERING_MIMETYPES
    outputs = staged.cells[1].outputs
    assert outputs[0].data == {"text/markdown": f"```{{=html}}\n{figure}\n```"}
    assert outputs[1].data == {"text/markdown": "```{=html}\n<table></table>\n```"}
    assert [o.get("name") for o in outputs[2:]] == ["stdout"]  # warnings are not for readers
    assert len(outputs) == 3
    nbformat.validate(staged)


def test_front_matter_sets_only_the_page_title() -> None:
    staged = qs.quarto_notebook(_notebook(), "2021 年度 Year 2021")
    raw = [c for c in staged.cells if c.cell_type == "raw"]
    assert len(raw) == 1
    front = yaml.safe_load(raw[0].source.strip().strip("-"))
    assert front == {"title": "2021 年度 Year 2021"}  # no format: every page gets the site's


def test_the_notebook_title_is_left_to_quarto_and_the_rest_kept() -> None:
    header = f'<h1 class="{TITLE_CLASS}">2021 年度</h1><div class="dm-banner">示例</div>'
    staged = qs.quarto_notebook(_notebook(_display({"text/html": header})), "t")
    markdown = staged.cells[1].outputs[0].data["text/markdown"]
    assert TITLE_CLASS not in markdown and '<div class="dm-banner">示例</div>' in markdown
    only_title = qs.quarto_notebook(
        _notebook(_display({"text/html": f'<h1 class="{TITLE_CLASS}">x</h1>'})), "t"
    )
    assert only_title.cells[1].outputs == []


def test_raw_block_fence_is_longer_than_any_backticks_inside() -> None:
    html = "<pre>```` code ````</pre>"
    block = qs._raw_html_block(html)
    assert block.startswith("`````{=html}\n") and block.endswith("\n`````")


def test_config_renders_and_links_exactly_the_staged_pages() -> None:
    config = qs.quarto_config([2020, 2022], ["index", "year-2020", "year-2022", "quality"])
    assert config["project"]["render"] == [
        "index.ipynb",
        "year-2020.ipynb",
        "year-2022.ipynb",
        "quality.ipynb",
    ]
    navbar = config["website"]["navbar"]["left"]
    assert [i.get("href") for i in navbar] == ["index.ipynb", None, "quality.ipynb"]
    assert navbar[1]["menu"] == [
        {"text": "2020", "href": "year-2020.ipynb"},
        {"text": "2022", "href": "year-2022.ipynb"},
    ]
    html = config["format"]["html"]
    assert config["lang"] == "zh-CN" and config["execute"]["enabled"] is False
    assert html["css"] == "site.css" and html["echo"] is False
    assert any(
        '<script src="plotly.min.js"></script>' in i["text"] for i in html["include-in-header"]
    )
    assert "plotly.min.js" in config["project"]["resources"]
    # No years built: no empty Years menu.
    assert [
        i.get("href") for i in qs.quarto_config([], ["index"])["website"]["navbar"]["left"]
    ] == ["index.ipynb"]


def _script(tmp_path: Path, body: str) -> str:
    path = tmp_path / "quarto"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


def test_quarto_version_needs_a_binary_that_runs(tmp_path: Path) -> None:
    assert qs.quarto_version(str(tmp_path / "missing"))[0] is None
    broken = _script(tmp_path, 'echo "error: no deno" >&2; exit 3')
    version, why = qs.quarto_version(broken)
    assert version is None and "no deno" in why
    assert qs.quarto_version(_script(tmp_path, "echo 1.7.34"))[0] == "1.7.34"


def test_a_failing_render_says_quartos_own_error(tmp_path: Path) -> None:
    binary = _script(
        tmp_path, 'echo "ERROR: YAMLError: bad indentation in _quarto.yml" >&2; exit 1'
    )
    with pytest.raises(qs.SiteError) as caught:
        qs.render_quarto(tmp_path, binary)
    assert "YAMLError: bad indentation" in str(caught.value)
    assert "Quarto 渲染失败" in str(caught.value) and caught.value.exit_code == 1


def _run_build(tmp_path: Path, renderer: str, quarto_path: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QUARTO_PATH": quarto_path}
    command = [
        sys.executable,
        "-m",
        "disclosure_metrics",
        "build",
        "--data",
        str(tmp_path / "none"),
    ]
    command += ["--renderer", renderer, "--out", str(tmp_path / "_site")]
    (tmp_path / "none").mkdir(exist_ok=True)
    return subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )


def test_renderer_quarto_without_a_working_binary_stops_first_with_exit_2(tmp_path: Path) -> None:
    done = _run_build(tmp_path, "quarto", str(tmp_path / "nothing-here"))
    assert done.returncode == 2, done.stderr
    assert "Quarto 不可用" in done.stderr and "--renderer nbconvert" in done.stderr
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "_build" / "pages").exists()  # no notebook ran


def test_auto_falls_back_to_nbconvert_with_a_notice(monkeypatch: pytest.MonkeyPatch) -> None:
    from disclosure_metrics.site import choose_renderer

    monkeypatch.setenv("QUARTO_PATH", "/nonexistent/quarto")
    renderer, binary, notice = choose_renderer("auto")
    assert (renderer, binary) == ("nbconvert", None)
    assert notice and "nbconvert" in notice and "/nonexistent/quarto" in notice
    with pytest.raises(qs.SiteError) as caught:
        choose_renderer("quarto")
    assert caught.value.exit_code == 2
