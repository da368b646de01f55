"""Baseline for the Plan tab: a minimal lazy tree model over ``json.load``ed plan dicts.

:class:`LeanTreeModel` is the least a tree of a plan can cost in Qt: one flat list of nodes,
each made the first time the view asks for its row, ``internalId`` = the node's position in that
list, and ``data()`` for three columns (title, status, target date) read straight from the
dicts. Nothing is validated, nothing is sorted, nothing is filtered.

As a script it times what the Plan tab's first display is measured against: reading the file,
``json.load``, the model and a 1280x800 ``QTreeView`` shown until its viewport's first paint
(the same :func:`plan_bench.show` the Plan tab goes through), then a second, warm display.

    python bench/lean_tree.py FILE     # prints {"first_display_ms": ..., "again_display_ms": ...}
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Step", "Status", "Target date")
KEYS = ("title", "status", "target_date")
ROOT = 0  # the position of the invisible root node
NO_INDEX = QModelIndex()


class _Node:
    __slots__ = ("children", "data", "parent", "row")

    def __init__(self, data: dict[str, Any], parent: int, row: int) -> None:
        self.data = data
        self.parent = parent
        self.row = row
        self.children: list[int] | None = None  # positions, made on first use


class LeanTreeModel(QAbstractItemModel):
    """A read-only tree over plan milestone dicts, built lazily as the view asks."""

    def __init__(self, milestones: list[dict[str, Any]]) -> None:
        super().__init__()
        self._nodes = [_Node({"children": milestones}, -1, 0)]

    def _children(self, position: int) -> list[int]:
        node = self._nodes[position]
        if node.children is None:
            start = len(self._nodes)
            kids = node.data.get("children") or []
            self._nodes.extend(_Node(kid, position, row) for row, kid in enumerate(kids))
            node.children = list(range(start, start + len(kids)))
        return node.children

    def _position(self, index: Index) -> int:
        return int(index.internalId()) if index.isValid() else ROOT

    def index(self, row: int, column: int, parent: Index = NO_INDEX) -> QModelIndex:
        children = self._children(self._position(parent))
        if not 0 <= row < len(children) or not 0 <= column < len(HEADERS):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    def parent(self, index: Index = NO_INDEX) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[int(index.internalId())].parent
        if up == ROOT:
            return QModelIndex()
        return self.createIndex(self._nodes[up].row, 0, up)

    def rowCount(self, parent: Index = NO_INDEX) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        node = self._nodes[self._position(parent)]
        if node.children is None:
            return len(node.data.get("children") or [])
        return len(node.children)

    def hasChildren(self, parent: Index = NO_INDEX) -> bool:
        return self.rowCount(parent) > 0

    def columnCount(self, parent: Index = NO_INDEX) -> int:
        return len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._nodes[int(index.internalId())].data.get(KEYS[index.column()]) or ""

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None


def load_model(path: Path) -> LeanTreeModel:
    """``json.load`` the plan file and wrap its milestones; an absent file is an empty plan."""
    try:
        with open(path, "rb") as handle:
            raw = json.load(handle)
    except FileNotFoundError:
        raw = {}
    return LeanTreeModel(list(raw.get("milestones") or []))


def main() -> int:
    from PySide6.QtWidgets import QApplication, QTreeView

    from plan_bench import private_copy, show

    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    app = QApplication(sys.argv[:1])
    path = private_copy(Path(sys.argv[1]))
    kept: list[Any] = []

    def make() -> QTreeView:
        view = QTreeView()
        model = load_model(path)
        view.setModel(model)
        kept.append(model)
        return view

    first = show(make, lambda view: (view, None))  # type: ignore[no-untyped-call]
    first[0].close()
    for _ in range(5):
        app.processEvents()
    again = show(make, lambda view: (view, None))  # type: ignore[no-untyped-call]
    print(json.dumps({"first_display_ms": first[4], "again_display_ms": again[4]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
