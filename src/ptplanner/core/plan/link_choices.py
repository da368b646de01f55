"""The salary links a step can carry, as the details editor offers them, and what a step's link
does to the salary projection, said in words.

The choices come from the salary model and the list of usable BLS areas; both are loaded when
first asked for, not when this module is imported, so opening the Plan tab does not read them.
"""

from __future__ import annotations

from ptplanner.core.format import lower_first
from ptplanner.core.plan.model import Milestone, SalaryLink, Status

LINK_KIND_LABELS: tuple[tuple[str, str], ...] = (
    ("", "None"),
    ("role", "Role"),
    ("certification", "Certification"),
    ("skill", "Skill"),
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
    if kind == "role":
        return [(r.id, r.title) for r in model.ladder]
    if kind == "certification":
        return [(c.id, c.label) for c in model.certifications]
    if kind == "skill":
        return [(s.id, s.label) for s in model.skills]
    if kind == "education":
        return [(e.id, e.label) for e in model.education]
    if kind == "employer_type":
        return [(e.id, e.label) for e in model.employer_types]
    if kind == "location":
        from ptplanner.core.locations import usable_areas

        return [(a.name, a.name) for a in usable_areas()]
    return []


def role_pay_text(rung_id: str) -> str:
    """Whose pay a role follows in the projection, where a person enters it, and what the job
    usually asks for (shown, not enforced)."""
    from ptplanner.core.knowledge import industry_wages
    from ptplanner.core.salary.ladder import rung

    job = rung(rung_id)
    date = industry_wages().pt_offices.date
    entry = job.progression.at(0)
    return (
        f"your pay follows BLS pay for {lower_first(job.title)} jobs (SOC {job.soc_code}; "
        f"BLS OEWS, {date}) in PT offices, or in hospitals when your profile's employer is one, "
        "scaled to your area. You enter that pay range at about its "
        f"{entry:.0f}th percentile, or where your pay already is if that is higher, and move up "
        "it with your years in the job. "
        f"Usual prerequisites, shown and not enforced: {job.prerequisites}"
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
    # Each case says what the derivation (core/plan/profile.py) does with the step.
    link = milestone.salary_link
    assert link is not None
    if milestone.status is Status.DONE:
        if link.kind == "promotion":
            return (
                "A promotion already had names no role, so your salary projection leaves it "
                "out: link the step to the role instead, or set your current role in the "
                "Salary tab."
            )
        if link.kind == "role":
            from ptplanner.core.salary.ladder import rung

            return (
                f"In your salary projection: you work as {_article(rung(link.value).title)} now "
                "(the highest role step done counts, unless your Salary profile names a "
                "higher role)."
            )
        return "In your salary projection: counts as yours now."
    if milestone.status is Status.SKIPPED:
        return "Skipped, so it is left out of your salary projection."
    if milestone.target_date is None:
        return "Give it a target date to see it in your salary projection."
    year = max(milestone.target_date.year, this_year)
    if milestone.target_date.year < this_year:
        # The derivation counts a step that is late from this year: it has not happened.
        when = f"from {year} (the target date has passed, so it counts from this year)"
    else:
        when = f"from {year}, the target year"
    if link.kind == "role":
        return (
            f"In your salary projection: {when}, {role_pay_text(link.value)} If this is the "
            "first role step in your plan and your Salary profile has no years of experience, "
            f"it is your first job: your experience counts from {year}."
        )
    if link.kind == "promotion":
        return (
            f"In your salary projection: a move to the next role up the career ladder {when}; "
            "your pay then follows that role's BLS pay. A role link names the role."
        )
    return (
        f"In your salary projection: {when}, unless your profile already has it (then it "
        "changes nothing)."
    )


def _article(title: str) -> str:
    lowered = lower_first(title)
    return f"{'an' if lowered[0] in 'aeiouAEIOU' else 'a'} {lowered}"


def link_label(link: SalaryLink | None) -> str:
    """A salary link in words for the tree ("CMAA", "Office manager", "Boston, MA")."""
    if link is None:
        return ""
    if link.kind == "promotion":
        return "Promotion"
    from ptplanner.core.salary.model import salary_model

    model = salary_model()
    if link.kind == "role":
        return next((r.title for r in model.ladder if r.id == link.value), link.value)
    if link.kind == "skill":
        labels = {s.id: s.label.split(" (")[0] for s in model.skills}
        return labels.get(link.value, link.value)
    if link.kind == "certification":
        labels = {c.id: c.label.split(" (")[0] for c in model.certifications}
        return labels.get(link.value, link.value.upper())
    if link.kind == "education":
        return next((e.label for e in model.education if e.id == link.value), link.value)
    if link.kind == "employer_type":
        return next((e.label for e in model.employer_types if e.id == link.value), link.value)
    return link.value
