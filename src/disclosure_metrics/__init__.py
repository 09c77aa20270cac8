"""disclosure-metrics: exact numbers from 政府信息公开工作年度报告.

The public API is small; everything else lives in modules that may change.

Example::

    >>> import disclosure_metrics as dm
    >>> report = dm.parse_file("data/raw/2020_huianpu.txt")
    >>> report.format
    'GOV2019'
"""

from .checks import CheckResult, run_checks
from .corpus import Corpus, load
from .errors import InputError, ReportError, UnsupportedFormatError
from .parse import Report, parse_document, parse_file

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
    return Corpus.from_exports(folder)
