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
    >>> for name in ("a/年报.txt", "b/年报.txt", "b/old.doc", "b/data.xls"):
    ...     (root / name).parent.mkdir(exist_ok=True)
    ...     _ = (root / name).write_text("x", encoding="utf-8")
    >>> for f in find_inputs([str(root)]):
    ...     print(f.report, f.skip)
    a/年报.txt None
    b/data.xls not a report file type (.xls)
    b/old.doc None
    b/年报.txt None
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, ReportError
from .readers import SUFFIX_KIND, SUPPORTED_SUFFIXES


def safe_text(text: str) -> str:
    """``text`` with the undecodable bytes of a file name shown as ``\\xNN`` (valid UTF-8).

    >>> safe_text(os.fsdecode("报告.txt".encode("gbk")))
    '\\\\xb1\\\\xa8\\\\xb8\\\\xe6.txt'
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:  # a lone surrogate that no file name byte made
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
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


def _kind(path: Path, report: str) -> InputFile | None:
    """A file as an input (read, or skipped with the reason); None for a folder."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return _unreadable(path, report, exc, "文件 file")
    if stat.S_ISDIR(mode):
        return None
    if not stat.S_ISREG(mode):
        return InputFile(path, report, skip="not a regular file")
    if path.suffix.lower() in IMAGE_SUFFIXES and saved_page_of(path) is not None:
        page = saved_page_of(path)
        return InputFile(path, report, skip=f"an image of the saved page {page}, read with it")
    if path.suffix.lower() in SUPPORTED_SUFFIXES:
        return InputFile(path, report)
    if path.suffix.lower() == ".ofd":
        return InputFile(path, report, skip="an OFD layout file, not read: save it as PDF")
    return InputFile(path, report, skip=f"not a report file type ({path.suffix or 'no suffix'})")


IMAGE_SUFFIXES = frozenset(s for s, kind in SUFFIX_KIND.items() if kind == "image")


def saved_page_of(image: Path) -> str | None:
    """The page an image belongs to when a browser saved them together (``报告.html`` beside
    its folder ``报告_files/``, or ``报告.files/``): the image is read with the page, not as a
    report of its own.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> (root / "年报_files").mkdir(); _ = (root / "年报.htm").write_text("<p>x</p>")
    >>> saved_page_of(root / "年报_files" / "image001.png"), saved_page_of(root / "扫描.png")
    ('年报.htm', None)
    """
    folder = image.parent.name
    for tail in ("_files", ".files"):
        if folder.endswith(tail) and len(folder) > len(tail):
            stem = folder[: -len(tail)]
            for suffix in (".html", ".htm", ".shtml", ".mht"):
                if (image.parent.parent / f"{stem}{suffix}").is_file():
                    return f"{stem}{suffix}"
    return None


def _walk(root: Path) -> list[InputFile]:
    """Every entry under ``root``, sorted by relative path. Real folders are read first and
    links after them, so a link to something already read is listed as such, once."""
    real_root = root.resolve()
    found: list[InputFile] = []
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[str] = set()
    links: list[tuple[Path, str]] = []

    def visit(folder: Path, rel: str) -> None:
        try:
            info = folder.stat()
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            found.append(_unreadable(folder, safe_text(rel or folder.name), exc))
            return
        seen_dirs.add((info.st_dev, info.st_ino))
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, editor backups) are not inputs
            path = Path(entry.path)
            child = f"{rel}/{entry.name}" if rel else entry.name
            if entry.is_symlink():
                links.append((path, child))
                continue
            item = _kind(path, safe_text(child))
            if item is None:
                visit(path, child)
            else:
                seen_files.add(os.path.realpath(path))
                found.append(item)

    visit(root, "")
    while links:
        path, child = links.pop(0)
        report = safe_text(child)
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            found.append(InputFile(path, report, skip="broken link"))
            continue
        if not target.is_relative_to(real_root):
            found.append(InputFile(path, report, skip="link leads outside the given folder"))
            continue
        item = _kind(path, report)
        if item is None:
            info = target.stat()
            if (info.st_dev, info.st_ino) in seen_dirs:
                found.append(InputFile(path, report, skip="link to a folder already read"))
            else:
                visit(path, child)
        elif str(target) in seen_files:
            found.append(InputFile(path, report, skip="link to a file already listed"))
        else:
            seen_files.add(str(target))
            found.append(item)
    return sorted(found, key=lambda f: f.report)


def find_inputs(inputs: Iterable[str | Path], missing_ok: bool = False) -> list[InputFile]:
    """Every file named or found under a folder, each with a unique report id.

    A path that does not exist is an :class:`InputError` (a usage error) unless ``missing_ok``
    (then it is listed as a failed ``unreadable`` file). The same file reached twice (a folder
    given twice) is listed once. Ids that repeat across inputs get the input folder's name in
    front, then the full path.
    """
    found: list[tuple[InputFile, str]] = []
    real_seen: set[str] = set()
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
            if real not in real_seen:  # the same file given twice is one input
                real_seen.add(real)
                found.append((entry, prefix))
    # An id that two inputs share gets each input's folder name in front, then the full path.
    repeated = Counter(e.report for e, _p in found)
    prefixed = Counter(f"{p}/{e.report}" for e, p in found if repeated[e.report] > 1)
    used: set[str] = set()
    for entry, prefix in found:
        candidate = entry.report
        if repeated[candidate] > 1:
            candidate = f"{prefix}/{entry.report}"
            if prefixed[candidate] > 1:
                candidate = safe_text(str(entry.path))
        while candidate in used:
            candidate += "#"
        entry.report = candidate
        used.add(candidate)
    return [e for e, _p in found]
