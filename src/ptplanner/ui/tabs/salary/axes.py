"""The projection graph's axes: pay in thousands of dollars, and whole years."""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg

from ptplanner.ui.tabs.salary.pyqtgraph_axis import KeptDrawingsAxis


class DollarAxis(KeptDrawingsAxis):
    """The pay axis, labelled in thousands of dollars ("$45k"), and zero as "$0".

    Its ticks and layout are pyqtgraph's own; it keeps its drawings for ranges it has shown
    before (see :mod:`ptplanner.ui.tabs.salary.pyqtgraph_axis`).
    """

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [f"${v / 1000:,.0f}k" if round(v / 1000) else "$0" for v in values]


class YearAxis(pg.AxisItem):  # type: ignore[misc]
    """The year axis: whole years only, no "2026.5" between them."""

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:
        return [f"{v:.0f}" if abs(v - round(v)) < 1e-6 else "" for v in values]
