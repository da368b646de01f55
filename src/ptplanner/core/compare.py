"""Compare places: one profile priced in several areas, with each area's BLS pay and job market.

Each place is the profile with its location replaced, priced by :func:`project` for one year:
the figure the Salary tab shows as "today". Beside the estimate stand the area's own BLS figures
for the occupation (SOC 43-6013): P10 and P90 carried from May 2025 to that year with the same
pay-scale factor the estimate uses (prices plus the scale's real trend), and, as published,
employment, jobs per 1,000 jobs and the location quotient. The window shows one to four places;
the command line any number.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ptplanner.core.knowledge import AreaWage, area_wages
from ptplanner.core.locations import find_area
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.estimate import Estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.sources import source_catalog

OCCUPATION = "43-6013"
"""The occupation whose area figures a comparison and an offer check use (BLS: medical
secretaries and administrative assistants, the coordinator's published occupation)."""

HOURS_PER_YEAR = 2080
"""BLS annual pay is the hourly wage times 2,080 hours; hourly figures divide by the same."""

_ALWAYS_CITED = ("bls_oews_2025", "bls_oews_history", "bls_cpi_u", "bls_ecec_2026q1", "guide")
"""Behind every priced place: area wages, their history and the CPI (carrying May 2025 to the
year), ECEC and the guide (the benefit defaults in total compensation)."""


class PlaceFigures(NamedTuple):
    """One place of a comparison. Money is in ``year``'s dollars; ``None`` where BLS or BEA
    published no figure."""

    area: str
    base_low: float
    base_typical: float
    base_high: float
    hourly_typical: float
    """``base_typical`` / 2,080."""
    total_compensation: float
    price_level: float | None
    """BEA regional price parity (U.S. = 100); a metro BEA does not list uses its state's."""
    cost_of_living_adjusted: float | None
    """``base_typical`` x 100 / ``price_level``: pay in national-average prices."""
    bls_p10: float
    bls_p90: float
    employment: int | None
    jobs_per_1000: float | None
    location_quotient: float | None
    year: int
    sources: tuple[str, ...]


def today_estimate(inputs: SalaryInputs, year: int | None = None) -> Estimate:
    """The profile's estimate for ``year`` (default this year) exactly as the Salary tab shows
    it: the first year of its projection. Raises ValidationError for a year outside the data's
    reach."""
    year = dt.date.today().year if year is None else year
    return project(ProjectionRequest(inputs=inputs, start_year=year, years=1)).today


def in_place(inputs: SalaryInputs, place: str) -> tuple[SalaryInputs, AreaWage]:
    """The profile moved to ``place`` and that area's 43-6013 row (LocationError if unknown)."""
    area = find_area(place)
    return inputs.model_copy(update={"location": area.name}), area_row(area.code)


def area_row(code: str) -> AreaWage:
    """The occupation's published row for an area code."""
    return next(row for row in area_wages(OCCUPATION).areas if row.code == code)


def carried(value: float, today: Estimate) -> float:
    """A May 2025 BLS figure carried to the estimate's year the way the estimate carries pay."""
    return value * today.pay_scale_factor


def cited(today: Estimate, extra: Iterable[str] = ()) -> tuple[str, ...]:
    """The sources behind an estimate, by name: the always-cited ones, what its breakdown
    cites, BEA when a price level is used, then ``extra``."""
    ids = [*_ALWAYS_CITED, *(item.source for item in today.breakdown)]
    if today.price_level is not None:
        ids.append("bea_rpp_2023")
    ids.extend(extra)
    catalog = source_catalog()
    return tuple(catalog.get(source_id).short for source_id in dict.fromkeys(ids))


def place_figures(inputs: SalaryInputs, place: str, year: int | None = None) -> PlaceFigures:
    """One place's figures (LocationError for a place that names no area with BLS pay)."""
    profile, area = in_place(inputs, place)
    today = today_estimate(profile, year)
    assert area.p10 is not None and area.p90 is not None  # find_area returns usable areas only
    return PlaceFigures(
        area=area.name,
        base_low=today.low,
        base_typical=today.typical,
        base_high=today.high,
        hourly_typical=today.typical / HOURS_PER_YEAR,
        total_compensation=today.compensation.total,
        price_level=today.price_level,
        cost_of_living_adjusted=today.cost_of_living_adjusted,
        bls_p10=carried(area.p10, today),
        bls_p90=carried(area.p90, today),
        employment=area.employment,
        jobs_per_1000=area.jobs_per_1000,
        location_quotient=area.location_quotient,
        year=today.year,
        sources=cited(today),
    )


def compare_places(
    inputs: SalaryInputs, places: Sequence[str], year: int | None = None
) -> tuple[PlaceFigures, ...]:
    """The profile priced in each place, in the order given.

    Raises LocationError for a place that names no area (or several), ValueError for no places
    and ValidationError for a year outside the data's reach.
    """
    if not places:
        raise ValueError("no places to compare")
    return tuple(place_figures(inputs, place, year) for place in places)
