"""Test setup shared by every test: offscreen Qt and a private, throw-away user data folder.

Set before anything imports Qt, so no test ever opens a real window or touches the real user's
plan and settings.

Every test has a time limit (``timeout`` in pyproject.toml); tests marked ``slow`` get
:data:`SLOW_TIMEOUT` instead, unless they set their own with ``@pytest.mark.timeout``.

Tests that need a Debian tool (pdftotext, desktop-file-validate, appstreamcli) skip with "... is
not installed" when it is missing, so ``make test`` runs anywhere. CI installs the tools and sets
``PTPLANNER_REQUIRE_TOOLS=1``: there such a skip fails the run instead of passing silently.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

import pytest

REQUIRE_TOOLS = os.environ.get("PTPLANNER_REQUIRE_TOOLS") == "1"
_skipped_for_tools: list[str] = []

SLOW_TIMEOUT = 1200
"""Seconds for a test marked ``slow``: the wheel tests build a wheel, then pip-install it with
Qt into a fresh venv; the headless test runs the core and CLI tests in a child pytest."""

# pytest-qt's ini settings, declared here when pytest-qt is switched off.
_QT_INI_KEYS: dict[str, Literal["string", "linelist"]] = {
    "qt_api": "string",
    "qt_no_exception_capture": "string",
    "qt_default_raising": "string",
    "qt_qapp_name": "string",
    "qt_log_level_fail": "string",
    "qt_log_ignore": "linelist",
}

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every user folder ptplanner uses at a fresh temporary directory."""
    home = tmp_path / "user"
    home.mkdir()
    monkeypatch.setenv("PTPLANNER_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("PTPLANNER_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    return home


@pytest.fixture(autouse=True)
def _nothing_stays_frozen() -> Iterator[None]:
    """Undo the app's gc.freeze() after each test (see ptplanner.core.storage.codec.gc_paused).

    The app freezes what is alive once its plan is loaded; in one long test run that would
    also pin whatever garbage earlier tests left waiting for the collector. Unfrozen, that
    garbage is collected now, while Qt is still there: left to the collector's pass at exit,
    Qt objects it holds would be destroyed after Qt itself.
    """
    yield
    if gc.get_freeze_count():
        gc.unfreeze()
        gc.collect()


def pytest_addoption(parser: pytest.Parser, pluginmanager: pytest.PytestPluginManager) -> None:
    """Declare pytest-qt's settings when a run switches it off (``-p no:pytest-qt``).

    The headless test runs the core and CLI tests that way, with Qt hidden; without this,
    ``--strict-config`` would stop that run at pyproject.toml's ``qt_*`` settings.
    """
    if pluginmanager.has_plugin("pytest-qt"):
        return
    for name, kind in _QT_INI_KEYS.items():
        parser.addini(name, "pytest-qt's setting (pytest-qt is off in this run)", type=kind)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker("slow") and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SLOW_TIMEOUT))


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if REQUIRE_TOOLS and report.skipped:
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        if "not installed" in str(reason):
            _skipped_for_tools.append(f"{report.nodeid}: {reason}")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if _skipped_for_tools:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if _skipped_for_tools:
        terminalreporter.section("tools required by PTPLANNER_REQUIRE_TOOLS=1 are missing")
        for line in _skipped_for_tools:
            terminalreporter.line(line)


@pytest.fixture
def umask_000() -> Iterator[None]:
    """The loosest umask there is: anything not made private explicitly comes out 0777/0666."""
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)
