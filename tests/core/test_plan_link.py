"""The plan feeds the projection: done links are inputs, planned ones are events in their year."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.profile import PlanProfile, derive_profile, profile_for_plan
from ptplanner.core.plan.salary_link import plan_effects
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import PlanImportError
from ptplanner.core.storage.import_export import plan_from_csv, plan_to_csv
from ptplanner.core.storage.saved_plan import read_plan_for_projection

TODAY = date(2026, 11, 25)


def milestone(
    title: str,
    link: str,
    status: Status = Status.NOT_STARTED,
    target: date | None = None,
    done: date | None = None,
) -> Milestone:
    return Milestone(
        title=title,
        salary_link=SalaryLink.parse(link),
        status=status,
        target_date=target,
        done_date=done,
    )


def test_done_credentials_become_inputs_and_planned_ones_events() -> None:
    plan = Plan(
        milestones=(
            milestone("CMAA", "certification:cmaa", Status.DONE, done=date(2026, 3, 1)),
            milestone("Associate degree", "education:associate", target=date(2028, 6, 1)),
            milestone("CEHRS", "certification:cehrs", target=date(2027, 3, 15)),
            milestone(
                "Skipped CPCT", "certification:cpct", Status.SKIPPED, target=date(2027, 1, 1)
            ),
            milestone("Move", "location:boston", target=None),
        )
    )
    effects = plan_effects(plan, TODAY)
    assert effects.certifications == {"cmaa"}
    assert [(e.year, e.kind, e.value) for e in effects.events] == [
        (2027, "certification", "cehrs"),
        (2028, "education", "associate"),
    ]
    assert effects.events[0].label == "CEHRS (Mar 2027)"


def test_the_plan_changes_the_projection_as_expected() -> None:
    plan = Plan(
        milestones=(
            milestone("CMAA", "certification:cmaa", Status.DONE, done=date(2026, 3, 1)),
            milestone("Hospital job", "employer_type:hospital", target=date(2028, 1, 10)),
        )
    )
    profile = derive_profile(SalaryInputs(), plan_effects(plan, TODAY))
    inputs = profile.inputs
    assert inputs.certifications == {"cmaa"}
    with_plan = project(
        ProjectionRequest(inputs=inputs, years=4, start_year=2026, events=profile.events)
    )
    hospital_from_2028 = project(
        ProjectionRequest(
            inputs=SalaryInputs(certifications=frozenset({"cmaa"}), employer_type="hospital"),
            years=4,
            start_year=2026,
        )
    )
    without = project(ProjectionRequest(inputs=SalaryInputs(), years=4, start_year=2026))
    assert with_plan.rows[0].typical > without.rows[0].typical  # the CMAA counts today
    assert with_plan.rows[2].typical == hospital_from_2028.rows[2].typical
    assert with_plan.rows[1].typical < hospital_from_2028.rows[1].typical


def test_overdue_planned_step_counts_from_this_year() -> None:
    plan = Plan(milestones=(milestone("CEHRS", "certification:cehrs", target=date(2025, 1, 1)),))
    assert plan_effects(plan, TODAY).events[0].year == 2026


def test_without_a_plan_the_projection_is_the_profile_alone(tmp_path: Path) -> None:
    saved = SalaryInputs(location="Texas")
    # No plan made yet in the user's data folder: the projection is the profile alone ...
    plan = read_plan_for_projection()
    assert plan is None
    assert profile_for_plan(saved, plan, TODAY) == PlanProfile(saved, (), None, frozenset())
    # ... but a plan file the user names must exist.
    with pytest.raises(ValueError, match="no plan file at"):
        read_plan_for_projection(tmp_path / "none.json")


def test_role_and_skill_links_survive_json_and_csv_and_are_checked_on_import() -> None:
    plan = Plan(
        milestones=(
            milestone("Office manager", "role:office_manager", target=date(2036, 1, 1)),
            milestone("EMR", "skill:emr", Status.DONE, done=date(2026, 5, 1)),
        )
    )
    assert parse_plan(plan.model_dump_json().encode()) == plan
    csv_text = plan_to_csv(plan)
    assert ",role,office_manager," in csv_text
    assert ",skill,emr," in csv_text
    assert plan_from_csv(csv_text, base=plan).milestones == plan.milestones
    with pytest.raises(PlanImportError, match=r"Line 2: .*unknown role 'boss'"):
        plan_from_csv("id,title,link_kind,link_value\na,A,role,boss\n")
    with pytest.raises(PlanImportError, match=r"Line 2: .*unknown skill 'juggling'"):
        plan_from_csv("id,title,link_kind,link_value\na,A,skill,juggling\n")
