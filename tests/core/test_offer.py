"""Checking an offer: pay parsing, the percentile in the area's BLS distribution (checked against
the published May 2025 row) and the comparison with the profile's estimate."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from pydantic import ValidationError

from ptplanner.core.locations import LocationError
from ptplanner.core.offer import Offer, check_offer, parse_pay, percentile_in
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs

TABLES = Path(__file__).resolve().parents[2] / "tools" / "tables"


def _bls_row(area_name: str) -> dict[str, str]:
    with (TABLES / "oews_may2025_43-6013_states_metros.csv").open(encoding="utf-8") as handle:
        handle.readline()
        return next(row for row in csv.DictReader(handle) if row["area_name"] == area_name)


BOSTON = "Boston-Cambridge-Newton, MA-NH"
ROW = _bls_row(BOSTON)  # P10 43,810; P25 48,360; median 51,600; P75 59,530; P90 64,060
POINTS = tuple(float(ROW[c]) for c in ("a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21.50/hour", (21.5, "hour")),
        ("$45,000/year", (45000.0, "year")),
        ("45000", (45000.0, "year")),
        ("21.50", (21.5, "hour")),
        ("22 an hour", (22.0, "hour")),
        (" $52,000 / yr ", (52000.0, "year")),
    ],
)
def test_parse_pay(text: str, expected: tuple[float, str]) -> None:
    assert parse_pay(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc/hour", "not pay"),
        ("0/hour", "more than zero"),
        ("-20/hour", "more than zero"),
        ("nan", "more than zero"),
        ("20/week", "/hour or /year"),
        ("", "not pay"),
    ],
)
def test_parse_pay_refuses(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_pay(text)


def test_offer_validates_and_annualises_with_2080_hours() -> None:
    assert Offer(amount=21.5, per="hour").annual == 21.5 * 2080 == 44720
    assert Offer(amount=45000, per="year").annual == 45000
    for bad in ({"amount": 0, "per": "hour"}, {"amount": -1, "per": "year"}):
        with pytest.raises(ValidationError):
            Offer.model_validate(bad)
    with pytest.raises(ValidationError):
        Offer.model_validate({"amount": 20, "per": "hour", "stock": 5})


def test_percentile_is_linear_between_the_published_points() -> None:
    assert percentile_in(POINTS[2], POINTS) == (50.0, "50th percentile")
    assert percentile_in(POINTS[0], POINTS) == (10.0, "10th percentile")
    assert percentile_in(POINTS[4], POINTS) == (90.0, "90th percentile")
    midway = (POINTS[1] + POINTS[2]) / 2  # halfway from P25 to the median
    assert percentile_in(midway, POINTS) == (37.5, "38th percentile")
    assert percentile_in(50000, POINTS)[0] == pytest.approx(25 + 25 * (50000 - 48360) / 3240)
    assert percentile_in(POINTS[0] - 1, POINTS) == (10.0, "below the 10th percentile")
    assert percentile_in(POINTS[4] + 1, POINTS) == (90.0, "above the 90th percentile")


def test_offer_in_bls_year_reads_the_published_boston_row() -> None:
    profile = SalaryInputs(location="boston", years_experience=2)
    offer = Offer(
        amount=25,
        per="hour",
        bonus_pct=3,
        retirement_match_pct=4,
        health_usd=6000,
        paid_days_off=15,
    )
    check = check_offer(offer, profile, 2025)
    assert (check.area, check.year) == (BOSTON, 2025)
    assert (check.annual, check.hourly) == (52000, 25)
    # $52,000 lies between the median (51,600) and P75 (59,530).
    assert check.percentile == pytest.approx(50 + 25 * (52000 - 51600) / (59530 - 51600))
    assert check.position_text == "51st percentile"
    today = project(ProjectionRequest(inputs=profile, start_year=2025)).today
    assert (check.estimate_low, check.estimate_typical, check.estimate_high) == (
        today.low,
        today.typical,
        today.high,
    )
    assert check.offer_total == pytest.approx(52000 * 1.07 + 6000)
    assert check.typical_total == today.compensation.total
    assert "$48,360-$59,530" in check.note  # BLS's P25-P75 in Boston
    assert f"${today.typical:,.0f}" in check.note
    assert BOSTON in check.note
    assert "BLS OEWS, May 2025" in check.sources


def test_a_later_year_carries_the_distribution_like_the_estimate() -> None:
    profile = SalaryInputs(location="boston")
    today = project(ProjectionRequest(inputs=profile, start_year=2026)).today
    median_2026 = 51600 * today.pay_scale_factor
    check = check_offer(Offer(amount=median_2026, per="year"), profile, 2026)
    assert check.percentile == pytest.approx(50)
    low = check_offer(Offer(amount=40000, per="year"), profile, 2026)
    assert (low.percentile, low.position_text) == (10.0, "below the 10th percentile")
    assert "below the 10th percentile" in low.note
    high = check_offer(Offer(amount=80000, per="year"), profile, 2026)
    assert (high.percentile, high.position_text) == (90.0, "above the 90th percentile")


def test_unknown_place_is_a_location_error() -> None:
    profile = SalaryInputs()
    with pytest.raises(LocationError):
        check_offer(Offer(amount=20, per="hour"), profile.model_copy(update={"location": "xyz"}))


def test_an_offer_without_benefits_says_the_typical_package_has_them() -> None:
    profile = SalaryInputs(location="boston")
    bare = check_offer(Offer(amount=50000, per="year"), profile, 2025)
    assert bare.offer_total == 50000
    assert bare.typical_total > bare.estimate_typical  # the typical package counts benefits
    assert "No benefits were entered" in bare.note
    with_health = check_offer(Offer(amount=50000, per="year", health_usd=5000), profile, 2025)
    assert "No benefits were entered" not in with_health.note
