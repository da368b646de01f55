"""Fixtures shared by the window and tab tests; the helpers they use are in fit_checks.py.

Qt and the app's window are imported inside the fixtures, so this file loads without PySide6
and the test modules' ``pytest.importorskip("PySide6")`` still turns a missing Qt into skips.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest

if TYPE_CHECKING:
    from fit_checks import OpenMainWindow, ShowWidget
    from PySide6.QtWidgets import QWidget
    from pytestqt.qtbot import QtBot

    from ptplanner.ui.main_window import MainWindow

    ShownWidget = TypeVar("ShownWidget", bound=QWidget)


@pytest.fixture(autouse=True)
def _returning_user(request: pytest.FixtureRequest, _private_user_dirs: Path) -> None:
    """Every window test plays a returning user, unless it asks for :func:`first_launch`.

    A returning user is one whose settings file says the welcome page was answered, written by
    the app's own ``save_settings`` into the test's private config folder (see the root
    conftest): the window then opens on its tabs, as it does for anyone who has used it before.
    A plan file is not written: with none, the Plan tab offers its two starts.
    """
    if "first_launch" in request.fixturenames:
        return
    from ptplanner.core.settings import Settings, save_settings

    save_settings(Settings(welcome_done=True))


@pytest.fixture
def first_launch(_private_user_dirs: Path) -> Path:
    """A first launch: no settings file and no plan file in the test's private folders.

    Returns the user folder (settings under ``config``, the plan under ``data``).
    """
    from ptplanner.core import paths

    assert not (paths.config_dir() / "settings.json").exists()
    assert not paths.plan_file().exists()
    return _private_user_dirs


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    """A plan file of the test's own, outside the user data folder (not created)."""
    return tmp_path / "plans" / "plan.json"


@pytest.fixture
def show_widget(qtbot: QtBot) -> ShowWidget:
    """Show a widget as a person gets it: closed after the test, at ``size``, exposed.

    ``settle`` also runs the posted layout requests, as they have run before a person looks.
    """

    def show(
        widget: ShownWidget, size: tuple[int, int] | None = None, *, settle: bool = False
    ) -> ShownWidget:
        qtbot.addWidget(widget)
        if size is not None:
            widget.resize(*size)
        widget.show()
        qtbot.waitExposed(widget)
        if settle:
            qtbot.wait(1)
        return widget

    return show


@pytest.fixture
def open_main_window(qtbot: QtBot) -> OpenMainWindow:
    """Open the app's window (at ``size`` if given), shown and active, as a person has it."""
    from fit_checks import show_active

    from ptplanner.ui.main_window import MainWindow

    def open_(size: tuple[int, int] | None = None) -> MainWindow:
        window = MainWindow()
        show_active(qtbot, window, size)
        return window

    return open_
