"""The "Year by year" section: the projection's table, one row a year, in the report's dollars
(its caption and headers say which), with the pinned scenario's figures and the planned changes
when there are any. Cells wrap; none is cut short."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptplanner.core.report.model import YearTable
from ptplanner.ui.report.blocks import heading, paragraph
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import NOTE, SMALL, SMALL_MUTED, TextStyle
from ptplanner.ui.report.table import Cell, Column, table_blocks

TYPICAL = TextStyle(SMALL.size, bold=True)
# Tried in order, largest first, until every column fits the page.
STYLES = tuple(
    (TextStyle(size, spacing=1.05), TextStyle(size, bold=True, spacing=1.05))
    for size in (7.8, 7.4, 7.0, 6.6)
)


WRAPPING = {"role": 0.9, "changes": 1.0}
"""Columns that share the width the figures leave, and their shares."""


def _columns(table: YearTable) -> list[Column]:
    """Figures right-aligned; the role and the planned changes wrap in the width left."""
    right, left = Qt.AlignmentFlag.AlignRight, Qt.AlignmentFlag.AlignLeft
    return [
        Column(
            column.title,
            right if column.numeric else left,
            wrap=column.key in WRAPPING,
            weight=WRAPPING.get(column.key, 1.0),
        )
        for column in table.columns
    ]


def year_table_section(ctx: PageContext, table: YearTable) -> list[Block]:
    typical = table.column("typical")  # stands out in bold
    rows: list[list[Cell]] = [
        [[(cell, TYPICAL)] if index == typical else cell for index, cell in enumerate(cells)]
        for cells in table.rows
    ]
    blocks = table_blocks(
        ctx,
        _columns(table),
        rows,
        styles=STYLES,
        zebra=True,
        rules=False,
        max_lines=None,  # a year's changes are never cut: the row grows instead
        continued="Year by year (continued)",
    )
    caption = paragraph(ctx, table.caption, SMALL_MUTED, space_before=0)
    caption.keep_with_next = True  # never a caption alone at a page's foot
    return [
        heading(ctx, "Year by year"),
        caption,
        *blocks,
        paragraph(ctx, table.note, NOTE, space_before=5),
    ]
