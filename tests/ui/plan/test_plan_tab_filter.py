"""Finding steps in the Plan tab: the search box and status filter, in small and 10,000-step
plans, and the tree's shape kept through them."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import CTRL, OpenTab, big_plan, key, row_of, select, titles
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Status
from ptplanner.ui.tabs.plan import toolbar
from ptplanner.ui.tabs.plan.tab import PlanTab

# --- search and filter ---------------------------------------------------------------------------


def test_search_filters_and_keeps_parents_of_matches(qtbot: QtBot, tab: PlanTab) -> None:
    assert tab.toolbar.search_edit.placeholderText() == "Search milestones…"
    QTest.keyClicks(tab.toolbar.search_edit, "book")
    qtbot.waitUntil(lambda: titles(tab) == ["CMAA certification"], timeout=2000)
    assert titles(tab, tab.tree.model().index(0, 0)) == ["Book the CMAA exam"]
    assert tab.tree.isExpanded(tab.tree.model().index(0, 0))
    tab.set_search("$125")  # notes are searched too
    assert titles(tab) == ["CMAA certification"]
    tab.set_search("book")
    tab.controller.update_milestone("book", title="Schedule the exam")  # no longer a match
    assert titles(tab) == []
    tab.controller.undo()
    assert titles(tab) == ["CMAA certification"]
    tab.set_search("no such step")
    assert titles(tab) == []
    tab.set_search("")
    assert len(titles(tab)) == 4


def test_clearing_a_search_puts_the_tree_back_as_it_was(qtbot: QtBot, tab: PlanTab) -> None:
    tab.tree.collapse(row_of(tab, "cmaa"))
    tab.set_search("study")
    assert tab.tree.isExpanded(row_of(tab, "cmaa"))  # to show the match
    assert tab.filter_result.isVisible()
    assert tab.filter_result.label.text().startswith("1 of 6 steps match")
    QTest.mouseClick(tab.filter_result.clear_button, Qt.MouseButton.LeftButton)
    assert tab.toolbar.search_edit.text() == ""
    assert not tab.filter_result.isVisible()
    assert not tab.tree.isExpanded(row_of(tab, "cmaa"))


def test_status_filter(qtbot: QtBot, tab: PlanTab) -> None:
    tab.set_status_filter("done")
    assert titles(tab) == ["Finish a GED"]
    tab.set_status_filter("overdue")
    assert titles(tab) == ["Send the résumé"]
    tab.set_status_filter("open")
    assert titles(tab) == ["CMAA certification", "Learn an EMR such as WebPT", "Send the résumé"]
    tab.set_status_filter("all")
    assert len(titles(tab)) == 4


def test_a_matching_parent_shows_without_its_sub_steps(qtbot: QtBot, tab: PlanTab) -> None:
    tab.set_search("certification")
    assert titles(tab) == ["CMAA certification"]
    assert titles(tab, row_of(tab, "cmaa")) == []  # its sub-steps do not match
    assert tab.filter_result.label.text().startswith("1 of 6 steps match")
    tab.set_search("exam cmaa")  # every word, in any order, in the title or the notes
    assert titles(tab, row_of(tab, "cmaa")) == ["Study for the CMAA exam", "Book the CMAA exam"]
    assert tab.filter_result.label.text().startswith("3 of 6 steps match")


def test_search_and_status_filter_combine(qtbot: QtBot, tab: PlanTab) -> None:
    tab.set_status_filter("open")
    tab.set_search("e")
    assert titles(tab) == ["CMAA certification", "Learn an EMR such as WebPT", "Send the résumé"]
    tab.set_status_filter("overdue")
    assert titles(tab) == ["Send the résumé"]
    QTest.mouseClick(tab.filter_result.clear_button, Qt.MouseButton.LeftButton)
    assert tab.toolbar.status_filter.currentData() == "all"
    assert tab.toolbar.search_edit.text() == ""
    assert len(titles(tab)) == 4


def test_an_edit_while_filtered_shows_or_hides_the_step(qtbot: QtBot, tab: PlanTab) -> None:
    tab.set_status_filter("done")
    assert titles(tab) == ["Finish a GED"]
    tab.controller.set_status("study", Status.DONE)
    assert titles(tab) == ["Finish a GED", "CMAA certification"]
    tab.tree.expand(row_of(tab, "cmaa"))
    assert titles(tab, row_of(tab, "cmaa")) == ["Study for the CMAA exam"]
    tab.controller.set_status("ged", Status.NOT_STARTED)
    assert titles(tab) == ["CMAA certification"]
    assert tab.filter_result.label.text().startswith("1 of 6 steps match")
    tab.controller.undo()
    tab.controller.undo()
    assert titles(tab) == ["Finish a GED"]


def test_selecting_a_step_the_filter_hides_clears_the_filter(qtbot: QtBot, tab: PlanTab) -> None:
    tab.set_search("book")
    assert tab.model.index_of("emr").isValid() is False
    assert tab.select_milestone("emr")
    assert tab.toolbar.search_edit.text() == ""
    assert not tab.filter_result.isVisible()
    assert tab.current_id() == "emr"


def test_drag_and_drop_between_filtered_rows_lands_in_the_right_place(
    qtbot: QtBot, tab: PlanTab
) -> None:
    tab.set_status_filter("open")  # "Finish a GED" (done, first) is hidden
    model = tab.tree.model()

    def drop(milestone_id: str, row: int) -> bool:
        data = model.mimeData([row_of(tab, milestone_id)])
        action = Qt.DropAction.MoveAction
        assert model.canDropMimeData(data, action, row, 0, QModelIndex())
        return bool(model.dropMimeData(data, action, row, 0, QModelIndex()))

    assert drop("late", 0)  # above the first row shown, CMAA: that is below the hidden GED
    assert tab.controller.place("late") == (None, 1)
    assert titles(tab) == ["Send the résumé", "CMAA certification", "Learn an EMR such as WebPT"]
    assert drop("late", 3)  # below the last row shown: the end of the plan
    assert tab.controller.place("late") == (None, 3)
    tab.set_status_filter("all")
    assert titles(tab)[0] == "Finish a GED"


# --- a big plan ----------------------------------------------------------------------------------


def test_ten_thousand_milestones_show_their_top_level_and_filter(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    plan = big_plan()
    assert plan.count() == 10_000
    tab = open_tab(plan)
    model = tab.tree.model()
    assert tab.model.milestone_count() == 10_000
    assert model.rowCount() == 100
    assert sum(model.rowCount(model.index(r, 0)) for r in range(100)) == 9_900
    assert not any(tab.tree.isExpanded(model.index(r, 0)) for r in range(100))
    tab.set_search("Step 42.7")
    assert titles(tab) == ["Group 42"]
    assert tab.tree.isExpanded(row_of(tab, "g42"))
    assert titles(tab, row_of(tab, "g42")) == ["Step 42.7"] + [
        f"Step 42.{i}" for i in range(70, 80)
    ]
    tab.set_search("")
    select(qtbot, tab, "g5")
    key(qtbot, tab.tree, Qt.Key.Key_Down, CTRL)
    assert tab.controller.place("g5") == (None, 6)


def test_a_search_in_a_big_plan_shows_as_typed_unless_it_shows_thousands(
    qtbot: QtBot, open_tab: OpenTab, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A longer pause than the real one, so that a slow test machine cannot miss it.
    monkeypatch.setattr(toolbar, "SEARCH_PAUSE_MS", 1000)
    tab = open_tab(big_plan())
    tab.toolbar.search_edit.setFocus()
    QTest.keyClicks(tab.toolbar.search_edit, "s")  # every sub-step has an "s": 10,000 rows to show
    QApplication.processEvents()
    assert not tab.filter_result.isVisible()  # that waits for a pause in typing
    QTest.keyClicks(tab.toolbar.search_edit, "tep 42.7")
    QApplication.processEvents()  # this one shows at once
    assert titles(tab) == ["Group 42"]
    shown = titles(tab, row_of(tab, "g42"))
    assert shown == ["Step 42.7"] + [f"Step 42.{i}" for i in range(70, 80)]
    assert tab.filter_result.label.text().startswith("11 of 10000 steps match")
    for _ in range(5):
        QTest.keyClick(tab.toolbar.search_edit, Qt.Key.Key_Backspace)
    assert tab.toolbar.search_edit.text() == "step"
    # After the pause, the broad search shows too, with every group open to show its steps.
    qtbot.waitUntil(
        lambda: tab.filter_result.label.text().startswith("9900 of 10000"), timeout=5000
    )
    assert len(titles(tab)) == 100
    assert tab.tree.isExpanded(row_of(tab, "g99"))


def test_clearing_a_search_in_a_big_plan_restores_the_expanded_steps(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    tab = open_tab(big_plan())
    for group in ("g3", "g50", "g99"):
        tab.tree.expand(row_of(tab, group))
    tab.set_search("20.1")  # matches under Group 20 only: it opens to show them
    assert titles(tab) == ["Group 20"]
    assert tab.tree.isExpanded(row_of(tab, "g20"))
    tab.set_search("50.1")
    assert titles(tab) == ["Group 50"]
    assert tab.tree.isExpanded(row_of(tab, "g50"))
    tab.set_search("")
    model = tab.tree.model()
    expanded = [
        model.index(r, 0).data() for r in range(100) if tab.tree.isExpanded(model.index(r, 0))
    ]
    assert expanded == ["Group 3", "Group 50", "Group 99"]
