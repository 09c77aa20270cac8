"""Readers: one per input kind, each turning a file into a
:class:`~disclosure_metrics.document.Document`.

:func:`read_document` picks the reader from the file's content (magic bytes) and name, and turns
every failure into a :class:`~disclosure_metrics.errors.ReportError` naming the file.

Example::

    >>> from pathlib import Path
    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "r.txt"
    >>> _ = p.write_text("一、总体情况\\n规章\\t0\\t0\\t0\\n", encoding="gb18030")
    >>> doc = read_document(p)
    >>> doc.source_format, len(doc.items)
    ('text', 2)
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from ..document import Document
from ..errors import ReportError
from .ocr import OCR_MODES

__all__ = ["OCR_MODES", "SUPPORTED_SUFFIXES", "read_document", "sniff_kind"]

#: Files larger than this are refused before reading (a report is a few MB at most).
MAX_BYTES = 50 * 1024 * 1024

SUFFIX_KIND = {
    ".txt": "text",
    ".md": "text",
    ".text": "text",
    ".htm": "html",
    ".html": "html",
    ".shtml": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".doc": "legacy_word",  # Word 97-2003, through LibreOffice (readers/legacy_word.py)
    ".wps": "legacy_word",  # WPS Office: the same OLE2 Word binary under another name
    ".rtf": "legacy_word",
}
#: Readers that can OCR, and so take the ``ocr`` mode and ``jobs``.
OCR_KINDS = frozenset({"pdf", "image", "html", "docx", "legacy_word"})
SUPPORTED_SUFFIXES = tuple(SUFFIX_KIND)


def sniff_kind(path: Path, data: bytes) -> str:
    """The reader for ``data``: magic bytes first, the file name second."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF") or b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        return "image"
    if data.startswith(b"PK\x03\x04"):
        # OFD (GB/T 33190, China's fixed-layout format) is a zip too: its OFD.xml leads it.
        if path.suffix.lower() == ".ofd" or b"OFD.xml" in data[:4096]:
            return "ofd"
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0") or head.startswith(b"{\\rtf"):
        return "legacy_word"  # an OLE2 compound file (.doc, .wps) or RTF: LibreOffice converts
    suffix_kind = SUFFIX_KIND.get(path.suffix.lower())
    if suffix_kind in ("pdf", "docx", "image"):
        # The name promises a binary format the bytes do not have; let that reader say so.
        return suffix_kind
    lowered = head[:200].lower()
    if suffix_kind == "html" or lowered.startswith((b"<!doctype html", b"<html", b"<?xml")):
        return "html"
    if suffix_kind == "legacy_word":
        # Government sites often serve a web page or plain text under a .doc name.
        if _looks_like_html(data):
            return "html"
        return "legacy_word" if b"\0" in data[:1024] else "text"
    return "text"


def _looks_like_html(data: bytes) -> bool:
    """A web page, also behind a BOM or a comment (Word's "save as web page" output).

    >>> _looks_like_html(b"\\xef\\xbb\\xbf<!-- saved --><HTML xmlns:o='urn:office'>")
    True
    """
    lowered = data[:2048].lower()
    return any(tag in lowered for tag in (b"<html", b"<!doctype html", b"<body", b"<table"))


def read_document(
    path: str | Path, data: bytes | None = None, ocr: str = "auto", jobs: int = 1
) -> Document:
    """Read one report file of any supported kind into a :class:`Document`.

    ``data``: the file's bytes when the caller has read them already. ``ocr``: one of
    :data:`OCR_MODES` (scanned PDF pages and images); ``jobs``: processes a scan's pages may
    be spread over.
    """
    path = Path(path)
    try:
        size = path.stat().st_size if data is None else len(data)
    except OSError as exc:
        raise ReportError(
            str(path), "unreadable", f"无法读取文件：{exc}", f"cannot read the file: {exc}"
        ) from exc
    if size > MAX_BYTES:
        raise ReportError(
            str(path),
            "too_large",
            f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节）",
            f"file too large ({size} bytes, limit {MAX_BYTES})",
        )
    if data is None:
        data = path.read_bytes()
    if not data.strip():
        raise ReportError(str(path), "empty", "文件为空", "the file is empty")
    kind = sniff_kind(path, data)
    if kind == "ofd":
        raise ReportError(
            str(path),
            "ofd_unsupported",
            "OFD 版式文件暂不支持：请将报告另存或打印为 PDF 后再读取",
            "OFD layout files are not read: save or print the report as PDF and read that",
        )
    reader = import_module(f".{kind}", __name__)
    if kind in OCR_KINDS:
        return reader.read(str(path), data, ocr=ocr, jobs=jobs)
    return reader.read(str(path), data)
