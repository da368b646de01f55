"""How long a QTreeView takes to lay out its rows again: the floor under an add or a move.

After a step is added or moved, the tree view lays out every top-level row again (Qt does this
for any change at the top level), asking the model about each row. This times that relayout
alone, in a 1000x700 ``QTreeView`` over FILE, for the Plan tab's own model or for
``lean_tree.py``'s bare one, as the median of seven.

    python bench/relayout.py FILE --model app|lean    # prints {"relayout_ms": ...}
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from PySide6.QtCore import QAbstractItemModel, QCoreApplication
from PySide6.QtWidgets import QApplication, QTreeView

from plan_bench import private_copy

REPEATS = 7


def model_for(path: Path, kind: str) -> tuple[QAbstractItemModel, object]:
    """The model to lay out, and what must stay alive with it."""
    if kind == "lean":
        from lean_tree import LeanTreeModel

        with path.open("rb") as handle:
            return LeanTreeModel(json.load(handle)["milestones"]), None
    from ptplanner.ui.tabs.plan.controller import PlanController
    from ptplanner.ui.tabs.plan.tree_model import PlanTreeModel

    controller = PlanController(path=private_copy(path))
    return PlanTreeModel(controller), controller


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--model", choices=("app", "lean"), required=True)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert app is not None
    model, keep = model_for(args.file, args.model)
    tree = QTreeView()
    tree.setUniformRowHeights(True)  # as the Plan tab's tree
    tree.setModel(model)
    tree.resize(1000, 700)
    tree.show()
    for _ in range(10):
        QCoreApplication.processEvents()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        model.layoutAboutToBeChanged.emit()
        model.layoutChanged.emit()
        tree.executeDelayedItemsLayout()
        times.append((time.perf_counter() - start) * 1000.0)
    print(json.dumps({"relayout_ms": statistics.median(times), "rows": model.rowCount()}))
    tree.close()
    del keep  # the controller behind the app's model lived until here
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
