"""Tab pages built when first needed, and running work just after a widget's first paint.

The main window's start-up uses both: each tab is a :class:`LazyTab` until it is first shown,
and the steps of loading wait for a paint with :class:`AfterFirstPaint`.
"""

from __future__ import annotations

import linecache
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    """A tab page that builds its real content the first time it is needed."""

    def __init__(self, build: Callable[[], QWidget], name: str) -> None:
        super().__init__()
        self.setObjectName(f"tab-{name}")
        self._build = build
        self.content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.content is None:
            self.content = self._build()
            self._layout.addWidget(self.content)
            release_source_cache()
        return self.content


def release_source_cache() -> None:
    """Drop the source text PySide6 has just read, after a burst of imports.

    PySide6 wraps ``import`` and, for every module imported after it, reads the module's whole
    source (``inspect.getsource``) to look for the word "PySide6"; the text stays in
    ``linecache`` for good: about 20 MB once pydantic, the core and pyqtgraph are loaded.
    linecache is only a cache (tracebacks read the lines again when they need them).
    """
    linecache.clearcache()


class AfterFirstPaint(QObject):
    """Runs ``then`` on the event loop's next turn after ``widget``'s first paint."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False
