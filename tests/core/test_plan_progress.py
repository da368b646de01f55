"""Progress over time: steps done month by month against the steps targeted by then, counted the
way the plan's progress bar counts them, and the ahead/behind verdict."""

from __future__ import annotations

import json
from datetime import date

from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.operations import set_status
from ptplanner.core.plan.progress import ProgressPoint, progress_history
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.resources import resource_path

TODAY = date(2026, 5, 20)


def leaf(
    title: str, target: date | None = None, done: date | None = None, **extra: object
) -> Milestone:
    status = Status.DONE if done is not None else extra.pop("status", Status.NOT_STARTED)
    return Milestone.model_validate(
        {"title": title, "target_date": target, "done_date": done, "status": status, **extra}
    )


def point(history_points: tuple[ProgressPoint, ...], month: date) -> ProgressPoint:
    return next(p for p in history_points if p.month == month)


def test_months_accumulate_done_and_targeted_steps() -> None:
    plan = Plan(
        milestones=(
            leaf("A", target=date(2026, 1, 15), done=date(2026, 1, 10)),
            leaf("B", target=date(2026, 2, 1), done=date(2026, 3, 31)),
            leaf("C", target=date(2026, 3, 1)),
            leaf("D", target=date(2026, 8, 31)),
        )
    )
    history = progress_history(plan, TODAY)
    months = [p.month for p in history.points]
    # From the first dated month to the last target (which is after today).
    assert months[0] == date(2026, 1, 1)
    assert months[-1] == date(2026, 8, 1)
    assert len(months) == 8
    assert point(history.points, date(2026, 1, 1)) == ProgressPoint(date(2026, 1, 1), 1, 1)
    assert point(history.points, date(2026, 2, 1)) == ProgressPoint(date(2026, 2, 1), 1, 2)
    assert point(history.points, date(2026, 3, 1)) == ProgressPoint(date(2026, 3, 1), 2, 3)
    assert point(history.points, date(2026, 8, 1)) == ProgressPoint(date(2026, 8, 1), 2, 4)
    assert (history.done_now, history.due_now, history.ahead) == (2, 3, -1)
    assert history.verdict() == (
        "Behind the plan's targets by 1 step: 2 done, 3 due by May 20, 2026 (of 4 steps)."
    )


def test_ahead_and_on_track() -> None:
    early = Plan(milestones=(leaf("A", target=date(2026, 9, 1), done=date(2026, 4, 2)),))
    history = progress_history(early, TODAY)
    assert history.ahead == 1
    assert history.verdict().startswith("Ahead of the plan's targets by 1 step: 1 done, 0 due")
    level = Plan(
        milestones=(
            leaf("A", target=date(2026, 4, 1), done=date(2026, 4, 2)),
            leaf("B", target=date(2027, 1, 1)),
        )
    )
    assert progress_history(level, TODAY).verdict().startswith("On track")


def test_counts_match_the_progress_bar_rules() -> None:
    """Leaves only; a ticked parent finishes its sub-steps on its date; skipped steps drop out;
    an undated sub-step takes its group's target."""
    plan = Plan(
        milestones=(
            Milestone(
                title="Group ticked done",
                status=Status.DONE,
                done_date=date(2026, 2, 10),
                target_date=date(2026, 2, 28),
                children=(
                    leaf("own date", done=date(2026, 1, 5)),
                    leaf("no date of its own"),
                    leaf("skipped", status=Status.SKIPPED),
                ),
            ),
            Milestone(
                title="Skipped group",
                status=Status.SKIPPED,
                children=(leaf("inside", target=date(2026, 1, 1)),),
            ),
            Milestone(
                title="Open group",
                target_date=date(2026, 6, 30),
                children=(leaf("x"), leaf("y", target=date(2026, 4, 1))),
            ),
            leaf("no target at all"),
        )
    )
    history = progress_history(plan, TODAY)
    done, counted = plan.leaf_counts()
    assert (history.done_now, history.counted) == (done, counted) == (2, 5)
    assert history.untargeted == 1
    assert point(history.points, date(2026, 1, 1)).done == 1  # the sub-step's own date
    assert point(history.points, date(2026, 2, 1)).done == 2  # the group's date for the other
    # Targets: two from the ticked group (Feb), y (Apr), x inherits Jun.
    assert point(history.points, date(2026, 2, 1)).targeted == 2
    assert point(history.points, date(2026, 4, 1)).targeted == 3
    assert point(history.points, date(2026, 6, 1)).targeted == 4
    assert history.due_now == 3
    assert "1 step has no target date" in history.caption()


def test_done_without_a_date_counts_from_the_first_month() -> None:
    plan = Plan(
        milestones=(
            leaf("imported", status=Status.DONE),
            leaf("dated", target=date(2026, 3, 3)),
        )
    )
    history = progress_history(plan, TODAY)
    assert history.undated_done == 1
    assert history.points[0].done == 1
    assert "1 done step without a done date was counted from the first month" in history.caption()


def test_empty_and_undated_plans() -> None:
    empty = progress_history(Plan(), TODAY)
    assert empty.points == ()
    assert empty.verdict() == "No steps to count yet."
    undated = progress_history(Plan(milestones=(leaf("a"), leaf("b"))), TODAY)
    assert undated.points == ()
    assert "No step has a target date" in undated.verdict()


def test_ready_plan_targets_follow_the_template() -> None:
    """Each leaf of the ready plan is targeted at its own months from the start, or at its
    group's (resources/plan_template.json); undated leaves are the optional steps."""
    start = date(2026, 1, 15)
    plan = ready_plan(start)
    steps = json.loads(resource_path("plan_template.json").read_text(encoding="utf-8"))["steps"]
    expected: dict[int, int] = {}
    undated = 0

    def walk(items: list[dict[str, object]], inherited: int | None) -> None:
        nonlocal undated
        for item in items:
            months = item.get("target_in_months")
            own = months if isinstance(months, int) else inherited
            children = item.get("children") or []
            if children:
                assert isinstance(children, list)
                walk(children, own)
            elif own is None:
                undated += 1
            else:
                expected[own] = expected.get(own, 0) + 1

    walk(steps, None)
    # A horizon past the last target (153 months), so every target is drawn.
    history = progress_history(plan, start, months_ahead=200)
    assert history.counted == plan.leaf_counts()[1]
    assert history.untargeted == undated
    by_month = {p.month: p.targeted for p in history.points}
    running = 0
    for months in sorted(expected):
        running += expected[months]
        total_months = start.month - 1 + months
        month = date(start.year + total_months // 12, total_months % 12 + 1, 1)
        assert by_month[month] == running
    assert history.points[-1].targeted == history.counted - undated
    assert history.done_now == 0


def test_ticking_steps_moves_the_done_line() -> None:
    start = date(2026, 1, 15)
    plan = ready_plan(start)
    first = next(m for m in plan.flatten() if not m.children)
    plan = set_status(plan, first.id, Status.DONE, date(2026, 2, 3)).plan
    history = progress_history(plan, date(2026, 3, 1))
    assert history.done_now == 1
    # The first target is two months out, so the chart starts at the first done date.
    assert history.points[0] == ProgressPoint(date(2026, 2, 1), 1, 0)
    assert point(history.points, date(2026, 4, 1)).done == 1


def test_targets_past_the_horizon_are_counted_and_named() -> None:
    start = date(2026, 1, 15)
    plan = ready_plan(start)
    history = progress_history(plan, start)
    assert history.points[-1].month == date(2028, 1, 1)  # 24 months past this month
    far = [m for m in plan.flatten() if not m.children and m.target_date is not None]
    beyond = sum(1 for m in far if m.target_date is not None and m.target_date >= date(2028, 2, 1))
    assert history.beyond == beyond > 0
    assert history.points[-1].targeted + history.beyond + history.untargeted == history.counted
    assert f"{beyond} steps targeted after January 2028 are beyond the chart" in history.caption()


def test_targets_this_month_are_due_up_to_today_only() -> None:
    plan = Plan(
        milestones=(
            leaf("Last month", target=date(2026, 4, 30)),
            leaf("First of the month", target=date(2026, 5, 1)),
            leaf("Today", target=TODAY),
            leaf("Tomorrow", target=date(2026, 5, 21)),
            leaf("End of the month", target=date(2026, 5, 31)),
        )
    )
    history = progress_history(plan, TODAY)
    assert history.due_now == 3
    # The month's point still counts every target in it.
    assert point(history.points, date(2026, 5, 1)) == ProgressPoint(date(2026, 5, 1), 0, 5)
    assert progress_history(plan, date(2026, 5, 31)).due_now == 5
    assert progress_history(plan, date(2026, 4, 30)).due_now == 1
