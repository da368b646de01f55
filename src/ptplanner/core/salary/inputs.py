"""What the estimate is asked about: a person's profile (:class:`SalaryInputs`) and the
assumptions about market growth, inflation and benefits (:class:`Assumptions`), with their defaults.

Ids in a profile are checked against the salary model, and a location name is resolved to the
area it names, so a profile that validates is one the estimate can price.
"""

from collections.abc import Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_serializer, field_validator

from ptplanner.core.knowledge import benefit_costs, cpi, guide_figures
from ptplanner.core.locations import find_area
from ptplanner.core.salary.market import market_history
from ptplanner.core.salary.model import salary_model

MARKET_GROWTH_RANGE = (-3.0, 10.0)
"""Real yearly growth of the pay scale ptplanner accepts, percent: BLS's May 2020-May 2025 medians
for the ladder's three published occupations moved between about -0.9% and -0.2% a year beyond
prices, so the range
leaves room for a very different future without allowing pay that compounds past any history."""
INFLATION_RANGE = (-2.0, 15.0)
"""Yearly CPI-U change ptplanner accepts, percent: the CPI-U's annual change since 1960 has run
from about -0.4% (2009) to 13.5% (1980)."""

REMOVED_ASSUMPTIONS = frozenset({"raise_pct", "pto_value_pct", "promotion_pct"})
"""Assumptions of the first model: a raise budget that grew the whole pay scale, paid time off
counted on top of annual pay and a fixed promotion raise. A saved profile may still carry them;
they are dropped on load (see :meth:`SalaryInputs.from_saved`)."""


class Assumptions(BaseModel):
    """Everything about pay growth and benefits that a person may want to change."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    market_growth_pct: float = Field(
        ge=MARKET_GROWTH_RANGE[0],
        le=MARKET_GROWTH_RANGE[1],
        description="yearly growth of the whole pay scale beyond inflation, percent",
    )
    inflation_pct: float = Field(
        ge=INFLATION_RANGE[0], le=INFLATION_RANGE[1], description="yearly rise of prices, percent"
    )
    bonus_pct: float = Field(
        ge=0, le=100, description="bonus and other supplemental pay, % of base"
    )
    retirement_contribution_pct: float = Field(ge=0, le=100)
    match_rate_pct: float = Field(ge=0, le=200, description="employer match per dollar, percent")
    match_cap_pct: float = Field(ge=0, le=100, description="matched up to this % of salary")
    health_value_pct: float = Field(ge=0, le=100, description="employer health cover, % of base")
    ce_stipend_usd: float = Field(ge=0, le=100_000)
    profit_sharing_usd: float = Field(ge=0, le=1_000_000)


@cache
def default_assumptions() -> Assumptions:
    """Defaults from the data: BLS pay history, CPI, BLS benefit costs and the guide's match."""
    model = salary_model()
    costs = benefit_costs()
    figures = guide_figures()
    inflation = next(y for y in cpi().years if y.year == model.defaults.inflation_cpi_year)
    match_rate = figures.get(model.defaults.match_rate_figure).value
    match_cap = figures.get(model.defaults.match_cap_figure).value
    assert inflation.pct_change is not None and match_rate is not None and match_cap is not None
    return Assumptions(
        market_growth_pct=round(market_history().real_growth_pct, 2),
        inflation_pct=inflation.pct_change,
        bonus_pct=round(costs.ecec.share_of_wages("supplemental_pay"), 2),
        retirement_contribution_pct=model.defaults.retirement_contribution_pct,
        match_rate_pct=match_rate,
        match_cap_pct=match_cap,
        health_value_pct=round(costs.ecec.share_of_wages("insurance"), 2),
        ce_stipend_usd=model.defaults.ce_stipend_usd,
        profit_sharing_usd=model.defaults.profit_sharing_usd,
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
    role: str = Field(default_factory=lambda: salary_model().default_role)
    """The rung of the career ladder the person works in (or starts in)."""
    assumptions: Assumptions = Field(default_factory=default_assumptions)

    @classmethod
    def from_saved(cls, data: dict[str, Any]) -> "SalaryInputs":
        """A profile saved by any release: assumptions the model no longer has are dropped,
        and missing ones take today's defaults."""
        upgraded = dict(data)
        saved = data.get("assumptions")
        if isinstance(saved, dict):
            kept = {k: v for k, v in saved.items() if k not in REMOVED_ASSUMPTIONS}
            upgraded["assumptions"] = {**default_assumptions().model_dump(), **kept}
        return cls.model_validate(upgraded)

    @field_validator("role")
    @classmethod
    def _role(cls, value: str) -> str:
        return _known("role", value, [rung.id for rung in salary_model().ladder])

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
