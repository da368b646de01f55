"""A career walked year by year: which role, how long in it, with what profile, after which events.

The walk is the projection's skeleton and holds no money: for each year it gives the
:class:`~ptplanner.core.salary.pay.CareerState` the salary engine prices. Experience counts from
the start year (or from ``work_starts`` when the first job is still ahead). A promotion, or a
role step, moves the person into the new rung at the position :func:`entry_shift_for` finds, and
their years in the role start again from there.
"""

from __future__ import annotations

from typing import NamedTuple

from ptplanner.core.projection.request import Event, ProjectionRequest
from ptplanner.core.salary.inputs import SalaryInputs, default_assumptions
from ptplanner.core.salary.ladder import next_rung, rung, rung_index
from ptplanner.core.salary.model import salary_model
from ptplanner.core.salary.pay import CareerState, entry_shift_for, starting_state


class CareerYear(NamedTuple):
    year: int
    state: CareerState
    happened: tuple[str, ...]
    """What changed this year, as the tables list it (with a note for an event that did nothing)."""
    working: bool
    """False for the years before a first job that ``work_starts`` puts ahead."""


def apply_event(inputs: SalaryInputs, event: Event) -> SalaryInputs:
    """The profile after a non-role event (a role event's rung is checked and set); raises
    ValueError for an id the model does not know."""
    data: dict[str, object]
    if event.kind == "certification":
        data = {"certifications": inputs.certifications | {event.value}}
    elif event.kind == "skill":
        data = {"skills": inputs.skills | {event.value}}
    elif event.kind == "education":
        order = [level.id for level in salary_model().education]
        if event.value not in order:
            raise ValueError(f"unknown education {event.value!r}")
        data = {"education": max(inputs.education, event.value, key=order.index)}
    elif event.kind == "employer_type":
        data = {"employer_type": event.value}
    elif event.kind == "location":
        data = {"location": event.value}
    else:
        target = promotion_target(inputs.role, event)
        data = {"role": target if target is not None else inputs.role}
    return SalaryInputs.model_validate({**inputs.model_dump(), **data})


def promotion_target(current: str, event: Event) -> str | None:
    """The rung a role or promotion event moves to; None if it would not move the person up."""
    if event.value:
        try:
            target = rung(event.value)
        except KeyError:
            ids = ", ".join(r.id for r in salary_model().ladder)
            raise ValueError(f"unknown role {event.value!r}; choose one of: {ids}") from None
    else:
        above = next_rung(current)
        if above is None:
            return None
        target = above
    return target.id if rung_index(target.id) > rung_index(current) else None


def walk(request: ProjectionRequest) -> list[CareerYear]:
    """The career state of each year from the start year through ``years`` more."""
    profile = request.inputs.model_copy(update={"assumptions": default_assumptions()})
    first = starting_state(profile)
    base_experience = profile.years_experience
    role_began_at = first.experience - first.years_in_role
    shift = 0.0
    starts = request.work_starts
    if starts is not None and starts <= request.start_year:
        starts = None
    pending = list(request.ordered_events())
    years: list[CareerYear] = []
    for offset in range(request.years + 1):
        year = request.start_year + offset
        if starts is None:
            experience = base_experience + offset
        else:
            experience = base_experience + max(0, year - starts)
        happened = [e for e in pending if e.year <= year]
        pending = pending[len(happened) :]
        notes: list[str] = []
        for event in happened:
            if event.kind not in {"role", "promotion"}:
                profile = apply_event(profile, event)
                notes.append(event.describe())
                continue
            target = promotion_target(profile.role, event)
            if target is None:
                notes.append(f"{event.describe()} (already at or above that role)")
                continue
            now = CareerState(profile, experience - role_began_at, shift, experience)
            shift = entry_shift_for(now, target)
            profile = profile.model_copy(update={"role": target})
            role_began_at = experience
            notes.append(event.describe())
        state = CareerState(profile, max(0.0, experience - role_began_at), shift, experience)
        working = starts is None or year >= starts
        years.append(CareerYear(year, state, tuple(notes), working))
    return years
