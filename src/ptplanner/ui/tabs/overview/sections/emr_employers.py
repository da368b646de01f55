"""The Overview tab's "EMR systems" and "Employer types" sections: the record systems a
coordinator meets, and where coordinators work, with pros, cons and the guide's pay."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from ptplanner.core.content import Employer, EmrSystem, Overview
from ptplanner.core.sources import Cited
from ptplanner.ui.tabs.overview.sections.builder import SectionBuilder
from ptplanner.ui.widgets import Card, MutedLabel, bullet_html, footnote, make_label, range_text


def add_emr_systems(builder: SectionBuilder, overview: Overview) -> None:
    builder.begin_section(
        "emr_systems",
        "Electronic medical record systems you are likely to meet in therapy clinics.",
    )
    builder.begin_group()
    for system in overview.emr_systems:
        builder.add_entry("item", system.id, _emr_card(system))


def _emr_card(system: EmrSystem) -> Card:
    card = Card()
    card.setAccessibleName(system.name)
    card.add(make_label(system.name, "title"))
    card.add(make_label(system.note))
    card.add(footnote(system.cites))
    return card


def add_employers(builder: SectionBuilder, overview: Overview) -> None:
    builder.begin_section(
        "employers",
        "Where coordinators work, with the upsides and downsides of each setting and pay as "
        "the guide states it.",
    )
    builder.begin_group()
    for employer in overview.employers:
        builder.add_entry("item", employer.id, _employer_card(employer))


def _employer_card(employer: Employer) -> Card:
    card = Card()
    card.setAccessibleName(employer.title)
    card.add(make_label(employer.title, "title"))
    if employer.examples:
        card.add(MutedLabel(f"For example: {employer.examples}", small=False))
    card.add(make_label(employer.summary))
    columns = QHBoxLayout()
    columns.setSpacing(20)
    for heading, points in (("Pros", employer.pros), ("Cons", employer.cons)):
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(make_label(heading, "subheading"))
        column.addWidget(make_label(bullet_html(points), rich=True))
        column.addStretch(1)
        columns.addLayout(column, 1)
    card.body.addLayout(columns)
    if employer.pay is not None:
        pay = (
            f"<b>Pay, as the guide states it:</b> {html.escape(range_text(employer.pay))} "
            f"({html.escape(employer.pay.label)})"
        )
    else:
        pay = "<b>Pay, as the guide states it:</b> no range given"
    card.add(make_label(pay, rich=True))
    card.add(make_label(employer.pay_note.text))
    cites: list[Cited] = [*employer.cites, employer.pay_note]
    if employer.pay is not None:
        cites.append(employer.pay)
    card.add(footnote(cites))
    return card
