"""Finding things in the Overview tab as a person would: typing in the search box, clicking the
section list, scrolling. What shows is checked against :func:`search_overview`."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from ptplanner.core.content import OVERVIEW_SECTIONS, overview, search_overview
from ptplanner.core.onet import onet
from ptplanner.ui.tabs.overview.tab import OverviewTab


def expected_visible(query: str) -> dict[str, list[str]]:
    return {section: list(ids) for section, ids in search_overview(query).items()}


# --------------------------------------------------------------------------- search


def test_search_box_is_labelled_and_clearable(tab: OverviewTab) -> None:
    edit = tab.search_edit
    assert isinstance(edit, QLineEdit)
    assert edit.placeholderText() == "Search the overview…"
    assert edit.isClearButtonEnabled()
    assert edit.accessibleName()


def test_blank_search_shows_every_item(tab: OverviewTab) -> None:
    visible = tab.visible_item_ids()
    for section in OVERVIEW_SECTIONS:
        assert visible[section] == expected_visible("")[section]
    assert visible["onet_skills"] == list(overview().onet_top_skills.element_ids)


def test_typing_a_word_hides_everything_that_does_not_match(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "authorization")
    visible = tab.visible_item_ids()
    wanted = expected_visible("authorization")
    for section in OVERVIEW_SECTIONS:
        assert visible[section] == wanted[section], section
    assert "insurance" in visible["duties"]
    # A duty that does not mention authorization is hidden, and so is a section with no match.
    assert not tab.item_widget("duties", "scheduling").isVisibleTo(tab)
    assert not wanted["emr_systems"]
    assert not tab.item_widget("emr_systems", "webpt").isVisibleTo(tab)
    nav_titles = [
        tab._nav.item(row).text()
        for row in range(tab._nav.count())
        if not tab._nav.item(row).isHidden()
    ]
    assert "EMR systems" not in nav_titles
    assert "Duties" in nav_titles
    assert not tab._no_matches.isVisibleTo(tab)


def test_several_words_must_all_match(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "Insurance CLINIC")
    visible = tab.visible_item_ids()
    for section in OVERVIEW_SECTIONS:
        assert visible[section] == expected_visible("insurance clinic")[section]


def test_search_also_filters_the_onet_skill_rows(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "speaking")
    assert tab.visible_item_ids()["onet_skills"] == ["2.A.1.d"]


def test_no_match_shows_the_message_and_hides_all_sections(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "zebra crossing")
    assert tab._no_matches.isVisibleTo(tab)
    assert tab._no_matches.text() == "No matches for “zebra crossing”"
    assert all(not ids for ids in tab.visible_item_ids().values())
    assert all(not section.widget.isVisibleTo(tab) for section in tab._sections)


def test_escape_clears_the_search_and_brings_everything_back(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "zebra")
    assert tab._no_matches.isVisibleTo(tab)
    QTest.keyClick(tab.search_edit, Qt.Key.Key_Escape)
    assert tab.search_edit.text() == ""
    assert not tab._no_matches.isVisibleTo(tab)
    assert tab.visible_item_ids()["duties"] == expected_visible("")["duties"]


def test_escape_in_the_section_list_also_clears_the_search(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "epic")
    assert tab.visible_item_ids()["emr_systems"] == ["epic"]
    QTest.keyClick(tab._nav, Qt.Key.Key_Escape)
    assert tab.search_edit.text() == ""
    assert len(tab.visible_item_ids()["emr_systems"]) == len(overview().emr_systems)


def test_ctrl_f_puts_the_cursor_in_the_search_box(tab: OverviewTab) -> None:
    tab.activateWindow()
    tab._nav.setFocus()
    QTest.keyClick(tab._nav, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search_edit.hasFocus()


def test_searching_the_pay_section(tab: OverviewTab) -> None:
    QTest.keyClicks(tab.search_edit, "glassdoor")
    tab._apply_filter()
    visible = tab.visible_item_ids()
    assert "pay_guide" in visible["notes"]
    assert "pay_bls" not in visible["notes"]


# --------------------------------------------------------------------------- navigation


def test_clicking_a_section_in_the_list_scrolls_to_it(tab: OverviewTab) -> None:
    nav = tab._nav
    titles = [nav.item(row).text() for row in range(nav.count())]
    assert titles == [
        "Duties",
        "Skills",
        "Certifications",
        "EMR systems",
        "Employer types",
        "Pay",
        "Career ladder",
        "Related jobs",
        "Outlook",
    ]
    row = titles.index("Career ladder")
    rect = nav.visualItemRect(nav.item(row))
    QTest.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    section = tab._sections[row]
    viewport = tab._scroll.viewport()
    top = section.widget.mapTo(viewport, QPoint(0, 0)).y()
    assert tab._scroll.verticalScrollBar().value() > 0
    assert 0 <= top < 40  # the heading is at the top of the reading pane
    assert nav.currentRow() == row


def test_a_section_asked_for_before_showing_is_scrolled_to_on_show(qtbot: QtBot) -> None:
    tab = OverviewTab(overview(), onet())
    qtbot.addWidget(tab)
    tab.resize(1024, 700)
    tab.scroll_to_section("certifications")  # e.g. the window opening on a chosen section
    tab.show()
    qtbot.waitExposed(tab)
    section = next(s for s in tab._sections if s.key == "certifications")
    viewport = tab._scroll.viewport()
    qtbot.waitUntil(lambda: 0 <= section.widget.mapTo(viewport, QPoint(0, 0)).y() < 40)
    assert tab._nav.currentItem().text() == "Certifications"


def test_scrolling_moves_the_list_selection_along(tab: OverviewTab) -> None:
    bar = tab._scroll.verticalScrollBar()
    outlook = tab._sections[-1]
    bar.setValue(outlook.widget.mapTo(tab._content, QPoint(0, 0)).y())
    assert tab._nav.currentItem().text() == "Outlook"
    bar.setValue(0)
    assert tab._nav.currentItem().text() == "Duties"
