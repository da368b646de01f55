"""The Overview tab as a screen reader and a keyboard user get it: headings say they are headings,
the outlook summary is heard with its caption, the number of search matches is announced once
typing pauses, and every card is a Tab stop that shows its focus and copies with Ctrl+C."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QScrollArea
from pytestqt.qtbot import QtBot

from ptplanner.core.content import overview
from ptplanner.ui.accessibility import last_announcement
from ptplanner.ui.tabs.overview.sections.builder import CARD_HEADING, SECTION_HEADING
from ptplanner.ui.tabs.overview.tab import OverviewTab
from ptplanner.ui.widgets import Card


def test_section_titles_and_card_titles_are_described_as_headings(tab: OverviewTab) -> None:
    nav = tab.findChild(QListWidget)
    assert nav is not None
    titles = [nav.item(row).text() for row in range(nav.count())]
    headings = [
        label.text()
        for label in tab.findChildren(QLabel)
        if label.accessibleDescription() == SECTION_HEADING
    ]
    assert headings == titles
    card_titles = {
        label.text()
        for label in tab.findChildren(QLabel)
        if label.accessibleDescription() == CARD_HEADING
    }
    assert {driver.title for driver in overview().outlook.drivers} <= card_titles


def test_the_outlook_summary_is_heard_with_its_caption(tab: OverviewTab) -> None:
    summary = overview().outlook.summary
    label = next(label for label in tab.findChildren(QLabel) if label.text() == summary)
    interface = QAccessible.queryAccessibleInterface(label)
    assert interface.text(QAccessible.Text.Name) == f"Outlook summary: {summary}"


def test_the_number_of_matches_is_announced_once_typing_pauses(
    qtbot: QtBot, tab: OverviewTab
) -> None:
    edit = tab.search_edit
    QTest.keyClicks(edit, "cmaa")
    assert last_announcement(edit) == ""  # not one announcement per key
    qtbot.waitUntil(lambda: last_announcement(edit) != "", timeout=3000)
    assert re.fullmatch(r"\d+ matching items?", last_announcement(edit))
    QTest.keyClicks(edit, "zzzz")
    qtbot.waitUntil(lambda: last_announcement(edit) == "No matches", timeout=3000)
    QTest.keyClick(edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: last_announcement(edit) == "Search cleared; all shown", timeout=3000)


def test_cards_are_tab_stops_that_show_focus_and_copy(qtbot: QtBot, tab: OverviewTab) -> None:
    content = tab.findChild(QScrollArea)
    assert content is not None
    assert content.focusPolicy() == Qt.FocusPolicy.NoFocus
    nav = tab.findChild(QListWidget)
    assert nav is not None
    nav.setFocus()
    QTest.keyClick(nav, Qt.Key.Key_Tab)
    card = QApplication.focusWidget()
    assert isinstance(card, Card)
    assert card.accessibleName()
    assert "Ctrl+C" in card.accessibleDescription()
    highlight = card.palette().color(QPalette.ColorRole.Highlight)
    assert card.palette().color(QPalette.ColorRole.Mid) == highlight
    QTest.keyClick(card, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    clipboard = QGuiApplication.clipboard()
    assert clipboard.text() == card.plain_text()
    assert "Source" in clipboard.text()
    # Tab moves on to the next card, scrolled into view; the first goes back to its colours.
    QTest.keyClick(card, Qt.Key.Key_Tab)
    following = QApplication.focusWidget()
    assert isinstance(following, Card)
    assert following is not card
    assert card.palette().color(QPalette.ColorRole.Mid) != highlight
    assert not following.visibleRegion().isEmpty()
