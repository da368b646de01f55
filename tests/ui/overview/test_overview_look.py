"""How the Overview tab looks and reads: accessible names, readable grey text in light and dark,
nothing clipped at the smallest supported size, and copying a card's text."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from fit_checks import clipped_labels, right_click_first_item
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget
from pytestqt.qtbot import QtBot

from ptplanner.core.knowledge import industry_wages
from ptplanner.ui.tabs.overview.tab import OverviewTab
from ptplanner.ui.widgets import MutedLabel


def test_every_interactive_widget_has_an_accessible_name(tab: OverviewTab) -> None:
    interactive = [
        widget
        for widget in tab.findChildren(QWidget)
        if widget.isVisibleTo(tab)
        and (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            or isinstance(widget, QAbstractButton)
        )
    ]
    assert tab.search_edit in interactive
    assert tab._nav in interactive
    for widget in interactive:
        assert widget.accessibleName().strip(), type(widget).__name__


def contrast(first: QColor, second: QColor) -> float:
    def luminance(colour: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("window", "base", "text"),
    [("#efefef", "#ffffff", "#000000"), ("#2b2b2b", "#1f1f1f", "#e6e6e6")],
    ids=["light", "dark"],
)
def test_grey_footnotes_stay_readable_in_light_and_dark(
    tab: OverviewTab, window: str, base: str, text: str
) -> None:
    palette = QPalette(tab.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Base, QColor(base))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
    tab.setPalette(palette)  # as when the desktop switches colour scheme
    for label in tab.findChildren(MutedLabel):
        colour = label.palette().color(QPalette.ColorRole.WindowText)
        assert contrast(colour, QColor(base)) >= 4.5
        assert contrast(colour, QColor(window)) >= 4.5
        assert colour != QColor(text)  # still visibly secondary


def test_nothing_is_clipped_at_1024x700(qtbot: QtBot, tab: OverviewTab) -> None:
    assert tab.size().width() == 1024
    assert clipped_labels(tab) == []
    nav = tab._nav
    assert nav.sizeHintForColumn(0) <= nav.viewport().width()
    # The text column keeps a readable width and never runs under the scroll bar.
    column = tab._sections[0].widget
    assert 500 <= column.width() <= tab._scroll.viewport().width()
    # Filtering re-flows the cards; nothing may be cut off afterwards either.
    QTest.keyClicks(tab.search_edit, "pay")
    qtbot.wait(10)
    assert clipped_labels(tab) == []
    tab.search_edit.clear()
    qtbot.wait(10)
    assert clipped_labels(tab) == []


def test_right_click_copies_a_cards_text_with_its_source(tab: OverviewTab) -> None:
    from PySide6.QtGui import QGuiApplication

    card = tab.item_widget("notes", "pay_bls")
    assert right_click_first_item(card, QPoint(10, 10)) == "Copy text"
    copied = QGuiApplication.clipboard().text()
    national = industry_wages().history("43-6013")[-1]
    assert f"median ${national.median:,}" in copied
    assert "Source: BLS OEWS, May 2025" in copied
    assert "<" not in copied  # rich text came out as plain text
