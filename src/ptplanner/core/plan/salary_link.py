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

from ptplanner.core.plan.model import EDUCATION_ORDER, ROLE_ORDER, Milestone, Plan, Status
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


def plan_effects(
    plan: Plan, today: date, milestones: Iterable[Milestone] | None = None
) -> PlanEffects:
    """Done links become what is held now; open links with a target date become events.

    ``milestones`` are the plan's milestones in display order (``plan.flatten()``), for a
    caller that already has them, such as the window's index of a 10,000-step plan.
    """
    certifications: set[str] = set()
    skills: set[str] = set()
    highest: dict[str, str] = {}
    latest: dict[str, tuple[date, str]] = {}
    events: list[Event] = []
    rule_done = rule_done_steps(plan.milestones)
    everything = plan.flatten() if milestones is None else milestones
    for milestone in [m for m in everything if m.salary_link is not None]:
        link = milestone.salary_link
        assert link is not None
        status, done_date = milestone.status, milestone.done_date
        if milestone.id in rule_done:
            status, done_date = Status.DONE, rule_done[milestone.id]
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
