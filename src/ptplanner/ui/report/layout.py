"""The layout engine: measured text, blocks of known height, and flowing blocks onto pages.

Layout happens in two passes: every piece of content becomes a measured :class:`Block` (text is
wrapped with ``QTextLayout``), :func:`paginate` flows the blocks onto pages, and only then is
anything painted - which is how every footer can say "Page N of M" and how a table repeats its
header on each page it continues on.

Text is measured, and pages are laid out, at one fixed resolution (:data:`LAYOUT_DPI`) whatever
the device: a 1200 dpi printer and a 300 dpi PDF then break lines and pages in the same places
(measured at each device's own resolution, rounding moved the breaks). The painter is scaled to
the device when the pages are painted (:mod:`ptplanner.ui.report.render`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPainter,
    QPen,
    QTextLayout,
    QTextOption,
)

from ptplanner.ui.report.styles import (
    FONT_FAMILIES,
    FOOTER_HEIGHT,
    HEADER_HEIGHT,
    MARGIN_BOTTOM,
    MARGIN_SIDE,
    MARGIN_TOP,
    TextStyle,
)

LAYOUT_DPI = 300
"""The one resolution every report is laid out at (the PDF export's)."""


def layout_device() -> QImage:
    """A paint device that measures text at :data:`LAYOUT_DPI`, whatever will be printed on."""
    image = QImage(1, 1, QImage.Format.Format_ARGB32)
    dots_per_metre = round(LAYOUT_DPI / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


class PageContext:
    """Page geometry, fonts and metrics for one render, in :data:`LAYOUT_DPI` pixels."""

    def __init__(self, device: QPagedPaintDevice) -> None:
        self.device = layout_device()
        self.u = LAYOUT_DPI / 72.0  # layout pixels per point
        layout = device.pageLayout()
        dpi = LAYOUT_DPI
        full = QRectF(layout.fullRectPixels(dpi))
        paint = QRectF(layout.paintRectPixels(dpi))
        # Painter coordinates start at the paintable area's corner; aim for our own margins from
        # the paper edge, but never outside what the device can paint.
        page = full.translated(-paint.left(), -paint.top())
        wanted = page.adjusted(
            self.pt(MARGIN_SIDE),
            self.pt(MARGIN_TOP),
            -self.pt(MARGIN_SIDE),
            -self.pt(MARGIN_BOTTOM),
        )
        visible = QRectF(0, 0, paint.width(), paint.height())
        self.content = wanted.intersected(visible)
        self.left = self.content.left()
        self.width = self.content.width()
        self._fonts: dict[tuple[float, bool, bool], QFont] = {}
        self._metrics: dict[tuple[float, bool, bool], QFontMetricsF] = {}

    def pt(self, points: float) -> float:
        """Points in layout pixels."""
        return points * self.u

    def body_top(self, page_index: int) -> float:
        """Where content starts on a page: pages after the first leave room for the header."""
        return self.content.top() + (self.pt(HEADER_HEIGHT) if page_index else 0.0)

    @property
    def body_bottom(self) -> float:
        return self.content.bottom() - self.pt(FOOTER_HEIGHT)

    def font(self, style: TextStyle) -> QFont:
        key = (style.size, style.bold, style.italic)
        font = self._fonts.get(key)
        if font is None:
            font = QFont()
            font.setFamilies(FONT_FAMILIES)
            font.setStyleHint(QFont.StyleHint.SansSerif)
            font.setPointSizeF(style.size)
            font.setBold(style.bold)
            font.setItalic(style.italic)
            # Unhinted glyphs scale linearly, so measured widths hold at any resolution.
            font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
            # No "fi"/"ff" ligatures: they break searching and copying text out of the PDF.
            font.setFeature(QFont.Tag("liga"), 0)
            self._fonts[key] = font
        return font

    def metrics(self, style: TextStyle) -> QFontMetricsF:
        key = (style.size, style.bold, style.italic)
        metrics = self._metrics.get(key)
        if metrics is None:
            metrics = QFontMetricsF(self.font(style), self.device)
            self._metrics[key] = metrics
        return metrics

    def text_width(self, text: str, style: TextStyle) -> float:
        return self.metrics(style).horizontalAdvance(text)

    def line_height(self, style: TextStyle) -> float:
        return self.metrics(style).height() * style.spacing

    def para(
        self,
        text: str,
        style: TextStyle,
        width: float,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        max_lines: int | None = None,
    ) -> Paragraph:
        return Paragraph(self, text, style, width, align, max_lines)


class Paragraph:
    """Text wrapped to a width once, measured, and drawn anywhere later."""

    def __init__(
        self,
        ctx: PageContext,
        text: str,
        style: TextStyle,
        width: float,
        align: Qt.AlignmentFlag,
        max_lines: int | None,
    ) -> None:
        self.style = style
        self.width = max(width, ctx.pt(4))
        self._ctx = ctx
        self._align = align
        self.layout, lines = self._lay_out(text)
        if max_lines is not None and lines > max_lines:
            # Keep the first lines and end the last kept one with an ellipsis.
            cut = self.layout.lineAt(max_lines - 1).textStart()
            tail = ctx.metrics(style).elidedText(
                text[cut:].replace("\n", " "), Qt.TextElideMode.ElideRight, self.width * 0.98
            )
            self.layout, lines = self._lay_out(text[:cut] + tail)
        self.lines = lines
        self.height = self._height

    def _lay_out(self, text: str) -> tuple[QTextLayout, int]:
        layout = QTextLayout(text, self._ctx.font(self.style), self._ctx.device)
        option = QTextOption(self._align)
        # Break at spaces, but split an over-long word rather than let it leave the column.
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        y = 0.0
        count = 0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(self.width)
            line.setPosition(QPointF(0.0, y))
            y += line.height() * self.style.spacing
            count += 1
        layout.endLayout()
        if count:
            # The last line needs no trailing extra spacing.
            y -= layout.lineAt(count - 1).height() * (self.style.spacing - 1.0)
        self._height = y
        return layout, count

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        painter.setPen(QColor(self.style.color))
        painter.setFont(self._ctx.font(self.style))
        self.layout.draw(painter, QPointF(x, y))


DrawFn = Callable[[QPainter, float, float], None]
"""Paints a block with its top-left corner at (x, y)."""


@dataclass
class Block:
    """A piece of content of known height, drawn at (x, top)."""

    height: float
    draw: DrawFn
    space_before: float = 0.0
    keep_with_next: bool = False
    page_break_before: bool = False
    repeat: Block | None = None
    """Drawn first when this block starts a new page (a table's header)."""


Page = list[tuple[float, Block]]
"""The blocks placed on one page, each with the y of its top."""


def paginate(ctx: PageContext, blocks: Sequence[Block]) -> list[Page]:
    """Flow blocks onto pages, keeping together what asks to be kept together."""
    pages: list[Page] = [[]]
    y = ctx.body_top(0)
    for index, block in enumerate(blocks):
        if block.page_break_before and pages[-1]:
            pages.append([])
            y = ctx.body_top(len(pages) - 1)
        at_top = not pages[-1]
        gap = 0.0 if at_top else block.space_before
        # A heading stays with what follows it, a table header with its first row.
        needed = gap + block.height
        j = index
        while blocks[j].keep_with_next and j + 1 < len(blocks):
            j += 1
            needed += blocks[j].space_before + blocks[j].height
        if not at_top and y + needed > ctx.body_bottom:
            pages.append([])
            y = ctx.body_top(len(pages) - 1)
            gap = 0.0
            if block.repeat is not None:
                pages[-1].append((y, block.repeat))
                y += block.repeat.height
        y += gap
        pages[-1].append((y, block))
        y += block.height
    return pages


def draw_rule(
    painter: QPainter,
    ctx: PageContext,
    x: float,
    y: float,
    width: float,
    color: QColor,
    weight: float = 0.5,
) -> None:
    """A horizontal rule ``weight`` points thick."""
    pen = QPen(color)
    pen.setWidthF(ctx.pt(weight))
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.drawLine(QPointF(x, y), QPointF(x + width, y))


def draw_single_line(
    ctx: PageContext,
    painter: QPainter,
    text: str,
    style: TextStyle,
    rect: QRectF,
    align: Qt.AlignmentFlag,
) -> None:
    """One line of text inside a rectangle, elided if it would not fit."""
    shown = ctx.metrics(style).elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
    # Laid out at the layout resolution like every paragraph: QPainter.drawText would size the
    # font for the device and the scaled painter would then enlarge it a second time.
    layout = QTextLayout(shown, ctx.font(style), ctx.device)
    option = QTextOption(align)
    option.setWrapMode(QTextOption.WrapMode.NoWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(rect.width())
    line.setPosition(QPointF(0.0, 0.0))
    layout.endLayout()
    painter.setPen(QColor(style.color))
    layout.draw(painter, QPointF(rect.left(), rect.top() + (rect.height() - line.height()) / 2))
