"""The Overview tab's "Outlook" section: the summary, what drives demand, the employment
projections (BLS's and the guide's, told apart), how they compare, and the official codes."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QHBoxLayout, QWidget

from ptplanner.core.content import Overview, Projection
from ptplanner.core.sources import Cited, source_catalog
from ptplanner.ui.accessibility import name_with_value
from ptplanner.ui.tabs.overview.sections.builder import SectionBuilder
from ptplanner.ui.widgets import Card, MutedLabel, figure_text, footnote, make_label


def add_outlook(builder: SectionBuilder, overview: Overview) -> None:
    outlook = overview.outlook
    builder.begin_section("outlook", "How demand for the job is expected to change, and why.")
    builder.begin_group()
    summary = make_label(outlook.summary)
    name_with_value(summary, "Outlook summary")
    builder.add_entry("note", "outlook_summary", summary, outlook.summary)

    builder.begin_group("What drives demand")
    for driver in outlook.drivers:
        card = Card()
        card.setAccessibleName(driver.title)
        card.add(make_label(driver.title, "title"))
        card.add(make_label(driver.text))
        card.add(footnote(driver.cites))
        builder.add_entry("item", driver.id, card)

    builder.begin_group(f"Employment projections (SOC {outlook.mapping.soc_code})")
    tiles = QWidget()
    tiles_row = QHBoxLayout(tiles)
    tiles_row.setContentsMargins(0, 0, 0, 0)
    tiles_row.setSpacing(10)
    builder.add_extra(tiles)
    for projection in outlook.projections:
        tile = _projection_tile(projection)
        tiles_row.addWidget(tile, 1)
        builder.add_entry("item", projection.id, tile, place=False)

    builder.begin_group()
    comparison = Card()
    comparison.setAccessibleName(outlook.comparison.title)
    comparison.add(make_label(outlook.comparison.title, "title"))
    comparison.add(make_label(outlook.comparison.text))
    comparison.add(footnote(outlook.comparison.cites))
    builder.add_entry("item", outlook.comparison.id, comparison)

    builder.begin_group("Official occupation codes")
    builder.add_entry("item", outlook.mapping.id, _codes_card(overview))


def _codes_card(overview: Overview) -> Card:
    """The SOC and NAICS codes the figures are for, and why those."""
    mapping = overview.outlook.mapping
    card = Card()
    card.setAccessibleName("Official occupation codes")
    rows = (
        ("Occupation", f"SOC {mapping.soc_code}", mapping.soc_title),
        ("Industry", f"NAICS {mapping.naics_code}", mapping.naics_title),
        (
            "Senior jobs resemble",
            f"SOC {mapping.senior_overlap_soc_code}",
            mapping.senior_overlap_soc_title,
        ),
    )
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{html.escape(name)}</b></td>"
        f"<td style='padding-right:12px'>{html.escape(code)}</td>"
        f"<td>{html.escape(title)}</td></tr>"
        for name, code, title in rows
    )
    card.add(make_label(f"<table cellspacing='0' cellpadding='2'>{table}</table>", rich=True))
    card.add(make_label(mapping.text))
    card.add(footnote(mapping.cites))
    return card


def _projection_tile(projection: Projection) -> Card:
    # Dashed and unfilled: the guide's number is shown for comparison, not as official.
    card = Card(dashed=source_catalog().get(projection.growth.source).kind == "guide")
    card.setAccessibleName(f"{projection.label}: {figure_text(projection.growth)}")
    card.add(MutedLabel(projection.label, small=False))
    big = make_label(figure_text(projection.growth), "big")
    big.setObjectName("growth")
    card.add(big)
    card.add(make_label(projection.growth.label))
    if projection.annual_openings is not None:
        openings = projection.annual_openings
        card.add(make_label(f"{openings.label}: {figure_text(openings)}"))
    card.add(make_label(projection.note))
    card.body.addStretch(1)
    cites: list[Cited] = [projection.growth]
    if projection.annual_openings is not None:
        cites.append(projection.annual_openings)
    card.add(footnote(cites))
    return card
