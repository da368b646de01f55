"""Baseline for ``ptplanner window --self-test``: a bare four-tab PySide6 + pyqtgraph window.

A ``QMainWindow`` at 1280x800 holding a ``QTabWidget`` of four tabs, one per tab of the app:
a scroll area of labels (the Overview), a plain widget (A day in the life), a pyqtgraph
``PlotWidget`` with one 11-point curve (Salary) and a ``QTreeView`` over ``lean_tree.py``'s
``LeanTreeModel`` of a plan file (Plan). It shows each tab once until painted, then quits, as the
self-test builds and shows every tab. Whole-process time and peak RSS are measured by ``run.py``.

    python bench/bare_tabs.py                # the plan tree empty
    python bench/bare_tabs.py --plan FILE    # the plan tree over FILE (the app's plan.json)
    python bench/bare_tabs.py --plan FILE --core   # ... after the core has loaded and validated
                                                   # what the tabs show (the self-test's floor)
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QScrollArea,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from _paint import PaintWatch, wait_painted
from lean_tree import LeanTreeModel, load_model

LABELS = 40  # about as many text blocks as the Overview shows


def overview() -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    for number in range(LABELS):
        label = QLabel(f"Paragraph {number + 1}: a few words of text, wrapped to the width.")
        label.setWordWrap(True)
        layout.addWidget(label)
    area.setWidget(inner)
    return area


def plot() -> pg.PlotWidget:
    widget = pg.PlotWidget()
    widget.plot([float(x) for x in range(11)], [float(x * x) for x in range(11)])
    return widget


def plan_tree(path: Path | None) -> QTreeView:
    view = QTreeView()
    model = load_model(path) if path is not None else LeanTreeModel([])
    view.setModel(model)
    view._keep = model  # type: ignore[attr-defined]  # the view does not own its model
    return view


class _PagePaintWatch(PaintWatch):
    """Counts paints of a page or anything inside it.

    A scroll area, a plot and a tree paint in their viewports or children, not in themselves.
    """

    def __init__(self, app: QApplication, page: QWidget) -> None:
        self._page = page
        super().__init__(app)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        inside = isinstance(watched, QWidget) and (
            watched is self._page or self._page.isAncestorOf(watched)
        )
        if inside and event.type() == QEvent.Type.Paint:
            return super().eventFilter(watched, event)
        return False


def show_every_tab(app: QApplication, tabs: QTabWidget) -> None:
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        assert page is not None
        watch = _PagePaintWatch(app, page)
        page.update()
        if not wait_painted(watch, 0, timeout=10.0):
            print(f"tab {index} was never painted", file=sys.stderr)
            app.exit(1)
            return
    app.quit()


def core_loads(plan: Path | None) -> None:
    """What the app's tabs cannot show without, done by the core and kept: the knowledge base
    (Overview, A day in the life, O*NET) and the plan file, parsed and validated."""
    from ptplanner.core.content import overview
    from ptplanner.core.day import day_timeline
    from ptplanner.core.onet import onet
    from ptplanner.core.storage.codec import parse_plan

    overview()
    onet()
    day_timeline()
    if plan is not None:
        _kept.append(parse_plan(plan.read_bytes()))


_kept: list[object] = []


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, help="the plan file shown in the fourth tab")
    parser.add_argument("--core", action="store_true", help="validate the tabs' data first")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    if args.core:
        core_loads(args.plan)
    window = QMainWindow()
    tabs = QTabWidget(window)
    tabs.addTab(overview(), "Overview")
    tabs.addTab(QWidget(), "A day in the life")
    tabs.addTab(plot(), "Salary")
    tabs.addTab(plan_tree(args.plan), "Plan")
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    _watch = PaintWatch(window, lambda: show_every_tab(app, tabs))
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
