"""``ptplanner projection`` shows hourly pay beside the annual headline figures (annual / 2,080,
BLS's convention), in the table, the JSON and the CSV."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys

from ptplanner.core.compare import HOURS_PER_YEAR
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs

ARGS = ("--location", "boston", "--experience", "2", "--start-year", "2026", "--years", "2")


def run(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", "projection", *ARGS, *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def hourly(annual: float) -> str:
    return f"${annual / HOURS_PER_YEAR:,.2f}"


def first_year() -> tuple[float, float, float, float, float | None]:
    request = ProjectionRequest(
        inputs=SalaryInputs(location="boston", years_experience=2), years=2, start_year=2026
    )
    today = project(request).today
    return (
        today.typical,
        today.low,
        today.high,
        today.compensation.total,
        today.cost_of_living_adjusted,
    )


def test_the_table_gives_each_headline_an_hour() -> None:
    typical, low, high, total, adjusted = first_year()
    table = run()
    line = next(line for line in table.splitlines() if line.startswith("This year ("))
    assert f"typical ${typical:,.0f} ({hourly(typical)} an hour)" in line
    assert f"range ${low:,.0f} – ${high:,.0f} ({hourly(low)} – {hourly(high)} an hour)" in line
    assert f"total compensation ${total:,.0f} ({hourly(total)} an hour)" in line
    assert adjusted is not None
    assert re.search(
        rf"In national-average prices .*\({re.escape(hourly(adjusted))} an hour\)", table
    )


def test_json_and_csv_carry_the_hourly_figures() -> None:
    typical, low, high, total, _ = first_year()
    data = json.loads(run("--format", "json"))
    assert data["today"]["hourly"] == {
        "hours_per_year": 2080,
        "base_low": round(low / 2080, 2),
        "base_typical": round(typical / 2080, 2),
        "base_high": round(high / 2080, 2),
        "total_compensation": round(total / 2080, 2),
        "cost_of_living_adjusted": data["today"]["hourly"]["cost_of_living_adjusted"],
    }
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv"))))
    first = rows[0]
    assert float(first["hourly_typical_2026_dollars"]) == round(typical / 2080, 2)
    assert float(first["hourly_low_2026_dollars"]) == round(low / 2080, 2)
    assert float(first["hourly_high_2026_dollars"]) == round(high / 2080, 2)
