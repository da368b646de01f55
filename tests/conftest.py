"""Test setup shared by every test: offscreen Qt and a private, throw-away user data folder.

Set before anything imports Qt, so no test ever opens a real window or touches the real user's
plan and settings.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point every user folder ptplanner uses at a fresh temporary directory."""
    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("PTPLANNER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("PTPLANNER_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    yield home
