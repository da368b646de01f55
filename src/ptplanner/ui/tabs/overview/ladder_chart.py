"""The career ladder's pay chart in the Overview tab: every rung's BLS pay on one dollar axis.

:func:`ladder_row` turns a rung of the knowledge base into the row the chart draws (its BLS
wages in PT offices, the band of them that fits the rung, and the guide's figure if any).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ptplanner.core.content import CareerRung, FigureRange
from ptplanner.core.format import money
from ptplanner.core.knowledge import OccupationWage, industry_wages
from ptplanner.ui.widgets import mix, range_text

_WAGE_BANDS: dict[str, tuple[str, str, str]] = {
    "p10_p25": ("p10", "p25", "P10–P25"),
    "p25_p75": ("p25", "p75", "P25–P75"),
    "p75_p90": ("p75", "p90", "P75–P90"),
}


@dataclass(frozen=True)
class LadderRow:
    """One rung as the ladder chart draws it."""

    title: str
    wages: OccupationWage
    band: tuple[int, int]
    band_label: str
    guide: FigureRange | None = None


def ladder_row(rung: CareerRung) -> LadderRow | None:
    """The chart's row for a rung, or None where BLS has no median or band for it in PT offices."""
    try:
        wages = industry_wages().in_pt_offices(rung.soc_code)
    except KeyError:
        return None
    low_key, high_key, band_label = _WAGE_BANDS[rung.wage_band]
    low: int | None = getattr(wages, low_key)
    high: int | None = getattr(wages, high_key)
    if low is None or high is None or wages.median is None:
        return None
    return LadderRow(rung.title, wages, (low, high), band_label, rung.guide_pay)


def _nice_step(span: float) -> float:
    """A round tick spacing giving about five to eight ticks over ``span`` dollars."""
    for step in (5_000.0, 10_000.0, 20_000.0, 25_000.0, 50_000.0, 100_000.0):
        if span / step <= 8:
            return step
    return float(10 ** math.ceil(math.log10(span / 8)))


class LadderPayChart(QWidget):
    """BLS pay of every rung on one dollar axis, with the guide's range where it gives one.

    Per rung: a thin line from P10 to P90, a thick bar over the rung's band, an upright mark at
    the median and, for the guide's figure, a dashed box. Palette colours only.
    """

    def __init__(self, rows: Sequence[LadderRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = tuple(rows)
        lows: list[float] = []
        highs: list[float] = []
        for row in rows:
            lows.append(row.wages.p10 if row.wages.p10 is not None else row.band[0])
            highs.append(row.wages.p90 if row.wages.p90 is not None else row.band[1])
            if row.guide is not None:
                lows.append(row.guide.low)
                highs.append(row.guide.high)
        span = max(highs) - min(lows)
        self.step = _nice_step(span)
        self.scale = (
            math.floor(min(lows) / self.step) * self.step,
            math.ceil(max(highs) / self.step) * self.step,
        )
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMouseTracking(True)
        self.setAccessibleName("Pay up the career ladder")
        self.setAccessibleDescription(
            "; ".join(
                f"{row.title}: median {money(row.wages.median or 0)}, {row.band_label} "
                f"{money(row.band[0])}–{money(row.band[1])}"
                + (f", the guide {range_text(row.guide)}" if row.guide else "")
                for row in self.rows
            )
        )

    # geometry --------------------------------------------------------------

    def _label_width(self, width: int) -> int:
        widest = max(self.fontMetrics().horizontalAdvance(row.title) for row in self.rows)
        return min(widest + 16, int(width * 0.34))

    def _row_heights(self, width: int) -> list[int]:
        label_width = self._label_width(width) - 12
        metrics = self.fontMetrics()
        heights = []
        for row in self.rows:
            text = metrics.boundingRect(
                0, 0, max(20, label_width), 10_000, Qt.TextFlag.TextWordWrap, row.title
            )
            heights.append(max(text.height(), 22) + 12)
        return heights

    def _axis_height(self) -> int:
        return self.fontMetrics().height() + 10

    def _plot_span(self) -> tuple[float, float]:
        half_label = self.fontMetrics().horizontalAdvance("$000k") / 2 + 4
        return self._label_width(self.width()) + half_label, self.width() - half_label

    def _x(self, value: float) -> float:
        left, right = self._plot_span()
        low, high = self.scale
        return left + (right - left) * (value - low) / (high - low)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return sum(self._row_heights(width)) + self._axis_height()

    def sizeHint(self) -> QSize:
        return QSize(640, self.heightForWidth(640))

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self.heightForWidth(self.width() or 640))

    def row_at(self, y: int) -> int:
        top = 0
        for index, height in enumerate(self._row_heights(self.width())):
            if top <= y < top + height:
                return index
            top += height
        return -1

    # painting --------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        base = palette.color(QPalette.ColorRole.Base)
        grid = mix(text, base, 0.12)
        spread = mix(text, base, 0.45)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        heights = self._row_heights(self.width())
        plot_bottom = sum(heights)
        label_width = self._label_width(self.width())

        value = self.scale[0]
        while value <= self.scale[1] + 1:
            x = self._x(value)
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(x, 0), QPointF(x, plot_bottom))
            painter.setPen(text)
            label = f"${value / 1000:,.0f}k"
            box = QRectF(x - 40, plot_bottom + 4, 80, metrics.height())
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
            value += self.step

        top = 0
        for row, height in zip(self.rows, heights, strict=True):
            middle = top + height / 2
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, label_width - 12, height),
                Qt.AlignmentFlag.AlignRight
                | Qt.AlignmentFlag.AlignVCenter
                | Qt.TextFlag.TextWordWrap,
                row.title,
            )
            wages = row.wages
            if row.guide is not None:
                guide = QRectF(
                    self._x(row.guide.low),
                    middle - 9,
                    self._x(row.guide.high) - self._x(row.guide.low),
                    18,
                )
                pen = QPen(text, 1.2, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(guide, 3, 3)
                if row.guide.open_ended:
                    # "or more": an arrowhead past the top of the range.
                    tip = QPointF(guide.right() + 7, middle)
                    painter.setPen(QPen(text, 1.2))
                    painter.drawLine(QPointF(guide.right(), middle), tip)
                    painter.drawLine(tip, QPointF(tip.x() - 4, middle - 4))
                    painter.drawLine(tip, QPointF(tip.x() - 4, middle + 4))
            painter.setPen(Qt.PenStyle.NoPen)
            if wages.p10 is not None and wages.p90 is not None:
                painter.setBrush(spread)
                painter.drawRect(
                    QRectF(
                        self._x(wages.p10), middle - 1, self._x(wages.p90) - self._x(wages.p10), 2
                    )
                )
            painter.setBrush(highlight)
            low, high = row.band
            painter.drawRoundedRect(
                QRectF(self._x(low), middle - 5, max(3.0, self._x(high) - self._x(low)), 10), 3, 3
            )
            if wages.median is not None:
                painter.setBrush(text)
                painter.drawRect(QRectF(self._x(wages.median) - 1.5, middle - 9, 3, 18))
            top += height

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.row_at(event.pos().y())
            if index < 0:
                QToolTip.hideText()
                return True
            QToolTip.showText(event.globalPos(), self.row_tooltip(index), self)
            return True
        return super().event(event)

    def row_tooltip(self, index: int) -> str:
        row = self.rows[index]
        wages = row.wages
        points = ", ".join(
            f"{name} {money(value)}"
            for name, value in (
                ("P10", wages.p10),
                ("P25", wages.p25),
                ("median", wages.median),
                ("P75", wages.p75),
                ("P90", wages.p90),
            )
            if value is not None
        )
        tip = f"{row.title} (SOC {wages.soc_code}), BLS, PT offices: {points}"
        if row.guide is not None:
            tip += f"\nThe guide's figure: {range_text(row.guide)}"
        return tip
