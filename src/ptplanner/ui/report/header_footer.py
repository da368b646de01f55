"""What every page carries: the footer (version, print date, "Page N of M") and, from page 2 on,
the running header (the report's title, the area and the employer type)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter

from ptplanner import __version__
from ptplanner.ui.report.layout import PageContext, draw_rule, draw_single_line
from ptplanner.ui.report.styles import (
    FAINT,
    FOOTER_HEIGHT,
    HEADER_HEIGHT,
    RUNNING,
    RUNNING_TITLE,
)


def paint_footer(
    ctx: PageContext, painter: QPainter, printed_on: date, number: int, total: int
) -> None:
    """The foot of every printed page: version, print date and "Page N of M"."""
    top = ctx.content.bottom() - ctx.pt(FOOTER_HEIGHT) + ctx.pt(8)
    draw_rule(painter, ctx, ctx.left, top, ctx.width, FAINT)
    row = QRectF(ctx.left, top + ctx.pt(2), ctx.width, ctx.content.bottom() - top - ctx.pt(2))
    third = ctx.width / 3
    left = QRectF(row.left(), row.top(), third, row.height())
    middle = QRectF(row.left() + third, row.top(), third, row.height())
    right = QRectF(row.left() + 2 * third, row.top(), third, row.height())
    draw_single_line(
        ctx, painter, f"ptplanner {__version__}", RUNNING, left, Qt.AlignmentFlag.AlignLeft
    )
    draw_single_line(
        ctx,
        painter,
        f"Printed {printed_on.isoformat()}",
        RUNNING,
        middle,
        Qt.AlignmentFlag.AlignHCenter,
    )
    draw_single_line(
        ctx, painter, f"Page {number} of {total}", RUNNING, right, Qt.AlignmentFlag.AlignRight
    )


def paint_running_header(ctx: PageContext, painter: QPainter, title: str, right: str) -> None:
    """The head of every printed page after the first: the document's title and, on the right,
    what it is about."""
    top = ctx.content.top()
    height = ctx.pt(HEADER_HEIGHT - 10)
    half = ctx.width / 2
    draw_single_line(
        ctx,
        painter,
        title,
        RUNNING_TITLE,
        QRectF(ctx.left, top, half, height),
        Qt.AlignmentFlag.AlignLeft,
    )
    draw_single_line(
        ctx,
        painter,
        right,
        RUNNING,
        QRectF(ctx.left + half, top, half, height),
        Qt.AlignmentFlag.AlignRight,
    )
    draw_rule(painter, ctx, ctx.left, top + height + ctx.pt(2), ctx.width, FAINT)
