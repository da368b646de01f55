"""The "Sources and dates" section: every source the report cites, with its date, licence and
required attribution (which sources those are is decided once, in the report model)."""

from __future__ import annotations

from ptplanner.core.report.model import CitedSource
from ptplanner.ui.report.blocks import heading, paragraph
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import NOTE, SMALL, SMALL_BOLD, SMALL_MUTED, TextStyle
from ptplanner.ui.report.table import Cell, Column, table_blocks

INTRO = (
    "Every figure in this report comes from the sources below; the date is the period the "
    "figures describe. Estimates are planning aids, not offers of pay."
)


def sources_section(ctx: PageContext, sources: tuple[CitedSource, ...]) -> list[Block]:
    blocks = [heading(ctx, "Sources and dates"), paragraph(ctx, INTRO, SMALL_MUTED, space_before=0)]
    rows: list[list[Cell]] = []
    for source in sources:
        about: list[tuple[str, TextStyle]] = [(source.short, SMALL_BOLD), (source.title, NOTE)]
        terms: list[tuple[str, TextStyle]] = [(source.licence, SMALL)]
        if source.attribution:
            terms.append((source.attribution, SMALL))
        rows.append([about, source.publisher, source.reference_date, terms])
    blocks += table_blocks(
        ctx,
        [
            Column("Source", wrap=True, weight=1.2),
            Column("Publisher", wrap=True, weight=0.75),
            Column("Date", wrap=True, weight=0.45),
            Column("Licence and attribution", wrap=True, weight=1.35),
        ],
        rows,
        max_lines=8,
        continued="Sources and dates (continued)",
    )
    return blocks
