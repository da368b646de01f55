"""The "Why this estimate" section: the factors that build today's typical pay, with sources."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptplanner.core.report.model import Today
from ptplanner.ui.report.blocks import heading, paragraph
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import NOTE, SMALL, SMALL_BOLD, SMALL_MUTED
from ptplanner.ui.report.table import Cell, Column, table_blocks


def breakdown_section(ctx: PageContext, today: Today) -> list[Block]:
    right = Qt.AlignmentFlag.AlignRight
    columns = [
        Column("Factor", wrap=True, weight=1.35),
        Column("Effect", right),
        Column("Source", wrap=True, weight=0.7),
        Column("The guide's figure", wrap=True, weight=1.0),
    ]
    rows: list[list[Cell]] = [
        [
            [(item.label, SMALL_BOLD), (item.detail, NOTE)],
            item.effect,
            [(item.source_name, SMALL), (item.date, NOTE)],
            [(item.guide_says or "—", SMALL)],
        ]
        for item in today.breakdown
    ]
    rows.append([today.breakdown_total.label, today.breakdown_total.value, "", ""])
    table = table_blocks(ctx, columns, rows, bold_rows=frozenset({len(rows) - 1}), max_lines=5)
    table[0].space_before = ctx.pt(5)
    return [
        heading(ctx, "Why this estimate"),
        paragraph(ctx, today.breakdown_intro, SMALL_MUTED, space_before=0),
        *table,
    ]
