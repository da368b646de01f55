"""Career packet, "Career ladder": every rung with BLS's pay for it (in the report's area,
employer and dollars) beside the guide's figure, and what each usually asks for (shown, not
enforced)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptplanner.core.report.model import RoleSummary
from ptplanner.ui.report.blocks import heading, paragraph
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import NOTE, SMALL, SMALL_BOLD
from ptplanner.ui.report.table import Cell, Column, table_blocks


def ladder_section(ctx: PageContext, role: RoleSummary) -> list[Block]:
    rows: list[list[Cell]] = [
        [
            [(rung.title, SMALL_BOLD), (rung.occupation, NOTE)],
            [(rung.prerequisites, SMALL)],
            [(rung.bls_pay, SMALL), (f"median {rung.bls_median}", NOTE)],
            [(rung.guide_pay, SMALL)],
        ]
        for rung in role.ladder
    ]
    table = table_blocks(
        ctx,
        [
            Column("Role", wrap=True, weight=1.2),
            Column("Usual prerequisites (shown, not enforced)", wrap=True, weight=1.5),
            Column(role.ladder_pay_header, Qt.AlignmentFlag.AlignRight),
            Column("The guide's figure", wrap=True, weight=0.6),
        ],
        rows,
        max_lines=None,
        continued="Career ladder (continued)",
    )
    note = paragraph(ctx, role.ladder_note, NOTE, space_before=0)
    # Five rungs read as one table: it moves to the next page whole rather than split.
    for block in (note, *table[:-1]):
        block.keep_with_next = True
    return [heading(ctx, "Career ladder, lowest first"), note, *table]
