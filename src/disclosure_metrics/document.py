"""The one internal document every reader produces: text lines and table grids, in reading order.

A reader (text, HTML, PDF, DOCX; old Word through LibreOffice) turns a file into a
:class:`Document`; the table parser and the metadata reader only ever see this shape, so a new
input format needs a reader and nothing else.

Example::

    >>> doc = Document(path="r.txt", source_format="text",
    ...                items=[TextLine("一、总体情况"), Table([[Cell("规章"), Cell("0")]])])
    >>> [type(i).__name__ for i in doc.items]
    ['TextLine', 'Table']
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Cell:
    """One cell of a table grid.

    ``spanned`` marks a grid position covered by a rowspan/colspan cell whose text belongs to
    another position: it repeats the label for anchoring but never counts as a value.
    """

    text: str
    spanned: bool = False


@dataclass(slots=True)
class Table:
    """A table as a grid of rows; rows may differ in length (real tables are ragged).

    ``blanks_unprinted``: the converter that wrote it may have left blank cells out, so a row
    of fewer cells than columns is placed, not read from the left.
    """

    rows: list[list[Cell]]
    blanks_unprinted: bool = False


@dataclass(slots=True)
class TextLine:
    """One line of running text (a paragraph, a heading, or a line of a text rendering)."""

    text: str


@dataclass(slots=True)
class OcrLine:
    """One line read by OCR: its text, its page (1-based) and each value token's confidence,
    in the order of the value tokens in ``text``."""

    text: str
    page: int
    token_scores: list[float] = field(default_factory=list)
    # Each word of ``text`` with its left and right edge on the page image (pixels), and the
    # page's typical box height: where a table's values stand (see readers.pdf.with_blank_cells).
    words: list[tuple[str, float, float]] = field(default_factory=list)
    em: float = 0.0
    baseline: float = 0.0  # the line's foot on the image, negated (y grows upwards)


@dataclass(slots=True)
class Document:
    """A report file read into lines and tables, in reading order."""

    path: str
    # text, html, html-ocr, pdf, pdf-ocr, image-ocr, docx, docx-ocr, doc, wps, rtf (doc-ocr …)
    source_format: str
    items: list[TextLine | Table] = field(default_factory=list)
    encoding: str | None = None
    pages: int | None = None
    warnings: list[str] = field(default_factory=list)  # what the reader repaired (bad bytes)
    ocr_lines: list[OcrLine] = field(default_factory=list)  # the lines read by OCR, if any
    # Files a web page links to that may hold the report itself (附件: .pdf, .docx …).
    attachments: list[str] = field(default_factory=list)
    # The title the file gives itself apart from its text: a web page's <title>, a PDF's or a
    # Word file's Title property. Read only when the text names no agency or year.
    stated_title: str | None = None

    @property
    def ocr_pages(self) -> list[int]:
        """The pages (1-based) read by OCR.

        >>> Document("s.pdf", "pdf-ocr", ocr_lines=[OcrLine("规章 1", 2, [0.9])]).ocr_pages
        [2]
        """
        return sorted({line.page for line in self.ocr_lines})

    def text_lines(self, limit: int | None = None) -> list[str]:
        """All running text and table cells as lines (cells joined by tabs); with ``limit``,
        the first ``limit`` of them only (the rest is not joined at all).

        >>> Document("x", "text", [TextLine("a"), Table([[Cell("b"), Cell("1")]])]).text_lines()
        ['a', 'b\\t1']
        """
        lines: list[str] = []
        for item in self.items:
            if limit is not None and len(lines) >= limit:
                break
            if isinstance(item, TextLine):
                lines.append(item.text)
            else:
                lines.extend("\t".join(c.text for c in row if not c.spanned) for row in item.rows)
        return lines if limit is None else lines[:limit]
