"""Finding the inputs: every file named or found under a folder, each with its report id.

Nothing found is dropped. A file that is not read is listed with the reason (``skipped``), a
folder or file that cannot be listed or read is listed as ``unreadable``. Every entry carries
its id, the path relative to the input it was found under (two files named ``年报.txt`` in two
folders stay two reports). Symlinked folders are followed once (a loop is not followed twice);
a link that leads outside the given folder is listed as skipped, not read. File names that are
not valid UTF-8 keep their bytes (surrogate escapes) for opening, and are shown through
:func:`safe_text`.

Example::

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for name in ("a/年报.txt", "b/年报.txt", "b/old.doc"):
    ...     (root / name).parent.mkdir(exist_ok=True)
    ...     _ = (root / name).write_text("x", encoding="utf-8")
    >>> [(f.report, f.skip) for f in find_inputs([str(root)])]
    [('a/年报.txt', None), ('b/old.doc', 'not a report file type (.doc)'), ('b/年报.txt', None)]
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, ReportError
from .readers import SUPPORTED_SUFFIXES


def safe_text(text: str) -> str:
    """``text`` with the undecodable bytes of a file name shown as ``\\xNN`` (valid UTF-8).

    >>> safe_text(os.fsdecode(b"\\xc4\\xea\\xb1\\xa8.txt"))
    '\\\\xc4\\\\xea\\\\xb1\\\\xa8.txt'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text


@dataclass
class InputFile:
    """One file (or unlistable folder) of the inputs, with how it is to be treated.

    ``report``: the id, the path relative to the given input (the name for a file given by
    name); ``skip``: why it is not read; ``error``: a problem found while listing it.
    """

    path: Path
    report: str
    skip: str | None = None
    error: ReportError | None = None

    @property
    def readable(self) -> bool:
        return self.skip is None and self.error is None


def _unreadable(path: Path, report: str, exc: OSError, what: str = "文件夹 folder") -> InputFile:
    reason = exc.strerror or type(exc).__name__
    error = ReportError(
        safe_text(str(path)),
        "unreadable",
        f"无法读取{what.split()[0]}：{reason}",
        f"cannot read the {what.split()[1]}: {reason}",
    )
    return InputFile(path, report, error=error)


def _walk(root: Path) -> list[InputFile]:
    """Every entry under ``root``, sorted by relative path, links followed once."""
    real_root = root.resolve()
    found: list[InputFile] = []
    seen_dirs: set[tuple[int, int]] = set()

    def visit(folder: Path, rel: str) -> None:
        try:
            info = folder.stat()
        except OSError as exc:
            found.append(_unreadable(folder, safe_text(rel or folder.name), exc))
            return
        if (info.st_dev, info.st_ino) in seen_dirs:
            return  # a loop, or a second link to a folder already read
        seen_dirs.add((info.st_dev, info.st_ino))
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.append(_unreadable(folder, safe_text(rel or folder.name), exc))
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, editor backups) are not inputs
            path = Path(entry.path)
            child = f"{rel}/{entry.name}" if rel else entry.name
            report = safe_text(child)
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    found.append(InputFile(path, report, skip="broken link"))
                    continue
                if not target.is_relative_to(real_root):
                    found.append(
                        InputFile(path, report, skip="link leads outside the given folder")
                    )
                    continue
            try:
                mode = path.stat().st_mode
            except OSError as exc:
                found.append(_unreadable(path, report, exc, "文件 file"))
                continue
            if stat.S_ISDIR(mode):
                visit(path, child)
            elif not stat.S_ISREG(mode):
                found.append(InputFile(path, report, skip="not a regular file"))
            elif path.suffix.lower() in SUPPORTED_SUFFIXES:
                found.append(InputFile(path, report))
            else:
                found.append(
                    InputFile(
                        path, report, skip=f"not a report file type ({path.suffix or 'no suffix'})"
                    )
                )

    visit(root, "")
    return sorted(found, key=lambda f: f.report)


def find_inputs(inputs: Iterable[str | Path], missing_ok: bool = False) -> list[InputFile]:
    """Every file named or found under a folder, each with a unique report id.

    A path that does not exist is an :class:`InputError` (a usage error) unless ``missing_ok``
    (then it is listed as a failed ``unreadable`` file). The same file reached twice (a folder
    given twice) is listed once. Ids that repeat across inputs get the input folder's name in
    front, then the full path.
    """
    out: list[InputFile] = []
    real_seen: set[str] = set()
    used: set[str] = set()
    for given in inputs:
        root = Path(given)
        if not os.path.lexists(root) and not missing_ok:
            shown = safe_text(str(given))
            raise InputError(f"路径不存在：{shown}", f"no such file or folder: {shown}")
        if root.is_dir():
            entries = _walk(root)
            prefix = safe_text(root.resolve().name)
        else:
            entries = [InputFile(root, safe_text(root.name))]
            prefix = safe_text(root.resolve().parent.name)
        for entry in entries:
            real = os.path.realpath(entry.path)
            if real in real_seen:
                continue
            real_seen.add(real)
            for candidate in (
                entry.report,
                f"{prefix}/{entry.report}",
                safe_text(str(entry.path)),
            ):
                if candidate not in used:
                    break
            else:
                candidate = f"{entry.report}#{len(used)}"
            entry.report = candidate
            used.add(candidate)
            out.append(entry)
    return out
