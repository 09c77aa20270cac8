"""DOCX reader: body paragraphs and tables, in body order, with merged cells expanded.

Horizontal merges (``w:gridSpan``, legacy ``w:hMerge``) and vertical merges (``w:vMerge``)
become full grid positions: the merge's first cell holds the text, every other position it
covers repeats that text with ``spanned=True``.

XML safety: python-docx parses parts with lxml, ``resolve_entities=False`` and network access
off. A real Word file never has a DTD, so any part that declares one (``<!DOCTYPE`` /
``<!ENTITY``, the vehicle of entity-expansion and external-entity attacks) is refused before
python-docx sees it, and so is a package that inflates beyond :data:`MAX_UNZIPPED_BYTES`.

Example::

    >>> try:
    ...     read("r.docx", b"not a zip")
    ... except ReportError as err:
    ...     print(err.code)
    docx_unreadable
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

import docx
from docx.oxml.ns import qn
from lxml import etree

from ..document import Cell, Document, Table, TextLine
from ..errors import ReportError, check_grid
from ..normalize import join_wrapped
from .html import ImageRef, has_table3, image_items, normalize_space
from .word_numbering import Numbering, numbering_of

#: A report's unpacked XML is a few MB; refuse zip bombs well before memory runs out.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
#: One XML part (not media) larger than this is no report's: python-docx and lxml hold a parsed
#: part at about 20 times its size (a 190 MB part took 3.7 GB and 260 s).
MAX_PART_BYTES = 32 * 1024 * 1024
#: No report table is anywhere near this wide; the cap bounds what a hostile gridSpan builds.
MAX_GRID_SPAN = 100

_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt"), qn("w:sdtContent"),
)  # fmt: skip
_CUSTOM_XML, _SMART_TAG = qn("w:customXml"), qn("w:smartTag")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_NB_HYPHEN = qn("w:noBreakHyphen")
_DEL, _TXBX = qn("w:del"), qn("w:txbxContent")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_VAL = qn("w:val")
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    struct.error,
    EOFError,
    OSError,
    ValueError,
    NotImplementedError,  # an unsupported compression method
    RuntimeError,  # an encrypted member
)
# The relationship ids of a paragraph's pictures: DrawingML blips and VML image data, outside
# deleted revisions.
_PICTURES = etree.XPath(
    "(.//a:blip/@r:embed | .//v:imagedata/@r:id)[not(ancestor::w:del)]",
    namespaces={
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "v": "urn:schemas-microsoft-com:vml",
        "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    },
)
# Elements that only wrap body content (content controls, custom XML): read through them.
_WRAPPERS = frozenset({_SDT, _SDT_CONTENT, _CUSTOM_XML, _SMART_TAG})


def read(path: str, data: bytes, ocr: str = "auto", jobs: int = 1) -> Document:
    """Read a DOCX report into text lines and table grids in body order.

    Pictures in the body (tables pasted as images) are read by OCR where they stand when the
    text holds no table 3 (``ocr="auto"``), always (``"always"``) or never (``"never"``), as a
    web page's images are (:func:`html.image_items`).

    Raises :class:`ReportError` with code ``docx_unreadable`` for a file that is not a valid
    DOCX package (not a zip, damaged, no main document, a DTD in its XML, or a zip bomb).

    Example::

        >>> import docx as python_docx, io
        >>> d = python_docx.Document(); _ = d.add_paragraph("一、总体情况")
        >>> buf = io.BytesIO(); d.save(buf)
        >>> [item.text for item in read("r.docx", buf.getvalue()).items]
        ['一、总体情况']
    """
    _check_package(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # python-docx fails in many ways on a damaged package
        detail = f"{type(exc).__name__}: {exc}"
        raise _unreadable(path, detail, detail) from exc
    del jobs  # pictures are few; one process reads them
    items: list[TextLine | Table | ImageRef] = []
    numbering = numbering_of(document)
    _read_blocks(body, items, None if numbering.empty else numbering)
    texts = [item for item in items if not isinstance(item, ImageRef)]
    stated_title = _stated_title(document)
    if len(texts) == len(items) or ocr == "never" or (ocr == "auto" and has_table3(texts)):
        return Document(path=path, source_format="docx", items=texts, stated_title=stated_title)
    parts = document.part.related_parts
    pictures = [
        ImageRef(item.src, _blob(parts, item.src)) if isinstance(item, ImageRef) else item
        for item in items
    ]
    read_items = image_items(path, pictures, None)
    source = "docx-ocr" if read_items.ocr_lines else "docx"
    return Document(
        path=path,
        source_format=source,
        items=read_items.items,
        warnings=read_items.warnings,
        ocr_lines=read_items.ocr_lines,
        stated_title=stated_title,
    )


def _blob(parts: dict, rel_id: str) -> bytes:
    """The bytes of the package part a picture's relationship id points to (b"" when none)."""
    part = parts.get(rel_id)
    return getattr(part, "blob", b"") if part is not None else b""


def _unreadable(path: str, detail_zh: str, detail_en: str) -> ReportError:
    return ReportError(
        path,
        "docx_unreadable",
        f"不是有效的 DOCX 文件或文件已损坏（{detail_zh}）",
        f"not a valid DOCX file or the file is damaged ({detail_en})",
    )


def _stated_title(document: docx.document.Document) -> str | None:
    """The Word file's Title property (``None`` when absent or unreadable: the properties part
    is read only here, and a damaged one costs no more than its title)."""
    try:
        title = document.core_properties.title
    except Exception:  # python-docx fails in many ways on a damaged part
        return None
    return (title or "").strip() or None


def _check_package(path: str, data: bytes) -> None:
    """Refuse what is not a zip, inflates too far, or carries a DTD in any XML part."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except _ZIP_ERRORS as exc:
        raise _unreadable(path, "不是 zip 压缩包", "not a zip archive") from exc
    with archive:
        infos = archive.infolist()
        # zipfile never inflates a member past its declared size, so the declared sum bounds
        # what python-docx can be made to unpack.
        if sum(info.file_size for info in infos) > MAX_UNZIPPED_BYTES:
            raise _unreadable(path, "解压后过大", "too large when unpacked")
        for info in infos:
            if info.file_size > MAX_PART_BYTES and not info.filename.startswith("word/media/"):
                raise _unreadable(
                    path,
                    f"{info.filename} 解压后 {info.file_size} 字节，超过上限 {MAX_PART_BYTES}",
                    f"{info.filename} unpacks to {info.file_size} bytes, over the limit of "
                    f"{MAX_PART_BYTES}",
                )
        # Every member: a part is XML by its content type, not its name.
        for info in infos:
            try:
                declares_dtd = _declares_dtd(archive, info)
            except _ZIP_ERRORS as exc:
                detail = f"{info.filename}: {type(exc).__name__}: {exc}"
                raise _unreadable(path, detail, detail) from exc
            if declares_dtd:
                raise _unreadable(
                    path, f"{info.filename} 含 DTD 声明", f"{info.filename} declares a DTD"
                )


# A DTD in any encoding an XML parser accepts (UTF-8 and the ASCII-compatible ones, UTF-16,
# UTF-32, either byte order).
_DTD_MARKS = tuple(
    word.encode(encoding)
    for word in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("ascii", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
)
_DTD_TAIL = max(len(m) for m in _DTD_MARKS)


def _declares_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(1 << 20):
            window = tail + chunk
            if any(mark in window for mark in _DTD_MARKS):
                return True
            tail = window[-_DTD_TAIL:]
    return False


def _read_blocks(
    parent: etree._Element,
    items: list[TextLine | Table | ImageRef],
    numbering: Numbering | None = None,
) -> None:
    """The body's paragraphs and tables in order; ``numbering`` (None when the document has no
    lists) renders Word's automatic numbers before the paragraphs that have one."""
    for child in parent:
        if child.tag == _P:
            items.extend(TextLine(line) for line in _paragraph_lines(child, numbering))
            # A picture in the paragraph (DrawingML or VML): its relationship id, for OCR.
            items.extend(ImageRef(rel_id) for rel_id in _PICTURES(child) if rel_id)
        elif child.tag == _TBL:
            rows = _grid(child, numbering)
            if rows:
                items.append(Table(rows))
        elif child.tag in _WRAPPERS:
            _read_blocks(child, items, numbering)


def _paragraph_lines(p: etree._Element, numbering: Numbering | None = None) -> list[str]:
    """A paragraph's text split at manual line breaks, whitespace-normalised, empty lines dropped,
    its automatic number (一、, （二）) before it as Word shows it.

    Deleted revisions, text boxes and the fallback copy of alternate content are skipped.
    """
    label = numbering.label(p) if numbering is not None else ""
    parts: list[str] = [label] if label else []
    for node in _paragraph_nodes(p):
        if node.tag == _T:
            parts.append(node.text or "")
        elif node.tag == _TAB:
            parts.append(" ")
        elif node.tag in (_BR, _CR):
            parts.append("\n")
        elif node.tag == _NB_HYPHEN:
            parts.append("-")
    lines = (normalize_space(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _paragraph_nodes(p: etree._Element):
    stack = list(reversed(p))
    while stack:
        node = stack.pop()
        if node.tag in (_DEL, _TXBX, _FALLBACK, _P, _TBL):
            continue
        yield node
        stack.extend(reversed(node))


def _row_cells(tr: etree._Element):
    for child in tr:
        if child.tag == _TC:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _row_cells(child)


def _table_rows(tbl: etree._Element):
    for child in tbl:
        if child.tag == _TR:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _table_rows(child)


def _grid(tbl: etree._Element, numbering: Numbering | None = None) -> list[list[Cell]]:
    """Expand a ``w:tbl`` into a grid; merged areas repeat the first cell's text as spanned."""
    rows: list[list[Cell]] = []
    previous: list[Cell] = []
    built = 0  # cells so far: checked before each row and cell is built
    for tr in _table_rows(tbl):
        before = max(0, min(_int_val(tr, "w:trPr/w:gridBefore", 0), MAX_GRID_SPAN))
        built += before
        check_grid(built)
        row: list[Cell] = [Cell("") for _ in range(before)]
        for tc in _row_cells(tr):
            span = max(1, min(_int_val(tc, "w:tcPr/w:gridSpan", 1), MAX_GRID_SPAN))
            built += span
            check_grid(built)
            v_merge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            h_merge = tc.find(f"{qn('w:tcPr')}/{qn('w:hMerge')}")
            start = len(row)
            if v_merge is not None and v_merge.get(_VAL, "continue") == "continue":
                # Continues the cell above: same text, position by position.
                for offset in range(span):
                    above = previous[start + offset] if start + offset < len(previous) else None
                    row.append(Cell(above.text if above else "", spanned=True))
                continue
            if h_merge is not None and h_merge.get(_VAL, "continue") == "continue" and row:
                row.extend(Cell(row[-1].text, spanned=True) for _ in range(span))
                continue
            text = _cell_text(tc, numbering)
            row.append(Cell(text))
            row.extend(Cell(text, spanned=True) for _ in range(span - 1))
        if row:
            rows.append(row)
            previous = row
    return rows


def _cell_text(tc: etree._Element, numbering: Numbering | None = None) -> str:
    """All paragraphs of a cell (nested tables included), wrapped lines joined."""
    lines: list[str] = []
    for p in tc.iter(_P):
        if any(a.tag in (_TXBX, _FALLBACK) for a in p.iterancestors()):
            continue
        lines.extend(_paragraph_lines(p, numbering))
    return join_wrapped(lines)


def _int_val(element: etree._Element, path: str, default: int) -> int:
    found = element.find("/".join(qn(step) for step in path.split("/")))
    if found is None:
        return default
    try:
        return int(found.get(_VAL, default))
    except (TypeError, ValueError):
        return default
