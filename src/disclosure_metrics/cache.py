"""The parse cache: results stored as checked JSON data, never as code (no pickle).

An entry is keyed by the input's sha256 and the code version. It is one line of header (format,
input hash, code version, the payload's sha256) and the payload: the :class:`Report` or the
:class:`ReportError` as tagged JSON. Reading builds only the package's own record types
(:data:`RECORD_TYPES`) from their fields; anything else, a checksum that does not match or a
header for another input, makes the entry :class:`CorruptEntry`: the file is parsed again and
the damage is reported, never trusted. A cache on a shared file system therefore cannot run
code on the machines that read it, nor change a result without being noticed.

Example::

    >>> import tempfile
    >>> from disclosure_metrics import parse_file
    >>> report = parse_file("data/raw/2020_huianpu.txt")
    >>> entry = Path(tempfile.mkdtemp()) / "e.json"
    >>> store(entry, "ab" * 32, report, None)
    >>> load_entry(entry, "ab" * 32, path=report.path)[0] == report
    True
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from .errors import ReportError, UnsupportedFormatError
from .narrative import Fact
from .numbers import Ambiguous
from .parse import Report
from .sections import SectionHit

FORMAT = 1
#: The only types an entry may contain besides JSON's own (and tuples).
RECORD_TYPES: dict[str, type] = {cls.__name__: cls for cls in (Report, SectionHit, Fact, Ambiguous)}
ERROR_TYPES: dict[str, type[ReportError]] = {
    cls.__name__: cls for cls in (ReportError, UnsupportedFormatError)
}


class CorruptEntry(ValueError):
    """A cache entry that fails its checks; the message says which."""


def encode(value: Any) -> Any:
    """A parse result as plain JSON values; tuples, dicts and records tagged.

    >>> encode((1, Ambiguous((2, 3))))
    {'t': [1, {'r': 'Ambiguous', 'f': {'candidates': {'t': [2, 3]}}}]}
    """
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"t": [encode(v) for v in value]}
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise TypeError("only text keys can be cached")
        return {"d": {k: encode(v) for k, v in value.items()}}
    if isinstance(value, ReportError) and type(value).__name__ in ERROR_TYPES:
        return {
            "e": type(value).__name__,
            "f": {
                "code": value.code,
                "message_zh": value.message_zh,
                "message_en": value.message_en,
                "details": encode(value.details),
            },
        }
    if dataclasses.is_dataclass(value) and RECORD_TYPES.get(type(value).__name__) is type(value):
        fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return {"r": type(value).__name__, "f": fields}
    raise TypeError(f"cannot cache a {type(value).__name__}")


def decode(data: Any, path: str) -> Any:
    """The inverse of :func:`encode`; only :data:`RECORD_TYPES` and errors are built."""
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [decode(v, path) for v in data]
    if not isinstance(data, dict) or len(data) not in (1, 2):
        raise CorruptEntry("unexpected value")
    if "t" in data and len(data) == 1:
        return tuple(decode(v, path) for v in data["t"])
    if "d" in data and len(data) == 1:
        return {str(k): decode(v, path) for k, v in data["d"].items()}
    if "e" in data and data["e"] in ERROR_TYPES:
        f = data["f"]
        details = decode(f["details"], path)
        return ERROR_TYPES[data["e"]](path, f["code"], f["message_zh"], f["message_en"], **details)
    if "r" in data and data["r"] in RECORD_TYPES:
        fields = {k: decode(v, path) for k, v in data["f"].items()}
        try:
            return RECORD_TYPES[data["r"]](**fields)
        except TypeError as exc:
            raise CorruptEntry(f"bad record: {exc}") from exc
    raise CorruptEntry("unknown tag")


def _header(sha: str, code: str, payload: bytes) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "input": sha,
        "code": code,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }


def store(
    target: Path, sha: str, report: Report | None, error: ReportError | None, code: str = ""
) -> None:
    """Write one entry atomically (temporary name, then rename); nothing if it cannot be."""
    try:
        payload = json.dumps(
            {"report": encode(report), "error": encode(error)}, ensure_ascii=False
        ).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError):
        return  # a result the cache cannot hold as data is simply parsed again next time
    header = json.dumps(_header(sha, code, payload)).encode()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(header + b"\n" + payload)
        tmp.replace(target)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk only costs the cache entry


def load_entry(
    target: Path, sha: str, code: str = "", path: str = ""
) -> tuple[Report | None, ReportError | None]:
    """The (report, error) stored in ``target`` for input ``sha``; :class:`CorruptEntry` if
    the entry is damaged, for another input, or holds anything but the package's records."""
    raw = target.read_bytes()
    head, sep, payload = raw.partition(b"\n")
    try:
        header = json.loads(head)
    except ValueError as exc:
        raise CorruptEntry("unreadable header") from exc
    if not sep or not isinstance(header, dict) or header != _header(sha, code, payload):
        raise CorruptEntry("checksum or key does not match")
    try:
        body = json.loads(payload.decode("utf-8"))
        report = decode(body["report"], path)
        error = decode(body["error"], path)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CorruptEntry(f"unreadable payload: {exc}") from exc
    if not (report is None or isinstance(report, Report)) or not (
        error is None or isinstance(error, ReportError)
    ):
        raise CorruptEntry("wrong record type")
    if report is not None:
        report.path = path
    return report, error
