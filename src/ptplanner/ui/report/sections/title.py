"""The report's opening: title, dates, and the scenario (with the pinned one beside it)."""

from __future__ import annotations

from ptplanner.core.report.model import Fact, Pinned, Report
from ptplanner.ui.report.blocks import title_block
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.styles import BODY, BODY_BOLD, MUTED, TextStyle
from ptplanner.ui.report.table import Cell, Column, table_blocks

LABEL = TextStyle(BODY.size, color=MUTED.name(), spacing=BODY.spacing)


def title_section(ctx: PageContext, report: Report) -> list[Block]:
    blocks = [title_block(ctx, report.title, report.subtitle)]
    if report.pinned is None:
        table = _scenario_table(ctx, report.facts)
    else:
        table = _scenarios_compared(ctx, report.facts, report.pinned)
    table[0].space_before = ctx.pt(10)
    return blocks + table


WHOLE_WIDTH = "Planned changes"
"""The fact given a row of its own across the page: a plan can list many changes."""


def _scenario_table(ctx: PageContext, facts: tuple[Fact, ...]) -> list[Block]:
    """One scenario's facts in two label-value column pairs, the planned changes under them."""
    paired = [fact for fact in facts if fact.label != WHOLE_WIDTH]
    rows: list[list[Cell]] = []
    half = (len(paired) + 1) // 2
    for i in range(half):
        right = paired[i + half] if i + half < len(paired) else Fact("", "")
        rows.append([paired[i].label, paired[i].value, right.label, right.value])
    columns = [
        Column("", style=LABEL),
        Column("", wrap=True),
        Column("", style=LABEL),
        Column("", wrap=True),
    ]
    blocks = table_blocks(
        ctx, columns, rows, header=False, rules=False, styles=((BODY, BODY_BOLD),), max_lines=None
    )
    whole = [[fact.label, fact.value] for fact in facts if fact.label == WHOLE_WIDTH]
    if whole:
        blocks += table_blocks(
            ctx,
            [Column("", style=LABEL), Column("", wrap=True)],
            whole,
            header=False,
            rules=False,
            styles=((BODY, BODY_BOLD),),
            max_lines=None,
        )
    return blocks


def _scenarios_compared(ctx: PageContext, facts: tuple[Fact, ...], pinned: Pinned) -> list[Block]:
    """The current and pinned scenarios' facts side by side, differences in bold."""
    rows: list[list[Cell]] = []
    for mine, theirs in zip(facts, pinned.facts, strict=True):
        style = BODY_BOLD if mine.value != theirs.value else BODY
        rows.append([mine.label, [(mine.value, style)], [(theirs.value, style)]])
    columns = [
        Column("", style=LABEL),
        Column("Current scenario", wrap=True),
        Column(pinned.name, wrap=True),
    ]
    return table_blocks(
        ctx, columns, rows, rules=False, styles=((BODY, BODY_BOLD),), max_lines=None
    )
