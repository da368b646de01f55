"""The projection graph's key: one entry per line and band, under the graph, never over a line.

A pyqtgraph legend with what this graph needs of it: as many columns as the graph's width holds
(so it takes as few lines of height as it can), a box that fits its entries as they are now,
colours that follow the palette, and text painted from cached images.
"""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.graphicsItems.LegendItem import ItemSample
from pyqtgraph.graphicsItems.ScatterPlotItem import drawSymbol
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter

from ptplanner.ui.tabs.salary.chart import DOT_SIZE, TYPICAL, Line

MAX_COLUMNS = 4  # entries side by side at most, however wide the graph
COLUMN_GAP = 18  # pixels between one entry and the next on a line


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
        # Under the graph, on the window's own background: no box or veil needed.
        self.setPen(pg.mkPen(None))
        self.setBrush(pg.mkBrush(None))
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
        # Room after each entry's text but the last on its line, so entries never run together.
        for column in range(1, 2 * self.columnCount - 1, 2):
            self.layout.setColumnSpacing(column, COLUMN_GAP)
        self.updateSize()

    def updateSize(self) -> None:
        """pyqtgraph's sum of entry widths, with the gaps between entries it leaves out."""
        self.layout.invalidate()
        hint = self.layout.effectiveSizeHint(Qt.SizeHint.PreferredSize)
        self.setGeometry(0, 0, hint.width(), hint.height())

    def width_in(self, columns: int) -> float:
        """The legend's width with its entries in ``columns`` columns, at their natural size."""
        preferred = Qt.SizeHint.PreferredSize
        widths = [
            sample.effectiveSizeHint(preferred).width()
            + label.effectiveSizeHint(preferred).width()
            + 2 * self.layout.horizontalSpacing()
            for sample, label in self.items
        ]
        gaps = COLUMN_GAP * (columns - 1)
        return float(sum(max(widths[c::columns], default=0.0) for c in range(columns)) + gaps)

    def fit_columns(self, room: float) -> None:
        """As many columns as fit in ``room`` pixels of width: the fewer lines, the taller the
        graph above it."""
        most = max(1, min(MAX_COLUMNS, len(self.items)))
        columns = next((c for c in range(most, 1, -1) if self.width_in(c) <= room), 1)
        if columns != self.columnCount:
            self.setColumnCount(columns)
            self.fit()

    def set_entry_tip(self, item: object, tip: str) -> None:
        """A tooltip on an entry's sample and text: what the line or band shows."""
        for sample, label in self.items:
            if sample.item is item:
                sample.setToolTip(tip)
                label.setToolTip(tip)

    def repaint_sample(self, item: Line) -> None:
        for sample, _label in self.items:
            if sample.item is item:
                sample.update()
