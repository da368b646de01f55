"""``project()``: pay year by year; the one function behind the Salary tab, printout and CLI.

Each year prices the career state :func:`~ptplanner.core.projection.career.walk` reached (role,
years in it, profile after the planned events) at BLS May 2025 pay levels, then moves the whole
pay scale to that year: prices plus the scale's own real trend. Figures in today's dollars
divide out the inflation since the first year, so only the real trend, progression and
promotions move them. The first row is today's estimate, to the dollar.
"""

from functools import lru_cache

from ptplanner.core.projection.career import walk
from ptplanner.core.projection.request import Dollars, ProjectionRequest
from ptplanner.core.salary.compensation import cash_pay, total_compensation
from ptplanner.core.salary.estimate import Estimate, estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.market import market_history, pay_scale_factor
from ptplanner.core.salary.model import salary_model
from ptplanner.core.salary.pay import CareerState, pay_figures
from ptplanner.core.sources import Strict


class YearRow(Strict):
    """One year of a projection. Money is as paid that year (nominal); ``*_real`` is in the first
    year's dollars."""

    year: int
    offset: int
    experience: float
    years_in_role: float
    role: str
    role_title: str
    stage: str
    working: bool
    low: float
    typical: float
    high: float
    cash_pay: float
    total_compensation: float
    deflator: float
    """Prices this year over the first year's: nominal / deflator = today's dollars."""
    bls_p10: float
    bls_p90: float
    events: tuple[str, ...]

    @property
    def typical_real(self) -> float:
        return self.typical / self.deflator

    @property
    def total_real(self) -> float:
        return self.total_compensation / self.deflator

    def money(self, dollars: Dollars) -> tuple[float, float, float, float]:
        """(low, typical, high, total compensation) in the dollars asked for."""
        d = 1.0 if dollars == "nominal" else self.deflator
        return self.low / d, self.typical / d, self.high / d, self.total_compensation / d


class Projection(Strict):
    request: ProjectionRequest
    today: Estimate
    rows: tuple[YearRow, ...]
    growth_factor_note: str

    @property
    def final(self) -> YearRow:
        return self.rows[-1]


@lru_cache(maxsize=64)
def _estimate(inputs: SalaryInputs, year: int, state: CareerState) -> Estimate:
    return estimate(inputs, year, state)


def project(request: ProjectionRequest) -> Projection:
    """Pay for each year from ``start_year`` through ``start_year + years``."""
    model = salary_model()
    a = request.inputs.assumptions
    career = walk(request)
    first = career[0]
    today = _estimate(
        first.state.profile.model_copy(update={"assumptions": a}), first.year, first.state
    )
    rows: list[YearRow] = []
    for offset, step in enumerate(career):
        figures = pay_figures(step.state)
        factor = pay_scale_factor(step.year - model.data_year, a.market_growth_pct, a.inflation_pct)
        typical = today.typical if offset == 0 else float(round(figures.typical * factor))
        low = min(float(round(figures.low * factor)), typical)
        high = max(float(round(figures.high * factor)), typical)
        rows.append(
            YearRow(
                year=step.year,
                offset=offset,
                experience=step.state.experience,
                years_in_role=step.state.years_in_role,
                role=figures.role_id,
                role_title=figures.role_title,
                stage=figures.stage_label,
                working=step.working,
                low=low,
                typical=typical,
                high=high,
                cash_pay=cash_pay(typical, a),
                total_compensation=total_compensation(typical, a),
                deflator=(1.0 + a.inflation_pct / 100.0) ** offset,
                bls_p10=figures.distribution[0] * factor,
                bls_p90=figures.distribution[4] * factor,
                events=step.happened,
            )
        )
    return Projection(
        request=request, today=today, rows=tuple(rows), growth_factor_note=growth_note(request)
    )


def growth_note(request: ProjectionRequest) -> str:
    """How the projection moves pay from year to year, in one paragraph."""
    model = salary_model()
    a = request.inputs.assumptions
    history = market_history()
    return (
        f"BLS May {model.data_year} pay carried to {request.start_year}. Each year the whole pay "
        f"scale moves {a.market_growth_pct:+.2f}% beyond prices (BLS: the occupation's median "
        f"moved {history.real_growth_pct:+.2f}% a year beyond the CPI-U, "
        f"{history.from_period}–{history.to_period}) and prices rise {a.inflation_pct:g}% a year; "
        f"figures in {request.start_year} dollars take the inflation out. On top of that you "
        "move up your role's pay distribution with years in it, and a promotion moves you into "
        "the new role's BLS pay (never below what you earned)."
    )
