"""What ``--years N`` means, said the same everywhere: this year and the N years after it.

A projection of N years runs from this year to N years on, so the table has N + 1 rows; the help,
the facts line and the table's caption say so, and the window's "Project over" box means the same.
"""

from __future__ import annotations

import csv
import io
import subprocess
import sys

from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.report.build import ReportInput, build_report


def run(*args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", "projection", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_help_says_what_years_counts() -> None:
    help_text = " ".join(run("--help").split())
    assert "this year and the next N (N + 1 rows)" in help_text


def test_fifteen_years_is_this_year_and_the_next_fifteen() -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("--years", "15", "--start-year", "2026", "--format", "csv")))
    )
    assert [int(row["year"]) for row in rows] == list(range(2026, 2042))
    table = run("--years", "15", "--start-year", "2026")
    assert "Projection: 2026–2041 (2026 and the next 15 years)" in table
    assert "16 rows: 2026 and the 15 years after it." in table


def test_the_report_facts_and_caption_agree_with_the_rows() -> None:
    request = ProjectionRequest(years=3, start_year=2030)
    report = build_report(ReportInput(projection=project(request)))
    facts = {fact.label: fact.value for fact in report.facts}
    assert facts["Projection"] == "2030–2033 (2030 and the next 3 years)"
    assert len(report.year_table.rows) == 4
    assert report.year_table.caption.endswith(" 4 rows: 2030 and the 3 years after it.")
