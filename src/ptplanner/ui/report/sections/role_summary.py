"""Career packet, "The role at a glance": duties, certifications and the outlook on one page
(the career ladder, with pay for every rung, follows in its own section)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptplanner.core.report.model import RoleSummary
from ptplanner.ui.report.blocks import heading, paragraph, subheading
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import NOTE, SMALL, SMALL_BOLD, SMALL_MUTED, TextStyle
from ptplanner.ui.report.table import Cell, Column, table_blocks

DUTY_STYLES = ((TextStyle(7.3, spacing=1.04), TextStyle(7.3, bold=True)),)


def _duties(ctx: PageContext, role: RoleSummary) -> list[Block]:
    duty_rows: list[list[Cell]] = [[[(d.title, SMALL_BOLD)], d.description] for d in role.duties]
    return [
        subheading(ctx, "What the job involves"),
        *table_blocks(
            ctx,
            [Column("", wrap=True, weight=0.27), Column("", wrap=True, weight=1.0)],
            duty_rows,
            header=False,
            styles=DUTY_STYLES,
        ),
    ]


def _certifications(ctx: PageContext, role: RoleSummary) -> list[Block]:
    cert_rows: list[list[Cell]] = [
        [[(c.abbreviation, SMALL_BOLD), (c.name, NOTE)], c.issuer, c.renewal]
        for c in role.certifications
    ]
    table = table_blocks(
        ctx,
        [
            Column("Credential", wrap=True, weight=1.45),
            Column("Issuer", wrap=True, weight=0.85),
            Column("Renewal", wrap=True, weight=1.25),
        ],
        cert_rows,
    )
    note = paragraph(ctx, role.certification_pay, NOTE, space_before=3)
    return [subheading(ctx, "Certifications"), *table, note]


def _outlook(ctx: PageContext, role: RoleSummary) -> list[Block]:
    right = Qt.AlignmentFlag.AlignRight
    outlook_rows: list[list[Cell]] = [
        [[(line.label, SMALL_BOLD), (line.note, NOTE)], line.period, line.growth, line.openings]
        for line in role.outlook
    ]
    table = table_blocks(
        ctx,
        [
            Column("Projection", wrap=True),
            Column("Period"),
            Column("Growth", right),
            Column("Openings", right),
        ],
        outlook_rows,
        max_lines=2,
    )
    table[0].space_before = ctx.pt(4)
    return [
        subheading(ctx, "Outlook"),
        paragraph(ctx, role.outlook_summary, SMALL, space_before=0),
        *table,
    ]


def role_section(ctx: PageContext, role: RoleSummary) -> list[Block]:
    return [
        heading(ctx, "The role at a glance", page_break=True),
        paragraph(ctx, role.mapping, SMALL_MUTED, space_before=0),
        *_duties(ctx, role),
        *_certifications(ctx, role),
        *_outlook(ctx, role),
    ]
