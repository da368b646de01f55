"""The Overview's cards use the window's width (issue 15): side by side when wide, one column
when narrow, never so wide that lines get too long to read."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

import itertools

from fit_checks import ShowWidget
from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from ptplanner.core.content import overview
from ptplanner.core.onet import onet
from ptplanner.ui.tabs.overview.tab import OverviewTab

MAX_CARD_CHARACTERS = 115
"""Longest comfortable line in a card, in average characters of the tab's font."""


def open_tab(show_widget: ShowWidget, size: tuple[int, int]) -> OverviewTab:
    return show_widget(OverviewTab(overview(), onet()), size, settle=True)


def scroll_viewport(tab: OverviewTab) -> QWidget:
    scroll = tab.findChild(QScrollArea)
    assert scroll is not None
    return scroll.viewport()


def duty_rects(tab: OverviewTab) -> list[QRect]:
    viewport = scroll_viewport(tab)
    rects = []
    for duty in overview().duties:
        card: QWidget = tab.item_widget("duties", duty.id)
        top_left = card.mapTo(viewport, QPoint(0, 0))
        rects.append(QRect(top_left, card.size()))
    return rects


def test_at_1600_the_cards_fill_most_of_the_width(qtbot: QtBot, show_widget: ShowWidget) -> None:
    tab = open_tab(show_widget, (1600, 1000))
    qtbot.wait(1)
    viewport = scroll_viewport(tab)
    rects = duty_rects(tab)
    left = min(r.left() for r in rects)
    right = max(r.right() for r in rects)
    assert right - left >= 0.85 * viewport.width(), (left, right, viewport.width())
    # Side by side, in reading order: the second card to the right of the first, same row.
    assert rects[1].top() == rects[0].top()
    assert rects[1].left() > rects[0].right()
    widest = tab.fontMetrics().averageCharWidth() * MAX_CARD_CHARACTERS
    layout = tab.item_widget("duties", overview().duties[0].id).layout()
    assert layout is not None
    margins = layout.contentsMargins()
    assert all(r.width() - margins.left() - margins.right() <= widest for r in rects)
    for index, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[index + 1 :])


def test_at_1024_the_cards_stack_in_one_column(qtbot: QtBot, show_widget: ShowWidget) -> None:
    tab = open_tab(show_widget, (1024, 700))
    qtbot.wait(1)
    rects = duty_rects(tab)
    assert len({r.left() for r in rects}) == 1
    assert all(b.top() > a.bottom() for a, b in itertools.pairwise(rects))


def test_search_closes_the_gaps_of_hidden_cards(qtbot: QtBot, show_widget: ShowWidget) -> None:
    tab = open_tab(show_widget, (1600, 1000))
    QTest.keyClicks(tab.search_edit, "insurance")
    qtbot.wait(1)
    shown = [d.id for d in overview().duties if tab.item_widget("duties", d.id).isVisibleTo(tab)]
    assert shown
    first = tab.item_widget("duties", shown[0])
    section = first.parentWidget()
    assert section is not None
    section_left = section.mapTo(tab, QPoint(0, 0)).x()
    assert first.mapTo(tab, QPoint(0, 0)).x() == section_left  # the first shown card leads
