"""How a plan step's status looks: text colours per row kind and the painted status marks.

Also the two small painting helpers the Plan tab's other icons share (:func:`icon_canvas`,
:func:`round_pen`): every icon is drawn with QPainter in the palette's colours, so none needs an
icon theme, all stay sharp at any scale and follow the light and dark schemes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPen, QPixmap


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def kind_colours(palette: QPalette) -> dict[str, QColor]:
    """Text colours per row kind, picked for 4.5:1 contrast on the light or dark base colour."""
    dark = is_dark(palette)
    muted = QColor(palette.color(QPalette.ColorRole.Text))
    muted.setAlphaF(1.0)
    base = palette.color(QPalette.ColorRole.Base)
    # Done rows are greyed: 55% of the way from text to base keeps them readable but quiet.
    grey = QColor(
        round(muted.red() * 0.55 + base.red() * 0.45),
        round(muted.green() * 0.55 + base.green() * 0.45),
        round(muted.blue() * 0.55 + base.blue() * 0.45),
    )
    return {
        "overdue": QColor("#ff7b72" if dark else "#b3261e"),
        "due_soon": QColor("#f2b441" if dark else "#8a5300"),
        "done": grey,
        "skipped": grey,
        "open": palette.color(QPalette.ColorRole.Text),
    }


def status_icons(palette: QPalette, colours: dict[str, QColor]) -> dict[str, QIcon]:
    """The mark before each row's title, per row kind, in ``colours`` (:func:`kind_colours`)."""
    accent = palette.color(QPalette.ColorRole.Highlight)
    done_accent = QColor("#3f9a5a" if not is_dark(palette) else "#57b36f")
    icons = {
        kind: status_icon(kind, colour, done_accent if kind == "done" else accent)
        for kind, colour in colours.items()
    }
    icons["open"] = status_icon("open", palette.color(QPalette.ColorRole.PlaceholderText), accent)
    return icons


def icon_canvas() -> tuple[QPixmap, QPainter]:
    """A transparent 32 px square and an antialiased painter on it, for a small painted icon
    (no icon theme needed, sharp at any scale). The caller ends the painter."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def round_pen(colour: QColor, width: float) -> QPen:
    """A pen with round ends and joins, as every line of the painted icons has."""
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def status_icon(kind: str, colour: QColor, accent: QColor) -> QIcon:
    """A small painted status mark: a filled tick, a struck-out ring, a warning or a ring."""
    pixmap, painter = icon_canvas()
    pen = round_pen(colour, 3.2)
    if kind == "done":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawEllipse(3, 3, 26, 26)
        painter.setPen(round_pen(QColor("#ffffff"), 3.6))
        painter.drawPolyline([QPointF(9.5, 16.5), QPointF(14, 21), QPointF(22.5, 11.5)])
    elif kind == "skipped":
        painter.setPen(pen)
        painter.drawEllipse(4, 4, 24, 24)
        painter.drawLine(10, 16, 22, 16)
    elif kind in {"overdue", "due_soon"}:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(3, 3, 26, 26)
        painter.setPen(round_pen(QColor("#ffffff"), 3.6))
        if kind == "overdue":  # an exclamation mark
            painter.drawLine(16, 9, 16, 18)
            painter.drawPoint(16, 23)
        else:  # clock hands
            painter.drawLine(16, 9, 16, 16)
            painter.drawLine(16, 16, 21, 19)
    else:
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(4, 4, 24, 24)
    painter.end()
    return QIcon(pixmap)
