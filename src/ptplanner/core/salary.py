"""The salary engine: what a coordinator with a given profile earns today, and why.

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
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from ptplanner.core.knowledge import (
    PERCENTILE_POINTS,
    AreaWage,
    area_wages,
    benefit_costs,
    cpi,
    guide_figures,
    industry_wages,
)
from ptplanner.core.locations import PriceLevel, find_area, price_level
from ptplanner.core.resources import load_model
from ptplanner.core.sources import Strict

# --- the model's parameters, as loaded from resources/salary_model.json ------------------------


class Stage(Strict):
    id: str
    label: str
    min_years: float = Field(ge=0)
    guide_figure: str


class Curve(Strict):
    source: str
    date: str
    note: str
    points: tuple[tuple[float, float], ...] = Field(min_length=2)

    def at(self, years: float) -> float:
        """Piecewise-linear percentile position after ``years``, flat past the last point."""
        xs = [x for x, _ in self.points]
        if years <= xs[0]:
            return self.points[0][1]
        if years >= xs[-1]:
            return self.points[-1][1]
        i = bisect_right(xs, years) - 1
        (x0, y0), (x1, y1) = self.points[i], self.points[i + 1]
        return y0 + (y1 - y0) * (years - x0) / (x1 - x0)


class EmployerType(Strict):
    id: str
    label: str
    naics: str
    extra_points: float
    guide_figure: str | None
    guide_note: str


class Skill(Strict):
    id: str
    label: str
    points: float = Field(ge=0, le=10)


class MethodNote(Strict):
    source: str
    date: str
    note: str


class Education(Strict):
    id: str
    label: str
    guide_figure: str
    low: float
    typical: float
    high: float


class Certification(Strict):
    id: str
    label: str


class CertificationEffect(Strict):
    guide_figure: str
    low: float
    typical_first: float
    typical_each_more: float
    high: float

    def typical(self, count: int) -> float:
        if count == 0:
            return 0.0
        return min(self.high, self.typical_first + self.typical_each_more * (count - 1))


class Defaults(Strict):
    raise_budget_group: str
    inflation_cpi_year: int
    retirement_contribution_pct: float
    match_rate_figure: str
    match_cap_figure: str
    ce_stipend_usd: float
    ce_stipend_note: str
    profit_sharing_usd: float


class SalaryModel(Strict):
    schema_version: Literal[1]
    occupation: str
    occupation_title: str
    data_year: int
    method_note: str
    stages: tuple[Stage, ...]
    experience_curve: Curve
    band_points: float = Field(gt=0, le=40)
    percentile_limits: tuple[float, float]
    employer_types: tuple[EmployerType, ...]
    skills: tuple[Skill, ...]
    skills_source: MethodNote
    education: tuple[Education, ...]
    education_note: str
    certifications: tuple[Certification, ...]
    certification_effect: CertificationEffect
    certification_note: str
    defaults: Defaults
    promotion_pct: float

    def stage_for(self, years: float) -> Stage:
        return [stage for stage in self.stages if years >= stage.min_years][-1]

    def employer(self, employer_id: str) -> EmployerType:
        return next(e for e in self.employer_types if e.id == employer_id)

    def education_level(self, education_id: str) -> Education:
        return next(e for e in self.education if e.id == education_id)


@cache
def salary_model() -> SalaryModel:
    return load_model("salary_model.json", SalaryModel)


# --- inputs -----------------------------------------------------------------------------------


class Assumptions(BaseModel):
    """Everything about pay growth and benefits that a person may want to change."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    raise_pct: float = Field(ge=-10, le=25, description="yearly raise of the pay scale, percent")
    inflation_pct: float = Field(ge=-5, le=25, description="yearly consumer price rise, percent")
    bonus_pct: float = Field(
        ge=0, le=100, description="bonus and other supplemental pay, % of base"
    )
    retirement_contribution_pct: float = Field(ge=0, le=100)
    match_rate_pct: float = Field(ge=0, le=200, description="employer match per dollar, percent")
    match_cap_pct: float = Field(ge=0, le=100, description="matched up to this % of salary")
    health_value_pct: float = Field(ge=0, le=100, description="employer health cover, % of base")
    pto_value_pct: float = Field(ge=0, le=100, description="paid time off, % of base")
    ce_stipend_usd: float = Field(ge=0, le=100_000)
    profit_sharing_usd: float = Field(ge=0, le=1_000_000)
    # A default, so profiles saved before this assumption existed still load.
    promotion_pct: float = Field(
        default_factory=lambda: salary_model().promotion_pct,
        ge=0,
        le=100,
        description="pay rise on each planned promotion, percent (a ptplanner assumption)",
    )


@cache
def default_assumptions() -> Assumptions:
    """Defaults drawn from the data: pay budgets, CPI, BLS benefit costs and the guide's match."""
    model = salary_model()
    costs = benefit_costs()
    figures = guide_figures()
    inflation = next(y for y in cpi().years if y.year == model.defaults.inflation_cpi_year)
    match_rate = figures.get(model.defaults.match_rate_figure).value
    match_cap = figures.get(model.defaults.match_cap_figure).value
    assert inflation.pct_change is not None and match_rate is not None and match_cap is not None
    return Assumptions(
        raise_pct=costs.salary_budgets_2026.for_group(model.defaults.raise_budget_group).pct_2026,
        inflation_pct=inflation.pct_change,
        bonus_pct=round(costs.ecec.share_of_wages("supplemental_pay"), 2),
        retirement_contribution_pct=model.defaults.retirement_contribution_pct,
        match_rate_pct=match_rate,
        match_cap_pct=match_cap,
        health_value_pct=round(costs.ecec.share_of_wages("insurance"), 2),
        pto_value_pct=round(costs.ecec.share_of_wages("paid_leave"), 2),
        ce_stipend_usd=model.defaults.ce_stipend_usd,
        profit_sharing_usd=model.defaults.profit_sharing_usd,
        promotion_pct=model.promotion_pct,
    )


def _known(kind: str, value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise ValueError(f"unknown {kind} {value!r}; choose one of: {', '.join(allowed)}")
    return value


class SalaryInputs(BaseModel):
    """A person's profile. Ids are checked against resources/salary_model.json."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    years_experience: float = Field(default=0, ge=0, le=50)
    education: str = "hs"
    certifications: frozenset[str] = frozenset()
    location: str = "National"
    employer_type: str = "private_clinic"
    skills: frozenset[str] = frozenset()
    assumptions: Assumptions = Field(default_factory=default_assumptions)

    @field_validator("education")
    @classmethod
    def _education(cls, value: str) -> str:
        return _known("education", value, [e.id for e in salary_model().education])

    @field_validator("employer_type")
    @classmethod
    def _employer(cls, value: str) -> str:
        return _known("employer type", value, [e.id for e in salary_model().employer_types])

    @field_validator("certifications")
    @classmethod
    def _certifications(cls, value: frozenset[str]) -> frozenset[str]:
        allowed = [c.id for c in salary_model().certifications]
        return frozenset(_known("certification", v, allowed) for v in value)

    @field_validator("skills")
    @classmethod
    def _skills(cls, value: frozenset[str]) -> frozenset[str]:
        allowed = [s.id for s in salary_model().skills]
        return frozenset(_known("skill", v, allowed) for v in value)

    @field_serializer("certifications", "skills")
    def _sorted(self, value: frozenset[str]) -> list[str]:
        return sorted(value)

    @field_validator("location")
    @classmethod
    def _location(cls, value: str) -> str:
        return find_area(value).name


# --- outputs ----------------------------------------------------------------------------------


class BreakdownItem(Strict):
    """One reason the estimate is what it is: its dollar effect and where the figure comes from."""

    factor: str
    label: str
    amount: float
    source: str
    date: str
    detail: str
    guide_says: str | None = None


class Compensation(Strict):
    base: float
    bonus: float
    retirement_match: float
    health: float
    paid_time_off: float
    ce_stipend: float
    profit_sharing: float

    @property
    def total(self) -> float:
        return (
            self.base
            + self.bonus
            + self.retirement_match
            + self.health
            + self.paid_time_off
            + self.ce_stipend
            + self.profit_sharing
        )


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


# --- the engine -------------------------------------------------------------------------------


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


def _money(amount: float) -> str:
    sign = "-" if amount < 0 else "+"
    return f"{sign}${abs(amount):,.0f}"


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


def retirement_match(base: float, assumptions: Assumptions) -> float:
    """Employer match: rate x the part of your contribution up to the cap, as % of base pay."""
    matched_pct = min(assumptions.retirement_contribution_pct, assumptions.match_cap_pct)
    return base * matched_pct / 100.0 * assumptions.match_rate_pct / 100.0


def _compensation_parts(base: float, assumptions: Assumptions) -> dict[str, float]:
    return {
        "base": base,
        "bonus": base * assumptions.bonus_pct / 100.0,
        "retirement_match": retirement_match(base, assumptions),
        "health": base * assumptions.health_value_pct / 100.0,
        "paid_time_off": base * assumptions.pto_value_pct / 100.0,
        "ce_stipend": assumptions.ce_stipend_usd,
        "profit_sharing": assumptions.profit_sharing_usd,
    }


def compensation(base: float, assumptions: Assumptions) -> Compensation:
    return Compensation(**_compensation_parts(base, assumptions))


def total_compensation(base: float, assumptions: Assumptions) -> float:
    """``compensation(base, assumptions).total`` without building the model (once a year of a
    projection, on every change in the Salary tab)."""
    return sum(_compensation_parts(base, assumptions).values())
