"""The projection chart, painted as QPainter vector paths (no pyqtgraph, no picture): pay axis,
year axis, the likely-range and BLS bands, the typical and total-compensation lines, planned
changes as dots, and a legend that wraps onto as many rows as it needs."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from ptplanner.core.format import money
from ptplanner.core.report.model import YearFigures
from ptplanner.ui.report.layout import Block, PageContext, Paragraph, draw_rule, draw_single_line
from ptplanner.ui.report.styles import (
    ACCENT,
    BLS_FILL,
    FAINT,
    INK_SOFT,
    MUTED,
    NOTE,
    RANGE_FILL,
    RULE,
    SMALL,
    TextStyle,
)

AXIS = TextStyle(7.0, color=MUTED.name())


def nice_ticks(low: float, high: float, target: int = 6) -> list[float]:
    """Round values from at or below ``low`` to at or above ``high``, about ``target`` steps."""
    span = high - low
    if span <= 0:
        span = abs(high) or 1.0
        low, high = low - span * 0.1, high + span * 0.1
        span = high - low
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = magnitude
    for multiple in (1.0, 2.0, 2.5, 5.0, 10.0):
        step = multiple * magnitude
        if span / step <= target:
            break
    start = math.floor(low / step) * step
    end = math.ceil(high / step) * step
    count = round((end - start) / step)
    return [start + i * step for i in range(count + 1)]


def year_step(span: int) -> int:
    """Label every 1, 2, 5, 10 or 20 years, whichever keeps the labels to about eleven."""
    for step in (1, 2, 5, 10):
        if span / step <= 11:
            return step
    return 20


@dataclass(frozen=True)
class LegendItem:
    kind: Literal["line", "dash", "band", "dot"]
    color: QColor
    label: str


def series_pen(ctx: PageContext, color: QColor, weight: float, dashed: bool) -> QPen:
    pen = QPen(color)
    pen.setWidthF(ctx.pt(weight))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap if dashed else Qt.PenCapStyle.RoundCap)
    if dashed:
        pen.setDashPattern([4.0, 2.5])
    return pen


def projection_chart(
    ctx: PageContext,
    rows: Sequence[YearFigures],
    other: Sequence[YearFigures] | None,
    legend: Sequence[LegendItem],
    caption: str,
    axis_title: str = "",
) -> Block:
    """The chart of ``rows`` (and a pinned scenario's ``other``, dashed) with its legend and
    caption; ``axis_title`` names the pay axis ("Pay per year (2026 dollars)")."""
    chart = _Chart(ctx, rows, other, legend, caption, axis_title)
    return Block(chart.height, chart.draw, space_before=ctx.pt(2))


@dataclass(frozen=True)
class _Scale:
    """Maps years and dollars to the plot rectangle."""

    plot: QRectF
    first_year: int
    last_year: int
    ticks: list[float]

    def x(self, year: float) -> float:
        plot, first = self.plot, self.first_year
        return plot.left() + (year - first) / (self.last_year - first) * plot.width()

    def y(self, value: float) -> float:
        plot, ticks = self.plot, self.ticks
        return plot.bottom() - (value - ticks[0]) / (ticks[-1] - ticks[0]) * plot.height()


class _Legend:
    """The legend's items laid out in as many rows as the width needs."""

    def __init__(self, ctx: PageContext, items: Sequence[LegendItem]) -> None:
        self.swatch_w, self.swatch_gap, self.item_gap = ctx.pt(18), ctx.pt(4), ctx.pt(12)
        self.rows: list[list[tuple[LegendItem, Paragraph]]] = [[]]
        used = 0.0
        for item in items:
            label_width = min(
                ctx.text_width(item.label, SMALL) + ctx.pt(1), ctx.width - self.swatch_w
            )
            para = ctx.para(item.label, SMALL, label_width, max_lines=1)
            needed = self.swatch_w + self.swatch_gap + label_width
            if self.rows[-1] and used + self.item_gap + needed > ctx.width:
                self.rows.append([])
                used = 0.0
            used += (self.item_gap if self.rows[-1] else 0.0) + needed
            self.rows[-1].append((item, para))
        self.line = ctx.line_height(SMALL) + ctx.pt(2)
        self.height = self.line * len(self.rows)

    def paint(self, ctx: PageContext, painter: QPainter, x: float, y: float) -> float:
        """Paint the rows from ``y`` down; returns the y under the last row."""
        for legend_row in self.rows:
            lx = x
            mid = y + self.line / 2 - ctx.pt(1)
            for item, para in legend_row:
                box = QRectF(lx, mid - ctx.pt(4), self.swatch_w, ctx.pt(8))
                _paint_swatch(ctx, painter, item, box)
                para.draw(painter, lx + self.swatch_w + self.swatch_gap, mid - para.height / 2)
                lx += self.swatch_w + self.swatch_gap + para.width + self.item_gap
            y += self.line
        return y


def _paint_swatch(ctx: PageContext, painter: QPainter, item: LegendItem, box: QRectF) -> None:
    if item.kind == "band":
        painter.fillRect(box.adjusted(0, ctx.pt(1), 0, -ctx.pt(1)), item.color)
    elif item.kind == "dot":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(item.color)
        painter.drawEllipse(box.center(), ctx.pt(2.6), ctx.pt(2.6))
    else:
        weight = 1.7 if item.color == ACCENT else 1.2
        painter.setPen(series_pen(ctx, item.color, weight, item.kind == "dash"))
        mid = box.center().y()
        painter.drawLine(QPointF(box.left(), mid), QPointF(box.right(), mid))


def _band(
    painter: QPainter,
    scale: _Scale,
    rows: Sequence[YearFigures],
    low_of: Callable[[YearFigures], float],
    high_of: Callable[[YearFigures], float],
    color: QColor,
) -> None:
    path = QPainterPath()
    path.moveTo(scale.x(rows[0].year), scale.y(high_of(rows[0])))
    for row in rows[1:]:
        path.lineTo(scale.x(row.year), scale.y(high_of(row)))
    for row in reversed(rows):
        path.lineTo(scale.x(row.year), scale.y(low_of(row)))
    path.closeSubpath()
    painter.fillPath(path, QBrush(color))


def _line(
    painter: QPainter,
    scale: _Scale,
    rows: Sequence[YearFigures],
    value_of: Callable[[YearFigures], float],
    pen: QPen,
) -> None:
    path = QPainterPath()
    path.moveTo(scale.x(rows[0].year), scale.y(value_of(rows[0])))
    for row in rows[1:]:
        path.lineTo(scale.x(row.year), scale.y(value_of(row)))
    painter.strokePath(path, pen)


class _Chart:
    """The chart measured for one page context, painted by :meth:`draw`."""

    def __init__(
        self,
        ctx: PageContext,
        rows: Sequence[YearFigures],
        other: Sequence[YearFigures] | None,
        legend: Sequence[LegendItem],
        caption: str,
        axis_title: str = "",
    ) -> None:
        self.ctx = ctx
        self.axis_title = axis_title
        self.title_h = ctx.line_height(AXIS) + ctx.pt(3) if axis_title else 0.0
        self.rows = rows
        self.other = other
        self.caption = ctx.para(caption, NOTE, ctx.width)
        self.legend = _Legend(ctx, legend)
        self.plot_h = min(ctx.width * 0.42, ctx.pt(230))
        self.axis_h = ctx.line_height(AXIS) + ctx.pt(5)
        self.height = (
            self.title_h
            + self.plot_h
            + self.axis_h
            + ctx.pt(8)
            + self.legend.height
            + ctx.pt(4)
            + self.caption.height
        )
        series = [rows] + ([other] if other is not None else [])
        values = [
            v
            for scenario in series
            for r in scenario
            for v in (
                r.shown.low,
                r.shown.high,
                r.shown.typical,
                r.shown.total_compensation,
                r.shown.bls_p10,
                r.shown.bls_p90,
            )
        ]
        self.ticks = nice_ticks(min(values), max(values))
        years = sorted({r.year for scenario in series for r in scenario})
        self.first_year, self.last_year = years[0], max(years[-1], years[0] + 1)
        self.tick_labels = [money(t) for t in self.ticks]
        self.label_w = max(ctx.text_width(t, AXIS) for t in self.tick_labels)
        self.year_w = ctx.text_width("0000", AXIS)

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        ctx = self.ctx
        if self.axis_title:
            box = QRectF(x, y, ctx.width, ctx.line_height(AXIS))
            draw_single_line(ctx, painter, self.axis_title, AXIS, box, Qt.AlignmentFlag.AlignLeft)
            y += self.title_h
        plot = QRectF(
            x + self.label_w + ctx.pt(6),
            y + ctx.pt(4),
            ctx.width - self.label_w - ctx.pt(6) - max(ctx.pt(4), self.year_w / 2),
            self.plot_h - ctx.pt(4),
        )
        scale = _Scale(plot, self.first_year, self.last_year, self.ticks)
        self._paint_pay_axis(painter, scale, x)
        self._paint_year_axis(painter, scale)
        draw_rule(painter, ctx, plot.left(), plot.bottom(), plot.width(), RULE, 0.7)

        painter.save()
        painter.setClipRect(plot.adjusted(-ctx.pt(3), -ctx.pt(3), ctx.pt(3), ctx.pt(3)))
        self._paint_series(painter, scale)
        painter.restore()

        legend_bottom = self.legend.paint(
            ctx, painter, x, y + self.plot_h + self.axis_h + ctx.pt(8)
        )
        self.caption.draw(painter, x, legend_bottom + ctx.pt(4))

    def _paint_pay_axis(self, painter: QPainter, scale: _Scale, x: float) -> None:
        """Grid lines and their dollar labels."""
        ctx, plot = self.ctx, scale.plot
        for tick, text in zip(self.ticks, self.tick_labels, strict=True):
            ty = scale.y(tick)
            draw_rule(painter, ctx, plot.left(), ty, plot.width(), FAINT, 0.4)
            box = QRectF(x, ty - ctx.pt(5), self.label_w, ctx.pt(10))
            draw_single_line(ctx, painter, text, AXIS, box, Qt.AlignmentFlag.AlignRight)

    def _paint_year_axis(self, painter: QPainter, scale: _Scale) -> None:
        """Labelled ticks at round years, small ticks for every year when they fit."""
        ctx, plot = self.ctx, scale.plot
        first_year, last_year = self.first_year, self.last_year
        step = year_step(last_year - first_year)
        tick_pen = QPen(RULE)
        tick_pen.setWidthF(ctx.pt(0.5))
        for year in range(first_year, last_year + 1):
            labelled = year % step == 0 or step == 1
            if not labelled and (last_year - first_year) > 30:
                continue
            tx = scale.x(year)
            painter.setPen(tick_pen)
            size = ctx.pt(3.5 if labelled else 2)
            painter.drawLine(QPointF(tx, plot.bottom()), QPointF(tx, plot.bottom() + size))
            if labelled:
                box = QRectF(
                    tx - self.year_w, plot.bottom() + ctx.pt(4), 2 * self.year_w, self.axis_h
                )
                draw_single_line(ctx, painter, str(year), AXIS, box, Qt.AlignmentFlag.AlignHCenter)

    def _paint_series(self, painter: QPainter, scale: _Scale) -> None:
        """Bands under lines, the pinned scenario under the current one, then the event dots."""
        ctx, other = self.ctx, self.other
        rows = self.rows
        _band(painter, scale, rows, lambda r: r.shown.bls_p10, lambda r: r.shown.bls_p90, BLS_FILL)
        _band(painter, scale, rows, lambda r: r.shown.low, lambda r: r.shown.high, RANGE_FILL)
        if other is not None:
            pen = series_pen(ctx, INK_SOFT, 1.1, True)
            _line(painter, scale, other, lambda r: r.shown.total_compensation, pen)
            typical_pen = series_pen(ctx, ACCENT, 1.4, True)
            _line(painter, scale, other, lambda r: r.shown.typical, typical_pen)
        pen = series_pen(ctx, INK_SOFT, 1.2, False)
        _line(painter, scale, rows, lambda r: r.shown.total_compensation, pen)
        _line(painter, scale, rows, lambda r: r.shown.typical, series_pen(ctx, ACCENT, 1.7, False))
        outline = QPen(QColor("white"))
        outline.setWidthF(ctx.pt(0.8))
        for row in rows:
            if row.changes:
                painter.setPen(outline)
                painter.setBrush(ACCENT)
                painter.drawEllipse(
                    QPointF(scale.x(row.year), scale.y(row.shown.typical)),
                    ctx.pt(2.6),
                    ctx.pt(2.6),
                )
