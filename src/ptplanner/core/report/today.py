"""This year's estimate as the report states it: headline figures, compensation and the breakdown.

"Today" is the projection's first year, to the dollar: the estimate carries BLS's May pay levels
to this year, and the breakdown shows that step as its own line.
"""

from __future__ import annotations

from ptplanner.core.format import lower_first, money, ordinal, signed_money
from ptplanner.core.report.citations import citation, source_name
from ptplanner.core.report.model import (
    BreakdownLine,
    CompensationKind,
    CompensationLine,
    Fact,
    Headline,
    Today,
)
from ptplanner.core.salary.compensation import Compensation, paid_leave_share_pct
from ptplanner.core.salary.estimate import Estimate
from ptplanner.core.sources import source_catalog

CASH_ITEMS = (
    ("base", "Base pay"),
    ("bonus", "Bonus and supplemental pay"),
    ("profit_sharing", "Profit sharing"),
)
"""The cash items of ``Compensation`` and their labels, in order."""
BENEFIT_ITEMS = (
    ("retirement_match", "Employer 401(k) match"),
    ("health", "Health cover"),
    ("ce_stipend", "Continuing-education stipend"),
)
"""What the employer pays for on top of cash pay, and the labels."""


def build_today(today: Estimate) -> Today:
    """The report's account of this year's estimate."""
    comp = today.compensation
    return Today(
        year=today.year,
        area_name=today.area_name,
        role_title=today.role_title,
        stage_label=today.stage_label,
        data_date=today.data_date,
        percentile=today.percentile,
        low=today.low,
        typical=today.typical,
        high=today.high,
        cash_pay=comp.cash,
        benefits=comp.benefits,
        total_compensation=comp.total,
        cost_of_living_adjusted=today.cost_of_living_adjusted,
        price_level=today.price_level,
        price_level_from=today.price_level_from,
        price_level_is_fallback=today.price_level_is_fallback,
        headlines=headlines(today),
        compensation=compensation_lines(comp),
        paid_leave_note=paid_leave_note(comp),
        breakdown=breakdown_lines(today),
        breakdown_intro=(
            f"How typical base pay for a {lower_first(today.role_title)} in {today.area_name} "
            f"in {today.year} is built: BLS {today.data_date} pay for the job, placed by your "
            f"profile, then carried from {today.data_date} to {today.year} (its own line). The "
            f"year-by-year table starts from this figure."
        ),
        breakdown_total=Fact(f"= Typical base pay in {today.year}", money(today.typical)),
    )


def headlines(today: Estimate) -> tuple[Headline, ...]:
    """Typical pay, its range, total compensation and pay in national-average prices."""
    if today.cost_of_living_adjusted is not None and today.price_level is not None:
        col_value = money(today.cost_of_living_adjusted)
        col_hourly = hourly_text(today.cost_of_living_adjusted)
        where = today.price_level_from or today.area_name
        col_caption = (
            f"In national-average prices (BEA price level {today.price_level:.1f}"
            + (f", from {where}" if today.price_level_is_fallback else "")
            + "; U.S. = 100)."
        )
    else:
        col_value, col_hourly = "n/a", ""
        col_caption = "BEA publishes no price level for this area."
    percentile = ordinal(round(today.percentile))
    comp = today.compensation
    return (
        Headline(
            "typical",
            f"Typical base pay, {today.year}",
            money(today.typical),
            f"{today.role_title}: BLS {today.data_date} pay carried to {today.year}; "
            f"{percentile} percentile of the job's pay here.",
            hourly_text(today.typical),
        ),
        Headline(
            "range",
            "Likely range",
            f"{money(today.low)} – {money(today.high)}",
            "Low to high base pay for this profile.",
            hourly_text(today.low, today.high),
        ),
        Headline(
            "total",
            "Total compensation",
            money(comp.total),
            f"Cash pay {money(comp.cash)} + employer-paid benefits {money(comp.benefits)}; "
            "paid leave is inside base pay.",
            hourly_text(comp.total),
        ),
        Headline("cost_of_living", "Cost-of-living adjusted", col_value, col_caption, col_hourly),
    )


def hourly_text(annual: float, high: float | None = None) -> str:
    """Annual pay as hourly, BLS's way (annual / 2,080): "$18.55 an hour", or a range."""
    low = f"${Today.per_hour(annual):,.2f}"
    if high is None:
        return f"{low} an hour"
    return f"{low} – ${Today.per_hour(high):,.2f} an hour"


def _line(key: str, label: str, amount: float, kind: CompensationKind) -> CompensationLine:
    return CompensationLine(key, label, amount, money(amount), kind)


def compensation_lines(comp: Compensation) -> tuple[CompensationLine, ...]:
    """Cash pay item by item and its subtotal, the benefits and theirs, then the total."""
    lines = [_line(key, label, getattr(comp, key), "item") for key, label in CASH_ITEMS]
    lines.append(_line("cash", "Cash pay", comp.cash, "subtotal"))
    lines += [_line(key, label, getattr(comp, key), "item") for key, label in BENEFIT_ITEMS]
    lines.append(_line("benefits", "Employer-paid benefits", comp.benefits, "subtotal"))
    lines.append(_line("total", "Total compensation", comp.total, "total"))
    return tuple(lines)


def paid_leave_note(comp: Compensation) -> str:
    """Paid leave explained: already inside base pay, so never added on top."""
    ecec = source_catalog().get("bls_ecec_2026q1")
    return (
        f"Paid leave (holidays, vacation, sick days) is already inside base pay: BLS annual pay "
        f"counts every paid hour, and about {paid_leave_share_pct():.0f}% of it "
        f"({money(comp.paid_leave_included)} a year) pays for leave ({ecec.short}). It is not "
        "added on top."
    )


def breakdown_lines(today: Estimate) -> tuple[BreakdownLine, ...]:
    """The steps from the national median to this year's typical pay, each with its citation."""
    return tuple(
        BreakdownLine(
            factor=item.factor,
            label=item.label,
            amount=item.amount,
            effect=money(item.amount) if item.factor == "start" else signed_money(item.amount),
            source=item.source,
            source_name=source_name(item.source),
            date=item.date,
            citation=citation(item.source, item.date),
            detail=item.detail,
            guide_says=item.guide_says,
        )
        for item in today.breakdown
    )
