"""How the day divides up: a bar chart of the hours spent on each kind of work.

Shown beside the details panel in the "A day in the life" tab; the bar of the selected block's
kind is outlined. Painted from the live palette and the kinds' own colours.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ptplanner.core.day import DayKind, DayTimeline
from ptplanner.ui.tabs.day.time_text import hours_text


class KindHoursChart(QWidget):
    """Horizontal bars: hours of the working day spent on each kind of work (break excluded)."""

    EXCLUDED: tuple[DayKind, ...] = ("break",)

    def __init__(self, timeline: DayTimeline, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self._highlight: str | None = None
        totals: dict[DayKind, int] = {}
        for block in timeline.blocks:
            if block.kind not in self.EXCLUDED:
                totals[block.kind] = totals.get(block.kind, 0) + block.duration_minutes
        order = [style.kind for style in timeline.kinds]
        # Biggest share first; ties keep the data's order of kinds.
        self._rows = sorted(totals.items(), key=lambda item: (-item[1], order.index(item[0])))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Hours per kind of work")
        self.setAccessibleDescription(
            "; ".join(f"{label}: {value}" for label, value in self.bar_labels())
        )

    def hours_by_kind(self) -> dict[str, float]:
        """Hours per kind, as charted (break excluded), biggest first."""
        return {kind: total / 60 for kind, total in self._rows}

    def bar_labels(self) -> list[tuple[str, str]]:
        """(kind label, hours text) per bar, top to bottom, exactly as painted."""
        return [
            (self.timeline.style(kind).label, hours_text(total / 60)) for kind, total in self._rows
        ]

    def set_highlight(self, kind: str | None) -> None:
        if kind != self._highlight:
            self._highlight = kind
            self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 12

    def _label_width(self) -> int:
        bold = QFont(self.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        return max(metrics.horizontalAdvance(label) for label, _ in self.bar_labels()) + 12

    def _value_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("00.00 h") + 8

    def sizeHint(self) -> QSize:
        return QSize(360, self._row_height() * len(self._rows) + 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(self._label_width() + self._value_width() + 60, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        label_width = self._label_width()
        value_width = self._value_width()
        bar_space = max(10, self.width() - label_width - value_width)
        largest = max((total for _, total in self._rows), default=1)
        row_height = self._row_height()
        bold = QFont(self.font())
        bold.setBold(True)
        for row, ((kind, total), (label, value)) in enumerate(
            zip(self._rows, self.bar_labels(), strict=True)
        ):
            top = row * row_height + 1
            highlighted = kind == self._highlight
            painter.setFont(bold if highlighted else self.font())
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, label_width - 10, row_height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            bar = QRectF(label_width, top + 5, bar_space * total / largest, row_height - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.timeline.style(kind).colour))
            painter.drawRoundedRect(bar, 3, 3)
            if highlighted:
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(QPen(text, 2))
                painter.drawRoundedRect(bar.adjusted(-1, -1, 1, 1), 4, 4)
            painter.setPen(text)
            painter.drawText(
                QRectF(bar.right() + 8, top, value_width, row_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                value,
            )
