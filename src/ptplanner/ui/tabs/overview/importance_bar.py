"""The bar that shows how important O*NET rates a skill, in the Overview tab's Skills section."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from ptplanner.ui.widgets import mix


class ImportanceBar(QWidget):
    """O*NET importance on its 1-5 scale, filled from the left; palette colours only."""

    def __init__(self, importance: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.importance = importance
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(f"Importance {importance:.2f} of 5")

    def sizeHint(self) -> QSize:
        return QSize(240, 16)

    def minimumSizeHint(self) -> QSize:
        return QSize(80, 16)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(0, 3, 0, -3)
        painter.setBrush(
            mix(
                palette.color(QPalette.ColorRole.WindowText),
                palette.color(QPalette.ColorRole.Base),
                0.14,
            )
        )
        painter.drawRoundedRect(rect, 4, 4)
        filled = QRectF(rect)
        filled.setWidth(rect.width() * max(0.0, min(1.0, (self.importance - 1.0) / 4.0)))
        painter.setBrush(palette.color(QPalette.ColorRole.Highlight))
        painter.drawRoundedRect(filled, 4, 4)
