"""Drag and drop in the plan tree: what a dragged step travels as, and where a drop puts it.

The tree model answers Qt's drag-and-drop calls with these; the move itself is an undoable edit
through the controller, never a change the model makes on its own.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData

from ptplanner.core.plan.index import PlanIndex

MIME_TYPE = "application/x-ptplanner-milestone-ids"

DropTarget = tuple[str, str | None, int | None]
"""(moving id, new parent id or None for the top level, index after taking it out or None for
the end)."""


def encode_ids(ids: list[str]) -> QMimeData:
    """Milestone ids as drag data, one a line."""
    data = QMimeData()
    data.setData(MIME_TYPE, QByteArray("\n".join(ids).encode("ascii")))
    return data


def decode_ids(data: QMimeData | None) -> list[str]:
    """The milestone ids in drag data; none if it is not ours."""
    if data is None or not data.hasFormat(MIME_TYPE):
        return []
    raw = bytes(data.data(MIME_TYPE).data()).decode("ascii", errors="replace")
    return [line for line in raw.split("\n") if line]


def drop_target(
    index: PlanIndex, ids: list[str], parent_key: int, row: int, shown: list[int] | None
) -> DropTarget | None:
    """Where dropping ``ids`` at ``row`` under ``parent_key`` (-1: the top level) moves the step.

    ``shown``: the sub-steps of the parent a filter shows (None when every step shows), as
    ``row`` counts among those. None if the drop is not allowed: more than one step, a step not
    in the plan, into itself or its own sub-steps, or deeper than the plan allows.
    """
    if len(ids) != 1:
        return None
    key = index.key_of.get(ids[0])
    if key is None:
        return None
    if not index.can_move_under(key, parent_key):
        return None
    new_index: int | None = None if row < 0 else _plan_row(index, row, parent_key, shown)
    same_parent = index.parent[key] == parent_key
    if new_index is not None and same_parent and index.row[key] < new_index:
        new_index -= 1  # the controller counts positions after the step is taken out
    parent_id = index.ids[parent_key] if parent_key >= 0 else None
    return ids[0], parent_id, new_index


def _plan_row(index: PlanIndex, row: int, parent_key: int, shown: list[int] | None) -> int:
    """A drop position among the rows shown -> the same place among all the sub-steps."""
    if shown is None:
        return row
    if row < len(shown):
        return index.row[shown[row]]  # just above the step shown there
    return len(index.siblings(parent_key))  # below the last one shown: at the end
