"""The projection graph's key: one entry per line and band, over the graph in a veiled box.

A pyqtgraph legend with what this graph needs of it: two columns in a short graph, a box that
fits its entries as they are now, colours that follow the palette, and text painted from cached
images (the legend sits over the chart, so every change of the lines repaints it).
"""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from ptplanner.ui.tabs.salary.chart import DOT_SIZE, TYPICAL, Line
from ptplanner.ui.widgets import mix

TALL_ENOUGH_FOR_ONE_COLUMN = 420  # graph height in pixels from which the legend is one column


class DotSample(ItemSample):  # type: ignore[misc]
    """The legend sample for the typical-pay line: the line with its dot, as on the graph."""

    def paint(self, p: QPainter, *args: object) -> None:
        super().paint(p, *args)
        if self.item.isVisible():
            p.translate(10, 10)
            drawSymbol(p, "o", DOT_SIZE, pg.mkPen(None), pg.mkBrush(TYPICAL))


class ProjectionLegend(pg.LegendItem):  # type: ignore[misc]
    """The graph's legend; its entries are added by the graph, which knows its lines."""

    def cache_text(self) -> None:
        """Paint the entries' text from cached images, not laid out again on each repaint.

        Not the framed box, nor the samples: at the legend's fractional position, a cache
        re-drawn in part, under a clip, can come out a pixel different from a whole one; a box
        is cheap to draw anyway.
        """
        for _sample, label in self.items:
            label.setCacheMode(pg.QtWidgets.QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set_colours(self, text: QColor, background: QColor) -> None:
        # A short graph has lines under the legend: a veil of the background keeps its text
        # readable over them while they still show through.
        veil = QColor(background)
        veil.setAlpha(210)
        self.setBrush(pg.mkBrush(veil))
        # A faint frame shows where the veil is: a line passing under the legend then reads as
        # passing behind a card, not as a stretch of line drawn paler for no reason.
        self.setPen(pg.mkPen(mix(text, background, 0.22)))
        self.setLabelTextColor(text)
        for _sample, label in self.items:
            label.setText(label.text)  # LabelItem applies a new colour only when text is set

    def set_entry_text(self, item: Line, text: str, colour: QColor) -> None:
        label = self.getLabel(item)
        if label is not None and label.text != text:
            label.setText(text, color=colour)
            self.fit()

    def fit(self) -> None:
        """Size the box to its entries as they are now."""
        # pyqtgraph sums the entries' current widths, which the last layout stretched: after a
        # change of columns or a shorter label the box kept growing, and its veil faded the
        # lines that pass through the empty part. Entries at their natural size first.
        for sample, label in self.items:
            for entry in (sample, label):
                entry.resize(entry.effectiveSizeHint(Qt.SizeHint.PreferredSize))
        self.updateSize()

    def fit_columns(self, graph_height: int) -> None:
        """Five entries in one column cover half of a short graph; two columns, three rows."""
        columns = 1 if graph_height >= TALL_ENOUGH_FOR_ONE_COLUMN else 2
        if columns != self.columnCount:
            self.setColumnCount(columns)
            self.fit()

    def repaint_sample(self, item: Line) -> None:
        for sample, _label in self.items:
            if sample.item is item:
                sample.update()
