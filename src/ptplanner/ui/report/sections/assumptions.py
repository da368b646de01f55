"""The "Compensation and assumptions" section: this year's total compensation item by item (cash
pay and employer-paid benefits apart, paid leave explained) beside the assumptions the
projection uses (the pinned scenario's too), then the growth note."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptplanner.core.report.model import Report, Today
from ptplanner.ui.report.blocks import heading, paragraph, side_by_side, subheading
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import NOTE, SMALL_MUTED
from ptplanner.ui.report.table import Cell, Column, table_blocks


def _compensation_column(ctx: PageContext, today: Today, width: float) -> list[Block]:
    lines = today.compensation
    comp_rows: list[list[Cell]] = [
        [line.label if line.kind == "item" else f"= {line.label}", line.text] for line in lines
    ]
    totals = frozenset(i for i, line in enumerate(lines) if line.kind != "item")
    return [
        subheading(ctx, f"Total compensation, {today.year}"),
        *table_blocks(
            ctx,
            [Column("Item", wrap=True), Column("A year", Qt.AlignmentFlag.AlignRight)],
            comp_rows,
            width=width,
            bold_rows=totals,
        ),
        paragraph(ctx, today.paid_leave_note, NOTE, space_before=4, width=width),
    ]


def _assumptions_column(ctx: PageContext, report: Report, width: float) -> list[Block]:
    mine = report.assumptions
    if report.pinned is None:
        rows: list[list[Cell]] = [[fact.label, fact.value] for fact in mine]
        columns = [Column("Assumption", wrap=True, weight=1.2), Column("Value", wrap=True)]
    else:
        theirs = report.pinned.assumptions
        rows = [[a.label, a.value, b.value] for a, b in zip(mine, theirs, strict=True)]
        columns = [
            Column("Assumption", wrap=True, weight=1.15),
            Column("Current", wrap=True, weight=0.85),
            Column("Pinned", wrap=True, weight=0.85),
        ]
    return [
        subheading(ctx, "Assumptions"),
        *table_blocks(ctx, columns, rows, width=width, max_lines=None),
    ]


def assumptions_section(ctx: PageContext, report: Report) -> list[Block]:
    gap = ctx.pt(18)
    half = (ctx.width - gap) / 2
    left = _compensation_column(ctx, report.today, half)
    right = _assumptions_column(ctx, report, half)
    for blocks in (left, right):
        blocks[0].space_before = 0.0
    notes = [paragraph(ctx, report.growth_note, SMALL_MUTED, space_before=8)]
    if report.pinned is not None:
        notes.append(paragraph(ctx, report.pinned.growth_note, SMALL_MUTED, space_before=3))
    return [
        heading(ctx, "Compensation and assumptions"),
        side_by_side(ctx, left, right, gap),
        *notes,
    ]
