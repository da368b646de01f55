"""The ready plan fitted to a person: the template's steps less those their profile already has.

A step goes when the salary link it is about is already in the profile: an education at or below
the one held ("Finish high school or a GED" for a diploma holder), a certification or skill held,
or a role the person has already reached. A step whose sub-steps all went goes too. Ids and
target dates are exactly those :func:`~ptplanner.core.plan.template.ready_plan` gives, so a
tailored plan is the ready plan with rows left out, never a different plan.

Role steps follow the rule of :mod:`ptplanner.core.plan.profile`: someone with no years of
experience has not started yet, so the step into the rung their profile names stays (it is their
first job); someone already working has reached that rung, so it goes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from ptplanner.core.plan.model import EDUCATION_ORDER, ROLE_ORDER, Milestone, Plan, new_id
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.salary.inputs import SalaryInputs


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
    return plan.model_copy(update={"milestones": _kept(plan.milestones, profile, has_diploma)})
