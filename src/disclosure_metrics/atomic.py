"""Replacing a whole output folder at once: a reader sees the old set whole or the new one.

The new set is assembled in a fresh folder beside the target (same file system, so renames
work), the target's files that are not ours (a user's notes) are carried over as hard links,
and the two folders are swapped: by one ``renameat2(RENAME_EXCHANGE)`` on Linux, else by two
renames. The old set is then removed. Temporary folders of a run that died are removed by the
next run; on a full disk the staging is removed and :class:`OutputError` names the folder.

Example::

    >>> import tempfile
    >>> base = Path(tempfile.mkdtemp())
    >>> out = base / "site"; out.mkdir()
    >>> _ = (out / "old.html").write_text("old"); _ = (out / "notes.txt").write_text("mine")
    >>> with staging(out) as new:
    ...     _ = (new / "new.html").write_text("new")
    ...     replace_folder(new, out, owned={"old.html"})
    >>> sorted(p.name for p in out.iterdir()), sorted(p.name for p in base.iterdir())
    (['new.html', 'notes.txt'], ['site'])
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError

_STAGING, _OLD = "staging", "old"
# Errors of the place written to: reported as a message naming the folder.
WRITE_ERRORS = (errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM)


class OutputError(InputError):
    """The output folder cannot be written (full disk, read-only, no permission); exit 1."""

    def __init__(self, folder: Path, exc: OSError) -> None:
        reason = exc.strerror or type(exc).__name__
        super().__init__(
            f"无法写入输出文件夹 {folder}：{reason}（原有内容未改动）",
            f"cannot write the output folder {folder}: {reason} (its previous content is kept)",
            exit_code=1,
        )


def _temp_name(out: Path, kind: str) -> Path:
    return out.parent / f".{out.name}.{kind}-{os.getpid()}"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_leftovers(out: Path) -> list[Path]:
    """Remove the temporary folders beside ``out`` of runs that are no longer running."""
    removed = []
    if not out.parent.is_dir():
        return removed
    for path in out.parent.glob(f".{out.name}.*-*"):
        kind, _, pid = path.name.removeprefix(f".{out.name}.").partition("-")
        if kind not in (_STAGING, _OLD) or not pid.isdigit():
            continue
        if int(pid) == os.getpid() or not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


@contextmanager
def staging(out: Path) -> Iterator[Path]:
    """A fresh folder beside ``out`` to assemble the new set in; removed on error (and any
    write error becomes :class:`OutputError` naming ``out``)."""
    out = Path(os.path.abspath(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(out)
    folder = _temp_name(out, _STAGING)
    try:
        folder.mkdir()
        yield folder
    except OSError as exc:
        if exc.errno in WRITE_ERRORS:
            raise OutputError(out, exc) from None
        raise
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _carry_over(out: Path, new: Path, owned: Callable[[str], bool]) -> None:
    """The files of ``out`` that are not ours and not in ``new``: hard links where possible."""
    for root, dirs, files in os.walk(out):
        rel_root = Path(root).relative_to(out)
        for name in files + [d for d in dirs if os.path.islink(os.path.join(root, d))]:
            rel = (rel_root / name).as_posix()
            source, target = Path(root) / name, new / rel
            if owned(rel) or os.path.lexists(target):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.is_symlink():
                target.symlink_to(os.readlink(source))
                continue
            try:
                os.link(source, target)
            except OSError:
                shutil.copy2(source, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2``); False where that is not available."""
    libc_name = ctypes.util.find_library("c")
    if libc_name is None:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    if not hasattr(libc, "renameat2"):
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = libc.renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def replace_folder(new: Path, out: Path, owned: Iterable[str] | Callable[[str], bool]) -> None:
    """Make ``new`` (complete) the content of ``out``, keeping ``out``'s files that are not
    ``owned`` (paths relative to ``out``, or a test on them). ``new`` is consumed."""
    out = Path(os.path.abspath(out))
    is_owned = owned if callable(owned) else set(owned).__contains__
    if out.is_dir():
        _carry_over(out, new, is_owned)
    elif os.path.lexists(out):
        raise InputError(f"输出路径不是文件夹：{out}", f"the output path is not a folder: {out}")
    else:
        os.rename(new, out)
        return
    if _exchange(new, out):
        shutil.rmtree(new, ignore_errors=True)  # now the old set
        return
    old = _temp_name(out, _OLD)
    os.rename(out, old)
    os.rename(new, out)
    shutil.rmtree(old, ignore_errors=True)
