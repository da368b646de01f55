"""The Overview tab's "Certifications" section: each credential, and what the guide and
ptplanner's salary estimate say it is worth in pay."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget

from ptplanner.core.content import Certification, Overview
from ptplanner.core.format import money
from ptplanner.core.salary.model import salary_model
from ptplanner.core.sources import Cited, source_catalog
from ptplanner.ui.tabs.overview.sections.builder import SectionBuilder
from ptplanner.ui.widgets import Card, MutedLabel, footnote, make_label, range_text


def add_certifications(builder: SectionBuilder, overview: Overview) -> None:
    builder.begin_section(
        "certifications",
        "Credentials that show an employer you can do the job, what it takes to keep them, "
        "and what they are worth in pay.",
    )
    builder.begin_group()
    card, haystack = _pay_effect_card(overview)
    builder.add_entry("note", "certification_pay_effect", card, haystack)
    for certification in overview.certifications:
        builder.add_entry("item", certification.id, _certification_card(certification, overview))


def _pay_effect_card(overview: Overview) -> tuple[QWidget, str]:
    """The pay effect of certifications as the guide states it and as the estimate counts it,
    with the text search matches it by."""
    effect = overview.certification_pay_effect
    model = salary_model()
    card = Card()
    card.setAccessibleName("Pay effect of certifications")
    card.add(MutedLabel("Pay effect, as the guide states it", small=False))
    card.add(make_label(range_text(effect), "big"))
    card.add(make_label(effect.label))
    card.add(footnote([effect]))
    card.add(
        make_label(
            f"<b>In ptplanner's salary estimate:</b> {html.escape(model.certification_note)}",
            rich=True,
        )
    )
    method = source_catalog().get("ptplanner_method")
    card.add(footnote([Cited(source=method.id, date=method.reference_date)]))
    haystack = " ".join((range_text(effect), effect.label, model.certification_note, "pay effect"))
    return card, haystack


def _certification_card(certification: Certification, overview: Overview) -> Card:
    effect = overview.certification_pay_effect
    parameters = salary_model().certification_effect
    in_model = any(c.id == certification.id for c in salary_model().certifications)
    card = Card()
    card.setAccessibleName(f"{certification.abbreviation}, {certification.name}")
    card.add(make_label(f"{certification.abbreviation} — {certification.name}", "title"))
    card.add(MutedLabel(f"Issued by {certification.issuer}", small=False))
    card.add(make_label(certification.shows))
    card.add(
        make_label(
            f"<b>Renewal:</b> {html.escape(certification.renewal.requirement)}",
            rich=True,
        )
    )
    pay = (
        f"<b>Pay effect:</b> {html.escape(range_text(effect))} in the guide, for one or more "
        "certifications"
    )
    if in_model:
        pay += (
            f"; in ptplanner's estimate a first certification counts "
            f"{money(parameters.typical_first)} and each further one "
            f"{money(parameters.typical_each_more)}"
        )
    pay += "."
    card.add(make_label(pay, rich=True))
    cites: list[Cited] = [*certification.cites, certification.renewal, effect]
    card.add(footnote(cites))
    return card
