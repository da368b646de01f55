"""Small painted pictures: how the Plan tab draws its glyphs and its empty-state card.

They are drawn with QPainter in the palette's own colours, so they need no icon theme, stay sharp
at any scale and follow the light and dark schemes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
)

from ptplanner.ui.tabs.plan.status_icons import icon_canvas, is_dark, round_pen
from ptplanner.ui.widgets import mix


def glyph_icon(name: str, colour: QColor) -> QIcon:
    """Small line icons for the toolbar, drawn in the button text colour (light and dark)."""
    pixmap, painter = icon_canvas()
    painter.setPen(round_pen(colour, 3.0))

    def line(x1: float, y1: float, x2: float, y2: float) -> None:
        painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    if name == "add":
        line(16, 7, 16, 25)
        line(7, 16, 25, 16)
    elif name == "sub":
        line(8, 6, 8, 18)
        line(8, 18, 15, 18)
        line(22, 11, 22, 25)
        line(15, 18, 29, 18)
    elif name == "delete":
        line(9, 10, 23, 10)
        line(13, 10, 13, 7)
        line(13, 7, 19, 7)
        line(19, 7, 19, 10)
        painter.drawPolyline(
            [QPointF(10.5, 10), QPointF(12, 26), QPointF(20, 26), QPointF(21.5, 10)]
        )
    elif name in {"up", "down"}:
        sign = -1 if name == "up" else 1
        line(16, 7, 16, 25)
        tip = 16 + sign * 9
        line(16, tip, 10, tip - sign * 6)
        line(16, tip, 22, tip - sign * 6)
    elif name in {"indent", "outdent"}:
        for y in (8, 24):
            line(6, y, 26, y)
        line(16, 16, 26, 16)
        if name == "indent":
            painter.drawPolyline([QPointF(6, 12), QPointF(11, 16), QPointF(6, 20)])
        else:
            painter.drawPolyline([QPointF(11, 12), QPointF(6, 16), QPointF(11, 20)])
    elif name == "done":
        painter.drawPolyline([QPointF(7, 17), QPointF(13, 23), QPointF(25, 9)])
    painter.end()
    return QIcon(pixmap)


def checklist_picture(palette: QPalette, ratio: float = 1.0) -> QPixmap:
    """The empty state's picture: a card with one step ticked off and two to go."""
    width, height = 96, 84
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = palette.color(QPalette.ColorRole.Base)
    line = mix(palette.color(QPalette.ColorRole.Text), base, 0.25)
    accent = palette.color(QPalette.ColorRole.Highlight)
    done = QColor("#57b36f" if is_dark(palette) else "#3f9a5a")
    painter.setPen(QPen(mix(palette.color(QPalette.ColorRole.Text), base, 0.35), 1.5))
    painter.setBrush(base)
    painter.drawRoundedRect(QRectF(8, 4, 80, 76), 10, 10)
    for row in range(3):
        y = 22 + row * 20
        centre = QPointF(26, y)
        if row == 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(done)
            painter.drawEllipse(centre, 7, 7)
            tick = QPen(QColor("#ffffff"), 2.2)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(tick)
            painter.drawPolyline([QPointF(22.5, y), QPointF(25.5, y + 3), QPointF(30, y - 3)])
        else:
            painter.setPen(QPen(accent, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, 6.5, 6.5)
        pen = QPen(line, 5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(42, y), QPointF(74 - row * 8, y))
    painter.end()
    return pixmap
