"""The plan's progress over time on paper: steps done month by month (solid) against the steps
its target dates called for by then (dashed), today marked, as QPainter vector paths; printed in
the plan printout and in the career packet's plan section."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen

from ptplanner.core.format import short_date
from ptplanner.core.plan.progress import ProgressHistory
from ptplanner.ui.report.chart import AXIS, nice_ticks, series_pen, year_step
from ptplanner.ui.report.layout import Block, PageContext, draw_rule, draw_single_line
from ptplanner.ui.report.styles import ACCENT, BODY, FAINT, INK_SOFT, MUTED, NOTE, RULE, ZEBRA

CHART_HEIGHT = 150.0
"""Points: tall enough to read a month's step, short enough to share a page with the list."""


def chart_caption(history: ProgressHistory) -> str:
    """What the chart shows and where its figures come from, with their date."""
    return (
        f"{history.caption()} Solid: done; dashed: targeted; dotted: today. Source: your plan's "
        f"done and target dates, as of {short_date(history.today)}."
    )


def progress_blocks(ctx: PageContext, history: ProgressHistory) -> list[Block]:
    """The verdict (ahead, behind or on track), the chart and its caption."""
    verdict = ctx.para(history.verdict(), BODY, ctx.width)
    blocks = [
        Block(
            verdict.height,
            lambda painter, x, y: verdict.draw(painter, x, y),
            space_before=ctx.pt(6),
            keep_with_next=bool(history.points),
        )
    ]
    if history.points:
        blocks.append(_chart_block(ctx, history))
    return blocks


def _chart_block(ctx: PageContext, history: ProgressHistory) -> Block:
    caption = ctx.para(chart_caption(history), NOTE, ctx.width)
    plot_h = ctx.pt(CHART_HEIGHT)
    axis_h = ctx.line_height(AXIS)
    ticks = [int(t) for t in nice_ticks(0, max(1, history.counted), 5) if t == int(t)]
    label_w = max(ctx.text_width(str(t), AXIS) for t in ticks) + ctx.pt(4)
    height = plot_h + axis_h + ctx.pt(6) + caption.height

    def draw(painter: QPainter, x: float, y: float) -> None:
        plot = QRectF(x + label_w, y, ctx.width - label_w, plot_h)
        top_value = ticks[-1] or 1
        points = history.points
        count = len(points)

        def px(index: int) -> float:
            if count == 1:
                return plot.center().x()
            return plot.left() + plot.width() * index / (count - 1)

        def py(value: int) -> float:
            return plot.bottom() - plot.height() * value / top_value

        for tick in ticks:
            ty = py(tick)
            draw_rule(painter, ctx, plot.left(), ty, plot.width(), FAINT, 0.4)
            box = QRectF(x, ty - axis_h / 2, label_w - ctx.pt(3), axis_h)
            draw_single_line(ctx, painter, str(tick), AXIS, box, Qt.AlignmentFlag.AlignRight)
        draw_rule(painter, ctx, plot.left(), plot.bottom(), plot.width(), RULE, 0.6)
        # Years along the bottom, at each January (or the first month), thinned to fit.
        years = sorted({p.month.year for p in points})
        step = year_step(years[-1] - years[0])
        drawn_to = plot.left() - ctx.pt(100)
        for index, p in enumerate(points):
            first = index == 0
            if not (first or p.month.month == 1) or (p.month.year - years[0]) % step:
                continue
            label = str(p.month.year) if not first else f"{p.month:%b} {p.month.year}"
            width = ctx.text_width(label, AXIS) + ctx.pt(2)
            lx = min(px(index), plot.right() - width)
            if lx < drawn_to + ctx.pt(6):
                continue  # a January just after the first month would overprint its label
            drawn_to = lx + width
            box = QRectF(lx, plot.bottom() + ctx.pt(2), width, axis_h)
            draw_single_line(ctx, painter, label, AXIS, box, Qt.AlignmentFlag.AlignLeft)

        this_month = history.today.replace(day=1)
        today_index = next((i for i, p in enumerate(points) if p.month == this_month), None)
        if today_index is not None:
            pen = QPen(MUTED)
            pen.setWidthF(ctx.pt(0.6))
            pen.setStyle(Qt.PenStyle.DotLine)
            painter.setPen(pen)
            tx = px(today_index)
            painter.drawLine(QPointF(tx, plot.top()), QPointF(tx, plot.bottom()))

        painter.setBrush(Qt.BrushStyle.NoBrush)
        targeted = QPainterPath()
        done = QPainterPath()
        for index, p in enumerate(points):
            at = QPointF(px(index), py(p.targeted))
            targeted.lineTo(at) if index else targeted.moveTo(at)
            if p.month <= this_month:
                mark = QPointF(px(index), py(p.done))
                done.lineTo(mark) if index else done.moveTo(mark)
        painter.setPen(series_pen(ctx, INK_SOFT, 1.1, dashed=True))
        painter.drawPath(targeted)
        painter.setPen(series_pen(ctx, ACCENT, 1.8, dashed=False))
        painter.drawPath(done)
        caption.draw(painter, x, y + plot_h + axis_h + ctx.pt(6))

    return Block(height, draw, space_before=ctx.pt(6))


def progress_bar(ctx: PageContext, fraction: float, text: str) -> Block:
    """The share of steps done as a bar, with ``text`` under it."""
    label = ctx.para(text, BODY, ctx.width)
    bar_h = ctx.pt(8)

    def draw(painter: QPainter, x: float, y: float) -> None:
        box = QRectF(x, y, ctx.width, bar_h)
        painter.fillRect(box, ZEBRA)
        painter.fillRect(QRectF(x, y, ctx.width * max(0.0, min(1.0, fraction)), bar_h), ACCENT)
        pen = QPen(RULE)
        pen.setWidthF(ctx.pt(0.5))
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(box)
        label.draw(painter, x, y + bar_h + ctx.pt(4))

    return Block(bar_h + ctx.pt(4) + label.height, draw, space_before=ctx.pt(4))
