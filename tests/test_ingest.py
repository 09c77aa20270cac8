"""Parallel ingest: every input back in order, identical to a serial run, cached, manifest-ready."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from disclosure_metrics.errors import ReportError, UnsupportedFormatError
from disclosure_metrics.ingest import code_version, ingest

from .conftest import CORPUS, SAMPLE


def _inputs(tmp_path: Path) -> list[Path]:
    files = [SAMPLE]
    if (CORPUS / "reports").is_dir():
        files += sorted((CORPUS / "reports").iterdir())
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    return [*files, bad, tmp_path / "missing.txt"]


def test_parallel_equals_serial_and_keeps_order(tmp_path: Path) -> None:
    files = _inputs(tmp_path)
    serial = ingest(files, jobs=1)
    parallel = ingest(files, jobs=2)
    assert [r.path for r in parallel] == [str(f) for f in files]
    for a, b in zip(serial, parallel, strict=True):
        assert (a.status, a.sha256) == (b.status, b.sha256)
        assert (a.report.to_json() if a.report else str(a.error)) == (
            b.report.to_json() if b.report else str(b.error)
        )
    assert parallel[-1].status == "failed" and parallel[-1].error.code == "unreadable"
    assert parallel[-2].error.code == "empty"
    assert all(r.seconds >= 0 for r in parallel)


def test_cache_by_hash_gives_the_same_report_under_another_name(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = ingest([SAMPLE], jobs=1, cache_dir=cache)[0]
    copy = tmp_path / "copy.txt"
    shutil.copy(SAMPLE, copy)
    second = ingest([copy], jobs=1, cache_dir=cache)[0]
    assert second.cached and not first.cached
    assert second.report.path == str(copy)
    assert second.report.table3 == first.report.table3
    assert list(cache.rglob(f"*-{code_version()}.json"))


def test_errors_survive_processes_and_the_cache() -> None:
    err = UnsupportedFormatError("a.txt", "legacy_format", "旧格式", "old format", year=2017)
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back, UnsupportedFormatError) and back.details == {"year": 2017}
    assert str(back) == str(err)
    assert isinstance(
        pickle.loads(pickle.dumps(ReportError("b", "empty", "空", "empty"))), ReportError
    )


def test_a_killed_local_worker_loses_only_its_file(tmp_path: Path, monkeypatch) -> None:
    """SIGKILL of a pool process (the OOM killer, a crash in pdfium): its chunk is retried
    file by file, the file that kills its process again is ``worker_lost``, the rest parse."""
    import os
    import signal

    from disclosure_metrics import ingest as ingest_module

    real = ingest_module.parse_document

    def deadly(document, sha):  # type: ignore[no-untyped-def]
        if "killer" in document.path:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(document, sha)

    # Workers are forked from this process, so they run the patched parse.
    monkeypatch.setattr(ingest_module, "parse_document", deadly)
    files = []
    for i in range(8):
        name = "killer.txt" if i == 3 else f"r{i}.txt"
        shutil.copy(SAMPLE, tmp_path / name)
        files.append(tmp_path / name)
    results = ingest(files, jobs=2)
    assert [Path(r.path).name for r in results] == [f.name for f in files]
    lost = [r for r in results if r.status == "failed"]
    assert [Path(r.path).name for r in lost] == ["killer.txt"]
    assert lost[0].error.code == "worker_lost"
    assert all(r.status == "parsed" for r in results if r not in lost)


def test_a_worker_over_its_memory_limit_fails_that_file_alone(tmp_path: Path, monkeypatch) -> None:
    """Each local worker runs under an address-space limit: a parse that asks for more gets a
    MemoryError, its file is ``too_complex`` and the other files parse."""
    from disclosure_metrics import ingest as ingest_module

    real = ingest_module.parse_document

    def hungry(document, sha):  # type: ignore[no-untyped-def]
        if "hog" in document.path:
            # 12 GiB of zero pages: free without a limit (never touched), refused under one.
            grabbed = bytearray(12 * 1024**3)
            assert grabbed is not None
        return real(document, sha)

    monkeypatch.setattr(ingest_module, "parse_document", hungry)
    monkeypatch.setenv("DISCLOSURE_METRICS_WORKER_MB", "6144")
    files = []
    for name in ("a.txt", "b.txt", "hog.txt", "c.txt"):
        shutil.copy(SAMPLE, tmp_path / name)
        files.append(tmp_path / name)
    results = {Path(r.path).name: r for r in ingest(files, jobs=2)}
    assert results["hog.txt"].error.code == "too_complex"
    assert "memory" in results["hog.txt"].error.message_en
    assert all(results[n].status == "parsed" for n in ("a.txt", "b.txt", "c.txt"))


def test_ocr_modes_are_cached_apart(two_page_scan: Path, tmp_path: Path) -> None:
    """A scan read with OCR, then refused with OCR off: neither answer is taken for the other."""
    cache = tmp_path / "cache"
    first = ingest([two_page_scan], jobs=1, cache_dir=cache)[0]
    assert first.status == "parsed" and first.report.source_format == "pdf-ocr"
    off = ingest([two_page_scan], jobs=1, cache_dir=cache, ocr="never")[0]
    assert off.status == "failed" and off.error.code == "no_text_layer" and not off.cached
    again = ingest([two_page_scan], jobs=1, cache_dir=cache)[0]
    assert again.cached and again.report.table3 == first.report.table3
    assert again.report.ocr_pages == [1, 2]
    assert again.report.ocr_confidence == first.report.ocr_confidence
