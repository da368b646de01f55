"""The salary model's parameters, loaded once from resources/salary_model.json.

The career ladder (each rung's BLS occupation and how a person climbs its distribution), the
stages, employer types, skills, education and certification effects, the rule for combining
them, the market-growth window and the defaults behind the assumptions: every number the model
uses that is not a BLS or guide figure, each with the source it rests on.
"""

from bisect import bisect_right
from functools import cache
from typing import Literal

from pydantic import Field

from ptplanner.core.resources import load_model
from ptplanner.core.sources import Strict


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
    inflation_cpi_year: int
    retirement_contribution_pct: float
    match_rate_figure: str
    match_cap_figure: str
    ce_stipend_usd: float
    ce_stipend_note: str
    profit_sharing_usd: float


class Rung(Strict):
    """One job on the career ladder, priced from its own BLS occupation."""

    id: str
    title: str
    soc_code: str = Field(pattern=r"^\d\d-\d{4}$")
    usual_years_before: float = Field(ge=0, le=40)
    """Years of work a person usually has on reaching the rung: where a profile that starts in it
    sits on the rung's own progression."""
    progression: Curve
    """Percentile of the rung's pay distribution reached after N years in it."""
    extras_apply: bool
    """Whether the guide's effects for education, certifications and skills apply (the guide
    gives them for coordinator jobs only)."""
    prerequisites: str
    prerequisites_source: str
    guide_figure: str | None


class Market(Strict):
    """The window of BLS history the pay scale's real growth is measured over."""

    soc_code: str
    from_period: str
    to_period: str
    cpi_from_year: int
    cpi_to_year: int
    note: str


class Extras(Strict):
    """How education, certifications and skills combine, and how far they can lift pay."""

    weights: tuple[float, float, float]
    newcomer_cap_percentile: float = Field(gt=0, lt=100)
    room_after_ramp_points: float = Field(ge=0, le=50)
    ramp_years: float = Field(gt=0)
    note: str


class SalaryModel(Strict):
    schema_version: Literal[2]
    occupation: str
    occupation_title: str
    data_year: int
    method_note: str
    stages: tuple[Stage, ...]
    ladder: tuple[Rung, ...] = Field(min_length=1)
    default_role: str
    market: Market
    extras: Extras
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

    def stage_for(self, years: float) -> Stage:
        return [stage for stage in self.stages if years >= stage.min_years][-1]

    def employer(self, employer_id: str) -> EmployerType:
        return next(e for e in self.employer_types if e.id == employer_id)

    def education_level(self, education_id: str) -> Education:
        return next(e for e in self.education if e.id == education_id)

    def rung(self, rung_id: str) -> Rung:
        for rung in self.ladder:
            if rung.id == rung_id:
                return rung
        raise KeyError(f"no rung {rung_id!r} on the career ladder")


@cache
def salary_model() -> SalaryModel:
    """resources/salary_model.json, validated, loaded once."""
    return load_model("salary_model.json", SalaryModel)
