"""The Overview tab's "Pay" section: BLS's wages for the occupation, the figures the guide
quotes (:mod:`ptplanner.core.pay_sources`) in a card of their own, and one card per topic on
which the two can be compared, saying whether they agree."""

from __future__ import annotations

import html
from collections.abc import Sequence

from ptplanner.core.pay_sources import (
    HOURLY_NOTE,
    Comparison,
    SourcedPay,
    bls_national,
    bls_pt_offices,
    comparisons,
    guide_reported,
    occupation,
    occupation_title,
)
from ptplanner.core.sources import Cited
from ptplanner.ui.tabs.overview.sections.builder import SectionBuilder
from ptplanner.ui.widgets import Card, MutedLabel, footnote, make_label


def pay_table(rows: Sequence[SourcedPay], *, with_source: bool = False) -> str:
    """Label | figure (| source) rows as a compact rich-text table."""
    cells = []
    for row in rows:
        source = (
            f"<td style='padding-left:12px'>{html.escape(row.source_name)}</td>"
            if with_source
            else ""
        )
        cells.append(
            f"<tr><td style='padding-right:12px'>{html.escape(row.label)}</td>"
            f"<td><b>{html.escape(row.text)}</b></td>{source}</tr>"
        )
    return f"<table cellspacing='0' cellpadding='2'>{''.join(cells)}</table>"


def add_pay(builder: SectionBuilder) -> None:
    builder.begin_section(
        "pay",
        "What the job pays as BLS measures it and as the guide reports it. ptplanner's salary "
        "estimate follows BLS; the guide's figures are shown beside it, never mixed in.",
    )
    builder.begin_group()
    national, pt_offices = bls_national(), bls_pt_offices()
    bls_rows = [row for row in (national, pt_offices) if row is not None]
    card = Card()
    card.setAccessibleName("BLS pay for the occupation")
    card.add(
        make_label(f"BLS, {national.date}: {occupation_title()} (SOC {occupation()})", "title")
    )
    card.add(make_label(pay_table(bls_rows), rich=True))
    card.add(
        footnote([Cited(source=r.source, date=r.date) for r in bls_rows], _hourly_note(bls_rows))
    )
    haystack = " ".join(["bls", occupation_title(), *(f"{r.label} {r.text}" for r in bls_rows)])
    builder.add_entry("note", "pay_bls", card, haystack)

    reported = guide_reported()
    card = Card(dashed=True)  # dashed: figures as the guide reports them, not official ones
    card.setAccessibleName("Pay as the guide reports it")
    card.add(make_label("As the guide reports it", "title"))
    card.add(
        MutedLabel(
            "The guide's own aggregate and the pay sites it quotes, for coordinator job "
            "titles. Pay sites average what their users report; BLS surveys employers.",
            small=False,
        )
    )
    card.add(make_label(pay_table(reported, with_source=True), rich=True))
    card.add(footnote([Cited(source=r.source, date=r.date) for r in reported]))
    haystack = " ".join(["guide", *(f"{r.label} {r.text} {r.source_name}" for r in reported)])
    builder.add_entry("note", "pay_guide", card, haystack)

    builder.begin_group("The guide's figures next to BLS's")
    for index, comparison in enumerate(comparisons()):
        builder.add_entry(
            "note",
            f"pay_comparison_{index}",
            _comparison_card(comparison),
            " ".join(
                (
                    comparison.topic,
                    comparison.guide.text,
                    comparison.bls.text,
                    comparison.verdict_text,
                    comparison.note,
                )
            ),
        )


def _comparison_card(comparison: Comparison) -> Card:
    card = Card()
    card.setAccessibleName(comparison.topic)
    card.add(make_label(comparison.topic, "title"))
    rows = (
        ("The guide", comparison.guide),
        ("BLS", comparison.bls),
    )
    table = "".join(
        f"<tr><td style='padding-right:12px'><b>{html.escape(who)}</b></td>"
        f"<td style='padding-right:12px'>{html.escape(pay.text)}</td>"
        f"<td>{html.escape(pay.label)}</td></tr>"
        for who, pay in rows
    )
    card.add(make_label(f"<table cellspacing='0' cellpadding='2'>{table}</table>", rich=True))
    verdict = make_label(
        f"<b>{html.escape(comparison.verdict_text[:1].upper() + comparison.verdict_text[1:])}."
        "</b> "
        f"{html.escape(comparison.note)}",
        rich=True,
    )
    verdict.setObjectName(f"verdict-{comparison.verdict}")
    card.add(verdict)
    card.add(
        footnote(
            [
                Cited(source=comparison.guide.source, date=comparison.guide.date),
                Cited(source=comparison.bls.source, date=comparison.bls.date),
            ],
            _hourly_note([comparison.guide, comparison.bls]),
        )
    )
    return card


def _hourly_note(rows: Sequence[SourcedPay]) -> str:
    """Say how an hourly figure was worked out, where one of ``rows`` has such a figure."""
    return HOURLY_NOTE if any("≈" in row.text for row in rows) else ""
