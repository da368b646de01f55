"""Typed, validated views of the figures in ``resources/``: wages, price levels, prices, benefits.

Each loader reads one data file through the strict resource accessor, validates it with
``extra="forbid"`` models and caches the result, so the engine and the window share one copy and
a malformed release fails on load instead of producing wrong pay.
"""

from functools import cache
from typing import Literal

from pydantic import Field, model_validator

from ptplanner.core.resources import load_model
from ptplanner.core.sources import Strict

PERCENTILE_POINTS = (10.0, 25.0, 50.0, 75.0, 90.0)


class WageRow(Strict):
    """Annual wage percentiles as BLS publishes them; ``None`` where BLS released no figure."""

    employment: int | None = None
    mean: int | None = None
    p10: int | None = None
    p25: int | None = None
    median: int | None = None
    p75: int | None = None
    p90: int | None = None

    def percentiles(self) -> tuple[int, int, int, int, int] | None:
        values = (self.p10, self.p25, self.median, self.p75, self.p90)
        if any(value is None for value in values):
            return None
        p10, p25, median, p75, p90 = (int(value) for value in values if value is not None)
        return p10, p25, median, p75, p90

    @model_validator(mode="after")
    def _ordered(self) -> "WageRow":
        known = [v for v in (self.p10, self.p25, self.median, self.p75, self.p90) if v is not None]
        if known != sorted(known):
            raise ValueError("wage percentiles must not decrease")
        return self


class AreaWage(WageRow):
    """One area's row; hourly figures, jobs per 1,000 and location quotient are ``None`` where
    BLS released none (the national row has no jobs per 1,000 or location quotient)."""

    code: str = Field(pattern=r"^\d{7}$")
    kind: Literal["national", "state", "metro"]
    name: str
    state_fips: str
    hourly_p10: float | None = Field(default=None, gt=0)
    hourly_p25: float | None = Field(default=None, gt=0)
    hourly_median: float | None = Field(default=None, gt=0)
    hourly_p75: float | None = Field(default=None, gt=0)
    hourly_p90: float | None = Field(default=None, gt=0)
    jobs_per_1000: float | None = Field(default=None, ge=0)
    location_quotient: float | None = Field(default=None, ge=0)
    footnotes: str | None = None


class AreaWageTable(Strict):
    schema_version: Literal[1]
    source: str
    source_line: str
    date: str
    soc_code: str
    areas: tuple[AreaWage, ...]

    @model_validator(mode="after")
    def _one_national(self) -> "AreaWageTable":
        if sum(area.kind == "national" for area in self.areas) != 1:
            raise ValueError("a wage table needs exactly one national row")
        return self

    def national(self) -> AreaWage:
        return next(area for area in self.areas if area.kind == "national")


class IndustryWage(WageRow):
    reference_period: str
    soc_code: str
    title: str
    naics: str
    industry: str


class OccupationWage(WageRow):
    soc_code: str
    title: str
    display_level: int


class NationalWages(Strict):
    source: str
    date: str
    source_line: str
    rows: tuple[IndustryWage, ...]


class PtOfficeWages(Strict):
    source: str
    source_line: str
    date: str
    naics: str
    rows: tuple[OccupationWage, ...]


class IndustryWageTables(Strict):
    schema_version: Literal[1]
    national: NationalWages
    pt_offices: PtOfficeWages

    def industry(self, soc_code: str, naics: str, period: str = "May 2025") -> IndustryWage:
        for row in self.national.rows:
            if row.soc_code == soc_code and row.naics == naics and row.reference_period == period:
                return row
        raise KeyError(f"no {period} wages for {soc_code} in industry {naics}")

    def history(self, soc_code: str) -> list[IndustryWage]:
        """Cross-industry national wages by year, oldest first."""
        rows = [r for r in self.national.rows if r.soc_code == soc_code and r.naics == "000000"]
        return sorted(rows, key=lambda row: row.reference_period[-4:])

    def in_pt_offices(self, soc_code: str) -> OccupationWage:
        for row in self.pt_offices.rows:
            if row.soc_code == soc_code:
                return row
        raise KeyError(f"no PT-office wages for {soc_code}")


class PriceParity(Strict):
    fips: str = Field(pattern=r"^\d{5}$")
    name: str
    rpp: float | None = Field(default=None, gt=0)
    rpp_housing: float | None = Field(default=None, gt=0)


class PriceParities(Strict):
    schema_version: Literal[1]
    source: str
    date: str
    source_lines: tuple[str, ...]
    states: tuple[PriceParity, ...]
    metros: tuple[PriceParity, ...]


class CpiYear(Strict):
    year: int
    all_items: float = Field(gt=0)
    pct_change: float | None = None
    medical_care: float | None = None


class CpiTable(Strict):
    schema_version: Literal[1]
    source: str
    date: str
    source_line: str
    years: tuple[CpiYear, ...]

    def latest(self) -> CpiYear:
        return max(self.years, key=lambda row: row.year)


class ProjectionRow(Strict):
    source: str
    period: str
    soc_code: str
    occupation: str
    employment_base_thousands: float
    employment_target_thousands: float
    change_thousands: float
    pct_change: float
    openings_thousands: float
    median_wage: int
    wage_year: int
    entry_education: str
    training: str


class ProjectionTable(Strict):
    schema_version: Literal[1]
    source_line: str
    rows: tuple[ProjectionRow, ...]

    def for_occupation(self, soc_code: str) -> list[ProjectionRow]:
        return sorted((r for r in self.rows if r.soc_code == soc_code), key=lambda r: r.period)


class EcecCosts(Strict):
    source: str
    date: str
    group: str
    wages_per_hour: float = Field(gt=0)
    per_hour: dict[
        Literal["paid_leave", "supplemental_pay", "insurance", "retirement", "legally_required"],
        float,
    ]

    def share_of_wages(self, part: str) -> float:
        """A benefit's cost as a percentage of wages (not of total compensation)."""
        return 100.0 * self.per_hour[part] / self.wages_per_hour  # type: ignore[index]


class SalaryBudget(Strict):
    measure: str
    group: str
    reference_period: str
    pct_2026: float
    merit_pct_2026: float | None = None
    reported_by: str


class SalaryBudgets(Strict):
    source: str
    date: str
    rows: tuple[SalaryBudget, ...]

    def for_group(self, group: str) -> SalaryBudget:
        for row in self.rows:
            if row.group == group:
                return row
        raise KeyError(f"no salary budget for {group!r}")


class BenefitCosts(Strict):
    schema_version: Literal[1]
    source_line: str
    ecec: EcecCosts
    salary_budgets_2026: SalaryBudgets


class GuideFigure(Strict):
    """A figure as the career guide states it: a value, a range, or both."""

    id: str
    label: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    open_ended: bool = False
    unit: Literal["USD/year", "percent"]
    source: str
    date: str
    area_match: str | None = None
    employer_type: str | None = None

    @model_validator(mode="after")
    def _has_number(self) -> "GuideFigure":
        if self.value is None and self.low is None:
            raise ValueError(f"guide figure {self.id!r} has no value")
        return self

    def text(self) -> str:
        """The figure as a reader would write it: "$35,000-$42,000", "15-25%", "$45,160"."""

        def fmt(number: float) -> str:
            return f"{number:g}%" if self.unit == "percent" else f"${number:,.0f}"

        plus = "+" if self.open_ended else ""
        if self.low is not None and self.high is not None:
            if self.unit == "percent":
                return f"{self.low:g}-{self.high:g}%{plus}"
            return f"{fmt(self.low)}-{fmt(self.high)}{plus}"
        if self.low is not None:
            return f"{fmt(self.low)}+"
        assert self.value is not None
        return fmt(self.value)


class GuideFigures(Strict):
    schema_version: Literal[1]
    note: str
    figures: tuple[GuideFigure, ...]

    def get(self, figure_id: str) -> GuideFigure:
        for figure in self.figures:
            if figure.id == figure_id:
                return figure
        raise KeyError(f"no guide figure {figure_id!r}")

    def for_area(self, area_name: str) -> GuideFigure | None:
        for figure in self.figures:
            if (
                figure.area_match
                and figure.unit == "percent"
                and area_name.startswith(figure.area_match)
            ):
                return figure
        return None


def area_wages(soc_code: str = "43-6013") -> AreaWageTable:
    return _area_wages(soc_code)


@cache  # keyed on the code itself, so area_wages() and area_wages("43-6013") share one table
def _area_wages(soc_code: str) -> AreaWageTable:
    return load_model(f"wages/oews_2025_{soc_code}.json", AreaWageTable)


@cache
def industry_wages() -> IndustryWageTables:
    return load_model("wages/oews_industries.json", IndustryWageTables)


@cache
def price_parities() -> PriceParities:
    return load_model("bea_price_parities.json", PriceParities)


@cache
def cpi() -> CpiTable:
    return load_model("bls_cpi.json", CpiTable)


@cache
def employment_projections() -> ProjectionTable:
    return load_model("bls_projections.json", ProjectionTable)


@cache
def benefit_costs() -> BenefitCosts:
    return load_model("bls_benefit_costs.json", BenefitCosts)


@cache
def guide_figures() -> GuideFigures:
    return load_model("guide_figures.json", GuideFigures)
