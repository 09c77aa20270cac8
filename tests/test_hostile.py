"""Hostile input: mutated real reports and random bytes give a report or the package's own
error — never another exception, never a hang."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from disclosure_metrics import ReportError, parse_file
from disclosure_metrics.readers import read_document

from .conftest import CORPUS, SAMPLE

FUZZ = settings(
    max_examples=40,
    deadline=10_000,  # ms: a parse that takes longer is a hang
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,
)


def _parse_bytes(tmp_path: Path, name: str, data: bytes, ocr: str = "auto") -> None:
    path = tmp_path / name
    path.write_bytes(data)
    try:
        report = parse_file(path, ocr=ocr)
    except ReportError as err:
        assert err.path == str(path) and err.message_zh and err.message_en
    else:
        assert report.format in {"GOV2019", "GOV2021", "HYBRID"}


@st.composite
def mutated(draw, source: bytes) -> bytes:
    data = bytearray(source)
    for _ in range(draw(st.integers(1, 12))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[pos] = draw(st.integers(0, 255))
        elif op == "insert":
            data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[pos : pos + draw(st.integers(1, 256))]
        elif op == "truncate":
            del data[pos:]
        elif op == "repeat":
            data[pos:pos] = data[pos : pos + 200] * draw(st.integers(1, 20))
    return bytes(data)


@FUZZ
@given(data=mutated(SAMPLE.read_bytes()))
def test_mutated_text_report(tmp_path: Path, data: bytes) -> None:
    _parse_bytes(tmp_path, "mutated.txt", data)


@FUZZ
@given(
    data=st.binary(max_size=4096),
    suffix=st.sampled_from([".txt", ".html", ".pdf", ".docx", ".md", ".png", ".jpg"]),
)
def test_random_bytes_under_every_name(tmp_path: Path, data: bytes, suffix: str) -> None:
    _parse_bytes(tmp_path, f"random{suffix}", data)


def _corpus_bytes(name: str) -> bytes:
    path = CORPUS / "reports" / name
    return path.read_bytes() if path.exists() else b""


@pytest.mark.skipif(not (CORPUS / "reports").is_dir(), reason="the shared corpus is absent")
@FUZZ
@given(data=mutated(_corpus_bytes("2019_shanghai_bgt.html")))
def test_mutated_html_report(tmp_path: Path, data: bytes) -> None:
    _parse_bytes(tmp_path, "mutated.html", data)


@pytest.mark.skipif(not (CORPUS / "reports").is_dir(), reason="the shared corpus is absent")
@settings(FUZZ, max_examples=25)
@given(data=mutated(_corpus_bytes("2023_hongzequ.pdf")))
def test_mutated_pdf_report(tmp_path: Path, data: bytes) -> None:
    # OCR off: a mutation that blanks the text layer would otherwise OCR five pages (~30 s),
    # which is slow, not a hang; the OCR path is fuzzed on a small image below.
    _parse_bytes(tmp_path, "mutated.pdf", data, ocr="never")


def _small_table_jpeg() -> bytes:
    """A 600×240 crop of table 3 from 2023 洪泽区 page 3 at 100 dpi, as JPEG bytes (no checksum: a
    mutated JPEG mostly still decodes, into damaged pixels that OCR then reads)."""
    path = CORPUS / "reports" / "2023_hongzequ.pdf"
    if not path.exists():
        return b""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    image = pdf[2].render(scale=100 / 72).to_pil().convert("RGB").crop((100, 640, 700, 880))
    pdf.close()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@pytest.mark.skipif(not (CORPUS / "reports").is_dir(), reason="the shared corpus is absent")
@settings(FUZZ, max_examples=15)
@given(data=mutated(_small_table_jpeg()))
def test_mutated_image_through_ocr(tmp_path: Path, data: bytes) -> None:
    _parse_bytes(tmp_path, "mutated.jpg", data)


@FUZZ
@given(
    text=st.text(
        alphabet=st.sampled_from(
            "0123456789 -./元（）一二三四五六七八九十自然人总计本年新收予以公开\t|\n"
        ),
        max_size=3000,
    )
)
def test_glued_digits_and_labels_never_hang(tmp_path: Path, text: str) -> None:
    body = "政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n本年新收" + text
    _parse_bytes(tmp_path, "digits.txt", body.encode())


def test_html_entities_and_network_are_off(tmp_path: Path) -> None:
    page = tmp_path / "xxe.html"
    page.write_text(
        '<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        '<html><body><p>&xxe;&b;</p><img src="http://127.0.0.1:9/x.png"></body></html>',
        encoding="utf-8",
    )
    doc = read_document(page)
    text = "\n".join(doc.text_lines())
    assert "root:" not in text and "aaaaaaaaaaaaaaaaaaaa" not in text


def test_docx_with_entity_declarations_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(
            "[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><Types/>'
        )
        z.writestr("word/document.xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w/>')
    path = tmp_path / "bomb.docx"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ReportError):
        parse_file(path)


def test_oversized_file_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from disclosure_metrics import readers

    monkeypatch.setattr(readers, "MAX_BYTES", 1000)
    with pytest.raises(ReportError) as info:
        read_document(SAMPLE)
    assert info.value.code == "too_large"


def _gridbefore_docx() -> bytes:
    import docx as python_docx
    from docx.oxml.ns import qn

    document = python_docx.Document()
    document.add_paragraph("一、总体情况")
    table = document.add_table(rows=1, cols=2)
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tr_pr.append(tr_pr.makeelement(qn("w:gridBefore"), {qn("w:val"): str(10**8)}))
    for _ in range(3000):  # each row asks for the capped 100 empty cells
        row = table.add_row()._tr.get_or_add_trPr()
        row.append(row.makeelement(qn("w:gridBefore"), {qn("w:val"): str(10**8)}))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_exploding_table_grids_are_too_complex_and_the_batch_goes_on(tmp_path: Path) -> None:
    """Spans that would build billions of cells are counted before the grid is built."""
    import json
    import shutil
    import time

    from .test_cli import run, summary

    folder = tmp_path / "hostile"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "sample.txt")
    rows = "".join("<tr><td>1</td></tr>" for _ in range(3000))
    (folder / "spans.html").write_text(
        f'<html><body><table><tr><td rowspan="3000" colspan="3000">x</td></tr>{rows}'
        "</table></body></html>",
        encoding="utf-8",
    )
    layout = "".join('<tr><td rowspan="0">1</td></tr>' for _ in range(20_000))
    (folder / "quadratic.html").write_text(
        f"<html><body><table>{layout}</table></body></html>", encoding="utf-8"
    )
    (folder / "gridbefore.docx").write_bytes(_gridbefore_docx())
    started = time.monotonic()
    code, out, err = run("parse", "--json", "--jobs", "2", folder)
    assert time.monotonic() - started < 120
    by_report = {o["report"]: o for o in map(json.loads, out.splitlines())}
    assert code == 1 and summary(err) == (1, 3, 0, 0)
    for name in ("spans.html", "quadratic.html", "gridbefore.docx"):
        assert by_report[name]["error"] == "too_complex", by_report[name]
        assert "200000" in by_report[name]["message_en"]
