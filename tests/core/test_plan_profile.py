"""One derivation of the salary profile from the saved profile and the plan (core/plan/profile.py):
what is held now, which steps are events, where experience starts."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ptplanner.core import paths
from ptplanner.core.knowledge import industry_wages
from ptplanner.core.plan import model as plan_model
from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.profile import PlanProfile, derive_profile, profile_for_plan
from ptplanner.core.plan.salary_link import PlanEffects, plan_effects
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.model import salary_model
from ptplanner.core.storage.saved_plan import read_plan_for_projection

TODAY = date(2026, 3, 15)


def step(
    title: str,
    link: str | None = None,
    status: Status = Status.NOT_STARTED,
    target: date | None = None,
    done: date | None = None,
    children: tuple[Milestone, ...] = (),
) -> Milestone:
    if status is Status.DONE and done is None:
        done = TODAY
    return Milestone(
        title=title,
        salary_link=SalaryLink.parse(link) if link else None,
        status=status,
        target_date=target,
        done_date=done,
        children=children,
    )


def derive(*steps: Milestone, saved: SalaryInputs | None = None) -> PlanProfile:
    return profile_for_plan(saved or SalaryInputs(), Plan(milestones=steps), TODAY)


def test_the_plan_s_id_lists_are_the_salary_model_s() -> None:
    model = salary_model()
    assert tuple(r.id for r in model.ladder) == plan_model.ROLE_ORDER
    assert tuple(e.id for e in model.education) == plan_model.EDUCATION_ORDER
    assert {s.id for s in model.skills} == plan_model.SKILL_IDS
    assert {c.id for c in model.certifications} == plan_model.CERTIFICATION_IDS
    assert {e.id for e in model.employer_types} == plan_model.EMPLOYER_TYPE_IDS


# --- held now ----------------------------------------------------------------------------------


def test_done_links_are_held_now_and_say_they_came_from_the_plan() -> None:
    saved = SalaryInputs(years_experience=2, certifications=frozenset({"cehrs"}))
    profile = derive(
        step("CMAA", "certification:cmaa", Status.DONE),
        step("CEHRS again", "certification:cehrs", Status.DONE),
        step("EMR", "skill:emr", Status.DONE),
        step("Associate", "education:associate", Status.DONE),
        step("Lead", "role:senior_coordinator", Status.DONE),
        step("Coordinator", "role:care_coordinator", Status.DONE),
        step("Hospital", "employer_type:hospital", Status.DONE),
        step("Move", "location:boston", Status.DONE),
        saved=saved,
    )
    inputs = profile.inputs
    assert inputs.certifications == {"cmaa", "cehrs"}
    assert inputs.skills == {"emr"}
    assert inputs.education == "associate"
    assert inputs.role == "senior_coordinator"  # the highest rung done
    assert inputs.employer_type == "hospital"
    assert inputs.location == "Boston-Cambridge-Newton, MA-NH"
    assert inputs.years_experience == 2
    # The CEHRS was the person's own: only what the plan added is "from your plan".
    assert profile.from_plan == {
        "certification:cmaa",
        "skill:emr",
        "education:associate",
        "role:senior_coordinator",
        "employer_type",
        "location",
    }
    assert profile.events == ()
    assert profile.work_starts is None


def test_the_plan_never_lowers_the_profile() -> None:
    saved = SalaryInputs(years_experience=9, education="bachelor", role="office_manager")
    profile = derive(
        step("Diploma", "education:hs", Status.DONE),
        step("Coordinator", "role:care_coordinator", Status.DONE),
        saved=saved,
    )
    assert profile.inputs == saved
    assert profile.from_plan == frozenset()


def test_a_parent_whose_sub_steps_are_all_done_counts_though_the_file_says_not_started() -> None:
    subs = (
        step("Study", status=Status.DONE, done=date(2026, 1, 10)),
        step("Pass", status=Status.DONE, done=date(2026, 2, 20)),
    )
    profile = derive(
        step("CMAA certification", "certification:cmaa", target=date(2026, 4, 1), children=subs),
        step(
            "Learn the EMR",
            "skill:emr",
            target=date(2026, 6, 1),
            children=(step("Practise", status=Status.DONE), step("Demo", status=Status.SKIPPED)),
        ),
    )
    assert profile.inputs.certifications == {"cmaa"}
    assert profile.inputs.skills == {"emr"}
    assert profile.events == ()  # held now, so not also planned


# --- planned ----------------------------------------------------------------------------------


def test_a_step_for_something_the_profile_has_is_no_event() -> None:
    saved = SalaryInputs(
        years_experience=1,
        certifications=frozenset({"cmaa"}),
        skills=frozenset({"excel"}),
        employer_type="hospital",
        location="Texas",
    )
    profile = derive(
        step("Finish high school or a GED", "education:hs", target=date(2026, 6, 1)),
        step("CMAA", "certification:cmaa", target=date(2026, 9, 1)),
        step("Excel", "skill:excel", target=date(2027, 1, 1)),
        step("Stay at the hospital", "employer_type:hospital", target=date(2027, 2, 1)),
        step("Stay in Texas", "location:texas", target=date(2027, 3, 1)),
        step("Coordinator", "role:care_coordinator", target=date(2027, 4, 1)),
        step("Receptionist", "role:receptionist", target=date(2027, 5, 1)),
        step("CEHRS", "certification:cehrs", target=date(2027, 6, 1)),
        saved=saved,
    )
    assert [e.label for e in profile.events] == ["CEHRS (Jun 2027)"]


def test_a_repeated_step_is_an_event_once() -> None:
    profile = derive(
        step("Associate degree", "education:associate", target=date(2028, 6, 1)),
        step("Another associate degree", "education:associate", target=date(2029, 6, 1)),
        step("Move to Boston", "location:boston", target=date(2028, 1, 1)),
        step("Move back", "location:national", target=date(2030, 1, 1)),
    )
    assert [(e.year, e.kind, e.value) for e in profile.events] == [
        (2028, "location", "Boston-Cambridge-Newton, MA-NH"),
        (2028, "education", "associate"),
        (2030, "location", "National"),  # a move back changes something again
    ]


def test_events_are_in_date_order_and_an_overdue_one_counts_from_now() -> None:
    profile = derive(
        step("Zebra skill", "skill:insurance", target=date(2027, 1, 5)),
        step("CMAA", "certification:cmaa", target=date(2026, 11, 1)),
        step("Late CEHRS", "certification:cehrs", target=date(2025, 6, 1)),
        step("Billing", "skill:billing_coding", target=date(2026, 4, 1)),
        step("Associate", "education:associate", target=date(2027, 1, 20)),
        saved=SalaryInputs(years_experience=1),
    )
    assert [(e.year, e.month, e.label) for e in profile.events] == [
        (2026, 3, "Late CEHRS (Jun 2025)"),  # overdue: it happens now, this month
        (2026, 4, "Billing (Apr 2026)"),
        (2026, 11, "CMAA (Nov 2026)"),
        (2027, 1, "Associate (Jan 2027)"),
        (2027, 1, "Zebra skill (Jan 2027)"),
    ]


def test_skipped_and_undated_steps_change_nothing() -> None:
    profile = derive(
        step("CMAA", "certification:cmaa", Status.SKIPPED, target=date(2027, 1, 1)),
        step("Some day", "role:office_manager"),
    )
    assert profile == derive()
    assert profile.inputs == SalaryInputs()


# --- where experience starts ---------------------------------------------------------------------


def test_a_newcomer_s_first_role_step_is_the_first_job() -> None:
    profile = derive(
        step("Office manager", "role:office_manager", target=date(2036, 1, 1)),
        step("First job", "role:receptionist", target=date(2027, 2, 1)),
        step("Lead", "role:senior_coordinator", target=date(2034, 5, 1)),
    )
    assert profile.inputs.role == "receptionist"
    assert profile.work_starts == 2027
    assert "role:receptionist" in profile.from_plan
    # Not also an event; the later role steps are promotions into their rungs.
    assert [(e.year, e.kind, e.value) for e in profile.events] == [
        (2034, "role", "senior_coordinator"),
        (2036, "role", "office_manager"),
    ]


@pytest.mark.parametrize(
    ("saved", "done_role"),
    [
        (SalaryInputs(years_experience=3), None),  # already works
        (SalaryInputs(), step("Hired", "role:care_coordinator", Status.DONE)),  # hired already
    ],
)
def test_someone_already_working_has_no_work_start(
    saved: SalaryInputs, done_role: Milestone | None
) -> None:
    steps = [step("Lead", "role:senior_coordinator", target=date(2030, 1, 1))]
    if done_role is not None:
        steps.append(done_role)
    profile = derive(*steps, saved=saved)
    assert profile.work_starts is None
    assert profile.inputs.role == "care_coordinator"
    assert [(e.kind, e.value) for e in profile.events] == [("role", "senior_coordinator")]


def test_experience_counts_from_the_first_job_in_the_projection() -> None:
    profile = derive(
        step("First job", "role:care_coordinator", target=date(2028, 9, 1)),
        step("Office manager", "role:office_manager", target=date(2031, 9, 1)),
    )
    request = ProjectionRequest(
        inputs=profile.inputs,
        years=6,
        start_year=2026,
        events=profile.events,
        work_starts=profile.work_starts,
    )
    rows = project(request).rows
    assert [(r.year, r.working, r.experience) for r in rows[:4]] == [
        (2026, False, 0),
        (2027, False, 0),
        (2028, True, 0),
        (2029, True, 1),
    ]
    manager = next(r for r in rows if r.year == 2031)
    assert (manager.role, manager.events) == ("office_manager", ("Office manager (Sep 2031)",))
    # Office managers are priced from their own BLS occupation (43-1011) in PT offices: the
    # band's shape is BLS's, moved only by the pay scale's growth.
    published = industry_wages().in_pt_offices("43-1011").percentiles()
    assert published is not None
    p10, _p25, _median, _p75, p90 = published
    assert manager.bls_p90 / manager.bls_p10 == pytest.approx(p90 / p10)
    assert manager.bls_p10 <= manager.typical <= manager.bls_p90


def test_the_ready_plan_starts_work_at_its_first_job_and_climbs_the_ladder() -> None:
    profile = profile_for_plan(SalaryInputs(), ready_plan(TODAY), TODAY)
    assert profile.inputs.role == "care_coordinator"
    assert profile.work_starts == 2026  # nine months from March 2026
    roles = [(e.year, e.value) for e in profile.events if e.kind == "role"]
    assert roles == [
        (2034, "senior_coordinator"),
        (2036, "office_manager"),
        (2038, "practice_administrator"),
    ]
    kinds = {(e.kind, e.value) for e in profile.events}
    assert {("skill", "emr"), ("skill", "billing_coding"), ("skill", "insurance")} <= kinds
    # A diploma is the profile's least education: finishing high school is no event.
    assert ("education", "hs") not in kinds
    assert [e.sort_key for e in profile.events] == sorted(e.sort_key for e in profile.events)


# --- describe and files --------------------------------------------------------------------------


def test_describe_says_what_the_plan_supplied_in_plain_words() -> None:
    profile = derive(
        step("CMAA", "certification:cmaa", Status.DONE),
        step("EMR", "skill:emr", Status.DONE),
        step("Associate", "education:associate", Status.DONE),
        step("First job", "role:care_coordinator", target=date(2027, 1, 1)),
        step("CEHRS certification", "certification:cehrs", target=date(2027, 3, 1)),
    )
    assert profile.describe() == [
        "Certifications held: CMAA",
        "Skills: EMR/EHR proficiency",
        "Education: Associate degree",
        "First job: PT care coordinator from 2027, when experience starts",
        "CEHRS certification (Mar 2027)",
    ]
    assert derive().describe() == []


def test_no_plan_is_the_saved_profile_alone() -> None:
    saved = SalaryInputs(years_experience=4, location="Texas")
    alone = profile_for_plan(saved, None, TODAY)
    assert alone == PlanProfile(saved, (), None, frozenset())
    assert derive_profile(saved, PlanEffects()) == alone


def test_a_planned_event_in_effects_is_kept_as_given() -> None:
    event = Event(year=2028, kind="promotion", label="Ask for a promotion (Mar 2028)", month=3)
    profile = derive_profile(SalaryInputs(years_experience=2), PlanEffects(events=(event,)))
    assert profile.events == (event,)


def test_an_area_no_table_has_is_left_out_with_a_note() -> None:
    data = {
        "schema_version": 1,
        "title": "Old plan",
        "milestones": [
            {
                "id": "a",
                "title": "Move",
                "target_date": "2028-01-01",
                "salary_link": {"kind": "location", "value": "atlantis"},
            },
            {
                "id": "b",
                "title": "Moved",
                "status": "done",
                "done_date": "2025-01-01",
                "salary_link": {"kind": "location", "value": "atlantis"},
            },
            {
                "id": "c",
                "title": "Skill",
                "status": "done",
                "done_date": "2025-01-01",
                "salary_link": {"kind": "skill", "value": "excel"},
            },
        ],
    }
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(json.dumps(data), encoding="utf-8")
    notes: list[str] = []
    saved = SalaryInputs(location="Texas")
    profile = profile_for_plan(saved, read_plan_for_projection(notes=notes), TODAY)
    assert notes == []  # the file itself is fine
    assert profile.inputs == saved.model_copy(update={"skills": frozenset({"excel"})})
    assert profile.events == ()
    assert len(profile.notes) == 2
    assert all("atlantis" in note for note in profile.notes)


def test_plan_effects_are_plan_facts_only() -> None:
    plan = Plan(
        milestones=(
            step("Diploma", "education:hs", target=date(2026, 6, 1)),
            step("Lead", "role:senior_coordinator", Status.DONE),
            step("Practice administrator", "role:practice_administrator", target=date(2038, 1, 1)),
        )
    )
    effects = plan_effects(plan, TODAY)
    assert effects.role == "senior_coordinator"
    # The diploma is still a fact of the plan; the derivation is what drops it for a profile.
    assert [e.value for e in effects.events] == ["hs", "practice_administrator"]
    assert [e.value for e in derive_profile(SalaryInputs(), effects).events] == [
        "practice_administrator"
    ]
