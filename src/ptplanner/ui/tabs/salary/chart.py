"""The projection's lines and bands, drawn by one graph item in one pass.

All the lines and bands are drawn by one :class:`Chart` item that is created once and fed new
points on each change. With pyqtgraph's one item per curve (seven curves, two fills and the
symbols), every change of the y range cost time per item, most of the frame; one item that
draws every series costs about as much as one curve.

A line can jump: at a promotion, pay does not slope up from the year before, it steps up in the
year of the new role, and the line and its band are drawn so.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

TYPICAL = QColor("#0f7c8c")
TOTAL = QColor("#d55e00")
COMPARE = QColor("#7570b3")
DOT_SIZE = 5  # diameter in pixels of the typical-pay points


def transparent(colour: QColor, alpha: int) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(alpha)
    return faded


class Line:
    """One series of the chart: its points, pen and visibility; also its key in the legend.

    The legend's samples read ``opts["pen"]`` and ``isVisible()``, and a click on a sample calls
    ``setVisible()``, as they do for pyqtgraph's own curves.
    """

    def __init__(self, chart: Chart, pen: QPen) -> None:
        self.chart = chart
        self.opts: dict[str, object] = {"pen": pen}
        self.xs: list[float] = []
        self.ys: list[float] = []
        self.jumps: frozenset[int] = frozenset()
        """Indexes of points the line steps up (or down) to, instead of sloping to them."""
        self._points: QPolygonF | None = None  # built once per new data, drawn every paint
        self._dots: QPolygonF | None = None
        self._visible = True

    @property
    def pen(self) -> QPen:
        pen = self.opts["pen"]
        assert isinstance(pen, QPen)
        return pen

    def set_data(
        self, xs: list[float], ys: list[float], jumps: frozenset[int] = frozenset()
    ) -> None:
        self.xs, self.ys, self.jumps = xs, ys, jumps
        self._points = self._dots = None

    def getData(self) -> tuple[list[float], list[float]]:
        return self.xs, self.ys

    def isVisible(self) -> bool:
        return self._visible

    def setVisible(self, visible: bool) -> None:
        if self.set_shown(visible):
            self.chart.series_changed()

    def set_shown(self, shown: bool) -> bool:
        """Show or hide the line without repainting; True if that changed anything."""
        changed = shown != self._visible
        self._visible = shown
        return changed

    def points(self) -> QPolygonF:
        """The points drawn: each data point, and before a jump, last year's level at its x."""
        if self._points is None:
            drawn: list[QPointF] = []
            for i, (x, y) in enumerate(zip(self.xs, self.ys, strict=True)):
                if i in self.jumps and i > 0:
                    drawn.append(QPointF(x, self.ys[i - 1]))
                drawn.append(QPointF(x, y))
            self._points = QPolygonF(drawn)
        return self._points

    def dots(self) -> QPolygonF:
        """The data points alone, where the dots go."""
        if self._dots is None:
            self._dots = QPolygonF([QPointF(x, y) for x, y in zip(self.xs, self.ys, strict=True)])
        return self._dots


class Fill:
    """The shaded area between a low and a high line."""

    def __init__(self, low: Line, high: Line, brush: QBrush) -> None:
        self.low, self.high, self.brush = low, high, brush
        self._polygon: tuple[QPolygonF, QPolygonF, QPolygonF] | None = None

    def polygon(self) -> QPolygonF:
        high, low = self.high.points(), self.low.points()
        if self._polygon is None or self._polygon[0] is not high or self._polygon[1] is not low:
            outline = QPolygonF(high)
            for i in range(low.size() - 1, -1, -1):
                outline.append(low.at(i))
            self._polygon = (high, low, outline)
        return self._polygon[2]


class Chart(pg.GraphicsObject):  # type: ignore[misc]
    """Every band and line of the projection, drawn in one pass in data coordinates.

    Pens are cosmetic (pyqtgraph's ``mkPen``), so their widths are in pixels whatever the
    scale, as with pyqtgraph's curves; the dots are drawn in pixels too.
    """

    def __init__(self) -> None:
        super().__init__()
        self.fills: list[Fill] = []
        self.lines: list[Line] = []  # edges first, then the lines drawn over them
        self.dotted: Line | None = None
        self._data_rect = QRectF()
        self._rect: QRectF | None = None  # the data rectangle with a margin for pens and dots

    def line(self, pen: QPen) -> Line:
        line = Line(self, pen)
        self.lines.append(line)
        return line

    def fill(self, low: Line, high: Line, brush: QBrush) -> Fill:
        fill = Fill(low, high, brush)
        self.fills.append(fill)
        return fill

    def set_points(
        self,
        points: Sequence[tuple[Line, list[float], list[float]]],
        jumps: dict[Line, frozenset[int]] | None = None,
    ) -> None:
        """New points for several lines at once: one geometry change and one repaint."""
        self.prepareGeometryChange()
        for line, xs, ys in points:
            line.set_data(xs, ys, (jumps or {}).get(line, frozenset()))
        self._bounds_changed()

    def series_changed(self) -> None:
        self.prepareGeometryChange()
        self._bounds_changed()

    def _bounds_changed(self) -> None:
        xs = [x for line in self.lines if line.isVisible() for x in line.xs]
        ys = [y for line in self.lines if line.isVisible() for y in line.ys]
        if xs and ys:
            self._data_rect = QRectF(min(xs), min(ys), max(xs) - min(xs), max(ys) - min(ys))
        else:
            self._data_rect = QRectF()
        self._rect = None
        self.update()
        self.informViewBoundsChanged()

    def viewTransformChanged(self) -> None:
        super().viewTransformChanged()
        # The margin is in pixels, so a new scale means a new bounding rectangle.
        self.prepareGeometryChange()
        self._rect = None

    def boundingRect(self) -> QRectF:
        if self._rect is None:
            view = self.getViewBox()
            if view is None or self._data_rect.isNull():
                return QRectF(self._data_rect)
            # The size of a pixel in data units, from the view's range and size (the view's
            # own viewPixelSize() maps points through its transforms, several times slower).
            shown, size = view.viewRect(), view.boundingRect()
            if size.isEmpty():
                return QRectF(self._data_rect)
            px, py = shown.width() / size.width(), shown.height() / size.height()
            margin = DOT_SIZE  # covers the widest pen and half a dot, with room to spare
            self._rect = self._data_rect.adjusted(
                -margin * px, -margin * py, margin * px, margin * py
            )
        return self._rect

    def paint(
        self, p: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        p.setPen(Qt.PenStyle.NoPen)
        for fill in self.fills:
            p.setBrush(fill.brush)
            p.drawPolygon(fill.polygon())
        p.setBrush(Qt.BrushStyle.NoBrush)
        for line in self.lines:
            if line.isVisible() and len(line.xs) > 1:
                p.setPen(line.pen)
                p.drawPolyline(line.points())
        dotted = self.dotted
        if dotted is not None and dotted.isVisible() and dotted.xs:
            # Dots a fixed number of pixels across: place them through the view's transform.
            transform = p.transform()
            p.resetTransform()
            p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(dotted.pen.color())
            radius = DOT_SIZE / 2
            centres = transform.map(dotted.dots())
            for i in range(centres.size()):
                p.drawEllipse(centres.at(i), radius, radius)
            p.setTransform(transform)
