"""The user guide as a reader meets it: F1 on a tab, links between pages, glossary links, Find."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

pytest.importorskip("PySide6")

from fit_checks import OpenMainWindow
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from ptplanner.core.glossary import glossary
from ptplanner.ui.help import find_help_window, open_help_link, show_help
from ptplanner.ui.help.pages import PAGE_NAMES, page_html, resolve
from ptplanner.ui.help.window import HelpWindow
from ptplanner.ui.main_window import TAB_NAMES


@pytest.fixture(autouse=True)
def _close_guide() -> Iterator[None]:
    yield
    window = find_help_window()
    if window is not None:
        window.close()


def guide(qtbot: QtBot) -> HelpWindow:
    window = find_help_window()
    assert window is not None, "the guide did not open"
    qtbot.waitExposed(window)
    return window


def top_line(window: HelpWindow) -> str:
    """The first line of text a reader sees at the top of the page."""
    return window.browser.cursorForPosition(QPoint(10, 10)).block().text()


def test_f1_opens_the_guide_at_the_page_of_each_tab(
    qtbot: QtBot, open_main_window: OpenMainWindow
) -> None:
    main = open_main_window((1024, 700))
    for number, name in zip((1, 2, 3, 4), TAB_NAMES, strict=True):
        main.activateWindow()
        qtbot.keyClick(main, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert main.tabs.currentIndex() == number - 1
        qtbot.keyClick(main, Qt.Key.Key_F1)
        window = guide(qtbot)
        assert window.page() == name
        assert window.contents.currentItem().text() in window.windowTitle()
    # One guide window, brought forward each time, and About is no longer on F1.
    assert sum(isinstance(w, HelpWindow) for w in main.findChildren(HelpWindow)) == 1
    assert main.about_action.shortcut().isEmpty()
    assert main.guide_action.shortcut().toString() == "F1"


def test_help_menu_has_the_guide_and_about(open_main_window: OpenMainWindow) -> None:
    main = open_main_window()
    help_menu = main.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    texts = [a.text().replace("&", "") for a in help_menu.actions() if not a.isSeparator()]
    assert texts == ["User guide", "About PT Planner"]


def test_contents_list_and_back_and_forward(qtbot: QtBot) -> None:
    show_help(None)
    window = guide(qtbot)
    assert window.page() == "index"
    assert not window.back_action.isEnabled()
    window.contents.setFocus()
    qtbot.keyClick(window.contents, Qt.Key.Key_End)
    qtbot.keyClick(window.contents, Qt.Key.Key_Return)
    assert window.page() == "glossary"
    assert "Glossary" in window.windowTitle()
    window.back_action.trigger()
    assert window.page() == "index"
    window.forward_action.trigger()
    assert window.page() == "glossary"


def test_a_link_between_pages_is_followed_from_the_keyboard(qtbot: QtBot) -> None:
    show_help(None, "index")
    window = guide(qtbot)
    window.browser.setFocus()
    # Tab moves to the page's first link (Overview), Return follows it.
    qtbot.keyClick(window.browser, Qt.Key.Key_Tab)
    assert window.browser.textCursor().hasSelection()
    qtbot.keyClick(window.browser, Qt.Key.Key_Return)
    assert window.page() == "overview"
    assert top_line(window) == "The Overview tab"


def test_every_link_in_the_guide_leads_to_a_page_or_a_term() -> None:
    term_ids = {term.id for term in glossary().terms}
    for page in PAGE_NAMES:
        for href in re.findall(r'href="([^"]+)"', page_html(page)):
            target = resolve(href)
            if href.startswith("#"):
                assert href[1:] in term_ids, (page, href)
                continue
            assert target is not None, f"{page}: {href} leads outside the guide"
            if target.page == "glossary" and target.anchor:
                assert target.anchor in term_ids, (page, href)


def test_a_glossary_link_opens_the_glossary_at_its_term(qtbot: QtBot) -> None:
    assert open_help_link(None, "glossary:likely_range")
    window = guide(qtbot)
    assert window.page() == "glossary"
    qtbot.waitUntil(lambda: top_line(window) == "Likely range")
    # A link from inside the guide does the same, and a second term scrolls the same page.
    window.browser.anchorClicked.emit(QUrl("glossary:median"))
    qtbot.waitUntil(lambda: top_line(window) == "Median")
    assert find_help_window() is window


def test_a_link_out_of_the_guide_is_not_followed(qtbot: QtBot) -> None:
    assert not open_help_link(None, "https://www.bls.gov/oes/")
    show_help(None, "salary")
    window = guide(qtbot)
    window.browser.anchorClicked.emit(QUrl("https://www.bls.gov/oes/"))
    assert window.page() == "salary"
    assert "outside the guide" in window.status.text()


def test_unknown_page_is_refused() -> None:
    with pytest.raises(KeyError):
        show_help(None, "nowhere")


def test_find_on_the_page(qtbot: QtBot) -> None:
    show_help(None, "estimate")
    window = guide(qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_edit.hasFocus()
    qtbot.keyClicks(window.find_edit, "percentile points")
    assert window.browser.textCursor().selectedText() == "percentile points"
    qtbot.keyClicks(window.find_edit, " zzz")
    assert "is not on this page" in window.status.text()
