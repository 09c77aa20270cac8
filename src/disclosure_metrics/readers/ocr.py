"""OCR of page images (scanned PDFs, photographed reports, image tables) into text lines.

The engine is RapidOCR (``rapidocr-onnxruntime``): its wheel carries the PP-OCRv4 Chinese
detection and recognition models, so nothing is downloaded at run time. Each page image becomes
text boxes with a recognition confidence; boxes are grouped into visual lines by their vertical
centres and read left to right, so a table row comes out as ``label v v v …`` like a text-layer
line, and the same label-anchored table reader and checks run on it.

Two things the engine does by default are undone here, because both silently lose cells: boxes
under a confidence of 0.5 are dropped (a lone ``0`` often scores 0.5-0.8), and a cell the
detector missed leaves a row short. Every box is kept with its score, and a cell missing from a
table row (a column its neighbour rows have) is cropped and read again by recognition alone.
What the confidence means for a cell is decided later, against the template's identities
(:mod:`disclosure_metrics.ocr_review`).

Example::

    >>> rows = group_rows([Box("规章", 10, 100, 60, 130, 1.0), Box("3", 300, 102, 315, 131, 0.9),
    ...                    Box("正文", 10, 200, 60, 230, 1.0)])
    >>> [" ".join(b.text for b in row) for row in rows]
    ['规章 3', '正文']
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..budget import extend
from ..document import OcrLine
from ..errors import ReportError
from ..numbers import TOKEN

if TYPE_CHECKING:
    import numpy as np

#: ``--ocr`` modes: ``auto`` OCRs pages without a text layer, ``always`` every page, ``never``
#: none (a scan then fails with ``no_text_layer``).
OCR_MODES = ("auto", "always", "never")
#: Pages are rendered at this resolution for OCR: 200 dpi reads the 10-12 pt digits of report
#: tables reliably; 300 dpi doubled the time for no cell gained on our scans.
OCR_DPI = 200
#: A numeric token read with less confidence than this is checked against the identities and
#: left ambiguous when they cannot confirm it (single digits score 0.5-0.99 when right).
LOW_CONFIDENCE = 0.9
#: Image side (pixels) past which an input image is refused: a page at 600 dpi is ~7 000 px.
MAX_IMAGE_SIDE = 12_000
#: Pixels past which an input image is refused before decoding (A3 at 600 dpi: 70 million).
MAX_IMAGE_PIXELS = 80_000_000

_NUMERIC = re.compile(r"[\d０-９][\d０-９,，.．]*|[/／—－-]")


#: Seconds of the per-file time budget each OCR'd page or image adds (one takes 3-10 s here).
OCR_PAGE_BUDGET = 60.0


class OcrUnavailable(RuntimeError):
    """The OCR engine is not installed."""


def unavailable(path: str, exc: OcrUnavailable) -> ReportError:
    """The error of a file that needs OCR when the engine is not installed."""
    return ReportError(
        path,
        "ocr_unavailable",
        f"此文件需要 OCR（扫描件或图片），但未安装 OCR 引擎（{exc}）",
        f"the file needs OCR (a scan or an image) and the OCR engine is not installed ({exc})",
    )


@dataclass(slots=True, frozen=True)
class Box:
    """One recognized text box in image pixels (y grows downwards) with its confidence."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    score: float

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def numeric(self) -> bool:
        return _NUMERIC.fullmatch(self.text.strip()) is not None


@cache
def engine() -> Any:
    """The RapidOCR engine, loaded once per process (about 0.1 s).

    One thread: pages are spread over processes instead (``--jobs``), and on this kind of
    machine ONNX Runtime's own threads cost more CPU per page than they save in wall time.
    """
    try:
        from rapidocr_onnxruntime import RapidOCR
    except ImportError as exc:  # pragma: no cover - the dependency is declared
        raise OcrUnavailable(str(exc)) from exc
    return RapidOCR(text_score=0.0, use_cls=False, intra_op_num_threads=1, inter_op_num_threads=1)


_CONFUSABLE = re.compile(r"[\dOoＯ〇lI|]+")
_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "Ｏ": "0", "〇": "0", "l": "1", "I": "1", "|": "1"})
#: A box read as letters that look like digits gets at most this confidence once it is read as
#: digits: it is a guess, which the identities must confirm.
CONFUSABLE_SCORE = 0.5


def as_digits(text: str, score: float) -> tuple[str, float]:
    """A box printed as a number but read with look-alike letters (``O`` for ``0``, ``l`` for
    ``1``), as digits with a capped confidence; any other text unchanged.

    >>> as_digits("O", 0.42), as_digits("1O", 0.9), as_digits("二〇二三年", 1.0)
    (('0', 0.42), ('10', 0.5), ('二〇二三年', 1.0))
    """
    if _CONFUSABLE.fullmatch(text) and not text.isdigit():
        return text.translate(_AS_DIGIT), min(score, CONFUSABLE_SCORE)
    return text, score


def recognize(image: np.ndarray) -> list[Box]:
    """Every text box of an RGB or grey page image, with its recognition confidence."""
    result, _elapsed = engine()(image, use_cls=False)
    boxes = []
    for points, raw, raw_score in result or ():
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        text, score = as_digits(str(raw).strip(), float(raw_score))
        if text:
            boxes.append(Box(text, min(xs), min(ys), max(xs), max(ys), score))
    return boxes


#: A cell read again alone counts only at this confidence or more: recognition asked to read
#: an empty cell answers with something (a border it crosses, read as ``1`` at 0.05).
MIN_CROP_SCORE = 0.3
#: A pixel column or row of a crop this dark over this share of its height or width is a
#: table's border, not ink of a digit (a ``1`` is shorter than the cell it stands in).
_RULE_SHARE = 0.9


def recognize_crop(image: np.ndarray) -> tuple[str, float] | None:
    """The text of one cropped cell by recognition alone, or None when nothing is read: the
    table's borders are wiped from the crop first, a crop with no ink left is not read, and a
    read under :data:`MIN_CROP_SCORE` is none."""
    image = without_borders(image)
    if image is None:
        return None
    result, _elapsed = engine()(image, use_det=False, use_cls=False, use_rec=True)
    if not result:
        return None
    text, score = as_digits(str(result[0][0]).strip(), float(result[0][1]))
    return (text, score) if text and score >= MIN_CROP_SCORE else None


def without_borders(image: np.ndarray) -> np.ndarray | None:
    """A cell's crop with the borders that cross it wholly (dark over :data:`_RULE_SHARE` of
    its height or width) painted white; None when no ink is left.

    >>> import numpy as np
    >>> cell = np.full((20, 30, 3), 255, dtype=np.uint8)
    >>> cell[0, :] = 0; cell[:, 29] = 0  # a border above it and one at its right
    >>> without_borders(cell) is None
    True
    >>> cell[6:14, 12:14] = 0  # a digit's stroke
    >>> int((without_borders(cell) < 128).any(axis=2).sum())
    16
    """
    grey = image.mean(axis=2) if image.ndim == 3 else image
    dark = grey < 128
    if not dark.any():
        return None
    columns = dark.mean(axis=0) >= _RULE_SHARE
    rows = dark.mean(axis=1) >= _RULE_SHARE
    if not columns.any() and not rows.any():
        return image
    cleaned = image.copy()
    cleaned[:, columns] = 255
    cleaned[rows, :] = 255
    dark[:, columns] = False
    dark[rows, :] = False
    return cleaned if dark.any() else None


def group_rows(boxes: list[Box]) -> list[list[Box]]:
    """Boxes into visual lines, top to bottom, each left to right.

    Value boxes are grouped first, among themselves: a box joins a row when its vertical centre
    is within 0.4 of the page's typical box height of the row's mean centre, so the cells of
    one table row stay together even when a label beside them sits a little higher. Text boxes
    then join the nearest row within that distance or start rows of their own: the two halves
    of a wrapped label stay apart from the values printed between them, as in a text layer.
    A box over twice the typical height is a label set vertically (``本年度办理结果`` beside
    table 3's rows): it is a line of its own, placed at its top, and joins no row.
    """
    if not boxes:
        return []
    typical = statistics.median(b.height for b in boxes)
    tolerance = 0.4 * typical
    rows: list[list[Box]] = []
    centres: list[float] = []

    def place(box: Box, candidates: list[int]) -> None:
        best = min(candidates, key=lambda k: abs(centres[k] - box.cy), default=None)
        if best is not None and abs(centres[best] - box.cy) <= tolerance:
            rows[best].append(box)
            centres[best] = statistics.fmean(b.cy for b in rows[best])
        else:
            rows.append([box])
            centres.append(box.cy)

    regular = sorted((b for b in boxes if b.height <= 2 * typical), key=lambda b: b.cy)
    for box in (b for b in regular if b.numeric):
        place(box, [len(rows) - 1] if rows else [])
    for box in (b for b in regular if not b.numeric):
        place(box, list(range(len(rows))))
    order = sorted(range(len(rows)), key=lambda k: centres[k])
    ordered = [sorted(rows[k], key=lambda b: b.x0) for k in order]
    for box in (b for b in boxes if b.height > 2 * typical):
        at = next((k for k, row in enumerate(ordered) if row[0].cy >= box.y0), len(ordered))
        ordered.insert(at, [box])
    return ordered


def _value_columns(rows: list[list[Box]]) -> list[tuple[float, float]]:
    """Columns of table values on a page: (centre, width) of x-centre clusters of numeric boxes
    that at least three rows share."""
    numeric = sorted((b for row in rows for b in row if b.numeric), key=lambda b: b.cx)
    if len(numeric) < 6:
        return []
    tolerance = 0.8 * statistics.median(b.height for b in numeric)
    clusters: list[list[Box]] = [[numeric[0]]]
    for box in numeric[1:]:
        if box.cx - clusters[-1][-1].cx <= tolerance:
            clusters[-1].append(box)
        else:
            clusters.append([box])
    return [
        (statistics.median(b.cx for b in c), max(b.x1 - b.x0 for b in c))
        for c in clusters
        if len(c) >= 3
    ]


def fill_missing_cells(rows: list[list[Box]], image: np.ndarray) -> int:
    """Read again, cell by cell, the values a table row lacks; returns how many were found.

    A row of values is expected to have each value column that at least two of its nearest
    value rows (three above, three below) have, right of its label. A missing one is cropped
    from the image and given to recognition alone; a number read there joins the row.
    """
    columns = _value_columns(rows)
    if not columns:
        return 0

    def column_of(box: Box) -> int | None:
        best = min(range(len(columns)), key=lambda k: abs(columns[k][0] - box.cx))
        centre, width = columns[best]
        return best if abs(centre - box.cx) <= max(width, box.x1 - box.x0) else None

    numeric = [b for row in rows for b in row if b.numeric]
    used = [{column_of(b) for b in row if b.numeric} - {None} for row in rows]
    value_rows = [i for i, row in enumerate(rows) if len(used[i]) >= 2]
    found = 0
    for position, i in enumerate(value_rows):
        near = value_rows[max(0, position - 3) : position] + value_rows[position + 1 : position + 4]
        counts: dict[int, int] = {}
        for j in near:
            for k in used[j]:
                counts[k] = counts.get(k, 0) + 1
        row = rows[i]
        label_end = max((b.x1 for b in row if not b.numeric), default=float("-inf"))
        numbers = [b for b in row if b.numeric]
        top = min(b.y0 for b in numbers)
        bottom = max(b.y1 for b in numbers)
        for k, count in sorted(counts.items()):
            centre, width = columns[k]
            if count < 2 or k in used[i] or centre <= label_end:
                continue
            half = 0.5 * width + 0.3 * (bottom - top)
            x0, x1 = int(max(0, centre - half)), int(centre + half)
            y0, y1 = int(max(0, top - 2)), int(bottom + 2)
            if any(b.x1 > x0 and b.x0 < x1 for b in row) or any(
                _overlap(b, x0, y0, x1, y1) > 0.3 for b in numeric if b not in row
            ):
                continue  # something is printed there already (a wide value, another row's)
            read = recognize_crop(image[y0:y1, x0:x1])
            if read is None or _NUMERIC.fullmatch(read[0]) is None:
                continue
            row.append(Box(read[0], x0, y0, x1, y1, read[1]))
            used[i].add(k)
            found += 1
        row.sort(key=lambda b: b.x0)
    return found


def _overlap(box: Box, x0: float, y0: float, x1: float, y1: float) -> float:
    """The share of ``box``'s area inside the rectangle."""
    width = min(box.x1, x1) - max(box.x0, x0)
    height = min(box.y1, y1) - max(box.y0, y0)
    area = (box.x1 - box.x0) * (box.y1 - box.y0)
    return width * height / area if width > 0 and height > 0 and area > 0 else 0.0


def page_lines(image: np.ndarray, page: int) -> list[OcrLine]:
    """One page image read into lines (top to bottom) with each value token's confidence.

    ``page``: the 1-based page number the lines are reported under. The file's time budget is
    extended by :data:`OCR_PAGE_BUDGET` first (:mod:`disclosure_metrics.budget`).
    """
    extend(OCR_PAGE_BUDGET)
    rows = group_rows(recognize(image))
    fill_missing_cells(rows, image)
    em = statistics.median(b.height for row in rows for b in row) if rows else 0.0
    lines = []
    for row in rows:
        scores = [b.score for b in row for _token in TOKEN.findall(b.text)]
        words = [word for b in row for word in box_words(b)]
        line = OcrLine(" ".join(b.text for b in row), page, scores, words, em)
        line.baseline = -max(b.y1 for b in row)  # y up, as a text layer's
        lines.append(line)
    return lines


#: A drawn line in a page image is at least this many pixels long (at 200 dpi, 5 mm; odd, so
#: the opening does not shift it; a digit is about 30 pixels high) and at most
#: :data:`_LINE_THICKNESS` thick.
_LINE_LENGTH = 41
_LINE_THICKNESS = 6


def image_ruling(
    image: np.ndarray,
) -> tuple[list[tuple[float, float, float]], list[tuple[float, float, float]]]:
    """The table borders drawn in a page image: vertical lines as (x, top, bottom) and
    horizontal ones as (y, left, right), in pixels (y down). Lines are what survives an
    opening with a long thin kernel (text strokes are shorter), each a connected stretch.

    >>> import numpy as np
    >>> page = np.full((200, 300, 3), 255, dtype=np.uint8)
    >>> page[50, 20:280] = 0; page[20:180, 100:102] = 0; page[90:110, 200:203] = 0
    >>> image_ruling(page)
    ([(100.5, 20.0, 180.0)], [(50.0, 20.0, 280.0)])
    """
    import cv2
    import numpy as np

    grey = image.mean(axis=2) if image.ndim == 3 else image
    ink = (grey < 128).astype("uint8")
    found: list[list[tuple[float, float, float]]] = []
    for vertical in (True, False):
        kernel = (_LINE_LENGTH, 1) if vertical else (1, _LINE_LENGTH)  # (rows, columns)
        lines = cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones(kernel, dtype="uint8"))
        count, _labels, stats, _centres = cv2.connectedComponentsWithStats(lines, connectivity=8)
        out = []
        for x, y, w, h, _area in stats[1:count]:
            if vertical and w <= _LINE_THICKNESS:
                out.append((float(x + (w - 1) / 2), float(y), float(y + h)))
            elif not vertical and h <= _LINE_THICKNESS:
                out.append((float(y + (h - 1) / 2), float(x), float(x + w)))
        found.append(out)
    return found[0], found[1]


def box_words(box: Box) -> list[tuple[str, float, float]]:
    """The words of a box (its text parted at spaces), each with the share of the box's width
    its characters take: OCR may read two cells as one box (``3 1``).

    >>> box_words(Box("3 15", 100, 0, 140, 10, 0.9))
    [('3', 100.0, 110.0), ('15', 120.0, 140.0)]
    """
    text = box.text.strip()
    step = (box.x1 - box.x0) / max(len(text), 1)
    words = []
    for m in re.finditer(r"\S+", text):
        words.append((m.group(), box.x0 + step * m.start(), box.x0 + step * m.end()))
    return words


def image_array(data: bytes) -> np.ndarray:
    """Decode image bytes (PNG, JPEG, …) into an RGB array; ValueError when they are no image
    or the image is too large (:data:`MAX_IMAGE_SIDE`, :data:`MAX_IMAGE_PIXELS`), checked from
    its header before any pixel is decoded.

    >>> import io
    >>> from PIL import Image
    >>> buffer = io.BytesIO(); Image.new("L", (20000, 10)).save(buffer, "PNG")
    >>> try:
    ...     image_array(buffer.getvalue())
    ... except ValueError as err:
    ...     print(err)
    image of 20000×10 px, over 12000 px a side or 80000000 pixels
    """
    import io

    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            width, height = img.size
            if max(width, height) > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
                raise ValueError(
                    f"image of {width}×{height} px, over {MAX_IMAGE_SIDE} px a side or "
                    f"{MAX_IMAGE_PIXELS} pixels"
                )
            import numpy as np

            return np.asarray(img.convert("RGB"))
    except (OSError, Image.DecompressionBombError, SyntaxError) as exc:
        raise ValueError(f"not a readable image ({exc})") from exc


def mean_confidence(lines: list[OcrLine]) -> float | None:
    """The mean confidence of every value token read, rounded to 3 places.

    >>> mean_confidence([OcrLine("规章 1 2", 1, [0.9, 0.7])])
    0.8
    """
    scores = [s for line in lines for s in line.token_scores]
    return round(sum(scores) / len(scores), 3) if scores else None
