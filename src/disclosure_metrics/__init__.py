"""disclosure-metrics: exact numbers from 政府信息公开工作年度报告.

The public API is small; everything else lives in modules that may change.

Example::

    >>> import disclosure_metrics as dm
    >>> report = dm.parse_file("data/raw/2020_huianpu.txt")
    >>> report.format
    'GOV2019'
"""

from .errors import ReportError, UnsupportedFormatError
from .parse import Report, parse_document, parse_file

__all__ = ["Report", "ReportError", "UnsupportedFormatError", "parse_document", "parse_file"]
__version__ = "0.1.0"
