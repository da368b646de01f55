"""Every edit to a plan, as a small named operation with an exact inverse.

Each function takes a :class:`~ptplanner.core.plan.model.Plan` and returns an :class:`OpResult`:
the new plan, a :class:`PlanChange` saying what changed (a label such as ``Add milestone 'CMAA'``,
the ids touched, whether the tree's shape changed) and ``inverse``, an operation that turns the
new plan back into the old one exactly. Applying the inverse yields a result whose own inverse
redoes the edit, so a GUI wraps any of these in a ``QUndoCommand`` with three lines::

    result = plan_ops.add_milestone(plan, milestone)     # redo() the first time
    plan = result.inverse.apply(plan).plan                # undo()
    # keep the OpResult returned by undo; its .inverse is the redo

Operations are pure: nothing is mutated, no clock is read (callers pass ``today``), and the plan's
``modified`` stamp is left alone so that undo restores an equal plan; the store stamps the time on
save. Invalid edits raise :class:`PlanOpError` with a message fit to show the user, and leave the
plan as it was. New plans (the ready-made one and an empty one) come from
:mod:`~ptplanner.core.plan.template`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from pydantic import TypeAdapter, ValidationError

from ptplanner.core.format import STATUS_LABELS
from ptplanner.core.plan.model import (
    CLOSED_STATUSES,
    MAX_DEPTH,
    Milestone,
    Plan,
    Status,
    Title,
    add_months,
)
from ptplanner.core.plan.rollup import settled

RENEWAL_PREFIX = "Renew "

_TITLE: TypeAdapter[str] = TypeAdapter(Title)

# Fields update_milestone may change; the id is identity and children change only through
# add/remove/move so that every structural edit has one inverse.
EDITABLE_FIELDS = frozenset(Milestone.model_fields) - {"id", "children"}


class PlanOpError(ValueError):
    """An edit that cannot be made; the message is written for the user."""


@dataclass(frozen=True)
class PlanChange:
    """What an operation did, for undo text and for deciding which views to refresh."""

    label: str
    ids: frozenset[str] = frozenset()
    """Milestones added, removed, edited or moved (with their sub-steps)."""
    structural: bool = False
    """True when the tree's shape changed (add, remove, move, replace): rebuild the tree view."""
    noop: bool = False
    """True when the plan is unchanged (e.g. a status it already has): push nothing on undo."""


@dataclass(frozen=True)
class OpResult:
    plan: Plan
    change: PlanChange
    inverse: PlanOp
    """Applied to ``plan``, returns the plan as it was before this operation."""


class PlanOp(ABC):
    """An edit as data: apply it to a plan to get the new plan, the change and the inverse."""

    @abstractmethod
    def apply(self, plan: Plan) -> OpResult: ...


# --- tree helpers (pure; they rebuild only the path from the root to the edited node) -----------


_locator: tuple[Plan, Callable[[str], list[int] | None]] | None = None


def locate_with(plan: Plan, find: Callable[[str], list[int] | None]) -> None:
    """Operations on ``plan`` take a milestone's path from ``find`` (an index of this very
    plan, e.g. :meth:`~ptplanner.core.plan.index.PlanIndex.path_of`) instead of walking it.

    One plan at a time: the one being edited. A path found is checked against the plan; a
    milestone ``find`` does not know is taken to be absent (an added step's id is new), which is
    why ``find`` must come from an index of this very plan.
    """
    global _locator
    _locator = (plan, find)


def _path_to(plan: Plan, milestone_id: str) -> list[int] | None:
    if _locator is not None and _locator[0] is plan:
        found = _locator[1](milestone_id)
        if found is not None and _found_at(plan, found, milestone_id):
            return found
    stack: list[tuple[tuple[Milestone, ...], list[int]]] = [(plan.milestones, [])]
    while stack:
        siblings, prefix = stack.pop()
        for index, milestone in enumerate(siblings):
            path = [*prefix, index]
            if milestone.id == milestone_id:
                return path
            if milestone.children:
                stack.append((milestone.children, path))
    return None


def _any_in(plan: Plan, milestone_ids: list[str]) -> bool:
    """Whether any of these ids is already in the plan."""
    if _locator is not None and _locator[0] is plan:
        find = _locator[1]
        return any(find(milestone_id) is not None for milestone_id in milestone_ids)
    return not plan.ids().isdisjoint(milestone_ids)


def _found_at(plan: Plan, path: list[int], milestone_id: str) -> bool:
    siblings = plan.milestones
    node = None
    for index in path:
        if not 0 <= index < len(siblings):
            return False
        node = siblings[index]
        siblings = node.children
    return node is not None and node.id == milestone_id


def _require_path(plan: Plan, milestone_id: str) -> list[int]:
    path = _path_to(plan, milestone_id)
    if path is None:
        raise PlanOpError(f"There is no milestone with id {milestone_id!r}.")
    return path


def _at(plan: Plan, path: list[int]) -> Milestone:
    node = plan.milestones[path[0]]
    for index in path[1:]:
        node = node.children[index]
    return node


def _siblings(plan: Plan, parent_path: list[int]) -> tuple[Milestone, ...]:
    return _at(plan, parent_path).children if parent_path else plan.milestones


def _rebuild(
    siblings: tuple[Milestone, ...],
    parent_path: list[int],
    edit: Callable[[tuple[Milestone, ...]], tuple[Milestone, ...]],
) -> tuple[Milestone, ...]:
    if not parent_path:
        return edit(siblings)
    index, rest = parent_path[0], parent_path[1:]
    node = siblings[index]
    # model_copy skips validation on purpose: every inserted milestone was validated when built.
    new_node = node.model_copy(update={"children": _rebuild(node.children, rest, edit)})
    return (*siblings[:index], new_node, *siblings[index + 1 :])


def _edit_siblings(
    plan: Plan,
    parent_path: list[int],
    edit: Callable[[tuple[Milestone, ...]], tuple[Milestone, ...]],
) -> Plan:
    return plan.model_copy(update={"milestones": _rebuild(plan.milestones, parent_path, edit)})


def _subtree_ids(milestone: Milestone) -> list[str]:
    return [node.milestone.id for node in milestone.walk()]


def _height(milestone: Milestone) -> int:
    return max(node.depth for node in milestone.walk())


def _parent_path(plan: Plan, parent_id: str | None) -> list[int]:
    if parent_id is None:
        return []
    path = _path_to(plan, parent_id)
    if path is None:
        raise PlanOpError(f"There is no milestone with id {parent_id!r} to put this step under.")
    return path


def _check_depth(parent_path: list[int], milestone: Milestone) -> None:
    if len(parent_path) + _height(milestone) > MAX_DEPTH:
        raise PlanOpError(f"Steps can be nested at most {MAX_DEPTH} levels deep.")


def _check_index(index: int | None, length: int) -> int:
    if index is None:
        return length
    if index < 0:
        raise PlanOpError("A position in the list cannot be negative.")
    return min(index, length)


def _describe(error: ValidationError) -> str:
    from ptplanner.core.messages import plain_message, sentence

    return sentence(plain_message(error))


# --- the operations --------------------------------------------------------------------------


@dataclass(frozen=True)
class AddMilestone(PlanOp):
    milestone: Milestone
    parent_id: str | None = None
    index: int | None = None
    """Position among the parent's children; None or past the end appends."""

    def apply(self, plan: Plan) -> OpResult:
        parent_path = _parent_path(plan, self.parent_id)
        new_ids = _subtree_ids(self.milestone)
        if len(set(new_ids)) != len(new_ids) or _any_in(plan, new_ids):
            raise PlanOpError("A milestone with this id is already in the plan.")
        _check_depth(parent_path, self.milestone)
        index = _check_index(self.index, len(_siblings(plan, parent_path)))

        def insert(siblings: tuple[Milestone, ...]) -> tuple[Milestone, ...]:
            return (*siblings[:index], self.milestone, *siblings[index:])

        change = PlanChange(
            f"Add milestone '{self.milestone.title}'", frozenset(new_ids), structural=True
        )
        return OpResult(
            _edit_siblings(plan, parent_path, insert), change, RemoveMilestone(self.milestone.id)
        )


@dataclass(frozen=True)
class RemoveMilestone(PlanOp):
    milestone_id: str

    def apply(self, plan: Plan) -> OpResult:
        path = _require_path(plan, self.milestone_id)
        removed = _at(plan, path)
        parent_path, index = path[:-1], path[-1]
        parent_id = _at(plan, parent_path).id if parent_path else None

        def drop(siblings: tuple[Milestone, ...]) -> tuple[Milestone, ...]:
            return (*siblings[:index], *siblings[index + 1 :])

        change = PlanChange(
            f"Remove milestone '{removed.title}'",
            frozenset(_subtree_ids(removed)),
            structural=True,
        )
        # The inverse carries the whole removed subtree and its exact place: undo re-inserts it.
        return OpResult(
            _edit_siblings(plan, parent_path, drop),
            change,
            AddMilestone(removed, parent_id, index),
        )


@dataclass(frozen=True)
class UpdateMilestone(PlanOp):
    milestone_id: str
    fields: Mapping[str, object] = field(default_factory=dict)
    label: str | None = None

    def apply(self, plan: Plan) -> OpResult:
        unknown = set(self.fields) - EDITABLE_FIELDS
        if unknown:
            names = ", ".join(sorted(unknown))
            raise PlanOpError(f"These milestone fields cannot be edited: {names}.")
        path = _require_path(plan, self.milestone_id)
        old = _at(plan, path)
        current = {name: getattr(old, name) for name in Milestone.model_fields}
        try:
            new = Milestone.model_validate({**current, **self.fields})
        except ValidationError as error:
            raise PlanOpError(_describe(error)) from error
        # Keep the validated (stripped, converted) values so the inverse restores exact types.
        before = {name: getattr(old, name) for name in self.fields}
        after = {name: getattr(new, name) for name in self.fields}
        label = self.label or f"Edit milestone '{new.title}'"
        parent_path, index = path[:-1], path[-1]

        def swap(siblings: tuple[Milestone, ...]) -> tuple[Milestone, ...]:
            return (*siblings[:index], new, *siblings[index + 1 :])

        change = PlanChange(label, frozenset({old.id}), noop=before == after)
        inverse = UpdateMilestone(old.id, before, label)
        if before == after:
            return OpResult(plan, change, inverse)
        return OpResult(_edit_siblings(plan, parent_path, swap), change, inverse)


@dataclass(frozen=True)
class MoveMilestone(PlanOp):
    milestone_id: str
    new_parent_id: str | None
    new_index: int | None = None
    """Position among the new parent's children counted after the step has been taken out."""

    def apply(self, plan: Plan) -> OpResult:
        path = _require_path(plan, self.milestone_id)
        moving = _at(plan, path)
        if self.new_parent_id is not None and self.new_parent_id in _subtree_ids(moving):
            raise PlanOpError("A step cannot be moved under itself or one of its own sub-steps.")
        old_parent_path, old_index = path[:-1], path[-1]
        old_parent_id = _at(plan, old_parent_path).id if old_parent_path else None
        _parent_path(plan, self.new_parent_id)  # fail early on an unknown parent

        without = RemoveMilestone(self.milestone_id).apply(plan).plan
        new_parent_path = _parent_path(without, self.new_parent_id)
        _check_depth(new_parent_path, moving)
        index = _check_index(self.new_index, len(_siblings(without, new_parent_path)))

        def insert(siblings: tuple[Milestone, ...]) -> tuple[Milestone, ...]:
            return (*siblings[:index], moving, *siblings[index:])

        noop = old_parent_id == self.new_parent_id and old_index == index
        change = PlanChange(
            f"Move milestone '{moving.title}'",
            frozenset(_subtree_ids(moving)),
            structural=not noop,
            noop=noop,
        )
        inverse = MoveMilestone(self.milestone_id, old_parent_id, old_index)
        if noop:
            return OpResult(plan, change, inverse)
        return OpResult(_edit_siblings(without, new_parent_path, insert), change, inverse)


@dataclass(frozen=True)
class ReplacePlan(PlanOp):
    """Swap in a whole other plan (import, restore from backup) as one undoable step."""

    plan: Plan
    label: str = "Replace plan"

    def apply(self, plan: Plan) -> OpResult:
        change = PlanChange(self.label, structural=True, noop=plan == self.plan)
        return OpResult(self.plan, change, ReplacePlan(plan, self.label))


@dataclass(frozen=True)
class RenamePlan(PlanOp):
    title: str

    def apply(self, plan: Plan) -> OpResult:
        try:
            title = _TITLE.validate_python(self.title)
        except ValidationError as error:
            raise PlanOpError(_describe(error)) from error
        change = PlanChange(f"Rename plan to '{title}'", noop=title == plan.title)
        renamed = plan if change.noop else plan.model_copy(update={"title": title})
        return OpResult(renamed, change, RenamePlan(plan.title))


@dataclass(frozen=True)
class Batch(PlanOp):
    """Several operations applied in order as one undo step."""

    ops: tuple[PlanOp, ...]
    label: str

    def apply(self, plan: Plan) -> OpResult:
        results: list[OpResult] = []
        current = plan
        for op in self.ops:
            result = op.apply(current)
            results.append(result)
            current = result.plan
        change = PlanChange(
            self.label,
            frozenset().union(*(r.change.ids for r in results)),
            structural=any(r.change.structural for r in results),
            noop=all(r.change.noop for r in results),
        )
        inverse = Batch(tuple(r.inverse for r in reversed(results)), self.label)
        return OpResult(current, change, inverse)


# --- the public functions ----------------------------------------------------------------------


def add_milestone(
    plan: Plan, milestone: Milestone, parent_id: str | None = None, index: int | None = None
) -> OpResult:
    """Insert ``milestone`` (with any sub-steps) under ``parent_id`` (None = top level)."""
    return AddMilestone(milestone, parent_id, index).apply(plan)


def update_milestone(plan: Plan, milestone_id: str, **fields: object) -> OpResult:
    """Change fields of one milestone (any except ``id`` and ``children``); values are validated."""
    return UpdateMilestone(milestone_id, fields).apply(plan)


def remove_milestone(plan: Plan, milestone_id: str) -> OpResult:
    """Remove a milestone and its sub-steps.

    ``result.inverse`` is an :class:`AddMilestone` holding the removed subtree, its parent id and
    its index: everything needed to put it back in the same place.
    """
    return RemoveMilestone(milestone_id).apply(plan)


def move_milestone(
    plan: Plan, milestone_id: str, new_parent_id: str | None, new_index: int | None = None
) -> OpResult:
    """Reorder or re-nest a milestone; moving it into its own subtree is refused."""
    return MoveMilestone(milestone_id, new_parent_id, new_index).apply(plan)


def replace_plan(plan: Plan, new_plan: Plan, label: str = "Replace plan") -> OpResult:
    """Replace the whole plan (after an import or a restore) so that it can be undone."""
    return ReplacePlan(new_plan, label).apply(plan)


def rename_plan(plan: Plan, title: str) -> OpResult:
    return RenamePlan(title).apply(plan)


def renewal_title(title: str) -> str:
    """``Renew <title>``, without stacking prefixes when a renewal itself is renewed."""
    base = title.removeprefix(RENEWAL_PREFIX)
    return f"{RENEWAL_PREFIX}{base}"[:200].rstrip()


def set_status(plan: Plan, milestone_id: str, status: Status | str, today: date) -> OpResult:
    """Set a milestone's status, keeping ``done_date`` in step with it.

    Marking done stamps ``done_date = today`` (an already-done step keeps its date); any other
    status clears it. Marking done a credential with ``renews_every_months`` also adds, right after
    it, a step ``Renew <title>`` due that many months after the done date, unless an open step with
    that title already exists. The steps above follow the parent done rule of
    :mod:`ptplanner.core.plan.rollup`: a parent whose sub-steps are now all finished becomes done
    (dated the latest sub-step's done date, and gets its own renewal step if it renews), and a
    done parent of a reopened sub-step reopens. The whole thing is one undo step.
    """
    try:
        new_status = Status(status)
    except ValueError as error:
        choices = ", ".join(s.value for s in Status)
        raise PlanOpError(f"Unknown status {status!r} (expected one of: {choices}).") from error
    path = _require_path(plan, milestone_id)
    milestone = _at(plan, path)
    if new_status is Status.DONE:
        already = milestone.status is Status.DONE and milestone.done_date is not None
        done_date: date | None = milestone.done_date if already else today
    else:
        done_date = None
    label = f"Mark '{milestone.title}' {STATUS_LABELS[new_status].lower()}"
    ops: list[PlanOp] = [
        UpdateMilestone(milestone_id, {"status": new_status, "done_date": done_date}, label)
    ]
    ops.extend(_renewal_ops(plan, path, new_status, done_date))
    first = Batch(tuple(ops), label).apply(plan)
    if first.change.noop:
        return first
    reopened = milestone.is_closed and new_status not in CLOSED_STATUSES
    current = first.plan
    for end in range(len(path) - 1, 0, -1):
        # One level at a time, on the plan as the levels below left it (a renewal step added
        # under a parent is an open sub-step of that parent).
        ancestor = _at(current, path[:end])
        settled_now = settled(ancestor, today, reopened)
        if settled_now is None:
            break
        status_now, date_now = settled_now
        step_ops = [
            UpdateMilestone(ancestor.id, {"status": status_now, "done_date": date_now}, label),
            *_renewal_ops(current, path[:end], status_now, date_now),
        ]
        for op in step_ops:
            current = op.apply(current).plan
        ops.extend(step_ops)
    if current is first.plan:
        return first
    return Batch(tuple(ops), label).apply(plan)


def _renewal_ops(
    plan: Plan, path: list[int], new_status: Status, done_date: date | None
) -> list[PlanOp]:
    """The renewal step to add right after the step at ``path`` as it is marked done, if any."""
    milestone = _at(plan, path)
    renewal = _renewal_for(plan, milestone, new_status, done_date)
    if renewal is None:
        return []
    parent_id = _at(plan, path[:-1]).id if len(path) > 1 else None
    return [AddMilestone(renewal, parent_id, path[-1] + 1)]


def _renewal_for(
    plan: Plan, milestone: Milestone, new_status: Status, done_date: date | None
) -> Milestone | None:
    months = milestone.renews_every_months
    if new_status is not Status.DONE or milestone.status is Status.DONE:
        return None
    if months is None or done_date is None:
        return None
    title = renewal_title(milestone.title)
    # The step being marked done is still open in `plan`; it must not count as "already there".
    if any(m.title == title and not m.is_closed and m.id != milestone.id for m in plan.flatten()):
        return None
    return Milestone(
        title=title,
        target_date=add_months(done_date, months),
        renews_every_months=months,
        salary_link=milestone.salary_link,
        why=f"Keeps '{milestone.title.removeprefix(RENEWAL_PREFIX)}' current; "
        "it lapses if not renewed.",
    )
