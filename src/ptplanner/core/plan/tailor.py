"""The ready plan fitted to a person: the template's steps less those their profile already has.

A step goes when the salary link it is about is already in the profile: an education at or below
the one held ("Finish high school or a GED" for a diploma holder), a certification or skill held,
or a role the person has already reached. A step whose sub-steps all went goes too. Ids are
those :func:`~ptplanner.core.plan.template.ready_plan` gives, and so are the target dates of a
newcomer's plan.

The template dates the career after the first job as a newcomer would reach it (three years'
experience 36 months after the first job). Someone already working is that far along: the steps
after the first job come sooner by the template's wait for the first job plus the years already
worked, never sooner than :data:`SOONEST_MONTHS` from today, and a step that is reaching some
years of work (``experience_years`` in the template) goes once those years are had.

Role steps follow the rule of :mod:`ptplanner.core.plan.profile`: someone with no years of
experience has not started yet, so the step into the rung their profile names stays (it is their
first job); someone already working has reached that rung, so it goes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from ptplanner.core.plan.model import (
    EDUCATION_ORDER,
    ROLE_ORDER,
    Milestone,
    Plan,
    add_months,
    new_id,
)
from ptplanner.core.plan.template import TemplateStep, plan_template, ready_plan
from ptplanner.core.salary.inputs import SalaryInputs

SOONEST_MONTHS = 6
"""A later career step moved up for the years already worked is still this far off: a person ahead
of the template's pace needs time to apply for the next role, not a step already overdue."""


def already_has(milestone: Milestone, profile: SalaryInputs, *, has_diploma: bool = True) -> bool:
    """Whether the profile already has what this step's salary link is about."""
    link = milestone.salary_link
    if link is None:
        return False
    if link.kind == "education" and link.value in EDUCATION_ORDER:
        held = EDUCATION_ORDER.index(profile.education)
        if not has_diploma and profile.education == EDUCATION_ORDER[0]:
            held = -1  # the estimate's lowest level, not yet reached
        return EDUCATION_ORDER.index(link.value) <= held
    if link.kind == "certification":
        return link.value in profile.certifications
    if link.kind == "skill":
        return link.value in profile.skills
    if link.kind == "role" and link.value in ROLE_ORDER and profile.role in ROLE_ORDER:
        step, held = ROLE_ORDER.index(link.value), ROLE_ORDER.index(profile.role)
        working = profile.years_experience > 0
        return step < held or (working and step == held)
    return False


def _kept(
    milestones: tuple[Milestone, ...], profile: SalaryInputs, has_diploma: bool
) -> tuple[Milestone, ...]:
    kept = []
    for milestone in milestones:
        if already_has(milestone, profile, has_diploma=has_diploma):
            continue
        if milestone.children:
            children = _kept(milestone.children, profile, has_diploma)
            if not children:
                continue
            milestone = milestone.model_copy(update={"children": children})
        kept.append(milestone)
    return tuple(kept)


def ready_plan_for(
    profile: SalaryInputs,
    today: date,
    *,
    has_diploma: bool = True,
    now: datetime | None = None,
    id_factory: Callable[[], str] = new_id,
) -> Plan:
    """The ready plan without the steps ``profile`` already has (see the module documentation).

    ``has_diploma`` False keeps "Finish high school or a GED": the salary model's lowest
    education is the diploma, so a profile alone cannot say it is still to come.
    """
    plan = ready_plan(today, now=now, id_factory=id_factory)
    milestones = plan.milestones
    if profile.years_experience > 0:
        milestones = _counted_from_experience(milestones, profile.years_experience, today)
    return plan.model_copy(update={"milestones": _kept(milestones, profile, has_diploma)})


def _first_job_months(steps: tuple[TemplateStep, ...]) -> int:
    """Months from the plan's start to the template's first role step: the wait for a first job."""
    for step in steps:
        if step.salary_link is not None and step.salary_link.kind == "role":
            return step.target_in_months or 0
    return 0


def _counted_from_experience(
    milestones: tuple[Milestone, ...], years: float, today: date
) -> tuple[Milestone, ...]:
    """The top-level steps after the first job, moved up for ``years`` of work already done; a
    step reaching years of work that are already had is left out."""
    steps = plan_template().steps
    entry = _first_job_months(steps)
    worked = round(years * 12)
    kept = []
    for step, milestone in zip(steps, milestones, strict=True):
        months = step.target_in_months
        if months is None or months <= entry:
            kept.append(milestone)
            continue
        if step.experience_years is not None and years >= step.experience_years:
            continue
        shift = max(months - entry - worked, SOONEST_MONTHS) - months
        kept.append(_moved(milestone, shift))
    return tuple(kept)


def _moved(milestone: Milestone, months: int) -> Milestone:
    """``milestone`` and its sub-steps with their target dates moved by ``months``."""
    target = milestone.target_date
    return milestone.model_copy(
        update={
            "target_date": add_months(target, months) if target is not None else None,
            "children": tuple(_moved(child, months) for child in milestone.children),
        }
    )
