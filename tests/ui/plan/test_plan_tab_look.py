"""What the Plan tab's rows, header and notices show."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import key, row_of, select, titles
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Status
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.tabs.plan.tree_model import PlanTreeModel

# --- what the rows and notices look like ---------------------------------------------------------


def test_overdue_rows_are_red_done_rows_grey_with_a_check(tab: PlanTab) -> None:
    late = row_of(tab, "late")
    done = row_of(tab, "ged")
    plain = row_of(tab, "emr")
    fg = Qt.ItemDataRole.ForegroundRole
    late_colour = late.data(fg).color()
    assert late_colour.red() > 150
    assert late_colour.green() < 90
    assert done.data(fg).color() != plain.data(fg).color()
    assert "overdue by 2 days" in late.data(Qt.ItemDataRole.ToolTipRole)
    assert done.siblingAtColumn(PlanTreeModel.DONE).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Checked
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_done_boxes_stand_out_from_their_rows(qtbot: QtBot, tab: PlanTab, scheme: str) -> None:
    from ptplanner.ui.theme import dark_palette

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


def test_the_header_counts_steps_done_and_overdue_and_follows_edits(
    qtbot: QtBot, tab: PlanTab
) -> None:
    assert tab.header.counts_label.text() == "1 of 5 steps done · 1 overdue"
    assert tab.header.progress_bar.value() == 20
    tab.controller.set_status("study", Status.DONE)
    assert tab.header.counts_label.text() == "2 of 5 steps done · 1 overdue"
    tab.controller.set_status("cmaa", Status.DONE)  # a step done counts its sub-steps done
    assert tab.header.counts_label.text() == "3 of 5 steps done · 1 overdue"
    tab.controller.set_status("emr", Status.SKIPPED)  # skipped steps drop out of the count
    tab.controller.set_status("late", Status.DONE)
    assert tab.header.counts_label.text() == "4 of 4 steps done"
    assert tab.header.progress_bar.value() == 100
    for _ in range(4):
        tab.controller.undo()
    assert tab.header.counts_label.text() == "1 of 5 steps done · 1 overdue"
    select(qtbot, tab, "study")
    key(qtbot, tab.tree, Qt.Key.Key_Delete)  # a structural edit
    assert tab.header.counts_label.text() == "1 of 4 steps done · 1 overdue"


def test_the_launch_notice_shows_in_a_banner_that_can_be_dismissed(
    qtbot: QtBot, tab: PlanTab
) -> None:
    banners = {w.banner.key: w for w in tab.banner_widgets()}
    assert "Send the résumé" in banners["due"].label.text()
    show = next(b for b in banners["due"].buttons if b.text() == "Show them")
    QTest.mouseClick(show, Qt.MouseButton.LeftButton)
    assert titles(tab) == ["Send the résumé"]
    assert banners["due"].close_button is not None
    QTest.mouseClick(banners["due"].close_button, Qt.MouseButton.LeftButton)
    assert [w.banner.key for w in tab.banner_widgets()] == []
