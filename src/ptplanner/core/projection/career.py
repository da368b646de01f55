"""A career walked year by year: which role, how long in it, with what profile, after which events.

The walk is the projection's skeleton and holds no money: for each year it gives the
:class:`~ptplanner.core.salary.pay.CareerState` the salary engine prices. Experience counts from
the start year (or from ``work_starts`` when the first job is still ahead). A promotion, or a
role step, moves the person into the new rung at the position :func:`entry_shift_for` finds, and
their years in the role start again from there.
"""

from typing import NamedTuple

from ptplanner.core.projection.events import apply_event, promotion_target
from ptplanner.core.projection.request import ProjectionRequest
from ptplanner.core.salary.inputs import default_assumptions
from ptplanner.core.salary.pay import CareerState, entry_shift_for, pay_figures, starting_state

ROLE_KINDS = frozenset({"role", "promotion"})


class CareerYear(NamedTuple):
    year: int
    state: CareerState
    happened: tuple[str, ...]
    """What changed this year, as the tables list it (with a note for an event that did nothing)."""
    working: bool
    """False for the years before a first job that ``work_starts`` puts ahead."""


def walk(request: ProjectionRequest) -> list[CareerYear]:
    """The career state of each year from the start year through ``years`` more."""
    profile = request.inputs.model_copy(update={"assumptions": default_assumptions()})
    first = starting_state(profile)
    base_experience = profile.years_experience
    role_began_at = first.experience - first.years_in_role
    shift = kept = 0.0
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
        working = starts is None or year >= starts
        # A new role cannot begin before the first job does: it waits for that year.
        happened = [e for e in pending if e.year <= year and (working or e.kind not in ROLE_KINDS)]
        pending = [e for e in pending if e not in happened]
        notes: list[str] = []
        for event in happened:
            if event.kind not in ROLE_KINDS:
                profile = apply_event(profile, event)
                if event.kind in {"location", "employer_type"}:
                    kept = 0.0  # a new place or employer sets a new level of pay
                notes.append(event.describe())
                continue
            target = promotion_target(profile.role, event)
            if target is None:
                notes.append(f"{event.describe()} (already at or above that role)")
                continue
            now = CareerState(profile, experience - role_began_at, shift, experience, kept)
            shift = entry_shift_for(now, target)
            kept = pay_figures(now).typical
            profile = profile.model_copy(update={"role": target})
            role_began_at = experience
            notes.append(event.describe())
        state = CareerState(profile, max(0.0, experience - role_began_at), shift, experience, kept)
        years.append(CareerYear(year, state, tuple(notes), working))
    return years
