"""Finding the inputs: every file listed once with its id; unreadable places listed, not lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from disclosure_metrics.errors import InputError
from disclosure_metrics.inputs import find_inputs

from .conftest import SAMPLE


def test_a_folder_that_cannot_be_listed_is_unreadable_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(Root reads every folder, so the refusal is simulated where the listing happens.)"""
    (tmp_path / "locked").mkdir()
    shutil.copy(SAMPLE, tmp_path / "locked" / "a.txt")
    shutil.copy(SAMPLE, tmp_path / "b.txt")
    real_scandir = os.scandir

    def refusing(path):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    entries = {e.report: e for e in find_inputs([tmp_path])}
    assert set(entries) == {"locked", "b.txt"}
    assert entries["locked"].error.code == "unreadable"
    assert "Permission denied" in entries["locked"].error.message_en
    assert entries["b.txt"].readable


def test_same_relative_paths_in_two_inputs_get_their_folder_names(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder / "sub").mkdir(parents=True)
        shutil.copy(SAMPLE, tmp_path / folder / "sub" / "年报.txt")
    (tmp_path / "b" / "sub" / "年报.txt").write_text("other", encoding="utf-8")
    ids = [e.report for e in find_inputs([tmp_path / "a", tmp_path / "b"])]
    assert ids == ["a/sub/年报.txt", "b/sub/年报.txt"]


def test_a_missing_input_is_a_usage_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no such file or folder: .*nothing"):
        find_inputs([tmp_path / "nothing"])
    assert find_inputs([tmp_path / "nothing"], missing_ok=True)[0].report == "nothing"


def test_a_fifo_is_skipped_not_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    (entry,) = find_inputs([tmp_path])
    assert entry.skip == "not a regular file"


def test_an_ofd_file_is_listed_as_skipped_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / "年报.ofd").write_bytes(b"PK\x03\x04")
    (entry,) = find_inputs([tmp_path])
    assert entry.skip is not None and "OFD" in entry.skip and "PDF" in entry.skip
