"""A promotion as a milestone's salary link (from plans made before role links): validated,
saved, and a move into the next rung of the career ladder in its year."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.profile import derive_profile
from ptplanner.core.plan.salary_link import plan_effects
from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.model import salary_model
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import PlanImportError
from ptplanner.core.storage.import_export import plan_from_csv, plan_to_csv

TODAY = date(2026, 11, 25)
PROMOTION = SalaryLink.parse("promotion")


def promotion_step(
    title: str = "Become the lead coordinator",
    status: Status = Status.NOT_STARTED,
    target: date | None = date(2028, 3, 1),
) -> Milestone:
    done = TODAY if status is Status.DONE else None
    return Milestone(
        title=title, status=status, target_date=target, done_date=done, salary_link=PROMOTION
    )


# --- validation --------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["promotion", "promotion:", " promotion ", "promotion: "])
def test_a_promotion_link_has_no_value(text: str) -> None:
    link = SalaryLink.parse(text)
    assert (link.kind, link.value) == ("promotion", "")
    assert str(link) == "promotion"
    assert SalaryLink.model_validate({"kind": "promotion"}) == link


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({"kind": "promotion", "value": "team lead"}, "a promotion link takes no value"),
        ({"kind": "certification", "value": ""}, "a certification link needs a value"),
        ({"kind": "location"}, "a location link needs a value"),
        ({"kind": "education", "value": "  "}, "an education link needs a value"),
        ({"kind": "promoted"}, "kind"),
    ],
)
def test_link_values_are_checked_as_strictly_as_before(data: dict[str, str], words: str) -> None:
    with pytest.raises(ValidationError, match=words):
        SalaryLink.model_validate(data)


def test_only_a_promotion_may_leave_out_the_value_when_parsed() -> None:
    with pytest.raises(ValueError, match="kind:value"):
        SalaryLink.parse("certification")
    with pytest.raises(ValueError, match="takes no value"):
        SalaryLink.parse("promotion:lead")


def test_a_promotion_survives_json_and_csv_round_trips() -> None:
    plan = Plan(milestones=(promotion_step(), Milestone(title="No link")))
    assert parse_plan(plan.model_dump_json().encode()) == plan
    csv_text = plan_to_csv(plan)
    assert ",promotion,," in csv_text  # link_kind promotion, link_value empty
    back = plan_from_csv(csv_text, base=plan)
    assert back.milestones[0].salary_link == PROMOTION
    assert back.milestones == plan.milestones


@pytest.mark.parametrize(
    ("row", "words"),
    [
        ("a,A,promotion,lead", "Line 2: .*a promotion link takes no value"),
        ("a,A,certification,", "Line 2: link_kind and link_value must be given together"),
        ("a,A,,cmaa", "Line 2: link_kind and link_value must be given together"),
    ],
)
def test_csv_links_are_checked_with_their_line(row: str, words: str) -> None:
    with pytest.raises(PlanImportError, match=words):
        plan_from_csv(f"id,title,link_kind,link_value\n{row}\n")


# --- what the plan does to the projection -----------------------------------------------------


def test_a_planned_promotion_is_an_event_in_its_target_year() -> None:
    plan = Plan(milestones=(promotion_step(),))
    effects = plan_effects(plan, TODAY)
    assert effects.events == (
        Event(
            year=2028,
            kind="promotion",
            value="",
            label="Become the lead coordinator (promotion, Mar 2028)",
            month=3,
        ),
    )
    profile = derive_profile(SalaryInputs(years_experience=1), effects)
    assert profile.describe() == ["Become the lead coordinator (promotion, Mar 2028)"]
    assert not effects.is_empty
    # A title that already says so is not told twice.
    said = Plan(milestones=(promotion_step("Ask for a promotion"),))
    assert [e.label for e in plan_effects(said, TODAY).events] == ["Ask for a promotion (Mar 2028)"]


def test_an_overdue_promotion_counts_from_this_year() -> None:
    plan = Plan(milestones=(promotion_step(target=date(2025, 6, 1)),))
    assert [e.year for e in plan_effects(plan, TODAY).events] == [2026]


@pytest.mark.parametrize(
    ("status", "target"),
    [
        # Done: it already happened, and it names no rung the profile could take.
        (Status.DONE, date(2026, 6, 1)),
        (Status.SKIPPED, date(2028, 3, 1)),
        (Status.NOT_STARTED, None),  # no target date, so no year to put it in
    ],
)
def test_done_skipped_or_undated_promotions_change_nothing(
    status: Status, target: date | None
) -> None:
    plan = Plan(milestones=(promotion_step(status=status, target=target),))
    effects = plan_effects(plan, TODAY)
    assert effects.is_empty
    assert derive_profile(SalaryInputs(), effects).inputs == SalaryInputs()


def test_a_promotion_moves_into_the_next_rung_s_bls_pay_in_that_year() -> None:
    """No fixed raise: from the step's year pay follows the lead coordinator's distribution
    (BLS 43-6013 in PT offices, entered high up it), and it never cuts pay."""
    plan = Plan(
        milestones=(
            promotion_step(),
            Milestone(
                title="CMAA",
                salary_link=SalaryLink.parse("certification:cmaa"),
                target_date=date(2027, 4, 1),
            ),
        )
    )
    saved = SalaryInputs(years_experience=2)
    profile = derive_profile(saved, plan_effects(plan, TODAY))
    assert profile.work_starts is None  # already working: the promotion is an event
    without = project(
        ProjectionRequest(
            inputs=profile.inputs,
            years=4,
            start_year=2026,
            events=tuple(e for e in profile.events if e.kind != "promotion"),
        )
    )
    with_plan = project(
        ProjectionRequest(inputs=profile.inputs, years=4, start_year=2026, events=profile.events)
    )
    assert [r.role for r in with_plan.rows] == ["care_coordinator"] * 2 + ["senior_coordinator"] * 3
    assert [r.typical for r in with_plan.rows[:2]] == [r.typical for r in without.rows[:2]]
    later = zip(with_plan.rows[2:], without.rows[2:], strict=True)
    assert all(a.typical > b.typical for a, b in later)
    assert with_plan.rows[2].events == ("Become the lead coordinator (promotion, Mar 2028)",)
    # The lead's pay sits in the lead's BLS band; no chain of raises lifts it out.
    lead = with_plan.rows[2]
    assert lead.bls_p10 <= lead.typical <= lead.bls_p90
    entry = salary_model().rung("senior_coordinator").progression.at(0)
    assert entry == 75  # the guide's senior band begins near the coordinator P75
