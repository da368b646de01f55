"""New plans: the ready-made plan for the role, built from resources/plan_template.json, and
an empty one.

The template names the figures a step's pay effect rests on (guide figures, a BLS occupation, a
skill in the salary model) rather than quoting numbers, so a new BLS release or a corrected figure
reaches every new plan without editing its text.
"""

from collections.abc import Callable
from datetime import date, datetime
from functools import cache
from typing import Literal

from pydantic import Field

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, add_months, new_id, utc_now
from ptplanner.core.resources import load_model
from ptplanner.core.sources import Strict


class TemplateStep(Strict):
    title: str
    why: str | None = None
    pay_from_guide: tuple[str, ...] = ()
    """Ids in guide_figures.json whose figures say what the step does for pay."""
    pay_from_bls: str | None = None
    """A SOC code: BLS's May 2025 pay for that occupation in PT offices."""
    pay_from_skill: str | None = None
    """A skill id in salary_model.json: what the skill adds in ptplanner's own estimate."""
    notes: str = ""
    salary_link: SalaryLink | None = None
    renews_every_months: int | None = None
    target_in_months: int | None = None
    """Target date as a whole number of months from the day the plan is made."""
    experience_years: int | None = Field(default=None, ge=1)
    """The step is reaching this many years of work: someone who has them already skips it."""
    children: "tuple[TemplateStep, ...]" = ()


class PlanTemplate(Strict):
    schema_version: Literal[1]
    title: str
    steps: tuple[TemplateStep, ...]


@cache
def plan_template() -> PlanTemplate:
    """resources/plan_template.json, validated, loaded once."""
    return load_model("plan_template.json", PlanTemplate)


def template_pay_effect(step: TemplateStep) -> str | None:
    """The step's effect on pay in words, built from the knowledge base with each source named.

    The template names figures; the numbers come from guide_figures.json and the BLS tables,
    so a new BLS release or a corrected figure reaches every new plan without editing the text.
    """
    from ptplanner.core.knowledge import guide_figures, industry_wages

    parts = []
    for figure_id in step.pay_from_guide:
        figure = guide_figures().get(figure_id)
        per_year = " a year" if figure.unit == "USD/year" else ""
        parts.append(
            f"{figure.label}: {figure.text()}{per_year}, as the career guide ({figure.date}) "
            "gives it."
        )
    if step.pay_from_bls:
        tables = industry_wages()
        row = tables.in_pt_offices(step.pay_from_bls)
        if row.median is not None:
            text = (
                f"BLS, {tables.pt_offices.date}: {row.title} (SOC {row.soc_code}) in PT offices "
                f"earn a median of ${row.median:,} a year"
            )
            if row.p25 is not None and row.p75 is not None:
                text += f", the middle half ${row.p25:,} to ${row.p75:,}"
            parts.append(text + ".")
    if step.pay_from_skill:
        parts.append(_skill_pay_text(step.pay_from_skill))
    return " ".join(parts) or None


def _skill_pay_text(skill_id: str) -> str:
    from ptplanner.core.salary.estimate import estimate
    from ptplanner.core.salary.inputs import SalaryInputs
    from ptplanner.core.salary.model import salary_model
    from ptplanner.core.sources import source_catalog

    skill = next(s for s in salary_model().skills if s.id == skill_id)
    without = estimate(SalaryInputs())
    gain = estimate(SalaryInputs(skills=frozenset({skill_id}))).typical - without.typical
    method = source_catalog().get("ptplanner_method")
    return (
        f"{skill.label.split(' (')[0]} moves an estimate {skill.points:g} percentile points up "
        f"the area's pay range: about ${gain:,.0f} a year for a new coordinator nationally "
        f"({method.short}, {method.reference_date}). Marking this step done counts the skill in "
        "your salary estimate."
    )


def _from_template(step: TemplateStep, today: date, id_factory: Callable[[], str]) -> Milestone:
    return Milestone(
        id=id_factory(),
        title=step.title,
        notes=step.notes,
        why=step.why,
        pay_effect=template_pay_effect(step),
        salary_link=step.salary_link,
        renews_every_months=step.renews_every_months,
        target_date=(
            add_months(today, step.target_in_months) if step.target_in_months is not None else None
        ),
        children=tuple(_from_template(child, today, id_factory) for child in step.children),
    )


def ready_plan(
    today: date, *, now: datetime | None = None, id_factory: Callable[[], str] = new_id
) -> Plan:
    """The ready-made plan for a new PT Care Coordinator, with target dates counted from today."""
    template = plan_template()
    stamp = now or utc_now()
    return Plan(
        title=template.title,
        created=stamp,
        modified=stamp,
        milestones=tuple(_from_template(step, today, id_factory) for step in template.steps),
    )


def empty_plan(*, now: datetime | None = None) -> Plan:
    """A plan with no steps, created ``now`` (the current time if None)."""
    stamp = now or utc_now()
    return Plan(created=stamp, modified=stamp)
