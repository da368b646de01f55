"""The estimate: what a coordinator with a given profile earns today, and why.

Method (docs/salary-method.md says it at length): start from BLS OEWS wage percentiles for the
chosen area; experience, employer type and skills choose a percentile of that distribution;
education and certifications add the career guide's dollar effects, scaled by how the area's
wages compare with the nation's. Every step is a breakdown line with its dollar effect and source,
and the lines add up to the estimate exactly. All parameters come from ``resources/``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from ptplanner.core.knowledge import (
    PERCENTILE_POINTS,
    AreaWage,
    area_wages,
    guide_figures,
    industry_wages,
)
from ptplanner.core.locations import PriceLevel, find_area, price_level
from ptplanner.core.salary.compensation import Compensation, compensation
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.model import Stage, salary_model
from ptplanner.core.sources import Strict


class BreakdownItem(Strict):
    """One reason the estimate is what it is: its dollar effect and where the figure comes from."""

    factor: str
    label: str
    amount: float
    source: str
    date: str
    detail: str
    guide_says: str | None = None


class Estimate(Strict):
    area_name: str
    area_kind: str
    stage_id: str
    stage_label: str
    percentile: float
    low: float
    typical: float
    high: float
    breakdown: tuple[BreakdownItem, ...]
    compensation: Compensation
    bls_percentiles: tuple[int, int, int, int, int]
    price_level: float | None
    price_level_from: str | None
    price_level_is_fallback: bool
    data_date: str

    @property
    def cost_of_living_adjusted(self) -> float | None:
        """Typical pay in national-average prices (BEA RPP, U.S. = 100)."""
        if self.price_level is None:
            return None
        return self.typical * 100.0 / self.price_level


def wage_at(percentiles: Sequence[float], position: float) -> float:
    """Annual wage at a percentile, interpolating between BLS's five published percentiles."""
    low, high = PERCENTILE_POINTS[0], PERCENTILE_POINTS[-1]
    p = min(max(position, low), high)
    i = min(bisect_right(PERCENTILE_POINTS, p) - 1, len(PERCENTILE_POINTS) - 2)
    x0, x1 = PERCENTILE_POINTS[i], PERCENTILE_POINTS[i + 1]
    y0, y1 = percentiles[i], percentiles[i + 1]
    return y0 + (y1 - y0) * (p - x0) / (x1 - x0)


def percentile_of(percentiles: Sequence[float], wage: float) -> float:
    """The inverse of ``wage_at``: where a wage falls among the five percentiles."""
    if wage <= percentiles[0]:
        return PERCENTILE_POINTS[0]
    if wage >= percentiles[-1]:
        return PERCENTILE_POINTS[-1]
    i = bisect_right(list(percentiles), wage) - 1
    x0, x1 = PERCENTILE_POINTS[i], PERCENTILE_POINTS[i + 1]
    y0, y1 = percentiles[i], percentiles[i + 1]
    return x0 + (x1 - x0) * (wage - y0) / (y1 - y0)


@cache
def industry_shift(naics: str) -> float:
    """Percentile points by which an industry's median sits off the cross-industry median."""
    model = salary_model()
    table = industry_wages()
    national = table.industry(model.occupation, "000000").percentiles()
    industry = table.industry(model.occupation, naics)
    assert national is not None and industry.median is not None
    return percentile_of(national, industry.median) - 50.0


def _clamp(position: float) -> float:
    low, high = salary_model().percentile_limits
    return min(max(position, low), high)


def _area_percentiles(area: AreaWage) -> tuple[int, int, int, int, int]:
    values = area.percentiles()
    if values is None:  # find_area only returns areas with all five; guard the invariant
        raise ValueError(f"BLS released no wages for {area.name}")
    return values


class PayFigures(NamedTuple):
    """The engine's numbers for a profile, without the words: what a projected year needs."""

    stage_id: str
    stage_label: str
    percentile: float
    low: float
    typical: float
    high: float
    bls_percentiles: tuple[int, int, int, int, int]


class _Steps(NamedTuple):
    """Every intermediate figure of one estimate; ``estimate`` adds the words to these."""

    area: AreaWage
    area_pcts: tuple[int, int, int, int, int]
    national_median: float
    scale: float
    stage: Stage
    experience_position: float
    employer_points: float
    skill_points: float
    raw: tuple[float, ...]
    """Dollar effect of each factor, in the order of FACTORS."""
    amounts: tuple[float, ...]
    """The same effects as shown: running totals rounded, so they add up to ``typical``."""
    figures: PayFigures


FACTORS = ("start", "location", "experience", "employer", "skills", "education", "certifications")


def _steps(inputs: SalaryInputs) -> _Steps:
    model = salary_model()
    table = area_wages(model.occupation)
    area = find_area(inputs.location)
    area_pcts = _area_percentiles(area)
    national_median = float(_area_percentiles(table.national())[2])
    scale = area_pcts[2] / national_median
    employer = model.employer(inputs.employer_type)
    stage = model.stage_for(inputs.years_experience)

    experience_position = _clamp(model.experience_curve.at(inputs.years_experience))
    employer_points = industry_shift(employer.naics) + employer.extra_points
    employer_position = _clamp(experience_position + employer_points)
    skill_points = sum(s.points for s in model.skills if s.id in inputs.skills)
    final_position = _clamp(employer_position + skill_points)

    def at(position: float) -> float:
        return wage_at(area_pcts, position)

    education = model.education_level(inputs.education)
    cert_count = len(inputs.certifications)
    cert = model.certification_effect
    raw = (
        national_median,
        area_pcts[2] - national_median,
        at(experience_position) - at(50.0),
        at(employer_position) - at(experience_position),
        at(final_position) - at(employer_position),
        education.typical * scale,
        cert.typical(cert_count) * scale,
    )
    # Round running totals, not each step: the lines then add up exactly to the estimate and
    # the estimate moves with its inputs the way the unrounded figures do. The first two are
    # BLS figures, whole dollars already.
    amounts = [float(round(raw[0])), float(round(raw[1]))]
    running = amounts[0] + amounts[1]
    for amount in raw[2:]:
        amounts.append(float(round(running + amount) - round(running)))
        running += amount
    typical = float(sum(amounts))

    band = model.band_points
    cert_low = cert.low if cert_count else 0.0
    cert_high = cert.high if cert_count else 0.0
    low = min(float(round(at(final_position - band) + (education.low + cert_low) * scale)), typical)
    high = max(
        float(round(at(final_position + band) + (education.high + cert_high) * scale)), typical
    )
    figures = PayFigures(stage.id, stage.label, final_position, low, typical, high, area_pcts)
    return _Steps(
        area,
        area_pcts,
        national_median,
        scale,
        stage,
        experience_position,
        employer_points,
        skill_points,
        raw,
        tuple(amounts),
        figures,
    )


@lru_cache(maxsize=4096)
def pay_figures(inputs: SalaryInputs) -> PayFigures:
    """``estimate(inputs)``'s numbers alone, remembered per profile.

    A projection asks for one profile per year and the Salary tab re-projects on every change;
    skipping the breakdown's words and models makes an unseen profile about four times cheaper.
    The figures are those ``estimate`` shows, computed by the same ``_steps``.
    """
    return _steps(inputs).figures


def estimate(inputs: SalaryInputs) -> Estimate:
    """Today's base pay (at BLS May 2025 pay levels), its range, its reasons and total pay."""
    model = salary_model()
    table = area_wages(model.occupation)
    steps = _steps(inputs)
    area, scale, stage = steps.area, steps.scale, steps.stage
    employer = model.employer(inputs.employer_type)
    education = model.education_level(inputs.education)
    cert_count = len(inputs.certifications)
    cert = model.certification_effect
    figures = guide_figures()
    source, date = "bls_oews_2025", table.date
    guide_area = figures.for_area(area.name)
    texts = [
        (
            "National median for the occupation",
            source,
            date,
            f"BLS median for {model.occupation} {model.occupation_title}, all industries.",
            f"The guide's aggregated national median is {figures.get('national_median').text()}.",
        ),
        (
            f"Location: {area.name}",
            source,
            date,
            f"BLS median in this area is {steps.area_pcts[2] / steps.national_median - 1:+.1%} "
            "against the nation."
            if area.kind != "national"
            else "National figures: no local adjustment.",
            f"The guide puts this area {guide_area.text()} above the national average; "
            "ptplanner follows BLS."
            if guide_area is not None
            else None,
        ),
        (
            f"Experience: {inputs.years_experience:g} years ({stage.label.lower()})",
            model.experience_curve.source,
            model.experience_curve.date,
            f"Places you at the {steps.experience_position:.0f}th percentile of the area's pay.",
            f"The guide's {stage.label.lower()} range is {figures.get(stage.guide_figure).text()}.",
        ),
        (
            f"Employer: {employer.label}",
            source,
            date,
            f"BLS pay for the occupation in this industry (NAICS {employer.naics}) moves the "
            f"estimate {steps.employer_points:+.1f} percentile points.",
            employer.guide_note,
        ),
        (
            "Skills: "
            + (
                ", ".join(s.label for s in model.skills if s.id in inputs.skills) or "none selected"
            ),
            model.skills_source.source,
            model.skills_source.date,
            f"{steps.skill_points:g} percentile points for in-demand skills.",
            None,
        ),
        (
            f"Education: {education.label}",
            "guide",
            figures.get(education.guide_figure).date,
            "Difference over a high school diploma from the guide's starting ranges, "
            f"scaled by the area's wage level ({scale:.2f}).",
            f"The guide's starting range is {figures.get(education.guide_figure).text()}.",
        ),
        (
            "Certifications: "
            + (
                ", ".join(
                    c.id.upper() for c in model.certifications if c.id in inputs.certifications
                )
                or "none"
            ),
            "guide",
            figures.get(cert.guide_figure).date,
            f"Guide's effect for {cert_count} certification(s), scaled by {scale:.2f}.",
            f"The guide puts certification at {figures.get(cert.guide_figure).text()} a year.",
        ),
    ]
    items = tuple(
        BreakdownItem(
            factor=factor,
            label=label,
            amount=amount,
            source=src,
            date=when,
            detail=detail,
            guide_says=guide,
        )
        for factor, amount, (label, src, when, detail, guide) in zip(
            FACTORS, steps.amounts, texts, strict=True
        )
    )
    pay = steps.figures
    level: PriceLevel | None = price_level(area)
    return Estimate(
        area_name=area.name,
        area_kind=area.kind,
        stage_id=pay.stage_id,
        stage_label=pay.stage_label,
        percentile=pay.percentile,
        low=pay.low,
        typical=pay.typical,
        high=pay.high,
        breakdown=items,
        compensation=compensation(pay.typical, inputs.assumptions),
        bls_percentiles=steps.area_pcts,
        price_level=level.rpp if level else None,
        price_level_from=level.from_name if level else None,
        price_level_is_fallback=level.is_fallback if level else False,
        data_date=date,
    )
