"""The projection graph: typical pay with its low-high band, total compensation, the area's BLS
10th-90th percentile band, and an optional pinned scenario, with figures on hover.

Every plot item is created once in ``__init__`` and later fed with ``setData``; recreating items
on each change is what makes live graphs stutter.
"""

from __future__ import annotations

import os

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from ptplanner.core.projection import Projection

TYPICAL = QColor("#0f7c8c")
TOTAL = QColor("#d55e00")
COMPARE = QColor("#7570b3")


class DollarAxis(pg.AxisItem):  # type: ignore[misc]
    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]
        return [f"${v / 1000:,.0f}k" for v in values]


class YearAxis(pg.AxisItem):  # type: ignore[misc]
    def tickStrings(self, values, scale, spacing):  # type: ignore[no-untyped-def]
        return [f"{v:.0f}" if abs(v - round(v)) < 1e-6 else "" for v in values]


def _curve(**options: object) -> pg.PlotDataItem:
    # The view always spans all the data, so pyqtgraph's guard against far off-screen points
    # (on by default) would only re-process every curve each time the y range moves.
    return pg.PlotDataItem(dynamicRangeLimit=None, **options)


class Band(pg.FillBetweenItem):  # type: ignore[misc]
    """A fill between two curves whose outline is rebuilt once per update, not once per edge.

    ``FillBetweenItem`` rebuilds its path whenever either curve changes; when both edges are set
    together that is twice, so here the owner calls :meth:`updatePath` after setting both.
    """

    def curveChanged(self) -> None:
        pass


def _transparent(colour: QColor, alpha: int) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(alpha)
    return faded


class ProjectionPlot(pg.PlotWidget):  # type: ignore[misc]
    """A pyqtgraph plot showing one projection (and optionally a pinned one)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, axisItems={"left": DollarAxis("left"), "bottom": YearAxis("bottom")}
        )
        self.setMinimumHeight(220)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=False)
        plot.setLabel("left", "Pay per year")
        plot.setLabel("bottom", "Year")
        for name in ("left", "bottom"):
            # The axes write their own tick text, so an SI prefix never applies; left on, it
            # re-renders the axis title on every range change.
            plot.getAxis(name).enableAutoSIPrefix(False)
        self.legend = plot.addLegend(offset=(10, 10), labelTextSize="9pt")

        # The reference band sits lowest, then the estimate's band, then the lines.
        # FillBetweenItem follows its curves' paths, so the edges need a (faint) pen to exist.
        edge = pg.mkPen(128, 128, 128, 110, width=1, style=Qt.PenStyle.DotLine)
        self.bls_low = _curve(pen=edge)
        self.bls_high = _curve(pen=edge)
        self.bls_band = Band(self.bls_low, self.bls_high, brush=pg.mkBrush(128, 128, 128, 40))
        self.low_curve = _curve(pen=pg.mkPen(_transparent(TYPICAL, 90), width=1))
        self.high_curve = _curve(pen=pg.mkPen(_transparent(TYPICAL, 90), width=1))
        self.band = Band(
            self.low_curve, self.high_curve, brush=pg.mkBrush(_transparent(TYPICAL, 50))
        )
        self.typical_curve = _curve(
            pen=pg.mkPen(TYPICAL, width=3),
            symbol="o",
            symbolSize=5,
            symbolBrush=TYPICAL,
            symbolPen=None,
            name="Typical base pay",
        )
        self.total_curve = _curve(
            pen=pg.mkPen(TOTAL, width=2),
            name="Total compensation",
        )
        self.compare_curve = _curve(
            pen=pg.mkPen(COMPARE, width=2, style=Qt.PenStyle.DashLine),
            name="Pinned",
        )
        for item in (self.bls_band, self.band):
            plot.addItem(item)
        for item in (self.bls_low, self.bls_high, self.low_curve, self.high_curve):
            plot.addItem(item)
        for item in (self.typical_curve, self.total_curve, self.compare_curve):
            plot.addItem(item)
        # Legend entries for the two bands, which FillBetweenItem does not add by itself.
        self.band_swatch = pg.BarGraphItem(
            x=[0], height=[0], width=0, brush=_transparent(TYPICAL, 50), pen=None
        )
        self.bls_swatch = pg.BarGraphItem(
            x=[0], height=[0], width=0, brush=pg.mkBrush(128, 128, 128, 50), pen=None
        )
        self.legend.addItem(self.band_swatch, "Likely range (low–high)")
        self.legend.addItem(self.bls_swatch, "BLS 10th–90th percentile, this area")

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
        self._comparison_real = False
        self._comparison_shown = False  # nothing drawn yet, not even "none"
        self._y_label = "Pay per year"
        self._view: tuple[tuple[float, float], tuple[float, float]] | None = None
        self.scene().sigMouseMoved.connect(self._mouse_moved)
        self.apply_palette()

    def apply_palette(self) -> None:
        palette = self.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        text = palette.color(QPalette.ColorRole.Text)
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
        self.legend.setLabelTextColor(text)
        for _sample, label in self.legend.items:
            label.setText(label.text)  # LabelItem applies a new colour only when text is set

    def _legend_text(self, item: pg.PlotDataItem, text: str) -> None:
        label = self.legend.getLabel(item)
        if label is not None and label.text != text:
            label.setText(text, color=self.palette().color(QPalette.ColorRole.Text))

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
        self.typical_curve.setData(years, scaled([r.typical for r in rows]))
        self.low_curve.setData(years, low)
        self.high_curve.setData(years, high)
        self.bls_low.setData(years, bls_low)
        self.bls_high.setData(years, bls_high)
        self.band.updatePath()
        self.bls_band.updatePath()
        self.total_curve.setData(years, totals)
        self.total_curve.setVisible(show_total)
        compared = (
            [(r.typical_real if real else r.typical) for r in comparison.rows] if comparison else []
        )
        self._show_comparison(comparison, comparison_label, compared)

        label = "Pay per year" + (f" ({rows[0].year} dollars)" if real else "")
        if label != self._y_label:
            self._y_label = label
            self.getPlotItem().setLabel("left", label)
        values = bls_low + (totals if show_total else high) + bls_high + compared
        view = (
            (years[0] - 0.3, years[-1] + 0.3),
            (min(values) * 0.9, max(values) * 1.05),
        )
        # One range change (not one per axis) and none when nothing moved: each change makes
        # pyqtgraph re-lay every item and redraw the axes.
        if view != self._view:
            self._view = view
            self.getPlotItem().setRange(xRange=view[0], yRange=view[1], padding=0)

    def _show_comparison(
        self, comparison: Projection | None, label: str, values: list[float]
    ) -> None:
        """The pinned curve, set again only when the pinned scenario or the units changed."""
        unchanged = (
            self._comparison_shown
            and comparison is self._comparison
            and label == self._comparison_label
            and self._real == self._comparison_real
        )
        self._comparison, self._comparison_label = comparison, label
        self._comparison_real, self._comparison_shown = self._real, True
        if unchanged:
            return
        if comparison is not None:
            self.compare_curve.setData([float(r.year) for r in comparison.rows], values)
            self.compare_curve.setVisible(True)
            self._legend_text(self.compare_curve, f"Pinned: {label}")
        else:
            self.compare_curve.setData([], [])
            self.compare_curve.setVisible(False)
            self._legend_text(self.compare_curve, "Pinned: none")

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
        QToolTip.showText(
            self.mapToGlobal(self.mapFromScene(position).toPoint()), self.hover_text, self
        )
