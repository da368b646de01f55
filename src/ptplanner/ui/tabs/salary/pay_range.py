"""The pay axis's range: the data with a margin, snapped to round steps, kept while it suits.

Plain arithmetic, no Qt: the graph (:mod:`ptplanner.ui.tabs.salary.plot`) asks for a range on
each change, and the rules can be tested on their own.
"""

from __future__ import annotations

import math

LOW_MARGIN, HIGH_MARGIN = 0.9, 1.05  # room below and above the data on the pay axis
ROOMIER_LIMIT = 1.25  # a kept pay axis may span at most this many times a fresh one


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
