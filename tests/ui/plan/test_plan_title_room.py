"""Plan titles are readable at 1024 px: the title column is not squeezed to a few letters by the
other columns or the details panel, and a title cut short shows in full on hover."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from fit_checks import tip_at
from plan_tab_helpers import OpenTab
from PySide6.QtWidgets import QStyle
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.template import ready_plan
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.tabs.plan.tree_model import PlanTreeModel

READABLE = 30
"""Characters of a title a person must see without hovering."""


def text_room(tab: PlanTab, milestone_id: str) -> int:
    """Pixels the title cell of a step has for its text (after the status icon)."""
    index = tab.model.index_of(milestone_id)
    tab.tree.scrollTo(index)
    rect = tab.tree.visualRect(index)
    style = tab.tree.style()
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, tab.tree) + 1
    icon = tab.tree.iconSize().width()
    icon = icon if icon > 0 else style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
    return rect.width() - icon - 4 * margin


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)], ids=["1024x768", "1280x720"])
def test_titles_show_at_least_thirty_characters(
    qtbot: QtBot, open_tab: OpenTab, size: tuple[int, int]
) -> None:
    plan = ready_plan(date(2026, 11, 25))
    tab = open_tab(plan, size=size)
    qtbot.wait(1)
    metrics = tab.tree.fontMetrics()
    checked = 0
    for node in plan.walk():
        if node.depth > 2:
            continue
        title = node.milestone.title
        room = text_room(tab, node.milestone.id)
        shown = title if len(title) <= READABLE else title[:READABLE] + "…"
        needed = metrics.horizontalAdvance(shown)
        assert room >= needed, f"{title!r}: {room} px, {READABLE} characters need {needed}"
        checked += 1
    assert checked > 20
    # The details panel keeps a reading width beside it.
    assert tab.details.width() >= 290


def test_a_title_cut_short_shows_in_full_on_hover(qtbot: QtBot, open_tab: OpenTab) -> None:
    plan = ready_plan(date(2026, 11, 25))
    tab = open_tab(plan, size=(1024, 768))
    longest = max(plan.flatten(), key=lambda m: len(m.title))
    index = tab.model.index_of(longest.id)
    tab.tree.expandAll()
    tab.tree.scrollTo(index)
    cell = tab.tree.visualRect(index.siblingAtColumn(PlanTreeModel.TITLE))
    assert tab.tree.fontMetrics().horizontalAdvance(longest.title) > cell.width()
    assert longest.title in tip_at(tab.tree.viewport(), cell.center())


def test_the_tab_fits_1280x720_at_150_percent(qtbot: QtBot, open_tab: OpenTab) -> None:
    from fit_checks import hover_tip
    from PySide6.QtCore import Qt

    # 853x480 logical pixels: the buttons give up their words, keep their icons and names.
    tab = open_tab(ready_plan(date(2026, 11, 25)), size=(853, 480))
    qtbot.wait(1)
    assert tab.window().width() == 853
    assert tab.minimumSizeHint().width() <= tab.width()
    up = tab.toolbar.buttons["up"]
    assert up.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert up.rect().contains(up.rect().center())
    assert "Move up" in hover_tip(up) or "Up" in hover_tip(up)
    assert up.accessibleName()
    # With room again, the words come back.
    tab.window().resize(1280, 720)
    qtbot.waitUntil(
        lambda: up.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon, timeout=2000
    )
    buttons = tab.toolbar.buttons.values()
    qtbot.waitUntil(lambda: all(b.width() >= b.sizeHint().width() for b in buttons), timeout=2000)
