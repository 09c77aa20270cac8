"""PDF reader: the text layer, rebuilt into visual lines, one :class:`TextLine` per line.

PDFium (pypdfium2) gives every glyph with its baseline origin and box; glyphs are grouped into
lines by baseline, so a table row whose label and numbers sit on one baseline becomes one line
(``行政规范性文件 0 5 5``) even when the numbers use a larger font. pdfplumber groups by the top
edge instead and splits such rows (the numbers come out on a line before their label); it is
also about ten times slower on the corpus (~0.3 s against ~0.03 s per report). Page-number
lines are dropped, and stub labels printed one character per line (``三`` / ``、`` / ``本`` /
...) are rejoined into one line.

Example::

    >>> strip_page_numbers(["- 3 -1 0 0 0 0 0 1", "第 3 页"])
    ['1 0 0 0 0 0 1']
"""

from __future__ import annotations

import ctypes
import re
import statistics
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..budget import extend
from ..document import Cell, Document, OcrLine, Table, TextLine
from ..errors import ReportError, TooComplex
from ..normalize import CJK_CHAR, map_chars
from .ocr import OCR_DPI, OCR_MODES, OCR_PAGE_BUDGET, OcrUnavailable, image_ruling, unavailable
from .ocr import page_lines as ocr_page_lines

#: Reports longer than this are refused (an annual report has 3-30 pages).
MAX_PAGES = 200
#: Characters on one page past which the page is no report's (a dense page holds ~3 000); a
#: content stream that inflates to millions of glyphs is refused before they are collected.
MAX_PAGE_CHARS = 200_000
#: Bytes that the Flate streams of a PDF other than images may inflate to. A report's fonts and
#: page contents inflate to a few MB (the corpus: 1.5 MB; fully embedded CJK fonts: tens of
#: MB); a content stream inflating to 100 MB made PDFium take 1.5 GB. Checked in bounded
#: steps before PDFium sees the file.
MAX_INFLATED = 64 * 1024 * 1024

#: Glyphs whose baselines differ by at most this many points belong to one line. Labels and
#: numbers of one table row differ by up to ~2 pt in the corpus; distinct lines, even the tightly
#: stacked header lines of table 3, are at least ~6 pt apart.
BASELINE_TOLERANCE = 3.0

# A horizontal gap wider than this share of the glyph box height is a word/cell break (a space).
_GAP_SPACE = 0.15
# Vertical stub labels: glyphs alone on their line (nothing within this many ems left or right),
# stacked in one column at most _STUB_STEP ems apart, at least _STUB_MIN_RUN of them.
_STUB_ISOLATION = 0.5
_STUB_COLUMN = 0.6
_STUB_STEP = 1.6
_STUB_MIN_RUN = 3
# Page-number patterns that are not obvious (``3/5``, markers glued to text) are only removed
# from this many lines at the top and bottom of a page.
_EDGE_LINES = 2

_DASH = "-‐‑‒–—―－﹣"
_PAGE_MARK = rf"[{_DASH}]{{1,2}}\s*\d{{1,4}}\s*[{_DASH}]{{1,2}}"
_PAGE_ONLY = re.compile(
    rf"^(?:{_PAGE_MARK}"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页)$"
)
_PAGE_OF = re.compile(r"^(\d{1,4})\s*/\s*(\d{1,4})$")
_PAGE_GLUED_START = re.compile(rf"^{_PAGE_MARK}(?=\S)")
_PAGE_GLUED_END = re.compile(rf"(?<=\S){_PAGE_MARK}$")
_STUB_PUNCT = set('、，,。：:；;（）()《》“”"·')


@dataclass(slots=True)
class _Glyph:
    """One character in visual coordinates (y grows upwards, as in PDF user space)."""

    text: str
    x0: float  # horizontal extent used for spacing (advance box, or ink box as a fallback)
    x1: float
    y: float  # baseline
    height: float  # box height, the local font-size scale
    ink: float  # larger side of the ink box, used to size CJK glyphs


def read(path: str, data: bytes, ocr: str = "auto", jobs: int = 1) -> Document:
    """Read a PDF report into a :class:`Document` of text lines: the text layer, and OCR for
    pages without one (``ocr="auto"``), every page (``"always"``) or none (``"never"``).

    ``jobs``: processes over which the pages to OCR are spread (one file alone on the command
    line; a batch spreads files instead). Raises :class:`ReportError` with code
    ``pdf_unreadable`` (not a PDF, damaged, password protected), ``too_many_pages`` (more than
    :data:`MAX_PAGES`) or ``no_text_layer`` (a scan, with OCR off or finding no text).

    Example (a blank page has no text, and OCR finds none on it)::

        >>> import io
        >>> blank = pdfium.PdfDocument.new(); _ = blank.new_page(595, 842)
        >>> buffer = io.BytesIO(); blank.save(buffer)
        >>> try:
        ...     read("scan.pdf", buffer.getvalue(), ocr="never")
        ... except ReportError as err:
        ...     print(err.code)
        no_text_layer
    """
    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    check_inflated(data)
    pdf = _open(path, data)
    try:
        page_count = len(pdf)
        if page_count == 0:
            raise ReportError(
                path, "pdf_unreadable", "PDF 文件没有任何页面", "the PDF has no pages"
            )
        if page_count > MAX_PAGES:
            raise ReportError(
                path,
                "too_many_pages",
                f"PDF 共 {page_count} 页，超过上限 {MAX_PAGES} 页，不像是年度报告",
                f"the PDF has {page_count} pages, more than the limit of {MAX_PAGES} "
                "for an annual report",
            )
        stated_title = _stated_title(pdf)
        # Text layers first. A page whose layer holds no text is left for OCR whole (None); on
        # a page with text, the large images no text lies over (tables pasted as pictures)
        # are OCR'd and put in their place among the text lines.
        pages: list[list[str] | None] = []
        placed: dict[int, list[tuple[float, str]]] = {}
        tasks: list[tuple[int, Region | None]] = []
        garbled: list[int] = []  # pages whose text layer is no text (1-based)
        table3 = _Table3Region()  # table 3 may run on from one page to the next
        for index in range(page_count):
            page = _page(pdf, index, path)
            try:
                glyphs = _page_glyphs(page)
                if is_garbled(glyphs):
                    garbled.append(index + 1)
                    glyphs = []  # read as a page without a text layer: by OCR
                at = with_blank_cells(
                    _placed_rows(glyphs),
                    table3,
                    _typical_height(glyphs),
                    rules=lambda page=page: page_ruling(page),  # drawn only when needed
                )
                regions = _image_regions(page, glyphs) if ocr == "auto" and at else []
            finally:
                page.close()
            page_lines = strip_page_numbers([text for _y, text in at])
            if ocr == "always" or (ocr == "auto" and not page_lines):
                pages.append(None)
                tasks.append((index, None))
                continue
            pages.append(page_lines)
            if regions:
                placed[index] = at
                tasks.extend((index, region) for region in regions)
    finally:
        pdf.close()
    ocr_lines: list[OcrLine] = []
    if tasks:
        try:
            read_pages = (
                _ocr_pages_in_processes(data, tasks, jobs)
                if jobs > 1 and len(tasks) > 1
                else [_ocr_page(data, i, region) for i, region in tasks]
            )
        except OcrUnavailable as exc:
            raise unavailable(path, exc) from exc
        ocr_region = _Table3Region()  # the OCR'd pages' own, in page order
        for (index, region), (lines, ruling) in zip(tasks, read_pages, strict=True):
            ocr_lines.extend(lines)
            if region is None:
                pages[index] = strip_page_numbers(ocr_page_text(lines, ocr_region, ruling))
            else:  # a picture's lines stand where its top edge is, among the text lines
                placed[index].extend((region[3] - k * 1e-3, x.text) for k, x in enumerate(lines))
        for index, at in placed.items():
            at.sort(key=lambda item: -item[0])
            pages[index] = strip_page_numbers([text for _y, text in at])
    warnings = (
        [
            f"text layer of page(s) {', '.join(map(str, garbled))} unreadable (fonts without a "
            "usable Unicode map); " + ("read by OCR" if ocr != "never" else "not read")
        ]
        if garbled
        else []
    )
    document = _assemble(path, pages, ocr_lines, ocr, warnings)
    document.stated_title = stated_title
    return document


def _stated_title(pdf: pdfium.PdfDocument) -> str | None:
    """The PDF's Title property (``None`` when absent, empty or unreadable).

    >>> blank = pdfium.PdfDocument.new(); _stated_title(blank) is None
    True
    """
    try:
        title = pdf.get_metadata_value("Title")
    except (pdfium.PdfiumError, UnicodeDecodeError):
        return None
    return title.strip() or None


def ocr_page_text(
    lines: list[OcrLine], region: _Table3Region, ruling: _Ruling | None = None
) -> list[str]:
    """An OCR'd page's lines, with the table rows that leave cells blank written as cells and
    the rows printed over several lines joined, by where their words stand on the image and
    the borders drawn on it (``ruling``), as a text layer's are (:func:`with_blank_cells`)."""
    rows = [
        (line.baseline, line.text, [_Token(word, x0, x1) for word, x0, x1 in line.words])
        for line in lines
    ]
    em = next((line.em for line in lines if line.em), 10.0)
    placed = with_blank_cells(rows, region, em, (lambda: ruling) if ruling else None)
    # OCR may read a table's border as a 1 in a blank cell: a table 3 row whose values no
    # longer add up to its total once placed is left as read, for the table reader to weigh.
    from .. import templates as tpl

    width = len(tpl.table3_columns())
    out = []
    for (_y, text), line in zip(placed, lines, strict=True):
        cells = text.split("\t")
        table3_row = len(cells) in (width, width + 1)
        out.append(line.text if table3_row and not _adds_up(cells[-width:]) else text)
    return out


def _adds_up(cells: list[str]) -> bool:
    """Whether a row's cells (the last its total) add up, blanks as zero; True without a
    printed total or when a cell is no whole number.

    >>> _adds_up(["2", "", "1", "2"]), _adds_up(["2", "", "", "2"]), _adds_up(["2", "1", ""])
    (False, True, True)
    """
    *parts, total = cells
    if not total or not all(c.isdigit() or not c for c in [*parts, total]):
        return True
    return sum(int(c) for c in parts if c) == int(total)


#: A page's text layer is garbled when more than this share of its glyphs is junk and almost
#: none is Chinese: its fonts have no usable Unicode map (private-use code points, U+FFFD, or
#: GBK bytes shown as Latin-1 letters such as ``¸ÃÄê¶È``), so it is read as a page without one.
GARBLED_SHARE = 0.5
#: Fewer glyphs than this are too few to judge (a page number, a stamp).
MIN_GLYPHS_TO_JUDGE = 20


def is_garbled(glyphs: list[_Glyph]) -> bool:
    """Whether a page's text layer is junk rather than text (see :data:`GARBLED_SHARE`).

    >>> is_garbled([_Glyph(c, 0, 1, 0, 1, 1) for c in "¸ÃÄê¶È»ú¹¹ÕþÎñ¹«¿ª" * 2])
    True
    >>> is_garbled([_Glyph(c, 0, 1, 0, 1, 1) for c in "政府信息公开工作年度报告 2023 年" * 2])
    False
    """
    chars = [g.text for g in glyphs if not g.text.isspace()]
    if len(chars) < MIN_GLYPHS_TO_JUDGE:
        return False
    chinese = sum(1 for char in chars if _is_cjk(char))
    junk = sum(
        1
        for char in chars
        if "\ue000" <= char <= "\uf8ff" or char == "\ufffd" or "\u00a0" <= char <= "\u00ff"
    )
    return junk > GARBLED_SHARE * len(chars) and chinese < 0.1 * len(chars)


Region = tuple[float, float, float, float]  # left, bottom, right, top in PDF points
#: An image covering less of its page than this is a logo, a seal or a photo, not a table.
MIN_IMAGE_SHARE = 0.08
#: An image with more text-layer characters over it than this is already text (a searchable
#: scan: the scanner's own OCR layer lies over the picture).
MAX_CHARS_OVER_IMAGE = 20


def _image_regions(page: pdfium.PdfPage, glyphs: list[_Glyph]) -> list[Region]:
    """Large images of an upright page that no text layer covers, top first."""
    if page.get_rotation() % 360:
        return []
    width, height = page.get_size()
    regions = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=4):
        left, bottom, right, top = obj.get_bounds()
        left, bottom = max(left, 0.0), max(bottom, 0.0)
        right, top = min(right, width), min(top, height)
        if right <= left or top <= bottom:
            continue
        if (right - left) * (top - bottom) < MIN_IMAGE_SHARE * width * height:
            continue
        over = sum(1 for g in glyphs if left <= (g.x0 + g.x1) / 2 <= right and bottom <= g.y <= top)
        if over <= MAX_CHARS_OVER_IMAGE:
            regions.append((left, bottom, right, top))
    return sorted(regions, key=lambda r: -r[3])


def _assemble(
    path: str,
    pages: list[list[str] | None],
    ocr_lines: list[OcrLine],
    ocr: str,
    warnings: list[str] | None = None,
) -> Document:
    lines = join_vertical_labels([line for page in pages for line in page or ()])
    if not lines:
        reason = (
            ("OCR 已关闭（--ocr never）", "OCR is off (--ocr never)")
            if ocr == "never"
            else ("OCR 也没有识别出文字", "OCR found no text either")
        )
        layer = (
            ("PDF 的文字层无法识别（字体缺少 Unicode 映射）", "the PDF's text layer is unreadable "
             "(fonts without a usable Unicode map)")
            if warnings
            else ("PDF 没有文字层（可能是扫描件或图片）", "the PDF has no text layer (probably a "
                  "scan or images)")
        )  # fmt: skip
        raise ReportError(
            path,
            "no_text_layer",
            f"{layer[0]}，无法提取文字；{reason[0]}",
            f"{layer[1]}; no text can be extracted: {reason[1]}",
        )
    return Document(
        path=path,
        source_format="pdf-ocr" if ocr_lines else "pdf",
        # A line of tabs is a table 3 row written as cells (see with_blank_cells).
        items=[
            Table([[Cell(cell) for cell in line.split("\t")]]) if "\t" in line else TextLine(line)
            for line in lines
        ],
        pages=len(pages),
        ocr_lines=ocr_lines,
        warnings=warnings or [],
    )


def _page(pdf: pdfium.PdfDocument, index: int, path: str) -> pdfium.PdfPage:
    try:
        return pdf[index]
    except pdfium.PdfiumError as exc:
        raise ReportError(
            path,
            "pdf_unreadable",
            f"PDF 第 {index + 1} 页已损坏，无法读取（{exc}）",
            f"page {index + 1} of the PDF is damaged and cannot be read ({exc})",
        ) from exc


def _ocr_page(
    data: bytes, index: int, region: Region | None = None
) -> tuple[list[OcrLine], _Ruling]:
    """One page rendered at :data:`~.ocr.OCR_DPI` and read by OCR (lines numbered 1-based),
    with the table borders drawn on it (pixels, y up as a text layer's); only the ``region``
    of it when one is given (and no borders)."""
    scale = OCR_DPI / 72
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[index]
        try:
            height = page.get_height()
            image = page.render(scale=scale, grayscale=False).to_numpy()[:, :, :3]
        finally:
            page.close()
    finally:
        pdf.close()
    if region is not None:
        left, bottom, right, top = region
        image = image[
            int((height - top) * scale) : int((height - bottom) * scale) + 1,
            int(left * scale) : int(right * scale) + 1,
        ]
    lines = ocr_page_lines(image.copy(), index + 1)
    if region is not None:
        return lines, _Ruling([], [])
    vertical, horizontal = image_ruling(image)
    return lines, _Ruling(
        [_Rule(x, -bottom, -top) for x, top, bottom in vertical],
        [_Across(-y, left, right) for y, left, right in horizontal],
    )


def _ocr_pages_in_processes(
    data: bytes, tasks: list[tuple[int, Region | None]], jobs: int
) -> list[tuple[list[OcrLine], _Ruling]]:
    """Pages (or regions of pages) OCR'd in up to ``jobs`` fresh processes, in task order."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    extend(OCR_PAGE_BUDGET * len(tasks))  # the pages' own extensions run in the children
    context = multiprocessing.get_context("spawn")  # no fork of a parent holding PDFium state
    with ProcessPoolExecutor(min(jobs, len(tasks)), mp_context=context) as pool:
        futures = [pool.submit(_ocr_page, data, i, region) for i, region in tasks]
        try:
            return [f.result() for f in futures]
        except BaseException:
            for future in futures:
                future.cancel()
            raise


_STREAM = re.compile(rb"stream\r?\n")
_STEP = 1 << 20


def check_inflated(data: bytes, limit: int | None = None) -> int:
    """Bytes the non-image Flate streams of ``data`` inflate to; :class:`TooComplex` past
    ``limit`` (:data:`MAX_INFLATED`). Memory stays bounded: output is counted, not kept.

    >>> import zlib
    >>> body = zlib.compress(b"0 0 m " * 1000)
    >>> check_inflated(b"<< /Filter /FlateDecode >>stream\\n" + body + b"\\nendstream")
    6000
    """
    limit = MAX_INFLATED if limit is None else limit
    total = 0
    for match in _STREAM.finditer(data):
        head = data[max(0, match.start() - 1024) : match.start()]
        dictionary = head[head.rfind(b"<<") :]
        if b"/Image" in dictionary or b"Flate" not in dictionary:
            continue  # images are not decoded to read text; other filters are not inflated
        inflater = zlib.decompressobj()
        position = match.end()
        pending = b""
        try:
            while not inflater.eof and (pending or position < len(data)):
                if not pending:
                    pending = data[position : position + _STEP]
                    position += _STEP
                total += len(inflater.decompress(pending, _STEP))
                pending = inflater.unconsumed_tail
                if total > limit:
                    raise TooComplex(
                        f"PDF 的内容解压后超过 {limit} 字节，不像是年度报告",
                        f"the PDF's content inflates to more than {limit} bytes; no report does",
                    )
        except zlib.error:
            continue  # not a Flate stream after all, or damaged: PDFium will say
    return total


def _open(path: str, data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        message = str(exc)
        if getattr(exc, "err_code", None) in (
            pdfium_c.FPDF_ERR_PASSWORD,
            pdfium_c.FPDF_ERR_SECURITY,
        ):
            raise ReportError(
                path,
                "pdf_unreadable",
                "PDF 已加密（需要密码），无法读取",
                "the PDF is encrypted (password protected) and cannot be read",
            ) from exc
        raise ReportError(
            path,
            "pdf_unreadable",
            f"不是有效的 PDF 文件或文件已损坏（{message}）",
            f"not a valid PDF or the file is damaged ({message})",
        ) from exc


def strip_page_numbers(lines: list[str]) -> list[str]:
    """One page's lines without page-number lines and page numbers glued to a line's ends.

    ``- 3 -``, ``— 4 —``, ``-3-`` and ``第 3 页`` are dropped wherever they stand alone; ``3/5``
    and markers glued to text are only handled near the top and bottom of the page, where page
    numbers live, so table values and negative numbers elsewhere are never touched.

    >>> strip_page_numbers(["- 3 -3.补正后申请内容仍不明确 0 0 0", "正文 -1", "3/5"])
    ['3.补正后申请内容仍不明确 0 0 0', '正文 -1']
    >>> strip_page_numbers(["- 3 -1 0 0 0 0 0 1", "第 3 页"])
    ['1 0 0 0 0 0 1']
    """
    kept: list[str] = []
    last = len(lines) - 1
    for index, line in enumerate(lines):
        # A row written as cells keeps its blank first and last cells (tabs at its ends).
        text = line.strip(" ") if "\t" in line else line.strip()
        if _PAGE_ONLY.match(text):
            continue
        if index < _EDGE_LINES or index > last - _EDGE_LINES:
            page_of = _PAGE_OF.match(text)
            if page_of and 0 < int(page_of.group(1)) <= int(page_of.group(2)):
                continue
            text = _PAGE_GLUED_END.sub("", _PAGE_GLUED_START.sub("", text)).strip(" ")
        if text:
            kept.append(text)
    return kept


def join_vertical_labels(lines: list[str]) -> list[str]:
    """Rejoin runs of three or more one-character lines (a stub label set vertically).

    >>> join_vertical_labels(["规章 0 0 0", "三", "、", "本", "年", "度", "1.属于国家秘密 0"])
    ['规章 0 0 0', '三、本年度', '1.属于国家秘密 0']
    >>> join_vertical_labels(["1", "2", "3"])
    ['1', '2', '3']
    """
    out: list[str] = []
    run: list[str] = []
    for line in [*lines, ""]:
        if len(line) == 1 and _is_stub_char(line):
            run.append(line)
            continue
        if len(run) >= _STUB_MIN_RUN:
            out.append("".join(run))
        else:
            out.extend(run)
        run = []
        if line:
            out.append(line)
    return out


def _is_stub_char(char: str) -> bool:
    return char in _STUB_PUNCT or (unicodedata.category(char) == "Lo" and _is_cjk(char))


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3134F


# --- glyphs to lines -------------------------------------------------------------------------


def _page_lines(page: pdfium.PdfPage) -> list[str]:
    return [text for _y, text in _placed_lines(_page_glyphs(page))]


def _placed_lines(glyphs: list[_Glyph]) -> list[tuple[float, str]]:
    """A page's lines top to bottom, each with its baseline (PDF points, y up)."""
    return [(y, text) for y, text, _ in _placed_rows(glyphs)]


def _placed_rows(glyphs: list[_Glyph]) -> list[tuple[float, str, list[_Token]]]:
    """:func:`_placed_lines`, each line with its words and where they stand (none for a
    vertical stub label)."""
    if not glyphs:
        return []
    lines = _group_lines(glyphs)
    runs = _vertical_runs(lines, glyphs)
    taken = {id(g) for run in runs for g in run}
    placed: list[tuple[float, int, str, list[_Token]]] = []
    for line in lines:
        rest = [g for g in line if id(g) not in taken]
        if rest:
            tokens = _line_tokens(rest)
            text = " ".join(token.text for token in tokens)
            placed.append((max(g.y for g in rest), 1, text, tokens))
    # A run is read top to bottom and placed at its first glyph, before a row at that height.
    placed += [(run[0].y, 0, "".join(g.text for g in run), []) for run in runs]
    placed.sort(key=lambda item: (-item[0], item[1]))
    return [(y, text, tokens) for y, _, text, tokens in placed if text]


@dataclass(frozen=True, slots=True)
class _Token:
    """A word of a line (glyphs without a space between them) and its horizontal extent."""

    text: str
    x0: float
    x1: float


def _line_tokens(line: list[_Glyph]) -> list[_Token]:
    """The words of a line, with where each stands: its glyphs, parted where a gap or a space
    glyph stands between them; a glyph printed twice over itself (fake bold) counts once. The
    line's text is its words joined by single spaces."""
    tokens: list[_Token] = []
    parts: list[str] = []
    x0 = x1 = 0.0
    previous: _Glyph | None = None
    for glyph in line:
        if previous is not None:
            if (
                glyph.text == previous.text
                and abs(glyph.x0 - previous.x0) < 0.1 * glyph.height
                and abs(glyph.y - previous.y) < 0.1 * glyph.height
            ):
                continue  # the same glyph printed twice (fake bold)
            if glyph.x0 - previous.x1 > _GAP_SPACE * min(glyph.height, previous.height) and parts:
                tokens.append(_Token("".join(parts), x0, x1))
                parts = []
        previous = glyph
        if glyph.text.isspace():
            if parts:
                tokens.append(_Token("".join(parts), x0, x1))
                parts = []
            continue
        if not parts:
            x0 = glyph.x0
        parts.append(glyph.text)
        x1 = glyph.x1
    if parts:
        tokens.append(_Token("".join(parts), x0, x1))
    return tokens


def _typical_height(glyphs: list[_Glyph]) -> float:
    return statistics.median(g.height for g in glyphs) if glyphs else 10.0


@dataclass(slots=True)
class _Table3Region:
    """Whether the lines read so far stand inside table 3 (its note, header or first row seen,
    table 4 not yet), inside table 2 (a caption such as 第二十条第（一）项 seen, table 3
    not yet), or after table 4's start (once table 3 was seen)."""

    open: bool = False
    table2: bool = False
    table4: bool = False


#: A word that is one table value as printed.
_VALUE_WORD = re.compile(r"[+-]?\d[\d,]*(?:\.\d+)?")


def with_blank_cells(
    rows: list[tuple[float, str, list[_Token]]],
    region: _Table3Region,
    em: float,
    rules: Callable[[], _Ruling] | None = None,
) -> list[tuple[float, str]]:
    """A page's lines, with table 3's rows that leave cells blank written as cells (tabs).

    A text layer does not print a blank cell, so a row of fewer values than columns does not
    say which columns its values stand under; their positions do. Table 3's columns are taken
    from where the values of its rows stand on the page (their centres, clustered); when that
    gives the template's seven columns and some row prints a value under every one of them,
    the shorter rows are placed by position, each value under the column it stands in.
    Otherwise (no row is full, or a column is blank in every row) a short row is placed by the
    table's ruling: the vertical ``rules`` drawn across it part the row into cells, and when
    exactly seven cells lie right of its label (or, for a row of values alone, of the label on
    the lines above and below it), those are its values' columns. Every other line is left as
    it is.
    """
    from .. import templates as tpl

    width = len(tpl.table3_columns())
    start, end = _table3_bounds()
    inside: list[int] = []
    in_table2: list[int] = []
    caption = _table2_caption()
    in_table4: list[int] = []
    for k, (_y, text, _tokens) in enumerate(rows):
        # Prose may name a table's words before the table (本年新收…, 行政复议): each region
        # starts again where its words are seen again.
        if region.open and end.search(text):
            region.open, region.table4 = False, True
        elif not region.open and start.search(text):
            region.open, region.table2, region.table4 = True, False, False
        elif not region.open and caption.search(text):
            region.table2, region.table4 = True, False
        if region.open:
            inside.append(k)
        elif region.table2:
            in_table2.append(k)
        elif region.table4:
            in_table4.append(k)
    drawn: list[_Ruling] = []  # the page's lines, read the first time they are needed

    def ruling() -> _Ruling | None:
        if rules is not None and not drawn:
            drawn.append(rules())
        return drawn[0] if drawn else None

    wrapped = _wrapped_labels(rows, [*in_table2, *inside])
    if wrapped and (lines := ruling()) is not None:
        rows = _rows_by_ruling(rows, wrapped, lines, em)
    out = [(y, text) for y, text, _ in rows]
    # Tables 2 and 4 are placed by their ruling alone: table 2's blocks are too short for
    # their values to show the columns, and table 4 is one row of values.
    for k, (label, values) in [
        *_label_and_values(rows, in_table2).items(),
        *_label_and_values(rows, in_table4).items(),
    ]:
        table4 = k in in_table4
        full = tpl.table4_width() if table4 else tpl.table2_width()
        if not (label or table4) or len(values) >= full:
            continue  # a full row (table 2's widest block has three values) needs no borders
        if (lines := ruling()) is None:
            break
        cells = len(_ruled_cells(label, rows[k][0], lines.vertical, em))
        if table4 and cells != tpl.table4_width():
            continue
        if not table4 and not len(values) < cells <= tpl.table2_width():
            continue
        placed = _ruled_columns(label, values, rows[k][0], lines.vertical, cells, em)
        if None not in placed and placed == sorted(set(placed)):  # type: ignore[type-var]
            out[k] = (rows[k][0], _as_cells(label, values, placed, cells))
    split = _label_and_values(rows, inside)
    if any(len(values) > width for _, values in split.values()):
        return out
    columns = _value_columns([v for _, values in split.values() for v in values], em)
    by_values = len(columns) == width and any(len(v) == width for _, v in split.values())
    for k, (label, values) in split.items():
        if len(values) == width:
            continue
        if by_values:
            placed = [_column_of(v, columns, em) for v in values]
        else:
            if (lines := ruling()) is None:
                return out
            # A label wrapped over two lines may leave its values on a line of their own,
            # between the label's lines: those lines say where the label column ends.
            beside = label or [
                t for j in (k - 1, k + 1) if 0 <= j < len(rows) and j not in split
                for t in rows[j][2]
            ]  # fmt: skip
            placed = _ruled_columns(beside, values, rows[k][0], lines.vertical, width, em)
        if None in placed or placed != sorted(set(placed)):  # type: ignore[type-var]
            continue  # a value between columns, or two in one: left as printed
        out[k] = (rows[k][0], _as_cells(label, values, placed, width))
    return out


def _wrapped_labels(rows: list[tuple[float, str, list[_Token]]], lines: list[int]) -> list[int]:
    """The lines among ``lines`` that end in values and stand next to a line of words only (a
    label wrapped in its cell, or a rowspan stub beside it)."""
    members = set(lines)
    split = _label_and_values(rows, lines)
    return [
        k
        for k in split
        if any(
            j in members and j not in split and CJK_CHAR.search(rows[j][1]) for j in (k - 1, k + 1)
        )
    ]


def _rows_by_ruling(
    rows: list[tuple[float, str, list[_Token]]], candidates: list[int], ruling: _Ruling, em: float
) -> list[tuple[float, str, list[_Token]]]:
    """``rows`` with each table row that its borders show printed over several lines joined
    into one line: the lines between the horizontal borders above and below a line of values
    (where they cross its last value), when no other line between them has values. The words
    of each cell (by the vertical borders) are joined top to bottom, the cells left to right,
    so a label wrapped in a narrow cell, and a rowspan stub printed beside it, read as they
    would in one line: ``（六）其他处 1.申请人无正当理由逾期不补正、…`` and then the values.
    The other lines of the row are left empty."""
    out = list(rows)
    values_at = _label_and_values(rows, list(range(len(rows))))
    for k in candidates:
        label, values = values_at[k]
        y = rows[k][0]
        x = (values[-1].x0 + values[-1].x1) / 2
        crossing = [h.y for h in ruling.horizontal if h.x0 - _RULE_WIDTH <= x <= h.x1 + _RULE_WIDTH]
        top = min((h for h in crossing if h > y), default=None)
        bottom = max((h for h in crossing if h < y), default=None)
        if top is None or bottom is None:
            continue
        # (a stub set one character per line has no words: it stays a line of its own)
        band = [j for j, row in enumerate(rows) if bottom < row[0] < top and row[2]]
        if len(band) < 2 or any(j != k and j in values_at for j in band):
            continue
        cells: dict[float, list[_Token]] = {}
        for j in sorted(band, key=lambda j: -rows[j][0]):  # top to bottom
            for token in label if j == k else rows[j][2]:
                cells.setdefault(_cell_left(token, rows[j][0], ruling.vertical, em), []).append(
                    token
                )
        words = [
            _Token(
                "".join(t.text for t in tokens),
                min(t.x0 for t in tokens),
                max(t.x1 for t in tokens),
            )
            for _, tokens in sorted(cells.items())
        ]
        for j in band:
            out[j] = (rows[j][0], "", [])
        out[k] = (y, " ".join(t.text for t in [*words, *values]), [*words, *values])
    return out


def _cell_left(token: _Token, baseline: float, rules: list[_Rule], em: float) -> float:
    """The left border of the cell a word stands in (the page's edge without one)."""
    middle = baseline + em / 3
    centre = (token.x0 + token.x1) / 2
    left = [r.x for r in rules if r.y0 <= middle <= r.y1 and r.x < centre]
    return round(max(left), 0) if left else float("-inf")


def _label_and_values(
    rows: list[tuple[float, str, list[_Token]]], lines: list[int]
) -> dict[int, tuple[list[_Token], list[_Token]]]:
    """Per line that ends in values: its words before them (its label) and the values."""
    split: dict[int, tuple[list[_Token], list[_Token]]] = {}
    for k in lines:
        tokens = rows[k][2]
        at = len(tokens)
        while at and _VALUE_WORD.fullmatch(tokens[at - 1].text):
            at -= 1
        if at < len(tokens):
            split[k] = (tokens[:at], tokens[at:])
    return split


def _as_cells(
    label: list[_Token], values: list[_Token], placed: list[int | None], width: int
) -> str:
    """A row written as cells (tabs): its label, then each value under its column."""
    cells = [""] * width
    for column, value in zip(placed, values, strict=True):
        cells[column] = value.text  # type: ignore[index]
    words = " ".join(t.text for t in label)
    return "\t".join([words, *cells] if words else cells)


@cache
def _table2_caption() -> re.Pattern[str]:
    """Where table 2 starts: a block's caption (第二十条第（一）项) or its 信息内容 header."""
    from .. import templates as tpl

    table2 = tpl.raw()["table2"]
    caption = table2["caption_anchor"].replace("\\(", "[（(]").replace("\\)", "[）)]")
    return re.compile(f"{caption}|{table2['label_header']}")


@dataclass(frozen=True, slots=True)
class _Rule:
    """A vertical line drawn on the page (a table's column border): where it stands and the
    heights it spans (points, y up)."""

    x: float
    y0: float
    y1: float


@dataclass(frozen=True, slots=True)
class _Across:
    """A horizontal line drawn on the page (a table's row border): its height and the width it
    spans."""

    y: float
    x0: float
    x1: float


@dataclass(frozen=True, slots=True)
class _Ruling:
    """A page's drawn lines: vertical ones part a row into cells, horizontal ones part a
    table into rows."""

    vertical: list[_Rule]
    horizontal: list[_Across]


#: A drawn path this thin (points) is a line, not a box.
_RULE_WIDTH = 2.5
#: Path segments read per page for its ruling at most: a table page draws a few thousand; past
#: this the page is no report's table and its rows are left as printed.
MAX_RULING_SEGMENTS = 100_000


def page_ruling(page: pdfium.PdfPage) -> _Ruling:
    """The lines drawn on a page: every vertical and horizontal segment of its paths (a line,
    the sides of a box, the lines of a grid drawn as one path), a closed path's closing side
    included. Paths inside form objects are left out (their coordinates are the form's); none
    at all past :data:`MAX_RULING_SEGMENTS`."""
    turn = _rotation(page.get_rotation())
    vertical: list[_Rule] = []
    horizontal: list[_Across] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    budget = MAX_RULING_SEGMENTS

    def add(a: tuple[float, float], b: tuple[float, float]) -> None:
        dx, dy = abs(a[0] - b[0]), abs(a[1] - b[1])
        if dx <= _RULE_WIDTH < dy:
            vertical.append(_Rule((a[0] + b[0]) / 2, min(a[1], b[1]), max(a[1], b[1])))
        elif dy <= _RULE_WIDTH < dx:
            horizontal.append(_Across((a[1] + b[1]) / 2, min(a[0], b[0]), max(a[0], b[0])))

    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=1):
        if obj.level:
            continue
        segments = pdfium_c.FPDFPath_CountSegments(obj.raw)
        budget -= max(segments, 0)
        if budget < 0:
            return _Ruling([], [])
        m = obj.get_matrix()
        start = previous = None
        for i in range(segments):
            segment = pdfium_c.FPDFPath_GetPathSegment(obj.raw, i)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = turn(m.a * x.value + m.c * y.value + m.e, m.b * x.value + m.d * y.value + m.f)
            if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
                start = point
            elif previous is not None:
                add(previous, point)
            if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                add(point, start)
            previous = point
    return _Ruling(vertical, horizontal)


def _ruled_cells(
    label: list[_Token], baseline: float, rules: list[_Rule], em: float
) -> list[tuple[float, float]]:
    """The cells (left and right edge) that the rules drawn across a row part it into, right
    of the row's label."""
    middle = baseline + em / 3  # a glyph's middle: the rules of the row's cell cross it
    edges: list[float] = []
    for x in sorted(r.x for r in rules if r.y0 <= middle <= r.y1):
        if not edges or x - edges[-1] > _RULE_WIDTH:
            edges.append(x)
    start = max((t.x1 for t in label), default=-1e9) - _RULE_WIDTH
    return [(a, b) for a, b in pairwise(edges) if a >= start]


def _ruled_columns(
    label: list[_Token],
    values: list[_Token],
    baseline: float,
    rules: list[_Rule],
    width: int,
    em: float,
) -> list[int | None]:
    """The value column each of a row's values stands in, by the rules drawn across the row;
    all None unless exactly ``width`` cells lie right of the row's label (a missing outer
    border, or a line that parts no cells, leaves the row as printed)."""
    cells = _ruled_cells(label, baseline, rules, em)
    if len(cells) != width:
        return [None] * len(values)
    placed: list[int | None] = []
    for value in values:
        centre = (value.x0 + value.x1) / 2
        placed.append(next((i for i, (a, b) in enumerate(cells) if a < centre < b), None))
    return placed


def _value_columns(values: list[_Token], em: float) -> list[tuple[float, float]]:
    """The columns the values stand in: their centres clustered where a gap wider than an em
    parts them; each column as the range of its centres."""
    centres = sorted((v.x0 + v.x1) / 2 for v in values)
    columns: list[tuple[float, float]] = []
    for centre in centres:
        if columns and centre - columns[-1][1] <= em:
            columns[-1] = (columns[-1][0], centre)
        else:
            columns.append((centre, centre))
    return columns


def _column_of(value: _Token, columns: list[tuple[float, float]], em: float) -> int | None:
    centre = (value.x0 + value.x1) / 2
    for index, (low, high) in enumerate(columns):
        if low - em / 2 <= centre <= high + em / 2:
            return index
    return None


@cache
def _table3_bounds() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Where table 3 starts (its note, header or first row) and where table 4 does."""
    from .. import templates as tpl

    raw = tpl.raw()
    start = "|".join(f"(?:{a})" for a in raw["table3"]["start_anchors"])
    end = "|".join(f"(?:{a})" for a in raw["table4"]["start_anchors"])
    return re.compile(start), re.compile(end)


def _page_glyphs(page: pdfium.PdfPage) -> list[_Glyph]:
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = textpage.count_chars()
        if count > MAX_PAGE_CHARS:
            raise TooComplex(
                f"PDF 一页有 {count} 个字符，超过上限 {MAX_PAGE_CHARS}",
                f"a PDF page holds {count} characters, more than the limit of {MAX_PAGE_CHARS}",
            )
        turn = _rotation(page.get_rotation())
        ox, oy = ctypes.c_double(), ctypes.c_double()
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        loose = pdfium_c.FS_RECTF()
        found: list[tuple[str, tuple[float, float], tuple[float, ...], tuple[float, ...]]] = []
        pending_high = 0
        for i in range(count):
            if pdfium_c.FPDFText_IsGenerated(raw, i) == 1:  # PDFium's guessed spaces/newlines
                continue
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            if 0xD800 <= code < 0xDC00:
                pending_high = code
                continue
            if 0xDC00 <= code < 0xE000:
                if not pending_high:
                    continue
                code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
            pending_high = 0
            char = glyph_text(code)
            if char is None:
                continue
            pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy)
            pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top)
            pdfium_c.FPDFText_GetLooseCharBox(raw, i, loose)
            found.append(
                (
                    char,
                    turn(ox.value, oy.value),
                    _turn_box(turn, left.value, right.value, bottom.value, top.value),
                    _turn_box(turn, loose.left, loose.right, loose.bottom, loose.top),
                )
            )
    finally:
        textpage.close()
    if not found:
        return []
    heights = [lb[3] - lb[2] for _, _, _, lb in found if lb[3] > lb[2]]
    typical = statistics.median(heights) if heights else 10.0
    glyphs: list[_Glyph] = []
    for text, (x, y), ink, adv in found:
        ink_size = max(ink[1] - ink[0], ink[3] - ink[2], 0.0)
        adv_width, adv_height = adv[1] - adv[0], adv[3] - adv[2]
        # PDFium sometimes reports absurd advance boxes (hundreds of points for one glyph of a
        # vertical label); fall back to the ink box, sized like the page's typical glyph.
        if 0 < adv_height <= 3 * typical and 0 <= adv_width <= 3 * typical:
            glyphs.append(_Glyph(text, adv[0], adv[1], y, adv_height, ink_size))
        else:
            x0 = ink[0] if ink[1] > ink[0] else x
            glyphs.append(_Glyph(text, x0, max(ink[1], x0), y, typical, ink_size))
    return glyphs


def glyph_text(code: int) -> str | None:
    """The text of one glyph's code point; None for control and non-characters.

    Some PDF writers (WPS among them) map CJK characters to look-alike Kangxi radicals, e.g.
    ``⼀`` (U+2F00) for ``一``, or to the simplified radicals of the CJK Radicals Supplement,
    e.g. ``⻔`` (U+2ED4) for ``门``; those are folded back so labels match.

    >>> glyph_text(0x2F00) == "一", glyph_text(0x2ED4) == "门", glyph_text(0x4E00)
    (True, True, '一')
    >>> glyph_text(0x0A) is None
    True
    """
    if code < 0x20 or 0x7F <= code < 0xA0 or code in (0xFFFE, 0xFFFF) or code > 0x10FFFF:
        return None
    char = chr(code)
    if 0x2E80 <= code <= 0x2FDF:
        char = map_chars(char)
    return char


def _rotation(degrees: int) -> Callable[[float, float], tuple[float, float]]:
    """Map PDF user space to the page as displayed (``/Rotate`` turns it clockwise)."""
    if degrees == 90:
        return lambda x, y: (y, -x)
    if degrees == 180:
        return lambda x, y: (-x, -y)
    if degrees == 270:
        return lambda x, y: (-y, x)
    return lambda x, y: (x, y)


def _turn_box(
    turn: Callable[[float, float], tuple[float, float]],
    left: float,
    right: float,
    bottom: float,
    top: float,
) -> tuple[float, ...]:
    (ax, ay), (bx, by) = turn(left, bottom), turn(right, top)
    return (min(ax, bx), max(ax, bx), min(ay, by), max(ay, by))


def _group_lines(glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Glyphs into lines, top to bottom, each sorted left to right."""
    ordered = sorted(glyphs, key=lambda g: -g.y)
    lines: list[list[_Glyph]] = []
    anchor = 0.0
    for glyph in ordered:
        if lines and anchor - glyph.y <= BASELINE_TOLERANCE:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
            anchor = glyph.y
    for line in lines:
        line.sort(key=lambda g: g.x0)
    return lines


def _vertical_runs(lines: list[list[_Glyph]], glyphs: list[_Glyph]) -> list[list[_Glyph]]:
    """Labels set one character per line (rowspan stubs such as ``三、本年度办理结果``).

    Such a label is a column of single glyphs, each with nothing beside it on its line, whose
    baselines fall between or onto the data rows next to it. Returns each run top to bottom.
    """
    cjk = [g.ink for g in glyphs if _is_cjk(g.text) and g.ink > 0]
    if not cjk:
        return []
    em = statistics.median(cjk)
    isolated: list[_Glyph] = []
    for line in lines:
        for k, glyph in enumerate(line):
            if not _is_stub_char(glyph.text):
                continue
            left_gap = glyph.x0 - line[k - 1].x1 if k else em
            right_gap = line[k + 1].x0 - glyph.x1 if k + 1 < len(line) else em
            if left_gap > _STUB_ISOLATION * em and right_gap > _STUB_ISOLATION * em:
                isolated.append(glyph)
    if len(isolated) < _STUB_MIN_RUN:
        return []
    runs: list[list[_Glyph]] = []
    for column in _columns(isolated, _STUB_COLUMN * em):
        column.sort(key=lambda g: -g.y)
        run = [column[0]]
        for glyph in column[1:]:
            if run[-1].y - glyph.y > _STUB_STEP * em:
                runs.append(run)
                run = []
            run.append(glyph)
        runs.append(run)
    return [run for run in runs if len(run) >= _STUB_MIN_RUN]


def _columns(glyphs: list[_Glyph], tolerance: float) -> list[list[_Glyph]]:
    ordered = sorted(glyphs, key=lambda g: (g.x0 + g.x1) / 2)
    columns: list[list[_Glyph]] = [[ordered[0]]]
    for glyph in ordered[1:]:
        previous = columns[-1][-1]
        if (glyph.x0 + glyph.x1) / 2 - (previous.x0 + previous.x1) / 2 <= tolerance:
            columns[-1].append(glyph)
        else:
            columns.append([glyph])
    return columns
