"""The Overview tab's "Career ladder" section: the pay chart of every rung, then one card per
rung with what changes, the experience it takes, BLS pay in PT offices and the guide's figure.

The chart itself is :class:`~ptplanner.ui.tabs.overview.ladder_chart.LadderPayChart`.
"""

from __future__ import annotations

import html

from ptplanner.core.content import CareerRung, Overview
from ptplanner.core.format import money
from ptplanner.core.knowledge import industry_wages
from ptplanner.core.pay_sources import HOURLY_NOTE, hourly_range, hourly_text
from ptplanner.core.sources import Cited
from ptplanner.ui.tabs.overview.ladder_chart import LadderPayChart, LadderRow, ladder_row
from ptplanner.ui.tabs.overview.sections.builder import SectionBuilder
from ptplanner.ui.widgets import Card, MutedLabel, footnote, make_label, range_text


def add_career_ladder(builder: SectionBuilder, overview: Overview) -> LadderPayChart | None:
    """Add the section; return its chart (None when BLS has pay for no rung)."""
    mapping = overview.outlook.mapping
    pt = industry_wages().pt_offices
    bls_cite = Cited(source=pt.source, date=pt.date)
    intro = (
        "From the usual way in to running a practice. Pay for each step is what BLS "
        f"reports for that occupation in PT offices (NAICS {mapping.naics_code}); the "
        "guide's figure is shown beside it where the guide gives one."
    )
    builder.begin_section("career_ladder", intro)
    builder.begin_group()
    rows: list[LadderRow] = []
    steps = len(overview.career_ladder)
    cards: list[tuple[str, Card]] = []
    for index, rung in enumerate(overview.career_ladder, start=1):
        row = ladder_row(rung)
        if row is not None:
            rows.append(row)
        cards.append((rung.id, _rung_card(rung, overview, index, steps, row)))
    chart = None
    if rows:
        card = Card()
        card.setAccessibleName("Pay up the career ladder")
        card.add(make_label(f"Pay up the ladder in PT offices, {pt.date}", "title"))
        chart = LadderPayChart(rows)
        card.add(chart)
        card.add(
            MutedLabel(
                "Thick bar: the BLS band for the step · thin line: P10 to P90 · upright "
                "mark: the BLS median · dashed box: the guide's figure (arrow: “or more”).",
                small=False,
            )
        )
        guides = [row.guide for row in rows if row.guide is not None]
        card.add(footnote([bls_cite], f"NAICS {pt.naics} ({mapping.naics_title})"))
        if guides:
            card.add(footnote(guides))
        builder.add_extra(card)
    for rung_id, rung_card in cards:
        builder.add_entry("item", rung_id, rung_card)
    return chart


def _rung_card(
    rung: CareerRung, overview: Overview, index: int, steps: int, row: LadderRow | None
) -> Card:
    pt = industry_wages().pt_offices
    mapping = overview.outlook.mapping
    card = Card()
    card.setAccessibleName(f"Step {index} of {steps}: {rung.title}")
    card.add(MutedLabel(f"Step {index} of {steps}", small=False))
    card.add(make_label(rung.title, "title"))
    card.add(MutedLabel(f"SOC {rung.soc_code} · {rung.soc_title}", small=False))
    card.add(make_label(rung.what_changes))
    card.add(make_label(f"<b>Experience:</b> {html.escape(rung.typical_experience)}", rich=True))
    if row is not None and row.wages.median is not None:
        low, high = row.band
        pay = make_label(
            f"<b>BLS pay in PT offices, {html.escape(pt.date)}:</b> median "
            f"{money(row.wages.median)} a year ({hourly_text(row.wages.median)}) · this step's "
            f"band, {row.band_label}: {money(low)}–{money(high)} ({hourly_range(low, high)})",
            rich=True,
        )
        pay.setObjectName("blsPay")
        card.add(pay)
        bls_cite = Cited(source=pt.source, date=pt.date)
        naics = f"NAICS {pt.naics} ({mapping.naics_title})"
        card.add(footnote([bls_cite], f"{naics} · {HOURLY_NOTE}"))
    else:
        card.add(make_label(f"No BLS figure for SOC {rung.soc_code} in PT offices."))
    if rung.guide_pay is not None:
        guide = make_label(
            f"<b>The guide's figure:</b> {html.escape(range_text(rung.guide_pay))} "
            f"({html.escape(rung.guide_pay.label)})",
            rich=True,
        )
        guide.setObjectName("guidePay")
        card.add(guide)
        card.add(footnote([rung.guide_pay]))
    card.add(footnote(rung.cites))
    return card
