"""A plan of 10,000 milestones: load, save, first display of the Plan tab and a search filter.

    python bench/plan_bench.py build [N] FILE   # write an N-step plan (10,000; core only, no Qt)
    python bench/plan_bench.py io FILE          # PlanStore.load()/save() vs json.loads/dumps
    python bench/plan_bench.py tab FILE         # PlanTab(PlanController(path=...)) shown + filter
    python bench/plan_bench.py tree FILE        # baseline: bare QTreeView + QStandardItemModel

``io`` alternates the store and the json baseline in one process and prints the paired samples.
``tab`` and ``tree`` each time one first display (building from the file up to the first paint
of the view), one filter (typing a word into the search box until the view has repainted with
the new rows) and a second display in the same process (a warm one), on a private copy of FILE.
Each prints one JSON line; ``tab`` prints ``{"available": false, ...}`` when the Plan tab or its
controller is missing or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

TOP_LEVEL = 1_000
SUB_STEPS = 9
SEARCH = "renew"  # in the titles of 1 top-level step in 10 (and of nothing below them)


def build(path: Path, steps: int = TOP_LEVEL * (SUB_STEPS + 1)) -> int:
    """Write a plan of about ``steps`` steps built with the core (a top-level step per 10, each
    with 9 sub-steps, and one step added by an edit); returns the number of milestones.
    """
    from ptplanner.core.plan import operations as plan_ops
    from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
    from ptplanner.core.storage.store import PlanStore

    start = date(2026, 1, 5)
    statuses = (Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.SKIPPED)
    top: list[Milestone] = []
    for i in range(max(steps // (SUB_STEPS + 1), 4)):
        children = tuple(
            Milestone(
                title=f"Task {j + 1} of step {i + 1}: call, chart and follow up",
                status=statuses[(i + j) % 4],
                target_date=start + timedelta(days=i + j),
                notes="Checked with the front desk." if j % 3 == 0 else "",
            )
            for j in range(SUB_STEPS)
        )
        renew = i % 10 == 0
        top.append(
            Milestone(
                title=f"Renew CMAA certification, round {i // 10 + 1}"
                if renew
                else f"Career step {i + 1}: scheduling and insurance checks",
                target_date=start + timedelta(days=(7 * i) % 40_000),  # within 2200
                salary_link=SalaryLink(kind="certification", value="cmaa") if renew else None,
                renews_every_months=24 if renew else None,
                why="Keeps the plan realistic for a benchmark.",
                children=children,
            )
        )
    plan = Plan(title="Benchmark plan", milestones=tuple(top))
    # A few edits through the core's operations, as the app makes them.
    parent_id = plan.milestones[1].children[0].id
    plan = plan_ops.add_milestone(plan, Milestone(title="Extra sub-sub-step"), parent_id).plan
    plan = plan_ops.set_status(plan, plan.milestones[2].id, Status.DONE, start).plan
    plan = plan_ops.update_milestone(plan, plan.milestones[3].id, notes="Edited once.").plan
    path.parent.mkdir(parents=True, exist_ok=True)
    with PlanStore(path) as store:
        store.load()
        store.save(plan)
    return plan.count()


def private_copy(source: Path) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="ptplanner-bench-plan-"))
    target = folder / "plan.json"
    shutil.copyfile(source, target)
    return target


def ms_since(start: float) -> float:
    return (time.perf_counter() - start) * 1000.0


def io(source: Path, repeats: int) -> dict:
    from ptplanner.core.storage.store import PlanStore

    path = private_copy(source)
    data = path.read_bytes()
    pairs: dict[str, list[list[float]]] = {"load": [], "save": []}
    store = PlanStore(path)
    plan = store.load().plan
    store.close()
    obj = json.loads(data)
    for _ in range(repeats):
        start = time.perf_counter()
        json.loads(data)
        base = ms_since(start)
        start = time.perf_counter()
        store = PlanStore(path)
        result = store.load()
        store.close()
        pairs["load"].append([ms_since(start), base])
        assert result.plan.count() == plan.count() and not result.messages, result.messages

        start = time.perf_counter()
        json.dumps(obj, indent=1)
        base = ms_since(start)
        with PlanStore(path) as store:
            store.load()
            start = time.perf_counter()
            store.save(plan)
            pairs["save"].append([ms_since(start), base])
    shutil.rmtree(path.parent, ignore_errors=True)
    return {"count": plan.count(), "bytes": len(data), "pairs": pairs}


def visible_top_rows(view) -> int:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    model = view.model()
    root = view.rootIndex() if view.rootIndex().isValid() else QModelIndex()
    return sum(1 for r in range(model.rowCount(root)) if not view.isRowHidden(r, root))


def show(make, find_parts, filled=None):  # type: ignore[no-untyped-def]
    """make() + show() to the view's first paint: (window, view, search box, watch, ms or None,
    ms to filled or None).

    ``filled(window)``, if given, is called before the window is shown and returns a function
    that spins the event loop until the window has painted what it fills in after its first
    paint, and says whether it did.
    """
    from _paint import PaintWatch, wait_painted

    start = time.perf_counter()
    window = make()
    window.resize(1280, 800)
    view, search = find_parts(window)
    watch = PaintWatch(view.viewport())
    wait_filled = filled(window) if filled is not None else None
    window.show()
    shown = wait_painted(watch, 0, timeout=30.0)
    first = ms_since(start) if shown else None
    filled_ms = ms_since(start) if wait_filled is not None and wait_filled() else None
    return window, view, search, watch, first, filled_ms


def show_and_filter(make, find_parts, close=None, filled=None) -> dict:  # type: ignore[no-untyped-def]
    """Time make() + show() to the view's first paint, then typing SEARCH until it repaints.

    ``filled``: as for :func:`show`, giving ``filled_ms``, the time until the window has also
    painted what it fills in after its first paint.

    Then the window is closed (``close`` first, if given) and a second one made and shown in
    the same process: ``again_display_ms``, the cost once Qt's fonts, enums and styles and the
    program's own first-use work are paid, as they are by the time a person opens a tab in the
    running app.
    """
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    window, view, search, watch, first_display, filled_ms = show(make, find_parts, filled)
    result: dict = {"first_display_ms": first_display}
    if filled is not None:
        result["filled_ms"] = filled_ms
    for _ in range(5):
        app.processEvents()
    if search is None:
        result["filter_ms"] = None
        result["filter_note"] = "no search box found"
    else:
        rows_before = visible_top_rows(view)
        search.setFocus()
        start = time.perf_counter()
        QTest.keyClicks(search, SEARCH)
        deadline = start + 10.0
        changed_at: int | None = None
        while time.perf_counter() < deadline:
            app.processEvents()
            if changed_at is None and visible_top_rows(view) != rows_before:
                changed_at = watch.paints
            if changed_at is not None and watch.paints > changed_at:
                break
        filtered = changed_at is not None and watch.paints > changed_at
        result["filter_ms"] = ms_since(start) if filtered else None
        result["rows"] = [rows_before, visible_top_rows(view)]
    if close is not None:
        close()
    window.close()
    for _ in range(5):
        app.processEvents()
    result["again_display_ms"] = show(make, find_parts)[4]
    return result


def find_search_box(widget):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit

    boxes = [b for b in widget.findChildren(QLineEdit) if b.isVisibleTo(widget)]
    for box in boxes:
        words = " ".join(
            (box.objectName(), box.placeholderText(), box.accessibleName(), box.toolTip())
        ).lower()
        if "search" in words or "filter" in words or "find" in words:
            return box
    return boxes[0] if boxes else None


def largest_view_and_search(window):  # type: ignore[no-untyped-def]
    """The window's item view with the most top-level rows, and its search box."""
    from PySide6.QtWidgets import QAbstractItemView

    views = [v for v in window.findChildren(QAbstractItemView) if v.model() is not None]
    views.sort(key=lambda v: -(v.model().rowCount()))
    if not views:
        raise RuntimeError("the Plan tab has no item view")
    return views[0], find_search_box(window)


def search_timer(page):  # type: ignore[no-untyped-def]
    """The Plan tab's typing-pause timer (its toolbar's), or None if it has none."""
    return getattr(getattr(page, "toolbar", None), "search_timer", None)


def timeline_filled(window):  # type: ignore[no-untyped-def]
    """For show(): waits until the Plan tab's timeline has painted its markers.

    The Plan tab places a big plan's timeline markers just after its first paint.
    """
    from PySide6.QtCore import QEvent

    from _paint import PaintWatch, wait_painted

    timeline = getattr(window, "timeline", None)
    if timeline is None or not hasattr(timeline, "is_placed"):
        return lambda: True  # nothing is filled in later

    class MarkersPainted(PaintWatch):
        """Counts the timeline's paints that leave its markers placed: they drew them."""

        def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]
            if event.type() != QEvent.Type.Paint:
                return False
            watched.event(event)  # the paint itself, then a look at what it drew
            if timeline.is_placed():
                self.paints += 1
            return True

    watch = MarkersPainted(timeline)
    return lambda: wait_painted(watch, 0, timeout=10.0)


def tab(source: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    try:
        from ptplanner.ui.app import make_application
        from ptplanner.ui.tabs.plan.controller import PlanController
        from ptplanner.ui.tabs.plan.tab import PlanTab
    except Exception as error:  # a colleague is writing these right now
        return {"available": False, "reason": f"{type(error).__name__}: {error}"}
    make_application()
    path = private_copy(source)
    made: list = []

    def make():  # type: ignore[no-untyped-def]
        controller = PlanController(path=path)
        page = PlanTab(controller)
        made.append((controller, page))
        return page

    debounce: list[int] = []

    def close_first() -> None:
        controller, page = made[0]
        # The tab filters once typing pauses; that pause is in filter_ms.
        timer = search_timer(page)
        if timer is not None:
            debounce.append(timer.interval())
        controller.close()  # its plan lock would make the second window read-only

    try:
        result = show_and_filter(make, largest_view_and_search, close_first, timeline_filled)
    except Exception as error:
        return {
            "available": False,
            "reason": f"{type(error).__name__}: {error}",
            "traceback": traceback.format_exc(limit=3),
        }
    if debounce:
        result["search_debounce_ms"] = debounce[0]
    for controller, _page in made:
        controller.close()
    QApplication.instance().processEvents()
    return {"available": True, **result}


def tree(source: Path) -> dict:
    from PySide6.QtCore import QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QLineEdit, QTreeView, QVBoxLayout, QWidget

    QApplication(sys.argv[:1])
    path = private_copy(source)

    def make() -> QWidget:
        raw = json.loads(path.read_bytes())
        model = QStandardItemModel()
        model.setHorizontalHeaderLabels(["Step", "Status", "Target date"])

        def add(parent: QStandardItem, milestones: list) -> None:  # type: ignore[type-arg]
            for m in milestones:
                row = [
                    QStandardItem(m["title"]),
                    QStandardItem(m.get("status", "")),
                    QStandardItem(m.get("target_date") or ""),
                ]
                parent.appendRow(row)
                if m.get("children"):
                    add(row[0], m["children"])

        add(model.invisibleRootItem(), raw["milestones"])
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setRecursiveFilteringEnabled(True)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        window = QWidget()
        layout = QVBoxLayout(window)
        search = QLineEdit()
        search.setPlaceholderText("Search")
        search.textChanged.connect(proxy.setFilterFixedString)
        view = QTreeView()
        view.setModel(proxy)
        layout.addWidget(search)
        layout.addWidget(view)
        window._parts = (view, search)  # type: ignore[attr-defined]
        window._keep = (model, proxy)  # type: ignore[attr-defined]
        return window

    return show_and_filter(make, lambda w: w._parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("part", choices=("build", "io", "tab", "tree"))
    parser.add_argument("steps", nargs="?", type=int, help="build: how many steps (10,000)")
    parser.add_argument("file", type=Path)
    parser.add_argument("--repeats", type=int, default=5, help="io: load/save pairs")
    args = parser.parse_args()
    if args.part == "build":
        steps = args.steps if args.steps is not None else TOP_LEVEL * (SUB_STEPS + 1)
        print(json.dumps({"count": build(args.file, steps)}))
        return 0
    if args.part == "tab":
        from PySide6.QtWidgets import QApplication

        QApplication(sys.argv[:1])
    result = {
        "io": lambda: io(args.file, args.repeats),
        "tab": lambda: tab(args.file),
        "tree": lambda: tree(args.file),
    }[args.part]()
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
