"""Test setup shared by every test: offscreen Qt and a private, throw-away user data folder.

Set before anything imports Qt, so no test ever opens a real window or touches the real user's
plan and settings.

Tests that need a Debian tool (pdftotext, desktop-file-validate, appstreamcli) skip with "... is
not installed" when it is missing, so ``make test`` runs anywhere. CI installs the tools and sets
``PTPLANNER_REQUIRE_TOOLS=1``: there such a skip fails the run instead of passing silently.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REQUIRE_TOOLS = os.environ.get("PTPLANNER_REQUIRE_TOOLS") == "1"
_skipped_for_tools: list[str] = []

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


@pytest.fixture(autouse=True)
def _nothing_stays_frozen() -> Iterator[None]:
    """Undo the app's gc.freeze() after each test (see storage.gc_paused).

    The app freezes what is alive once its plan is loaded; in one long test run that would
    also pin whatever garbage earlier tests left waiting for the collector. Unfrozen, that
    garbage is collected now, while Qt is still there: left to the collector's pass at exit,
    Qt objects it holds would be destroyed after Qt itself.
    """
    yield
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if REQUIRE_TOOLS and report.skipped:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        if "not installed" in str(reason):
            _skipped_for_tools.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped_for_tools:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if _skipped_for_tools:
        terminalreporter.section("tools required by PTPLANNER_REQUIRE_TOOLS=1 are missing")
        for line in _skipped_for_tools:
            terminalreporter.line(line)
