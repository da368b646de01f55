"""The projection graph: typical pay with its low-high band, total compensation, the area's BLS
10th-90th percentile band, and an optional pinned scenario, with figures on hover.

The lines and bands are one :class:`~ptplanner.ui.tabs.salary.chart.Chart` item, created once
and fed new points on each change; the pay axis keeps its range while the lines still fit it
(:mod:`ptplanner.ui.tabs.salary.pay_range`).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget

from ptplanner.core.format import money
from ptplanner.core.projection import Projection
from ptplanner.ui.tabs.salary.axes import DollarAxis, YearAxis
from ptplanner.ui.tabs.salary.chart import COMPARE, TOTAL, TYPICAL, Chart, Line, transparent
from ptplanner.ui.tabs.salary.legend import DotSample, ProjectionLegend
from ptplanner.ui.tabs.salary.pay_range import steady_range


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
        # What PlotItem.addLegend does, with the legend of this graph.
        self.legend = plot.legend = ProjectionLegend(offset=(10, 10), labelTextSize="9pt")
        self.legend.setParentItem(plot.vb)

        # Drawn in this order: the reference band lowest, then the estimate's band, their
        # (faint) edges, then the lines.
        self.chart = chart = Chart()
        edge = pg.mkPen(128, 128, 128, 110, width=1, style=Qt.PenStyle.DotLine)
        self.bls_low = chart.line(edge)
        self.bls_high = chart.line(edge)
        self.low_curve = chart.line(pg.mkPen(transparent(TYPICAL, 90), width=1))
        self.high_curve = chart.line(pg.mkPen(transparent(TYPICAL, 90), width=1))
        self.bls_band = chart.fill(self.bls_low, self.bls_high, pg.mkBrush(128, 128, 128, 40))
        self.band = chart.fill(
            self.low_curve, self.high_curve, pg.mkBrush(transparent(TYPICAL, 50))
        )
        self.typical_curve = chart.line(pg.mkPen(TYPICAL, width=3))
        chart.dotted = self.typical_curve
        self.total_curve = chart.line(pg.mkPen(TOTAL, width=2))
        self.compare_curve = chart.line(pg.mkPen(COMPARE, width=2, style=Qt.PenStyle.DashLine))
        plot.addItem(chart)
        # Legend entries for the two bands.
        self.band_swatch = pg.BarGraphItem(
            x=[0], height=[0], width=0, brush=transparent(TYPICAL, 50), pen=None
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
        self.legend.cache_text()
        # The axes too: a change that keeps the range repaints them unchanged.
        for name in ("left", "bottom"):
            plot.getAxis(name).setCacheMode(
                pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache
            )

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
        self.legend.set_colours(text, background)

    def resizeEvent(self, event: QResizeEvent | None) -> None:
        super().resizeEvent(event)
        legend = getattr(self, "legend", None)  # pyqtgraph resizes the view while it is built
        if legend is not None:
            legend.fit_columns(self.height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # pyqtgraph's own constructor triggers palette changes before the legend exists.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend"):
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
        self.legend.set_entry_text(
            self.compare_curve,
            f"Pinned: {comparison_label}" if comparison else "Pinned: none",
            self.palette().color(QPalette.ColorRole.Text),
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
            self.legend.repaint_sample(line)

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
            f"Typical base: {money(typical)}",
            f"Range: {money(row.low * factor)} – {money(row.high * factor)}",
            f"Total compensation: {money(total)}",
        ]
        if row.events:
            lines.append("Events: " + "; ".join(row.events))
        if self._comparison is not None:
            other = next((r for r in self._comparison.rows if r.year == year), None)
            if other is not None:
                value = other.typical_real if real else other.typical
                lines.append(f"Pinned ({self._comparison_label}): {money(value)}")
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
