"""Whole-window rows: ``ptplanner window --self-test`` on a 10,000-step plan, and peak memory.

The self-test builds and shows every tab and quits; its baseline is ``bare_tabs.py --plan`` of
the same plan file (four bare tabs, each shown once until painted). Time and peak RSS come from
the same pairs of processes.
"""

from __future__ import annotations

import argparse
from typing import Any

from harness import (
    Row,
    Workspace,
    alternate,
    child_json,
    env_with_plan,
    plan_file,
    ptplanner_command,
    script,
    spawn,
)


def bench_self_test(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    plan = plan_file(ws, 10_000)
    rss: dict[str, list[float]] = {"app": [], "bare": [], "floor": []}

    def side(name: str, argv: list[str]) -> Any:
        def run() -> float:
            result = spawn(argv, env_with_plan(ws, plan), stdout=False)
            rss[name].append(result.max_rss_mib)
            return result.seconds * 1000.0

        return run

    rounds = alternate(
        args.runs,
        [
            side("app", ptplanner_command("window", "--self-test")),
            side("bare", script("bare_tabs.py", "--plan", str(plan))),
            side("floor", script("bare_tabs.py", "--plan", str(plan), "--core")),
        ],
    )
    time_row = Row("window --self-test, 10k plan: time", "ms", max_ratio=1.4)
    mem_row = Row("window --self-test, 10k plan: peak RSS", "MiB", max_ratio=1.25)
    floor_row = Row("window --self-test, 10k plan: time vs the core's loads (floor)", "ms")
    floor_mem = Row("window --self-test, 10k plan: peak RSS vs the core's loads (floor)", "MiB")
    for i, (app_ms, bare_ms, floor_ms) in enumerate(rounds):
        time_row.add(app_ms, bare_ms)
        floor_row.add(app_ms, floor_ms)
        # alternate() ran one warm-up round first: skip its samples.
        mem_row.add(rss["app"][i + 1], rss["bare"][i + 1])
        floor_mem.add(rss["app"][i + 1], rss["floor"][i + 1])
    floor_row.note = (
        "baseline = bare_tabs.py --plan FILE --core: the same bare tabs after the core has "
        "loaded and validated the knowledge base and the 10k plan (what the tabs show)"
    )
    time_row.note = (
        "whole process through the ptplanner console script, the plan as the user's plan.json; "
        "baseline = bare_tabs.py --plan (labels, plain widget, PlotWidget, QTreeView over "
        "lean_tree.py), each tab shown once until painted"
    )
    return [time_row, mem_row, floor_row, floor_mem]


def bench_memory(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    tabs_seen: dict[str, Any] = {}

    # A returning user's profile: with no plan file the welcome page stands in front of the tabs.
    plan = plan_file(ws, 100)

    def app() -> float:
        result = spawn(script("app_window.py", "--all-tabs"), env_with_plan(ws, plan))
        tabs_seen.update(child_json(result)["tabs"])
        return result.max_rss_mib

    rounds = alternate(
        args.runs, [app, lambda: spawn(script("bare_window.py", "--plot"), ws.env()).max_rss_mib]
    )
    row = Row("peak RSS: app after showing all 4 tabs", "MiB", max_ratio=1.3)
    for app_mib, bare_mib in rounds:
        row.add(app_mib, bare_mib)
    shown = ", ".join(f"{name}={info['class']}" for name, info in tabs_seen.items())
    row.note = f"a 100-step plan; baseline = bare window + PlotWidget; tabs shown: {shown}"
    return [row]
