"""The Plan tab's steps added, edited, deleted, undone and moved: clicks, typing, shortcuts and
drag and drop."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import CTRL, SHIFT, TODAY, key, row_of, sample_plan, select, titles
from PySide6.QtCore import QDate, QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Status
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.tabs.plan.tree_model import PlanTreeModel

# --- adding and editing --------------------------------------------------------------------------


def test_add_a_step_by_typing_its_title(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "emr")
    QTest.mouseClick(tab.toolbar.buttons["add"], Qt.MouseButton.LeftButton)
    assert tab.details.fields.title_edit.hasFocus()
    assert tab.details.fields.title_edit.selectedText() == "New step"
    QTest.keyClicks(tab.details.fields.title_edit, "Shadow a care coordinator")
    QTest.keyClick(tab.details.fields.title_edit, Qt.Key.Key_Return)
    assert titles(tab) == [
        "Finish a GED",
        "CMAA certification",
        "Learn an EMR such as WebPT",
        "Shadow a care coordinator",
        "Send the résumé",
    ]
    # Adding and naming the step is one thing to undo.
    assert tab.controller.undo_stack.count() == 1
    assert tab.controller.undo_stack.undoText() == "Add milestone 'Shadow a care coordinator'"


def test_insert_and_ctrl_n_add_steps_and_ctrl_shift_n_a_sub_step(
    qtbot: QtBot, tab: PlanTab
) -> None:
    select(qtbot, tab, "cmaa")
    key(qtbot, tab.tree, Qt.Key.Key_N, CTRL | SHIFT)
    QTest.keyClicks(tab.details.fields.title_edit, "Pass the CMAA exam")
    key(qtbot, tab.details.fields.title_edit, Qt.Key.Key_Return)
    cmaa = row_of(tab, "cmaa")
    assert titles(tab, cmaa)[-1] == "Pass the CMAA exam"
    tab.tree.setFocus()
    key(qtbot, tab.tree, Qt.Key.Key_Insert)
    key(qtbot, tab.details.fields.title_edit, Qt.Key.Key_Return)  # keep the placeholder title
    key(
        qtbot, tab.details.fields.title_edit, Qt.Key.Key_N, CTRL
    )  # Ctrl+N works from the details too
    assert tab.controller.plan.count() == 9


def test_edit_target_date_and_status_in_the_details(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "emr")
    assert tab.details.fields.no_date_check.isChecked()
    assert not tab.details.fields.target_edit.isEnabled()
    QTest.mouseClick(tab.details.fields.no_date_check, Qt.MouseButton.LeftButton, pos=QPoint(6, 8))
    assert tab.details.fields.target_edit.isEnabled()
    tab.details.fields.target_edit.setDate(QDate(2027, 3, 15))
    assert tab.controller.plan.get("emr").target_date == date(2027, 3, 15)
    # Choosing a status with the keyboard, as in a combo box in any dialog.
    tab.details.fields.status_combo.setFocus()
    key(qtbot, tab.details.fields.status_combo, Qt.Key.Key_Down)
    assert tab.controller.plan.get("emr").status is Status.IN_PROGRESS
    emr = row_of(tab, "emr")
    assert emr.siblingAtColumn(PlanTreeModel.STATUS).data() == "In progress"
    assert emr.siblingAtColumn(PlanTreeModel.TARGET).data() == "Mar 15, 2027"
    # Undo goes back one edit at a time: status, then the date.
    tab.tree.setFocus()
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)
    assert tab.controller.plan.get("emr").status is Status.NOT_STARTED
    assert tab.details.fields.status_combo.currentText() == "Not started"
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)  # un-ticking "No date" and the date are one step
    assert tab.controller.plan.get("emr").target_date is None
    assert tab.details.fields.no_date_check.isChecked()


def test_notes_commit_when_focus_leaves_not_per_keystroke(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "cmaa")
    tab.details.fields.notes_edit.setFocus()
    tab.details.fields.notes_edit.moveCursor(
        tab.details.fields.notes_edit.textCursor().MoveOperation.End
    )
    QTest.keyClicks(tab.details.fields.notes_edit, "; bring photo ID")
    assert tab.controller.plan.get("cmaa").notes == "NHA exam; about $125"
    assert tab.controller.undo_stack.count() == 0
    tab.tree.setFocus()
    assert tab.controller.plan.get("cmaa").notes == "NHA exam; about $125; bring photo ID"
    assert tab.controller.undo_stack.count() == 1


def test_an_empty_title_is_refused_and_the_old_one_kept(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "emr")
    tab.details.fields.title_edit.setFocus()
    tab.details.fields.title_edit.selectAll()
    key(qtbot, tab.details.fields.title_edit, Qt.Key.Key_Backspace)
    key(qtbot, tab.details.fields.title_edit, Qt.Key.Key_Return)
    assert tab.controller.plan.get("emr").title == "Learn an EMR such as WebPT"
    assert tab.details.fields.title_edit.text() == "Learn an EMR such as WebPT"


# --- delete, undo, redo --------------------------------------------------------------------------


def test_delete_then_ctrl_z_brings_it_back_with_sub_steps(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "cmaa")
    key(qtbot, tab.tree, Qt.Key.Key_Delete)
    assert "CMAA certification" not in titles(tab)
    assert tab.current_id() == "emr"  # the next step is selected
    assert tab.controller.plan.find("study") is None
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)
    assert titles(tab)[1] == "CMAA certification"
    assert titles(tab, row_of(tab, "cmaa")) == ["Study for the CMAA exam", "Book the CMAA exam"]
    assert tab.controller.plan.get("book").title == "Book the CMAA exam"
    assert tab.current_id() == "cmaa"
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert "CMAA certification" not in titles(tab)
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)
    key(qtbot, tab.tree, Qt.Key.Key_Y, CTRL)  # Ctrl+Y redoes too
    assert "CMAA certification" not in titles(tab)


# --- moving --------------------------------------------------------------------------------------


def test_reorder_with_ctrl_up_and_down(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Up, CTRL)
    assert titles(tab)[1:3] == ["Learn an EMR such as WebPT", "CMAA certification"]
    assert tab.current_id() == "emr"  # the selection follows the step
    key(qtbot, tab.tree, Qt.Key.Key_Up, CTRL)
    assert titles(tab)[0] == "Learn an EMR such as WebPT"
    assert not tab.step_actions["up"].isEnabled()  # already at the top
    key(qtbot, tab.tree, Qt.Key.Key_Down, CTRL)
    key(qtbot, tab.tree, Qt.Key.Key_Down, CTRL)
    assert titles(tab)[2] == "Learn an EMR such as WebPT"
    # The sub-steps moved with CMAA and its row is still expanded.
    assert tab.tree.isExpanded(row_of(tab, "cmaa"))


def test_reorder_and_re_nest_by_drag_and_drop(qtbot: QtBot, tab: PlanTab) -> None:
    model = tab.tree.model()

    def drag(milestone_id: str, row: int, parent: QModelIndex) -> bool:
        source = row_of(tab, milestone_id)
        data = model.mimeData([source])  # what the view hands to QDrag
        action = Qt.DropAction.MoveAction
        column = 0 if row >= 0 else -1  # as QAbstractItemView.dropEvent passes them
        assert model.canDropMimeData(data, action, row, column, parent)
        return bool(model.dropMimeData(data, action, row, column, parent))

    assert drag("late", 0, QModelIndex())  # between rows: to the top
    assert titles(tab)[0] == "Send the résumé"
    assert drag("emr", -1, row_of(tab, "cmaa"))  # onto a row: becomes its last sub-step
    assert titles(tab, row_of(tab, "cmaa"))[-1] == "Learn an EMR such as WebPT"
    assert drag("book", 0, row_of(tab, "cmaa"))  # reorder among sub-steps
    assert titles(tab, row_of(tab, "cmaa"))[0] == "Book the CMAA exam"
    # Never into its own sub-steps.
    data = model.mimeData([row_of(tab, "cmaa")])
    for column in (-1, 0):
        study = row_of(tab, "study")
        assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, column, study)
        assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, column, study)
    # Each drop is one undoable move.
    assert tab.controller.undo_stack.undoText() == "Move milestone 'Book the CMAA exam'"
    for _ in range(3):
        tab.controller.undo()
    assert tab.controller.plan.milestones == sample_plan().milestones


def test_indent_and_outdent_with_ctrl_right_and_left(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Right, CTRL)
    assert titles(tab, row_of(tab, "cmaa"))[-1] == "Learn an EMR such as WebPT"
    assert tab.current_id() == "emr"
    key(qtbot, tab.tree, Qt.Key.Key_Left, CTRL)
    assert titles(tab)[2] == "Learn an EMR such as WebPT"
    QTest.mouseClick(tab.toolbar.buttons["indent"], Qt.MouseButton.LeftButton)
    assert tab.controller.place("emr") == ("cmaa", 2)
    QTest.mouseClick(tab.toolbar.buttons["outdent"], Qt.MouseButton.LeftButton)
    assert tab.controller.place("emr") == (None, 2)


def test_space_toggles_done_and_the_row_shows_it(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Space)
    emr = tab.controller.plan.get("emr")
    assert emr.status is Status.DONE
    assert emr.done_date == TODAY
    index = row_of(tab, "emr")
    assert index.siblingAtColumn(PlanTreeModel.DONE).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )
    done = index.siblingAtColumn(PlanTreeModel.DONE)
    assert done.data(Qt.ItemDataRole.ToolTipRole) == "Done on Nov 25, 2026"
    key(qtbot, tab.tree, Qt.Key.Key_Return, CTRL)
    assert tab.controller.plan.get("emr").status is Status.NOT_STARTED
    # The Done column's check box does the same when clicked.
    check = row_of(tab, "emr").siblingAtColumn(PlanTreeModel.DONE)
    rect = tab.tree.visualRect(check)
    QTest.mouseClick(
        tab.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 10, rect.center().y()),
    )
    assert tab.controller.plan.get("emr").status is Status.DONE
