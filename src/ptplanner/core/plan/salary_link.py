"""What the plan says about pay, as plain facts: :func:`plan_effects`.

Milestones can carry a salary link (a certification, a degree, a skill, a role on the career
ladder, an employer type, a move, a promotion). A finished one is something the person has now;
an open one with a target date is something they expect, an event from that year on ("CMAA in
Mar 2027"). A parent that the parent done rule (:mod:`ptplanner.core.plan.rollup`) makes done
counts as done here even when the file says otherwise.

These are the plan's facts only. What they mean beside the person's own profile (what is already
held, where experience starts, which later roles are promotions) is worked out in one place,
:func:`ptplanner.core.plan.profile.derive_profile`.

A promotion (a link without a value, from plans made before role links) is the exception among
finished links: it names no rung, so a done one says nothing the profile does not already say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ptplanner.core.plan.model import (
    EDUCATION_ORDER,
    ROLE_ORDER,
    Milestone,
    Plan,
    Status,
    depth_first,
)
from ptplanner.core.plan.rollup import rule_done_steps
from ptplanner.core.projection import Event


@dataclass(frozen=True)
class PlanEffects:
    """The plan's salary facts: links held today and events expected later."""

    certifications: frozenset[str] = frozenset()
    skills: frozenset[str] = frozenset()
    education: str | None = None
    """The highest education step done."""
    employer_type: str | None = None
    location: str | None = None
    """The employer type and area of the latest such step done."""
    role: str | None = None
    """The highest rung among role steps done."""
    events: tuple[Event, ...] = ()
    """Open steps with a target date, in date order (role steps included)."""

    @property
    def is_empty(self) -> bool:
        return not (
            self.certifications
            or self.skills
            or self.education
            or self.employer_type
            or self.location
            or self.role
            or self.events
        )


_Linked = tuple[Milestone, Status, date | None]
"""A milestone with a salary link, with the status and done date the parent done rule gives it."""


def _linked(milestones: Iterable[Milestone], rule_done: dict[str, date | None]) -> list[_Linked]:
    found: list[_Linked] = []
    for milestone in [m for m in milestones if m.salary_link is not None]:
        status, done_date = milestone.status, milestone.done_date
        if milestone.id in rule_done:
            status, done_date = Status.DONE, rule_done[milestone.id]
        found.append((milestone, status, done_date))
    return found


def plan_effects(
    plan: Plan, today: date, milestones: Iterable[Milestone] | None = None
) -> PlanEffects:
    """Done links become what is held now; open links with a target date become events.

    ``milestones`` are the plan's milestones in display order (``plan.flatten()``), for a
    caller that already has them, such as the window's index of a 10,000-step plan.
    """
    everything = plan.flatten() if milestones is None else milestones
    return _effects(_linked(everything, rule_done_steps(plan.milestones)), today)


class EffectsTally:
    """:func:`plan_effects` kept edit by edit: the links of each top-level step are read again
    only when that step is a new object (an edit copies just the path to what it changed).

    The parent done rule never reaches across top-level steps, so each is read on its own.
    """

    def __init__(self) -> None:
        self._parts: dict[str, tuple[Milestone, list[_Linked]]] = {}

    def effects(self, plan: Plan, today: date) -> PlanEffects:
        old, parts = self._parts, {}
        for root in plan.milestones:
            part = old.get(root.id)
            if part is None or part[0] is not root:
                part = (root, _linked(_subtree(root), rule_done_steps((root,))))
            parts[root.id] = part
        self._parts = parts
        return _effects([linked for _root, found in parts.values() for linked in found], today)


def _subtree(root: Milestone) -> list[Milestone]:
    """``root`` and every step under it, in display order."""
    return depth_first((root,))


def _effects(linked: list[_Linked], today: date) -> PlanEffects:
    certifications: set[str] = set()
    skills: set[str] = set()
    highest: dict[str, str] = {}
    latest: dict[str, tuple[date, str]] = {}
    events: list[Event] = []
    for milestone, status, done_date in linked:
        link = milestone.salary_link
        assert link is not None
        if status is Status.DONE:
            if link.kind == "certification":
                certifications.add(link.value)
            elif link.kind == "skill":
                skills.add(link.value)
            elif link.kind in ("education", "role"):
                order = EDUCATION_ORDER if link.kind == "education" else ROLE_ORDER
                held = highest.get(link.kind)
                highest[link.kind] = (
                    link.value if held is None else max(held, link.value, key=order.index)
                )
            elif link.kind != "promotion":
                when = done_date or today
                if link.kind not in latest or when >= latest[link.kind][0]:
                    latest[link.kind] = (when, link.value)
        elif status is not Status.SKIPPED and milestone.target_date is not None:
            events.append(_event(milestone, today))
    return PlanEffects(
        certifications=frozenset(certifications),
        skills=frozenset(skills),
        education=highest.get("education"),
        employer_type=latest["employer_type"][1] if "employer_type" in latest else None,
        location=latest["location"][1] if "location" in latest else None,
        role=highest.get("role"),
        events=tuple(sorted(events, key=lambda event: event.sort_key)),
    )


def _event(milestone: Milestone, today: date) -> Event:
    link, target = milestone.salary_link, milestone.target_date
    assert link is not None and target is not None
    due = f"{target:%b %Y}"
    if link.kind == "promotion" and "promot" not in milestone.title.lower():
        # A credential's step names it ("CMAA certification"); a promotion's is often just the
        # new job, and the jump in pay needs its reason next to it.
        due = f"promotion, {due}"
    if target < date(today.year, today.month, 1):
        # Overdue: it has not happened yet, so it counts from now.
        year, month = today.year, today.month
    else:
        year, month = target.year, target.month
    return Event(
        year=year,
        month=month,
        kind=link.kind,
        value=link.value,
        label=f"{milestone.title} ({due})",
    )
