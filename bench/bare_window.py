"""Baseline for start-up and memory: a bare PySide6 window that quits at its first paint.

An empty ``QMainWindow`` holding a ``QTabWidget`` at 1280x800, shown, and quit at the first
``QEvent.Paint`` it receives (the same detector as ``app_window.py``, see ``_paint.py``).

    python bench/bare_window.py              # the bare window
    python bench/bare_window.py --pyqtgraph  # ... after ``import pyqtgraph``
    python bench/bare_window.py --plot       # ... with a pyqtgraph PlotWidget in a tab (memory)
    python bench/bare_window.py --core       # ... after the Overview's data is loaded and
                                             # validated by the core (the start-up floor)
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

from _paint import quit_at_first_paint


def main() -> int:
    with_pyqtgraph = "--pyqtgraph" in sys.argv or "--plot" in sys.argv
    if with_pyqtgraph:
        import pyqtgraph  # noqa: F401

    app = QApplication(sys.argv[:1])
    if "--core" in sys.argv:
        # What the Overview cannot draw a card without: pydantic, the knowledge base's models,
        # and its data validated (the content and O*NET tables), as the app's Overview tab reads.
        from ptplanner.core.content import overview
        from ptplanner.core.onet import onet

        overview()
        onet()
    window = QMainWindow()
    tabs = QTabWidget(window)
    if "--plot" in sys.argv:
        import pyqtgraph as pg

        plot = pg.PlotWidget()
        plot.plot([float(x) for x in range(11)], [float(x * x) for x in range(11)])
        tabs.addTab(plot, "Plot")
    else:
        tabs.addTab(QWidget(), "Tab")
    window.setCentralWidget(tabs)
    window.resize(1280, 800)
    _watch = quit_at_first_paint(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
