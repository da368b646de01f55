"""The career packet's contents: the plan's progress (what is done, overdue and next) and the
role summary, with BLS's pay for every rung of the career ladder beside the guide's."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from ptplanner.core.format import STATUS_LABELS, money, short_date
from ptplanner.core.knowledge import guide_figures
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.progress import progress_history
from ptplanner.core.plan.rollup import effective
from ptplanner.core.projection import Dollars, Projection
from ptplanner.core.report.model import (
    CertificationSummary,
    DoneStep,
    Duty,
    LadderRung,
    OutlookLine,
    PlanProgress,
    PlanStep,
    RoleSummary,
    dollars_label,
)
from ptplanner.core.salary.ladder import ladder, rung_pay
from ptplanner.core.salary.market import pay_scale_factor
from ptplanner.core.salary.model import salary_model
from ptplanner.core.sources import source_catalog

NEXT_STEPS_SHOWN = 12
"""How many dated steps ahead the packet lists; the rest are counted."""
DONE_STEPS_SHOWN = 15
"""How many finished steps the packet lists (the latest ones); the rest are counted."""
_OPEN = (Status.NOT_STARTED, Status.IN_PROGRESS)


def _with_paths(
    milestones: Sequence[Milestone], trail: tuple[str, ...] = ()
) -> Iterator[tuple[Milestone, tuple[str, ...]]]:
    for milestone in milestones:
        yield milestone, trail
        yield from _with_paths(milestone.children, (*trail, milestone.title))


def _step(milestone: Milestone, trail: tuple[str, ...], today: date) -> PlanStep:
    overdue_by = ""
    target = milestone.target_date
    if target is not None and target < today:
        late = (today - target).days
        overdue_by = f"{late} day{'s' if late != 1 else ''}"
    return PlanStep(
        title=milestone.title,
        part_of="Part of: " + " › ".join(trail) if trail else "",
        target_date=target.isoformat() if target is not None else "",
        status=STATUS_LABELS[milestone.status],
        overdue_by=overdue_by,
        pay_effect=milestone.pay_effect or "",
    )


def plan_progress(plan: Plan | None, today: date) -> PlanProgress | None:
    """How far the plan has come on ``today``: what is done (with dates), overdue or next;
    None with no plan. A step the parent done rule finishes counts as done here too."""
    if plan is None or not plan.milestones:
        return None
    entries = [(m, t, *effective(m)) for m, t in _with_paths(plan.milestones)]
    done, counted = plan.leaf_counts()
    skipped = sum(1 for m, _, _, _ in entries if m.status is Status.SKIPPED)
    progress = plan.progress()
    summary = f"{plan.title}: {progress:.0f}% complete — {done} of {counted} steps done"
    summary += f" ({skipped} skipped, not counted)." if skipped else "."

    open_dated = [
        (m, t) for m, t, status, _ in entries if status in _OPEN and m.target_date is not None
    ]
    overdue = sorted(
        ((m, t) for m, t in open_dated if m.target_date is not None and m.target_date < today),
        key=lambda e: e[0].target_date or today,
    )
    upcoming = sorted(
        ((m, t) for m, t in open_dated if m.target_date is not None and m.target_date >= today),
        key=lambda e: e[0].target_date or today,
    )
    # A step with sub-steps and no date is just a group; only undated leaves need a date.
    undated = sum(
        1
        for m, _, status, _ in entries
        if status in _OPEN and m.target_date is None and not m.children
    )
    shown = upcoming[:NEXT_STEPS_SHOWN]
    more = []
    if len(upcoming) > len(shown):
        more.append(f"{len(upcoming) - len(shown)} more dated steps follow")
    if undated:
        more.append(f"{undated} open step{'s have' if undated != 1 else ' has'} no target date")
    finished = [(m, t, when) for m, t, status, when in entries if status is Status.DONE]
    # Oldest first, undated last; a long history keeps its latest steps.
    finished.sort(key=lambda e: (e[2] is None, e[2] or today))
    kept = finished[-DONE_STEPS_SHOWN:]
    left_out = len(finished) - len(kept)
    return PlanProgress(
        summary=summary,
        fraction=progress / 100.0,
        overdue=tuple(_step(m, trail, today) for m, trail in overdue),
        next_steps=tuple(_step(m, trail, today) for m, trail in shown),
        completed=tuple(_done(m, trail, when) for m, trail, when in kept),
        completed_more=(
            f"{left_out} earlier finished step{'s are' if left_out != 1 else ' is'} not listed."
            if left_out
            else ""
        ),
        more="; ".join(more) + "." if more else "",
        history=progress_history(plan, today),
    )


def _guide_date() -> str:
    return source_catalog().get("guide").reference_date


def _done(milestone: Milestone, trail: tuple[str, ...], when: date | None) -> DoneStep:
    return DoneStep(
        title=milestone.title,
        part_of="Part of: " + " › ".join(trail) if trail else "",
        done_on=short_date(when) if when is not None else "date not recorded",
    )


_BANDS = {
    "p10_p25": (0, 1, "10th–25th"),
    "p25_p75": (1, 3, "25th–75th"),
    "p75_p90": (3, 4, "75th–90th"),
}
"""A content wage band: its indices in BLS's five percentiles, and how the table names it."""


def role_summary(projection: Projection, dollars: Dollars) -> RoleSummary:
    """The role at a glance, from the knowledge base: duties, credentials, outlook, and the
    career ladder with BLS's pay for each rung (in the projection's area, at its kind of
    employer, in the report's dollars) beside the guide's."""
    from ptplanner.core.content import overview

    data = overview()
    effect = data.certification_pay_effect
    plus = "+" if effect.open_ended else ""
    request = projection.request
    area, employer = projection.today.area_name, request.inputs.employer_type
    a = request.inputs.assumptions
    model = salary_model()
    # The first year's dollars and nominal ones are the same in the first year.
    factor = pay_scale_factor(
        request.start_year - model.data_year, a.market_growth_pct, a.inflation_pct
    )
    occupations = {r.id: r.soc_title for r in data.career_ladder}
    bands = {r.id: r.wage_band for r in data.career_ladder}
    figures = guide_figures()
    ladder_rows = []
    for number, job in enumerate(ladder(), start=1):
        pay = [v * factor for v in rung_pay(job.id, area, employer).percentiles]
        # The band the Overview gives the rung: a lead coordinator works at the top of the
        # coordinator's own range, the others across its middle.
        low_index, high_index, band = _BANDS[bands.get(job.id, "p25_p75")]
        median = pay[2]
        guide = "the guide gives no figure"
        if job.guide_figure is not None:
            figure = figures.get(job.guide_figure)
            guide = figure.text()
        ladder_rows.append(
            LadderRung(
                number=str(number),
                title=job.title,
                occupation=f"BLS {job.soc_code} {occupations.get(job.id, '')}".rstrip(),
                prerequisites=job.prerequisites,
                bls_pay=f"{money(pay[low_index])}–{money(pay[high_index])} ({band})",
                bls_median=money(median),
                guide_pay=guide,
            )
        )
    bls = source_catalog().get("bls_oews_2025").short
    unit = dollars_label(dollars, request.start_year)
    ladder_note = (
        f"BLS pay for each job in {area} ({model.employer(employer).label}): the band where "
        f"the job usually pays (the percentiles in brackets) and the median, from {bls} carried to "
        f"{request.start_year}, in {unit}; the guide's figures are from {_guide_date()}. Usual "
        "prerequisites are shown, not enforced: ptplanner lets you plan any step."
    )
    outlook = []
    for item in data.outlook.projections:
        openings = item.annual_openings
        outlook.append(
            OutlookLine(
                label=item.label,
                note=item.note,
                period=item.period,
                growth=f"{item.growth.value:g}%",
                openings=f"{openings.value:,.1f}k a year" if openings is not None else "—",
            )
        )
    return RoleSummary(
        mapping=data.outlook.mapping.text,
        duties=tuple(Duty(d.title, d.description) for d in data.duties),
        certifications=tuple(
            CertificationSummary(c.abbreviation, c.name, c.issuer, c.renewal.requirement)
            for c in data.certifications
        ),
        certification_pay=(
            f"The career guide ({effect.date}) credits a certification with about "
            f"{money(effect.low)}–{money(effect.high)}{plus} a year."
        ),
        ladder=tuple(ladder_rows),
        ladder_pay_header=f"BLS pay ({unit})",
        ladder_note=ladder_note,
        outlook_summary=data.outlook.summary,
        outlook=tuple(outlook),
    )
