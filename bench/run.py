"""ptplanner benchmarks: each figure against a baseline run side by side, as a table of ratios.

Every figure is measured in pairs, app then baseline, alternating A B A B ... in the same run so
that machine drift hits both sides; the table gives the median of each side and the median of
the per-pair ratios, with the budget and PASS/MISS. Whole-process figures are wall time from
spawn to exit (``time.perf_counter`` around ``subprocess``) and peak RSS from ``os.wait4``; the
in-process ones run in child scripts beside this file. Qt runs on the offscreen platform, and
every child gets private, fresh ``PTPLANNER_DATA_DIR`` / ``PTPLANNER_CONFIG_DIR`` folders.

It is a report, not a test: it exits 0 whatever the figures are (1 only when a child script
crashed and a figure could not be measured). See bench/README.md.

    .venv/bin/python bench/run.py [--runs N] [--only NAME[,NAME]] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
PYTHON = sys.executable
# Modules the command line must never load for a plain projection.
HEAVY_MODULES = ("PySide6", "shiboken6", "numpy", "pyqtgraph")


# --- measuring -----------------------------------------------------------------------------------


@dataclass
class ProcResult:
    seconds: float
    max_rss_mib: float
    returncode: int
    stdout: str
    stderr: str


class ChildFailed(Exception):
    pass


class Workspace:
    """Temporary folders for the children; each run gets a fresh user profile."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="ptplanner-bench-"))
        self._count = 0

    def env(self) -> dict[str, str]:
        self._count += 1
        home = self.root / f"profile-{self._count}"
        env = dict(os.environ)
        # Bytecode caching on, as in a real install (pip compiles .pyc files), but into a private
        # folder so that nothing is written into the source tree. warm_up() fills it.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(self.root / "pycache")
        env.update(
            QT_QPA_PLATFORM="offscreen",
            PYQTGRAPH_QT_LIB="PySide6",
            PTPLANNER_DATA_DIR=str(home / "data"),
            PTPLANNER_CONFIG_DIR=str(home / "config"),
            XDG_DATA_HOME=str(home / "xdg-data"),
            XDG_CONFIG_HOME=str(home / "xdg-config"),
            XDG_CACHE_HOME=str(home / "xdg-cache"),
            TMPDIR=str(self.root),
        )
        return env

    def path(self, name: str) -> Path:
        return self.root / name

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


CHILD_TIMEOUT_S = 180.0


def spawn(argv: Sequence[str], env: dict[str, str], *, stdout: bool = True) -> ProcResult:
    """Run a child; wall time from spawn to exit and its peak RSS (``ru_maxrss`` via wait4).

    A child that runs longer than CHILD_TIMEOUT_S is killed and reported as failed.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        target = out if stdout else subprocess.DEVNULL
        start = time.perf_counter()
        child = subprocess.Popen(list(argv), env=env, stdout=target, stderr=err, cwd=ROOT)
        watchdog = threading.Timer(CHILD_TIMEOUT_S, child.kill)
        watchdog.start()
        try:
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            watchdog.cancel()
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        result = ProcResult(
            seconds,
            usage.ru_maxrss / 1024.0,  # KiB on Linux
            child.returncode,
            out.read().decode(errors="replace"),
            err.read().decode(errors="replace"),
        )
    if result.returncode != 0:
        tail = "\n".join(result.stderr.strip().splitlines()[-8:])
        raise ChildFailed(f"{' '.join(argv[1:3])} exited {result.returncode}:\n{tail}")
    return result


def child_json(result: ProcResult) -> dict[str, Any]:
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise ChildFailed(f"no JSON from the child; stderr: {result.stderr[-500:]}")
    data: dict[str, Any] = json.loads(lines[-1])
    return data


def script(name: str, *args: str) -> list[str]:
    return [PYTHON, str(BENCH / name), *args]


def ptplanner_command(*args: str) -> list[str]:
    entry = Path(PYTHON).parent / "ptplanner"
    if entry.exists():
        return [str(entry), *args]
    return [PYTHON, "-m", "ptplanner", *args]


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100.0 * len(ordered)))
    return ordered[rank - 1]


# --- results -------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    unit: str  # "ms" or "MiB"
    values: list[float] = field(default_factory=list)
    baselines: list[float] = field(default_factory=list)
    ratios: list[float] = field(default_factory=list)
    max_ratio: float | None = None  # budget on the median per-pair ratio
    max_value: float | None = None  # budget on the median value (strictly below)
    note: str = ""
    status: str | None = None  # forced status: "n/a", "ERROR", or a check's PASS/MISS
    shown: str | None = None  # forced text for the value column

    def add(self, value: float, baseline: float | None = None) -> None:
        self.values.append(value)
        if baseline is not None:
            self.baselines.append(baseline)
            self.ratios.append(value / baseline if baseline else math.inf)

    @property
    def median(self) -> float | None:
        return statistics.median(self.values) if self.values else None

    @property
    def baseline(self) -> float | None:
        return statistics.median(self.baselines) if self.baselines else None

    @property
    def ratio(self) -> float | None:
        return statistics.median(self.ratios) if self.ratios else None

    @property
    def budget(self) -> str:
        if self.max_ratio is not None:
            return f"<= {self.max_ratio:g}x"
        if self.max_value is not None:
            return f"< {self.max_value:g} {self.unit}"
        return "context"

    @property
    def result(self) -> str:
        if self.status is not None:
            return self.status
        if self.max_ratio is not None and self.ratio is not None:
            return "PASS" if self.ratio <= self.max_ratio else "MISS"
        if self.max_value is not None and self.median is not None:
            return "PASS" if self.median < self.max_value else "MISS"
        return "-"

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "unit": self.unit,
            "median": self.median,
            "baseline_median": self.baseline,
            "ratio_median": self.ratio,
            "budget": self.budget,
            "result": self.result,
            "values": self.values,
            "baselines": self.baselines,
            "ratios": self.ratios,
            "note": self.note,
        }


def fmt(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit == "MiB":
        return f"{value:.1f} MiB"
    if value >= 100:
        return f"{value:.0f} ms"
    if value >= 10:
        return f"{value:.1f} ms"
    return f"{value:.2f} ms"


def print_table(rows: Sequence[Row]) -> None:
    header = ("name", "median", "baseline median", "ratio", "budget", "result")
    cells = [
        (
            r.name,
            r.shown if r.shown is not None else fmt(r.median, r.unit),
            fmt(r.baseline, r.unit),
            "-" if r.ratio is None else f"{r.ratio:.2f}x",
            r.budget,
            r.result,
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(header)]
    right = {1, 2, 3}

    def line(parts: Sequence[str]) -> str:
        return " | ".join(
            p.rjust(w) if i in right else p.ljust(w)
            for i, (p, w) in enumerate(zip(parts, widths, strict=True))
        ).rstrip()

    print(line(header))
    print("-+-".join("-" * w for w in widths))
    for c in cells:
        print(line(c))
    notes = [(r.name, r.note) for r in rows if r.note]
    if notes:
        print()
        for name, note in notes:
            print(f"* {name}: {note}")


WARM_UP_IMPORTS = (
    "import json, pydantic, pyqtgraph, PySide6.QtTest, PySide6.QtWidgets, ptplanner.cli.main;"
    "from pydantic import BaseModel;"
    "import ptplanner.ui.app, ptplanner.ui.main_window, ptplanner.ui.report.dialogs;"
    "import ptplanner.ui.tabs.salary.tab, ptplanner.core.projection, ptplanner.core.storage.store;"
    "import importlib, contextlib\n"
    "for name in ('ptplanner.ui.tabs.overview.tab', 'ptplanner.ui.tabs.day.tab',"
    " 'ptplanner.ui.tabs.plan.controller', 'ptplanner.ui.tabs.plan.tab',"
    " 'ptplanner.cli.plan_parser'):\n"
    "    with contextlib.suppress(Exception): importlib.import_module(name)\n"
)


def warm_up(ws: Workspace) -> None:
    """Compile every module the children use into the private bytecode cache, once."""
    spawn([PYTHON, "-c", WARM_UP_IMPORTS], ws.env())
    helper = f"import sys; sys.path.insert(0, {str(BENCH)!r}); import _paint"
    spawn([PYTHON, "-c", helper], ws.env())


# --- the figures ---------------------------------------------------------------------------------

Bench = Callable[[Workspace, argparse.Namespace], list[Row]]


def alternate(runs: int, sides: Sequence[Callable[[], float]]) -> list[list[float]]:
    """Run each side once per round, in order (A B C A B C ...); one warm-up round first."""
    for side in sides:
        side()
    rounds = []
    for _ in range(runs):
        rounds.append([side() for side in sides])
    return rounds


def wall_ms(ws: Workspace, argv: list[str], *, stdout: bool = True) -> Callable[[], float]:
    """A side for alternate(): one fresh-profile run of ``argv``, its wall time in ms."""
    return lambda: spawn(argv, ws.env(), stdout=stdout).seconds * 1000.0


def bench_startup(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    def wall(argv: list[str]) -> Callable[[], float]:
        return wall_ms(ws, argv)

    rounds = alternate(
        args.runs,
        [
            wall(script("app_window.py")),
            wall(script("bare_window.py")),
            wall(script("bare_window.py", "--pyqtgraph")),
            wall(script("app_window.py", "--loaded")),
        ],
    )
    app = Row("start-up: app to first paint", "ms", max_ratio=2.0)
    pg = Row("start-up: bare window + import pyqtgraph", "ms")
    loaded = Row("start-up: app to first tab built, plan open", "ms")
    for app_ms, bare_ms, pg_ms, loaded_ms in rounds:
        app.add(app_ms, bare_ms)
        pg.add(pg_ms, bare_ms)
        loaded.add(loaded_ms, bare_ms)
    app.note = "whole process; baseline = bare QMainWindow + QTabWidget, same first-paint quit"
    loaded.note = (
        "whole process to MainWindow.loaded (settings, Overview tab built, plan opened), "
        "the second step after the first paint"
    )
    return [app, pg, loaded]


def imported_heavy_modules(env: dict[str, str]) -> list[str]:
    """Run the projection under -X importtime and list the Qt/numpy modules it imported."""
    argv = [PYTHON, "-X", "importtime", *ptplanner_command("projection", "--years", "10")]
    if argv[3] != "-m":  # the console script is a Python file; run it with our interpreter
        argv = [PYTHON, "-X", "importtime", ptplanner_command()[0], "projection", "--years", "10"]
    result = spawn(argv, env, stdout=False)
    found = set()
    for line in result.stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        module = line.rsplit("|", 1)[1].strip()
        if module.split(".")[0] in HEAVY_MODULES:
            found.add(module.split(".")[0])
    return sorted(found)


def bench_projection(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    def wall(argv: list[str]) -> Callable[[], float]:
        return wall_ms(ws, argv, stdout=False)

    rounds = alternate(
        args.runs,
        [
            wall(ptplanner_command("projection", "--years", "10")),
            wall([PYTHON, "-c", "import pydantic"]),
            wall([PYTHON, "-c", "from pydantic import BaseModel"]),
            wall(script("pydantic_floor.py")),
        ],
    )
    cli = Row("projection --years 10 vs import pydantic", "ms", max_ratio=1.5)
    ctx = Row("projection --years 10 vs from pydantic import BaseModel", "ms")
    floor = Row("projection --years 10 vs one pydantic model validated", "ms")
    for cli_ms, pydantic_ms, basemodel_ms, floor_ms in rounds:
        cli.add(cli_ms, pydantic_ms)
        ctx.add(cli_ms, basemodel_ms)
        floor.add(cli_ms, floor_ms)
    cli.note = "whole process, table to /dev/null"
    floor.note = (
        "baseline = pydantic_floor.py: the smallest program that validates with pydantic "
        "(one model, one validation), the least a validating CLI can cost"
    )
    heavy = imported_heavy_modules(ws.env())
    check = Row(
        "projection imports no Qt/numpy",
        "ms",
        shown="none" if not heavy else ",".join(heavy),
        status="PASS" if not heavy else "MISS",
        note="" if not heavy else "the CLI imported " + ", ".join(heavy),
    )
    return [cli, ctx, floor, check]


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
            summary = {
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


def bench_plan(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    plan_file = ws.path("plan-10k") / "plan.json"
    built = child_json(spawn(script("plan_bench.py", "build", str(plan_file)), ws.env()))
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
        if not tab.get("available"):
            problem = tab.get("reason", "not available")
            show.baselines.append(tree["first_display_ms"])
            filt.baselines.append(tree["filter_ms"])
            continue
        debounce = tab.get("search_debounce_ms", debounce)
        show.add(tab["first_display_ms"], tree["first_display_ms"])
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
        f"{built['count']:,} milestones (1,000 top-level steps x 9 sub-steps + a few core "
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
    for row in (show, filled, filt, again):
        if not row.values:
            row.status, row.shown = "n/a", "not available"
            row.note = f"Plan tab not available: {problem}"
    return [load, save, show, filled, again, filt]


def bench_memory(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    tabs_seen: dict[str, Any] = {}

    def app() -> float:
        result = spawn(script("app_window.py", "--all-tabs"), ws.env())
        tabs_seen.update(child_json(result)["tabs"])
        return result.max_rss_mib

    rounds = alternate(
        args.runs, [app, lambda: spawn(script("bare_window.py", "--plot"), ws.env()).max_rss_mib]
    )
    row = Row("peak RSS: app after showing all 4 tabs", "MiB", max_ratio=1.3)
    for app_mib, bare_mib in rounds:
        row.add(app_mib, bare_mib)
    shown = ", ".join(f"{name}={info['class']}" for name, info in tabs_seen.items())
    row.note = f"baseline = bare window + pyqtgraph PlotWidget; tabs shown: {shown}"
    return [row]


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


BENCHES: dict[str, Bench] = {
    "startup": bench_startup,
    "projection": bench_projection,
    "salary": bench_salary,
    "plan": bench_plan,
    "memory": bench_memory,
    "pdf": bench_pdf,
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
