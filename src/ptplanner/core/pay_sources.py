"""Pay as each source reports it, side by side: BLS's own tables and the figures the guide quotes.

The career guide (late 2023 / early 2024) quotes pay aggregators and BLS; ptplanner's estimate
follows BLS's May 2025 tables. This module lines both up for the Overview so a reader sees every
figure with its source and, where the two disagree, both numbers and which one the estimate uses.
Everything here is computed from the knowledge base; nothing is typed in. The cities the guide
calls average (Phoenix, Dallas, Charlotte) are set against BLS's median in each metro.

BLS pay is shown per year and per hour (front-desk jobs are advertised by the hour): BLS's own
hourly figure where its table has one, else the annual figure over 2,080 hours, marked "≈"
(:func:`hourly_text`, :data:`HOURLY_NOTE`).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import cache
from typing import Literal

from ptplanner.core.compare import HOURS_PER_YEAR
from ptplanner.core.format import money
from ptplanner.core.knowledge import (
    AreaWage,
    GuideFigure,
    area_wages,
    guide_figures,
    industry_wages,
)
from ptplanner.core.salary.model import salary_model
from ptplanner.core.sources import source_catalog

# The guide's own aggregate and the aggregators it quotes, in the order a reader compares them.
GUIDE_REPORTED = (
    "national_median",
    "national_average_range",
    "typical_range",
    "salary_com_median",
    "payscale_average",
    "glassdoor_base",
    "glassdoor_total",
)

HOURLY_NOTE = "≈ hourly: the yearly figure ÷ 2,080 hours (BLS's full-time year)"
"""Said wherever an hourly figure is worked out rather than BLS's own."""


def hourly_text(annual: float, bls_hourly: float | None = None) -> str:
    """The hourly pay beside an annual figure: BLS's own where published ("$22.08/hr"), else
    ``annual`` / 2,080 marked as worked out ("≈ $22.08/hr")."""
    if bls_hourly is not None:
        return f"${bls_hourly:,.2f}/hr"
    return f"≈ ${annual / HOURS_PER_YEAR:,.2f}/hr"


def hourly_range(
    low: float, high: float, bls_low: float | None = None, bls_high: float | None = None
) -> str:
    """ "$18.54–$24.32/hr" (BLS's own) or "≈ $18.54–$24.32/hr" (each over 2,080 hours)."""
    if bls_low is not None and bls_high is not None:
        return f"${bls_low:,.2f}–${bls_high:,.2f}/hr"
    return f"≈ ${low / HOURS_PER_YEAR:,.2f}–${high / HOURS_PER_YEAR:,.2f}/hr"


NEAR_AVERAGE = ("near_average_phoenix", "near_average_dallas", "near_average_charlotte")
"""The cities the guide says pay close to its national average range, in the guide's order."""


@dataclass(frozen=True)
class SourcedPay:
    """One pay figure as a source states it."""

    label: str
    text: str
    source: str
    date: str

    @property
    def source_name(self) -> str:
        return source_catalog().get(self.source).short


Verdict = Literal["agree", "overlap", "differ"]


@dataclass(frozen=True)
class Comparison:
    """The guide's figure and BLS's for the same thing, and whether they agree."""

    topic: str
    guide: SourcedPay
    bls: SourcedPay
    verdict: Verdict
    note: str

    @property
    def verdict_text(self) -> str:
        return {
            "agree": "BLS's figure falls within the guide's",
            "overlap": "the two ranges overlap only in part",
            "differ": "the figures differ",
        }[self.verdict]


def _verdict(guide: tuple[float, float], bls: tuple[float, float]) -> Verdict:
    """Compare the guide's range with BLS's (a single BLS figure is a range of one point)."""
    if guide[0] <= bls[0] and bls[1] <= guide[1]:
        return "agree"
    if bls[0] <= guide[1] and guide[0] <= bls[1]:
        return "overlap"
    return "differ"


def _signed_percent(value: float) -> str:
    return f"{value:+.0f}%"


def _guide_pay(figure: GuideFigure) -> SourcedPay:
    text = figure.text()
    if figure.unit == "USD/year" and figure.value is not None and figure.low is not None:
        # "Salary.com median $45,958, most between $41,048 and $51,691"
        assert figure.high is not None
        text = f"{money(figure.value)} (range {money(figure.low)}-{money(figure.high)})"
    return SourcedPay(figure.label, text, figure.source, figure.date)


def occupation() -> str:
    """The BLS occupation (SOC code) coordinators are counted in, as the salary model names it."""
    return salary_model().occupation


def occupation_title() -> str:
    """BLS's title for that occupation."""
    return salary_model().occupation_title


def bls_national() -> SourcedPay:
    """BLS May 2025 percentiles for the occupation, nationally."""
    table = area_wages(occupation())
    national = table.national()
    percentiles = national.percentiles()
    assert percentiles is not None
    p10, p25, median, p75, p90 = percentiles
    n = national
    text = (
        f"median {money(median)} ({hourly_text(median, n.hourly_median)}); "
        f"middle half {money(p25)}-{money(p75)} "
        f"({hourly_range(p25, p75, n.hourly_p25, n.hourly_p75)}); "
        f"10th-90th percentile {money(p10)}-{money(p90)} "
        f"({hourly_range(p10, p90, n.hourly_p10, n.hourly_p90)})"
    )
    return SourcedPay("All industries, United States", text, table.source, table.date)


def bls_pt_offices() -> SourcedPay | None:
    """BLS May 2025 pay for the occupation in PT offices (NAICS 621340)."""
    tables = industry_wages()
    try:
        row = tables.in_pt_offices(occupation())
    except KeyError:
        return None
    if row.median is None:
        return None
    text = f"median {money(row.median)} ({hourly_text(row.median)})"
    if row.p25 is not None and row.p75 is not None:
        text += (
            f"; middle half {money(row.p25)}-{money(row.p75)} ({hourly_range(row.p25, row.p75)})"
        )
    pt = tables.pt_offices
    label = f"Offices of physical therapists (NAICS {pt.naics})"
    return SourcedPay(label, text, pt.source, pt.date)


def guide_reported() -> tuple[SourcedPay, ...]:
    """The guide's aggregate and the aggregators' figures as the guide quotes them."""
    figures = guide_figures()
    return tuple(_guide_pay(figures.get(figure_id)) for figure_id in GUIDE_REPORTED)


def _area_starting(prefix: str) -> AreaWage | None:
    return next(
        (area for area in area_wages(occupation()).areas if area.name.startswith(prefix)), None
    )


def _median_premium(area: AreaWage) -> float | None:
    national = area_wages(occupation()).national()
    if area.median is None or national.median is None:
        return None
    return (area.median / national.median - 1.0) * 100.0


def _bounds(figure: GuideFigure, sign: float = 1.0) -> tuple[float, float]:
    low = figure.low if figure.low is not None else figure.value
    high = figure.high if figure.high is not None else low
    assert low is not None and high is not None
    return tuple(sorted((sign * low, sign * high)))  # type: ignore[return-value]


@cache
def comparisons() -> tuple[Comparison, ...]:
    """Each figure the guide gives that BLS also measures, both side by side.

    The note says which the estimate follows: always BLS, for the area itself.
    """
    figures = guide_figures()
    found: list[Comparison] = []

    quoted = figures.get("bls_median_2022_as_quoted")
    period = quoted.date.split(" (")[0]  # "May 2022 (quoted late 2023)" -> "May 2022"
    same_year = next(
        (r for r in industry_wages().history(occupation()) if r.reference_period == period),
        None,
    )
    if same_year is not None and same_year.median is not None:
        history = industry_wages().national
        found.append(
            Comparison(
                f"BLS median pay, {period}",
                _guide_pay(quoted),
                SourcedPay(
                    f"BLS's own {period} table",
                    f"{money(same_year.median)} ({hourly_text(same_year.median)})",
                    history.source,
                    period,
                ),
                _verdict(_bounds(quoted), (same_year.median, same_year.median)),
                "ptplanner uses BLS's tables, and the newer May 2025 release.",
            )
        )

    table = area_wages(occupation())
    for figure in figures.figures:
        if figure.unit != "percent" or not figure.area_match:
            continue
        area = _area_starting(figure.area_match)
        premium = _median_premium(area) if area is not None else None
        if area is None or premium is None:
            continue
        guide = _guide_pay(figure)
        found.append(
            Comparison(
                f"Pay in {area.name} against the national figure",
                SourcedPay(guide.label, f"{guide.text} above", guide.source, guide.date),
                SourcedPay(
                    "BLS median there against the national median",
                    _signed_percent(premium),
                    table.source,
                    table.date,
                ),
                _verdict(_bounds(figure), (premium, premium)),
                "The estimate uses BLS's wages for the area itself.",
            )
        )

    example = figures.get("example_san_francisco")
    area = _area_starting(example.area_match) if example.area_match else None
    if area is not None and area.median is not None:
        found.append(
            Comparison(
                f"Example pay in {area.name}",
                _guide_pay(example),
                SourcedPay(
                    "BLS median there",
                    f"{money(area.median)} ({hourly_text(area.median, area.hourly_median)})",
                    table.source,
                    table.date,
                ),
                _verdict(_bounds(example), (area.median, area.median)),
                "The estimate uses BLS's wages for the area itself.",
            )
        )

    found += _near_average_cities()

    lower = figures.get("lower_paying_regions")
    rural = [
        premium
        for area in table.areas
        if area.kind == "metro"
        and "nonmetropolitan" in area.name
        and (premium := _median_premium(area)) is not None
    ]
    if len(rural) >= 4:
        q1, _, q3 = statistics.quantiles(rural, n=4)
        guide = _guide_pay(lower)
        found.append(
            Comparison(
                "Pay in rural areas against the national figure",
                SourcedPay(guide.label, f"{guide.text} below", guide.source, guide.date),
                SourcedPay(
                    f"BLS medians in {len(rural)} nonmetropolitan areas, middle half",
                    f"{_signed_percent(q1)} to {_signed_percent(q3)}",
                    table.source,
                    table.date,
                ),
                _verdict(_bounds(lower, sign=-1.0), (q1, q3)),
                "The estimate uses BLS's wages for the area itself.",
            )
        )
    return tuple(found)


def _near_average_cities() -> list[Comparison]:
    """Each city the guide puts near its national average range, against BLS's median there."""
    figures = guide_figures()
    table = area_wages(occupation())
    found: list[Comparison] = []
    for figure_id in NEAR_AVERAGE:
        figure = figures.get(figure_id)
        area = _area_starting(figure.area_match) if figure.area_match else None
        if area is None or area.median is None:
            continue
        premium = _median_premium(area)
        assert premium is not None  # the national median is published
        guide = _guide_pay(figure)
        found.append(
            Comparison(
                f"Pay in {area.name}, a city the guide calls average",
                SourcedPay(
                    "The guide's national average range, where it places this city",
                    guide.text,
                    guide.source,
                    guide.date,
                ),
                SourcedPay(
                    "BLS median there (against the national median)",
                    f"{money(area.median)} ({_signed_percent(premium)}), "
                    f"{hourly_text(area.median, area.hourly_median)}",
                    table.source,
                    table.date,
                ),
                _verdict(_bounds(figure), (area.median, area.median)),
                "The estimate uses BLS's wages for the area itself.",
            )
        )
    return found
