"""The Plan tab's header and progress chart keep their counts edit by edit (per top-level step,
see core/plan/root_parts.py): right after every edit, and on a new day, they must say what
counting the whole plan afresh says."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import TODAY, OpenTab, key, select
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan, Status, milestone_kinds
from ptplanner.core.plan.progress import progress_history
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.tabs.plan.timeline import PLACE_LATER_FROM


def generated_plan(rng: random.Random, top: int, below: int) -> Plan:
    def step(title: str, children: tuple[Milestone, ...] = ()) -> Milestone:
        status = rng.choice(list(Status))
        return Milestone(
            title=title,
            status=status,
            target_date=TODAY + timedelta(days=rng.randrange(-200, 400)),
            done_date=TODAY - timedelta(days=rng.randrange(300)) if status is Status.DONE else None,
            children=children,
        )

    return Plan(
        title="Generated",
        milestones=tuple(
            step(f"Step {i}", tuple(step(f"Task {j} of {i}") for j in range(below)))
            for i in range(top)
        ),
    )


def expected_header(plan: Plan, today: object) -> str:
    done, counted = plan.leaf_counts()
    overdue = milestone_kinds(plan.flatten(), today).count("overdue")  # type: ignore[arg-type]
    return f"{done} of {counted} steps done" + (f" · {overdue} overdue" if overdue else "")


def check(tab: PlanTab) -> None:
    plan, today = tab.controller.plan, tab.controller.today()
    assert tab.header.counts_label.text() == expected_header(plan, today)
    fresh = progress_history(plan, today)
    assert tab.progress_chart.history == fresh
    assert tab.progress_chart.verdict_label.text().startswith(
        f"Progress: {fresh.done_now} of {fresh.counted} done"
    )


def test_the_header_and_chart_match_a_fresh_count_through_edits_and_a_new_day(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    rng = random.Random(5)
    tab = open_tab(generated_plan(rng, 30, 3))
    check(tab)
    controller = tab.controller
    for _ in range(40):
        steps = [node.milestone.id for node in controller.plan.walk()]
        target = rng.choice(steps)
        roll = rng.random()
        if roll < 0.4:
            controller.set_status(target, rng.choice(list(Status)))
        elif roll < 0.6:
            day = TODAY + timedelta(days=rng.randrange(-100, 100))
            controller.update_milestone(target, target_date=day)
        elif roll < 0.75:
            select(qtbot, tab, target)
            key(qtbot, tab.tree, Qt.Key.Key_Delete)
        elif roll < 0.9:
            controller.add_step(target, title="Added")
        else:
            controller.move_down(target)
        check(tab)
    # The next day some steps fall overdue: the header counts them again at once.
    before = tab.header.counts_label.text()
    controller.today = lambda: TODAY + timedelta(days=30)
    tab._check_day()  # what the tab's day timer runs
    check(tab)
    assert tab.header.counts_label.text() != before


def test_an_edit_before_a_big_plans_chart_has_followed_is_counted(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    # A plan this big shows its chart on the turn after the first frame; an edit may come first.
    tab = open_tab(generated_plan(random.Random(6), PLACE_LATER_FROM // 4 + 1, 3))
    assert tab.controller.plan.count() >= PLACE_LATER_FROM
    first = tab.controller.plan.milestones[0]
    tab.controller.set_status(first.children[0].id, Status.DONE)
    check(tab)
