"""Every tab's accessibility tree, read through Qt's ``QAccessible`` interface as a screen reader
gets it: no focusable control without a name, no label whose words go unspoken (a fixed name in
place of its text), and no raw HTML in a description (rich tooltips read out tag by tag)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest

pytest.importorskip("PySide6")

from fit_checks import OpenMainWindow
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ptplanner.ui.accessibility import plain_text
from ptplanner.ui.main_window import TAB_NAMES

Role = QAccessible.Role
ITEM_ROLES = {
    Role.Cell,
    Role.Row,
    Role.RowHeader,
    Role.ColumnHeader,
    Role.TreeItem,
    Role.ListItem,
    Role.PageTab,
    Role.MenuItem,
}
"""Parts of a view, named by their view's model (the view itself is checked)."""
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def shown(interface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    """``interface`` and everything under it that is on screen, depth first."""
    if interface.state().invisible:
        return
    yield interface
    for row in range(interface.childCount()):
        child = interface.child(row)
        if child is not None and child.isValid():
            yield from shown(child)


def words(text: str) -> set[str]:
    # A label's "&" marks its Alt+letter shortcut and is not spoken.
    spoken = re.sub(r"&(\w)", r"\1", plain_text(text))
    return set(re.findall(r"[^\W_]+", spoken.casefold()))


def what_is_wrong(interface: QAccessibleInterface) -> list[str]:
    """What a screen reader user would miss about one node ([] when nothing)."""
    text = QAccessible.Text
    name = interface.text(text.Name)
    description = interface.text(text.Description)
    value = interface.text(text.Value)
    widget = interface.object()
    what = f"{interface.role().name} {type(widget).__name__} {name[:50]!r}"
    problems = []
    if interface.state().focusable and interface.role() not in ITEM_ROLES and not name.strip():
        problems.append(f"focusable without a name: {what}")
    if isinstance(widget, QLabel) and widget.text().strip():
        unspoken = words(widget.text()) - words(f"{name} {description} {value}")
        if unspoken:
            problems.append(f"label text not spoken ({sorted(unspoken)[:5]}): {what}")
    if HTML_TAG.search(description):
        problems.append(f"HTML in the description {description[:60]!r}: {what}")
    return problems


@pytest.mark.parametrize("tab", TAB_NAMES)
def test_the_tab_says_what_each_thing_is(
    qtbot: QtBot, open_main_window: OpenMainWindow, tab: str
) -> None:
    from ptplanner.core import paths
    from ptplanner.core.plan.template import ready_plan

    # A returning user with the ready plan: the Plan tab shows its tree, not the empty page.
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(ready_plan(date.today()).model_dump_json(), encoding="utf-8")
    window = open_main_window((1280, 800))
    window.finish_loading()
    window.tabs.setCurrentIndex(TAB_NAMES.index(tab))
    page = window.page(tab)
    qtbot.waitUntil(page.isVisible, timeout=2000)  # a page built just now shows a moment later
    qtbot.wait(1)  # the posted layout requests: what shows depends on the room
    root = QAccessible.queryAccessibleInterface(page)
    assert root is not None
    nodes = list(shown(root))
    assert len(nodes) > 10, "the tree was not walked"
    problems = [problem for node in nodes for problem in what_is_wrong(node)]
    assert problems == []


def test_the_plans_status_bar_messages_are_announced(
    qtbot: QtBot, open_main_window: OpenMainWindow
) -> None:
    from ptplanner.ui.accessibility import last_announcement

    window = open_main_window((1280, 800))
    window.finish_loading()
    controller = window.plan_controller
    assert controller is not None
    controller.message.emit("warning", "A step needs a title; the old one was kept.")
    assert window.statusBar().currentMessage() == "A step needs a title; the old one was kept."
    assert last_announcement(window.statusBar()) == window.statusBar().currentMessage()
