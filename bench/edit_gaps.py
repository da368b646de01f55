"""Does the Plan tab keep the UI thread free while a big plan is edited and autosaved?

Opens ``PlanTab(PlanController(path=...))`` at 1280x800 on a private copy of FILE (a plan of
100,000 steps in ``run.py``), waits until it has painted and gone quiet, then makes 100 edits
the way the tab's buttons do: select a step, then one of the controller's operations (add a step
after it, rename it, set its status, move it down), in bursts of 10 edits 40 ms apart with a
pause longer than the autosave delay after each burst, so that the autosave writes after every
burst while the next edits come in. A 0-ms ``QTimer`` heartbeat runs on every turn of the event
loop; the gaps between its beats are the times the UI thread was busy (an edit, a repaint, the
save's work on this thread). Recording ends once the last save has finished.

    python bench/edit_gaps.py FILE [--bursts 10] [--per-burst 10]

Prints one JSON line: ``max_gap_ms``, ``p99_gap_ms`` (0.5 when it is shorter than that), the
number of gaps over 50 ms, of edits, saves and beats.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from PySide6.QtCore import QCoreApplication, QTimer

from _paint import PaintWatch, wait_painted
from plan_bench import private_copy

EDIT_SPACING_MS = 40
SETTLE_S = 0.5  # quiet time after the first paint before recording starts
SHORT_MS = 0.5  # gaps below this are only counted: a run has millions of them
STATUSES = ("in_progress", "done", "not_started", "skipped")


def spin(seconds: float) -> None:
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents()


class Heartbeat:
    """Times the gaps between turns of the event loop with a 0-ms timer."""

    def __init__(self) -> None:
        self.gaps: list[float] = []  # those of SHORT_MS or more
        self.beats = 0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._beat)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _beat(self) -> None:
        now = time.perf_counter()
        gap = (now - self._last) * 1000.0
        self.beats += 1
        if gap >= SHORT_MS:
            self.gaps.append(gap)
        self._last = now


def edit(tab: Any, controller: Any, number: int, targets: list[str]) -> None:
    """One edit as the tab's buttons make it: select a step, then change it."""
    step = targets[number % len(targets)]
    tab.select_milestone(step)
    kind = number % 4
    if kind == 0:
        controller.add_step(tab.current_id(), title=f"Added step {number}")
    elif kind == 1:
        controller.update_milestone(tab.current_id(), title=f"Renamed step {number}")
    elif kind == 2:
        controller.set_status(tab.current_id(), STATUSES[number % len(STATUSES)])
    else:
        controller.move_down(tab.current_id())


def run(source: Path, bursts: int, per_burst: int) -> dict[str, Any]:
    from ptplanner.ui.app import make_application
    from ptplanner.ui.tabs.plan.autosave import AUTOSAVE_DELAY_MS
    from ptplanner.ui.tabs.plan.controller import PlanController
    from ptplanner.ui.tabs.plan.tab import PlanTab

    app = make_application()
    path = private_copy(source)
    controller = PlanController(path=path)
    tab = PlanTab(controller)
    tab.resize(1280, 800)
    watch = PaintWatch(tab.tree.viewport())
    tab.show()
    if not wait_painted(watch, 0, timeout=120.0):
        raise RuntimeError("the Plan tab was never painted")
    # The window asks for the plan's pay effects as it opens the plan (the Salary tab shows
    # them), so an edit only brings them up to date: this does the same before recording.
    controller.salary_effects()
    spin(SETTLE_S)
    top = controller.plan.milestones
    # Steps spread over the whole plan, so edits touch its start, middle and end.
    targets = [top[i].id for i in range(0, len(top), max(1, len(top) // 50))]
    saves = 0

    def count_save(*_: Any) -> None:
        nonlocal saves
        saves += 1

    controller.autosave.saved.connect(count_save)
    heartbeat = Heartbeat()
    heartbeat.start()
    done = [0]

    def next_edit() -> None:
        edit(tab, controller, done[0], targets)
        done[0] += 1
        if done[0] >= bursts * per_burst:
            return
        pause = EDIT_SPACING_MS if done[0] % per_burst else AUTOSAVE_DELAY_MS + 300
        QTimer.singleShot(pause, next_edit)

    QTimer.singleShot(EDIT_SPACING_MS, next_edit)

    def check_done() -> None:
        finished = done[0] >= bursts * per_burst
        if finished and not controller.autosave.busy and not controller.has_unsaved_changes:
            app.quit()

    checker = QTimer()
    checker.timeout.connect(check_done)
    checker.start(50)
    QTimer.singleShot(600_000, lambda: app.exit(1))
    status = app.exec()
    heartbeat.stop()
    checker.stop()
    if status != 0:
        raise RuntimeError("the edits and saves did not finish in 10 minutes")
    controller.close()
    gaps = sorted(heartbeat.gaps)
    # The p99 rank counted from the top; below the kept gaps it is "under SHORT_MS".
    from_top = heartbeat.beats - math.ceil(0.99 * heartbeat.beats)
    p99 = gaps[-1 - from_top] if from_top < len(gaps) else SHORT_MS
    return {
        "max_gap_ms": gaps[-1] if gaps else math.nan,
        "p99_gap_ms": p99,
        "edits": done[0],
        "saves": saves,
        "beats": heartbeat.beats,
        "gaps_over_50_ms": sum(1 for gap in gaps if gap > 50.0),
        "steps": controller.plan.count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--bursts", type=int, default=10)
    parser.add_argument("--per-burst", type=int, default=10)
    args = parser.parse_args()
    print(json.dumps(run(args.file, args.bursts, args.per_burst)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
