"""The plan printout: the plan's title and progress, its progress over time, and every step as a
checklist row (mark, outline number, title, notes, status, target and done dates), flowed onto
pages with the report's layout engine and painted on any paged device.

Each row is one block, so a row is never cut between pages; long notes are split into
follow-on rows at word boundaries first, so no row is ever taller than a page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QPagedPaintDevice, QPainter

from ptplanner.core.format import STATUS_LABELS, long_date, short_date
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.progress import ProgressHistory, progress_history
from ptplanner.core.plan.rollup import effective
from ptplanner.ui.report.blocks import heading, paragraph, title_block
from ptplanner.ui.report.layout import (
    Block,
    Page,
    PageContext,
    paginate,
)
from ptplanner.ui.report.plan_chart import progress_bar, progress_blocks
from ptplanner.ui.report.render import paint_page, render_pages
from ptplanner.ui.report.styles import (
    NOTE,
    SMALL,
    SMALL_BOLD,
    SMALL_MUTED,
    TextStyle,
)
from ptplanner.ui.report.table import Cell, Column, table_blocks

NOTES_CHUNK = 900
"""Characters of notes per row: a longer note continues on the next row, so a row always fits
a page (900 characters wrap to about 20 lines in the narrowest step column)."""
MARKS = {"done": "☑", "skipped": "☒", "open": "☐"}
OVERDUE = TextStyle(SMALL.size, bold=True, spacing=SMALL.spacing)


@dataclass(frozen=True)
class PlanPrintout:
    """What the plan printout says, decided once for every page."""

    plan: Plan
    today: date
    history: ProgressHistory

    @classmethod
    def of(cls, plan: Plan, today: date) -> PlanPrintout:
        return cls(plan, today, progress_history(plan, today))


def _numbered(
    milestones: Sequence[Milestone], prefix: str = "", depth: int = 0
) -> Iterator[tuple[str, int, Milestone]]:
    for number, milestone in enumerate(milestones, start=1):
        label = f"{prefix}{number}"
        yield label, depth, milestone
        yield from _numbered(milestone.children, label + ".", depth + 1)


def note_chunks(notes: str, size: int = NOTES_CHUNK) -> list[str]:
    """``notes`` in pieces of at most ``size`` characters, split at spaces where possible."""
    text = " ".join(notes.split())
    chunks: list[str] = []
    while len(text) > size:
        cut = text.rfind(" ", 0, size)
        cut = size if cut <= 0 else cut
        chunks.append(text[:cut])
        text = text[cut:].lstrip()
    if text:
        chunks.append(text)
    return chunks


def _rows(printout: PlanPrintout) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    today = printout.today
    for number, depth, milestone in _numbered(printout.plan.milestones):
        status, done_on = effective(milestone)
        if status is Status.DONE:
            mark, label = MARKS["done"], STATUS_LABELS[status]
        elif status is Status.SKIPPED:
            mark, label = MARKS["skipped"], STATUS_LABELS[status]
        else:
            mark, label = MARKS["open"], STATUS_LABELS[status]
        target = milestone.target_date
        status_cell: Cell = label
        if status not in (Status.DONE, Status.SKIPPED) and target is not None and target < today:
            status_cell = [(label, SMALL), ("Overdue", OVERDUE)]
        indent = "\u00a0\u00a0\u00a0" * depth
        chunks = note_chunks(milestone.notes)
        title_style = SMALL_BOLD if depth == 0 else SMALL
        step: list[tuple[str, TextStyle]] = [(f"{indent}{number}  {milestone.title}", title_style)]
        if chunks:
            step.append((chunks[0], NOTE))
        done_text = short_date(done_on) if status is Status.DONE else ""
        if status is Status.DONE and done_on is None:
            done_text = "date not recorded"
        rows.append([mark, step, status_cell, short_date(target), done_text])
        for more in chunks[1:]:
            rows.append(["", [(f"{number} (notes, continued)", NOTE), (more, NOTE)], "", "", ""])
    return rows


def build_blocks(ctx: PageContext, printout: PlanPrintout) -> list[Block]:
    """Every block of the plan printout, in print order."""
    plan = printout.plan
    done, counted = plan.leaf_counts()
    subtitle = (
        f"Your plan as of {long_date(printout.today)}: the steps as a checklist, with their "
        "status, target and done dates and notes."
    )
    blocks = [title_block(ctx, plan.title, subtitle), heading(ctx, "Progress")]
    summary = f"{plan.progress():.0f}% complete — {done} of {counted} steps done."
    blocks.append(progress_bar(ctx, plan.progress() / 100.0, summary))
    blocks += progress_blocks(ctx, printout.history)
    blocks.append(heading(ctx, "Steps"))
    rows = _rows(printout)
    if not rows:
        blocks.append(paragraph(ctx, "The plan has no steps yet.", SMALL_MUTED))
        return blocks
    columns = [
        Column(""),
        Column("Step", wrap=True),
        Column("Status"),
        Column("Target"),
        Column("Done"),
    ]
    blocks += table_blocks(ctx, columns, rows, max_lines=None, continued="Steps (continued)")
    return blocks


def render_plan(device: QPagedPaintDevice, printout: PlanPrintout) -> int:
    """Lay the printout out for ``device`` and paint it; returns the page count. A printer set
    to a page range is sent only those pages."""
    ctx = PageContext(device)
    pages = paginate(ctx, build_blocks(ctx, printout))
    return render_pages(
        device,
        pages,
        lambda painter, page, number, total: _paint_page(
            ctx, painter, printout, page, number, total
        ),
    )


def _paint_page(
    ctx: PageContext, painter: QPainter, printout: PlanPrintout, page: Page, number: int, total: int
) -> None:
    paint_page(
        ctx,
        painter,
        page,
        number,
        total,
        printed_on=printout.today,
        title=printout.plan.title,
        running_right="Plan checklist",
    )
