"""The Overview tab's "Duties" and "Skills" sections, with the O*NET tasks and skill ratings.

``occupation`` is the O*NET occupation the overview's top skills name, or None when the O*NET
data lacks it (then the O*NET lines are left out).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ptplanner.core.content import Duty, Overview, Skill
from ptplanner.core.onet import OnetData, OnetOccupation, OnetRating
from ptplanner.core.sources import Cited
from ptplanner.ui.tabs.overview.importance_bar import ImportanceBar
from ptplanner.ui.tabs.overview.sections.builder import SectionBuilder
from ptplanner.ui.widgets import (
    Card,
    Footnote,
    MutedLabel,
    bullet_html,
    citation_text,
    citation_tooltip,
    footnote,
    make_label,
)


def onet_footnote(onet: OnetData) -> Footnote:
    """The O*NET citation with the attribution its licence asks for."""
    cite = Cited(source=onet.source, date=onet.date)
    return Footnote(f"{citation_text([cite])}. {onet.attribution}", citation_tooltip([cite]))


def add_duties(
    builder: SectionBuilder, overview: Overview, onet: OnetData, occupation: OnetOccupation | None
) -> None:
    builder.begin_section("duties", "What the job involves from day to day.")
    builder.begin_group()
    for duty in overview.duties:
        builder.add_entry("item", duty.id, _duty_card(duty, occupation))
    if any(duty.onet_task_ids for duty in overview.duties):
        builder.add_extra(onet_footnote(onet))


def _duty_card(duty: Duty, occupation: OnetOccupation | None) -> Card:
    card = Card()
    card.setAccessibleName(duty.title)
    card.add(make_label(duty.title, "title"))
    card.add(make_label(duty.description))
    tasks = []
    for task_id in duty.onet_task_ids:
        if occupation is None:
            break
        try:
            tasks.append(f"{occupation.task(task_id).statement} (O*NET task {task_id})")
        except KeyError:
            continue
    if tasks:
        card.add(MutedLabel("Matching O*NET tasks for this occupation"))
        card.add(make_label(bullet_html(tasks), rich=True))
    card.add(footnote(duty.cites))
    return card


def add_skills(
    builder: SectionBuilder, overview: Overview, onet: OnetData, occupation: OnetOccupation | None
) -> None:
    builder.begin_section(
        "skills",
        "The technical and people skills the job draws on, and how O*NET rates the skills "
        "of the occupation.",
    )
    for kind, heading in (("technical", "Technical skills"), ("soft", "Soft skills")):
        skills = [skill for skill in overview.skills if skill.kind == kind]
        if not skills:
            continue
        builder.begin_group(heading)
        for skill in skills:
            builder.add_entry("item", skill.id, _skill_card(skill, occupation))
    if occupation is not None:
        _add_onet_skills(builder, overview, onet, occupation)


def _skill_card(skill: Skill, occupation: OnetOccupation | None) -> Card:
    card = Card()
    card.setAccessibleName(skill.title)
    card.add(make_label(skill.title, "title"))
    card.add(make_label(skill.description))
    names = []
    for element_id in skill.onet_skill_ids:
        if occupation is None:
            break
        try:
            names.append(occupation.skill(element_id).name)
        except KeyError:
            continue
    if names:
        card.add(MutedLabel("Related O*NET skills: " + ", ".join(names), small=False))
    card.add(footnote(skill.cites))
    return card


def _add_onet_skills(
    builder: SectionBuilder, overview: Overview, onet: OnetData, occupation: OnetOccupation
) -> None:
    """O*NET's importance ratings of the skills the overview picks, one searchable row each."""
    selection = overview.onet_top_skills
    ratings: list[OnetRating] = []
    for element_id in selection.element_ids:
        try:
            ratings.append(occupation.skill(element_id))
        except KeyError:
            continue
    if not ratings:
        return
    builder.begin_group(f"Top O*NET skills for {occupation.title} (SOC {selection.soc_code})")
    card = Card()
    card.setAccessibleName("Top O*NET skills")
    builder.add_extra(card)
    card.add(make_label(selection.note))
    metrics = builder.metrics
    name_width = max(metrics.horizontalAdvance(r.name) for r in ratings) + 16
    value_width = metrics.horizontalAdvance("Importance 5.00 of 5") + 8
    for rating in ratings:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(10)
        name = QLabel(rating.name)
        name.setFixedWidth(name_width)
        line.addWidget(name)
        line.addWidget(ImportanceBar(rating.importance), 1)
        value = QLabel(f"{rating.importance:.2f} of 5")
        value.setFixedWidth(value_width)
        line.addWidget(value)
        tip = f"{rating.name}: importance {rating.importance:.2f} of 5"
        tip += f", level {rating.level:.2f} of 7"
        if rating.date:
            tip += f" (rated {rating.date}"
            tip += f", {rating.domain_source})" if rating.domain_source else ")"
        row.setToolTip(tip)
        row.setAccessibleName(tip)
        card.body.addWidget(row)
        builder.add_entry("onet", rating.element_id, row, rating.name, place=False)
    card.add(MutedLabel("Importance is O*NET's 1–5 scale; the bar starts at 1."))
    card.add(onet_footnote(onet))
