"""What every row of the benchmarks shares: spawning children, pairing runs, rows and the table.

Every figure is measured in pairs, app then baseline, alternating A B A B ... in the same run so
that machine drift hits both sides; the table gives the median of each side and the median of
the per-pair ratios, with the budget and PASS/MISS. Whole-process figures are wall time from
spawn to exit (``time.perf_counter`` around ``subprocess``) and peak RSS from ``os.wait4``; the
in-process ones run in child scripts beside this file. Qt runs on the offscreen platform, and
every child gets private, fresh ``PTPLANNER_DATA_DIR`` / ``PTPLANNER_CONFIG_DIR`` folders.
"""

from __future__ import annotations

import argparse
import json
import math
import os
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
HOOK = BENCH / "startup_hook"  # sitecustomize.py: quits ptplanner at the Overview's first paint
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


# --- plan files ----------------------------------------------------------------------------------


def plan_file(ws: Workspace, steps: int) -> Path:
    """An N-step plan built with the core (``plan_bench.py build``), made once per run."""
    path = ws.path(f"plan-{steps}") / "plan.json"
    if not path.exists():
        spawn(script("plan_bench.py", "build", str(steps), str(path)), ws.env())
    return path


def env_with_plan(ws: Workspace, plan: Path) -> dict[str, str]:
    """A fresh profile whose data folder holds a copy of ``plan`` as the user's plan file."""
    env = ws.env()
    data = Path(env["PTPLANNER_DATA_DIR"])
    data.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(plan, data / "plan.json")
    return env


def plan_count(path: Path) -> int:
    """How many steps a plan file holds (read with json, no validation)."""

    def count(items: list[dict[str, Any]]) -> int:
        return sum(1 + count(item.get("children") or []) for item in items)

    with open(path, encoding="utf-8") as handle:
        return count(json.load(handle).get("milestones") or [])
