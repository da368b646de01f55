"""Check a job offer: where its pay falls in the area's BLS distribution, how it compares with
the estimate for the profile there, and its total compensation beside the typical package.

The percentile is read from BLS's published P10, P25, median, P75 and P90 for the occupation
(SOC 43-6013) in the offer's area, carried from May 2025 to the year the way the estimate
carries pay, by straight lines between neighbouring published points. BLS publishes nothing
below P10 or above P90, so pay outside that range is reported as the 10th or 90th percentile
with the words "below the 10th" or "above the 90th" rather than a guessed figure
(docs/salary-method.md, "Where an offer falls").
"""

import math
import re
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from ptplanner.core.compare import HOURS_PER_YEAR, carried, cited, in_place, today_estimate
from ptplanner.core.format import lower_first, money, ordinal
from ptplanner.core.knowledge import PERCENTILE_POINTS
from ptplanner.core.salary.inputs import SalaryInputs

Per = Literal["hour", "year"]

_UNITS: dict[str, Per] = {
    "hour": "hour",
    "hr": "hour",
    "h": "hour",
    "hourly": "hour",
    "year": "year",
    "yr": "year",
    "y": "year",
    "annual": "year",
    "annually": "year",
}

HOURLY_BELOW = 1000.0
"""A bare number ("21.50", "45000") under this is an hourly wage, otherwise a year's pay: no
full-time year pays under $1,000, and BLS top-codes hourly pay at $115."""


class Offer(BaseModel):
    """An offer as the employer states it: pay, and what it adds if known."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    amount: float = Field(gt=0, allow_inf_nan=False)
    per: Per
    bonus_pct: float = Field(default=0, ge=0, le=100, description="bonus, % of base pay")
    retirement_match_pct: float = Field(
        default=0, ge=0, le=100, description="employer retirement contribution, % of base pay"
    )
    health_usd: float = Field(
        default=0, ge=0, le=100_000, description="health insurance the employer pays, $ a year"
    )
    paid_days_off: int | None = Field(default=None, ge=0, le=366)
    """Shown, never added: BLS annual pay already pays for paid leave (hourly x 2,080)."""

    @property
    def annual(self) -> float:
        """A year's base pay: hourly pay times 2,080 hours, as BLS counts it."""
        return self.amount * HOURS_PER_YEAR if self.per == "hour" else self.amount

    @property
    def total(self) -> float:
        """Base pay plus bonus, retirement contribution and health insurance paid."""
        base = self.annual
        return base * (1 + (self.bonus_pct + self.retirement_match_pct) / 100) + self.health_usd


def parse_pay(text: str) -> tuple[float, Per]:
    """ "21.50/hour", "$45,000/year", "45000" as (amount, per); ValueError saying why not.

    A bare number under 1,000 is hourly, otherwise annual (see :data:`HOURLY_BELOW`).
    """
    cleaned = " ".join(text.split()).lower()
    number, _, unit = cleaned.partition("/")
    if not unit:  # "21.50 an hour", "45000 a year", "21.50 per hour"
        found = re.fullmatch(r"(.*?)\s*(?:an?|per)\s+(\w+)", cleaned)
        number, unit = (found.group(1), found.group(2)) if found else (cleaned, "")
    number = number.strip().removeprefix("$").replace(",", "").strip()
    try:
        amount = float(number)
    except ValueError:
        raise ValueError(
            f"{text.strip()!r} is not pay: expected e.g. 21.50/hour or 45000/year"
        ) from None
    if not math.isfinite(amount) or amount <= 0:
        raise ValueError(f"pay must be more than zero (got {text.strip()!r})")
    unit = unit.strip()
    if not unit:
        return amount, "hour" if amount < HOURLY_BELOW else "year"
    if unit not in _UNITS:
        raise ValueError(f"unknown pay period {unit!r}: use /hour or /year")
    return amount, _UNITS[unit]


def percentile_in(pay: float, points: tuple[float, ...]) -> tuple[float, str]:
    """Where ``pay`` falls among the P10..P90 ``points``: linear between neighbours; outside
    the published range 10 or 90 with "below the 10th" / "above the 90th"."""
    if pay < points[0]:
        return PERCENTILE_POINTS[0], "below the 10th percentile"
    if pay > points[-1]:
        return PERCENTILE_POINTS[-1], "above the 90th percentile"
    for (p_lo, v_lo), (p_hi, v_hi) in zip(
        zip(PERCENTILE_POINTS, points, strict=True),
        zip(PERCENTILE_POINTS[1:], points[1:], strict=True),
        strict=True,
    ):
        if pay <= v_hi:
            share = 0.0 if v_hi == v_lo else (pay - v_lo) / (v_hi - v_lo)
            percentile = p_lo + share * (p_hi - p_lo)
            return percentile, f"{ordinal(round(percentile))} percentile"
    raise AssertionError("unreachable: pay is within P10..P90")


class OfferCheck(NamedTuple):
    """An offer against the area's BLS pay and the profile's estimate, in ``year``'s dollars."""

    offer: Offer
    annual: float
    hourly: float
    percentile: float
    """0-100 in the area's BLS distribution for 43-6013 (10 or 90 outside P10..P90)."""
    position_text: str
    """ "41st percentile", "below the 10th percentile", "above the 90th percentile"."""
    estimate_low: float
    estimate_typical: float
    estimate_high: float
    offer_total: float
    typical_total: float
    note: str
    area: str
    year: int
    sources: tuple[str, ...]


def check_offer(offer: Offer, inputs: SalaryInputs, year: int | None = None) -> OfferCheck:
    """The offer in the profile's area (``inputs.location``) for ``year`` (default this year).

    The percentile is in BLS's distribution for 43-6013 in that area carried to ``year``; see
    the module docstring for how it is read between and beyond the published points.
    """
    profile, area = in_place(inputs, inputs.location)
    today = today_estimate(profile, year)
    published = area.percentiles()
    assert published is not None  # find_area returns usable areas only
    points = tuple(carried(value, today) for value in published)
    percentile, position = percentile_in(offer.annual, points)
    typical_total = today.compensation.total
    where = position if position[0] in "ab" else f"at the {position}"
    note = (
        f"For a {lower_first(today.role_title)} with your profile in {area.name}, ptplanner's "
        f"{today.year} estimate is {money(today.typical)} (likely {money(today.low)}-"
        f"{money(today.high)}), from BLS OEWS May 2025 pay carried to {today.year}. BLS's "
        f"middle half of pay there runs {money(points[1])}-{money(points[3])}; this offer's "
        f"{money(offer.annual)} is {where}, "
        f"{_versus(offer.annual, today.typical)} the typical estimate."
    )
    if offer.total == offer.annual:
        # Otherwise a bare offer looks worse than it is beside a package that counts benefits.
        note += (
            " No benefits were entered for this offer, so its total is its base pay alone; the "
            "typical package it is set against includes ptplanner's default bonus and "
            "employer-paid benefits."
        )
    return OfferCheck(
        offer=offer,
        annual=offer.annual,
        hourly=offer.annual / HOURS_PER_YEAR,
        percentile=percentile,
        position_text=position,
        estimate_low=today.low,
        estimate_typical=today.typical,
        estimate_high=today.high,
        offer_total=offer.total,
        typical_total=typical_total,
        note=note,
        area=area.name,
        year=today.year,
        sources=cited(today),
    )


def _versus(pay: float, typical: float) -> str:
    gap = pay - typical
    if abs(gap) < 0.5:
        return "equal to"
    return f"{money(abs(gap))} {'above' if gap > 0 else 'below'}"
