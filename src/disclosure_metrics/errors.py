"""The package's own errors: every one names the file and says what is wrong in Chinese and English.

Example::

    >>> err = ReportError("a.pdf", "no_text_layer", "PDF 没有文字层（可能是扫描件）",
    ...                   "the PDF has no text layer (probably a scan)")
    >>> str(err)
    'a.pdf: PDF 没有文字层（可能是扫描件） / the PDF has no text layer (probably a scan)'
"""

from __future__ import annotations


class ReportError(Exception):
    """A file that cannot be turned into a report. ``code`` is stable and machine-readable."""

    def __init__(
        self, path: str, code: str, message_zh: str, message_en: str, **details: object
    ) -> None:
        self.path = str(path)
        self.details = details  # what is known of the file anyway (agency, year …)
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(f"{self.path}: {message_zh} / {message_en}")

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Errors travel between processes (parallel parsing) and into the parse cache.
        return (
            _rebuild,
            (type(self), self.path, self.code, self.message_zh, self.message_en, self.details),
        )

    def to_dict(self) -> dict[str, str]:
        """The error as the JSON object ``parse --json`` prints for a failed file."""
        return {
            "file": self.path,
            **self.details,
            "error": self.code,
            "message_zh": self.message_zh,
            "message_en": self.message_en,
        }


class UnsupportedFormatError(ReportError):
    """A real annual report in a format the parser does not read (the pre-2019 LEGACY tables)."""


def _rebuild(
    cls: type[ReportError], path: str, code: str, zh: str, en: str, details: dict
) -> ReportError:
    return cls(path, code, zh, en, **details)


class InputError(Exception):
    """A usage error of a command (a missing path, no input at all, a bad option value).

    The command stops before any work and exits with ``exit_code`` (2), printing the message
    in Chinese and English, never a traceback.

    >>> str(InputError("路径不存在：x", "no such file or folder: x"))
    '路径不存在：x / no such file or folder: x'
    """

    def __init__(self, message_zh: str, message_en: str, exit_code: int = 2) -> None:
        self.message_zh = message_zh
        self.message_en = message_en
        self.exit_code = exit_code
        super().__init__(f"{message_zh} / {message_en}")


class TooComplex(Exception):
    """Raised by a reader before it builds something too large for any report (a table grid of
    millions of cells, a page of millions of glyphs); the file becomes ``too_complex``.

    >>> str(TooComplex("表格过大", "the table is too large"))
    '表格过大 / the table is too large'
    """

    def __init__(self, message_zh: str, message_en: str) -> None:
        self.message_zh = message_zh
        self.message_en = message_en
        super().__init__(f"{message_zh} / {message_en}")


#: No report table comes near this many cells (the largest are a few hundred); a grid is
#: counted before it is built, so hostile row and column spans cannot exhaust memory.
MAX_GRID_CELLS = 200_000


def check_grid(cells: int) -> None:
    """:class:`TooComplex` when a table would have more than :data:`MAX_GRID_CELLS` cells."""
    if cells > MAX_GRID_CELLS:
        raise TooComplex(
            f"表格展开后超过 {MAX_GRID_CELLS} 个单元格，不像是年度报告的表格",
            f"a table would expand to more than {MAX_GRID_CELLS} cells; no report table does",
        )


class SiteError(Exception):
    """A build that cannot go on; the message is in Chinese and English, with no traceback.

    ``exit_code`` is 2 for a usage problem (a renderer that is not there), 1 otherwise.
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code
