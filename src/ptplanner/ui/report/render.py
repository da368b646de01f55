"""Painting laid-out pages on a printer or PDF writer: the loop every printed document shares.

A document lays its blocks out into pages, then hands them here with a function that paints one
page; this opens the painter, scales it from the layout's resolution to the device's, honours a
printer's page range and starts each new sheet.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QPagedPaintDevice, QPainter

from ptplanner.ui.report.layout import LAYOUT_DPI, Page

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


def _int_attr(device: object, name: str) -> int:
    """``device.name()`` as an int, or 0 when the device has no such method (a PDF writer)."""
    getter = getattr(device, name, None)
    return int(getter()) if callable(getter) else 0
