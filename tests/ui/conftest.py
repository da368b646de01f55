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
