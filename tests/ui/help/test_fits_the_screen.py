"""Windows on small screens: the first window, a size from a bigger monitor, About, the guide.

The offscreen platform has one 800x800 screen; smaller and scaled screens are stood in for by
the available area ui/fitting.py reads, as a laptop would report it.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QRect, QSize
from pytestqt.qtbot import QtBot

from ptplanner.ui import fitting
from ptplanner.ui.fitting import capped_size, first_launch_geometry, shrink_onto
from ptplanner.ui.help.about import AboutDialog
from ptplanner.ui.main_window import MainWindow

# What a desktop offers a window: 1024x768 less a 40 px taskbar; 1280x720 at 125% and 150%.
SCREENS = {
    "1024x768": QRect(0, 0, 1024, 728),
    "1280x720 at 125%": QRect(0, 0, 1024, 544),
    "1280x720 at 150%": QRect(0, 0, 853, 450),
}


def fake_screen(monkeypatch: pytest.MonkeyPatch, available: QRect) -> None:
    monkeypatch.setattr(fitting, "available_geometry", lambda _widget=None: QRect(available))


def test_first_window_rules() -> None:
    big = QRect(0, 0, 2560, 1400)
    assert first_launch_geometry(QSize(1280, 800), big).size() == QSize(1280, 800)
    assert first_launch_geometry(QSize(1280, 800), big).center() == big.center()
    small = QRect(0, 30, 1024, 728)
    rect = first_launch_geometry(QSize(1280, 800), small)
    assert rect.size() == QSize(942, 669)  # 92% of each side
    assert small.contains(rect)
    assert capped_size(QSize(300, 200), small) == QSize(300, 200)


def test_a_frame_that_fits_is_left_alone_and_a_big_one_is_brought_on() -> None:
    screen = QRect(0, 0, 1024, 728)
    placed = QRect(100, 50, 800, 600)
    assert shrink_onto(placed, screen) == placed
    moved = shrink_onto(QRect(1800, 900, 1500, 950), screen)
    assert moved == QRect(0, 0, 1024, 728)
    assert shrink_onto(QRect(600, 400, 700, 500), screen) == QRect(324, 228, 700, 500)


@pytest.mark.parametrize("name", list(SCREENS))
def test_first_launch_fits_the_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    available = SCREENS[name]
    fake_screen(monkeypatch, available)
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.width() <= available.width() * 0.92
    assert window.height() <= available.height() * 0.92
    assert available.contains(window.geometry())
    assert window.minimumWidth() <= available.width()
    assert window.minimumHeight() <= available.height()


def test_minimum_size_fits_1024x768_less_a_taskbar(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.minimumWidth() <= 1024
    assert window.minimumHeight() <= 768 - 48


def test_a_size_from_a_bigger_monitor_is_shrunk_onto_this_one(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.setGeometry(0, 0, 1600, 1000)  # as sized on a big monitor
    first.close()
    available = SCREENS["1024x768"]
    fake_screen(monkeypatch, available)
    second = MainWindow()
    qtbot.addWidget(second)
    assert available.contains(second.geometry()), second.geometry()


def test_about_is_no_taller_than_the_screen(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    seen: list[tuple[QSize, str, int]] = []

    def look(dialog: AboutDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        text = dialog.text
        seen.append((dialog.size(), dialog.plain_text(), text.verticalScrollBar().maximum()))
        dialog.close()
        return 0

    monkeypatch.setattr(AboutDialog, "exec", look)
    for name, available in SCREENS.items():
        fake_screen(monkeypatch, available)
        window.about_action.trigger()
        assert len(seen) == 1, "About did not open as a dialog that fits"
        size, text, scroll = seen.pop()
        assert size.height() <= available.height() * 0.92, name
        assert size.width() <= available.width() * 0.92, name
        # What does not fit scrolls: all of it is there, down to the licence line.
        assert "MIT licence" in text
        assert scroll > 0, name


def test_the_guide_fits_a_small_screen(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from ptplanner.ui.help import find_help_window, show_help

    available = SCREENS["1280x720 at 150%"]
    fake_screen(monkeypatch, available)
    show_help(None, "glossary")
    window = find_help_window()
    assert window is not None
    qtbot.addWidget(window)
    assert window.height() <= available.height() * 0.92
    assert window.width() <= available.width() * 0.92


def test_print_preview_fits_a_small_screen(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """File > Print preview on 1280x720 at 150% (853x450 for windows): within the screen."""
    from datetime import date

    from ptplanner.core.projection import ProjectionRequest, project
    from ptplanner.core.report.build import ReportInput
    from ptplanner.ui.report.dialogs import make_preview_dialog

    available = SCREENS["1280x720 at 150%"]
    fake_screen(monkeypatch, available)
    report = ReportInput(projection=project(ProjectionRequest()), printed_on=date.today())
    dialog = make_preview_dialog(None, report)
    qtbot.addWidget(dialog)
    assert dialog.width() <= available.width()
    assert dialog.height() <= available.height()
