"""Command-line rows: ``--version``, ``projection``, ``plan list`` / ``plan add`` on big plans.

Every command runs through the installed ``ptplanner`` console script, stdout to /dev/null.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from harness import (
    HEAVY_MODULES,
    PYTHON,
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


def bench_version(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    rounds = alternate(
        args.runs,
        [
            wall_ms(ws, ptplanner_command("--version"), stdout=False),
            wall_ms(ws, [PYTHON, "-c", "import ptplanner"], stdout=False),
        ],
    )
    row = Row("ptplanner --version", "ms", max_ratio=2.0)
    for app_ms, base_ms in rounds:
        row.add(app_ms, base_ms)
    row.note = 'whole process; baseline = python -c "import ptplanner"'
    return [row]


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
            wall(script("pydantic_floor.py")),
            wall([PYTHON, "-c", "import pydantic"]),
            wall([PYTHON, "-c", "from pydantic import BaseModel"]),
        ],
    )
    floor = Row("projection --years 10 vs one pydantic model validated", "ms", max_ratio=1.6)
    cli = Row("projection --years 10 vs import pydantic", "ms")
    ctx = Row("projection --years 10 vs from pydantic import BaseModel", "ms")
    for cli_ms, floor_ms, pydantic_ms, basemodel_ms in rounds:
        floor.add(cli_ms, floor_ms)
        cli.add(cli_ms, pydantic_ms)
        ctx.add(cli_ms, basemodel_ms)
    floor.note = (
        "whole process, table to /dev/null; baseline = pydantic_floor.py (one model, one "
        "validation); the budget restated by issue 19 (was 1.5x import pydantic)"
    )
    heavy = imported_heavy_modules(ws.env())
    check = Row(
        "projection imports no Qt/numpy",
        "ms",
        shown="none" if not heavy else ",".join(heavy),
        status="PASS" if not heavy else "MISS",
        note="" if not heavy else "the CLI imported " + ", ".join(heavy),
    )
    return [floor, cli, ctx, check]


SIZES = (1_000, 10_000, 100_000)


def bench_plan_cli(ws: Workspace, args: argparse.Namespace) -> list[Row]:
    plans = {steps: plan_file(ws, steps) for steps in SIZES}
    big = plans[SIZES[-1]]
    rows: list[Row] = []
    rss: dict[tuple[str, int], list[float]] = {}

    def side(
        key: tuple[str, int], argv: Callable[[Path], list[str]], plan: Path
    ) -> Callable[[], float]:
        def run() -> float:
            env = env_with_plan(ws, plan)
            result = spawn(argv(Path(env["PTPLANNER_DATA_DIR"]) / "plan.json"), env, stdout=False)
            rss.setdefault(key, []).append(result.max_rss_mib)
            return result.seconds * 1000.0

        return run

    floor = lambda path: script("json_floor.py", str(path))  # noqa: E731
    for command in ("list", "add"):
        extra = ("x",) if command == "add" else ()
        app = lambda path, c=command, e=extra: ptplanner_command("plan", c, *e)  # noqa: E731
        rounds = alternate(
            args.runs, [side((command, 100_000), app, big), side(("json", 100_000), floor, big)]
        )
        row = Row(f"plan {command} on 100k steps", "ms", max_ratio=1.5)
        for app_ms, base_ms in rounds:
            row.add(app_ms, base_ms)
        row.note = "whole process; baseline = json_floor.py: json.load + json.dump of the file"
        rows.append(row)
    for steps in SIZES[:-1]:  # peak RSS at the smaller sizes: one run each is enough
        for command in ("list", "add"):
            extra = ("x",) if command == "add" else ()
            app = lambda path, c=command, e=extra: ptplanner_command("plan", c, *e)  # noqa: E731
            side((command, steps), app, plans[steps])()
        side(("json", steps), floor, plans[steps])()
    for command in ("list", "add", "json"):
        cells = [f"{min(rss[(command, steps)]):.0f}" for steps in SIZES]
        name = "json.load+dump" if command == "json" else f"plan {command}"
        rows.append(
            Row(
                f"peak RSS {name}, 1k/10k/100k",
                "MiB",
                shown=" / ".join(cells) + " MiB",
                status="-",
                note=""
                if command != "json"
                else f"sizes: {', '.join(f'{s:,}' for s in SIZES)} steps",
            )
        )
    return rows
