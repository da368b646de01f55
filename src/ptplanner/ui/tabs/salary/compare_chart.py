"""The chart of the "Compare places" view: for each place, a row showing the area's BLS 10th-90th
percentile span, the profile's likely range, its typical pay, and that pay in national-average
prices, on one shared dollar scale, so the places read against each other at a glance."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ptplanner.core.compare import PlaceFigures
from ptplanner.core.format import money
from ptplanner.ui.tabs.salary.chart import COMPARE, TYPICAL, transparent
from ptplanner.ui.tabs.salary.compare_rows import short_area

ROW_HEIGHT = 34
LABEL_WIDTH = 150
KEY_HEIGHT = 22
AXIS_HEIGHT = 22
TICK_STEP = 10_000  # dollars between grid lines


class CompareChart(QWidget):
    """Ranges and typical pay of up to four places, one row each."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.places: tuple[PlaceFigures, ...] = ()
        self.setAccessibleName("Chart of the places compared")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def show_places(self, places: Sequence[PlaceFigures]) -> None:
        self.places = tuple(places)
        self._fit_height()
        self.update()

    def _fit_height(self) -> None:
        self.setFixedHeight(KEY_HEIGHT + AXIS_HEIGHT + ROW_HEIGHT * max(1, len(self.places)) + 8)

    def scale(self) -> tuple[float, float]:
        """The dollars at the left and right ends: every figure drawn fits, in round tens of
        thousands."""
        values = [v for p in self.places for v in (p.bls_p10, p.bls_p90, p.base_low, p.base_high)]
        values += [p.cost_of_living_adjusted for p in self.places if p.cost_of_living_adjusted]
        low = (min(values) // TICK_STEP) * TICK_STEP
        high = (max(values) // TICK_STEP + 1) * TICK_STEP
        return low, high

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.Text)
        if not self.places:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "Pick a place above.")
            return
        grey = QColor(128, 128, 128, 70)
        colours = (grey, transparent(TYPICAL, 110), TYPICAL, COMPARE)
        self._draw_key(painter, text, colours)
        low, high = self.scale()
        left, right = LABEL_WIDTH, self.width() - 16
        top = KEY_HEIGHT + AXIS_HEIGHT

        def x(value: float) -> float:
            return left + (value - low) / (high - low) * (right - left)

        painter.setPen(QPen(transparent(text, 60), 1))
        tick = low
        while tick <= high:
            painter.drawLine(QPointF(x(tick), top - 4), QPointF(x(tick), self.height() - 4))
            painter.drawText(
                QRectF(x(tick) - 40, KEY_HEIGHT, 80, AXIS_HEIGHT - 4),
                Qt.AlignmentFlag.AlignCenter,
                f"${tick / 1000:,.0f}k",
            )
            tick += TICK_STEP
        for i, place in enumerate(self.places):
            mid = top + ROW_HEIGHT * i + ROW_HEIGHT / 2
            painter.setPen(text)
            painter.drawText(
                QRectF(4, mid - ROW_HEIGHT / 2, LABEL_WIDTH - 10, ROW_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                short_area(place.area),
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours[0])
            painter.drawRect(
                QRectF(x(place.bls_p10), mid - 11, x(place.bls_p90) - x(place.bls_p10), 22)
            )
            painter.setBrush(colours[1])
            painter.drawRect(
                QRectF(x(place.base_low), mid - 6, x(place.base_high) - x(place.base_low), 12)
            )
            painter.setBrush(colours[2])
            painter.drawEllipse(QPointF(x(place.base_typical), mid), 5, 5)
            if place.cost_of_living_adjusted is not None:
                painter.setPen(QPen(colours[3], 2))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                at = x(place.cost_of_living_adjusted)
                painter.drawLine(QPointF(at - 5, mid - 5), QPointF(at + 5, mid + 5))
                painter.drawLine(QPointF(at - 5, mid + 5), QPointF(at + 5, mid - 5))

    def _draw_key(self, painter: QPainter, text: QColor, colours: tuple[QColor, ...]) -> None:
        year = self.places[0].year
        entries = (
            "BLS 10th–90th percentile",
            "Your likely range",
            f"Typical ({year})",
            "In national-average prices",
        )
        at = 4.0
        metrics = painter.fontMetrics()
        for i, (colour, label) in enumerate(zip(colours, entries, strict=True)):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            if i < 2:
                painter.drawRect(QRectF(at, 5, 16, 10))
            elif i == 2:
                painter.drawEllipse(QPointF(at + 8, 10), 5, 5)
            else:
                painter.setPen(QPen(colour, 2))
                painter.drawLine(QPointF(at + 3, 5), QPointF(at + 13, 15))
                painter.drawLine(QPointF(at + 3, 15), QPointF(at + 13, 5))
            painter.setPen(text)
            painter.drawText(QPointF(at + 20, 14), label)
            at += 20 + metrics.horizontalAdvance(label) + 16

    def describe(self) -> str:
        """The chart in words, for a screen reader and the tests."""
        return "; ".join(
            f"{short_area(p.area)}: typical {money(p.base_typical)}, BLS "
            f"{money(p.bls_p10)} – {money(p.bls_p90)}"
            for p in self.places
        )
