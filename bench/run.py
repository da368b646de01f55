"""ptplanner benchmarks: each figure against a baseline run side by side, as a table of ratios.

How figures are made is in ``harness.py``; the rows live in ``rows/`` (one module per group).
It is a report, not a test: it exits 0 whatever the figures are (1 only when a child script
crashed and a figure could not be measured). See bench/README.md.

    .venv/bin/python bench/run.py [--runs N] [--only NAME[,NAME]] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from harness import Bench, ChildFailed, Row, Workspace, print_table, warm_up
from rows import cli, misc, plan, startup, window

BENCHES: dict[str, Bench] = {
    "startup": startup.bench,
    "selftest": window.bench_self_test,
    "version": cli.bench_version,
    "projection": cli.bench_projection,
    "plancli": cli.bench_plan_cli,
    "salary": misc.bench_salary,
    "plan": plan.bench_plan_tab,
    "edits": plan.bench_edits,
    "memory": window.bench_memory,
    "pdf": misc.bench_pdf,
}


# --- main ----------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="ptplanner benchmarks: ratios against side-by-side baselines."
    )
    parser.add_argument("--runs", type=int, default=7, help="A/B pairs per figure (default 7)")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="NAME",
        help=f"run only these figures (comma-separated or repeated): {', '.join(BENCHES)}",
    )
    parser.add_argument("--changes", type=int, default=500, help="salary tab changes per run")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also save the results as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    wanted = [name.strip() for item in args.only for name in item.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in BENCHES]
    if unknown:
        parser.error(f"unknown figure {', '.join(unknown)} (choose from {', '.join(BENCHES)})")
    selected = [name for name in BENCHES if not wanted or name in wanted]

    print(
        f"ptplanner bench: {args.runs} runs, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, QT_QPA_PLATFORM=offscreen",
        flush=True,
    )
    ws = Workspace()
    rows: list[Row] = []
    failed = False
    started = time.perf_counter()
    try:
        warm_up(ws)
        for name in selected:
            t0 = time.perf_counter()
            try:
                rows.extend(BENCHES[name](ws, args))
            except ChildFailed as error:
                failed = True
                rows.append(Row(name, "ms", status="ERROR", shown="failed", note=str(error)))
            print(f"  {name}: {time.perf_counter() - t0:.1f} s", file=sys.stderr, flush=True)
    finally:
        ws.close()
    print()
    print_table(rows)
    print(f"\n(total {time.perf_counter() - started:.0f} s)")
    if args.json:
        payload = {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "runs": args.runs,
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "rows": [row.as_dict() for row in rows],
        }
        args.json.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
