"""Progress over time: the plan's steps done month by month against the steps its target dates
called for by then, and whether the plan is ahead of its targets or behind them.

Steps are counted as :meth:`~ptplanner.core.plan.model.Plan.progress` counts them, so the chart
and the progress bar always agree on the total:

* Only leaves count. A step ticked done counts every sub-step under it as done, on the step's own
  done date unless a sub-step has an earlier one of its own; a skipped step drops out together
  with its sub-steps.
* A leaf's target is its own target date, else that of the nearest step above it that has one
  (a dated group sets the date for its undated sub-steps). A leaf with no target anywhere above
  it is counted in the total but never in the targeted line.
* A done leaf without a done date (an imported plan, an old file) counts as done from the
  chart's first month: it was done at some time before now, and leaving it out would understate
  progress. The history says how many there are, for the caption.

Pure data, no Qt: the Plan tab's chart, the plan printout and the career packet all draw this.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from itertools import chain, repeat
from typing import TypeVar

from ptplanner.core.format import short_date
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.root_parts import RootParts

MONTHS_AHEAD = 24
"""How far past this month the history runs: a ready plan's last targets are a decade out, and
drawing them would squeeze the months that have happened into a sliver."""


_K = TypeVar("_K")


@dataclass(frozen=True)
class ProgressPoint:
    """One month of the history: what was done, and what was due, by the end of ``month``."""

    month: date
    """The first day of the month."""
    done: int
    """Steps done by the end of the month (for the current month: done so far)."""
    targeted: int
    """Steps whose target date falls on or before the end of the month."""


@dataclass(frozen=True)
class ProgressHistory:
    """Steps done over time against the plan's targets, as of ``today``."""

    points: tuple[ProgressPoint, ...]
    """Every month from the first dated step to the later of this month and the last target,
    but no more than :data:`MONTHS_AHEAD` past this month; empty when no step has a date."""
    today: date
    counted: int
    """Steps counted (leaves, skipped ones left out): the chart's full height."""
    done_now: int
    """Steps done, dated or not."""
    due_now: int
    """Steps whose target date is today or earlier, done or not."""
    undated_done: int
    """Done steps without a done date (counted from the first month)."""
    untargeted: int
    """Counted steps with no target date on them or above them."""
    beyond: int = 0
    """Steps targeted after the last month of :attr:`points`."""

    @property
    def ahead(self) -> int:
        """Steps done beyond those due by today; negative when behind."""
        return self.done_now - self.due_now

    @property
    def has_targets(self) -> bool:
        return self.counted > self.untargeted

    def verdict(self) -> str:
        """Ahead, behind or on track, in one sentence with the counts behind it."""
        if not self.counted:
            return "No steps to count yet."
        if not self.has_targets:
            return (
                f"{self.done_now} of {self.counted} steps done. No step has a target date, so "
                "there is nothing to be ahead of or behind."
            )
        counts = (
            f"{self.done_now} done, {self.due_now} due by {short_date(self.today)} "
            f"(of {self.counted} steps)."
        )
        gap = abs(self.ahead)
        steps = f"{gap} step{'s' if gap != 1 else ''}"
        if self.ahead > 0:
            return f"Ahead of the plan's targets by {steps}: {counts}"
        if self.ahead < 0:
            return f"Behind the plan's targets by {steps}: {counts}"
        return f"On track with the plan's targets: {counts}"

    def caption(self) -> str:
        """What the chart shows and what it leaves out, for under the chart."""
        parts = [
            "Steps done by the end of each month (the done dates you recorded) against the "
            "steps whose target dates fall by then."
        ]
        if self.undated_done:
            were = "was" if self.undated_done == 1 else "were"
            parts.append(
                f"{self.undated_done} done step{'s' if self.undated_done != 1 else ''} "
                f"without a done date {were} counted from the first month."
            )
        if self.beyond:
            last = self.points[-1].month if self.points else self.today
            parts.append(
                f"{self.beyond} step{'s' if self.beyond != 1 else ''} targeted after "
                f"{last:%B} {last.year} {'are' if self.beyond != 1 else 'is'} beyond the chart."
            )
        if self.untargeted and self.has_targets:
            has = "has" if self.untargeted == 1 else "have"
            parts.append(
                f"{self.untargeted} step{'s' if self.untargeted != 1 else ''} {has} no target date."
            )
        return " ".join(parts)


@dataclass(frozen=True)
class _Leaf:
    done: bool
    done_on: date | None
    target: date | None


def _leaves(milestones: Sequence[Milestone]) -> list[_Leaf]:
    """Every counted leaf with its done state and date and its (inherited) target."""
    found: list[_Leaf] = []
    # (step, done by a step above, that step's done date, the target inherited from above)
    stack: list[tuple[Milestone, bool, date | None, date | None]] = [
        (m, False, None, None) for m in reversed(milestones)
    ]
    while stack:
        milestone, closed_above, closed_on, target_above = stack.pop()
        if milestone.status is Status.SKIPPED:
            continue
        target = milestone.target_date or target_above
        own_done = milestone.status is Status.DONE
        if own_done and not closed_above:
            closed_above, closed_on = True, milestone.done_date
        if not milestone.children:
            when = milestone.done_date if own_done and milestone.done_date else closed_on
            found.append(_Leaf(own_done or closed_above, when if closed_above else None, target))
            continue
        stack.extend(
            (child, closed_above, closed_on, target) for child in reversed(milestone.children)
        )
    return found


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> date:
    year, month = divmod(index, 12)
    return date(year, month + 1, 1)


class _Part:
    """The counted leaves of one top-level step, tallied by day."""

    __slots__ = ("counted", "done", "targets", "undated_done")

    def __init__(self, node: Milestone) -> None:
        leaves = _leaves((node,))
        self.counted = len(leaves)
        # Tuples of the milestones' own date objects: a 100,000-step plan keeps one per leaf.
        self.done = tuple(leaf.done_on for leaf in leaves if leaf.done and leaf.done_on is not None)
        self.undated_done = sum(1 for leaf in leaves if leaf.done and leaf.done_on is None)
        self.targets = tuple(leaf.target for leaf in leaves if leaf.target is not None)


def _count(total: Counter[_K], key: _K, sign: int) -> None:
    left = total[key] + sign
    if left:
        total[key] = left
    else:
        del total[key]  # only dates still in the plan bound the chart


class ProgressTally:
    """A plan's leaves tallied by done date and target date, kept up to date edit by edit.

    An edit copies only the milestones on the path to what it changed, so every top-level step
    that is the same object as at the last :meth:`update` is counted as it was; only the others
    are counted again (see :class:`~ptplanner.core.plan.root_parts.RootParts`). The dates are
    also tallied by month, so :meth:`history` costs one pass over the months it draws.
    """

    def __init__(self) -> None:
        self._parts = RootParts(_Part)
        self._done: Counter[date] = Counter()
        self._targets: Counter[date] = Counter()
        self._done_months: Counter[int] = Counter()
        self._target_months: Counter[int] = Counter()
        self._done_dated = 0
        self._targeted = 0
        self._undated_done = 0
        self._counted = 0

    def update(self, plan: Plan) -> None:
        """Follow ``plan``: recount the top-level steps that changed since the last update."""
        gone, came = self._parts.update(plan.milestones)
        for part in gone:
            self._tally(part, -1)
        for part in came:
            self._tally(part, 1)

    def _tally(self, part: _Part, sign: int) -> None:
        self._counted += sign * part.counted
        self._undated_done += sign * part.undated_done
        self._done_dated += sign * len(part.done)
        self._targeted += sign * len(part.targets)
        for days, by_day, by_month in (
            (part.done, self._done, self._done_months),
            (part.targets, self._targets, self._target_months),
        ):
            for day in days:
                _count(by_day, day, sign)
                _count(by_month, _month_index(day), sign)

    def history(self, today: date, months_ahead: int = MONTHS_AHEAD) -> ProgressHistory:
        """The progress month by month up to ``today`` and the targets up to ``months_ahead``
        months past it."""
        done, targets = self._done_months, self._target_months
        undated_done = self._undated_done
        done_now = self._done_dated + undated_done
        this_month = _month_index(today)
        # Due by today: the targets of the months before this one, then this month's by day.
        due_now = sum(count for month, count in targets.items() if month < this_month)
        if this_month in targets:
            days = (today.replace(day=day) for day in range(1, today.day + 1))
            due_now += sum(map(self._targets.get, days, repeat(0)))
        points: tuple[ProgressPoint, ...] = ()
        beyond = 0
        if done or targets:
            first = min(chain(done, targets))
            last = max(max(chain(done, targets)), this_month)
            last = min(last, this_month + months_ahead)
            first = min(first, last)
            size = last - first + 1
            done_in = [0] * size
            due_in = [0] * size
            for month, count in done.items():
                # A done date typed in the future counts in the last month drawn.
                done_in[min(month, last) - first] += count
            for month, count in targets.items():
                if month <= last:
                    due_in[month - first] += count
                else:
                    beyond += count
            done_in[0] += undated_done
            built: list[ProgressPoint] = []
            done_total = due_total = 0
            for offset in range(size):
                done_total += done_in[offset]
                due_total += due_in[offset]
                built.append(ProgressPoint(_month_start(first + offset), done_total, due_total))
            points = tuple(built)
        return ProgressHistory(
            points=points,
            today=today,
            counted=self._counted,
            done_now=done_now,
            due_now=due_now,
            undated_done=undated_done,
            untargeted=self._counted - self._targeted,
            beyond=beyond,
        )


def progress_history(plan: Plan, today: date, months_ahead: int = MONTHS_AHEAD) -> ProgressHistory:
    """The plan's progress month by month up to ``today`` and its targets up to
    ``months_ahead`` months past it."""
    tally = ProgressTally()
    tally.update(plan)
    return tally.history(today, months_ahead)
