"""Room to read in the Plan tab at 1024x700 and 1280x800, and a name for every control."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

pytest.importorskip("PySide6")

from fit_checks import OpenMainWindow, hover_tip, settle, widgets_cut_off
from plan_tab_helpers import CTRL, OpenTab, key, sample_plan, select
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QStyle,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.operations import set_status
from ptplanner.core.plan.template import ready_plan
from ptplanner.ui.tabs.plan.tab import PlanTab

# --- room to read at 1024x700 and 1280x800 ------------------------------------------------------

LONG_AREA = "North Valley-Northern Mountains Region of California nonmetropolitan area"
"""The longest name of a BLS area: too long for any details panel, so it must say so."""


def lived_in_plan(today: date) -> Plan:
    """The ready plan some months on, with every kind of salary link and a very long title."""
    started = today - timedelta(days=190)
    plan = ready_plan(started)
    by_title = {m.title: m.id for m in plan.flatten()}
    for title in ("Finish high school or a GED", "Study for the CMAA exam"):
        plan = set_status(plan, by_title[title], Status.DONE, started + timedelta(days=60)).plan
    extra = (
        Milestone(
            title="Become the lead coordinator",
            target_date=today + timedelta(days=800),
            salary_link=SalaryLink.parse("promotion"),
        ),
        Milestone(
            title="Move north for a clinic job",
            target_date=today + timedelta(days=1200),
            salary_link=SalaryLink.parse(f"location:{LONG_AREA}"),
        ),
        Milestone(
            title="Join a sports clinic " + "and learn how its front desk runs " * 5,
            target_date=today + timedelta(days=400),
            salary_link=SalaryLink.parse("employer_type:specialty_clinic"),
        ),
    )
    return plan.model_copy(update={"milestones": plan.milestones + extra})


def cut_off(root: QWidget) -> list[str]:
    """What does not fit under ``root`` (see fit_checks), and tree column titles cut short.

    Tree cells are not checked here: a view elides them and their tooltip names the step in
    full.
    """
    problems = widgets_cut_off(root, plain_combos=True)
    for tree in root.findChildren(QTreeView):
        header = tree.header()
        model = tree.model()
        margin = tree.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        for column in range(header.count()):
            if header.isSectionHidden(column):
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            needed = header.fontMetrics().horizontalAdvance(title) + 2 * margin
            if needed > header.sectionSize(column):
                problems.append(f"column {title!r} needs {needed} px")
    return problems


@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)], ids=["1024x700", "1280x800"])
def test_nothing_is_clipped_in_a_window_of(
    qtbot: QtBot, open_main_window: OpenMainWindow, size: tuple[int, int]
) -> None:
    from ptplanner.core import paths

    plan = lived_in_plan(date.today())
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(plan.model_dump_json(), encoding="utf-8")
    window = open_main_window(size)
    key(qtbot, window, Qt.Key.Key_4, CTRL)
    tab = window.page("plan")
    assert isinstance(tab, PlanTab)
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    settle()
    try:
        # The tab asks for no more room than the window has.
        assert (window.width(), window.height()) == size
        assert tab.minimumSizeHint().width() <= tab.width()
        assert cut_off(tab) == []
        # Every step in the details editor: each kind of link and each value the plan uses.
        for milestone in plan.flatten():
            select(qtbot, tab, milestone.id)
            settle()
            assert cut_off(tab) == [], milestone.title
        # The longest area name shows its start, as a line edit does, and all of it on hover.
        move = next(m for m in plan.milestones if m.title == "Move north for a clinic job")
        select(qtbot, tab, move.id)
        combo = tab.details.fields.link_value_combo
        assert combo.currentText() == LONG_AREA
        assert combo.shown_text() != LONG_AREA
        assert LONG_AREA in hover_tip(combo)
        cmaa = next(m for m in plan.flatten() if m.title == "CMAA certification")
        select(qtbot, tab, cmaa.id)
        if combo.shown_text() != combo.currentText():
            assert combo.shown_text() == "CMAA"
            assert hover_tip(combo) == "CMAA (Certified Medical Administrative Assistant)"
        # Its list opens wide enough to read every choice in full.
        combo.setFocus()
        key(qtbot, combo, Qt.Key.Key_F4)
        view = combo.view()
        qtbot.waitUntil(view.isVisible, timeout=1000)
        widest = max(
            view.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())
        )
        assert widest + 8 <= view.viewport().width()  # the item's own padding, 4 px a side
        key(qtbot, view, Qt.Key.Key_Escape)
        assert not view.isVisible()
        # Every status filter, chosen with the keyboard, and the line saying what it shows.
        tab.toolbar.status_filter.setFocus()
        for _ in range(tab.toolbar.status_filter.count()):
            settle()
            assert cut_off(tab) == [], tab.toolbar.status_filter.currentText()
            key(qtbot, tab.toolbar.status_filter, Qt.Key.Key_Down)
        QTest.keyClicks(tab.toolbar.search_edit, "exam")
        qtbot.waitUntil(tab.filter_result.isVisible, timeout=1000)
        settle()
        assert cut_off(tab) == []
    finally:
        window.close()


def test_a_long_plan_title_gives_way_and_keeps_its_tooltip(qtbot: QtBot, open_tab: OpenTab) -> None:
    title = "My plan to become a PT care coordinator " * 5
    tab = open_tab(sample_plan().model_copy(update={"title": title.strip()}), size=(1024, 700))
    settle()
    window = tab.window()
    assert window.width() == 1024
    assert tab.header.title_label.shown_text().endswith("…")
    assert tab.header.title_label.toolTip() == title.strip()
    assert cut_off(tab) == []
    window.resize(1800, 800)  # with room to spare, the whole title shows
    settle()
    tab.header.title_label.setText("My plan")
    assert tab.header.title_label.shown_text() == "My plan"
    assert tab.header.title_label.toolTip() == ""


def test_the_empty_page_fits_at_1024x700(qtbot: QtBot, open_tab: OpenTab) -> None:
    tab = open_tab(Plan(), size=(1024, 700))
    settle()
    assert tab.stack.currentWidget() is tab.empty_page
    assert cut_off(tab) == []


# --- accessibility -------------------------------------------------------------------------------


def test_every_control_has_an_accessible_name(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "cmaa")  # the details form is visible
    kinds = (
        QAbstractButton,
        QLineEdit,
        QComboBox,
        QAbstractSpinBox,
        QPlainTextEdit,
        QAbstractItemView,
        QProgressBar,
    )

    def part_of_a_control(widget: QWidget) -> bool:
        # A combo box's list, a spin box's line edit, a search box's clear button: these are
        # parts of a control and are announced with the control's name.
        parent = widget.parentWidget()
        while parent is not None and parent is not tab:
            if isinstance(parent, kinds):
                return True
            parent = parent.parentWidget()
        return False

    unnamed = []
    controls = [w for w in tab.findChildren(QWidget) if isinstance(w, kinds)]
    assert len(controls) > 20
    for widget in controls:
        if part_of_a_control(widget):
            continue
        if not widget.accessibleName():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()} {widget.toolTip()}")
    assert unnamed == []
    assert tab.timeline.accessibleName() == "Timeline of target dates"
