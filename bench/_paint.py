"""Shared by the child scripts: one way of telling that a widget has been painted.

Every start-up script (the app and its bare baselines) detects "first painted" with the same
:class:`PaintWatch`: an event filter on the window that records the first ``QEvent.Paint`` and then
quits with ``QTimer.singleShot(0, app.quit)``. In-process loops use :func:`wait_painted` to spin the
event loop until a watched widget has repainted. Only QtCore is imported here.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer


class PaintWatch(QObject):
    """Counts paint events on one widget; optionally calls ``on_first`` after the first one."""

    def __init__(self, widget: QObject, on_first: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.paints = 0
        self.first_at: float | None = None
        self._on_first = on_first
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
            if self.first_at is None:
                self.first_at = time.perf_counter()
                if self._on_first is not None:
                    QTimer.singleShot(0, self._on_first)
        return False


class _QuitAtFirstPaint(PaintWatch):
    """Ends the event loop from inside the first paint event.

    ``exit()`` only tells the loop to return; it does so as soon as the paint is done, before
    anything the window queued for "after the first paint" runs. That work is the app's second
    step (timed by ``app_window.py --loaded``), not part of showing the window.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        first = self.first_at is None and event.type() == QEvent.Type.Paint
        handled = super().eventFilter(watched, event)
        if first:
            QCoreApplication.exit(0)
        return handled


def quit_at_first_paint(widget: QObject) -> PaintWatch:
    """Quit the running application when ``widget`` is painted for the first time."""
    assert QCoreApplication.instance() is not None
    return _QuitAtFirstPaint(widget)


def wait_painted(watch: PaintWatch, since: int, timeout: float = 2.0) -> bool:
    """Process events until ``watch`` has seen a paint after ``since`` paints; False on timeout."""
    deadline = time.perf_counter() + timeout
    while watch.paints <= since:
        QCoreApplication.processEvents()
        if time.perf_counter() > deadline:
            return False
    return True
