"""The parse cache: data, not code; a damaged or planted entry is parsed again and said."""

from __future__ import annotations

import pickle
import random
import shutil
from pathlib import Path

import pytest

import disclosure_metrics as dm
from disclosure_metrics.cache import CorruptEntry, load_entry
from disclosure_metrics.ingest import code_version, ingest_one

from .conftest import CORPUS, SAMPLE, corpus_or_skip


def _entry(cache: Path) -> Path:
    (entry,) = cache.rglob(f"*-{code_version()}.json")
    return entry


def _source() -> Path:
    return CORPUS / "reports" / "2021_pingtan.txt" if (CORPUS / "reports").is_dir() else SAMPLE


def test_every_flipped_bit_is_caught_and_the_file_parsed_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = ingest_one(_source(), cache)
    entry = _entry(cache)
    original = entry.read_bytes()
    rng = random.Random(17)
    for bit in rng.sample(range(len(original) * 8), 120):
        damaged = bytearray(original)
        damaged[bit // 8] ^= 1 << (bit % 8)
        entry.write_bytes(bytes(damaged))
        again = ingest_one(_source(), cache)
        assert not again.cached and again.notice and "cache" in again.notice
        assert again.report == fresh.report  # never silently wrong
        assert entry.read_bytes() == original  # the entry is rewritten from the new parse


class _Planted:
    """What an attacker writes into a shared cache: unpickling it runs a command."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        import os

        return (os.system, (f"touch {self.marker}",))


def test_a_planted_pickle_never_runs(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    fresh = ingest_one(SAMPLE, cache)
    marker = tmp_path / "ran"
    payload = pickle.dumps(_Planted(marker))
    entry = _entry(cache)
    entry.write_bytes(payload)
    entry.with_suffix(".pickle").write_bytes(payload)  # the old format's name too
    again = ingest_one(SAMPLE, cache)
    assert not marker.exists()
    assert again.report == fresh.report and again.notice
    with pytest.raises(CorruptEntry):
        entry.write_bytes(payload)
        load_entry(entry, fresh.sha256, code_version(), str(SAMPLE))


def test_an_entry_for_another_input_is_not_trusted(tmp_path: Path) -> None:
    corpus_or_skip()
    cache = tmp_path / "cache"
    first = ingest_one(CORPUS / "reports" / "2021_pingtan.txt", cache)
    second = ingest_one(CORPUS / "reports" / "2022_pingtan.txt", cache)
    entries = {p.name.split("-")[0]: p for p in cache.rglob("*.json")}
    # A valid entry copied over another input's: its header names the other input.
    shutil.copy(entries[first.sha256], entries[second.sha256])
    again = ingest_one(CORPUS / "reports" / "2022_pingtan.txt", cache)
    assert again.report == second.report and again.report.year == 2022 and again.notice


def test_a_damaged_entry_is_reported_in_the_reports_table(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / "sample.txt")
    cache = tmp_path / "cache"
    dm.load(folder, progress=False, cache_dir=cache)
    entry = _entry(cache)
    entry.write_bytes(entry.read_bytes().replace(b'"total"', b'"totaL"', 1))
    corpus = dm.load(folder, progress=False, cache_dir=cache)
    row = corpus.reports.iloc[0]
    assert row.status == "parsed" and "cache" in row.note
