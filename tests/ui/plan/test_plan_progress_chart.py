"""The Plan tab's progress chart: beside the timeline, it follows the plan as a person ticks
steps, says ahead or behind, and draws its lines from the plan's own dates."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from plan_tab_helpers import TODAY, OpenTab
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan, Status


def dated_plan() -> Plan:
    return Plan(
        milestones=(
            Milestone(
                id="a",
                title="Early step",
                target_date=date(2026, 8, 1),
                status=Status.DONE,
                done_date=date(2026, 7, 20),
            ),
            Milestone(id="b", title="Late step", target_date=date(2026, 10, 1)),
            Milestone(id="c", title="Next step", target_date=date(2027, 2, 1)),
        )
    )


def test_chart_says_behind_then_on_track_as_steps_are_ticked(
    open_tab: OpenTab, qtbot: QtBot
) -> None:
    tab = open_tab(dated_plan())
    chart = tab.progress_chart
    assert chart.isVisible()
    # It sits beside the timeline, at the foot of the tab.
    assert abs(chart.geometry().top() - tab.timeline.geometry().top()) < 40
    assert chart.geometry().left() > tab.timeline.geometry().right()
    # Two steps were due by TODAY (Nov 25, 2026); one is done.
    assert chart.verdict_label.text() == "Progress: 1 of 3 done, 1 step behind target"
    assert f"as of {TODAY:%b} {TODAY.day}, {TODAY.year}" in chart.toolTip()
    history = chart.history
    assert history is not None
    assert history.points[0].month == date(2026, 7, 1)
    assert [p.done for p in history.points if p.month <= TODAY] == [1, 1, 1, 1, 1]
    # Tick "Late step" the way a person does: select it and press Space.
    assert tab.select_milestone("b")
    tab.tree.setFocus()
    qtbot.keyClick(tab.tree, Qt.Key.Key_Space)
    assert chart.verdict_label.text() == "Progress: 2 of 3 done, on track"
    assert chart.history is not None
    assert chart.history.points[-1].targeted == 3
    # Undo brings the old verdict back.
    tab.controller.undo()
    assert chart.verdict_label.text().endswith("1 step behind target")
    shot = os.environ.get("PTPLANNER_SHOTS")
    if shot:
        tab.window().grab().save(os.path.join(shot, "plan-tab-progress.png"))
        chart.grab().save(os.path.join(shot, "plan-progress-chart.png"))


def test_hovering_a_month_names_its_counts(open_tab: OpenTab) -> None:
    tab = open_tab(dated_plan())
    plot = tab.progress_chart.plot
    rect = plot.plot_rect()
    first = plot.point_at(rect.left())
    last = plot.point_at(rect.right())
    assert first is not None
    assert last is not None
    assert first.month == date(2026, 7, 1)
    assert last.month == date(2027, 2, 1)
    from ptplanner.ui.tabs.plan.progress_chart import month_tip

    assert month_tip(last) == "Feb 2027: 1 done, 3 targeted by the month's end"


def test_a_plan_without_dates_says_so(open_tab: OpenTab) -> None:
    tab = open_tab(Plan(milestones=(Milestone(title="Someday"),)))
    assert tab.progress_chart.verdict_label.text() == ("Progress: 0 of 1 done (no target dates)")


def test_a_big_plan_shows_its_tree_first_and_its_chart_just_after(
    qtbot: QtBot, plan_path: Path
) -> None:
    from fit_checks import show_active
    from plan_tab_helpers import big_plan
    from PySide6.QtCore import QEvent, QObject

    from ptplanner.core.plan.progress import progress_history
    from ptplanner.ui.tabs.plan.controller import PlanController
    from ptplanner.ui.tabs.plan.tab import PlanTab

    plan = big_plan()
    plan_path.parent.mkdir(parents=True, exist_ok=True)
    plan_path.write_text(plan.model_dump_json(), encoding="utf-8")
    controller = PlanController(plan_path, today=lambda: TODAY)
    tab = PlanTab(controller)
    chart = tab.progress_chart
    seen: list[str] = []

    class TreePaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not seen:
                seen.append(chart.verdict_label.text())
            return False

    watch = TreePaint()
    tab.tree.viewport().installEventFilter(watch)
    try:
        show_active(qtbot, tab, (1280, 800))
        qtbot.waitUntil(lambda: bool(seen), timeout=3000)
        assert seen == [""]  # the tree's first frame did not wait for the chart
        history = progress_history(plan, TODAY)
        verdict = f"Progress: {history.done_now} of {history.counted} done"
        qtbot.waitUntil(lambda: chart.verdict_label.text().startswith(verdict), timeout=3000)
    finally:
        controller.close()
