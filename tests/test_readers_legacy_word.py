"""Old Word (.doc), WPS (.wps) and RTF reports through LibreOffice: a real report made into a
.doc once per session, damaged files, LibreOffice missing, and what .doc names hide."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx as python_docx
import pytest

from disclosure_metrics import ReportError, parse_file
from disclosure_metrics.document import Table, TextLine
from disclosure_metrics.ingest import ingest_one
from disclosure_metrics.inputs import find_inputs
from disclosure_metrics.readers import legacy_word, read_document, sniff_kind

from .conftest import CORPUS, corpus_or_skip, load_truth
from .test_parse import _cells, _same

REPORT = "2020_huianpu"


def soffice_or_skip() -> str:
    program = legacy_word.soffice()
    if program is None:
        pytest.skip("LibreOffice is not installed (make test installs libreoffice-writer-nogui)")
    return program


@pytest.fixture(scope="session")
def real_doc(tmp_path_factory) -> Path:
    """The corpus report 2020_huianpu as a Word 97-2003 .doc: its text and tables written to a
    DOCX with python-docx, then saved as .doc by LibreOffice (the session's one conversion)."""
    corpus = corpus_or_skip()
    program = soffice_or_skip()
    folder = tmp_path_factory.mktemp("legacy_word")
    source = read_document(corpus / "reports" / f"{REPORT}.txt")
    out = python_docx.Document()
    for item in source.items:
        if isinstance(item, TextLine):
            out.add_paragraph(item.text)
            continue
        width = max(len(row) for row in item.rows)
        table = out.add_table(rows=len(item.rows), cols=width)
        for r, row in enumerate(item.rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell.text
    out.save(folder / f"{REPORT}.docx")
    subprocess.run(
        [
            program,
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "doc",
            "--outdir",
            str(folder),
            str(folder / f"{REPORT}.docx"),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    made = folder / f"{REPORT}.doc"
    assert made.read_bytes().startswith(legacy_word.OLE2_MAGIC)
    return made


def running_in(folder: Path, psutil) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """Command lines of the processes still running with ``folder`` in their arguments."""
    return [
        p.info["cmdline"]
        for p in psutil.process_iter(["cmdline"])
        if any(str(folder) in part for part in p.info["cmdline"] or [])
    ]


def assert_matches_truth(report) -> None:  # type: ignore[no-untyped-def]
    truth = load_truth(CORPUS / "truth" / f"{REPORT}.json")
    data = report.to_json()
    assert (data["agency"], data["year"], data["format"]) == (
        truth["agency"],
        truth["year"],
        truth["format"],
    )
    wrong = []
    for table in ("table2", "table3", "table4"):
        got_cells = _cells(table, data[table])
        for path, want in _cells(table, truth[table]).items():
            got = got_cells.get(path, "<missing>")
            if not _same(got, want):
                wrong.append((path, got, want))
    assert not wrong, wrong


def test_doc_parses_to_the_truth(real_doc: Path) -> None:
    report = parse_file(real_doc)
    assert report.source_format == "doc"
    assert report.path == str(real_doc)  # the original file, not LibreOffice's temporary copy
    assert_matches_truth(report)


def test_wps_name_parses_the_same(real_doc: Path, tmp_path: Path) -> None:
    wps = tmp_path / f"{REPORT}.wps"
    shutil.copy(real_doc, wps)
    report = parse_file(wps)
    assert report.source_format == "wps"
    assert_matches_truth(report)


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder made the temporary folder of the test: what a conversion leaves there
    is seen."""
    folder = tmp_path / "scratch"
    folder.mkdir()
    monkeypatch.setattr("tempfile.tempdir", str(folder))
    return folder


def test_damaged_doc_names_the_file_and_leaves_nothing_behind(
    real_doc: Path, tmp_path: Path, scratch: Path
) -> None:
    cut = tmp_path / "cut.doc"
    cut.write_bytes(real_doc.read_bytes()[:20_000])  # a download cut short
    with pytest.raises(ReportError) as caught:
        parse_file(cut)
    err = caught.value
    assert err.code == "doc_unreadable" and err.path == str(cut)
    assert str(err).startswith(f"{cut}: ") and "damaged" in err.message_en
    assert list(scratch.iterdir()) == []  # the temporary folder is removed after a failure too


def test_cut_header_fails_before_libreoffice(tmp_path: Path) -> None:
    stub = tmp_path / "old.doc"
    stub.write_bytes(b"\xd0\xcf\x11\xe0 legacy word")
    with pytest.raises(ReportError) as caught:
        parse_file(stub)
    assert caught.value.code == "doc_unreadable" and "16 bytes" in caught.value.message_en


def test_without_libreoffice_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(shutil, "which", lambda _name, *args, **kwargs: None)
    ole = legacy_word.OLE2_MAGIC + bytes(4096)  # a whole header: only LibreOffice can tell more
    for name, kind in (("年报.doc", ".doc"), ("年报.wps", ".wps")):
        path = tmp_path / name
        path.write_bytes(ole)
        with pytest.raises(ReportError) as caught:
            parse_file(path)
        err = caught.value
        assert err.code == "doc_unsupported" and err.path == str(path)
        assert kind in err.message_en and kind in err.message_zh
        for message in (err.message_zh, err.message_en):
            assert "libreoffice-writer-nogui" in message and ".docx" in message
    # Not cached: installing LibreOffice must make the same file readable next time.
    cache = tmp_path / "cache"
    assert ingest_one(tmp_path / "年报.doc", cache).error.code == "doc_unsupported"
    assert not list(cache.rglob("*.json"))


def test_conversion_past_the_timeout_is_killed(
    real_doc: Path, scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    psutil = pytest.importorskip("psutil")
    monkeypatch.setattr(legacy_word, "TIMEOUT", 0.05)
    with pytest.raises(ReportError) as caught:
        parse_file(real_doc)
    assert caught.value.code == "too_complex"
    assert list(scratch.iterdir()) == []
    assert running_in(scratch, psutil) == []  # soffice and soffice.bin killed, not orphaned


def test_parse_budget_stops_a_conversion_too(
    real_doc: Path, scratch: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The budget's signal interrupts the wait for LibreOffice: its processes are killed too.
    psutil = pytest.importorskip("psutil")
    monkeypatch.setenv("DISCLOSURE_METRICS_TIME_BUDGET", "0.2")
    result = ingest_one(real_doc)
    assert result.error is not None and result.error.code == "too_complex"
    assert "budget" in result.error.message_en
    assert list(scratch.iterdir()) == []
    assert running_in(scratch, psutil) == []


def test_rtf_is_converted_under_any_name(tmp_path: Path) -> None:
    soffice_or_skip()
    rtf = (
        b"{\\rtf1\\ansi\\uc1 {\\u19968?\\u12289?\\u24635?\\u20307?\\u24773?\\u20917?}\\par\n"
        b"\\trowd\\cellx2000\\cellx4000 {\\u35268?\\u31456?}\\cell 0\\cell\\row\n}"
    )
    for name in ("r.rtf", "r.doc"):
        path = tmp_path / name
        path.write_bytes(rtf)
        doc = read_document(path)
        assert doc.source_format == "rtf"
        assert doc.items[0] == TextLine("一、总体情况")
        table = next(item for item in doc.items if isinstance(item, Table))
        assert [cell.text for cell in table.rows[0]] == ["规章", "0"]


def test_doc_names_on_web_pages_and_text_go_to_those_readers(tmp_path: Path) -> None:
    corpus = corpus_or_skip()
    page = b"\xef\xbb\xbf<!-- saved by Word --><HTML xmlns:o='urn:office'><body>x</body></HTML>"
    assert sniff_kind(Path("a.doc"), page) == "html"
    assert sniff_kind(Path("a.wps"), b"\x01\x02\x00 binary") == "legacy_word"
    text = tmp_path / f"{REPORT}.doc"
    shutil.copy(corpus / "reports" / f"{REPORT}.txt", text)
    report = parse_file(text)
    assert report.source_format == "text"
    assert_matches_truth(report)
    with pytest.raises(ReportError) as caught:
        read_document(tmp_path / "x.wps", b"\x01\x02\x00 binary")
    assert caught.value.code == "doc_unreadable" and "no OLE2 header" in caught.value.message_en


def test_folders_list_doc_and_wps_files(tmp_path: Path) -> None:
    for name in ("a.doc", "b.WPS", "c.rtf", "d.xls"):
        (tmp_path / name).write_bytes(b"x")
    assert {f.report: f.skip for f in find_inputs([tmp_path])} == {
        "a.doc": None,
        "b.WPS": None,
        "c.rtf": None,
        "d.xls": "not a report file type (.xls)",
    }
