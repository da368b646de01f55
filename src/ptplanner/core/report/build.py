"""``build_report``: a projection (and what goes with it) in, the :class:`Report` it prints out.

Pure and Qt-free: ``ptplanner projection`` builds the report to print it as text, and the
printout builds the same report to paint it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ptplanner.core.format import long_date, money, percent
from ptplanner.core.projection import Projection
from ptplanner.core.report.citations import cited_sources
from ptplanner.core.report.model import TITLE, CareerPacket, Fact, Pinned, Report
from ptplanner.core.report.today import build_today
from ptplanner.core.report.years import comparison_lines, event_text, year_figures, year_table
from ptplanner.core.salary.inputs import Assumptions
from ptplanner.core.salary.model import salary_model

if TYPE_CHECKING:  # the plan model loads only for a career packet, not for every projection
    from ptplanner.core.plan.model import Plan


@dataclass(frozen=True)
class ReportInput:
    """What one report is about: the projection, a pinned comparison, the plan, the day."""

    projection: Projection
    comparison: Projection | None = None
    """A pinned second scenario, printed beside the current one."""
    comparison_label: str = ""
    plan: Plan | None = None
    career_packet: bool = False
    """Add the plan's status and a one-page role summary."""
    printed_on: date = field(default_factory=date.today)

    @property
    def pinned_name(self) -> str:
        return self.comparison_label.strip() or "Pinned scenario"


def build_report(source: ReportInput) -> Report:
    """Everything the report states about ``source``, formatted once for every renderer."""
    projection = source.projection
    request = projection.request
    last = request.start_year + request.years
    rows = year_figures(projection)
    pinned = _pinned(source) if source.comparison is not None else None
    packet = None
    if source.career_packet:
        from ptplanner.core.report.packet import plan_progress, role_summary

        packet = CareerPacket(
            plan=plan_progress(source.plan, source.printed_on), role=role_summary()
        )
    model = salary_model()
    employer = model.employer(request.inputs.employer_type).label
    projections = [projection] + ([source.comparison] if source.comparison is not None else [])
    return Report(
        title=TITLE,
        subtitle=(
            f"Base pay and total compensation, {request.start_year} to {last}. "
            f"Prepared {long_date(source.printed_on)}."
        ),
        printed_on=source.printed_on,
        request=request,
        running_header=f"{projection.today.area_name} · {employer}",
        facts=scenario_facts(projection),
        today=build_today(projection.today),
        rows=rows,
        year_table=year_table(rows, pinned.rows if pinned else None, request.start_year),
        assumptions=assumption_facts(request.inputs.assumptions),
        growth_note=projection.growth_factor_note,
        pinned=pinned,
        career_packet=packet,
        sources=cited_sources(projections, career_packet=source.career_packet),
        occupation=model.occupation,
    )


def _pinned(source: ReportInput) -> Pinned:
    other = source.comparison
    assert other is not None
    return Pinned(
        name=source.pinned_name,
        facts=scenario_facts(other),
        rows=year_figures(other),
        assumptions=assumption_facts(other.request.inputs.assumptions),
        growth_note=f"{source.pinned_name}: {other.growth_factor_note}",
        comparison=comparison_lines(source.projection, other),
    )


def scenario_facts(projection: Projection) -> tuple[Fact, ...]:
    """The profile, the span of the projection and the planned changes, labelled."""
    model = salary_model()
    request = projection.request
    inputs = request.inputs
    certs = ", ".join(sorted(c.upper() for c in inputs.certifications)) or "none"
    skills = ", ".join(s.label for s in model.skills if s.id in inputs.skills) or "none"
    ordered = sorted(request.events, key=lambda e: e.year)
    events = "; ".join(f"{e.year}: {event_text(e)}" for e in ordered) or "none"
    last = request.start_year + request.years
    return (
        Fact("Location", projection.today.area_name),
        Fact("Employer type", model.employer(inputs.employer_type).label),
        Fact("Education", model.education_level(inputs.education).label),
        Fact("Certifications", certs),
        Fact("Experience", f"{inputs.years_experience:g} years"),
        Fact("Skills", skills),
        Fact("Projection", f"{request.start_year}–{last} ({request.years} years)"),
        Fact("Planned changes", events),
    )


def assumption_facts(assumptions: Assumptions) -> tuple[Fact, ...]:
    """Every assumption behind the projection, as a reader would say it."""
    a = assumptions
    return (
        Fact("Annual raise", f"{percent(a.raise_pct)} a year"),
        Fact("Inflation", f"{percent(a.inflation_pct)} a year"),
        Fact("Bonus and supplemental pay", f"{percent(a.bonus_pct)} of base"),
        Fact("Your 401(k) contribution", f"{percent(a.retirement_contribution_pct)} of base"),
        Fact("Employer match rate", f"{percent(a.match_rate_pct)} of what you put in"),
        Fact("Match cap", f"up to {percent(a.match_cap_pct)} of base"),
        Fact("Health cover value", f"{percent(a.health_value_pct)} of base"),
        Fact("Paid time off value", f"{percent(a.pto_value_pct)} of base"),
        Fact("Continuing-education stipend", f"{money(a.ce_stipend_usd)} a year"),
        Fact("Profit sharing", f"{money(a.profit_sharing_usd)} a year"),
        Fact("Promotion raise", f"{percent(a.promotion_pct)} on each planned promotion"),
    )
