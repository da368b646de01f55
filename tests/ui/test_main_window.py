"""The main window as a user meets it: tabs, shortcuts, menus, About, and picking up where they
left off."""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from ptplanner import __version__
from ptplanner.core.settings import load_settings
from ptplanner.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot):  # type: ignore[no-untyped-def]
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_four_tabs_in_order(window) -> None:  # type: ignore[no-untyped-def]
    titles = [window.tabs.tabText(i).replace("&", "") for i in range(window.tabs.count())]
    assert titles == ["Overview", "A day in the life", "Salary", "Plan"]


def test_ctrl_number_switches_tabs(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    for number in (3, 2, 4, 1):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentIndex() == number - 1


def test_every_menu_action_has_a_shortcut(window) -> None:  # type: ignore[no-untyped-def]
    for menu in (window.file_menu,):
        for action in menu.actions():
            if action.isSeparator() or action.menu() is not None or action.isCheckable():
                continue
            assert not action.shortcut().isEmpty(), f"{action.text()} has no shortcut"
    for action in (
        window.print_action,
        window.preview_action,
        window.pdf_action,
        window.quit_action,
        window.about_action,
    ):
        assert not action.shortcut().isEmpty()


def test_about_names_version_and_sources(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    window.about_action.trigger()
    assert shown, "About did not open"
    text = shown[0]
    assert __version__ in text
    assert "BLS OEWS, May 2025" in text
    assert "Used under CC BY 4.0" in text
    assert "Regional Price Parities" in text


def test_remembers_tab_and_salary_inputs(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentIndex(2)
    first.scenario.update(location="texas", years_experience=4.0)
    first.scenario.set_years(15)
    first.close()
    settings = load_settings()
    assert settings.last_tab == 2
    assert settings.projection_years == 15
    second = MainWindow()
    qtbot.addWidget(second)
    assert second.tabs.currentIndex() == 2
    assert second.scenario.inputs.location == "Texas"
    assert second.scenario.inputs.years_experience == 4.0
    assert second.scenario.years == 15
    second.close()


def test_remembers_window_size(qtbot) -> None:  # type: ignore[no-untyped-def]
    first = MainWindow()
    qtbot.addWidget(first)
    # Stay inside the (small) offscreen screen: restoreGeometry keeps windows on screen.
    screen = first.screen().availableGeometry()
    size = (min(1111, screen.width() - 20), min(733, screen.height() - 40))
    first.resize(*size)
    first.show()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == size
    second.close()


def test_salary_tab_is_built_only_when_first_shown(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    salary_page = window._pages[2]
    assert salary_page.content is None
    with qtbot.waitSignal(window.tab_built, timeout=5000) as blocker:
        window.tabs.setCurrentIndex(2)
    assert blocker.args == ["salary"]
    assert salary_page.content is not None


def test_window_start_does_not_import_pyqtgraph() -> None:
    code = (
        "import os, sys\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from ptplanner.ui.app import make_application\n"
        "app = make_application()\n"
        "from ptplanner.ui.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "print('PYQTGRAPH', 'pyqtgraph' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert "PYQTGRAPH False" in result.stdout, result.stdout + result.stderr


def test_usable_at_1024x700_without_clipping(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.resize(1024, 700)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        assert window.width() <= 1024 and window.height() <= 700
        assert window.centralWidget().minimumSizeHint().width() <= 1024


def test_window_self_test_builds_every_tab() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", "window", "--self-test"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "self-test ok: 4 tabs built" in result.stdout


def test_view_menu_switches_to_a_dark_palette(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    def window_lightness() -> int:
        return QApplication.palette().color(QPalette.ColorRole.Window).lightness()

    window._set_scheme("dark")
    assert window_lightness() < 80
    assert window.settings.colour_scheme == "dark"
    window._set_scheme("light")
    assert window_lightness() > 180
