"""Salary tab live update: time from an input change until the graph has repainted.

``--mode app`` builds ``ScenarioModel`` + ``SalaryTab``, shows it at 1280x800 and makes N input
changes through the tab's own widgets, cycling: experience years (the spin box), the CMAA
certification (its check box), the location (the combo box, as if an item was picked) and the
pay-scale growth (its spin box). ``--mode bare`` is the baseline "one frame of a plot": a bare
pyqtgraph ``PlotWidget`` at 1280x800 with one curve, ``setData`` of 11 new points per change.
After each change the event loop is spun until the plot's viewport has been painted again.

Prints one JSON line: per-change times in milliseconds and how many changes never repainted.

    python bench/salary_live.py --mode app --changes 500
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from PySide6.QtWidgets import QApplication, QWidget

from _paint import PaintWatch, wait_painted

AREA_HINTS = ("boston", "texas", "denver", "national")


def app_changes(app: QApplication) -> tuple[QWidget, QWidget, list]:
    from ptplanner.core.locations import find_area
    from ptplanner.core.settings import Settings
    from ptplanner.ui.app import make_application
    from ptplanner.ui.tabs.salary.scenario import ScenarioModel
    from ptplanner.ui.tabs.salary.tab import SalaryTab

    make_application()  # the app's style and icon (returns the existing instance)
    tab = SalaryTab(ScenarioModel(Settings()))
    panel = tab.inputs
    combo = panel.location_combo
    areas = [combo.findText(find_area(hint).name) for hint in AREA_HINTS]
    growths = (-0.5, 0.0, 0.5, 1.0, 1.5, 2.0)
    experience = panel.experience_spin
    cmaa = panel.cert_checks["cmaa"]
    growth_spin = panel.assumption_spins["market_growth_pct"]

    def change_experience(i: int) -> None:
        experience.setValue((experience.value() + 1) % 11)

    def toggle_cert(i: int) -> None:
        cmaa.setChecked(not cmaa.isChecked())

    def change_location(i: int) -> None:
        index = areas[(i // 4) % len(areas)]
        combo.setCurrentIndex(index)
        combo.activated.emit(index)  # what a pick from the list sends

    def change_growth(i: int) -> None:
        growth_spin.setValue(growths[(i // 4) % len(growths)])

    changes = [change_experience, toggle_cert, change_location, change_growth]
    return tab, tab.plot.viewport(), changes


def bare_changes(app: QApplication) -> tuple[QWidget, QWidget, list]:
    import pyqtgraph as pg

    plot = pg.PlotWidget()
    curve = plot.plot([float(x) for x in range(11)], [0.0] * 11)
    xs = [float(x) for x in range(11)]

    def change(i: int) -> None:
        curve.setData(xs, [float((i * 7 + x * x) % 97) for x in range(11)])

    return plot, plot.viewport(), [change]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("app", "bare"), required=True)
    parser.add_argument("--changes", type=int, default=500)
    args = parser.parse_args()

    app = QApplication(sys.argv[:1])
    build = app_changes if args.mode == "app" else bare_changes
    window, viewport, changes = build(app)
    window.resize(1280, 800)
    watch = PaintWatch(viewport)
    window.show()
    wait_painted(watch, 0, timeout=10.0)
    for _ in range(5):
        app.processEvents()

    samples: list[float] = []
    missed = 0
    for i in range(args.changes):
        before = watch.paints
        start = time.perf_counter()
        changes[i % len(changes)](i)
        if not wait_painted(watch, before, timeout=1.0):
            missed += 1
            continue
        samples.append((time.perf_counter() - start) * 1000.0)
    print(json.dumps({"mode": args.mode, "samples_ms": samples, "missed": missed}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
