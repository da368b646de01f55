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
from dataclasses import dataclass, replace
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
from ptplanner.core.plan.root_parts import RootParts
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


class _Part:
    """The salary links of one top-level step, with its events for one month."""

    __slots__ = ("events", "facts", "linked", "month", "root")

    def __init__(self, root: Milestone) -> None:
        self.root = root
        with_links = [m for m in _subtree(root) if m.salary_link is not None]
        # Most top-level steps have no link: the parent done rule is worked out only for those
        # that do.
        self.linked = _linked(with_links, rule_done_steps((root,))) if with_links else []
        # All that the effects read from the links: two parts with equal facts give the same.
        self.facts = tuple(
            (m.title, m.target_date, m.salary_link.kind, m.salary_link.value, status, done)
            for m, status, done in self.linked
            if m.salary_link is not None
        )
        self.month: tuple[int, int] | None = None
        self.events: list[tuple[tuple[int, int, str], Event]] = []

    def events_for(self, today: date) -> list[tuple[tuple[int, int, str], Event]]:
        """The open linked steps' events with their sort keys; they change with the month only."""
        month = (today.year, today.month)
        if month != self.month:
            found = (_event(m, today) for m, status, _done in self.linked if _expected(m, status))
            self.events = [(event.sort_key, event) for event in found]
            self.month = month
        return self.events


class EffectsTally:
    """:func:`plan_effects` kept edit by edit: the links of each top-level step are read again
    only when that step is a new object (an edit copies just the path to what it changed), and
    an edit that leaves every link's facts and their order as they were gives back the same
    :class:`PlanEffects` without going over the links at all.

    The parent done rule never reaches across top-level steps, so each is read on its own.
    """

    def __init__(self) -> None:
        self._parts = RootParts(_Part)
        self._linked: dict[int, _Part] = {}
        """The parts with links, by the id() of their top-level step."""
        self._order: list[_Part] = []
        self._today: date | None = None
        self._last: PlanEffects | None = None

    def effects(self, plan: Plan, today: date) -> PlanEffects:
        gone, came = self._parts.update(plan.milestones)
        for part in gone:
            self._linked.pop(id(part.root), None)
        self._linked.update((id(part.root), part) for part in came if part.linked)
        # The linked parts in the plan's order, found in C: most top-level steps have no link.
        order = list(filter(None, map(self._linked.get, map(id, plan.milestones))))
        same = len(order) == len(self._order) and all(map(_same_facts, order, self._order))
        self._order = order
        if self._last is not None and today == self._today and same:
            return self._last
        keyed = [pair for part in order for pair in part.events_for(today)]
        # A stable sort: events with the same key keep the plan's order, as plan_effects does.
        keyed.sort(key=_first)
        held = _held([entry for part in order for entry in part.linked], today)
        self._last = replace(held, events=tuple(event for _key, event in keyed))
        self._today = today
        return self._last


def _same_facts(part: _Part, before: _Part) -> bool:
    return part is before or part.facts == before.facts


def _first(pair: tuple[tuple[int, int, str], Event]) -> tuple[int, int, str]:
    return pair[0]


def _subtree(root: Milestone) -> list[Milestone]:
    """``root`` and every step under it, in display order."""
    return depth_first((root,))


def _expected(milestone: Milestone, status: Status) -> bool:
    """Whether a linked step is an event to come: open (not skipped) and with a target date."""
    return (
        status is not Status.DONE
        and status is not Status.SKIPPED
        and (milestone.target_date is not None)
    )


def _effects(linked: list[_Linked], today: date) -> PlanEffects:
    events = [_event(m, today) for m, status, _done in linked if _expected(m, status)]
    return replace(
        _held(linked, today), events=tuple(sorted(events, key=lambda event: event.sort_key))
    )


def _held(linked: list[_Linked], today: date) -> PlanEffects:
    """What the done links among ``linked`` make held now (no events)."""
    certifications: set[str] = set()
    skills: set[str] = set()
    highest: dict[str, str] = {}
    latest: dict[str, tuple[date, str]] = {}
    for milestone, status, done_date in linked:
        if status is not Status.DONE:
            continue
        link = milestone.salary_link
        assert link is not None
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
    return PlanEffects(
        certifications=frozenset(certifications),
        skills=frozenset(skills),
        education=highest.get("education"),
        employer_type=latest["employer_type"][1] if "employer_type" in latest else None,
        location=latest["location"][1] if "location" in latest else None,
        role=highest.get("role"),
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
