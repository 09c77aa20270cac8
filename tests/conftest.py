"""Shared fixtures: where the real corpus lives (read in place, never copied)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = ROOT / "data" / "raw" / "2020_huianpu.txt"


@pytest.fixture(scope="session")
def example_dir(tmp_path_factory) -> Path:
    """The generated example county (示例县), written once per test run; read only."""
    from disclosure_metrics.example_data import generate

    folder = tmp_path_factory.mktemp("example")
    generate(folder)
    return folder


def corpus_or_skip() -> Path:
    if not (CORPUS / "reports").is_dir():
        pytest.skip(f"the shared corpus is not at {CORPUS}")
    return CORPUS


def truth_files() -> list[Path]:
    folder = CORPUS / "truth"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if p.name != "narrative.json")


def load_truth(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


@contextmanager
def offline_browser(loopback: bool = False) -> Iterator[object]:
    """A Playwright browser context on Debian's chromium; skips when it is missing.

    Offline by default. With ``loopback``, pages may load from 127.0.0.1 / localhost only: any
    other request is aborted (and still seen by a ``request`` listener).
    """
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("chromium is not installed (make test installs it with apt-get)")
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        try:
            if not loopback:
                yield browser.new_context(offline=True)
                return
            context = browser.new_context()
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if is_loopback(route.request.url) else route.abort()
                ),
            )
            yield context
        finally:
            browser.close()


#: Scripts run on an example page before it is printed: every zero left blank, in every table.
ZEROS_BLANK = """() => {
  for (const cell of document.querySelectorAll('td, th'))
    if (cell.textContent.trim() === '0') cell.textContent = '';
}"""


def printed_example(tmp_path: Path, file: str, script: str | None = None) -> tuple[Path, Path]:
    """An example county page (``file``), changed by ``script`` (JavaScript run on the page),
    saved as HTML and printed to PDF by Chromium: (the page, the PDF)."""
    from disclosure_metrics.example_data import example_reports, render_html

    report = next(r for r in example_reports() if r.file == file)
    page_file = tmp_path / report.file
    page_file.write_bytes(render_html(report))
    changed, printed = tmp_path / "changed.html", tmp_path / "printed.pdf"
    with offline_browser() as context:
        page = context.new_page()
        page.goto(page_file.as_uri())
        if script:
            page.evaluate(script)
        changed.write_text(page.content(), encoding="utf-8")
        page.pdf(path=str(printed), format="A4")
    return changed, printed


def libreoffice_export(document: Path, to: str, folder: Path) -> Path:
    """``document`` converted by LibreOffice (``to``: ``pdf``, ``txt:…``) into ``folder``, with
    its own throw-away profile; skips when LibreOffice is not installed."""
    import subprocess

    from disclosure_metrics.readers.legacy_word import soffice

    program = soffice()
    if program is None:
        pytest.skip("LibreOffice is not installed (make test installs it with apt-get)")
    subprocess.run(
        [program, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
         "--convert-to", to, "--outdir", str(folder), str(document)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    return folder / f"{document.stem}.{to.split(':')[0]}"


def is_loopback(url: str) -> bool:
    """True for an http(s) address on this machine, a local file, or a data:/blob:/about: URL."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme in ("file", "data", "blob", "about"):
        return True
    return parts.hostname in ("127.0.0.1", "localhost", "::1")


#: Resolution of the scans made from the corpus PDFs: a common office-scanner setting.
SCAN_DPI = 200


def page_images(pdf_path: Path, pages: list[int] | None = None, dpi: int = SCAN_DPI) -> list:
    """The pages (0-based; all by default) of a PDF rendered to PIL images, as a scanner would
    see them."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        wanted = range(len(pdf)) if pages is None else pages
        return [pdf[i].render(scale=dpi / 72).to_pil().convert("RGB") for i in wanted]
    finally:
        pdf.close()


def image_only_pdf(images: list, target: Path, dpi: int = SCAN_DPI) -> Path:
    """Images saved as a PDF of pages that are only images (no text layer): a scanned report."""
    first, *rest = images
    first.save(target, "PDF", save_all=True, append_images=rest, resolution=dpi)
    return target


@pytest.fixture(scope="session")
def two_page_scan(tmp_path_factory) -> Path:
    """Pages 3 and 4 of 2023 洪泽区 (tables 3 and 4) as a scan: an image-only PDF."""
    source = corpus_or_skip() / "reports" / "2023_hongzequ.pdf"
    folder = tmp_path_factory.mktemp("scan")
    return image_only_pdf(page_images(source, [2, 3]), folder / "扫描件.pdf")
