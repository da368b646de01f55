"""Painting laid-out pages on a printer or PDF writer: the loop every printed document shares.

A document lays its blocks out into pages, then hands them here with a function that paints one
page; this opens the painter, scales it from the layout's resolution to the device's, honours a
printer's page range and starts each new sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPagedPaintDevice, QPainter

from ptplanner.ui.report.header_footer import paint_footer, paint_running_header
from ptplanner.ui.report.layout import LAYOUT_DPI, Page, PageContext

PagePainter = Callable[[QPainter, Page, int, int], None]
"""Paints one page: (painter, the page's blocks, its number from 1, the page count)."""


def render_pages(device: QPagedPaintDevice, pages: Sequence[Page], paint: PagePainter) -> int:
    """Paint ``pages`` on ``device``; returns the document's page count.

    A printer set to a page range (QPrintDialog's "Pages from/to") is sent only those pages.
    """
    total = len(pages)
    first = max(1, _int_attr(device, "fromPage") or 1)
    last = min(total, _int_attr(device, "toPage") or total)
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("could not start painting on the printer or file")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        # Pages were laid out at LAYOUT_DPI; the device paints them at its own resolution.
        painter.scale(device.logicalDpiX() / LAYOUT_DPI, device.logicalDpiY() / LAYOUT_DPI)
        for number in range(first, last + 1):
            if number > first:
                device.newPage()
            paint(painter, pages[number - 1], number, total)
    finally:
        painter.end()
    return total


def paint_page(
    ctx: PageContext,
    painter: QPainter,
    page: Page,
    number: int,
    total: int,
    *,
    printed_on: date,
    title: str,
    running_right: str,
) -> None:
    """One page's blocks, then its footer and (after page 1) the running header every printed
    document has: its title on the left, ``running_right`` on the right."""
    top = ctx.body_top(number - 1)
    body = QRectF(ctx.left, top, ctx.width, ctx.body_bottom - top)
    for block_top, block in page:
        painter.save()
        # A block taller than a page (never with sane input) is cut at the margin, not the edge.
        painter.setClipRect(body.adjusted(-ctx.pt(2), -ctx.pt(2), ctx.pt(2), ctx.pt(2)))
        block.draw(painter, ctx.left, block_top)
        painter.restore()
    paint_footer(ctx, painter, printed_on, number, total)
    if number > 1:
        paint_running_header(ctx, painter, title, running_right)


def _int_attr(device: object, name: str) -> int:
    """``device.name()`` as an int, or 0 when the device has no such method (a PDF writer)."""
    getter = getattr(device, name, None)
    return int(getter()) if callable(getter) else 0
