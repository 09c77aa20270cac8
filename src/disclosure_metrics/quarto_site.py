"""What the build hands to Quarto, and running it.

Quarto renders executed notebooks and never runs them. Two of its behaviours shape what we give
it (Quarto 1.7, ``src/core/jupyter/widgets.ts``): a notebook with any ``text/html`` or
``application/javascript`` output gets require.js and jQuery from a CDN in its head, which
breaks an offline site; and a ``text/markdown`` output is read as Markdown, where a
```` ```{=html} ```` block passes raw HTML through unchanged. So every HTML output (figures and
tables) is handed over as such a block, and no notebook carries a mimetype that triggers the
CDN scripts.

Example::

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x")])
    >>> nb.cells[0].outputs = [nbformat.v4.new_output(
    ...     "display_data", data={"text/html": "<b>1</b>", "text/plain": "1"})]
    >>> staged = quarto_notebook(nb, "2021 年度 Year 2021")
    >>> staged.cells[0].source
    '---\\ntitle: 2021 年度 Year 2021\\n---'
    >>> staged.cells[1].outputs[0]["data"]
    {'text/markdown': '```{=html}\\n<b>1</b>\\n```'}
"""

from __future__ import annotations

import copy
import re
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import nbformat
import yaml

from .dashboard import TITLE_CLASS
from .errors import SiteError  # raised here; callers import it from here too

ROOT = Path(__file__).resolve().parents[2]
QUARTO_CONFIG = ROOT / "_quarto.yml"
YEARS_TEXT = "年度 Years"
# Output mimetypes that make Quarto 1.7 add require.js and jQuery from cdnjs to a page (its
# "javascript widgets"), or the Jupyter widget runtime from unpkg.
CDN_TRIGGERING_MIMETYPES = frozenset(
    {
        "text/html",
        "application/javascript",
        "application/vnd.jupyter.widget-view+json",
        "application/vnd.jupyter.widget-state+json",
    }
)
# Mimetypes kept as they are: Quarto shows them without any script.
KEPT_MIMETYPES = frozenset({"text/markdown", "text/plain", "image/png", "image/svg+xml"})


_PAGE_TITLE = re.compile(rf'^\s*<h1 class="{TITLE_CLASS}">.*?</h1>', re.DOTALL)


def quarto_binary() -> str | None:
    """The Quarto CLI as the quarto package finds it (``QUARTO_PATH``, else the PATH)."""
    import quarto

    return quarto.path()


def quarto_version(binary: str | None = None) -> tuple[str | None, str]:
    """(version, why not) of the Quarto CLI: it must really run ``quarto --version``.

    >>> quarto_version("/nonexistent/quarto")[0] is None
    True
    """
    binary = binary or quarto_binary()
    if not binary:
        return None, "no quarto binary on the PATH or in QUARTO_PATH"
    try:
        done = subprocess.run(
            [binary, "--version"], capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"{binary}: {exc}"
    version = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""
    if done.returncode != 0 or not re.match(r"\d+\.\d+", version):
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return None, f"{binary} --version failed: {tail[0]}"
    return version, ""


def _raw_html_block(html: str) -> str:
    """HTML as a Pandoc raw block, fenced with more backticks than the HTML ever holds."""
    longest = max((len(run) for run in re.findall(r"`+", html)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{{=html}}\n{html.rstrip()}\n{fence}"


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def _quarto_output(output: dict[str, Any]) -> dict[str, Any] | None:
    """One output as Quarto should see it, or None when it is left out of the page."""
    kind = output.get("output_type")
    if kind == "stream":
        # Warnings on stderr are for the build log, not for the page's readers.
        return output if output.get("name") == "stdout" else None
    if kind not in ("display_data", "execute_result"):
        return output
    data = output.get("data", {})
    if "text/html" in data:
        # Quarto prints the page title from the front matter; the notebook's own would repeat it.
        html = _PAGE_TITLE.sub("", _text(data["text/html"]), count=1)
        if not html.strip():
            return None
        markdown = _raw_html_block(html)
        return nbformat.v4.new_output("display_data", data={"text/markdown": markdown})
    kept = {k: v for k, v in data.items() if k in KEPT_MIMETYPES}
    if not kept:
        return None
    return nbformat.v4.new_output("display_data", data=kept)


def quarto_notebook(nb: Any, title: str) -> Any:
    """An executed notebook as handed to Quarto: its own title, no output that loads a CDN.

    The front matter (the first raw cell) is replaced by one that only sets the page title, so
    no page overrides the site's ``format`` (a ``format: dashboard`` page would not get the
    site's plotly.js, CSS or navigation).
    """
    staged = copy.deepcopy(nb)
    front = {"title": title}
    header = nb_raw_cell(yaml.safe_dump(front, allow_unicode=True).strip())
    cells = [c for c in staged.cells if not _is_front_matter(c)]
    for cell in cells:
        if cell.get("cell_type") == "code":
            outputs = (_quarto_output(o) for o in cell.get("outputs", []))
            cell["outputs"] = [o for o in outputs if o is not None]
    staged.cells = [header, *cells]
    return staged


def nb_raw_cell(yaml_text: str) -> Any:
    return nbformat.v4.new_raw_cell(f"---\n{yaml_text}\n---")


def _is_front_matter(cell: dict[str, Any]) -> bool:
    return cell.get("cell_type") == "raw" and _text(cell.get("source", "")).lstrip().startswith(
        "---"
    )


def output_mimetypes(nb: Any) -> set[str]:
    """Every mimetype among a notebook's display outputs (what Quarto looks at)."""
    found: set[str] = set()
    for cell in nb.cells:
        for output in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            if output.get("output_type") in ("display_data", "execute_result"):
                found.update(output.get("data", {}))
    return found


def quarto_config(years: Sequence[int], pages: Sequence[str]) -> dict[str, Any]:
    """The project's ``_quarto.yml`` for one build: exactly ``pages`` rendered and linked.

    ``pages`` are the staged notebooks' names (``index``, ``year-2021`` …); the 年度 Years
    menu lists the built years, and navbar entries of pages that failed are left out.

    >>> config = quarto_config([2021], ["index", "year-2021", "methods"])
    >>> config["project"]["render"]
    ['index.ipynb', 'year-2021.ipynb', 'methods.ipynb']
    >>> [i.get("href") or i["menu"] for i in config["website"]["navbar"]["left"]]
    ['index.ipynb', [{'text': '2021', 'href': 'year-2021.ipynb'}], 'methods.ipynb']
    """
    config = yaml.safe_load(QUARTO_CONFIG.read_text(encoding="utf-8"))
    config["project"]["render"] = [f"{name}.ipynb" for name in pages]
    navbar: list[dict[str, Any]] = []
    for item in config["website"]["navbar"]["left"]:
        if item.get("text") == YEARS_TEXT:
            menu = [{"text": str(y), "href": f"year-{y}.ipynb"} for y in years]
            if menu:
                navbar.append({**item, "menu": menu})
        elif Path(item["href"]).stem in pages:
            navbar.append(item)
    config["website"]["navbar"]["left"] = navbar
    return config


def render_quarto(stage: Path, binary: str) -> Path:
    """Render the staged project with Quarto into ``stage/_site``; a failure says why.

    Quarto's own messages are kept from the console (they are long) unless it fails: then the
    tail of its error output is the message.
    """
    command = [binary, "render", str(stage), "--no-execute"]
    try:
        done = subprocess.run(command, cwd=stage, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SiteError(f"Quarto 无法运行 / Quarto could not be run: {binary}: {exc}") from None
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-15:])
        raise SiteError(
            f"Quarto 渲染失败（退出码 {done.returncode}）/ Quarto render failed "
            f"(exit {done.returncode}):\n{tail}"
        )
    return stage / config_output_dir()


def config_output_dir() -> str:
    """Where Quarto writes the site inside the staged project (``project: output-dir``)."""
    config = yaml.safe_load(QUARTO_CONFIG.read_text(encoding="utf-8"))
    return str(config["project"].get("output-dir", "_site"))
