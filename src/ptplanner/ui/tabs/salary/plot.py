"""The projection graph: typical pay with its low-high band, total compensation, the role's BLS
10th-90th percentile band here, and up to four pinned scenarios, with figures on hover and the
legend under the axes.

Pay shows in this year's dollars or nominal ones, as the person picks; the axis and the legend
say which. A change of role (a promotion) is drawn as the step it is, with a dashed line at its
year naming the new role.

The lines and bands are one :class:`~ptplanner.ui.tabs.salary.chart.Chart` item, created once
and fed new points on each change, and the role markers a few lines made once and moved; the
pay axis keeps its range while the lines still fit it (:mod:`ptplanner.ui.tabs.salary.pay_range`).
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget

from ptplanner.core.format import money
from ptplanner.core.glossary import tooltip
from ptplanner.core.projection import Dollars, Projection, YearRow
from ptplanner.core.report.model import dollars_label
from ptplanner.core.report.years import role_cell
from ptplanner.core.salary.ladder import ladder
from ptplanner.ui.tabs.salary.axes import DollarAxis, YearAxis
from ptplanner.ui.tabs.salary.chart import COMPARE, TOTAL, TYPICAL, Chart, Line, transparent
from ptplanner.ui.tabs.salary.figures import per_hour
from ptplanner.ui.tabs.salary.graph_summary import graph_summary
from ptplanner.ui.tabs.salary.legend import DotSample, ProjectionLegend
from ptplanner.ui.tabs.salary.pay_range import steady_range
from ptplanner.ui.tabs.salary.year_table import experience_cell

TOP_ROOM = 10  # pixels above the pay axis for the top tick's label
LEGEND_GAP = 4  # pixels between the year axis and the legend, and under the legend
SHORT_AXIS_TITLE = "Pay per year"
ROLE_LABEL_STEP = 0.1  # of the graph's height between the names of successive roles
# The pinned scenarios' lines: told apart by colour and by dash, for those who see few colours.
PIN_STYLES: tuple[tuple[QColor, Qt.PenStyle], ...] = (
    (COMPARE, Qt.PenStyle.DashLine),
    (QColor("#cc79a7"), Qt.PenStyle.DotLine),
    (QColor("#8a6d00"), Qt.PenStyle.DashDotLine),
    (QColor("#56b4e9"), Qt.PenStyle.DashDotDotLine),
)


def role_changes(rows: tuple[YearRow, ...]) -> frozenset[int]:
    """The rows whose role differs from the year before's: where the lines step."""
    return frozenset(i for i in range(1, len(rows)) if rows[i].role != rows[i - 1].role)


def axis_title(dollars: Dollars, first_year: int) -> str:
    return f"Pay per year ({dollars_label(dollars, first_year)})"


class ProjectionPlot(pg.PlotWidget):  # type: ignore[misc]
    """A pyqtgraph plot showing one projection and the pinned ones."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, axisItems={"left": DollarAxis("left"), "bottom": YearAxis("bottom")}
        )
        self.setMinimumHeight(220)
        # No focus stop: the graph has nothing to do with keys, and the Year by year table under
        # it is its keyboard equal; a screen reader reads its summary (the description).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.viewport().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A few dozen items, and the chart's bounds change with every input: Qt's BSP index
        # is rebuilt for those changes and saves nothing in lookups among so few items.
        self.scene().setItemIndexMethod(pg.QtWidgets.QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=False)
        # Room above the view for half a line of text: a tick at the top of the pay axis
        # ("$70k") has its label centred on it, and it was cut in half at the widget's edge.
        # The room under the axes is the legend's (see _room_for_legend).
        plot.layout.setContentsMargins(1, TOP_ROOM, 1, 1)
        plot.setLabel("left", axis_title("today", 0))
        plot.setLabel("bottom", "Year")
        for name in ("left", "bottom", "top", "right"):
            # The axes write their own tick text (and the top and right ones are hidden), so an
            # SI prefix never applies; left on, it re-renders the axis title on every range change.
            plot.getAxis(name).enableAutoSIPrefix(False)
            # Room for tick labels only grows: a narrower label ($95k after $100k) would
            # otherwise shift the graph sideways and re-lay every item for a second paint.
            plot.getAxis(name).setStyle(autoReduceTextSpace=False)
        # Under the graph, in room the plot leaves at its bottom: over the view, the legend
        # covered lines wherever it was put.
        self.legend = plot.legend = ProjectionLegend(labelTextSize="9pt")
        self.legend.setParentItem(plot)
        self.legend.anchor(itemPos=(0.5, 1), parentPos=(0.5, 1), offset=(0, -LEGEND_GAP))
        self._legend_room = 0
        self.legend.geometryChanged.connect(self._room_for_legend)

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
        self.compare_curves = [
            chart.line(pg.mkPen(colour, width=2, style=style)) for colour, style in PIN_STYLES
        ]
        self.compare_curve = self.compare_curves[0]
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
        self.legend.addItem(self.bls_swatch, "Your role's BLS 10th–90th percentile")
        for item, term in (
            (self.typical_curve, "typical_pay"),
            (self.band_swatch, "likely_range"),
            (self.total_curve, "total_compensation"),
            (self.bls_swatch, "p10_p90"),
        ):
            self.legend.set_entry_tip(item, tooltip(term))
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
        # A dashed line at each change of role, naming the new one: at most one per rung above
        # the first, so they are all made now and moved or hidden on each change. Each name sits
        # a line higher than the one before, so promotions a year or two apart stay readable.
        self.role_marks: list[pg.InfiniteLine] = []
        for at, _rung in enumerate(ladder()[1:]):
            mark = pg.InfiniteLine(
                angle=90,
                movable=False,
                pen=pg.mkPen(transparent(TYPICAL, 160), width=1, style=Qt.PenStyle.DashLine),
                label="",
                labelOpts={"position": 0.06 + ROLE_LABEL_STEP * at, "color": TYPICAL},
            )
            mark.hide()
            plot.addItem(mark, ignoreBounds=True)
            self.role_marks.append(mark)
        self.hover_text = ""
        self._projection: Projection | None = None
        self._comparisons: tuple[tuple[str, Projection], ...] = ()
        self._legend_pins: tuple[str, ...] = ()
        self._dollars: Dollars = "today"
        self._axis_title = self._y_label = axis_title("today", 0)
        plot.getAxis("left").geometryChanged.connect(self._fit_axis_title)
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
            legend.fit_columns(self.width() - 2 * LEGEND_GAP)

    def _fit_axis_title(self) -> None:
        """The pay axis's whole title where the axis is tall enough for it, else "Pay per year"
        (the legend's first entry names the dollars): a short graph cut the title off."""
        axis = self.getPlotItem().getAxis("left")
        title = self._axis_title
        if QFontMetrics(axis.label.font()).horizontalAdvance(title) > axis.height() - 4:
            title = SHORT_AXIS_TITLE
        if title != self._y_label:
            self._y_label = title
            self.getPlotItem().setLabel("left", title)

    def _room_for_legend(self) -> None:
        """Keep the plot's bottom margin as tall as the legend, so the axes end above it."""
        room = round(self.legend.geometry().height()) + 2 * LEGEND_GAP
        if room != self._legend_room:
            self._legend_room = room
            self.getPlotItem().layout.setContentsMargins(1, TOP_ROOM, 1, room)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # pyqtgraph's own constructor triggers palette changes before the legend exists.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "legend"):
            self.apply_palette()

    def show_projection(
        self,
        projection: Projection,
        *,
        dollars: Dollars = "today",
        show_total: bool = True,
        comparisons: Sequence[tuple[str, Projection]] = (),
    ) -> None:
        """Show ``projection`` and the pinned ``comparisons`` (name, projection), at most four."""
        self._projection, self._dollars = projection, dollars
        comparisons = tuple(comparisons)[: len(self.compare_curves)]
        self._comparisons = comparisons
        rows = projection.rows
        years = [float(r.year) for r in rows]
        shown = [r.money(dollars) for r in rows]  # (low, typical, high, total) each year
        # The BLS band in the same dollars: nominal figures over the year's price level.
        scale = [1.0 if dollars == "nominal" else 1.0 / r.deflator for r in rows]
        low = [m[0] for m in shown]
        high = [m[2] for m in shown]
        totals = [m[3] for m in shown]
        bls_low = [r.bls_p10 * f for r, f in zip(rows, scale, strict=True)]
        bls_high = [r.bls_p90 * f for r, f in zip(rows, scale, strict=True)]
        steps = role_changes(rows)
        jumps = {
            line: steps
            for line in (
                self.typical_curve,
                self.low_curve,
                self.high_curve,
                self.bls_low,
                self.bls_high,
                self.total_curve,
            )
        }
        pinned_points: list[tuple[Line, list[float], list[float]]] = []
        compared: list[float] = []
        for at, curve in enumerate(self.compare_curves):
            xs: list[float] = []
            ys: list[float] = []
            if at < len(comparisons):
                other = comparisons[at][1]
                xs = [float(r.year) for r in other.rows]
                ys = [r.money(dollars)[1] for r in other.rows]
                jumps[curve] = role_changes(other.rows)
            compared += ys
            pinned_points.append((curve, xs, ys))
            self._set_visible(curve, at < len(comparisons))
        self._set_visible(self.total_curve, show_total)
        self.chart.set_points(
            [
                *pinned_points,
                (self.typical_curve, years, [m[1] for m in shown]),
                (self.low_curve, years, low),
                (self.high_curve, years, high),
                (self.bls_low, years, bls_low),
                (self.bls_high, years, bls_high),
                (self.total_curve, years, totals),
            ],
            jumps,
        )
        self._show_role_marks(rows, steps)
        summary = graph_summary(projection, dollars, comparisons)
        if summary != self.accessibleDescription():
            self.setAccessibleDescription(summary)
        text = self.palette().color(QPalette.ColorRole.Text)
        self._show_pins_in_legend(tuple(name for name, _p in comparisons))
        unit = dollars_label(dollars, rows[0].year)
        self.legend.set_entry_text(self.typical_curve, f"Typical base pay ({unit})", text)

        self._axis_title = axis_title(dollars, rows[0].year)
        self._fit_axis_title()
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

    def _show_pins_in_legend(self, names: tuple[str, ...]) -> None:
        """One legend entry per pinned scenario shown, none when nothing is pinned."""
        if names == self._legend_pins:
            return
        for curve in self.compare_curves:
            self.legend.removeItem(curve)
        for curve, name in zip(self.compare_curves, names, strict=False):
            self.legend.addItem(curve, f"Pinned: {name}")
        self._legend_pins = names
        self.legend.cache_text()
        self.legend.fit()

    def _set_visible(self, line: Line, visible: bool) -> None:
        """Show or hide a line (the caller repaints the chart) and repaint its legend sample."""
        if line.set_shown(visible):
            self.legend.repaint_sample(line)

    def _show_role_marks(self, rows: tuple[YearRow, ...], steps: frozenset[int]) -> None:
        """Move a dashed line to each change of role, named; hide the rest."""
        at = sorted(steps)
        for i, mark in enumerate(self.role_marks):
            if i < len(at):
                row = rows[at[i]]
                mark.setPos(row.year)
                # The label sets its text only while shown: shown first, then named.
                hidden = not mark.isVisible()
                mark.show()
                if hidden or mark.label.format != row.role_title:
                    mark.label.setFormat(row.role_title)
            else:
                mark.hide()

    def figures_for_year(self, year: int) -> str:
        """The hover text for a year: the role, the user's figures and the pinned scenario's."""
        if self._projection is None:
            return ""
        row = next((r for r in self._projection.rows if r.year == year), None)
        if row is None:
            return ""
        low, typical, high, total = row.money(self._dollars)
        unit = dollars_label(self._dollars, self._projection.rows[0].year)
        role = role_cell(row)
        if row.working:
            role += f" · {experience_cell(row)}"
        lines = [
            f"{row.year} · {role}",
            f"Typical base: {money(typical)} ({per_hour(typical)} an hour)",
            f"Range: {money(low)} – {money(high)} ({per_hour(low)} – {per_hour(high)} an hour)",
            f"Total compensation: {money(total)} ({per_hour(total)} an hour)",
            f"In {unit}",
        ]
        if row.events:
            lines.append("Events: " + "; ".join(row.events))
        for name, pinned in self._comparisons:
            other = next((r for r in pinned.rows if r.year == year), None)
            if other is not None:
                _low, base, _high, pinned_total = other.money(self._dollars)
                lines.append(f"Pinned ({name}): {money(base)}, total {money(pinned_total)}")
        return "\n".join(lines)

    def _mouse_moved(self, position: QPointF) -> None:
        plot = self.getPlotItem()
        # Over the view only: the legend under it has tooltips of its own.
        if self._projection is None or not plot.vb.sceneBoundingRect().contains(position):
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
