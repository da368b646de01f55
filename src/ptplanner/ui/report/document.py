"""The whole report: its sections in order, flowed onto pages and painted on any paged device.

:func:`render` builds the :class:`~ptplanner.core.report.model.Report` (what the printout says,
the same model ``ptplanner projection`` prints), lays it out for whatever ``QPagedPaintDevice`` it
is given (a ``QPrinter`` for paper and preview, a ``QPdfWriter`` for PDF) and paints it, so the
three outputs are the same pages.
"""

from __future__ import annotations

from PySide6.QtGui import QPagedPaintDevice, QPainter

from ptplanner.core.report.build import ReportInput, build_report
from ptplanner.core.report.model import Report
from ptplanner.ui.report.layout import Block, Page, PageContext, paginate
from ptplanner.ui.report.render import paint_page, render_pages
from ptplanner.ui.report.sections.assumptions import assumptions_section
from ptplanner.ui.report.sections.breakdown import breakdown_section
from ptplanner.ui.report.sections.career_ladder import ladder_section
from ptplanner.ui.report.sections.comparison import comparison_sections
from ptplanner.ui.report.sections.plan_progress import plan_section
from ptplanner.ui.report.sections.projection_chart import chart_section
from ptplanner.ui.report.sections.role_summary import role_section
from ptplanner.ui.report.sections.sources import sources_section
from ptplanner.ui.report.sections.title import title_section
from ptplanner.ui.report.sections.today import today_section
from ptplanner.ui.report.sections.year_table import year_table_section


def build_blocks(ctx: PageContext, report: Report) -> list[Block]:
    """Every section's blocks, in print order."""
    blocks: list[Block] = []
    blocks += title_section(ctx, report)
    blocks += today_section(ctx, report.today)
    blocks += chart_section(ctx, report)
    blocks += comparison_sections(ctx, report)
    blocks += year_table_section(ctx, report.year_table)
    blocks += breakdown_section(ctx, report.today)
    blocks += assumptions_section(ctx, report)
    if report.career_packet is not None:
        blocks += plan_section(ctx, report.career_packet.plan)
        blocks += role_section(ctx, report.career_packet.role)
        blocks += ladder_section(ctx, report.career_packet.role)
    blocks += sources_section(ctx, report.sources)
    return blocks


def render(painter_device: QPagedPaintDevice, source: ReportInput) -> int:
    """Build the report, lay it out and paint it on a printer or PDF writer; returns the
    document's page count.

    A printer set to a page range (``fromPage``/``toPage``) is sent only those pages.
    """
    report = build_report(source)
    ctx = PageContext(painter_device)
    pages = paginate(ctx, build_blocks(ctx, report))
    return render_pages(
        painter_device,
        pages,
        lambda painter, page, number, total: paint_report_page(
            ctx, painter, report, page, number, total
        ),
    )


def page_count(device: QPagedPaintDevice, source: ReportInput) -> int:
    """How many pages the report has on ``device``'s paper (what :func:`render` would paint)."""
    report = build_report(source)
    ctx = PageContext(device)
    return len(paginate(ctx, build_blocks(ctx, report)))


def paint_report_page(
    ctx: PageContext, painter: QPainter, report: Report, page: Page, number: int, total: int
) -> None:
    """One page of the projection report, with its footer and running header."""
    paint_page(
        ctx,
        painter,
        page,
        number,
        total,
        printed_on=report.printed_on,
        title=report.title,
        running_right=report.running_header,
    )
