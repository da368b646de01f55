"""``build_report``: a projection (and what goes with it) in, the :class:`Report` it prints out.

Pure and Qt-free: ``ptplanner projection`` builds the report to print it as text, and the
printout builds the same report to paint it.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from ptplanner.core.format import long_date, money, percent
from ptplanner.core.projection import Dollars, Projection
from ptplanner.core.report.citations import cited_sources
from ptplanner.core.report.model import (
    TITLE,
    CareerPacket,
    Fact,
    Pinned,
    Report,
    dollars_label,
)
from ptplanner.core.report.today import build_today
from ptplanner.core.report.years import (
    comparison_lines,
    event_text,
    when_text,
    year_figures,
    year_table,
)
from ptplanner.core.salary.compensation import paid_leave_share_pct
from ptplanner.core.salary.inputs import Assumptions
from ptplanner.core.salary.ladder import rung
from ptplanner.core.salary.market import market_history
from ptplanner.core.salary.model import salary_model

if TYPE_CHECKING:  # the plan model loads only for a career packet, not for every projection
    from ptplanner.core.plan.model import Plan


MAX_PINS = 4
"""The most pinned scenarios a report prints (the Salary tab pins at most four)."""


class PinInput(NamedTuple):
    """A pinned scenario to print: the name the user gave it and its projection."""

    name: str
    projection: Projection


@dataclass(frozen=True)
class ReportInput:
    """What one report is about: the projection, pinned comparisons, the plan, the day."""

    projection: Projection
    comparison: Projection | None = None
    """A single pinned scenario, printed beside the current one (before any of ``pins``)."""
    comparison_label: str = ""
    pins: tuple[PinInput, ...] = ()
    """Pinned scenarios, in the order they were pinned; with ``comparison``, at most four."""
    plan: "Plan | None" = None
    career_packet: bool = False
    """Add the plan's status and a one-page role summary."""
    printed_on: date = field(default_factory=date.today)
    dollars: Dollars = "today"
    """Show money over the years in the first year's dollars, or nominal."""

    @property
    def pinned_name(self) -> str:
        return self.comparison_label.strip() or "Pinned scenario"

    def all_pins(self) -> tuple[PinInput, ...]:
        """``comparison`` (if any) then ``pins``, each named, at most :data:`MAX_PINS`."""
        first = () if self.comparison is None else (PinInput(self.pinned_name, self.comparison),)
        named = tuple(
            PinInput(pin.name.strip() or f"Pinned scenario {number}", pin.projection)
            for number, pin in enumerate(self.pins, start=len(first) + 1)
        )
        return (first + named)[:MAX_PINS]


def build_report(source: ReportInput) -> Report:
    """Everything the report states about ``source``, formatted once for every renderer."""
    projection = source.projection
    request = projection.request
    dollars = source.dollars
    last = request.start_year + request.years
    rows = year_figures(projection, dollars)
    pins = tuple(_pinned(source, pin) for pin in source.all_pins())
    pinned = pins[0] if len(pins) == 1 else None
    packet = None
    if source.career_packet:
        from ptplanner.core.report.packet import plan_progress, role_summary

        packet = CareerPacket(
            plan=plan_progress(source.plan, source.printed_on),
            role=role_summary(projection, dollars),
        )
    model = salary_model()
    employer = model.employer(request.inputs.employer_type).label
    projections = [projection, *(pin.projection for pin in source.all_pins())]
    unit = dollars_label(dollars, request.start_year)
    return Report(
        title=TITLE,
        subtitle=(
            f"Base pay and total compensation, {request.start_year} to {last}, in {unit}. "
            f"Prepared {long_date(source.printed_on)}."
        ),
        printed_on=source.printed_on,
        request=request,
        dollars=dollars,
        dollars_label=unit,
        running_header=f"{projection.today.area_name} · {employer}",
        facts=scenario_facts(projection),
        today=build_today(projection.today),
        rows=rows,
        year_table=year_table(rows, pinned.rows if pinned else None, dollars, request.start_year),
        assumptions=assumption_facts(request.inputs.assumptions),
        growth_note=projection.growth_factor_note,
        pinned=pinned,
        career_packet=packet,
        sources=cited_sources(projections, career_packet=source.career_packet),
        occupation=model.occupation,
        pins=pins,
    )


def _pinned(source: ReportInput, pin: PinInput) -> Pinned:
    other = pin.projection
    return Pinned(
        name=pin.name,
        facts=scenario_facts(other),
        rows=year_figures(other, source.dollars),
        assumptions=assumption_facts(other.request.inputs.assumptions),
        growth_note=f"{pin.name}: {other.growth_factor_note}",
        comparison=comparison_lines(source.projection, other, source.dollars),
    )


def scenario_facts(projection: Projection) -> tuple[Fact, ...]:
    """The profile, the role, the span of the projection and the planned changes, by date."""
    model = salary_model()
    request = projection.request
    inputs = request.inputs
    job = rung(inputs.role)
    held = [c.label.split(" (")[0] for c in model.certifications if c.id in inputs.certifications]
    certs = ", ".join(held) or "none"
    skills = ", ".join(s.label for s in model.skills if s.id in inputs.skills) or "none"
    # A plan step's label may end with its date already ("CMAA (Apr 2027)"): say it once.
    events = "; ".join(
        f"{when_text(e)}: {event_text(e).removesuffix(f' ({when_text(e)})')}"
        for e in request.ordered_events()
    )
    experience = f"{inputs.years_experience:g} years"
    starts = request.work_starts
    if starts is not None and starts > request.start_year:
        experience += f"; first job in {starts}, experience counts from then"
    last = request.start_year + request.years
    return (
        Fact("Location", projection.today.area_name),
        Fact("Employer type", model.employer(inputs.employer_type).label),
        Fact("Role", f"{job.title} (BLS {job.soc_code})"),
        Fact("Experience", experience),
        Fact("Education", model.education_level(inputs.education).label),
        Fact("Certifications", certs),
        Fact("Skills", skills),
        # N years on from the first: N + 1 rows, said so ("--years 15" is not 15 rows).
        Fact(
            "Projection",
            f"{request.start_year}–{last} "
            f"({request.start_year} and the next {request.years} years)",
        ),
        Fact("Planned changes", events or "none"),
    )


def assumption_facts(assumptions: Assumptions) -> tuple[Fact, ...]:
    """Every assumption behind the projection, as a reader would say it, with its basis."""
    a = assumptions
    history = market_history()
    defaults = salary_model().defaults
    return (
        Fact(
            "Pay scale growth beyond inflation",
            f"{a.market_growth_pct:+.2f}% a year (BLS history for {history.soc_code}: "
            f"{history.real_growth_pct:+.2f}% a year, {history.from_period}–{history.to_period})",
        ),
        Fact(
            "Inflation",
            f"{percent(a.inflation_pct)} a year (default: the CPI-U's change in "
            f"{defaults.inflation_cpi_year})",
        ),
        Fact("Bonus and supplemental pay", f"{percent(a.bonus_pct)} of base"),
        Fact("Profit sharing", f"{money(a.profit_sharing_usd)} a year"),
        Fact("Your 401(k) contribution", f"{percent(a.retirement_contribution_pct)} of base"),
        Fact("Employer match rate", f"{percent(a.match_rate_pct)} of what you put in"),
        Fact("Match cap", f"up to {percent(a.match_cap_pct)} of base"),
        Fact("Health cover value", f"{percent(a.health_value_pct)} of base"),
        Fact("Continuing-education stipend", f"{money(a.ce_stipend_usd)} a year"),
        Fact(
            "Paid leave",
            f"inside base pay (about {paid_leave_share_pct():.0f}% of it), not added",
        ),
    )
