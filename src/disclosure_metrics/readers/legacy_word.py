"""Old Word (``.doc``), WPS Office (``.wps``) and RTF reports, read through LibreOffice.

The bytes are written to a private temporary folder, converted to DOCX by LibreOffice headless
(``soffice --convert-to docx``, its own throw-away user profile, so parallel conversions never
meet) and the DOCX is read by the DOCX reader; the :class:`Document` keeps the original path
and says what the file was (``source_format`` ``"doc"``, ``"wps"`` or ``"rtf"``). The folder is
removed afterwards whatever happens, and a conversion that runs past :data:`TIMEOUT` is killed
with every process it started.

The import filter is named (``MS Word 97`` for OLE2 files, ``Rich Text Format`` for RTF): left
to guess, LibreOffice imports a damaged file as plain text and "succeeds". Nothing is fetched:
the profile turns macros off and links are never updated on loading, and no network address is
given to LibreOffice (this is configuration, not a sandbox).

Without LibreOffice (``soffice`` or ``libreoffice`` on ``PATH``) the file fails with
``doc_unsupported`` and says how to install it.

Example::

    >>> try:
    ...     read("old.doc", b"\\xd0\\xcf\\x11\\xe0 cut short")
    ... except ReportError as err:
    ...     print(err.code)
    doc_unreadable
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..document import Document
from ..errors import ReportError
from . import docx

#: Seconds one conversion may take (a report converts in about 1.3 s); past it, ``too_complex``.
TIMEOUT = 120.0

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
RTF_MAGIC = b"{\\rtf"
#: The header sector, one FAT sector and one directory sector: no real OLE2 file is shorter.
_MIN_OLE2_BYTES = 3 * 512

# The profile LibreOffice starts with: no macros, no link updates, no untrusted referers.
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
           xmlns:xs="http://www.w3.org/2001/XMLSchema"
           xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
  <prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
  <prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">
  <prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update">
  <prop oor:name="Link" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    """The LibreOffice program on ``PATH`` (``soffice`` or ``libreoffice``), or None."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def source_format(path: str, data: bytes) -> str:
    """What the file is: ``"rtf"`` by its bytes, ``"wps"`` by its name, else ``"doc"``.

    >>> source_format("年报.WPS", OLE2_MAGIC), source_format("年报.doc", OLE2_MAGIC)
    ('wps', 'doc')
    >>> source_format("年报.doc", b"{\\\\rtf1\\\\ansi")
    'rtf'
    """
    if data.lstrip()[:5] == RTF_MAGIC:
        return "rtf"
    return "wps" if Path(path).suffix.lower() == ".wps" else "doc"


def read(path: str, data: bytes, ocr: str = "auto", jobs: int = 1) -> Document:
    """Convert an old Word, WPS or RTF report to DOCX with LibreOffice and read that (its
    pictures by OCR as :func:`docx.read` reads them, ``ocr`` and ``jobs`` passed on).

    Raises :class:`ReportError`: ``doc_unreadable`` for a damaged file or one that is not a
    Word document, ``doc_unsupported`` when LibreOffice is not installed,
    ``doc_conversion_failed`` when LibreOffice fails, ``too_complex`` past :data:`TIMEOUT`.
    """
    kind = source_format(path, data)
    if kind == "rtf":
        in_name, in_filter = "report.rtf", "Rich Text Format"
    else:
        _check_ole2(path, data)
        in_name, in_filter = "report.doc", "MS Word 97"
    program = soffice()
    if program is None:
        raise ReportError(
            path,
            "doc_unsupported",
            f"读取 .{kind} 文件需要 LibreOffice，但本机未安装：请安装 LibreOffice"
            "（Debian/Ubuntu：apt-get install libreoffice-writer-nogui），或将文件另存为 .docx",
            f"reading a .{kind} file needs LibreOffice, which is not installed: install it "
            "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui) or save the file as .docx",
        )
    with tempfile.TemporaryDirectory(prefix="dm-word-") as tmp:
        folder = Path(tmp)
        source = folder / "in" / in_name
        out_dir = folder / "out"
        source.parent.mkdir()
        out_dir.mkdir()
        source.write_bytes(data)
        profile = folder / "profile"
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(
            _PROFILE_SETTINGS, encoding="utf-8"
        )
        command = [
            program,
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nologo",
            "--nodefault",
            f"-env:UserInstallation={profile.as_uri()}",
            f"--infilter={in_filter}",
            "--convert-to",
            "docx",
            "--outdir",
            str(out_dir),
            str(source),
        ]
        returncode, output = _run(path, command, folder)
        produced = out_dir / "report.docx"
        if not produced.is_file() or produced.stat().st_size == 0:
            if returncode == 0 and "could not be loaded" in output:
                raise ReportError(
                    path,
                    "doc_unreadable",
                    f".{kind} 文件已损坏或不是 Word 文档，LibreOffice 无法打开",
                    f"the .{kind} file is damaged or not a Word document; LibreOffice "
                    "cannot open it",
                )
            detail = _last_line(output) or f"exit status {returncode}"
            raise ReportError(
                path,
                "doc_conversion_failed",
                f"LibreOffice 转换 .{kind} 文件失败（{detail}）",
                f"LibreOffice failed to convert the .{kind} file ({detail})",
            )
        converted = produced.read_bytes()
    document = docx.read(path, converted, ocr=ocr, jobs=jobs)
    document.source_format = f"{kind}-ocr" if document.ocr_lines else kind
    return document


def _check_ole2(path: str, data: bytes) -> None:
    """``doc_unreadable`` for bytes that cannot be an OLE2 compound file (saves a conversion)."""
    if not data.startswith(OLE2_MAGIC[:4]):
        raise ReportError(
            path,
            "doc_unreadable",
            "不是 Word 97-2003 / WPS 文件（没有 OLE2 文件头），也不是网页或文本",
            "not a Word 97-2003 / WPS file (no OLE2 header), nor a web page or text",
        )
    if not data.startswith(OLE2_MAGIC) or len(data) < _MIN_OLE2_BYTES:
        raise ReportError(
            path,
            "doc_unreadable",
            f"文件已损坏（Word 97-2003 / WPS 文件头不完整或文件被截断，共 {len(data)} 字节）",
            "the file is damaged (its Word 97-2003 / WPS header is incomplete or the file is "
            f"cut short: {len(data)} bytes)",
        )


def _run(path: str, command: list[str], folder: Path) -> tuple[int, str]:
    """Run LibreOffice in its own process group; kill the whole group on timeout or on any
    interruption (the parse budget's signal), so no ``soffice.bin`` outlives the read."""
    env = {**os.environ, "HOME": str(folder)}  # anything it writes goes to the temp folder
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        cwd=folder,
        env=env,
        start_new_session=True,
    )
    try:
        out, _ = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise ReportError(
            path,
            "too_complex",
            f"LibreOffice 转换超过时间上限（{TIMEOUT:g} 秒），文件过于复杂",
            f"the LibreOffice conversion took longer than {TIMEOUT:g} s: the file is too complex",
        ) from None
    except BaseException:
        _kill(process)
        raise
    return process.returncode, out.decode("utf-8", "replace")


def _kill(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # already gone
        os.killpg(process.pid, signal.SIGKILL)
    process.communicate()


def _last_line(output: str) -> str:
    lines = [
        line.strip()
        for line in output.splitlines()
        if line.strip() and "javaldx" not in line  # a harmless warning on every run
    ]
    return lines[-1][:200] if lines else ""
