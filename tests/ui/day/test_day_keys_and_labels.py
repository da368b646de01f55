"""The Day tab's rough edges from issue 15: keys after Ctrl+2, stale tooltips, block labels.

Driven as a person would: Ctrl+2 then the arrow keys in the real window; hovering a block and
then pressing a key or changing tab; and the timeline at 1024x768, where every block must carry
a readable label (inside the block, or above it when the block is too narrow) that fits.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from fit_checks import OpenMainWindow, ShowWidget
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontMetricsF, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from ptplanner.core.day import day_timeline
from ptplanner.core.onet import onet
from ptplanner.ui.tabs.day.tab import DayTab


def hover(tab: DayTab, block_id: str) -> None:
    view = tab.timeline_view
    rect = view.block_rect(block_id)
    view.event(QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.mapToGlobal(rect.center())))


def test_after_ctrl_2_the_arrow_keys_move_through_the_day(
    qtbot: QtBot, open_main_window: OpenMainWindow
) -> None:
    window = open_main_window((1024, 768))
    window.finish_loading()
    window.tabs.setCurrentIndex(0)
    QTest.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    day = window.page("day")
    assert isinstance(day, DayTab)
    qtbot.waitUntil(day.isVisible, timeout=2000)
    first = day.selected_block_id()
    QTest.keyClick(window.focusWidget() or window, Qt.Key.Key_Right)
    assert day.selected_block_id() == day_timeline().blocks[1].id != first


def test_moving_by_keys_hides_the_hover_tooltip(qtbot: QtBot, show_widget: ShowWidget) -> None:
    tab = show_widget(DayTab(day_timeline(), onet()), (1024, 700), settle=True)
    hover(tab, "open_clinic")
    assert QToolTip.isVisible()
    QTest.keyClick(tab.timeline_view, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=1000)  # after Qt's short fade


def test_changing_tab_hides_the_days_tooltip(
    qtbot: QtBot, open_main_window: OpenMainWindow
) -> None:
    window = open_main_window((1024, 768))
    window.finish_loading()
    window.tabs.setCurrentIndex(1)
    day = window.page("day")
    assert isinstance(day, DayTab)
    qtbot.waitUntil(day.isVisible, timeout=2000)
    hover(day, "lunch")
    assert QToolTip.isVisible()
    window.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=1000)


def test_every_block_is_labelled_and_its_label_fits_at_1024x768(show_widget: ShowWidget) -> None:
    tab = show_widget(DayTab(day_timeline(), onet()), (1024, 768), settle=True)
    view = tab.timeline_view
    for block in day_timeline().blocks:
        label = view.block_label(block.id)
        assert label.lines, block.id
        assert all(line.strip() and line != "…" for line in label.lines), block.id
        metrics = QFontMetricsF(label.font)
        for line in label.lines:
            assert metrics.horizontalAdvance(line) <= label.rect.width() + 0.5, (block.id, line)
        assert len(label.lines) * metrics.height() <= label.rect.height() + 0.5, block.id
        assert view.rect().toRectF().contains(label.rect), block.id
        # The block's own words are shown, not only its time.
        assert block.title[:3] in " ".join(label.lines), block.id
        assert view.tooltip_text(block.id).endswith(block.title)
    # Labels do not overlap one another.
    rects = [view.block_label(b.id).rect for b in day_timeline().blocks]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b)
