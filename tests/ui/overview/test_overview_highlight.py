"""Search in the Overview marks the words it matched, in the cards it keeps (issue 15).

Typed into the search box as a person does; the marks are read back from the labels' rich text
and must sit exactly on the typed letters, nowhere else, and go when the search is cleared.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QColor, QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel

from ptplanner.ui.tabs.overview.tab import OverviewTab

MARK = re.compile(
    r'<span style="background-color:(#[0-9a-f]{6}); color:(#[0-9a-f]{6})">(.*?)</span>'
)


def plain(label: QLabel) -> str:
    return QTextDocumentFragment.fromHtml(label.text()).toPlainText()


def shown_labels(tab: OverviewTab) -> list[QLabel]:
    return [label for label in tab.findChildren(QLabel) if label.isVisibleTo(tab)]


def test_typing_marks_the_matched_letters_in_the_cards_kept(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "authoriz")
    card = tab.item_widget("duties", "insurance")
    marked = [label for label in card.findChildren(QLabel) if MARK.search(label.text())]
    assert marked, "the matching duty's card shows no mark"
    for label in shown_labels(tab):
        marks = MARK.findall(label.text())
        if "authoriz" in plain(label).casefold():
            assert marks, plain(label)
        for _background, _colour, word in marks:
            assert word.casefold() == "authoriz", label.text()
    # The marked text still reads the same as the unmarked one.
    title = next(label for label in marked if "verification" in plain(label))
    assert plain(title) == "Insurance verification and authorization"


def test_the_mark_reads_on_the_cards_colour(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "authoriz")
    label = next(label for label in shown_labels(tab) if MARK.search(label.text()))
    match = MARK.search(label.text())
    assert match is not None
    background, text = QColor(match.group(1)), QColor(match.group(2))
    # Dark text on a light mark or the reverse: well apart in lightness.
    assert abs(background.lightness() - text.lightness()) > 120


def texts(tab: OverviewTab) -> dict[int, str]:
    # The "No matches for ..." line keeps the last query; it is hidden once cleared.
    labels = tab.findChildren(QLabel)
    return {id(label): label.text() for label in labels if label.objectName() != "noMatches"}


def test_clearing_the_search_removes_every_mark(tab: OverviewTab) -> None:
    before = texts(tab)
    QTest.keyClicks(tab.search_edit, "insurance")
    assert any(MARK.search(label.text()) for label in shown_labels(tab))
    tab.search_edit.clear()
    assert not any(MARK.search(label.text()) for label in tab.findChildren(QLabel))
    assert texts(tab) == before
