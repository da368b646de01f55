"""The projection graph: typical pay with its low-high band, total compensation, the area's BLS
10th-90th percentile band, and an optional pinned scenario, with figures on hover.

All the lines and bands are drawn by one :class:`Chart` item that is created once and fed new
points on each change. With pyqtgraph's one-item-per-curve (seven curves, two fills and the
symbols) every change of the y range cost a few hundred microseconds per item, most of the
frame; one item that draws every series costs about as much as one curve.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPalette,
    QPen,
    QPicture,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QToolTip, QWidget

from ptplanner.core.projection import Projection
from ptplanner.ui.widgets import mix

TYPICAL = QColor("#0f7c8c")
TOTAL = QColor("#d55e00")
COMPARE = QColor("#7570b3")
DOT_SIZE = 5  # diameter in pixels of the typical-pay points
TALL_ENOUGH_FOR_ONE_COLUMN = 420  # graph height in pixels from which the legend is one column


LOW_MARGIN, HIGH_MARGIN = 0.9, 1.05  # room below and above the data on the pay axis


def snapped_range(low: float, high: float) -> tuple[float, float]:
    """The pay axis's range: the data with a margin, widened to whole steps of a round size.

    Snapping keeps the axis still while a slider or spin box moves the lines a little: the
    reader's eye keeps its bearings, and pyqtgraph does not re-lay and redraw the axis on every
    change (a good part of one frame's time).
    """
    low, high = low * LOW_MARGIN, high * HIGH_MARGIN
    span = max(high - low, 1.0)
    step = 10.0 ** math.floor(math.log10(span)) / 2  # $80k of span -> $5k steps
    return (math.floor(low / step) * step, math.ceil(high / step) * step)


ROOMIER_LIMIT = 1.25  # a kept pay axis may span at most this many times a fresh one


def steady_range(
    current: tuple[float, float] | None, low: float, high: float
) -> tuple[float, float]:
    """The pay axis's range after a change: the current one while it still suits the data.

    A change that moves the lines a little (a certification ticked, a raise stepped) keeps the
    axis, so the reader sees the lines move against a fixed scale, and ticking and unticking
    compares like with like; the axis re-snaps (:func:`snapped_range`) when the data, with its
    margin, no longer fits or would fill too little of the graph. Re-laying the axis is also
    the dearest part of a frame, so most changes skip it.
    """
    fresh = snapped_range(low, high)
    if current is None:
        return fresh
    fits = current[0] <= low * LOW_MARGIN and current[1] >= high * HIGH_MARGIN
    roomy = current[1] - current[0] > ROOMIER_LIMIT * (fresh[1] - fresh[0])
    return current if fits and not roomy else fresh


class DollarAxis(pg.AxisItem):  # type: ignore[misc]
    """The pay axis, labelled in thousands of dollars.

    A change that moves the range past a round step (a new area, say: see :func:`snapped_range`)
    re-lays this axis's ticks within the frame. pyqtgraph's general
    ``generateDrawSpecs`` took about 2 ms for it; :meth:`generateDrawSpecs` here is the same
    algorithm (from pyqtgraph 0.14) for this axis's case only, a left axis without a grid, with
    each label measured once: the same drawing in a fraction of the time (a test compares them).
    """

    PICTURES_KEPT = 8  # drawn axes kept for ranges shown before, most recent last
    picture: QPicture | None  # pyqtgraph's drawing of the axis; None until drawn again

    def __init__(self, orientation: str, **options: object) -> None:
        super().__init__(orientation, **options)
        self._label_sizes: dict[tuple[str, str], QRectF] = {}
        self._pictures: dict[tuple[object, ...], QPicture] = {}

    def _picture_key(self) -> tuple[object, ...] | None:
        """Everything the drawn axis depends on; None when it is not on screen yet."""
        device = self.deviceTransform_()
        if device is None:
            return None
        pens = tuple(
            (pen.color().rgba(), pen.widthF(), pen.style().value, pen.isCosmetic())
            for pen in (self.pen(), self.textPen(), self.tickPen())
        )
        return (
            tuple(self.range),
            self.geometry().getRect(),
            self.boundingRect().getRect(),
            (device.m11(), device.m12(), device.m21(), device.m22(), device.dx(), device.dy()),
            pens,
            repr(sorted(self.style.items())),
            QFont().key(),  # the picture's painter starts with the application's font
            (self.scale, self.autoSIPrefixScale, self.logMode, self.grid, self._tickDensity),
            repr(self._tickLevels),
        )

    def paint(self, p: QPainter, *args: object) -> None:
        """Draw the axis, reusing the drawing made the last time it showed the same range.

        Toggles such as total compensation or inflation-adjusted figures, or going back to an
        area seen before, move the axis between a few ranges; laying one out again costs about
        a millisecond of the frame.
        """
        if self.picture is not None:
            super().paint(p, *args)
            return
        key = self._picture_key()
        if key is not None:
            self.picture = self._pictures.pop(key, None)  # None: draw it afresh below
        super().paint(p, *args)
        if key is not None and self.picture is not None:
            self._pictures[key] = self.picture
            while len(self._pictures) > self.PICTURES_KEPT:
                del self._pictures[next(iter(self._pictures))]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [f"${v / 1000:,.0f}k" for v in values]

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list:  # type: ignore[type-arg]
        """pyqtgraph's tick values (0.14's algorithm) in plain Python.

        Its NumPy version compares every tick with every other through arrays, which for the
        dozen ticks of this axis cost about half a millisecond of each re-laid frame.
        """
        if self.logMode:
            return super().tickValues(minVal, maxVal, size)  # type: ignore[no-any-return]
        scale = self.scale
        low, high = sorted((minVal, maxVal))
        low, high = low * scale, high * scale
        levels: list[tuple[float, list[float]]] = []
        taken: list[float] = []
        for spacing, offset in self.tickSpacing(low, high, size):
            start = math.ceil((low - offset) / spacing) * spacing + offset
            count = int((high - start) / spacing) + 1
            near = spacing / scale * 0.01  # a tick this close to a coarser level's is the same
            values = [
                value
                for value in ((i * spacing + start) / scale for i in range(count))
                if not any(abs(seen - value) <= near for seen in taken)
            ]
            taken.extend(values)
            levels.append((spacing / scale, values))
        return levels

    def generateDrawSpecs(self, p: QPainter):  # type: ignore[no-untyped-def]
        style = self.style
        if (
            self.orientation != "left"
            or self.grid is not False
            or self._tickLevels is not None
            or style["tickFont"] is not None
            or style["stopAxisAtTick"] != (False, False)
            or not style["showValues"]
        ):
            return super().generateDrawSpecs(p)
        bounds = self.mapRectFromParent(self.geometry())
        top = bounds.topRight() + QPointF(-1.0, -1.0)
        bottom = bounds.bottomRight() + QPointF(-1.0, 1.0)
        ends = [self.mapToDevice(top), self.mapToDevice(bottom)]
        if ends[0] is None or ends[1] is None:
            return None
        length = QLineF(ends[0], ends[1]).length()
        if length == 0:
            return None
        tick_levels = self.tickValues(self.range[0], self.range[1], length)
        low, high = self.range
        if high == low:
            scale, offset = 1.0, 0.0
        else:
            scale = -bounds.height() / (high - low)
            offset = low * scale - bounds.height()
        ends_y = [low * scale - offset, high * scale - offset]
        y_min, y_max = min(ends_y), max(ends_y)
        tick_x = bounds.right()  # no grid: the ticks start and stop at the axis line

        positions: list[list[float | None]] = []
        tick_specs = []
        for level, (_spacing, ticks) in enumerate(tick_levels):
            tick_length = style["tickLength"] / (level * 0.5 + 1.0)
            alpha = style["tickAlpha"]
            if alpha is None:
                alpha = 255 / (level + 1)
            elif isinstance(alpha, float):
                alpha = min(255, max(0, round(alpha * 255)))
            pen = self.tickPen()
            if pen.brush().style() == Qt.BrushStyle.SolidPattern:
                pen = QPen(pen)
                colour = QColor(pen.color())
                colour.setAlpha(int(alpha))
                pen.setColor(colour)
            level_positions: list[float | None] = []
            for value in ticks:
                y = value * scale - offset
                if y < y_min or y > y_max:
                    level_positions.append(None)
                    continue
                level_positions.append(y)
                tick_specs.append((pen, QPointF(tick_x, y), QPointF(tick_x - tick_length, y)))
            positions.append(level_positions)
        axis_spec = (self.pen(), top, bottom)

        sizes = self._label_sizes
        font = p.font().key()
        flags = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        text_flags = flags | Qt.TextFlag.TextDontClip
        text_offset = max(0, style["tickLength"]) + style["tickTextOffset"][0]
        inside = self.boundingRect()
        text_rects: list[QRectF] = []
        text_specs: list[tuple[QRectF, Qt.AlignmentFlag, str]] = []
        last_width = 0.0
        for level in range(min(len(tick_levels), style["maxTextLevel"] + 1)):
            spacing, values = tick_levels[level]
            strings = self.tickStrings(values, self.autoSIPrefixScale * self.scale, spacing)
            if not strings:
                continue
            shown: list[tuple[float, str, QRectF]] = []
            for y, text in zip(positions[level], strings, strict=True):
                if y is None:
                    continue
                rect = sizes.get((font, text))
                if rect is None:
                    rect = p.boundingRect(
                        QRectF(0, 0, 100, 100), Qt.AlignmentFlag.AlignCenter, text
                    )
                    rect.setHeight(rect.height() * 0.8)
                    sizes[(font, text)] = rect
                shown.append((y, text, rect))
                text_rects.append(rect)
            if text_rects:
                filled = sum(r.height() for r in text_rects)
                widest = max(r.width() for r in text_rects)
            else:
                filled, widest = 0.0, 0.0
            if level > 0:  # the top level is always labelled
                ratio = filled / length
                if any(
                    len(text_specs) >= count and ratio >= limit
                    for count, limit in style["textFillLimits"]
                ):
                    break
            last_width = widest
            for y, text, rect in shown:
                height, width = rect.height(), rect.width()
                box = QRectF(tick_x - text_offset - width, y - height / 2, width, height)
                if inside & box != box:
                    continue
                text_specs.append((box, text_flags, text))
        self._updateMaxTextSize(last_width)
        return axis_spec, tick_specs, text_specs


class YearAxis(pg.AxisItem):  # type: ignore[misc]
    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]
        return [f"{v:.0f}" if abs(v - round(v)) < 1e-6 else "" for v in values]


def _transparent(colour: QColor, alpha: int) -> QColor:
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
        self._points: QPolygonF | None = None  # built once per new data, drawn every paint
        self._visible = True

    @property
    def pen(self) -> QPen:
        pen = self.opts["pen"]
        assert isinstance(pen, QPen)
        return pen

    def set_data(self, xs: list[float], ys: list[float]) -> None:
        self.xs, self.ys, self._points = xs, ys, None

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
        if self._points is None:
            self._points = QPolygonF([QPointF(x, y) for x, y in zip(self.xs, self.ys, strict=True)])
        return self._points


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


class DotSample(ItemSample):  # type: ignore[misc]
    """The legend sample for the typical-pay line: the line with its dot, as on the graph."""

    def paint(self, p: QPainter, *args: object) -> None:
        super().paint(p, *args)
        if self.item.isVisible():
            p.translate(10, 10)
            drawSymbol(p, "o", DOT_SIZE, pg.mkPen(None), pg.mkBrush(TYPICAL))


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

    def set_points(self, points: Sequence[tuple[Line, list[float], list[float]]]) -> None:
        """New points for several lines at once: one geometry change and one repaint."""
        self.prepareGeometryChange()
        for line, xs, ys in points:
            line.set_data(xs, ys)
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
            centres = transform.map(dotted.points())
            for i in range(centres.size()):
                p.drawEllipse(centres.at(i), radius, radius)
            p.setTransform(transform)


class ProjectionPlot(pg.PlotWidget):  # type: ignore[misc]
    """A pyqtgraph plot showing one projection (and optionally a pinned one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, axisItems={"left": DollarAxis("left"), "bottom": YearAxis("bottom")}
        )
        self.setMinimumHeight(220)
        # A few dozen items, and the chart's bounds change with every input: Qt's BSP index
        # is rebuilt for those changes and saves nothing in lookups among so few items.
        self.scene().setItemIndexMethod(pg.QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=False)
        plot.setLabel("left", "Pay per year")
        plot.setLabel("bottom", "Year")
        for name in ("left", "bottom", "top", "right"):
            # The axes write their own tick text (and the top and right ones are hidden), so an
            # SI prefix never applies; left on, it re-renders the axis title on every range change.
            plot.getAxis(name).enableAutoSIPrefix(False)
            # Room for tick labels only grows: a narrower label ($95k after $100k) would
            # otherwise shift the graph sideways and re-lay every item for a second paint.
            plot.getAxis(name).setStyle(autoReduceTextSpace=False)
        self.legend = plot.addLegend(offset=(10, 10), labelTextSize="9pt")

        # Drawn in this order: the reference band lowest, then the estimate's band, their
        # (faint) edges, then the lines.
        self.chart = chart = Chart()
        edge = pg.mkPen(128, 128, 128, 110, width=1, style=Qt.PenStyle.DotLine)
        self.bls_low = chart.line(edge)
        self.bls_high = chart.line(edge)
        self.low_curve = chart.line(pg.mkPen(_transparent(TYPICAL, 90), width=1))
        self.high_curve = chart.line(pg.mkPen(_transparent(TYPICAL, 90), width=1))
        self.bls_band = chart.fill(self.bls_low, self.bls_high, pg.mkBrush(128, 128, 128, 40))
        self.band = chart.fill(
            self.low_curve, self.high_curve, pg.mkBrush(_transparent(TYPICAL, 50))
        )
        self.typical_curve = chart.line(pg.mkPen(TYPICAL, width=3))
        chart.dotted = self.typical_curve
        self.total_curve = chart.line(pg.mkPen(TOTAL, width=2))
        self.compare_curve = chart.line(pg.mkPen(COMPARE, width=2, style=Qt.PenStyle.DashLine))
        plot.addItem(chart)
        # Legend entries for the two bands.
        self.band_swatch = pg.BarGraphItem(
            x=[0], height=[0], width=0, brush=_transparent(TYPICAL, 50), pen=None
        )
        self.bls_swatch = pg.BarGraphItem(
            x=[0], height=[0], width=0, brush=pg.mkBrush(128, 128, 128, 50), pen=None
        )
        # Each line beside its band when the legend takes two columns (see resizeEvent).
        self.legend.addItem(DotSample(self.typical_curve), "Typical base pay")
        self.legend.addItem(self.band_swatch, "Likely range (low–high)")
        self.legend.addItem(self.total_curve, "Total compensation")
        self.legend.addItem(self.bls_swatch, "BLS 10th–90th percentile, this area")
        self.legend.addItem(self.compare_curve, "Pinned")
        # The legend sits over the chart, so every change of the lines repaints it: its text
        # from cached images, not laid out again each time. (Not its framed box, nor the
        # samples: at the legend's fractional position, a cache re-drawn in part, under a clip,
        # can come out a pixel different from a whole one; a box is cheap to draw anyway.)
        # The axes too: a change that keeps the range repaints them unchanged.
        axes = [plot.getAxis(name) for name in ("left", "bottom")]
        for item in (*(label for _sample, label in self.legend.items), *axes):
            item.setCacheMode(pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)

        self.cursor = pg.InfiniteLine(
            angle=90, movable=False, pen=pg.mkPen(128, 128, 128, 120, width=1)
        )
        self.cursor.hide()
        plot.addItem(self.cursor, ignoreBounds=True)
        self.hover_text = ""
        self._projection: Projection | None = None
        self._comparison: Projection | None = None
        self._comparison_label = ""
        self._real = False
        self._y_label = "Pay per year"
        self._view: tuple[tuple[float, float], tuple[float, float]] | None = None
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.apply_palette()

    def apply_palette(self) -> None:
        palette = self.palette()
        background = palette.color(QPalette.ColorRole.Base)
        self.setBackground(background)
        # With an opaque background the view paints every pixel it is asked to, so Qt need not
        # fill the viewport, nor paint the widgets behind it, before each frame.
        opaque = background.alpha() == 255
        viewport = self.viewport()
        viewport.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, opaque)
        viewport.setAutoFillBackground(not opaque)
        text = palette.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        # A short graph has lines under the legend: a veil of the background keeps its text
        # readable over them while they still show through.
        veil = QColor(background)
        veil.setAlpha(210)
        self.legend.setBrush(pg.mkBrush(veil))
        # A faint frame shows where the veil is: a line passing under the legend then reads as
        # passing behind a card, not as a stretch of line drawn paler for no reason.
        self.legend.setPen(pg.mkPen(mix(text, background, 0.22)))
        self.legend.setLabelTextColor(text)
        for _sample, label in self.legend.items:
            label.setText(label.text)  # LabelItem applies a new colour only when text is set

    def _legend_text(self, item: Line, text: str) -> None:
        label = self.legend.getLabel(item)
        if label is not None and label.text != text:
            label.setText(text, color=self.palette().color(QPalette.ColorRole.Text))
            self._fit_legend()

    def _fit_legend(self) -> None:
        """Size the legend's box to its entries as they are now."""
        # pyqtgraph sums the entries' current widths, which the last layout stretched: after a
        # change of columns or a shorter label the box kept growing, and its veil faded the
        # lines that pass through the empty part. Entries at their natural size first.
        legend = self.legend
        for sample, label in legend.items:
            for entry in (sample, label):
                entry.resize(entry.effectiveSizeHint(Qt.SizeHint.PreferredSize))
        legend.updateSize()

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        legend = getattr(self, "legend", None)  # pyqtgraph resizes the view while it is built
        if legend is not None:
            # Five entries in one column cover half of a short graph; two columns, three rows.
            columns = 1 if self.height() >= TALL_ENOUGH_FOR_ONE_COLUMN else 2
            if columns != legend.columnCount:
                legend.setColumnCount(columns)
                self._fit_legend()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().changeEvent(event)
        # pyqtgraph's own constructor triggers palette changes before the legend exists.
        if event.type() == event.Type.PaletteChange and hasattr(self, "legend"):
            self.apply_palette()

    def show_projection(
        self,
        projection: Projection,
        *,
        real: bool = False,
        show_total: bool = True,
        comparison: Projection | None = None,
        comparison_label: str = "",
    ) -> None:
        self._projection, self._real = projection, real
        self._comparison, self._comparison_label = comparison, comparison_label
        rows = projection.rows
        years = [float(r.year) for r in rows]
        if real:
            factor = [r.typical_real / r.typical if r.typical else 1.0 for r in rows]
        else:
            factor = [1.0] * len(rows)

        def scaled(values: list[float]) -> list[float]:
            return [v * f for v, f in zip(values, factor, strict=True)]

        low = scaled([r.low for r in rows])
        high = scaled([r.high for r in rows])
        bls_low = scaled([r.bls_p10 for r in rows])
        bls_high = scaled([r.bls_p90 for r in rows])
        totals = [(r.total_real if real else r.total_compensation) for r in rows]
        compared: list[float] = []
        compared_years: list[float] = []
        if comparison is not None:
            compared = [(r.typical_real if real else r.typical) for r in comparison.rows]
            compared_years = [float(r.year) for r in comparison.rows]
        self._set_visible(self.total_curve, show_total)
        self._set_visible(self.compare_curve, comparison is not None)
        self.chart.set_points(
            [
                (self.typical_curve, years, scaled([r.typical for r in rows])),
                (self.low_curve, years, low),
                (self.high_curve, years, high),
                (self.bls_low, years, bls_low),
                (self.bls_high, years, bls_high),
                (self.total_curve, years, totals),
                (self.compare_curve, compared_years, compared),
            ]
        )
        self._legend_text(
            self.compare_curve, f"Pinned: {comparison_label}" if comparison else "Pinned: none"
        )

        label = "Pay per year" + (f" ({rows[0].year} dollars)" if real else "")
        if label != self._y_label:
            self._y_label = label
            self.getPlotItem().setLabel("left", label)
        values = bls_low + (totals if show_total else high) + bls_high + compared
        kept = self._view[1] if self._view is not None else None
        view = ((years[0] - 0.3, years[-1] + 0.3), steady_range(kept, min(values), max(values)))
        # One range change (not one per axis) and none when nothing moved: each change makes
        # pyqtgraph re-lay the items and redraw the axes.
        if view != self._view:
            self._view = view
            plot = self.getPlotItem()
            plot.setRange(xRange=view[0], yRange=view[1], padding=0)
            # pyqtgraph applies a new range to the items at the start of the next paint, where
            # the chart's new bounds make the scene queue a second paint of the whole graph
            # just after the first; applied now, both land in one frame.
            plot.vb.updateMatrix()

    def _set_visible(self, line: Line, visible: bool) -> None:
        """Show or hide a line (the caller repaints the chart) and repaint its legend sample."""
        if line.set_shown(visible):
            for sample, _label in self.legend.items:
                if sample.item is line:
                    sample.update()

    def figures_for_year(self, year: int) -> str:
        """The hover text for a year: the user's figures and the pinned scenario's."""
        if self._projection is None:
            return ""
        row = next((r for r in self._projection.rows if r.year == year), None)
        if row is None:
            return ""
        real = self._real
        typical = row.typical_real if real else row.typical
        factor = typical / row.typical if row.typical else 1.0
        total = row.total_real if real else row.total_compensation
        lines = [
            f"{row.year} · {row.experience:g} years · {row.stage}",
            f"Typical base: ${typical:,.0f}",
            f"Range: ${row.low * factor:,.0f} – ${row.high * factor:,.0f}",
            f"Total compensation: ${total:,.0f}",
        ]
        if row.events:
            lines.append("Events: " + "; ".join(row.events))
        if self._comparison is not None:
            other = next((r for r in self._comparison.rows if r.year == year), None)
            if other is not None:
                value = other.typical_real if real else other.typical
                lines.append(f"Pinned ({self._comparison_label}): ${value:,.0f}")
        return "\n".join(lines)

    def _mouse_moved(self, position: QPointF) -> None:
        plot = self.getPlotItem()
        if self._projection is None or not plot.sceneBoundingRect().contains(position):
            self.cursor.hide()
            return
        year = round(plot.vb.mapSceneToView(position).x())
        self.hover_text = self.figures_for_year(year)
        if not self.hover_text:
            self.cursor.hide()
            return
        self.cursor.setPos(year)
        self.cursor.show()
        QToolTip.showText(self.mapToGlobal(self.mapFromScene(position)), self.hover_text, self)
