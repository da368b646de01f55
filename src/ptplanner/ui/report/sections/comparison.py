"""The "Side by side" sections: the current scenario against each pinned one.

With one pin the title, chart, year table and assumptions already set it beside the current
scenario, so its section holds the headline figures only. With several (up to four) each pin
gets a section of its own: where its scenario differs, the headline figures, and its base pay
and total compensation year by year.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptplanner.core.format import money
from ptplanner.core.report.model import Fact, Pinned, Report
from ptplanner.ui.report.blocks import heading, paragraph, subheading
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import BODY, BODY_BOLD, SMALL, SMALL_BOLD, SMALL_MUTED
from ptplanner.ui.report.table import Cell, Column, table_blocks


def comparison_sections(ctx: PageContext, report: Report) -> list[Block]:
    """One section per pinned scenario, in pinning order (none when nothing is pinned)."""
    if report.pinned is not None:
        return comparison_section(ctx, report.pinned)
    blocks: list[Block] = []
    for pin in report.pins:
        blocks += _full_section(ctx, report, pin)
    return blocks


def comparison_section(
    ctx: PageContext, pinned: Pinned, title: str = "Side by side"
) -> list[Block]:
    """The headline figures of the current scenario and ``pinned``, and their difference."""
    rows: list[list[Cell]] = [
        [line.label, line.current, line.pinned, line.difference] for line in pinned.comparison
    ]
    right = Qt.AlignmentFlag.AlignRight
    columns = [
        Column("", wrap=True, weight=1.3),
        Column("Current", right, wrap=True, weight=0.55),
        Column(pinned.name, right, wrap=True, weight=0.55),
        Column("Difference", right, wrap=True, weight=0.55),
    ]
    return [
        heading(ctx, title),
        *table_blocks(ctx, columns, rows, styles=((BODY, BODY_BOLD), (SMALL, SMALL_BOLD))),
    ]


def _full_section(ctx: PageContext, report: Report, pin: Pinned) -> list[Block]:
    blocks = comparison_section(ctx, pin, f"Side by side: {pin.name}")
    changed = _differences(report.facts + report.assumptions, pin.facts + pin.assumptions)
    if changed:
        blocks.append(subheading(ctx, "Where the scenarios differ"))
        blocks += table_blocks(
            ctx,
            [Column("", wrap=True), Column("Current", wrap=True), Column(pin.name, wrap=True)],
            changed,
            max_lines=None,
        )
    blocks.append(subheading(ctx, f"{pin.name}, year by year ({report.dollars_label})"))
    right = Qt.AlignmentFlag.AlignRight
    columns = [
        Column("Year", weight=0.4),
        Column("Role", wrap=True, weight=1.4),
        Column("Base typical", right, weight=0.7),
        Column("Total comp.", right, weight=0.7),
    ]
    rows: list[list[Cell]] = [
        [
            str(row.year),
            row.role_cell,
            money(row.shown.typical),
            money(row.shown.total_compensation),
        ]
        for row in pin.rows
    ]
    blocks += table_blocks(ctx, columns, rows, zebra=True, continued=f"{pin.name} (continued)")
    blocks.append(paragraph(ctx, pin.growth_note, SMALL_MUTED, space_before=4))
    return blocks


def _differences(mine: tuple[Fact, ...], theirs: tuple[Fact, ...]) -> list[list[Cell]]:
    """Label, current and pinned value of every fact and assumption that differs."""
    return [
        [a.label, a.value, b.value] for a, b in zip(mine, theirs, strict=True) if a.value != b.value
    ]
