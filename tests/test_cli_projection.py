"""``ptplanner projection`` as a user runs it: real processes, three formats, every error."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptplanner", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def test_table_shows_the_engines_numbers() -> None:
    result = run(
        "projection",
        "--location",
        "boston",
        "--experience",
        "2",
        "--cert",
        "cmaa",
        "--years",
        "5",
        "--start-year",
        "2026",
    )
    assert result.returncode == 0, result.stderr
    expected = project(
        ProjectionRequest(
            inputs=SalaryInputs(
                location="boston", years_experience=2, certifications=frozenset({"cmaa"})
            ),
            years=5,
            start_year=2026,
        )
    )
    out = result.stdout
    assert "Boston-Cambridge-Newton, MA-NH" in out
    assert f"typical ${expected.today.typical:,.0f}" in out
    # Today's dollars by default: each row's figure with inflation taken out, and said so.
    assert "Year by year. Pay in 2026 dollars" in out
    for row in expected.rows:
        assert f"${row.typical / row.deflator:,.0f}" in out
    assert f"${expected.rows[-1].typical:,.0f}" not in out  # the nominal figure is not shown
    lines = [line for line in out.splitlines() if line.startswith("20")]
    assert [line.split()[0] for line in lines] == [str(y) for y in range(2026, 2032)]
    # This year's headline is the first row, to the dollar.
    assert f"${expected.rows[0].typical:,.0f}" in lines[0]
    assert "BLS.gov cannot vouch" in out


def test_dollars_nominal_shows_the_amounts_paid() -> None:
    options = ("projection", "--years", "5", "--start-year", "2026")
    result = run(*options, "--dollars", "nominal")
    assert result.returncode == 0, result.stderr
    expected = project(ProjectionRequest(years=5, start_year=2026))
    out = result.stdout
    assert "Year by year. Pay in nominal dollars" in out
    assert "in nominal dollars" in out.splitlines()[1]
    lines = [line for line in out.splitlines() if line.startswith("20")]
    for line, row in zip(lines, expected.rows, strict=True):
        assert f"${row.typical:,.0f}" in line
    assert f"${expected.rows[-1].typical / expected.rows[-1].deflator:,.0f}" not in lines[-1]
    csv_rows = list(
        csv.DictReader(io.StringIO(run(*options, "--dollars", "nominal", "--format", "csv").stdout))
    )
    assert int(csv_rows[-1]["base_typical_nominal_dollars"]) == round(expected.rows[-1].typical)
    data = json.loads(run(*options, "--dollars", "nominal", "--format", "json").stdout)
    assert (data["dollars"], data["dollars_label"]) == ("nominal", "nominal dollars")
    last = data["rows"][-1]
    assert last["in_chosen_dollars"]["base_typical"] == last["base_typical"]


def test_csv_rows_equal_the_projection() -> None:
    result = run(
        "projection",
        "--format",
        "csv",
        "--years",
        "3",
        "--start-year",
        "2026",
        "--event",
        "2027:certification:cehrs",
    )
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    expected = project(
        ProjectionRequest(
            years=3,
            start_year=2026,
            events=(Event(year=2027, kind="certification", value="cehrs"),),
        )
    )
    assert [int(r["year"]) for r in rows] == [2026, 2027, 2028, 2029]
    for got, want in zip(rows, expected.rows, strict=True):
        # The columns of earlier releases keep their meaning: nominal, and inflation-adjusted.
        assert int(got["base_typical"]) == round(want.typical)
        assert int(got["total_compensation"]) == round(want.total_compensation)
        assert int(got["base_typical_inflation_adjusted"]) == round(want.typical_real)
        # Added after them: the role, cash pay, and the figures in the dollars asked for.
        assert got["role"].startswith("PT care coordinator, ")
        assert int(got["cash_pay"]) == round(want.cash_pay)
        assert int(got["base_typical_2026_dollars"]) == round(want.typical_real)
    assert list(rows[0])[:11] == [
        "year",
        "experience",
        "stage",
        "base_low",
        "base_typical",
        "base_high",
        "total_compensation",
        "base_typical_inflation_adjusted",
        "total_compensation_inflation_adjusted",
        "events",
        "sources",
    ]
    assert rows[1]["events"] == "Earn CEHRS"
    assert (rows[0]["role"], rows[-1]["role"]) == (
        "PT care coordinator, entry level",
        "PT care coordinator, mid-career",
    )


def test_json_is_complete_and_parses() -> None:
    result = run(
        "projection",
        "--format",
        "json",
        "--years",
        "2",
        "--location",
        "texas",
        "--market-growth",
        "0.5",
        "--inflation",
        "2",
        "--start-year",
        "2026",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["today"]["area"] == "Texas"
    assumptions = data["scenario"]["inputs"]["assumptions"]
    assert (assumptions["market_growth_pct"], assumptions["inflation_pct"]) == (0.5, 2)
    assert len(data["rows"]) == 3
    total = sum(item["amount"] for item in data["today"]["breakdown"])
    assert total == data["today"]["base_typical"] == data["rows"][0]["base_typical"]
    assert data["today"]["breakdown"][-1]["label"] == "Pay scale from May 2025 to 2026"
    # The keys people's scripts read are all still there.
    for key in (
        "year",
        "experience",
        "base_typical",
        "base_typical_inflation_adjusted",
        "total_compensation",
    ):
        assert key in data["rows"][0]
    today = data["today"]
    assert today["cash_pay"] + today["benefits"] == pytest.approx(
        today["total_compensation"], abs=1
    )
    assert "paid_time_off" not in today["compensation"]
    assert "inside base pay" in today["paid_leave"]
    assert data["dollars"] == "today"
    assert {a["label"] for a in data["assumptions"]} >= {"Pay scale growth beyond inflation"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--location", "atlantis"], 'unknown location "atlantis"'),
        (["--location", "bostn"], "did you mean"),
        (["--location", "york"], "several areas"),
        (["--experience", "-1"], "--experience: must be at least 0"),
        (["--raise", "500"], "--raise: must be between -3 and 10 percent a year (got 500)"),
        (["--market-growth", "11"], "--market-growth: must be between -3 and 10"),
        (["--market-growth", "-3.5"], "BLS pay history supports"),
        (["--inflation", "40"], "--inflation: must be between -2 and 15 percent a year"),
        (["--inflation", "-3"], "since 1960"),
        (["--raise", "10", "--inflation", "-2"], "--raise: 10% with -2% inflation is +12.24%"),
        (["--raise", "3", "--market-growth", "1"], "--raise: give --market-growth or --raise"),
        (["--pto", "10"], "--pto: removed: paid leave is already inside annual pay"),
        (["--pto"], "--pto: removed"),
        (["--promotion-raise", "10"], "--promotion-raise: removed: a promotion now moves you"),
        (["--role", "ceo"], "--role: unknown role 'ceo'; choose one of: receptionist"),
        (["--event", "2027:promotion:ceo"], "--event 2027:promotion:ceo: unknown role 'ceo'"),
        (["--event", "2027:role:ceo"], "--event 2027:role:ceo: unknown role 'ceo'"),
        (["--event", "2027:skill:juggling"], "--event 2027:skill:juggling: unknown skill"),
        (["--start-year", "2031"], "--start-year: must be 2030 or earlier: the BLS pay data"),
        (["--dollars", "euros"], "invalid choice"),
        (["--cert", "cna"], "--cert: unknown certification"),
        (["--years", "abc"], "invalid int value"),
        (["--years", "0"], "--years: must be at least 1"),
        (["--event", "soon:promotion"], "--event: expected YEAR:KIND"),
        (["--format", "xml"], "invalid choice"),
        (["--pdf", "/no/such/folder/out.pdf"], "no such folder"),
        (["--pdf", ""], "--pdf: needs a file name"),
        (["--pdf", "/dev/null"], "--pdf: /dev/null is not a regular file"),
        (
            ["--event", "2027:certification:foo"],
            "--event 2027:certification:foo: unknown certification 'foo'",
        ),
        (["--event", "2027:location:atlantis"], "--event 2027:location:atlantis: unknown location"),
        (["--event", "2027:teleport"], "--event 2027:teleport: unknown kind 'teleport'"),
        (["--event", "2020:certification:cmaa"], "--event 2020:certification:cmaa: comes before"),
        (["--start-year", "2000"], "--start-year: must be 2025 or later"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args: list[str], message: str) -> None:
    result = run("projection", *args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ptplanner: error:")
    assert message in lines[0]
    assert "Traceback" not in result.stderr


def test_help_has_examples() -> None:
    result = run("projection", "--help")
    assert result.returncode == 0
    assert "examples:" in result.stdout
    assert "--location boston" in result.stdout


def test_version() -> None:
    from ptplanner import __version__

    result = run("--version")
    assert result.stdout.strip() == f"ptplanner {__version__}"


def test_projection_never_imports_qt_numpy_or_the_plan() -> None:
    code = (
        "import sys, runpy\n"
        "sys.argv = ['ptplanner', 'projection', '--years', '10', '--location', 'boston']\n"
        "try:\n    runpy.run_module('ptplanner', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'pyqtgraph', 'numpy'} or m.startswith('ptplanner.ui')"
        # Nor the plan model, the storage or the PDF export: a projection reads no plan.
        " or m in {'ptplanner.core.plan.model', 'ptplanner.cli.plan_pdf'}"
        " or m.startswith('ptplanner.core.storage'))\n"
        "print('LOADED', bad, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert "LOADED []" in result.stderr, result.stderr


def test_list_locations() -> None:
    result = run("projection", "--list-locations")
    names = result.stdout.splitlines()
    assert names[0] == "National"
    assert "Texas" in names
    assert len(names) == 578


def test_works_with_no_display() -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)
    assert run("projection", "--years", "1", env=env).returncode == 0


def test_every_output_names_its_sources() -> None:
    from ptplanner.core.sources import source_catalog

    catalog = source_catalog()
    table = run("projection", "--years", "1", "--cert", "cmaa").stdout
    # Breakdown lines cite sources by name and date, never by internal id.
    assert "[BLS OEWS, May 2025]" in table
    assert "bls_oews_2025" not in table
    assert "ptplanner_method" not in table
    assert "Sources: BLS OEWS, May 2025; BLS OEWS national, May 2020-2025; BEA Regional" in table

    rows = list(csv.DictReader(io.StringIO(run("projection", "--format", "csv").stdout)))
    assert rows
    assert all("BLS OEWS, May 2025" in r["sources"] for r in rows)
    assert all("BLS.gov cannot vouch" in r["sources"] for r in rows)

    data = json.loads(run("projection", "--format", "json", "--cert", "cmaa").stdout)
    listed = {source["id"] for source in data["sources"]}
    assert {item["source"] for item in data["today"]["breakdown"]} <= listed
    for source in data["sources"]:
        assert source["reference_date"] == catalog.get(source["id"]).reference_date
    assert "BLS.gov cannot vouch" in data["bls_note"]


def test_a_borrowed_price_level_says_whose_it_is() -> None:
    from ptplanner.core.locations import find_area, price_level

    area = find_area("Capital/Northern New York")
    level = price_level(area)
    assert level is not None
    assert level.is_fallback
    table = run("projection", "--location", "Capital/Northern New York", "--years", "1").stdout
    assert f"BEA price level {level.rpp:.1f}, that of {level.from_name}" in table
    data = json.loads(
        run("projection", "--location", "Capital/Northern New York", "--format", "json").stdout
    )
    assert data["today"]["price_level_is_fallback"] is True
    assert data["today"]["price_level_from"] == level.from_name


def test_from_plan_uses_done_and_planned_credentials(tmp_path: Path) -> None:
    import datetime as dt

    plan_file = tmp_path / "plan.json"
    next_year = dt.date.today().year + 1
    for args in (
        ["add", "CEHRS", "--link", "certification:cehrs"],
        ["add", "CMAA", "--link", "certification:cmaa", "--target", f"{next_year}-03-15"],
    ):
        added = run("plan", "--plan-file", str(plan_file), *args)
        assert added.returncode == 0, added.stderr
    listed = run("plan", "--plan-file", str(plan_file), "export", "-").stdout
    cehrs_id = next(m["id"] for m in json.loads(listed)["milestones"] if m["title"] == "CEHRS")
    assert run("plan", "--plan-file", str(plan_file), "done", cehrs_id).returncode == 0

    def from_plan(*options: str) -> dict[str, Any]:
        result = run("projection", "--from-plan", "--plan-file", str(plan_file), *options)
        assert result.returncode == 0, result.stderr
        data: dict[str, Any] = json.loads(result.stdout)
        return data

    data = from_plan("--format", "json", "--years", "3")
    assert data["scenario"]["inputs"]["certifications"] == ["cehrs"]  # done: held today
    events = {row["year"]: row["events"] for row in data["rows"]}
    assert any("CMAA" in text for text in events[next_year]), events  # planned: an event
    without = json.loads(run("projection", "--format", "json", "--years", "3").stdout)
    assert data["rows"][-1]["base_typical"] > without["rows"][-1]["base_typical"]
    # Starting after the planned date: the credential has been earned by the first year.
    later = from_plan("--format", "json", "--years", "1", "--start-year", str(next_year + 2))
    assert any("CMAA" in text for text in later["rows"][0]["events"])


def test_from_plan_errors_are_one_line(tmp_path: Path) -> None:
    missing = run("projection", "--from-plan", "--plan-file", str(tmp_path / "none.json"))
    assert missing.returncode == 2
    assert (
        missing.stderr.strip()
        == f"ptplanner: error: --from-plan: no plan file at {tmp_path / 'none.json'}"
    )
    newer = tmp_path / "newer.json"
    newer.write_text('{"schema_version": 99, "title": "From the future", "milestones": []}')
    result = run("projection", "--from-plan", "--plan-file", str(newer))
    assert result.returncode == 2
    assert "saved by a newer ptplanner (plan format 99)" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
