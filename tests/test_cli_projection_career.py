"""``ptplanner projection`` on the career model: roles, promotions into real rungs, the old
``--raise`` converted, and ``--from-plan`` starting from the profile the window saved."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest

from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs, default_assumptions
from ptplanner.core.salary.ladder import ladder, rung_pay
from ptplanner.core.settings import Settings, save_settings


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptplanner", *args],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def projection_json(*args: str) -> dict[str, Any]:
    result = run("projection", "--format", "json", *args)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_list_roles_names_each_rung_its_bls_pay_and_prerequisites() -> None:
    result = run("projection", "--list-roles")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for job in ladder():
        _, p25, median, p75, _ = rung_pay(job.id, "National", "private_clinic").percentiles
        assert f"{job.id}" in out
        assert f"BLS {job.soc_code}" in out
        assert (
            f"25th percentile ${p25:,.0f}, median ${median:,.0f}, 75th percentile ${p75:,.0f}"
            in out
        )
    # BLS OEWS May 2025, PT offices (NAICS 621340), national medians.
    for figure in ("$41,420", "$56,690", "$100,290"):
        assert figure in out
    assert "Medical and Health Services Managers" in out
    assert out.count("Usual prerequisites (shown, not enforced)") == len(ladder())
    assert "BLS.gov cannot vouch" in out

    data = json.loads(run("projection", "--list-roles", "--format", "json").stdout)
    roles = {r["id"]: r for r in data["roles"]}
    assert list(roles) == [job.id for job in ladder()]
    top = roles["practice_administrator"]
    assert top["bls_occupation"] == {
        "code": "11-9111",
        "title": "Medical and Health Services Managers",
    }
    assert top["bls_pay_pt_offices"]["median"] == 100_290
    assert top["prerequisites_enforced"] is False


def test_role_sets_the_job_now() -> None:
    data = projection_json("--role", "office_manager", "--years", "2", "--start-year", "2026")
    expected = project(
        ProjectionRequest(inputs=SalaryInputs(role="office_manager"), years=2, start_year=2026)
    )
    assert data["today"]["role_title"] == "Office manager"
    assert data["today"]["base_typical"] == round(expected.today.typical)
    assert [r["role"] for r in data["rows"]] == ["office_manager"] * 3


@pytest.mark.parametrize(
    ("event", "rung"),
    [
        ("2028:promotion", "senior_coordinator"),  # bare: the next rung
        ("2028:promotion:office_manager", "office_manager"),
        ("2028:role:practice_administrator", "practice_administrator"),
    ],
)
def test_a_promotion_moves_into_a_real_rung(event: str, rung: str) -> None:
    data = projection_json("--event", event, "--years", "4", "--start-year", "2026")
    roles = {row["year"]: row["role"] for row in data["rows"]}
    assert roles[2027] == "care_coordinator"
    assert roles[2028] == roles[2030] == rung
    request = ProjectionRequest(
        years=4, start_year=2026, events=(Event.model_validate(_event(event)),)
    )
    expected = project(request)
    for got, want in zip(data["rows"], expected.rows, strict=True):
        assert got["base_typical"] == round(want.typical)
    changed = next(row for row in data["rows"] if row["year"] == 2028)
    assert changed["years_in_role"] == 0
    assert changed["events"][0].startswith(("Promotion to", "Start as"))


def _event(text: str) -> dict[str, object]:
    year, kind, *value = text.split(":")
    return {"year": int(year), "kind": kind, "value": value[0] if value else ""}


def test_a_skill_event_counts_from_its_year() -> None:
    data = projection_json("--event", "2027:skill:emr", "--years", "2", "--start-year", "2026")
    assert data["rows"][1]["events"] == ["Learn EMR/EHR proficiency"]
    without = projection_json("--years", "2", "--start-year", "2026")
    assert data["rows"][0]["base_typical"] == without["rows"][0]["base_typical"]
    assert data["rows"][1]["base_typical"] > without["rows"][1]["base_typical"]


def test_the_old_raise_option_becomes_market_growth() -> None:
    data = projection_json("--raise", "4", "--inflation", "3", "--years", "1")
    growth = data["scenario"]["inputs"]["assumptions"]["market_growth_pct"]
    assert growth == pytest.approx((1.04 / 1.03 - 1) * 100)
    # Without --inflation, the raise is measured against the default inflation.
    default = default_assumptions().inflation_pct
    plain = projection_json("--raise", "4", "--years", "1")
    got = plain["scenario"]["inputs"]["assumptions"]["market_growth_pct"]
    assert got == pytest.approx((1.04 / (1 + default / 100) - 1) * 100)


def test_help_says_where_the_profile_comes_from() -> None:
    out = run("projection", "--help").stdout
    assert "without --from-plan, from these options and the defaults only" in out
    assert "--list-roles" in out
    assert "--dollars {today,nominal}" in out
    assert "--market-growth" in out
    assert "--pto" not in out  # refused, so not offered


def test_from_plan_starts_from_the_saved_profile_and_options_override_it(tmp_path: Any) -> None:
    saved = SalaryInputs(
        location="Texas", years_experience=3, certifications=frozenset({"cehrs"})
    ).model_dump(mode="json")
    # A profile saved by an earlier release still carries the first model's assumptions.
    saved["assumptions"] = {**saved["assumptions"], "raise_pct": 3.4, "pto_value_pct": 10.0}
    save_settings(Settings(salary_inputs=saved, projection_years=4, dollars="nominal"))
    plan_file = tmp_path / "plan.json"
    assert run("plan", "--plan-file", str(plan_file), "init").returncode == 0

    data = projection_json("--from-plan", "--plan-file", str(plan_file))
    inputs = data["scenario"]["inputs"]
    assert inputs["location"] == "Texas"
    assert inputs["years_experience"] == 3
    assert "cehrs" in inputs["certifications"]
    assert len(data["rows"]) == 5  # the window's 4 years
    assert data["dollars"] == "nominal"  # and the window's dollars
    # The person already works (3 years): the plan's first job is no fresh start.
    assert data["scenario"]["work_starts"] is None

    moved = projection_json(
        "--from-plan",
        "--plan-file",
        str(plan_file),
        "--location",
        "boston",
        "--years",
        "2",
        "--dollars",
        "today",
    )
    assert moved["scenario"]["inputs"]["location"].startswith("Boston-Cambridge-Newton")
    assert moved["scenario"]["inputs"]["years_experience"] == 3  # not given: the saved one
    assert (len(moved["rows"]), moved["dollars"]) == (3, "today")

    # Without --from-plan nothing saved is read.
    plain = projection_json()
    assert plain["scenario"]["inputs"]["location"] == "National"
    assert plain["dollars"] == "today"


def test_from_plan_counts_experience_from_the_plans_first_job(tmp_path: Any) -> None:
    save_settings(Settings(salary_inputs=SalaryInputs().model_dump(mode="json")))
    plan_file = tmp_path / "plan.json"
    for args in (
        ["add", "First job", "--link", "role:care_coordinator", "--target", "2027-09-01"],
        ["add", "Lead", "--link", "role:senior_coordinator", "--target", "2030-01-15"],
    ):
        assert run("plan", "--plan-file", str(plan_file), *args).returncode == 0
    data = projection_json(
        "--from-plan", "--plan-file", str(plan_file), "--start-year", "2026", "--years", "5"
    )
    assert data["scenario"]["work_starts"] == 2027
    rows = {row["year"]: row for row in data["rows"]}
    assert rows[2026]["working"] is False
    assert (rows[2027]["experience"], rows[2028]["experience"]) == (0, 1)
    assert rows[2030]["role"] == "senior_coordinator"
    assert rows[2030]["events"] == ["Lead (Jan 2030)"]
    table = run("projection", "--from-plan", "--plan-file", str(plan_file), "--start-year", "2026")
    assert "first job in 2027, experience counts from then" in table.stdout
    assert "Not working yet" in table.stdout


def test_an_unusable_saved_profile_is_a_note_not_an_error(tmp_path: Any) -> None:
    save_settings(Settings(salary_inputs={"location": "Atlantis", "education": "hs"}))
    result = run("projection", "--from-plan", "--plan-file", str(tmp_path / "none.json"))
    # A named plan file that is missing is still an error: one line.
    assert result.returncode == 2
    assert "no plan file" in result.stderr
    result = run("projection", "--from-plan", "--years", "1")
    assert result.returncode == 0, result.stderr
    assert "your saved profile could not be used" in result.stderr
    assert "National" in result.stdout
