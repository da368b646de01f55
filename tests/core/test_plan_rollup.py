"""The parent done rule (core/plan/rollup.py): finishing a step's last open sub-step finishes the
step, in the same operation, so one undo puts everything back; reopening reopens."""

from __future__ import annotations

from datetime import date

import pytest

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.operations import OpResult, set_status
from ptplanner.core.plan.rollup import effective, rule_done_steps
from ptplanner.core.plan.template import ready_plan

TODAY = date(2026, 3, 15)


def m(milestone_id: str, *children: Milestone, **fields: object) -> Milestone:
    return Milestone.model_validate(
        {"id": milestone_id, "title": fields.pop("title", milestone_id), "children": children}
        | fields
    )


def done(milestone_id: str, day: date, *children: Milestone, **fields: object) -> Milestone:
    return m(milestone_id, *children, status=Status.DONE, done_date=day, **fields)


def assert_one_undo(before: Plan, result: OpResult) -> None:
    undone = result.inverse.apply(result.plan)
    assert undone.plan == before
    assert undone.inverse.apply(undone.plan).plan == result.plan


def test_finishing_the_last_sub_step_finishes_the_parent_dated_the_latest_sub_step() -> None:
    plan = Plan(
        milestones=(
            m(
                "cert",
                done("study", date(2026, 2, 1)),
                done("book", date(2026, 3, 2)),
                m("pass"),
            ),
        )
    )
    result = set_status(plan, "pass", Status.DONE, TODAY)
    cert = result.plan.get("cert")
    assert cert.status is Status.DONE
    assert cert.done_date == TODAY  # "pass", done today, is the latest
    assert result.change.ids == {"pass", "cert"}
    assert result.change.label == "Mark 'pass' done"
    assert_one_undo(plan, result)


def test_the_parent_takes_the_latest_date_not_today() -> None:
    plan = Plan(milestones=(m("p", done("a", date(2026, 3, 20)), m("b")),))
    result = set_status(plan, "b", Status.SKIPPED, TODAY)
    assert result.plan.get("p").status is Status.DONE
    assert result.plan.get("p").done_date == date(2026, 3, 20)


def test_the_rule_climbs_to_grandparents_and_stops_where_a_step_is_open() -> None:
    plan = Plan(
        milestones=(
            m("top", m("mid", m("leaf")), done("other", date(2026, 1, 1))),
            m("elsewhere", m("x"), m("y")),
        )
    )
    result = set_status(plan, "leaf", Status.DONE, TODAY)
    assert [result.plan.get(i).status for i in ("leaf", "mid", "top")] == [Status.DONE] * 3
    assert result.plan.get("top").done_date == TODAY
    assert result.plan.get("elsewhere").status is Status.NOT_STARTED
    assert_one_undo(plan, result)

    half = set_status(plan, "x", Status.DONE, TODAY)
    assert half.plan.get("elsewhere").status is Status.NOT_STARTED  # "y" is still open
    assert half.change.ids == {"x"}


def test_all_skipped_sub_steps_do_not_make_a_parent_done() -> None:
    plan = Plan(milestones=(m("p", m("a", status=Status.SKIPPED), m("b")),))
    result = set_status(plan, "b", Status.SKIPPED, TODAY)
    assert result.plan.get("p").status is Status.NOT_STARTED


def test_reopening_a_sub_step_reopens_the_parents_it_had_closed_in_one_undo_step() -> None:
    plan = Plan(milestones=(m("top", m("mid", m("a"), m("b"))),))
    closed = set_status(set_status(plan, "a", Status.DONE, TODAY).plan, "b", Status.DONE, TODAY)
    assert closed.plan.get("top").status is Status.DONE
    reopened = set_status(closed.plan, "b", Status.NOT_STARTED, TODAY)
    # "a" is still done, so both steps above are under way again, not "not started".
    assert reopened.plan.get("mid").status is Status.IN_PROGRESS
    assert reopened.plan.get("top").status is Status.IN_PROGRESS
    assert reopened.plan.get("mid").done_date is None
    assert_one_undo(closed.plan, reopened)

    single = Plan(milestones=(m("p", m("only")),))
    closed = set_status(single, "only", Status.DONE, TODAY)
    assert closed.plan.get("p").status is Status.DONE
    # Nothing under it is done or under way any more: back to "not started".
    assert set_status(closed.plan, "only", Status.NOT_STARTED, TODAY).plan.get("p").status is (
        Status.NOT_STARTED
    )


def test_a_parent_done_by_hand_stays_done_when_an_open_sub_step_changes() -> None:
    plan = Plan(milestones=(done("p", date(2026, 1, 1), m("a"), m("b")),))
    result = set_status(plan, "a", Status.IN_PROGRESS, TODAY)
    assert result.plan.get("p").status is Status.DONE
    assert result.change.ids == {"a"}


def test_a_skipped_parent_is_left_alone() -> None:
    plan = Plan(milestones=(m("p", m("a"), status=Status.SKIPPED),))
    assert set_status(plan, "a", Status.DONE, TODAY).plan.get("p").status is Status.SKIPPED


def test_a_renewing_parent_closed_by_the_rule_gets_its_renewal_step() -> None:
    plan = ready_plan(TODAY, id_factory=iter(f"s{i}" for i in range(100)).__next__)
    cmaa = next(x for x in plan.milestones if x.title == "CMAA certification")
    current = plan
    for child in cmaa.children:
        last = set_status(current, child.id, Status.DONE, TODAY)
        current = last.plan
    assert current.get(cmaa.id).status is Status.DONE
    titles = [x.title for x in current.milestones]
    renewal = current.milestones[titles.index("CMAA certification") + 1]
    assert renewal.title == "Renew CMAA certification"
    assert renewal.target_date == date(2028, 3, 15)
    assert renewal.salary_link == SalaryLink.parse("certification:cmaa")
    # Undoing the last tick takes back the sub-step, the parent and the renewal together.
    undone = last.inverse.apply(current).plan
    assert undone.get(cmaa.id).status is Status.NOT_STARTED
    assert "Renew CMAA certification" not in [x.title for x in undone.milestones]


def test_a_file_that_says_otherwise_is_read_with_the_rule() -> None:
    """A CSV import or a hand edit can leave a parent open over finished sub-steps."""
    plan = Plan(
        milestones=(
            m("top", m("mid", done("a", date(2026, 2, 1))), done("b", date(2026, 3, 1))),
            m("open", done("c", date(2026, 1, 1)), m("d")),
            done("byhand", date(2025, 5, 5), m("e")),
        )
    )
    assert rule_done_steps(plan.milestones) == {"top": date(2026, 3, 1), "mid": date(2026, 2, 1)}
    assert effective(plan.get("top")) == (Status.DONE, date(2026, 3, 1))
    assert effective(plan.get("open")) == (Status.NOT_STARTED, None)
    assert effective(plan.get("byhand")) == (Status.DONE, date(2025, 5, 5))


@pytest.mark.parametrize("status", [Status.DONE, Status.SKIPPED])
def test_progress_agrees_with_the_rule(status: Status) -> None:
    plan = Plan(milestones=(m("p", m("a"), done("b", TODAY)),))
    result = set_status(plan, "a", status, TODAY)
    assert result.plan.progress() == 100.0
