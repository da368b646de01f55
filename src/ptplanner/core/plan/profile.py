"""The one derivation of a salary profile from the saved profile and the plan.

The Salary tab, ``ptplanner projection --from-plan`` and its printout all call
:func:`derive_profile` (or :func:`profile_for_plan`), so the window, the command line and paper
state the same career. The rules:

* **Held now.** A done link (or one on a parent the parent done rule makes done) is held now:
  certifications and skills are added, education and role rise to the highest done, employer
  type and location are the latest done. The person's own profile is never lowered.
* **Planned.** An open link with a target date is an event from its target year (an overdue one
  from this year), unless it changes nothing when it comes: a certification or skill held, an
  education at or below the level reached, the same employer type or area, a role at or below
  the rung reached. "Finish high school or a GED" for someone with a diploma is no event.
* **Where experience starts.** When the saved profile has no years of experience and no role
  step is done, the earliest open dated role step is the first job: the profile starts in its
  rung and experience counts from its target year (``work_starts``); it is not also an event.
  Otherwise the person already works (``work_starts`` is None) and every later role step is a
  promotion into that rung.
* A location that no BLS area table has (a plan saved before links were checked) is left out,
  with a note saying so.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from ptplanner.core.plan.model import EDUCATION_ORDER, ROLE_ORDER, Plan
from ptplanner.core.plan.salary_link import PlanEffects, plan_effects
from ptplanner.core.projection import Event, apply_event
from ptplanner.core.salary.inputs import SalaryInputs


@dataclass(frozen=True)
class PlanProfile:
    """The profile a projection starts from, and the plan's events after it."""

    inputs: SalaryInputs
    """The saved profile plus what the plan says the person has now."""
    events: tuple[Event, ...]
    """Sorted by (year, month, label); nothing the profile already has."""
    work_starts: int | None
    """The year experience starts counting (the plan's first job); None: already working."""
    from_plan: frozenset[str]
    """What the plan, not the person, supplied: ``certification:cmaa``, ``skill:emr``,
    ``education:associate``, ``role:office_manager``, ``employer_type``, ``location``."""
    notes: tuple[str, ...] = ()
    """Plan steps left out, and why (an area no BLS table has)."""

    def describe(self) -> list[str]:
        """Short lines in plain English for the Salary tab: what the plan contributed."""
        from ptplanner.core.salary.ladder import rung
        from ptplanner.core.salary.model import salary_model

        model = salary_model()
        lines: list[str] = []
        supplied = self.from_plan
        held = [c.label for c in model.certifications if f"certification:{c.id}" in supplied]
        if held:
            lines.append("Certifications held: " + ", ".join(_short(c) for c in held))
        skills = [_short(s.label) for s in model.skills if f"skill:{s.id}" in self.from_plan]
        if skills:
            lines.append("Skills: " + ", ".join(skills))
        if f"education:{self.inputs.education}" in self.from_plan:
            lines.append(f"Education: {model.education_level(self.inputs.education).label}")
        title = rung(self.inputs.role).title
        if self.work_starts is not None:
            lines.append(f"First job: {title} from {self.work_starts}, when experience starts")
        elif f"role:{self.inputs.role}" in self.from_plan:
            lines.append(f"Role now: {title}")
        if "employer_type" in self.from_plan:
            lines.append(f"Employer: {model.employer(self.inputs.employer_type).label}")
        if "location" in self.from_plan:
            lines.append(f"Location: {self.inputs.location}")
        lines.extend(event.describe() for event in self.events)
        return lines


def _short(label: str) -> str:
    """A label without its explanation in brackets: "CMAA", "EMR/EHR proficiency"."""
    return label.split(" (")[0]


def derive_profile(saved: SalaryInputs, effects: PlanEffects) -> PlanProfile:
    """The saved profile with the plan's facts applied by the rules of this module."""
    notes: list[str] = []
    changes, supplied = _held_now(saved, effects, notes)
    events = list(effects.events)
    work_starts: int | None = None
    if saved.years_experience == 0 and effects.role is None:
        first_job = next((event for event in events if event.kind == "role"), None)
        if first_job is not None:
            events.remove(first_job)
            changes["role"] = first_job.value
            supplied.add(f"role:{first_job.value}")
            work_starts = first_job.year
    inputs = SalaryInputs.model_validate({**saved.model_dump(), **changes}) if changes else saved
    kept: list[Event] = []
    reached = inputs
    for event in sorted(events, key=lambda e: e.sort_key):
        if event.kind == "location" and _area_name(event.value) is None:
            notes.append(
                f"left out: {event.label}: {event.value!r} is an area ptplanner does not know"
            )
            continue
        after = apply_event(reached, event)
        if after != reached:  # a step for something already had is no event
            kept.append(event)
            reached = after
    return PlanProfile(inputs, tuple(kept), work_starts, frozenset(supplied), tuple(notes))


def _held_now(
    saved: SalaryInputs, effects: PlanEffects, notes: list[str]
) -> tuple[dict[str, Any], set[str]]:
    """The profile fields the plan's done steps change, and what those steps supplied."""
    changes: dict[str, Any] = {}
    supplied: set[str] = set()
    for field, held, kind in (
        ("certifications", saved.certifications, "certification"),
        ("skills", saved.skills, "skill"),
    ):
        new = getattr(effects, field) - held
        if new:
            changes[field] = held | new
            supplied.update(f"{kind}:{value}" for value in new)
    if _above(effects.education, saved.education, EDUCATION_ORDER):
        changes["education"] = effects.education
        supplied.add(f"education:{effects.education}")
    if _above(effects.role, saved.role, ROLE_ORDER):
        changes["role"] = effects.role
        supplied.add(f"role:{effects.role}")
    if effects.employer_type is not None and effects.employer_type != saved.employer_type:
        changes["employer_type"] = effects.employer_type
        supplied.add("employer_type")
    if effects.location is not None:
        area = _area_name(effects.location)
        if area is None:
            notes.append(
                f"left out: the plan's move to {effects.location!r}, an area ptplanner does "
                "not know"
            )
        elif area != saved.location:
            changes["location"] = area
            supplied.add("location")
    return changes, supplied


def profile_for_plan(saved: SalaryInputs, plan: Plan | None, today: date) -> PlanProfile:
    """:func:`derive_profile` for a whole plan as of ``today`` (the saved profile alone if None)."""
    effects = PlanEffects() if plan is None else plan_effects(plan, today)
    return derive_profile(saved, effects)


def _above(value: str | None, current: str, order: tuple[str, ...]) -> bool:
    return value is not None and order.index(value) > order.index(current)


def _area_name(text: str) -> str | None:
    """The full name of the area ``text`` names, or None when no BLS table has it."""
    from ptplanner.core.locations import LocationError, find_area

    try:
        return find_area(text).name
    except LocationError:
        return None
