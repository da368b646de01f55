"""Comparing places: every figure against the BLS and BEA rows it comes from, and the Salary tab's
"today" figure (tools/tables holds byte-identical copies of /work/shared/data's tables)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from ptplanner.core.compare import compare_places
from ptplanner.core.knowledge import area_wages
from ptplanner.core.locations import LocationError
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs

TABLES = Path(__file__).resolve().parents[2] / "tools" / "tables"
BOSTON = "Boston-Cambridge-Newton, MA-NH"
HOUSTON = "Houston-Pasadena-The Woodlands, TX"


def _rows(name: str, key: str) -> dict[str, dict[str, str]]:
    with (TABLES / name).open(encoding="utf-8") as handle:
        handle.readline()  # the "# Source:" line
        return {row[key]: row for row in csv.DictReader(handle)}


OEWS = _rows("oews_may2025_43-6013_states_metros.csv", "area_name")
BEA_METROS = _rows("bea_rpp_metros_2021_2023.csv", "geo_fips")
BEA_STATES = _rows("bea_rpp_states_2021_2023.csv", "geo_fips")


def _published(value: str) -> float | None:
    return None if value in {"", "-", "*", "#"} else float(value)


def test_area_tables_carry_bls_hourly_jobs_per_1000_and_location_quotient() -> None:
    rows = {row["area_code"]: row for row in OEWS.values()}
    for area in area_wages().areas:
        row = rows[area.code]
        assert area.hourly_p10 == _published(row["h_pct10"])
        assert area.hourly_p25 == _published(row["h_pct25"])
        assert area.hourly_median == _published(row["h_median"])
        assert area.hourly_p75 == _published(row["h_pct75"])
        assert area.hourly_p90 == _published(row["h_pct90"])
        assert area.jobs_per_1000 == _published(row["jobs_per_1000"])
        assert area.location_quotient == _published(row["location_quotient"])
    boston = next(a for a in area_wages().areas if a.name == BOSTON)
    assert (boston.hourly_p10, boston.jobs_per_1000, boston.location_quotient) == (
        21.06,
        6.039,
        0.98,
    )


def test_in_may_2025_every_bls_figure_is_the_published_one() -> None:
    """In BLS's own year nothing is carried: P10, P90 and the job market are as published."""
    places = compare_places(SalaryInputs(years_experience=2), ["boston", "houston", "Texas"], 2025)
    assert [p.area for p in places] == [BOSTON, HOUSTON, "Texas"]
    for place in places:
        row = OEWS[place.area]
        assert place.year == 2025
        assert place.bls_p10 == float(row["a_pct10"])
        assert place.bls_p90 == float(row["a_pct90"])
        assert place.employment == _published(row["employment"])
        assert place.jobs_per_1000 == _published(row["jobs_per_1000"])
        assert place.location_quotient == _published(row["location_quotient"])
    boston, houston, texas = places
    assert (boston.bls_p10, boston.bls_p90, boston.employment) == (43810, 64060, 16330)
    assert (houston.jobs_per_1000, houston.location_quotient) == (6.146, 0.99)
    assert boston.price_level == float(BEA_METROS["14460"]["rpp_all_items_2023"]) == 111.574
    assert houston.price_level == float(BEA_METROS["26420"]["rpp_all_items_2023"])
    assert texas.price_level == float(BEA_STATES["48000"]["rpp_all_items_2023"])


def test_each_place_is_the_salary_tabs_today_figure_with_the_location_replaced() -> None:
    profile = SalaryInputs(years_experience=3, certifications=frozenset({"cmaa"}), location="Ohio")
    places = compare_places(profile, ["boston", "national"], 2026)
    for place in places:
        moved = profile.model_copy(update={"location": place.area})
        today = project(ProjectionRequest(inputs=moved, start_year=2026)).today
        assert (place.base_low, place.base_typical, place.base_high) == (
            today.low,
            today.typical,
            today.high,
        )
        assert place.hourly_typical == today.typical / 2080
        assert place.total_compensation == today.compensation.total
        assert place.price_level is not None
        assert place.cost_of_living_adjusted == place.base_typical * 100 / place.price_level
        # BLS's P10/P90 move to 2026 by the same factor the estimate uses.
        row = OEWS[place.area]
        assert place.bls_p10 == pytest.approx(float(row["a_pct10"]) * today.pay_scale_factor)
        assert place.bls_p90 == pytest.approx(float(row["a_pct90"]) * today.pay_scale_factor)
        assert "BLS OEWS, May 2025" in place.sources
        assert "BEA Regional Price Parities, 2023" in place.sources
    national = places[1]
    assert national.price_level == 100.0
    assert national.jobs_per_1000 is None  # BLS publishes none for the nation
    assert national.employment == 961610


def test_the_carrying_factor_is_prices_times_the_pay_scales_trend() -> None:
    profile = SalaryInputs()
    a = profile.assumptions
    (place,) = compare_places(profile, ["boston"], 2027)
    factor = ((1 + a.market_growth_pct / 100) * (1 + a.inflation_pct / 100)) ** 2
    assert place.bls_p10 == pytest.approx(43810 * factor)
    assert place.bls_p90 == pytest.approx(64060 * factor)


def test_a_figure_bls_did_not_release_stays_none() -> None:
    """BLS released no employment, jobs per 1,000 or location quotient for Mississippi."""
    (place,) = compare_places(SalaryInputs(), ["Mississippi"], 2025)
    assert OEWS["Mississippi"]["employment"] == "-"
    assert (place.employment, place.jobs_per_1000, place.location_quotient) == (None, None, None)
    assert (place.bls_p10, place.bls_p90) == (29890, 49410)


def test_unknown_places_and_no_places_are_refused() -> None:
    with pytest.raises(LocationError, match="atlantis"):
        compare_places(SalaryInputs(), ["boston", "atlantis"])
    with pytest.raises(ValueError, match="no places"):
        compare_places(SalaryInputs(), [])
