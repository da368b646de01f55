"""The plan's undo steps: each edit as a ``QUndoCommand`` around a pure core operation.

A command keeps the operation's inverse, swapped on every undo and redo, so undo is exact; bursts
of edits to one field (arrow keys in a date box) and "add a step, then type its title" merge into
one undo step.
"""

from __future__ import annotations

import time
from typing import Protocol

from PySide6.QtGui import QUndoCommand

from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.operations import OpResult, PlanChange, PlanOp, PlanOpError

MERGE_WINDOW_S = 3.0
"""Repeated edits of one date or number field within this many seconds are one undo step."""


class CommandTarget(Protocol):
    """What a command edits: the plan controller."""

    @property
    def plan(self) -> Plan: ...

    def install(self, plan: Plan, change: PlanChange) -> None: ...

    def report(self, level: str, text: str) -> None: ...

    def milestone(self, milestone_id: str | None) -> Milestone | None: ...


class PlanCommand(QUndoCommand):
    """One undoable edit: the core operation and its inverse, swapped on every undo/redo.

    The first ``redo()`` (run by ``QUndoStack.push``) installs the result that was already
    computed to check the edit; later ones re-apply the operation that the last undo returned.
    Inverses are taken from the plan as it is at that moment, so merged commands stay exact.
    """

    def __init__(
        self,
        target: CommandTarget,
        result: OpResult,
        merge_key: tuple[object, ...] | None = None,
        adds: str | None = None,
    ) -> None:
        super().__init__(result.change.label)
        self._target = target
        self._first: OpResult | None = result
        self._back: PlanOp = result.inverse
        self._fwd: PlanOp | None = None
        self.merge_key = merge_key
        self.adds = adds
        """The id of the one step this command added, so typing its title can merge in."""
        self.title_only_for: str | None = None
        self.stamp = time.monotonic()

    def id(self) -> int:
        return 1

    def redo(self) -> None:
        if self._first is not None:
            result: OpResult | None = self._first
            self._first = None
        else:
            result = self._run(self._fwd)
        if result is not None:
            self._back = result.inverse
            self._target.install(result.plan, result.change)

    def undo(self) -> None:
        result = self._run(self._back)
        if result is not None:
            self._fwd = result.inverse
            self._target.install(result.plan, result.change)

    def _run(self, op: PlanOp | None) -> OpResult | None:
        try:
            if op is None:
                raise PlanOpError("nothing to apply")
            return op.apply(self._target.plan)
        except PlanOpError as error:
            # Only possible if the plan changed behind the stack's back; dropping the command
            # beats leaving undo pointing at a state that no longer exists.
            self.setObsolete(True)
            self._target.report("error", f"That step could not be undone or redone: {error}")
            return None

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, PlanCommand):
            return False
        if self.adds is not None and other.title_only_for == self.adds:
            # "Add step" then typing its title is one thing to undo.
            added = self._target.milestone(self.adds)
            if added is not None:
                self.setText(f"Add milestone '{added.title}'")
            self.adds = None  # only the first naming: a later rename is its own undo step
            return True
        if (
            self.merge_key is not None
            and other.merge_key == self.merge_key
            and other.stamp - self.stamp <= MERGE_WINDOW_S
        ):
            self.stamp = other.stamp
            return True
        return False
