"""The Overview paints its first section first and shows the rest right after, by itself."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from ptplanner.core.content import overview
from ptplanner.core.onet import onet
from ptplanner.ui.tabs.overview.tab import SECTION_TITLES, OverviewTab


class _FirstPaint(QObject):
    """Records which sections could be seen when the reading pane was first painted."""

    def __init__(self, tab: OverviewTab) -> None:
        super().__init__()
        self.tab = tab
        self.shown_at_first_paint: list[str] | None = None
        tab._content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.shown_at_first_paint is None:
            self.shown_at_first_paint = [
                s.title for s in self.tab._sections if s.widget.isVisibleTo(self.tab)
            ]
        return False


def test_first_paint_has_the_first_section_and_the_rest_follows(qtbot: QtBot) -> None:
    tab = OverviewTab(overview(), onet())
    qtbot.addWidget(tab)
    probe = _FirstPaint(tab)
    tab.resize(1280, 800)
    tab.show()
    qtbot.waitUntil(lambda: probe.shown_at_first_paint is not None, timeout=5000)
    assert probe.shown_at_first_paint == ["Duties"]
    # Every section title is listed from the start, so the list does not grow or move.
    listed = [tab._nav.item(row).text() for row in range(tab._nav.count())]
    assert listed == list(SECTION_TITLES)
    nav_width = tab._nav.width()
    qtbot.waitUntil(lambda: tab.all_sections_shown, timeout=5000)
    shown = [s.title for s in tab._sections if s.widget.isVisibleTo(tab)]
    assert shown == listed  # each section built under the title listed for it
    assert tab._nav.count() == len(listed)
    assert tab._nav.width() == nav_width


def test_clicking_a_section_not_yet_built_builds_it_and_scrolls_there(qtbot: QtBot) -> None:
    tab = OverviewTab(overview(), onet())
    qtbot.addWidget(tab)
    tab.resize(1024, 700)
    tab.show()
    qtbot.waitExposed(tab)
    row = SECTION_TITLES.index("Outlook")
    tab._nav.setCurrentRow(row)
    assert tab.all_sections_shown
    outlook = tab._sections[row]
    assert outlook.title == "Outlook"
    bar = tab._scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.value() > 0)


def all_shown(tab: OverviewTab) -> bool:
    """Read afresh each time (an assert on the property itself would narrow it for mypy)."""
    return tab.all_sections_shown


def test_a_search_before_the_rest_is_shown_finds_items_in_every_section(qtbot: QtBot) -> None:
    tab = OverviewTab(overview(), onet())
    qtbot.addWidget(tab)
    assert not all_shown(tab)  # never painted yet
    qtbot.keyClicks(tab.search_edit, "epic")
    assert all_shown(tab)
    visible = tab.visible_item_ids()
    assert visible["emr_systems"], visible
