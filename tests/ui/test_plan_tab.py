"""The Plan tab driven as a person would: clicks, typing, shortcuts and drag and drop.

The tab sits in a small main window that offers the controller its File and Edit menus, exactly
as the real window does, so Ctrl+Z and Ctrl+Shift+Z go through the Edit menu's actions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from fit_checks import hover_tip, open_main_window, settle, show_active, widgets_cut_off
from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QStyle,
    QTreeView,
    QWidget,
)

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.operations import ready_plan, set_status
from ptplanner.core.plan.salary_link import plan_effects
from ptplanner.core.projection import Event
from ptplanner.ui.tabs.plan import tab as plan_tab
from ptplanner.ui.tabs.plan.controller import PlanController
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.tabs.plan.tree_model import PlanTreeModel, kind_colours

TODAY = date(2026, 11, 25)


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.file_menu = self.menuBar().addMenu("&File")
        self.plan_file_separator = self.file_menu.addSeparator()
        self.edit_menu = self.menuBar().addMenu("&Edit")


def sample_plan() -> Plan:
    return Plan(
        milestones=(
            Milestone(id="ged", title="Finish a GED", status=Status.DONE, done_date=TODAY),
            Milestone(
                id="cmaa",
                title="CMAA certification",
                salary_link=SalaryLink.parse("certification:cmaa"),
                target_date=date(2027, 4, 1),
                notes="NHA exam; about $125",
                children=(
                    Milestone(id="study", title="Study for the CMAA exam"),
                    Milestone(id="book", title="Book the CMAA exam"),
                ),
            ),
            Milestone(id="emr", title="Learn an EMR such as WebPT"),
            Milestone(id="late", title="Send the résumé", target_date=TODAY - timedelta(days=2)),
        )
    )


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "plan.json"


@pytest.fixture
def open_tab(qtbot, plan_path: Path) -> Iterator[Callable[..., PlanTab]]:  # type: ignore[no-untyped-def]
    controllers: list[PlanController] = []

    def open_(plan: Plan | None = sample_plan(), *, size: tuple[int, int] = (1280, 800)) -> PlanTab:  # noqa: B008
        if plan is not None and not plan_path.exists():
            plan_path.parent.mkdir(parents=True, exist_ok=True)
            plan_path.write_text(plan.model_dump_json(), encoding="utf-8")
        controller = PlanController(plan_path, today=lambda: TODAY)
        controllers.append(controller)
        window = Window()
        tab = PlanTab(controller)
        window.setCentralWidget(tab)
        controller.attach(window)
        show_active(qtbot, window, size)
        return tab

    yield open_
    for controller in controllers:
        controller.close()


@pytest.fixture
def tab(open_tab) -> PlanTab:  # type: ignore[no-untyped-def]
    opened: PlanTab = open_tab()
    return opened


def titles(tab: PlanTab, parent: QModelIndex | None = None) -> list[str]:
    """What the tree shows under ``parent`` (top level by default), top to bottom."""
    model = tab.tree.model()
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def row_of(tab: PlanTab, milestone_id: str) -> QModelIndex:
    index = tab.model.index_of(milestone_id)
    assert index.isValid(), milestone_id
    return index


def select(qtbot, tab: PlanTab, milestone_id: str) -> None:  # type: ignore[no-untyped-def]
    """Click the row, as a person would, and leave the keyboard focus in the tree."""
    index = row_of(tab, milestone_id)
    tab.tree.scrollTo(index)
    rect = tab.tree.visualRect(index)
    qtbot.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.current_id() == milestone_id
    assert tab.tree.hasFocus()


def key(qtbot, widget: QWidget, k: Qt.Key, mods=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(widget, k, mods)


CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


# --- adding and editing --------------------------------------------------------------------------


def test_add_a_step_by_typing_its_title(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "emr")
    qtbot.mouseClick(tab.buttons["add"], Qt.MouseButton.LeftButton)
    assert tab.title_edit.hasFocus()
    assert tab.title_edit.selectedText() == "New step"
    qtbot.keyClicks(tab.title_edit, "Shadow a care coordinator")
    qtbot.keyClick(tab.title_edit, Qt.Key.Key_Return)
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


def test_insert_and_ctrl_n_add_steps_and_ctrl_shift_n_a_sub_step(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "cmaa")
    key(qtbot, tab.tree, Qt.Key.Key_N, CTRL | SHIFT)
    qtbot.keyClicks(tab.title_edit, "Pass the CMAA exam")
    key(qtbot, tab.title_edit, Qt.Key.Key_Return)
    cmaa = row_of(tab, "cmaa")
    assert titles(tab, cmaa)[-1] == "Pass the CMAA exam"
    tab.tree.setFocus()
    key(qtbot, tab.tree, Qt.Key.Key_Insert)
    key(qtbot, tab.title_edit, Qt.Key.Key_Return)  # keep the placeholder title
    key(qtbot, tab.title_edit, Qt.Key.Key_N, CTRL)  # Ctrl+N works from the details too
    assert tab.controller.plan.count() == 9


def test_edit_target_date_and_status_in_the_details(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "emr")
    assert tab.no_date_check.isChecked() and not tab.target_edit.isEnabled()
    qtbot.mouseClick(tab.no_date_check, Qt.MouseButton.LeftButton, pos=QPoint(6, 8))
    assert tab.target_edit.isEnabled()
    tab.target_edit.setDate(QDate(2027, 3, 15))
    assert tab.controller.plan.get("emr").target_date == date(2027, 3, 15)
    # Choosing a status with the keyboard, as in a combo box in any dialog.
    tab.status_combo.setFocus()
    key(qtbot, tab.status_combo, Qt.Key.Key_Down)
    assert tab.controller.plan.get("emr").status is Status.IN_PROGRESS
    emr = row_of(tab, "emr")
    assert emr.siblingAtColumn(PlanTreeModel.STATUS).data() == "In progress"
    assert emr.siblingAtColumn(PlanTreeModel.TARGET).data() == "Mar 15, 2027"
    # Undo goes back one edit at a time: status, then the date.
    tab.tree.setFocus()
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)
    assert tab.controller.plan.get("emr").status is Status.NOT_STARTED
    assert tab.status_combo.currentText() == "Not started"
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)  # un-ticking "No date" and the date are one step
    assert tab.controller.plan.get("emr").target_date is None
    assert tab.no_date_check.isChecked()


def test_notes_commit_when_focus_leaves_not_per_keystroke(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "cmaa")
    tab.notes_edit.setFocus()
    tab.notes_edit.moveCursor(tab.notes_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(tab.notes_edit, "; bring photo ID")
    assert tab.controller.plan.get("cmaa").notes == "NHA exam; about $125"
    assert tab.controller.undo_stack.count() == 0
    tab.tree.setFocus()
    assert tab.controller.plan.get("cmaa").notes == "NHA exam; about $125; bring photo ID"
    assert tab.controller.undo_stack.count() == 1


def test_an_empty_title_is_refused_and_the_old_one_kept(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "emr")
    tab.title_edit.setFocus()
    tab.title_edit.selectAll()
    key(qtbot, tab.title_edit, Qt.Key.Key_Backspace)
    key(qtbot, tab.title_edit, Qt.Key.Key_Return)
    assert tab.controller.plan.get("emr").title == "Learn an EMR such as WebPT"
    assert tab.title_edit.text() == "Learn an EMR such as WebPT"


# --- delete, undo, redo --------------------------------------------------------------------------


def test_delete_then_ctrl_z_brings_it_back_with_sub_steps(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
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


def test_reorder_with_ctrl_up_and_down(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Up, CTRL)
    assert titles(tab)[1:3] == ["Learn an EMR such as WebPT", "CMAA certification"]
    assert tab.current_id() == "emr"  # the selection follows the step
    key(qtbot, tab.tree, Qt.Key.Key_Up, CTRL)
    assert titles(tab)[0] == "Learn an EMR such as WebPT"
    assert not tab.up_action.isEnabled()  # already at the top
    key(qtbot, tab.tree, Qt.Key.Key_Down, CTRL)
    key(qtbot, tab.tree, Qt.Key.Key_Down, CTRL)
    assert titles(tab)[2] == "Learn an EMR such as WebPT"
    # The sub-steps moved with CMAA and its row is still expanded.
    assert tab.tree.isExpanded(row_of(tab, "cmaa"))


def test_reorder_and_re_nest_by_drag_and_drop(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
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


def test_indent_and_outdent_with_ctrl_right_and_left(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Right, CTRL)
    assert titles(tab, row_of(tab, "cmaa"))[-1] == "Learn an EMR such as WebPT"
    assert tab.current_id() == "emr"
    key(qtbot, tab.tree, Qt.Key.Key_Left, CTRL)
    assert titles(tab)[2] == "Learn an EMR such as WebPT"
    qtbot.mouseClick(tab.buttons["indent"], Qt.MouseButton.LeftButton)
    assert tab.controller.place("emr") == ("cmaa", 2)
    qtbot.mouseClick(tab.buttons["outdent"], Qt.MouseButton.LeftButton)
    assert tab.controller.place("emr") == (None, 2)


def test_space_toggles_done_and_the_row_shows_it(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Space)
    emr = tab.controller.plan.get("emr")
    assert emr.status is Status.DONE and emr.done_date == TODAY
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
    qtbot.mouseClick(
        tab.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 10, rect.center().y()),
    )
    assert tab.controller.plan.get("emr").status is Status.DONE


# --- search and filter ---------------------------------------------------------------------------


def test_search_filters_and_keeps_parents_of_matches(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    assert tab.search_edit.placeholderText() == "Search milestones…"
    qtbot.keyClicks(tab.search_edit, "book")
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


def test_clearing_a_search_puts_the_tree_back_as_it_was(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.tree.collapse(row_of(tab, "cmaa"))
    tab.set_search("study")
    assert tab.tree.isExpanded(row_of(tab, "cmaa"))  # to show the match
    assert tab.filter_bar.isVisible()
    assert tab.filter_label.text().startswith("1 of 6 steps match")
    qtbot.mouseClick(tab.clear_filter_button, Qt.MouseButton.LeftButton)
    assert tab.search_edit.text() == ""
    assert not tab.filter_bar.isVisible()
    assert not tab.tree.isExpanded(row_of(tab, "cmaa"))


def test_status_filter(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_status_filter("done")
    assert titles(tab) == ["Finish a GED"]
    tab.set_status_filter("overdue")
    assert titles(tab) == ["Send the résumé"]
    tab.set_status_filter("open")
    assert titles(tab) == ["CMAA certification", "Learn an EMR such as WebPT", "Send the résumé"]
    tab.set_status_filter("all")
    assert len(titles(tab)) == 4


def test_a_matching_parent_shows_without_its_sub_steps(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_search("certification")
    assert titles(tab) == ["CMAA certification"]
    assert titles(tab, row_of(tab, "cmaa")) == []  # its sub-steps do not match
    assert tab.filter_label.text().startswith("1 of 6 steps match")
    tab.set_search("exam cmaa")  # every word, in any order, in the title or the notes
    assert titles(tab, row_of(tab, "cmaa")) == ["Study for the CMAA exam", "Book the CMAA exam"]
    assert tab.filter_label.text().startswith("3 of 6 steps match")


def test_search_and_status_filter_combine(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_status_filter("open")
    tab.set_search("e")
    assert titles(tab) == ["CMAA certification", "Learn an EMR such as WebPT", "Send the résumé"]
    tab.set_status_filter("overdue")
    assert titles(tab) == ["Send the résumé"]
    qtbot.mouseClick(tab.clear_filter_button, Qt.MouseButton.LeftButton)
    assert tab.status_filter.currentData() == "all" and tab.search_edit.text() == ""
    assert len(titles(tab)) == 4


def test_an_edit_while_filtered_shows_or_hides_the_step(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_status_filter("done")
    assert titles(tab) == ["Finish a GED"]
    tab.controller.set_status("study", Status.DONE)
    assert titles(tab) == ["Finish a GED", "CMAA certification"]
    tab.tree.expand(row_of(tab, "cmaa"))
    assert titles(tab, row_of(tab, "cmaa")) == ["Study for the CMAA exam"]
    tab.controller.set_status("ged", Status.NOT_STARTED)
    assert titles(tab) == ["CMAA certification"]
    assert tab.filter_label.text().startswith("1 of 6 steps match")
    tab.controller.undo()
    tab.controller.undo()
    assert titles(tab) == ["Finish a GED"]


def test_selecting_a_step_the_filter_hides_clears_the_filter(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    tab.set_search("book")
    assert tab.model.index_of("emr").isValid() is False
    assert tab.select_milestone("emr")
    assert tab.search_edit.text() == "" and not tab.filter_bar.isVisible()
    assert tab.current_id() == "emr"


def test_drag_and_drop_between_filtered_rows_lands_in_the_right_place(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
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


# --- what the rows and notices look like ---------------------------------------------------------


def test_overdue_rows_are_red_done_rows_grey_with_a_check(tab) -> None:  # type: ignore[no-untyped-def]
    late = row_of(tab, "late")
    done = row_of(tab, "ged")
    plain = row_of(tab, "emr")
    fg = Qt.ItemDataRole.ForegroundRole
    late_colour = late.data(fg).color()
    assert late_colour.red() > 150 and late_colour.green() < 90
    assert done.data(fg).color() != plain.data(fg).color()
    assert "overdue by 2 days" in late.data(Qt.ItemDataRole.ToolTipRole)
    assert done.siblingAtColumn(PlanTreeModel.DONE).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_done_boxes_stand_out_from_their_rows(qtbot, tab, scheme) -> None:  # type: ignore[no-untyped-def]
    from ptplanner.ui.app import dark_palette

    # Fusion outlines a check box a shade darker than the window colour, which a dark
    # palette's rows all but swallowed: the box to tick a step done must show in both.
    if scheme == "dark":
        tab.setPalette(dark_palette())
    image = tab.tree.viewport().grab().toImage()
    for milestone_id in ("emr", "ged"):  # not done, done
        cell = tab.tree.visualRect(row_of(tab, milestone_id).siblingAtColumn(PlanTreeModel.DONE))
        row_colour = image.pixelColor(cell.right() - 2, cell.center().y()).lightness()
        contrast = max(
            abs(image.pixelColor(x, cell.center().y()).lightness() - row_colour)
            for x in range(cell.left(), cell.right())
        )
        assert contrast >= 50, (milestone_id, contrast)


def test_the_header_counts_steps_done_and_overdue_and_follows_edits(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    assert tab.counts_label.text() == "1 of 5 steps done · 1 overdue"
    assert tab.progress_bar.value() == 20
    tab.controller.set_status("study", Status.DONE)
    assert tab.counts_label.text() == "2 of 5 steps done · 1 overdue"
    tab.controller.set_status("cmaa", Status.DONE)  # a step done counts its sub-steps done
    assert tab.counts_label.text() == "3 of 5 steps done · 1 overdue"
    tab.controller.set_status("emr", Status.SKIPPED)  # skipped steps drop out of the count
    tab.controller.set_status("late", Status.DONE)
    assert tab.counts_label.text() == "4 of 4 steps done"
    assert tab.progress_bar.value() == 100
    for _ in range(4):
        tab.controller.undo()
    assert tab.counts_label.text() == "1 of 5 steps done · 1 overdue"
    select(qtbot, tab, "study")
    key(qtbot, tab.tree, Qt.Key.Key_Delete)  # a structural edit
    assert tab.counts_label.text() == "1 of 4 steps done · 1 overdue"


def test_the_index_counts_every_step_as_the_milestones_do() -> None:
    from ptplanner.ui.tabs.plan.tree_model import PlanIndex

    # Three levels, every status at every level: a done step over open sub-steps, a skipped
    # step over done ones, steps whose sub-steps are all skipped.
    statuses = list(Status)

    def step(path: str, level: int) -> Milestone:
        n = sum(int(part) for part in path.split("."))
        children = () if level == 3 else tuple(step(f"{path}.{i}", level + 1) for i in range(4))
        return Milestone(
            id="s" + path.replace(".", "-"),
            title=f"Step {path}",
            status=statuses[(n + level) % 4],
            children=children if (n + level) % 5 else (),
        )

    plan = Plan(milestones=tuple(step(str(i), 1) for i in range(9)))
    index = PlanIndex(plan)
    counts = index.leaf_counts()
    expected = {
        key: milestone.leaf_counts()
        for key, milestone in enumerate(index.milestones)
        if milestone.children or index.parent[key] < 0
    }
    assert counts == expected
    assert {Status.DONE, Status.SKIPPED} <= {index.milestones[key].status for key in expected}
    total = tuple(map(sum, zip(*(counts[key] for key in index.roots), strict=True)))
    assert total == plan.leaf_counts()


def test_the_launch_notice_shows_in_a_banner_that_can_be_dismissed(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    banners = {w.banner.key: w for w in tab.banner_widgets()}
    assert "Send the résumé" in banners["due"].label.text()
    show = next(b for b in banners["due"].buttons if b.text() == "Show them")
    qtbot.mouseClick(show, Qt.MouseButton.LeftButton)
    assert titles(tab) == ["Send the résumé"]
    assert banners["due"].close_button is not None
    qtbot.mouseClick(banners["due"].close_button, Qt.MouseButton.LeftButton)
    assert [w.banner.key for w in tab.banner_widgets()] == []


def test_marking_cmaa_done_in_the_tab_feeds_the_salary_projection(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "cmaa")
    assert "from 2027" in tab.pay_label.text()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert "cmaa" in blocker.args[0].certifications
    assert blocker.args[0] == plan_effects(tab.controller.plan, TODAY)
    assert "counts as yours now" in tab.pay_label.text()


def test_the_salary_link_is_chosen_in_two_combos(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "emr")
    tab.link_kind_combo.setFocus()
    kind_row = tab.link_kind_combo.findData("employer_type")
    tab.link_kind_combo.setCurrentIndex(kind_row)
    tab.link_kind_combo.activated.emit(kind_row)
    value_row = tab.link_value_combo.findData("hospital")
    tab.link_value_combo.setCurrentIndex(value_row)
    tab.link_value_combo.activated.emit(value_row)
    assert tab.controller.plan.get("emr").salary_link == SalaryLink.parse("employer_type:hospital")
    assert tab.controller.undo_stack.count() == 1  # quick successive choices merge


def lead_plan() -> Plan:
    return Plan(
        milestones=(
            Milestone(id="lead", title="Become the lead coordinator", target_date=date(2028, 3, 1)),
            Milestone(id="emr", title="Learn an EMR such as WebPT"),
        )
    )


def test_picking_promotion_puts_a_promotion_raise_in_the_projection(qtbot, open_tab) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(lead_plan())
    select(qtbot, tab, "lead")
    assert tab.link_kind_combo.currentText() == "None"
    assert not tab.link_value_combo.isVisible()  # nothing to choose without a link
    tab.link_kind_combo.setFocus()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        qtbot.keyClicks(tab.link_kind_combo, "Pro")  # typing picks an entry, as in any combo
    expected = Event(
        year=2028,
        kind="promotion",
        value="",
        label="Become the lead coordinator (promotion, Mar 2028)",
    )
    assert blocker.args[0].events == (expected,)
    assert tab.controller.salary_effects().events == (expected,)
    assert tab.controller.plan.get("lead").salary_link == SalaryLink.parse("promotion")
    # What the person sees: the choice, no value box, the link in the list and what it does.
    assert tab.link_kind_combo.currentText() == "Promotion"
    assert not tab.link_value_combo.isVisible()
    assert row_of(tab, "lead").siblingAtColumn(PlanTreeModel.LINK).data() == "Promotion"
    pay = tab.pay_label.text()
    assert "In your salary projection: a promotion raise from 2028, the target year." in pay
    assert "10% by default, ptplanner's own round figure" in pay

    # Done, it is a raise already had: the projection leaves it out.
    tab.tree.setFocus()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert blocker.args[0].is_empty
    assert "not a raise still to come" in tab.pay_label.text()
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)
    assert tab.controller.salary_effects().events == (expected,)

    # Another kind brings the value box back with its first choice.
    tab.link_kind_combo.setFocus()
    key(qtbot, tab.link_kind_combo, Qt.Key.Key_Home)  # None
    key(qtbot, tab.link_kind_combo, Qt.Key.Key_Down)  # Certification
    assert tab.link_kind_combo.currentText() == "Certification"
    assert tab.link_value_combo.isVisible()
    assert tab.controller.plan.get("lead").salary_link == SalaryLink.parse("certification:cmaa")
    assert tab.controller.salary_effects().events[0].kind == "certification"


def test_the_timeline_marks_target_dates_and_a_click_selects_the_step(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
    timeline = tab.timeline
    assert timeline.accessibleDescription() == "2 steps with target dates, 1 overdue"
    assert timeline.marker_centre("emr") is None  # no target date, no marker
    late = timeline.marker_centre("late")
    cmaa = timeline.marker_centre("cmaa")
    assert late is not None and cmaa is not None
    assert late.x() < cmaa.x()  # Nov 2026 before Apr 2027
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=late.toPoint())
    assert tab.current_id() == "late"
    # A new target date is on the timeline at once.
    select(qtbot, tab, "emr")
    tab.controller.update_milestone("emr", target_date=TODAY + timedelta(days=60))
    described = timeline.accessibleDescription
    qtbot.waitUntil(lambda: described() == "3 steps with target dates, 1 overdue", timeout=2000)
    emr = timeline.marker_centre("emr")
    assert emr is not None and late.x() < emr.x() < cmaa.x()
    tab.controller.set_status("late", Status.DONE)
    qtbot.waitUntil(lambda: described() == "3 steps with target dates, 0 overdue", timeout=2000)


def test_a_timeline_marker_lists_its_steps_in_plan_order(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ptplanner.ui.tabs.plan.timeline import PlanTimeline
    from ptplanner.ui.tabs.plan.tree_model import PlanIndex

    # Twenty years on 1,000 pixels: a pixel is about a week, so steps a day apart share one,
    # here the later date first in the plan.
    timeline = PlanTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(1000, 112)
    for offset in range(8):  # two days on one pixel, whatever the pixel boundaries
        later = TODAY + timedelta(days=401 + offset)
        plan = Plan(
            milestones=(
                Milestone(id="later", title="Later date, first in the plan", target_date=later),
                Milestone(id="sooner", title="A day sooner", target_date=later - timedelta(1)),
                Milestone(id="far", title="Far", target_date=TODAY + timedelta(days=7300)),
            )
        )
        timeline.set_plan(PlanIndex(plan), TODAY)
        if timeline.marker_centre("later") == timeline.marker_centre("sooner"):
            break
    else:
        pytest.fail("no two neighbouring days shared a pixel")
    assert timeline.marker_count() == 2
    shared = next(bucket for bucket in timeline._buckets if len(bucket.keys) == 2)
    assert shared.keys == [0, 1]  # plan order, not date order


def test_the_timeline_of_a_big_plan_shares_markers_on_one_pixel(qtbot, open_tab) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(big_plan())
    timeline = tab.timeline
    assert timeline.mark_count() == 10_000
    assert 0 < timeline.marker_count() < 2_000
    # Every dated step is in exactly one marker, listed in plan order, and a marker holds only
    # steps of one kind and level whose dates fall on its pixel.
    buckets = timeline._buckets
    keys = [key for bucket in buckets for key in bucket.keys]
    assert sorted(keys) == timeline.marks().keys
    assert all(bucket.keys == sorted(bucket.keys) for bucket in buckets)
    marks = timeline.marks()
    code_of = dict(zip(marks.keys, marks.codes, strict=True))
    day_of = dict(zip(marks.keys, marks.ordinals, strict=True))
    start, end = timeline._range(marks.ordinals)
    days_per_pixel = (end - start) / (timeline.width() - 32)  # the axis has 16 px each side
    for bucket in buckets:
        assert {code_of[key] for key in bucket.keys} == {bucket.code}
        days = sorted(day_of[key] for key in bucket.keys)
        assert days[-1] - days[0] <= days_per_pixel + 1
    # Steps due on the same day share a marker; a click picks the first of them in the plan.
    shared = timeline.marker_centre("g7-3")
    assert shared is not None and shared == timeline.marker_centre("g8-3")
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=shared.toPoint())
    assert tab.current_id() == "g0-3"
    assert tab.tree.isExpanded(row_of(tab, "g0"))


class FirstPaints(QObject):
    """Whether the timeline had placed its markers when the tree first painted, and how many
    times the timeline painted."""

    def __init__(self, tab: PlanTab) -> None:
        super().__init__()
        self.tab = tab
        self.placed_at_tree_paint: bool | None = None
        self.timeline_paints = 0
        tab.tree.viewport().installEventFilter(self)
        tab.timeline.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if watched is self.tab.timeline:
                self.timeline_paints += 1
            elif self.placed_at_tree_paint is None:
                self.placed_at_tree_paint = self.tab.timeline.is_placed()
        return False


def overdue_shown(timeline: QWidget) -> bool:
    """Whether a grab of the timeline shows the overdue colour (its markers and legend)."""
    image = timeline.grab().toImage()
    overdue = kind_colours(timeline.palette())["overdue"].rgb()
    return any(
        image.pixelColor(x, y).rgb() == overdue
        for x in range(image.width())
        for y in range(image.height())
    )


@pytest.mark.parametrize(("size", "later"), [("big", True), ("small", False)])
def test_a_big_plan_places_its_timeline_markers_just_after_the_first_paint(  # type: ignore[no-untyped-def]
    qtbot, size, later
) -> None:
    from ptplanner.ui.tabs.plan.timeline import PlanTimeline
    from ptplanner.ui.tabs.plan.tree_model import PlanIndex

    timeline = PlanTimeline()
    qtbot.addWidget(timeline)
    timeline.resize(1000, 112)
    timeline.set_plan(PlanIndex(big_plan() if size == "big" else sample_plan()), TODAY)
    assert overdue_shown(timeline) is not later  # the first paint
    qtbot.waitUntil(timeline.is_placed, timeout=3000)
    assert overdue_shown(timeline)
    # Once placed, a new plan (an edit) is drawn in the same paint: no blank frame.
    timeline.set_plan(PlanIndex(big_plan()), TODAY)
    assert overdue_shown(timeline)


def test_the_tree_of_a_big_plan_paints_before_its_timeline_is_placed(qtbot, plan_path) -> None:  # type: ignore[no-untyped-def]
    plan = big_plan()
    overdue = sum(
        1 for m in plan.flatten() if m.status is Status.NOT_STARTED and m.target_date < TODAY
    )  # type: ignore[operator]
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    plan_path.write_text(plan.model_dump_json(), encoding="utf-8")
    controller = PlanController(plan_path, today=lambda: TODAY)
    tab = PlanTab(controller)
    paints = FirstPaints(tab)
    try:
        show_active(qtbot, tab, (1280, 800))
        qtbot.waitUntil(lambda: paints.placed_at_tree_paint is not None, timeout=3000)
        assert paints.placed_at_tree_paint is False
        qtbot.waitUntil(tab.timeline.is_placed, timeout=3000)
        painted = paints.timeline_paints
        qtbot.waitUntil(lambda: paints.timeline_paints > painted, timeout=3000)
        described = f"10000 steps with target dates, {overdue} overdue"
        assert tab.timeline.accessibleDescription() == described
    finally:
        controller.close()


# --- saving, recovery, read-only -----------------------------------------------------------------


def test_an_edit_reaches_the_disk_by_itself(qtbot, tab, plan_path) -> None:  # type: ignore[no-untyped-def]
    select(qtbot, tab, "emr")
    tab.title_edit.setFocus()
    tab.title_edit.selectAll()
    qtbot.keyClicks(tab.title_edit, "Learn WebPT scheduling")
    key(qtbot, tab.title_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Learn WebPT scheduling" in plan_path.read_text(), timeout=3000)
    assert tab.save_label.text() == "All changes saved"


def test_a_corrupt_plan_shows_the_recovery_banner_and_keeps_the_file(  # type: ignore[no-untyped-def]
    open_tab, plan_path
) -> None:
    plan_path.parent.mkdir(parents=True)
    plan_path.write_bytes(b"\x00\x00 not a plan")
    tab = open_tab(None)
    banners = {w.banner.key: w for w in tab.banner_widgets()}
    moved = tab.controller.load_result.moved_aside
    assert moved is not None and moved.read_bytes() == b"\x00\x00 not a plan"
    assert str(moved) in banners["load"].label.text()
    assert "No usable backup" in banners["load"].label.text()


def test_a_second_window_is_read_only_with_editing_disabled(open_tab) -> None:  # type: ignore[no-untyped-def]
    first = open_tab()
    second = open_tab()
    assert not first.controller.read_only and second.controller.read_only
    banners = {w.banner.key: w for w in second.banner_widgets()}
    assert "Another ptplanner window" in banners["read_only"].label.text()
    assert banners["read_only"].close_button is None
    for name in ("add", "add_sub", "delete", "up", "down", "indent", "outdent"):
        assert not second.buttons[name].isEnabled(), name
    assert second.title_edit.isReadOnly() and second.notes_edit.isReadOnly()
    for widget in (second.status_combo, second.target_edit, second.link_kind_combo):
        assert not widget.isEnabled()
    assert not second.tree.dragEnabled()
    index = second.model.index_of("emr")
    assert not (second.model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled)
    assert first.buttons["add"].isEnabled()


def test_a_failed_save_shows_a_warning_and_keeps_the_edit(qtbot, tab, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ptplanner.core.storage.store import SaveError

    real_save = tab.controller.store.save

    def fail(plan: Plan) -> None:
        raise SaveError("ptplanner cannot write to the folder (read-only).")

    monkeypatch.setattr(tab.controller.store, "save", fail)
    select(qtbot, tab, "emr")
    key(qtbot, tab.tree, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "save" in {w.banner.key for w in tab.banner_widgets()}, timeout=3000)
    banner = next(w for w in tab.banner_widgets() if w.banner.key == "save")
    assert "read-only" in banner.label.text()
    assert tab.save_label.text() == "Not saved – retrying"
    assert tab.controller.plan.get("emr").status is Status.DONE
    monkeypatch.setattr(tab.controller.store, "save", real_save)
    retry = next(b for b in banner.buttons if b.text() == "Retry now")
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert "save" not in {w.banner.key for w in tab.banner_widgets()}
    assert tab.save_label.text() == "All changes saved"


# --- empty state ---------------------------------------------------------------------------------


def test_the_empty_state_offers_the_ready_plan_or_an_empty_start(qtbot, open_tab) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(Plan())
    assert tab.stack.currentWidget() is tab.empty_page
    # The page counts the ready plan's steps as the plan's header will once it is chosen.
    offered = tab.empty_page.choice.text().split("ready plan (", 1)[1].split(" steps", 1)[0]
    qtbot.mouseClick(tab.ready_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.editor_page
    assert "CMAA certification" in titles(tab)
    assert int(offered) == tab.controller.plan.leaf_counts()[1]
    assert tab.controller.undo_stack.undoText() == "Start from the ready plan"
    tab.controller.undo()
    assert tab.stack.currentWidget() is tab.empty_page
    qtbot.mouseClick(tab.empty_button, Qt.MouseButton.LeftButton)
    assert tab.stack.currentWidget() is tab.editor_page
    assert tab.title_edit.hasFocus()
    qtbot.keyClicks(tab.title_edit, "My own first step")
    key(qtbot, tab.title_edit, Qt.Key.Key_Return)
    assert titles(tab) == ["My own first step"]


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
def test_nothing_is_clipped_in_a_window_of(qtbot, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    from ptplanner.core import paths

    plan = lived_in_plan(date.today())
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(plan.model_dump_json(), encoding="utf-8")
    window = open_main_window(qtbot, size)
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
        combo = tab.link_value_combo
        assert combo.currentText() == LONG_AREA and combo.shown_text() != LONG_AREA
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
        tab.status_filter.setFocus()
        for _ in range(tab.status_filter.count()):
            settle()
            assert cut_off(tab) == [], tab.status_filter.currentText()
            key(qtbot, tab.status_filter, Qt.Key.Key_Down)
        qtbot.keyClicks(tab.search_edit, "exam")
        qtbot.waitUntil(tab.filter_bar.isVisible, timeout=1000)
        settle()
        assert cut_off(tab) == []
    finally:
        window.close()


def test_a_long_plan_title_gives_way_and_keeps_its_tooltip(qtbot, open_tab) -> None:  # type: ignore[no-untyped-def]
    title = "My plan to become a PT care coordinator " * 5
    tab = open_tab(sample_plan().model_copy(update={"title": title.strip()}), size=(1024, 700))
    settle()
    window = tab.window()
    assert window.width() == 1024
    assert tab.title_label.shown_text().endswith("…")
    assert tab.title_label.toolTip() == title.strip()
    assert cut_off(tab) == []
    window.resize(1800, 800)  # with room to spare, the whole title shows
    settle()
    tab.title_label.setText("My plan")
    assert tab.title_label.shown_text() == "My plan" and tab.title_label.toolTip() == ""


def test_the_empty_page_fits_at_1024x700(qtbot, open_tab) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(Plan(), size=(1024, 700))
    settle()
    assert tab.stack.currentWidget() is tab.empty_page
    assert cut_off(tab) == []


# --- accessibility -------------------------------------------------------------------------------


def test_every_control_has_an_accessible_name(qtbot, tab) -> None:  # type: ignore[no-untyped-def]
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


# --- a big plan ----------------------------------------------------------------------------------


def big_plan(count: int = 10_000) -> Plan:
    per_group = 99
    groups = count // (per_group + 1)
    milestones = tuple(
        Milestone(
            id=f"g{g}",
            title=f"Group {g}",
            target_date=TODAY + timedelta(days=g),
            children=tuple(
                Milestone(
                    id=f"g{g}-{i}",
                    title=f"Step {g}.{i}",
                    status=Status.DONE if i % 3 == 0 else Status.NOT_STARTED,
                    target_date=TODAY + timedelta(days=i - 50),
                )
                for i in range(per_group)
            ),
        )
        for g in range(groups)
    )
    return Plan(milestones=milestones)


def test_ten_thousand_milestones_show_their_top_level_and_filter(qtbot, open_tab) -> None:  # type: ignore[no-untyped-def]
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


def test_a_search_in_a_big_plan_shows_as_typed_unless_it_shows_thousands(  # type: ignore[no-untyped-def]
    qtbot, open_tab, monkeypatch
) -> None:
    # A longer pause than the real one, so that a slow test machine cannot miss it.
    monkeypatch.setattr(plan_tab, "SEARCH_PAUSE_MS", 1000)
    tab = open_tab(big_plan())
    tab.search_edit.setFocus()
    qtbot.keyClick(tab.search_edit, "s")  # every sub-step has an "s": 10,000 rows to show
    QApplication.processEvents()
    assert not tab.filter_bar.isVisible()  # that waits for a pause in typing
    qtbot.keyClicks(tab.search_edit, "tep 42.7")
    QApplication.processEvents()  # this one shows at once
    assert titles(tab) == ["Group 42"]
    shown = titles(tab, row_of(tab, "g42"))
    assert shown == ["Step 42.7"] + [f"Step 42.{i}" for i in range(70, 80)]
    assert tab.filter_label.text().startswith("11 of 10000 steps match")
    for _ in range(5):
        qtbot.keyClick(tab.search_edit, Qt.Key.Key_Backspace)
    assert tab.search_edit.text() == "step"
    # After the pause, the broad search shows too, with every group open to show its steps.
    qtbot.waitUntil(lambda: tab.filter_label.text().startswith("9900 of 10000"), timeout=5000)
    assert len(titles(tab)) == 100
    assert tab.tree.isExpanded(row_of(tab, "g99"))


def test_clearing_a_search_in_a_big_plan_restores_the_expanded_steps(qtbot, open_tab) -> None:  # type: ignore[no-untyped-def]
    tab = open_tab(big_plan())
    for group in ("g3", "g50", "g99"):
        tab.tree.expand(row_of(tab, group))
    tab.set_search("20.1")  # matches under Group 20 only: it opens to show them
    assert titles(tab) == ["Group 20"] and tab.tree.isExpanded(row_of(tab, "g20"))
    tab.set_search("50.1")
    assert titles(tab) == ["Group 50"] and tab.tree.isExpanded(row_of(tab, "g50"))
    tab.set_search("")
    model = tab.tree.model()
    expanded = [
        model.index(r, 0).data() for r in range(100) if tab.tree.isExpanded(model.index(r, 0))
    ]
    assert expanded == ["Group 3", "Group 50", "Group 99"]
