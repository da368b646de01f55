"""The career packet, built without Qt: the plan's progress (done with dates, overdue, next) and
the role summary, with BLS pay for every rung of the ladder beside the guide's."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ptplanner.core.content import overview
from ptplanner.core.format import money
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.projection import Projection, ProjectionRequest, project
from ptplanner.core.report.build import ReportInput, build_report
from ptplanner.core.report.packet import (
    DONE_STEPS_SHOWN,
    NEXT_STEPS_SHOWN,
    plan_progress,
    role_summary,
)
from ptplanner.core.salary.ladder import rung_pay
from ptplanner.core.salary.market import pay_scale_factor

PRINTED_ON = date(2026, 3, 9)


def step(title: str, status: Status, days: int | None, **extra: object) -> Milestone:
    target = PRINTED_ON + timedelta(days=days) if days is not None else None
    return Milestone.model_validate(
        {"title": title, "status": status, "target_date": target, **extra}
    )


def make_plan() -> Plan:
    return Plan(
        title="Test plan",
        milestones=(
            step("Finish a GED", Status.DONE, -300, done_date=PRINTED_ON - timedelta(days=290)),
            step(
                "CMAA certification",
                Status.IN_PROGRESS,
                None,
                children=(
                    step("Buy the study guide", Status.DONE, -40, done_date=date(2026, 1, 20)),
                    step("Book the CMAA exam", Status.NOT_STARTED, -12),
                    step("Pass the CMAA exam", Status.NOT_STARTED, 30, pay_effect="+$2,000"),
                ),
            ),
            step("Associate degree", Status.SKIPPED, 500),
            step("Apply to hospital clinics", Status.IN_PROGRESS, 90),
            step("Ask about the senior role", Status.NOT_STARTED, None),
        ),
    )


def test_plan_progress() -> None:
    progress = plan_progress(make_plan(), PRINTED_ON)
    assert progress is not None
    assert progress.summary == (
        "Test plan: 33% complete — 2 of 6 steps done (1 skipped, not counted)."
    )
    assert progress.fraction == pytest.approx(1 / 3)
    (late,) = progress.overdue
    assert late.title == "Book the CMAA exam"
    assert late.overdue_by == "12 days"
    assert late.part_of == "Part of: CMAA certification"
    assert late.target_date == (PRINTED_ON - timedelta(days=12)).isoformat()
    assert late.status == "Not started"
    assert [s.title for s in progress.next_steps] == [
        "Pass the CMAA exam",
        "Apply to hospital clinics",
    ]
    assert progress.next_steps[0].pay_effect == "+$2,000"
    assert progress.next_steps[1].part_of == ""
    assert progress.next_steps[1].overdue_by == ""
    assert progress.more == "1 open step has no target date."


def test_completed_steps_are_listed_with_their_dates_oldest_first() -> None:
    progress = plan_progress(make_plan(), PRINTED_ON)
    assert progress is not None
    assert [(s.title, s.done_on, s.part_of) for s in progress.completed] == [
        ("Finish a GED", "May 23, 2025", ""),
        ("Buy the study guide", "Jan 20, 2026", "Part of: CMAA certification"),
    ]
    assert progress.completed_more == ""


def test_a_parent_the_done_rule_finishes_counts_as_done() -> None:
    """A file may say "in progress" for a parent whose sub-steps are all finished: the packet
    lists it as done, dated by its latest sub-step, and not as an open step."""
    group = step(
        "CMAA certification",
        Status.IN_PROGRESS,
        -5,
        children=(
            step("Study", Status.DONE, -60, done_date=date(2026, 1, 5)),
            step("Pass the CMAA exam", Status.DONE, -10, done_date=date(2026, 2, 27)),
            step("Buy flash cards", Status.SKIPPED, None),
        ),
    )
    progress = plan_progress(Plan(milestones=(group,)), PRINTED_ON)
    assert progress is not None
    done = {s.title: s.done_on for s in progress.completed}
    assert done["CMAA certification"] == "Feb 27, 2026"
    assert "CMAA certification" not in [s.title for s in progress.overdue]


def test_a_long_history_keeps_its_latest_steps() -> None:
    history = [
        step(f"Step {i}", Status.DONE, None, done_date=date(2025, 1, 1) + timedelta(days=i))
        for i in range(DONE_STEPS_SHOWN + 3)
    ]
    plan = Plan(milestones=(*history, step("Undated", Status.DONE, None)))
    progress = plan_progress(plan, PRINTED_ON)
    assert progress is not None
    assert len(progress.completed) == DONE_STEPS_SHOWN
    assert progress.completed[-1].done_on == "date not recorded"
    assert progress.completed[0].title == "Step 4"  # the four oldest are counted, not listed
    assert progress.completed_more == "4 earlier finished steps are not listed."


def test_plan_progress_counts_what_it_leaves_out() -> None:
    plan = Plan(
        milestones=tuple(
            Milestone(title=f"Step {i}", target_date=PRINTED_ON + timedelta(days=i))
            for i in range(1, NEXT_STEPS_SHOWN + 4)
        )
    )
    progress = plan_progress(plan, PRINTED_ON)
    assert progress is not None
    assert len(progress.next_steps) == NEXT_STEPS_SHOWN
    assert progress.more == "3 more dated steps follow."
    assert progress.overdue == ()
    assert progress.completed == ()
    late = plan_progress(plan, PRINTED_ON + timedelta(days=2))
    assert late is not None
    assert late.overdue[0].overdue_by == "1 day"


def test_no_plan_no_progress() -> None:
    assert plan_progress(None, PRINTED_ON) is None
    assert plan_progress(Plan(), PRINTED_ON) is None


def national(start_year: int = 2025) -> Projection:
    return project(ProjectionRequest(years=1, start_year=start_year))


def test_role_summary_is_the_knowledge_base() -> None:
    data = overview()
    role = role_summary(national(), "today")
    assert [d.title for d in role.duties] == [d.title for d in data.duties]
    assert [c.abbreviation for c in role.certifications] == [
        c.abbreviation for c in data.certifications
    ]
    assert [r.title for r in role.ladder] == [r.title for r in data.career_ladder]
    assert [r.number for r in role.ladder] == [str(i) for i in range(1, len(role.ladder) + 1)]
    assert [o.label for o in role.outlook] == [p.label for p in data.outlook.projections]
    assert role.mapping == data.outlook.mapping.text
    effect = data.certification_pay_effect
    assert money(effect.low) in role.certification_pay
    assert f"({effect.date})" in role.certification_pay


def test_the_ladder_shows_bls_pay_beside_the_guides_for_every_rung() -> None:
    """BLS OEWS May 2025, PT offices (NAICS 621340), national: coordinators $36,750-$46,100
    (median $41,420), office managers (43-1011) median $56,690, practice administrators
    (11-9111) median $100,290. In 2025 the pay scale has not moved yet."""
    ladder = {r.title: r for r in role_summary(national(2025), "today").ladder}
    coordinator = ladder["PT care coordinator"]
    assert (coordinator.bls_pay, coordinator.bls_median) == (
        "$36,750–$46,100 (25th–75th)",
        "$41,420",
    )
    assert coordinator.guide_pay == "$35,000-$42,000"
    assert ladder["Office manager"].bls_median == "$56,690"
    assert ladder["Office manager"].guide_pay == "the guide gives no figure"
    top = ladder["Practice administrator / health services manager"]
    assert top.bls_median == "$100,290"
    assert top.occupation == "BLS 11-9111 Medical and Health Services Managers"
    assert "bachelor's degree" in top.prerequisites
    # The guide's senior pay is printed, and BLS's band that contradicts it beside it: the top
    # of the coordinator's own range in PT offices, 75th to 90th percentile ($46,100-$50,410).
    senior = ladder["Senior / lead coordinator"]
    assert senior.guide_pay.startswith("$56,000-$70,000+")
    assert senior.bls_pay == "$46,100–$50,410 (75th–90th)"


def test_the_ladders_pay_is_for_the_reports_area_employer_and_year() -> None:
    boston = project(
        ProjectionRequest(
            inputs={"location": "boston", "employer_type": "hospital"}, start_year=2027
        )
    )
    role = role_summary(boston, "today")
    a = boston.request.inputs.assumptions
    factor = pay_scale_factor(2, a.market_growth_pct, a.inflation_pct)
    _, p25, median, p75, _ = rung_pay(
        "office_manager", boston.today.area_name, "hospital"
    ).percentiles
    manager = next(r for r in role.ladder if r.title == "Office manager")
    assert manager.bls_pay == f"{money(p25 * factor)}–{money(p75 * factor)} (25th–75th)"
    assert manager.bls_median == money(median * factor)
    assert role.ladder_pay_header == "BLS pay (2027 dollars)"
    assert "Boston-Cambridge-Newton" in role.ladder_note
    assert "Hospital or university health system" in role.ladder_note
    assert "shown, not enforced" in role.ladder_note
    assert "the guide's figures are from late 2023 / early 2024" in role.ladder_note
    assert role_summary(boston, "nominal").ladder_pay_header == "BLS pay (nominal dollars)"


def test_career_packet_report() -> None:
    texas = project(ProjectionRequest(inputs={"location": "Texas"}, years=3, start_year=2026))
    report = build_report(
        ReportInput(texas, plan=make_plan(), career_packet=True, printed_on=PRINTED_ON)
    )
    assert report.career_packet is not None
    assert report.career_packet.plan is not None
    assert report.career_packet.plan.summary.startswith("Test plan: 33% complete")
    assert report.career_packet.role.ladder[0].title == "Receptionist / front desk"
    no_plan = build_report(ReportInput(texas, career_packet=True))
    assert no_plan.career_packet is not None
    assert no_plan.career_packet.plan is None
