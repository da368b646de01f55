"""What the estimate is asked about: a person's profile (:class:`SalaryInputs`) and the
assumptions about raises, inflation and benefits (:class:`Assumptions`), with their defaults.

Ids in a profile are checked against the salary model, and a location name is resolved to the
area it names, so a profile that validates is one the estimate can price.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from ptplanner.core.knowledge import benefit_costs, cpi, guide_figures
from ptplanner.core.locations import find_area
from ptplanner.core.salary.model import salary_model


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
