"""The Plan timeline after structural edits of a big plan: its marks follow the index spliced
from the one before (only the steps an edit touched are gathered again) and show exactly what
a fresh look at the plan would."""

from __future__ import annotations

from datetime import timedelta

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import TODAY, OpenTab, big_plan
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.index import PlanIndex
from ptplanner.core.plan.model import Plan
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.tabs.plan.timeline_marks import gather_marks


def assert_shows_the_plan(tab: PlanTab) -> None:
    timeline, controller = tab.timeline, tab.controller
    # Worked out with the edit itself, from the marks before it, not left to the next paint.
    assert timeline.is_placed()
    fresh = gather_marks(PlanIndex(controller.plan), TODAY)
    assert timeline.marks() == fresh
    overdue = fresh.overdue_count()
    assert timeline.accessibleDescription() == (
        f"{len(fresh.keys)} steps on the timeline, {overdue} overdue"
    )
    assert timeline.marker_count() > 0  # drawn again from these marks
    drawn = sorted(key for bucket in timeline._buckets for key in bucket.keys)
    assert drawn == fresh.keys


def test_adds_moves_removes_and_undo_keep_the_timeline_of_a_big_plan_exact(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    tab = open_tab(big_plan())
    timeline, controller = tab.timeline, tab.controller
    qtbot.waitUntil(timeline.is_placed, timeout=3000)
    assert timeline.accessibleDescription() == "10000 steps on the timeline, 3300 overdue"

    far = TODAY + timedelta(days=130)  # after every other date: a marker of its own
    added = controller.add_milestone("Renew the licence", "g40", 5, target_date=far)
    assert added is not None
    assert controller.plan_index().splice is not None
    assert_shows_the_plan(tab)
    assert timeline.accessibleDescription() == "10001 steps on the timeline, 3300 overdue"
    # The new step's marker is where its date is, and a click on it selects it.
    centre = timeline.marker_centre(added)
    assert centre is not None
    QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert tab.current_id() == added

    assert controller.move_down("g20")
    assert_shows_the_plan(tab)
    assert controller.move_milestone("g30-7", "g70", 0)
    assert_shows_the_plan(tab)
    assert controller.remove_milestone("g10")  # a group with its 99 sub-steps
    assert_shows_the_plan(tab)
    assert timeline.accessibleDescription() == "9901 steps on the timeline, 3267 overdue"
    controller.undo()
    assert_shows_the_plan(tab)
    controller.undo()
    controller.undo()
    controller.undo()
    assert_shows_the_plan(tab)
    assert timeline.accessibleDescription() == "10000 steps on the timeline, 3300 overdue"
    assert timeline.marker_centre(added) is None


def test_a_big_plans_timeline_shows_the_new_picture_a_turn_after_an_edit(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    from ptplanner.ui.tabs.plan.timeline import PlanTimeline

    def shown(widget: PlanTimeline) -> QImage:
        return widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)

    def picture(plan: Plan, selected: str | None) -> QImage:
        """What a timeline made fresh for ``plan`` draws, at the tab's timeline's size."""
        fresh = PlanTimeline()
        qtbot.addWidget(fresh)
        fresh.resize(timeline.size())
        fresh.set_plan(PlanIndex(plan), TODAY)
        fresh.set_selected(selected)
        fresh.show()
        qtbot.waitUntil(fresh.is_placed, timeout=3000)
        return shown(fresh)

    tab = open_tab(big_plan())
    timeline, controller = tab.timeline, tab.controller
    qtbot.waitUntil(timeline.is_placed, timeout=3000)
    plan_before = controller.plan
    shown(timeline)  # painted once with the markers
    far = TODAY + timedelta(days=130)  # after every other date: a marker of its own
    added = controller.add_milestone("Renew the licence", "g40", 5, target_date=far)
    assert added is not None
    # The paint that follows the edit still shows the markers from before it (without the
    # selection's ring, for that one frame) ...
    assert shown(timeline) == picture(plan_before, None)
    # ... and a later turn draws the new ones, as a timeline made fresh for the plan draws them.
    after = picture(controller.plan, added)
    qtbot.waitUntil(lambda: shown(timeline) == after, timeout=3000)
