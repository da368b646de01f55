"""Today's estimate as the report states it: headline figures, compensation and the breakdown."""

from __future__ import annotations

from ptplanner.core.format import money, ordinal, signed_money
from ptplanner.core.report.citations import citation, source_name
from ptplanner.core.report.model import BreakdownLine, CompensationLine, Fact, Headline, Today
from ptplanner.core.salary.estimate import Estimate

COMPENSATION_LABELS = (
    ("base", "Base pay"),
    ("bonus", "Bonus and supplemental pay"),
    ("retirement_match", "Employer 401(k) match"),
    ("health", "Health cover"),
    ("paid_time_off", "Paid time off"),
    ("ce_stipend", "Continuing-education stipend"),
    ("profit_sharing", "Profit sharing"),
)
"""Each compensation item's field on the engine's ``Compensation`` and its label, in order."""


def build_today(today: Estimate) -> Today:
    """The report's account of today's estimate."""
    return Today(
        area_name=today.area_name,
        stage_label=today.stage_label,
        data_date=today.data_date,
        percentile=today.percentile,
        low=today.low,
        typical=today.typical,
        high=today.high,
        total_compensation=today.compensation.total,
        cost_of_living_adjusted=today.cost_of_living_adjusted,
        price_level=today.price_level,
        price_level_from=today.price_level_from,
        price_level_is_fallback=today.price_level_is_fallback,
        headlines=headlines(today),
        compensation=compensation_lines(today),
        breakdown=breakdown_lines(today),
        breakdown_intro=(
            f"How today's typical base pay for {today.area_name} is built, at BLS "
            f"{today.data_date} pay levels. The year-by-year table carries it forward to the "
            "projection's first year at the raise rate."
        ),
        breakdown_total=Fact("= Typical base pay today", money(today.typical)),
    )


def headlines(today: Estimate) -> tuple[Headline, ...]:
    """Typical pay, its range, total compensation and pay in national-average prices."""
    if today.cost_of_living_adjusted is not None and today.price_level is not None:
        col_value = money(today.cost_of_living_adjusted)
        where = today.price_level_from or today.area_name
        col_caption = (
            f"In national-average prices (BEA price level {today.price_level:.1f}"
            + (f", from {where}" if today.price_level_is_fallback else "")
            + "; U.S. = 100)."
        )
    else:
        col_value = "n/a"
        col_caption = "BEA publishes no price level for this area."
    percentile = ordinal(round(today.percentile))
    return (
        Headline(
            "typical",
            "Typical base pay",
            money(today.typical),
            f"At BLS {today.data_date} pay levels; {percentile} percentile of local pay.",
        ),
        Headline(
            "range",
            "Likely range",
            f"{money(today.low)} – {money(today.high)}",
            "Low to high base pay for this profile.",
        ),
        Headline(
            "total",
            "Total compensation",
            money(today.compensation.total),
            "Base pay plus bonus, 401(k) match, health, paid time off and stipend.",
        ),
        Headline("cost_of_living", "Cost-of-living adjusted", col_value, col_caption),
    )


def compensation_lines(today: Estimate) -> tuple[CompensationLine, ...]:
    """Each item of today's total compensation a year, then the total."""
    comp = today.compensation
    lines = [
        CompensationLine(key, label, getattr(comp, key), money(getattr(comp, key)))
        for key, label in COMPENSATION_LABELS
    ]
    lines.append(CompensationLine("total", "Total compensation", comp.total, money(comp.total)))
    return tuple(lines)


def breakdown_lines(today: Estimate) -> tuple[BreakdownLine, ...]:
    """The steps from the national median to today's typical pay, each with its citation."""
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
