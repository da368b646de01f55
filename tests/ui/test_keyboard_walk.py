"""A keyboard-only walk through every tab: from the tab bar, Tab (and Shift+Tab) visits each
control of the tab and comes back round to the tab bar, never trapped in a table or a panel, and
never stopping on a container that shows no focus."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from fit_checks import OpenMainWindow
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ptplanner.ui.main_window import TAB_NAMES

MOST_STOPS = 300
"""More Tab presses than any tab has stops (the Overview's cards are the most, about 60)."""


def walk(start: QWidget, key: Qt.Key) -> list[QWidget]:
    """The widgets the focus visits from ``start`` pressing ``key`` until it is back (or stuck)."""
    stops: list[QWidget] = []
    for _ in range(MOST_STOPS):
        focus = QApplication.focusWidget()
        assert focus is not None, f"the focus was lost after {describe(stops[-3:])}"
        QTest.keyClick(focus, key)
        focus = QApplication.focusWidget()
        assert focus is not None, f"the focus was lost after {describe(stops[-3:])}"
        if focus is start:
            return stops
        # A date field takes one Tab per part (month, day, year): one stop, not a trap.
        if not stops or focus is not stops[-1]:
            stops.append(focus)
    raise AssertionError(f"{key.name} never came back to the tab bar; last: {describe(stops[-5:])}")


def describe(widgets: list[QWidget]) -> list[str]:
    return [f"{type(w).__name__} {w.accessibleName()!r}" for w in widgets]


def visible_focus_stop(widget: QWidget) -> bool:
    """False for a bare scroll area: it takes focus but draws no focus indicator."""
    return isinstance(widget, QAbstractItemView) or not isinstance(widget, QScrollArea)


@pytest.mark.parametrize("key", [Qt.Key.Key_Tab, Qt.Key.Key_Backtab], ids=["Tab", "Shift+Tab"])
@pytest.mark.parametrize("tab", TAB_NAMES)
def test_tab_goes_round_the_tab_and_back_to_the_tab_bar(
    qtbot: QtBot, open_main_window: OpenMainWindow, tab: str, key: Qt.Key
) -> None:
    window = open_main_window((1280, 800))
    window.finish_loading()
    bar = window.tabs.tabBar()
    # The way a keyboard user gets there: Ctrl+number, then the tab bar.
    number = TAB_NAMES.index(tab) + 1
    QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == number - 1
    page = window.page(tab)
    qtbot.waitUntil(page.isVisible, timeout=2000)  # a page built just now shows a moment later
    bar.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(bar.hasFocus, timeout=1000)

    stops = walk(bar, key)

    assert window.tabs.currentIndex() == number - 1, "the walk switched tabs"
    assert len(stops) >= 2, describe(stops)
    assert all(page.isAncestorOf(stop) for stop in stops), describe(stops)
    assert len(set(stops)) == len(stops), f"visited twice in one round: {describe(stops)}"
    assert [s for s in stops if not visible_focus_stop(s)] == []
    for stop in stops:
        interface = QAccessible.queryAccessibleInterface(stop)
        assert interface.text(QAccessible.Text.Name).strip(), describe([stop])
