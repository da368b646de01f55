"""Bench-only start-up hook: quit ``ptplanner`` at the first paint of the Overview's content.

``rows/startup.py`` puts this folder on the child's ``PYTHONPATH``, so Python imports this
module at start-up, before ``ptplanner`` runs; nothing in ``src/`` knows about the bench. When
``ptplanner.ui.main_window`` has been imported, ``MainWindow.__init__`` is wrapped so that the
new window gets an application-wide event filter: the first ``QEvent.Paint`` of a widget inside an
``OverviewTab`` (the tab's content, not the empty shell that holds it until it is built) ends
the event loop from inside that paint, as ``_paint.py`` does for the window's first paint.

If no such paint comes within a minute (the welcome page of a first launch, with no plan file,
stands in front of the tabs), it exits with status 3. With ``PTPLANNER_BENCH_HOOK`` unset this
module does nothing.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import os
import sys
from types import ModuleType
from typing import Any

TARGET = "ptplanner.ui.main_window"
CONTENT_CLASS = "OverviewTab"
GIVE_UP_MS = 60_000  # e.g. the welcome page (first launch, no plan file) hides the Overview


def _install_filter(window: Any) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    paint = QEvent.Type.Paint

    class QuitAtContentPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == paint and isinstance(watched, QWidget):
                widget: QWidget | None = watched
                while widget is not None:
                    if type(widget).__name__ == CONTENT_CLASS:
                        QCoreApplication.exit(0)
                        self.done = True
                        break
                    widget = widget.parentWidget()
            return False

    app = QCoreApplication.instance()
    assert app is not None
    watcher = QuitAtContentPaint()
    window._bench_watcher = watcher  # kept alive with the window
    app.installEventFilter(watcher)

    def give_up() -> None:
        print("bench hook: the Overview's content was never painted", file=sys.stderr, flush=True)
        QCoreApplication.exit(3)

    QTimer.singleShot(GIVE_UP_MS, give_up)


def _patch(module: ModuleType) -> None:
    window_class = module.MainWindow
    original = window_class.__init__

    def wrapped(self: Any, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        _install_filter(self)

    window_class.__init__ = wrapped


class _Loader(importlib.abc.Loader):
    def __init__(self, inner: importlib.abc.Loader) -> None:
        self._inner = inner

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType | None:
        return self._inner.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        self._inner.exec_module(module)
        _patch(module)


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != TARGET:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is not None and spec.loader is not None:
            spec.loader = _Loader(spec.loader)
        return spec


if os.environ.get("PTPLANNER_BENCH_HOOK") == "overview":
    import importlib.util

    sys.meta_path.insert(0, _Finder())
