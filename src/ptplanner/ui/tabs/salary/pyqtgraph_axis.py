"""The one place that relies on pyqtgraph's axis internals: an axis that keeps its drawings.

pyqtgraph draws an axis into a ``QPicture`` it keeps in ``AxisItem.picture`` and plays back on
each paint, and drops it (sets it to None) whenever something that changes the drawing changes.
Toggles such as total compensation or inflation-adjusted figures, or going back to an area seen
before, move the pay axis between a few ranges, and laying one out again is a good part of a
frame. :class:`KeptDrawingsAxis` keeps the last few drawings, keyed by everything they depend
on, and hands pyqtgraph the matching one instead of letting it draw afresh.

That needs more of pyqtgraph than its documented API: :data:`PYQTGRAPH_ATTRIBUTES` names what is
read, and tests/ui/salary/test_pay_axis.py checks that pyqtgraph still has each of them and
still uses ``picture`` as described, so an upgrade that changes them fails there, by name.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QFont, QPainter, QPicture

# What the key below reads of pyqtgraph's AxisItem, beyond its documented methods.
PYQTGRAPH_ATTRIBUTES = (
    "picture",  # the drawing pyqtgraph plays back; None when it must draw afresh
    "range",
    "style",
    "scale",
    "autoSIPrefixScale",
    "logMode",
    "grid",
    "_tickDensity",
    "_tickLevels",
    "deviceTransform_",
    "pen",
    "textPen",
    "tickPen",
)


class KeptDrawingsAxis(pg.AxisItem):  # type: ignore[misc]
    """A pyqtgraph axis that reuses the drawing it made the last time it looked the same."""

    PICTURES_KEPT = 8  # drawn axes kept, most recently used last
    picture: QPicture | None  # pyqtgraph's drawing of the axis; None until drawn again

    def __init__(self, orientation: str, **options: object) -> None:
        super().__init__(orientation, **options)
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
        """Draw the axis, reusing the drawing made the last time it showed the same range."""
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
