"""How the Plan timeline draws its parts: a marker of each kind, the legend, and the date ticks
along the axis. The widget (:mod:`~ptplanner.ui.tabs.plan.timeline`) decides where.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from math import ceil
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QPixmap

from ptplanner.ui.tabs.plan.colours import done_colour
from ptplanner.ui.tabs.plan.status_icons import kind_colours
from ptplanner.ui.widgets import mix


class MarkColours(NamedTuple):
    """The colours markers are drawn in, from one palette."""

    kinds: dict[str, QColor]
    """Overdue, due soon and skipped (see ``kind_colours``)."""
    accent: QColor
    """Planned steps (and the line for today)."""
    done: QColor

    @classmethod
    def of(cls, palette: QPalette) -> MarkColours:
        return cls(
            kind_colours(palette), palette.color(QPalette.ColorRole.Highlight), done_colour(palette)
        )


def paint_mark(
    painter: QPainter, centre: QPointF, radius: float, kind: str, colours: MarkColours
) -> None:
    """One marker: filled green when done, hollow when skipped, red or amber when late or due
    soon, the accent colour when planned."""
    if kind == "done":
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.done)
    elif kind == "skipped":
        painter.setPen(QPen(colours.kinds["skipped"], 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    elif kind in {"overdue", "due_soon"}:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colours.kinds[kind])
    else:
        painter.setPen(QPen(colours.accent, 1.5))
        painter.setBrush(mix(colours.accent, QColor("#ffffff"), 0.35))
    painter.drawEllipse(centre, radius, radius)


class MarkerSprites:
    """Each marker painted once per kind, size and pixel ratio, then copied."""

    def __init__(self) -> None:
        self._sprites: dict[tuple[str, float, float], tuple[QPixmap, int]] = {}

    def clear(self) -> None:
        """Forget the sprites (the palette or font changed)."""
        self._sprites.clear()

    def get(
        self, kind: str, radius: float, ratio: float, colours: MarkColours
    ) -> tuple[QPixmap, int]:
        """The pixmap and the distance from its corner to the marker's centre (whole pixels,
        so that copies land on the pixel grid)."""
        found = self._sprites.get((kind, radius, ratio))
        if found is None:
            half = ceil(radius + 2)  # room for the outline's antialiased edge
            sprite = QPixmap(round(2 * half * ratio), round(2 * half * ratio))
            sprite.setDevicePixelRatio(ratio)
            sprite.fill(Qt.GlobalColor.transparent)
            painter = QPainter(sprite)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            paint_mark(painter, QPointF(half, half), radius, kind, colours)
            painter.end()
            found = self._sprites[kind, radius, ratio] = sprite, half
        return found


LEGEND = (
    ("open", "Planned"),
    ("due_soon", "Due soon"),
    ("overdue", "Overdue"),
    ("done", "Done"),
)


def paint_legend(
    painter: QPainter,
    rect: QRectF,
    metrics: QFontMetrics,
    colours: MarkColours,
    text: QColor,
) -> None:
    """A marker and a word for each kind, at the top right of ``rect``."""
    x = rect.right()
    y = rect.top() + metrics.ascent()
    for kind, label in reversed(LEGEND):
        width = metrics.horizontalAdvance(label)
        x -= width
        painter.setPen(text)
        painter.drawText(QPointF(x, y), label)
        x -= 10
        centre = QPointF(x, rect.top() + metrics.ascent() - metrics.xHeight() / 2 - 0.5)
        paint_mark(painter, centre, 4.0, kind, colours)
        x -= 16


def paint_ticks(
    painter: QPainter,
    span: tuple[date, date],
    x_of: Callable[[int], float],
    axis_y: float,
    metrics: QFontMetrics,
    colour: QColor,
    room_width: int,
) -> None:
    """Ticks and labels for the months (or years) of ``span`` under the axis at ``axis_y``, as
    many as fit in ``room_width`` pixels; ``x_of`` places a day (an ordinal)."""
    start, end = span
    months = (end.year - start.year) * 12 + end.month - start.month
    label_width = metrics.horizontalAdvance("Sep 2027") + 16
    room = max(1, int(room_width // label_width))
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= room), 120)
    year, month = start.year, start.month
    painter.setPen(colour)
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = date(year, month, 1)
        if day > end:
            break
        if (year * 12 + month - 1) % step:
            continue
        x = x_of(day.toordinal())
        painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 4))
        if step >= 12:
            text = str(year)
        elif month == 1 or step >= 3:
            text = f"{day:%b} {year}"
        else:
            text = f"{day:%b}"
        width = metrics.horizontalAdvance(text)
        painter.drawText(QPointF(x - width / 2, axis_y + 6 + metrics.ascent()), text)
