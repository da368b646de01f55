"""The Plan tab's timeline: markers for target dates, shared on a pixel, placed after the tree's
first paint in a big plan."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from fit_checks import show_active
from plan_tab_helpers import TODAY, OpenTab, big_plan, row_of, sample_plan, select
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.ui.tabs.plan.controller import PlanController
from ptplanner.ui.tabs.plan.status_icons import kind_colours
from ptplanner.ui.tabs.plan.tab import PlanTab


def test_the_timeline_marks_target_dates_and_a_click_selects_the_step(
    qtbot: QtBot, tab: PlanTab
) -> None:
    timeline = tab.timeline
    # The GED is on it at the day it was done, though it never had a target date.
    assert timeline.accessibleDescription() == "3 steps on the timeline, 1 overdue"
    assert timeline.marker_centre("ged") is not None
    assert timeline.marker_centre("emr") is None  # no target date, no marker
    late = timeline.marker_centre("late")
    cmaa = timeline.marker_centre("cmaa")
    assert late is not None
    assert cmaa is not None
    assert late.x() < cmaa.x()  # Nov 2026 before Apr 2027
    QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=late.toPoint())
    assert tab.current_id() == "late"
    # A new target date is on the timeline at once.
    select(qtbot, tab, "emr")
    tab.controller.update_milestone("emr", target_date=TODAY + timedelta(days=60))
    described = timeline.accessibleDescription
    qtbot.waitUntil(lambda: described() == "4 steps on the timeline, 1 overdue", timeout=2000)
    emr = timeline.marker_centre("emr")
    assert emr is not None
    assert late.x() < emr.x() < cmaa.x()
    tab.controller.set_status("late", Status.DONE)
    qtbot.waitUntil(lambda: described() == "4 steps on the timeline, 0 overdue", timeout=2000)


def test_a_timeline_marker_lists_its_steps_in_plan_order(qtbot: QtBot) -> None:
    from ptplanner.core.plan.index import PlanIndex
    from ptplanner.ui.tabs.plan.timeline import PlanTimeline

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


def test_the_timeline_of_a_big_plan_shares_markers_on_one_pixel(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
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
    assert shared is not None
    assert shared == timeline.marker_centre("g8-3")
    QTest.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=shared.toPoint())
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
def test_a_big_plan_places_its_timeline_markers_just_after_the_first_paint(
    qtbot: QtBot, size: str, later: bool
) -> None:
    from ptplanner.core.plan.index import PlanIndex
    from ptplanner.ui.tabs.plan.timeline import PlanTimeline

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


def test_the_tree_of_a_big_plan_paints_before_its_timeline_is_placed(
    qtbot: QtBot, plan_path: Path
) -> None:
    plan = big_plan()
    overdue = sum(
        1
        for m in plan.flatten()
        if m.status is Status.NOT_STARTED and m.target_date is not None and m.target_date < TODAY
    )
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
        described = f"10000 steps on the timeline, {overdue} overdue"
        assert tab.timeline.accessibleDescription() == described
    finally:
        controller.close()


def test_a_done_step_is_marked_at_its_done_date_not_its_target(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    early = TODAY - timedelta(days=200)
    plan = Plan(
        milestones=(
            Milestone(id="start", title="Start", target_date=early),
            # Planned for next year, done early: its marker sits where it was done.
            Milestone(
                id="done",
                title="Done early",
                status=Status.DONE,
                target_date=TODAY + timedelta(days=365),
                done_date=TODAY - timedelta(days=100),
            ),
            Milestone(id="middle", title="Middle", target_date=TODAY - timedelta(days=100)),
            Milestone(id="end", title="End", target_date=TODAY + timedelta(days=365)),
        )
    )
    tab = open_tab(plan)
    timeline = tab.timeline
    done, middle, end = (timeline.marker_centre(i) for i in ("done", "middle", "end"))
    assert done is not None
    assert middle is not None
    assert end is not None
    assert abs(done.x() - middle.x()) <= 1
    assert done.x() < end.x() - 100
    # Its tooltip gives the day it was done.
    from fit_checks import tip_at

    assert "Aug 17, 2026" in tip_at(timeline, done.toPoint())


def test_field_edits_in_a_big_plan_keep_the_timeline_chart_and_pay_effects_exact(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    from ptplanner.core.plan.index import PlanIndex
    from ptplanner.core.plan.progress import progress_history
    from ptplanner.core.plan.salary_link import plan_effects
    from ptplanner.ui.tabs.plan.timeline_marks import gather_marks

    tab = open_tab(big_plan())
    timeline, controller = tab.timeline, tab.controller
    qtbot.waitUntil(timeline.is_placed, timeout=3000)
    # A big plan's field edits update these step by step; each must equal a fresh count.
    controller.set_status("g3-2", Status.DONE)
    controller.update_milestone("g5-1", target_date=TODAY + timedelta(days=400))
    controller.update_milestone("g6-4", target_date=None)
    controller.update_milestone("g7", title="Renamed group")
    controller.undo()  # the rename
    controller.set_status("g3-2", Status.SKIPPED)
    fresh = gather_marks(PlanIndex(controller.plan), TODAY)
    marks = timeline.marks()
    assert (marks.keys, marks.ordinals, marks.codes) == (fresh.keys, fresh.ordinals, fresh.codes)
    assert marks.days == fresh.days
    assert timeline.mark_count() == 9_999  # g6-4 lost its date
    assert timeline.marker_count() > 0  # drawn again from the updated marks
    keys = sorted(key for bucket in timeline._buckets for key in bucket.keys)
    assert keys == fresh.keys
    history = progress_history(controller.plan, TODAY)
    assert tab.progress_chart.history == history
    assert tab.progress_chart.verdict_label.text().startswith(
        f"Progress: {history.done_now} of {history.counted} done"
    )
    assert controller.salary_effects() == plan_effects(controller.plan, TODAY)
