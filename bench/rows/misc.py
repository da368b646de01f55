"""Salary tab and PDF rows, kept from the first round of benchmarks."""

from __future__ import annotations

import argparse
import statistics
from collections.abc import Callable

from harness import (
    Row,
    Workspace,
    alternate,
    child_json,
    percentile,
    ptplanner_command,
    script,
    spawn,
    wall_ms,
)


def bench_salary(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    stats: dict[str, list[dict[str, float]]] = {"app": [], "bare": []}
    missed = 0

    def side(mode: str) -> Callable[[], float]:
        def run() -> float:
            nonlocal missed
            argv = script("salary_live.py", "--mode", mode, "--changes", str(args.changes))
            data = child_json(spawn(argv, ws.env()))
            samples = data["samples_ms"]
            missed += data["missed"] if mode == "app" else 0
            summary: dict[str, float] = {
                "p50": percentile(samples, 50),
                "p95": percentile(samples, 95),
                "max": max(samples),
            }
            stats[mode].append(summary)
            return summary["p95"]

        return run

    # No warm-up round: each run is a fresh process and makes hundreds of changes.
    app_side, bare_side = side("app"), side("bare")
    rounds = [(app_side(), bare_side()) for _ in range(args.runs)]
    p95 = Row("salary tab: change to repaint, p95", "ms", max_value=16.0)
    p50 = Row("salary tab: change to repaint, p50", "ms")
    worst = Row("salary tab: change to repaint, max", "ms")
    for i, (app_p95, bare_p95) in enumerate(rounds):
        p95.add(app_p95, bare_p95)
        p50.add(stats["app"][i]["p50"], stats["bare"][i]["p50"])
        worst.add(stats["app"][i]["max"], stats["bare"][i]["max"])
    p95.note = (
        f"{args.changes} changes per run (experience, CMAA, location, market growth); "
        "baseline = bare PlotWidget, one curve setData(11 points); both at 1280x800"
        + (f"; {missed} changes never repainted" if missed else "")
    )
    return [p95, p50, worst]


def bench_pdf(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    inproc = Row("pdf: write_pdf_headless, 30 years", "ms", max_value=1000.0)
    whole = Row("pdf: projection --years 30 --pdf (process)", "ms")
    pdf_file = ws.path("projection.pdf")

    def cli(*extra: str) -> Callable[[], float]:
        return wall_ms(ws, ptplanner_command("projection", "--years", "30", *extra), stdout=False)

    rounds = alternate(args.runs, [cli("--pdf", str(pdf_file)), cli()])
    for with_pdf, without in rounds:
        whole.add(with_pdf, without)
    pages = 0
    for _ in range(args.runs):
        data = child_json(spawn(script("pdf_bench.py", "--repeats", "3"), ws.env()))
        pages = data["pages"]
        inproc.add(statistics.median(data["samples_ms"]))
    inproc.note = f"in process after one warm-up, {pages} pages"
    whole.note = "baseline = the same command without --pdf"
    return [inproc, whole]
