"""The day's timeline as a screen reader hears it: the selected block's name once and what happens
in it as the description, kept in step with the arrow keys; and sources described in plain text."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from fit_checks import ShowWidget
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from ptplanner.core.day import day_timeline
from ptplanner.core.onet import onet
from ptplanner.ui.tabs.day.tab import DayTab


@pytest.fixture
def tab(show_widget: ShowWidget) -> DayTab:
    return show_widget(DayTab(day_timeline(), onet()), (1024, 700), settle=True)


def test_the_selected_block_is_named_once_and_described_by_what_happens(tab: DayTab) -> None:
    view = tab.timeline_view
    view.setFocus()
    blocks = day_timeline().blocks
    for block in blocks[:3]:
        interface = QAccessible.queryAccessibleInterface(view)
        name = interface.text(QAccessible.Text.Name)
        description = interface.text(QAccessible.Text.Description)
        assert name.startswith(f"Day timeline: {block.start}–{block.end}")
        assert name.count(block.title) == 1
        assert description.startswith(block.description)
        assert block.title not in description
        assert "Left and Right arrow keys" in description
        QTest.keyClick(view, Qt.Key.Key_Right)


def test_descriptions_are_plain_text_after_changing_blocks(tab: DayTab) -> None:
    tab.select_block(day_timeline().blocks[4].id)
    for widget in tab.findChildren(QWidget):
        description = QAccessible.queryAccessibleInterface(widget).text(
            QAccessible.Text.Description
        )
        assert not re.search(r"<[a-zA-Z/!]", description), type(widget).__name__
    source = tab.details.source_label.accessibleDescription()
    assert source
    assert "Licence" in source
