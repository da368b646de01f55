"""Start-up rows: the real ``ptplanner`` to the Overview's content, and the older first-paint rows.

``ptplanner`` is the installed console script (``.venv/bin/ptplanner``, what a user's launcher
runs; ``python -m ptplanner`` only where it is missing). A bench-only ``sitecustomize.py``
(``startup_hook/``) on the child's ``PYTHONPATH`` quits it at the first paint of a widget inside
the Overview tab; each profile holds a 100-step plan, so the welcome page (first launch only)
does not stand in front of the tabs.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from harness import (
    HOOK,
    Row,
    Workspace,
    alternate,
    env_with_plan,
    plan_file,
    ptplanner_command,
    script,
    spawn,
    wall_ms,
)


def bench(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    plan = plan_file(ws, 100)

    def overview() -> float:
        env = env_with_plan(ws, plan)
        env.update(PYTHONPATH=str(HOOK), PTPLANNER_BENCH_HOOK="overview")
        return spawn(ptplanner_command(), env).seconds * 1000.0

    def wall(argv: list[str]) -> Callable[[], float]:
        return wall_ms(ws, argv)

    rounds = alternate(
        args.runs,
        [
            overview,
            wall(script("bare_window.py")),
            wall(script("app_window.py")),
            wall(script("bare_window.py", "--pyqtgraph")),
            wall(script("app_window.py", "--loaded")),
            wall(script("bare_window.py", "--core")),
        ],
    )
    content = Row("start-up: ptplanner to the Overview's content", "ms", max_ratio=2.5)
    app = Row("start-up: app to first paint (shell)", "ms", max_ratio=2.0)
    pg = Row("start-up: bare window + import pyqtgraph", "ms")
    loaded = Row("start-up: app to first tab built, plan open", "ms")
    floor = Row("start-up: bare window + the Overview's data validated (floor)", "ms")
    over_floor = Row("start-up: ptplanner to the Overview's content vs that floor", "ms")
    for content_ms, bare_ms, app_ms, pg_ms, loaded_ms, floor_ms in rounds:
        content.add(content_ms, bare_ms)
        floor.add(floor_ms, bare_ms)
        over_floor.add(content_ms, floor_ms)
        app.add(app_ms, bare_ms)
        pg.add(pg_ms, bare_ms)
        loaded.add(loaded_ms, bare_ms)
    content.note = (
        "whole process through the ptplanner console script, quit at the first paint inside "
        "the OverviewTab (startup_hook/sitecustomize.py); baseline = bare_window.py"
    )
    app.note = "ui.app.start() directly, quit at the window's first paint (the empty shell)"
    loaded.note = "whole process to MainWindow.loaded (settings, Overview built, plan opened)"
    floor.note = (
        "bare_window.py --core: the Overview's data (content, O*NET) loaded and validated by "
        "the core before the bare window's first paint; what no first card can come before"
    )
    return [content, floor, over_floor, app, pg, loaded]
