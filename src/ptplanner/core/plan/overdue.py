"""How many steps are overdue, kept edit by edit for a big plan: :class:`OverdueTally`.

The count is that of :func:`~ptplanner.core.plan.model.milestone_kinds` over every step (the
Plan tab header's "N overdue"), held per top-level step: after an edit only the top-level steps
that are new objects are counted again (see :class:`~ptplanner.core.plan.root_parts.RootParts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ptplanner.core.plan.model import Milestone, Plan, depth_first, milestone_kinds
from ptplanner.core.plan.root_parts import RootParts


class _Part:
    __slots__ = ("overdue", "root")

    def __init__(self, root: Milestone) -> None:
        self.root = root
        self.overdue = -1
        """Overdue steps in ``root``'s subtree as of the tally's day; -1 until counted."""

    def count(self, today: date) -> int:
        self.overdue = milestone_kinds(depth_first((self.root,)), today).count("overdue")
        return self.overdue


class OverdueTally:
    """The overdue steps of a plan as of one day, recounted only where an edit changed it."""

    def __init__(self) -> None:
        self._parts = RootParts(_Part)
        self._today: date | None = None
        self._total = 0

    @property
    def today(self) -> date | None:
        """The day the count is for (None before the first count)."""
        return self._today

    def count(self, plan: Plan, today: date) -> int:
        """The overdue steps of ``plan`` as of ``today``; a new day counts every step again."""
        gone, came = self._parts.update(plan.milestones)
        if today != self._today:
            self._today = today
            self._total = sum(part.count(today) for part in self._parts.in_order())
            return self._total
        self._total -= sum(part.overdue for part in gone)
        self._total += sum(part.count(today) for part in came)
        return self._total

    def seed(self, plan: Plan, today: date, kinds: Sequence[str], starts: Sequence[int]) -> int:
        """Count from kinds already worked out for every step of ``plan`` in display order
        (``kinds``), with ``starts`` the positions of its top-level steps, instead of from the
        steps themselves."""
        self._parts = RootParts(_Part)
        if len(starts) != len(plan.milestones):  # kinds of another plan: count afresh
            self._today = None
            return self.count(plan, today)
        self._parts.update(plan.milestones)
        ends = [*starts[1:], len(kinds)][: len(starts)]
        total = 0
        for part, start, end in zip(self._parts.in_order(), starts, ends, strict=True):
            part.overdue = kinds[start:end].count("overdue")
            total += part.overdue
        self._today, self._total = today, total
        return total
