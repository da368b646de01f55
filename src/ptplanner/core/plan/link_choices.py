"""The salary links a step can carry, as the details editor offers them, and what a step's link
does to the salary projection, said in words.

The choices come from the salary model and the list of usable BLS areas; both are loaded when
first asked for, not when this module is imported, so opening the Plan tab does not read them.
"""

from __future__ import annotations

from ptplanner.core.plan.model import Milestone, Status

LINK_KIND_LABELS: tuple[tuple[str, str], ...] = (
    ("", "None"),
    ("certification", "Certification"),
    ("education", "Education"),
    ("employer_type", "Employer type"),
    ("location", "Location"),
    ("promotion", "Promotion"),
)
"""(kind, label) of each salary link, "" for none, in the order the editor lists them."""


def link_choices(kind: str) -> list[tuple[str, str]]:
    """(value, label) pairs a salary link of ``kind`` can take."""
    from ptplanner.core.salary.model import salary_model

    model = salary_model()
    if kind == "certification":
        return [(c.id, c.label) for c in model.certifications]
    if kind == "education":
        return [(e.id, e.label) for e in model.education]
    if kind == "employer_type":
        return [(e.id, e.label) for e in model.employer_types]
    if kind == "location":
        from ptplanner.core.locations import usable_areas

        return [(a.name, a.name) for a in usable_areas()]
    return []


def promotion_raise_text() -> str:
    """How big a planned promotion's raise is, and whose figure that is."""
    from ptplanner.core.salary.model import salary_model

    return (
        "The raise is the projection's promotion-raise assumption: "
        f"{salary_model().promotion_pct:g}% by default, ptplanner's own round figure, since no "
        "source gives one for this role."
    )


def pay_effect_text(milestone: Milestone, this_year: int) -> str:
    """The step's own pay note and what its salary link does to the projection, in paragraphs
    separated by a blank line ("" if there is nothing to say)."""
    lines = []
    if milestone.pay_effect:
        lines.append(milestone.pay_effect)
    if milestone.salary_link is not None:
        lines.append(_link_effect(milestone, this_year))
    return "\n\n".join(lines)


def _link_effect(milestone: Milestone, this_year: int) -> str:
    # Each case says what plan_effects (core/plan/salary_link.py) does with the step.
    link = milestone.salary_link
    promotion = link is not None and link.kind == "promotion"
    if milestone.status is Status.DONE:
        # plan_effects leaves a done promotion out: it is not a raise still to come.
        if promotion:
            return (
                "A promotion already had is not a raise still to come, so your salary "
                "projection leaves it out."
            )
        return "In your salary projection: counts as yours now."
    if milestone.status is Status.SKIPPED:
        return "Skipped, so it is left out of your salary projection."
    if milestone.target_date is None:
        return "Give it a target date to see it in your salary projection."
    what = "a promotion raise from" if promotion else "from"
    if milestone.target_date.year < this_year:
        # plan_effects counts a step that is late from this year: it has not happened.
        text = (
            f"In your salary projection: {what} {this_year} (the target date has "
            "passed, so it counts from this year)."
        )
    else:
        year = milestone.target_date.year
        text = f"In your salary projection: {what} {year}, the target year."
    return f"{text} {promotion_raise_text()}" if promotion else text
