"""disclosure-metrics: exact numbers from 政府信息公开工作年度报告.

The public API is small; everything else lives in modules that may change.

Example::

    >>> import disclosure_metrics as dm
    >>> report = dm.parse_file("data/raw/2020_huianpu.txt")
    >>> report.format
    'GOV2019'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .checks import CheckResult, run_checks
from .errors import InputError, ReportError, UnsupportedFormatError
from .parse import Report, parse_document, parse_file

if TYPE_CHECKING:
    from .corpus import Corpus, load

__all__ = [
    "CheckResult",
    "Corpus",
    "InputError",
    "Report",
    "ReportError",
    "UnsupportedFormatError",
    "load",
    "open_exports",
    "parse_document",
    "parse_file",
    "run_checks",
]
__version__ = "0.1.0"


def open_exports(folder: str) -> Corpus:
    """A corpus read back from the Parquet files of ``disclosure-metrics export``."""
    from .corpus import Corpus

    return Corpus.from_exports(folder)


def __getattr__(name: str) -> Any:
    # The corpus API needs pandas (about 0.3 s to import): loaded on first use, so that
    # parsing one report (the command line, a worker) never pays for it.
    if name in ("Corpus", "load"):
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
