"""OCR speed and accuracy on scans made from the corpus PDFs, and the engine comparison.

    .venv/bin/python benchmarks/ocr.py             # RapidOCR, jobs 1 and 2
    .venv/bin/python benchmarks/ocr.py --engines   # also Tesseract (chi_sim), when installed

Every corpus PDF is rendered page by page at 200 dpi into an image-only PDF (no text layer):
what a scanner gives. Each run parses every scan once, from a fresh process pool and with no
parse cache, so nothing read before can help. Printed per run: wall seconds per page, CPU
seconds per page (this process and its children), and how many table 3 and 4 cells equal the
truth, how many are reported ambiguous, and how many are wrong (another number, or none).

The engine comparison runs both engines through the same line builder and table reader:
RapidOCR (PP-OCRv4 models inside its wheel) and Tesseract 5 with Debian's ``chi_sim`` data
(``tesseract … tsv``: word boxes with a confidence), each on the same page images.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

from run import machine  # noqa: E402

from disclosure_metrics.document import Document, OcrLine, TextLine  # noqa: E402
from disclosure_metrics.errors import ReportError  # noqa: E402
from disclosure_metrics.numbers import TOKEN, Ambiguous  # noqa: E402
from disclosure_metrics.parse import parse_document  # noqa: E402
from disclosure_metrics.readers import ocr as ocr_engine  # noqa: E402
from disclosure_metrics.readers import read_document  # noqa: E402
from tests.conftest import image_only_pdf, page_images  # noqa: E402


def _flat(node: object, prefix: str = "") -> dict[str, object]:
    if isinstance(node, dict):
        out: dict[str, object] = {}
        for key, value in node.items():
            out.update(_flat(value, f"{prefix}{key}."))
        return out
    return {prefix.rstrip("."): node}


def score(report: object, truth: dict) -> tuple[int, int, int]:
    """(exact, ambiguous, wrong) over the truth's table 3 and 4 cells."""
    got = {**_flat(report.table3, "t3."), **_flat(report.table4, "t4.")}  # type: ignore[attr-defined]
    expected = {**_flat(truth["table3"], "t3."), **_flat(truth["table4"], "t4.")}
    exact = sum(1 for k, v in expected.items() if got.get(k) == v)
    ambiguous = sum(1 for k in expected if isinstance(got.get(k), Ambiguous))
    return exact, ambiguous, len(expected) - exact - ambiguous


def cpu_seconds() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def make_scans(folder: Path) -> dict[str, tuple[Path, int]]:
    scans = {}
    for pdf in sorted((SHARED / "reports").glob("*.pdf")):
        images = page_images(pdf)
        scans[pdf.stem] = (image_only_pdf(images, folder / f"{pdf.stem}-scan.pdf"), len(images))
    return scans


def measure(label: str, scans: dict[str, tuple[Path, int]], read: Callable[[Path], Any]) -> None:
    """One table row: ``read`` (a scan's path to a parsed report) over every scan, timed."""
    pages = sum(n for _p, n in scans.values())
    totals = [0, 0, 0]
    wall, cpu = time.perf_counter(), cpu_seconds()
    for name, (path, _n) in scans.items():
        truth = json.loads((SHARED / "truth" / f"{name}.json").read_text(encoding="utf-8"))
        try:
            result = score(read(path), truth)
        except ReportError as exc:  # a scan the engine cannot read into a report at all
            print(f"  {label}, {name}: {exc.code}")
            result = (0, 0, len(_flat(truth["table3"])) + len(_flat(truth["table4"])))
        for k, v in enumerate(result):
            totals[k] += v
    wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
    print(
        f"| {label} | {pages} | {wall / pages:.1f} | {cpu / pages:.1f} | "
        f"{totals[0]} | {totals[1]} | {totals[2]} |"
    )


def tesseract_boxes(image: object, psm: int = 3) -> list[ocr_engine.Box]:
    """Word boxes from ``tesseract … tsv`` (chi_sim), grouped into Tesseract's own lines.

    ``psm`` is Tesseract's page segmentation mode: 3 (automatic) read the most cells on our
    scans; 6 (one block) reads table rules as ``|`` and ``1``; 11 (sparse text) loses rows."""
    with tempfile.TemporaryDirectory() as tmp:
        png = Path(tmp) / "page.png"
        image.save(png)  # type: ignore[attr-defined]
        out = subprocess.run(
            ["tesseract", str(png), "stdout", "-l", "chi_sim", "--psm", str(psm), "tsv"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        ).stdout
    words: dict[tuple[str, str, str], list[list[str]]] = {}
    for row in out.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) == 12 and cols[0] == "5" and cols[11].strip():
            words.setdefault((cols[2], cols[3], cols[4]), []).append(cols)
    boxes = []
    for line in words.values():
        # Tesseract splits Chinese into one word per character: runs of words without a gap
        # wider than half a character become one box, as RapidOCR's are.
        run: list[list[str]] = []
        for word in [*line, None]:
            if run and (
                word is None
                or int(word[6]) - (int(run[-1][6]) + int(run[-1][8])) > 0.5 * int(word[9])
            ):
                x0 = min(int(w[6]) for w in run)
                y0 = min(int(w[7]) for w in run)
                x1 = max(int(w[6]) + int(w[8]) for w in run)
                y1 = max(int(w[7]) + int(w[9]) for w in run)
                conf = min(float(w[10]) for w in run) / 100
                text, conf = ocr_engine.as_digits("".join(w[11] for w in run), conf)
                boxes.append(ocr_engine.Box(text, x0, y0, x1, y1, max(conf, 0.0)))
                run = []
            if word is not None:
                run.append(word)
    return boxes


def tesseract_document(path: Path, psm: int) -> Document:
    """A scan read by Tesseract into the document RapidOCR's lines would make."""
    lines: list[OcrLine] = []
    for number, image in enumerate(page_images(path), start=1):
        for row in ocr_engine.group_rows(tesseract_boxes(image, psm)):
            scores = [b.score for b in row for _t in TOKEN.findall(b.text)]
            lines.append(OcrLine(" ".join(b.text for b in row), number, scores))
    return Document(str(path), "pdf-ocr", [TextLine(x.text) for x in lines], ocr_lines=lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", action="store_true", help="also run Tesseract")
    parser.add_argument("--psm", type=int, nargs="+", default=[3, 6, 11], help="Tesseract modes")
    args = parser.parse_args()
    print(f"Machine: {machine()}; {date.today().isoformat()}")
    print("Scans: every corpus PDF rendered at 200 dpi into an image-only PDF.\n")
    print("| engine | pages | wall s/page | CPU s/page | cells exact | ambiguous | wrong |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        scans = make_scans(Path(tmp))
        for jobs in (1, 2):
            measure(
                f"RapidOCR, --jobs {jobs}",
                scans,
                lambda p, jobs=jobs: parse_document(read_document(p, ocr="auto", jobs=jobs)),
            )
        if args.engines:
            if shutil.which("tesseract") is None:
                print("Tesseract: not installed (apt-get install tesseract-ocr-chi-sim)")
            else:
                for psm in args.psm:
                    measure(
                        f"Tesseract 5 chi_sim --psm {psm}, 1 process",
                        scans,
                        lambda p, psm=psm: parse_document(tesseract_document(p, psm)),
                    )


if __name__ == "__main__":
    main()
