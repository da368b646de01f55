"""The career packet's contents: the plan's progress and what is due, and the role summary."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date

from ptplanner.core.format import STATUS_LABELS, money
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.report.model import (
    CertificationSummary,
    Duty,
    LadderRung,
    OutlookLine,
    PlanProgress,
    PlanStep,
    RoleSummary,
)

NEXT_STEPS_SHOWN = 12
"""How many dated steps ahead the packet lists; the rest are counted."""


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
    """How far the plan has come on ``today`` and what is overdue or next; None with no plan."""
    if plan is None or not plan.milestones:
        return None
    entries = list(_with_paths(plan.milestones))
    done, counted = plan.leaf_counts()
    skipped = sum(1 for m, _ in entries if m.status is Status.SKIPPED)
    progress = plan.progress()
    summary = f"{plan.title}: {progress:.0f}% complete — {done} of {counted} steps done"
    summary += f" ({skipped} skipped, not counted)." if skipped else "."

    open_dated = [(m, t) for m, t in entries if not m.is_closed and m.target_date is not None]
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
        1 for m, _ in entries if not m.is_closed and m.target_date is None and not m.children
    )
    shown = upcoming[:NEXT_STEPS_SHOWN]
    more = []
    if len(upcoming) > len(shown):
        more.append(f"{len(upcoming) - len(shown)} more dated steps follow")
    if undated:
        more.append(f"{undated} open step{'s have' if undated != 1 else ' has'} no target date")
    return PlanProgress(
        summary=summary,
        fraction=progress / 100.0,
        overdue=tuple(_step(m, trail, today) for m, trail in overdue),
        next_steps=tuple(_step(m, trail, today) for m, trail in shown),
        more="; ".join(more) + "." if more else "",
    )


def role_summary() -> RoleSummary:
    """The role at a glance, from the knowledge base: duties, credentials, ladder, outlook."""
    from ptplanner.core.content import overview

    data = overview()
    effect = data.certification_pay_effect
    plus = "+" if effect.open_ended else ""
    ladder = []
    for number, rung in enumerate(data.career_ladder, start=1):
        pay = "—"
        if rung.guide_pay is not None:
            pay = f"{money(rung.guide_pay.low)}–{money(rung.guide_pay.high)}"
            pay += "+" if rung.guide_pay.open_ended else ""
        ladder.append(
            LadderRung(
                number=str(number),
                title=rung.title,
                occupation=f"BLS {rung.soc_code} {rung.soc_title}",
                typical_experience=rung.typical_experience,
                guide_pay=pay,
            )
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
        ladder=tuple(ladder),
        outlook_summary=data.outlook.summary,
        outlook=tuple(outlook),
    )
