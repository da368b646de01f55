"""The pay axis: pyqtgraph's ticks and layout, with its drawings kept for ranges seen before, and
what that keeping relies on in pyqtgraph (see ptplanner/ui/tabs/salary/pyqtgraph_axis.py)."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("PySide6")

import pyqtgraph as pg
from fit_checks import settle
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QPicture
from pytestqt.qtbot import QtBot

from ptplanner.ui.tabs.salary.pyqtgraph_axis import PYQTGRAPH_ATTRIBUTES
from ptplanner.ui.tabs.salary.tab import SalaryTab


def test_the_pay_axis_lays_out_as_pyqtgraph_would(tab: SalaryTab, qtbot: QtBot) -> None:
    def flat(specs: Any) -> Any:
        (pen, start, end), ticks, texts = specs
        return (
            (pen.color().rgba(), start.x(), start.y(), end.x(), end.y()),
            [(p.color().rgba(), a.x(), a.y(), b.x(), b.y()) for p, a, b in ticks],
            [(r.getRect(), int(flags), text) for r, flags, text in texts],
        )

    axis = tab.plot.getPlotItem().getAxis("left")
    ranges = (
        (45_000, 115_000),
        (30_000.5, 61_234.7),
        (80_000, 80_500),
        (0, 2_000_000),
        (-5_000, 5_000),
        (41_000, 41_000),
        (38_123.4, 97_456.2),
    )
    for width, height in ((1280, 800), (1000, 600)):
        tab.resize(width, height)

        def resized(h: int = height) -> bool:
            return tab.height() == h

        qtbot.waitUntil(resized)
        for low, high in ranges:
            axis.setRange(low, high)
            picture = QPicture()
            painter = QPainter(picture)
            try:
                ours = flat(axis.generateDrawSpecs(painter))
                theirs = flat(pg.AxisItem.generateDrawSpecs(axis, painter))
            finally:
                painter.end()
            assert ours == theirs
            assert ours[2] or low == high, "some ticks are labelled"
    # The layout is pyqtgraph's own code, not a copy of it to keep in step.
    assert type(axis).generateDrawSpecs is pg.AxisItem.generateDrawSpecs
    assert type(axis).tickValues is pg.AxisItem.tickValues


def test_the_pay_axis_reuses_its_drawing_for_a_range_seen_before(
    tab: SalaryTab, qtbot: QtBot
) -> None:
    axis = tab.plot.getPlotItem().getAxis("left")
    drawn: dict[str, list[tuple[tuple[float, ...], QPicture]]] = {}
    for place in ("national", "boston", "texas", "boston"):
        tab.scenario.update(location=place)
        qtbot.waitUntil(lambda: axis.picture is not None)
        settle()  # a first paint may re-lay the graph and draw the axis again
        drawn.setdefault(place, []).append((tuple(axis.range), axis.picture))
    (boston_range, first), (again_range, again) = drawn["boston"]
    assert again_range == boston_range
    assert again is first
    assert drawn["texas"][0][0] != boston_range

    def image() -> QImage:
        shot: QImage = tab.plot.grab().toImage()
        return shot.convertToFormat(QImage.Format.Format_RGB32)

    kept = image()
    axis._pictures.clear()
    axis.picture = None
    axis.update()
    assert image() == kept  # the kept drawing is what a fresh one draws
    # A change of colours is a new drawing, not the kept one.
    axis.setTextPen("#ff0000")
    tab.plot.grab()
    assert axis.picture is not first


def test_the_pay_axis_ticks_are_pyqtgraphs(tab: SalaryTab) -> None:
    axis = tab.plot.getPlotItem().getAxis("left")
    cases = [
        (45_000, 115_000, 300),
        (115_000, 45_000, 300),  # either order
        (30_000.5, 61_234.7, 512),
        (80_000, 80_500, 200),
        (0, 2_000_000, 700),
        (-5_000, 5_000, 90),
        (41_000, 41_000, 400),
        (38_123.4, 97_456.2, 1000),
        (0.1, 0.7, 250),
    ]
    for low, high, size in cases:
        ours = axis.tickValues(low, high, size)
        theirs = pg.AxisItem.tickValues(axis, low, high, size)
        assert [(s, list(v)) for s, v in ours] == [(s, list(v)) for s, v in theirs]
        assert any(values for _spacing, values in ours) or low == high


# --- what the kept drawings rely on in pyqtgraph ------------------------------------------------


def test_pyqtgraph_still_has_what_the_kept_drawings_read() -> None:
    axis = pg.AxisItem("left")
    missing = [name for name in PYQTGRAPH_ATTRIBUTES if not hasattr(axis, name)]
    assert not missing, (
        f"pyqtgraph {pg.__version__}'s AxisItem no longer has {', '.join(missing)}: "
        "see ptplanner/ui/tabs/salary/pyqtgraph_axis.py"
    )


def test_pyqtgraph_keeps_its_axis_drawing_in_picture(tab: SalaryTab, qtbot: QtBot) -> None:
    """pyqtgraph draws the axis into ``picture``, drops it on a change and plays it when set."""
    axis = tab.plot.getPlotItem().getAxis("left")
    tab.plot.grab()
    drawn = axis.picture
    assert isinstance(drawn, QPicture), "pyqtgraph no longer keeps its drawing in .picture"
    low, high = axis.range
    axis.setRange(low, high + 10_000)
    assert axis.picture is None, "pyqtgraph no longer drops .picture when the range changes"
    # A drawing handed to pyqtgraph in .picture is what it paints, not one of its own.
    marker = QPicture()
    painter = QPainter(marker)
    painter.fillRect(QRectF(0, 0, 4, 4), QColor("#ff00ff"))
    painter.end()
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    try:
        axis.picture = marker
        pg.AxisItem.paint(axis, painter, None, None)
    finally:
        painter.end()
    assert image.pixelColor(1, 1) == QColor("#ff00ff"), "pyqtgraph no longer paints .picture"
    assert axis.picture is marker
