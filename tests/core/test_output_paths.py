"""Writing a user-named file (an export, a PDF): through symbolic links, never over a non-file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ptplanner.core.storage.atomic_io import atomic_write, resolve_output_path

pytestmark = pytest.mark.skipif(os.name != "posix", reason="symbolic links and device nodes")


def test_a_link_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    tmp_path = tmp_path / "exports"
    tmp_path.mkdir()
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    atomic_write(link, b"new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_a_device_or_folder_is_refused_and_left_alone(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="not a regular file"):
        atomic_write(Path("/dev/null"), b"x")
    assert Path("/dev/null").is_char_device()
    with pytest.raises(OSError, match="a folder"):
        resolve_output_path(tmp_path)


def test_a_new_file_is_fine(tmp_path: Path) -> None:
    target = tmp_path / "new.json"
    assert resolve_output_path(target) == target.resolve()
    atomic_write(target, b"{}")
    assert target.read_bytes() == b"{}"
