"""The legend under the day's timeline: a colour swatch and label for every kind of work."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ptplanner.core.day import DayTimeline
from ptplanner.ui.widgets import mix


class KindLegend(QWidget):
    """Colour swatch and label for every kind of block, wrapping onto more lines when narrow."""

    SWATCH = 12
    GAP = 18

    def __init__(self, timeline: DayTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        labels = ", ".join(style.label for style in timeline.kinds)
        self.setAccessibleName(f"Legend: {labels}")
        self.setToolTip(timeline.palette_note)

    def _item_width(self, label: str) -> int:
        return self.SWATCH + 6 + self.fontMetrics().horizontalAdvance(label)

    def _positions(self, width: int) -> list[tuple[int, int]]:
        line_height = self.fontMetrics().height() + 6
        x = y = 0
        positions = []
        for style in self.timeline.kinds:
            item = self._item_width(style.label)
            if x > 0 and x + item > width:
                x, y = 0, y + line_height
            positions.append((x, y))
            x += item + self.GAP
        return positions

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        positions = self._positions(max(1, width))
        return (positions[-1][1] if positions else 0) + self.fontMetrics().height() + 4

    def sizeHint(self) -> QSize:
        width = sum(self._item_width(s.label) + self.GAP for s in self.timeline.kinds)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        widest = max(self._item_width(s.label) for s in self.timeline.kinds)
        return QSize(widest, self.heightForWidth(self.width() or widest))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        outline = mix(
            self.palette().color(QPalette.ColorRole.WindowText),
            self.palette().color(QPalette.ColorRole.Window),
            0.35,
        )
        for style, (x, y) in zip(self.timeline.kinds, self._positions(self.width()), strict=True):
            swatch_top = y + (metrics.height() - self.SWATCH) / 2
            painter.setPen(QPen(outline, 1))
            painter.setBrush(QColor(style.colour))
            painter.drawRoundedRect(
                QRectF(x + 0.5, swatch_top + 0.5, self.SWATCH, self.SWATCH), 3, 3
            )
            painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRectF(x + self.SWATCH + 6, y, self._item_width(style.label), metrics.height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                style.label,
            )
