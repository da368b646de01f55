"""Career packet, "Your plan": the plan's progress bar, the steps done (with their dates), the
overdue steps and the next steps."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ptplanner.core.report.model import DoneStep, PlanProgress, PlanStep
from ptplanner.ui.report.blocks import heading, paragraph, subheading
from ptplanner.ui.report.layout import Block, PageContext
from ptplanner.ui.report.plan_chart import progress_bar, progress_blocks
from ptplanner.ui.report.styles import (
    NOTE,
    SMALL_BOLD,
    SMALL_MUTED,
    TextStyle,
)
from ptplanner.ui.report.table import Cell, Column, table_blocks

NO_PLAN = (
    "No plan has been made yet. Open the Plan tab in ptplanner to start from the ready-made "
    "steps for a new PT Care Coordinator."
)


def _step_cell(step: PlanStep | DoneStep) -> Cell:
    parts: list[tuple[str, TextStyle]] = [(step.title, SMALL_BOLD)]
    if step.part_of:
        parts.append((step.part_of, NOTE))
    return parts


def _overdue(ctx: PageContext, overdue: tuple[PlanStep, ...]) -> list[Block]:
    blocks = [subheading(ctx, f"Overdue ({len(overdue)})")]
    if not overdue:
        blocks.append(paragraph(ctx, "Nothing is overdue.", SMALL_MUTED, space_before=0))
        return blocks
    rows: list[list[Cell]] = [
        [step.target_date, [(step.overdue_by, SMALL_BOLD)], _step_cell(step), step.status]
        for step in overdue
    ]
    columns = [
        Column("Target date"),
        Column("Overdue by", Qt.AlignmentFlag.AlignRight),
        Column("Step", wrap=True),
        Column("Status"),
    ]
    return blocks + table_blocks(ctx, columns, rows, continued="Overdue (continued)")


def _next_steps(ctx: PageContext, shown: tuple[PlanStep, ...]) -> list[Block]:
    blocks = [subheading(ctx, "Next steps")]
    if not shown:
        blocks.append(
            paragraph(ctx, "No open step has a target date ahead.", SMALL_MUTED, space_before=0)
        )
        return blocks
    rows: list[list[Cell]] = [
        [step.target_date, _step_cell(step), step.status, step.pay_effect] for step in shown
    ]
    columns = [
        Column("Target date"),
        Column("Step", wrap=True, weight=1.0),
        Column("Status"),
        Column("What it does to pay", wrap=True, weight=1.3),
    ]
    return blocks + table_blocks(
        ctx, columns, rows, max_lines=None, continued="Next steps (continued)"
    )


def _completed(ctx: PageContext, progress: PlanProgress) -> list[Block]:
    blocks = [subheading(ctx, "Done so far")]
    if not progress.completed:
        blocks.append(paragraph(ctx, "No step is done yet.", SMALL_MUTED, space_before=0))
        return blocks
    rows: list[list[Cell]] = [[step.done_on, _step_cell(step)] for step in progress.completed]
    columns = [Column("Done on"), Column("Step", wrap=True)]
    blocks += table_blocks(ctx, columns, rows, max_lines=None, continued="Done so far (continued)")
    if progress.completed_more:
        blocks.append(paragraph(ctx, progress.completed_more, NOTE, space_before=3))
    return blocks


def plan_section(ctx: PageContext, progress: PlanProgress | None) -> list[Block]:
    """The plan's page; ``progress`` is None when no plan has been made."""
    blocks = [heading(ctx, "Your plan", page_break=True)]
    if progress is None:
        blocks.append(paragraph(ctx, NO_PLAN))
        return blocks
    blocks.append(progress_bar(ctx, progress.fraction, progress.summary))
    if progress.history is not None:
        blocks += progress_blocks(ctx, progress.history)
    blocks += _completed(ctx, progress)
    blocks += _overdue(ctx, progress.overdue)
    blocks += _next_steps(ctx, progress.next_steps)
    if progress.more:
        blocks.append(paragraph(ctx, progress.more, NOTE, space_before=4))
    return blocks
