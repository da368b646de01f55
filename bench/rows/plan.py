"""Plan rows: a 10,000-step plan's load, save, first display and filter; edits at 100,000 steps.

The Plan tab's first display is measured against ``lean_tree.py`` (the floor: a lazy model) and,
as context kept from the first round, a bare ``QStandardItemModel`` tree. ``edit_gaps.py`` makes
100 edits in a 100,000-step plan with the autosave on and gives the UI thread's longest stall.
"""

from __future__ import annotations

import argparse

import harness
from harness import Row, Workspace, child_json, script, spawn


def bench_plan_tab(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    plan_file = harness.plan_file(ws, 10_000)
    count = harness.plan_count(plan_file)
    lean = Row("plan 10k: Plan tab first display vs lean tree", "ms", max_ratio=1.0)
    load = Row("plan 10k: PlanStore.load()", "ms", max_value=300.0)
    save = Row("plan 10k: PlanStore.save()", "ms", max_value=300.0)
    show = Row("plan 10k: Plan tab first display", "ms", max_value=300.0)
    filt = Row("plan 10k: Plan tab search filter", "ms", max_value=300.0)
    again = Row("plan 10k: Plan tab first display, warm process", "ms")
    filled = Row("plan 10k: Plan tab filled (timeline markers too)", "ms")
    problem = ""
    debounce = None
    size = 0
    for _ in range(args.runs):
        argv = script("plan_bench.py", "io", str(plan_file), "--repeats", "3")
        io = child_json(spawn(argv, ws.env()))
        size = io["bytes"]
        for value, base in io["pairs"]["load"]:
            load.add(value, base)
        for value, base in io["pairs"]["save"]:
            save.add(value, base)
        tab = child_json(spawn(script("plan_bench.py", "tab", str(plan_file)), ws.env()))
        tree = child_json(spawn(script("plan_bench.py", "tree", str(plan_file)), ws.env()))
        floor = child_json(spawn(script("lean_tree.py", str(plan_file)), ws.env()))
        if not tab.get("available"):
            problem = tab.get("reason", "not available")
            show.baselines.append(tree["first_display_ms"])
            lean.baselines.append(floor["first_display_ms"])
            filt.baselines.append(tree["filter_ms"])
            continue
        debounce = tab.get("search_debounce_ms", debounce)
        show.add(tab["first_display_ms"], tree["first_display_ms"])
        lean.add(tab["first_display_ms"], floor["first_display_ms"])
        if tab.get("filled_ms") is not None:
            filled.add(tab["filled_ms"], tree["first_display_ms"])
        if tab.get("again_display_ms") is not None and tree.get("again_display_ms") is not None:
            again.add(tab["again_display_ms"], tree["again_display_ms"])
        if tab.get("filter_ms") is not None:
            filt.add(tab["filter_ms"], tree["filter_ms"])
        else:
            filt.baselines.append(tree["filter_ms"])
            problem = tab.get("filter_note", "typing in the search box changed no rows")
    load.note = (
        f"{count:,} milestones (1,000 top-level steps x 9 sub-steps + a few core "
        f"edits), {size / 1e6:.1f} MB; baselines json.loads / json.dumps(indent=1) of the file"
    )
    show.note = (
        "PlanController(path=...) + PlanTab + show() to the tree's first paint; baseline = "
        "json.loads + a bare QTreeView/QStandardItemModel of the same 10,000 steps"
    )
    filled.note = (
        "the same display until the timeline has painted its markers too, which a plan of "
        "2,000 steps or more places just after the tree's first paint; baseline as above"
    )
    again.note = (
        "the same again in the same process, after the first window is closed: Qt's and the "
        "program's first-use costs already paid, as in the running app"
    )
    filt.note = (
        "typing 'renew' (keeps 100 of 1,000 top-level rows) to the repaint; baseline = "
        "recursive QSortFilterProxyModel on the bare tree"
        + (f"; includes the tab's {debounce} ms typing pause (debounce)" if debounce else "")
    )
    lean.note = (
        "the same display; baseline = lean_tree.py: json.load + a lazy QAbstractItemModel "
        "(title, status, target date) in a bare QTreeView, to its first paint"
    )
    for row in (lean, show, filled, filt, again):
        if not row.values:
            row.status, row.shown = "n/a", "not available"
            row.note = f"Plan tab not available: {problem}"
    return [load, save, lean, show, filled, again, filt]


def bench_edits(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    plan_file = harness.plan_file(ws, 100_000)
    worst = Row("plan 100k: longest UI-thread gap in 100 edits", "ms", max_value=50.0)
    p99 = Row("plan 100k: p99 UI-thread gap in 100 edits", "ms")
    saves = []
    over = []
    for _ in range(max(1, min(args.runs, 3))):  # each run takes about half a minute
        data = child_json(spawn(script("edit_gaps.py", str(plan_file)), ws.env()))
        worst.add(data["max_gap_ms"])
        p99.add(data["p99_gap_ms"])
        saves.append(data["saves"])
        over.append(data["gaps_over_50_ms"])
    worst.note = (
        f"edit_gaps.py: PlanTab + PlanController, 10 bursts of 10 edits (add, rename, status, "
        f"move down) with the autosave on; saves per run {saves}, gaps over 50 ms {over}; "
        f"median of {len(saves)} runs"
    )
    p99.note = "0.5 ms means shorter than that (most gaps are microseconds)"
    # The same edits in a plan a tenth the size (1,000 top-level steps): context for where the
    # 100k figure's time goes (the tree lays out its top-level rows again after an add or move).
    small = Row("plan 10k: longest UI-thread gap in 100 edits", "ms")
    small_file = harness.plan_file(ws, 10_000)
    data = child_json(spawn(script("edit_gaps.py", str(small_file)), ws.env()))
    small.add(data["max_gap_ms"])
    small.note = f"context: one run of the same edits; gaps over 50 ms: {data['gaps_over_50_ms']}"
    relayout = Row("plan 100k: tree relayout of 10,000 top-level rows vs lean model", "ms")
    for _ in range(max(1, min(args.runs, 3))):
        ours = child_json(spawn(script("relayout.py", str(plan_file), "--model", "app"), ws.env()))
        bare = child_json(spawn(script("relayout.py", str(plan_file), "--model", "lean"), ws.env()))
        relayout.add(ours["relayout_ms"], bare["relayout_ms"])
    relayout.note = (
        "relayout.py: the QTreeView's relayout alone (what Qt does after any add or move at "
        "the top level), the Plan tab's model vs lean_tree.py's; the floor under an add or move"
    )
    return [worst, p99, small, relayout]
