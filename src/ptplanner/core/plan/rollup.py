"""The parent done rule: a step whose sub-steps are finished is finished.

The rule, in full:

* A step with sub-steps is **done** when every sub-step is done or skipped and at least one is
  done. Its done date is the latest done date among those sub-steps (today's date when none of
  them has one). A sub-step with sub-steps of its own counts as done when the rule makes it so,
  so the rule climbs: finishing the last step of a group finishes the group, then its parent.
* A step whose sub-steps were all skipped is left as it is: nothing in it was done.
* **Reopening** a sub-step (done or skipped back to not started or in progress) reopens a done
  step above it that no longer meets the rule, and so on upward: to "In progress" when another of
  its sub-steps is done or under way, else to "Not started". A step marked done by hand while its
  sub-steps were open stays done when one of those open sub-steps changes.
* A skipped step is never changed by the rule, nor is a step without sub-steps.

Two places apply it. :func:`~ptplanner.core.plan.operations.set_status` applies it within the
same operation that changed the sub-step (:func:`settled`, one level at a time upward), so one
undo step puts the parent's old status and date back too. :func:`rule_done_steps` lets the
salary derivation count a parent the rule makes done even when a file (a CSV import, a hand
edit) says otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from ptplanner.core.plan.model import CLOSED_STATUSES, Milestone, Status

_OPEN = (Status.NOT_STARTED, Status.IN_PROGRESS)


def effective(milestone: Milestone) -> tuple[Status, date | None]:
    """The step's status and done date with the rule applied to it and everything below it."""
    if milestone.status in CLOSED_STATUSES or not milestone.children:
        return milestone.status, milestone.done_date
    done = _done_by_rule(milestone.children)
    if done is not None:
        return Status.DONE, done[0]
    return milestone.status, milestone.done_date


def _done_by_rule(children: Iterable[Milestone]) -> tuple[date | None] | None:
    """(latest done date,) when these sub-steps make their parent done; None when they don't."""
    any_done = False
    latest: date | None = None
    for child in children:
        status, when = effective(child)
        if status is Status.DONE:
            any_done = True
            if when is not None and (latest is None or when > latest):
                latest = when
        elif status is not Status.SKIPPED:
            return None
    return (latest,) if any_done else None


def rule_done_date(milestone: Milestone, today: date) -> date | None:
    """The done date the rule gives an open step with sub-steps; None when it stays open."""
    if milestone.status in CLOSED_STATUSES or not milestone.children:
        return None
    done = _done_by_rule(milestone.children)
    if done is None:
        return None
    return done[0] or today


def reopened_status(milestone: Milestone) -> Status:
    """What a done step reopens to: in progress when a sub-step is done or under way."""
    started = {Status.DONE, Status.IN_PROGRESS}
    return (
        Status.IN_PROGRESS
        if any(effective(child)[0] in started for child in milestone.children)
        else Status.NOT_STARTED
    )


def settled(step: Milestone, today: date, reopened: bool) -> tuple[Status, date | None] | None:
    """The (status, done date) the rule gives a step whose sub-step was just edited, or None
    when the rule leaves it alone (and so leaves alone every step above it too).

    ``step``: as it is after the edit. ``reopened``: whether the edit moved the sub-step from
    done or skipped back to open.
    """
    if step.status in _OPEN:
        when = rule_done_date(step, today)
        return None if when is None else (Status.DONE, when)
    if reopened and step.status is Status.DONE and _done_by_rule(step.children) is None:
        return reopened_status(step), None
    return None


def rule_done_steps(milestones: Iterable[Milestone]) -> dict[str, date | None]:
    """Open steps (anywhere under ``milestones``) the rule makes done, with their done dates.

    For reading a plan that may not have been kept by :func:`settled_ancestors`: a CSV import or a
    file edited by hand can say "not started" above sub-steps that are all finished.
    """
    found: dict[str, date | None] = {}
    stack = list(milestones)
    while stack:
        milestone = stack.pop()
        if not milestone.children:
            continue
        stack.extend(milestone.children)
        if milestone.status in _OPEN:
            status, when = effective(milestone)
            if status is Status.DONE:
                found[milestone.id] = when
    return found
