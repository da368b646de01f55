"""The estimate: what a person with a given profile earns in a given year, and why.

Method (docs/salary-method.md says it at length): start from the BLS national median for the
person's role; move to the area's median, then to what their kind of employer pays; place them
in that distribution by their years in the role (:mod:`.pay`); add education, certifications
and skills with diminishing returns and a cap; carry BLS's May 2025 pay levels to the year asked
about with the pay scale's growth. Every step is a breakdown line with its dollar effect and
source, and the lines add up to the estimate exactly. All parameters come from ``resources/``.
"""

import datetime as dt

from ptplanner.core.format import lower_first, money, percent
from ptplanner.core.knowledge import GuideFigures, area_wages, guide_figures
from ptplanner.core.locations import PriceLevel, find_area, price_level
from ptplanner.core.salary.compensation import Compensation, compensation
from ptplanner.core.salary.inputs import SalaryInputs, default_assumptions
from ptplanner.core.salary.ladder import national_median
from ptplanner.core.salary.market import market_history, pay_scale_factor
from ptplanner.core.salary.model import salary_model
from ptplanner.core.salary.pay import (
    CareerState,
    PayFigures,
    pay_figures,
    percentile_of,
    starting_state,
    wage_at,
)
from ptplanner.core.sources import Strict

__all__ = ["BreakdownItem", "Estimate", "estimate", "percentile_of", "wage_at"]


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
    year: int
    role_id: str
    role_title: str
    stage_id: str
    stage_label: str
    percentile: float
    low: float
    typical: float
    high: float
    breakdown: tuple[BreakdownItem, ...]
    compensation: Compensation
    bls_percentiles: tuple[float, float, float, float, float]
    """The role's P10..P90 for this area and employer type, carried to ``year``."""
    pay_scale_factor: float
    """How far the pay scale has moved from BLS's May figures to ``year``."""
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


def _rounded_steps(raw: list[float]) -> list[float]:
    # Round running totals, not each step: the lines then add up exactly to the estimate and
    # the estimate moves with its inputs the way the unrounded figures do.
    amounts: list[float] = []
    running = 0.0
    for amount in raw:
        amounts.append(float(round(running + amount) - round(running)))
        running += amount
    return amounts


def estimate(
    inputs: SalaryInputs, year: int | None = None, state: CareerState | None = None
) -> Estimate:
    """Base pay in ``year`` (default: this year), its range, its reasons and total pay.

    ``state`` is the career state the projection reached (a promotion, years in a role); by
    default the profile's own: starting in its role with its years of experience.
    """
    model = salary_model()
    year = dt.date.today().year if year is None else year
    profile = inputs.model_copy(update={"assumptions": default_assumptions()})
    state = starting_state(profile) if state is None else state._replace(profile=profile)
    pay = pay_figures(state)
    a = inputs.assumptions
    factor = pay_scale_factor(year - model.data_year, a.market_growth_pct, a.inflation_pct)
    items = _breakdown(inputs, state, pay, year, factor)
    amounts = _rounded_steps([item.amount for item in items])
    items = [
        item.model_copy(update={"amount": amount})
        for item, amount in zip(items, amounts, strict=True)
    ]
    typical = float(sum(amounts))
    low = min(float(round(pay.low * factor)), typical)
    high = max(float(round(pay.high * factor)), typical)
    area = find_area(inputs.location)
    level: PriceLevel | None = price_level(area)
    p10, p25, median, p75, p90 = (value * factor for value in pay.distribution)
    return Estimate(
        area_name=area.name,
        area_kind=area.kind,
        year=year,
        role_id=pay.role_id,
        role_title=pay.role_title,
        stage_id=pay.stage_id,
        stage_label=pay.stage_label,
        percentile=pay.percentile,
        low=low,
        typical=typical,
        high=high,
        breakdown=tuple(item for item in items if item.factor in _ALWAYS or item.amount),
        compensation=compensation(typical, a),
        bls_percentiles=(p10, p25, median, p75, p90),
        pay_scale_factor=factor,
        price_level=level.rpp if level else None,
        price_level_from=level.from_name if level else None,
        price_level_is_fallback=level.is_fallback if level else False,
        data_date=area_wages(model.occupation).date,
    )


_ALWAYS = frozenset({"start", "location", "employer", "experience", "market"})
"""Lines shown even at $0; the extras and the cap appear only when they do something."""


def _breakdown(
    inputs: SalaryInputs, state: CareerState, pay: PayFigures, year: int, factor: float
) -> list[BreakdownItem]:
    model = salary_model()
    rung = model.rung(pay.role_id)
    figures = guide_figures()
    area = find_area(inputs.location)
    employer = model.employer(inputs.employer_type)
    national, national_kind = national_median(rung.soc_code)
    date = area_wages(model.occupation).date
    median = pay.distribution[2]
    items = [
        BreakdownItem(
            factor="start",
            label=f"National median: {rung.title}",
            amount=national,
            source="bls_oews_2025",
            date=date,
            detail=f"BLS median for {rung.soc_code}, {national_kind}.",
            guide_says=(
                "The guide's aggregated national median is "
                f"{figures.get('national_median').text()}."
                if rung.id == model.default_role
                else None
            ),
        ),
        _location(area.name, area.kind, pay.pay.area_median - national, national, figures),
        BreakdownItem(
            factor="employer",
            label=f"Employer: {employer.label}",
            amount=median - pay.pay.area_median,
            source="bls_oews_2025",
            date=date,
            detail=pay.pay.note,
            guide_says=employer.guide_note if rung.id == model.default_role else None,
        ),
        _experience(state, pay),
    ]
    items.extend(_extras_lines(inputs, pay, factor))
    if pay.kept_lift > 0:
        items.append(
            BreakdownItem(
                factor="kept",
                label="Pay kept from your previous role",
                amount=pay.kept_lift,
                source="ptplanner_method",
                date="2026",
                detail=(
                    "Here BLS pays this role less than what you earned before the promotion; "
                    "ptplanner keeps your pay rather than cut it."
                ),
            )
        )
    items.append(_market_line(inputs, year, pay.typical * (factor - 1.0)))
    return items


def _location(
    name: str, kind: str, amount: float, national: float, figures: GuideFigures
) -> BreakdownItem:
    guide_area = figures.for_area(name)
    return BreakdownItem(
        factor="location",
        label=f"Location: {name}",
        amount=amount,
        source="bls_oews_2025",
        date=area_wages(salary_model().occupation).date,
        detail=(
            f"BLS median in this area is {amount / national:+.1%} against the nation."
            if kind != "national"
            else "National figures: no local adjustment."
        ),
        guide_says=(
            f"The guide puts this area {guide_area.text()} above the national average; "
            "ptplanner follows BLS."
            if guide_area is not None
            else None
        ),
    )


def _experience(state: CareerState, pay: PayFigures) -> BreakdownItem:
    model = salary_model()
    rung = model.rung(pay.role_id)
    years = state.years_in_role
    if rung.id == model.default_role:
        label = f"Experience: {years:g} years ({pay.stage_label.lower()})"
        guide = model.stage_for(state.experience)
        guide_says = f"The guide's {guide.label.lower()} range is "
        guide_says += f"{guide_figures().get(guide.guide_figure).text()}."
    else:
        label = f"{years:g} years as {lower_first(rung.title)}"
        guide_says = None
    detail = f"Places you at the {pay.position:.0f}th percentile of this pay"
    if state.entry_shift > 0:
        detail += (
            f"; the promotion placed you {state.entry_shift:.0f} points above the role's usual "
            "start, so it does not cut your pay"
        )
    return BreakdownItem(
        factor="experience",
        label=label,
        amount=pay.before_extras - pay.distribution[2],
        source=rung.progression.source,
        date=rung.progression.date,
        detail=detail + ".",
        guide_says=guide_says,
    )


def _extras_lines(inputs: SalaryInputs, pay: PayFigures, factor: float) -> list[BreakdownItem]:
    model = salary_model()
    figures = guide_figures()
    share = {1.0: "in full", 0.5: "at half", 0.25: "at a quarter"}
    lines: list[BreakdownItem] = []
    for extra in pay.extras:
        counted = share.get(extra.weight, f"at {extra.weight:g}")
        if extra.factor == "skills":
            names = [s.label for s in model.skills if s.id in inputs.skills]
            label = "Skills: " + (", ".join(names) or "none selected")
            source, date = model.skills_source.source, model.skills_source.date
            detail = f"{money(extra.full)} for in-demand skills, counted {counted}."
            guide = None
        elif extra.factor == "education":
            level = model.education_level(inputs.education)
            label = f"Education: {level.label}"
            figure = figures.get(level.guide_figure)
            source, date = "guide", figure.date
            detail = (
                f"{money(extra.full)} over a high school diploma from the guide's starting "
                f"ranges, scaled by the area's pay level ({pay.pay.scale:.2f}); counted {counted}."
            )
            guide = f"The guide's starting range is {figure.text()}."
        else:
            held = [c.id.upper() for c in model.certifications if c.id in inputs.certifications]
            label = "Certifications: " + (", ".join(held) or "none")
            figure = figures.get(model.certification_effect.guide_figure)
            source, date = "guide", figure.date
            detail = (
                f"{money(extra.full)} for {len(held)} certification(s), scaled by "
                f"{pay.pay.scale:.2f}; counted {counted}."
            )
            guide = f"The guide puts certification at {figure.text()} a year."
        lines.append(
            BreakdownItem(
                factor=extra.factor,
                label=label,
                amount=extra.counted,
                source=source,
                date=date,
                detail=detail,
                guide_says=guide,
            )
        )
    if pay.cap > 0:
        newcomer = "no experience yet" if pay.stage_id == "entry" else "your experience"
        lines.append(
            BreakdownItem(
                factor="extras_cap",
                label="Limit on extras",
                amount=-pay.cap,
                source="ptplanner_method",
                date="2026",
                detail=(
                    f"Education, certifications and skills together cannot lift pay with "
                    f"{newcomer} past {money(pay.typical * factor)} for this role here "
                    "(docs/salary-method.md, 'Extras')."
                ),
            )
        )
    return lines


def _market_line(inputs: SalaryInputs, year: int, amount: float) -> BreakdownItem:
    model = salary_model()
    a = inputs.assumptions
    history = market_history()
    years = year - model.data_year
    return BreakdownItem(
        factor="market",
        label=f"Pay scale from May {model.data_year} to {year}",
        amount=amount,
        source="bls_oews_history",
        date=f"{history.from_period}–{history.to_period}",
        detail=(
            f"{years} year(s) of inflation ({percent(a.inflation_pct)} a year) and of the pay "
            f"scale's own trend ({a.market_growth_pct:+.2f}% a year beyond prices; BLS's "
            f"median for the occupation moved {history.real_growth_pct:+.2f}% a year beyond "
            f"the CPI-U from {history.from_period} to {history.to_period})."
        ),
    )
