"""How the plan feeds the salary projection.

Milestones can carry a salary link (a certification, a degree, an employer type, a move, a
promotion). A finished one is something the person has now, so it becomes an input; an open one
with a target date is something they expect, so it becomes an event in the projection from that
year on ("CMAA in Mar 2027"), and the graph shows what the plan is worth.

A promotion is the exception among finished links: the estimate has no input for promotions
already had (it estimates pay from experience, credentials, place and employer), and a past
promotion is not a raise still to come, so a done promotion step adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.projection import Event
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.model import salary_model


@dataclass(frozen=True)
class PlanEffects:
    """What the plan changes: inputs held today and events expected later."""

    certifications: frozenset[str] = frozenset()
    education: str | None = None
    employer_type: str | None = None
    location: str | None = None
    events: tuple[Event, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not (
            self.certifications
            or self.education
            or self.employer_type
            or self.location
            or self.events
        )

    def apply(self, inputs: SalaryInputs) -> SalaryInputs:
        """The profile with what the plan says the person already has."""
        return SalaryInputs.model_validate(self.apply_to_dict(inputs.model_dump()))

    def apply_to_dict(self, data: dict[str, Any]) -> dict[str, Any]:
        updated = dict(data)
        updated["certifications"] = set(data.get("certifications", ())) | self.certifications
        if self.education is not None:
            order = [level.id for level in salary_model().education]
            current = data.get("education", order[0])
            current = current if current in order else order[0]
            updated["education"] = max(current, self.education, key=order.index)
        if self.employer_type is not None:
            updated["employer_type"] = self.employer_type
        if self.location is not None:
            updated["location"] = self.location
        return updated

    def describe(self) -> list[str]:
        """Short lines for the Salary tab: what the plan contributed."""
        lines = []
        if self.certifications:
            lines.append("held: " + ", ".join(sorted(c.upper() for c in self.certifications)))
        if self.education:
            lines.append(f"education: {salary_model().education_level(self.education).label}")
        if self.employer_type:
            lines.append(f"employer: {salary_model().employer(self.employer_type).label}")
        if self.location:
            lines.append(f"location: {self.location}")
        lines.extend(event.describe() for event in self.events)
        return lines


def plan_effects(
    plan: Plan, today: date, milestones: Iterable[Milestone] | None = None
) -> PlanEffects:
    """Done links become inputs; open links with a target date become events.

    ``milestones`` are the plan's milestones in display order (``plan.flatten()``), for a
    caller that already has them, such as the window's index of a 10,000-step plan.
    """
    certifications: set[str] = set()
    education: str | None = None
    latest: dict[str, tuple[date, str]] = {}
    events: list[Event] = []
    order = [level.id for level in salary_model().education]
    everything = plan.flatten() if milestones is None else milestones
    for milestone in [m for m in everything if m.salary_link is not None]:
        link = milestone.salary_link
        assert link is not None
        if milestone.status == Status.DONE:
            if link.kind == "promotion":
                continue  # already happened: not a future raise, and no input describes it
            if link.kind == "certification":
                certifications.add(link.value)
            elif link.kind == "education":
                education = (
                    link.value if education is None else max(education, link.value, key=order.index)
                )
            else:
                when = milestone.done_date or today
                if link.kind not in latest or when >= latest[link.kind][0]:
                    latest[link.kind] = (when, link.value)
        elif milestone.status != Status.SKIPPED and milestone.target_date is not None:
            # An overdue step still counts, from this year: it has not happened yet.
            year = max(milestone.target_date.year, today.year)
            due = f"{milestone.target_date:%b %Y}"
            if link.kind == "promotion" and "promot" not in milestone.title.lower():
                # A credential's step names it ("CMAA certification"); a promotion's is often
                # just the new job, and the jump in pay needs its reason next to it.
                due = f"promotion, {due}"
            events.append(
                Event(
                    year=year, kind=link.kind, value=link.value, label=f"{milestone.title} ({due})"
                )
            )
    return PlanEffects(
        certifications=frozenset(certifications),
        education=education,
        employer_type=latest.get("employer_type", (today, None))[1],
        location=latest.get("location", (today, None))[1],
        events=tuple(sorted(events, key=lambda e: (e.year, e.label))),
    )
