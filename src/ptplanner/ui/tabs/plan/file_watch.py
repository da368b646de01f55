"""Watching the plan file and its folder, for changes a sync tool (or another program) makes.

A :class:`PlanFileWatch` watches ``plan.json`` *and the folder it is in*: sync tools such as
Syncthing write a temporary file and rename it over the plan, which silently ends a watch on the
file itself (it watched the old file), so every event from the folder puts the file's watch back.
Events come in bursts (the temp file, the rename, the attribute change), so they are gathered and
reported once, a moment after the last one, as ``changed``. The watch does not judge what
changed: its owner asks the store whether the file is still the one it last read or wrote.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

SETTLE_MS = 300
"""Events closer together than this are one change (a sync tool's write, rename and chmod)."""


class PlanFileWatch(QObject):
    """Reports ``changed`` once per burst of changes to the plan file or its folder."""

    changed = Signal()

    def __init__(self, plan_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The store writes through a symbolic link into its target's folder: watch where the
        # bytes are, which is where a sync tool replaces them.
        self.path = Path(os.path.realpath(plan_path))
        self.folder = self.path.parent
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._report)
        self._paused = 0
        self._watch()

    def _watch(self) -> None:
        watched = set(self._watcher.files()) | set(self._watcher.directories())
        for path in (self.folder, self.path):
            if str(path) not in watched and path.exists():
                self._watcher.addPath(str(path))

    def watched(self) -> list[str]:
        """What is being watched now (the folder, and the file while it exists)."""
        return [*self._watcher.directories(), *self._watcher.files()]

    def _poke(self, _path: str = "") -> None:
        self._settle.start()

    def _report(self) -> None:
        self._watch()  # a rename over the plan ended the file's own watch
        if self._paused:
            self._settle.start()  # a merge is being settled: look again once it is
            return
        self.changed.emit()

    def look_again(self) -> None:
        """Report ``changed`` again a moment from now (the owner could not look yet)."""
        self._settle.start()

    def pause(self) -> None:
        """Hold reports (while a merge asks the person); :meth:`resume` lets them through."""
        self._paused += 1

    def resume(self) -> None:
        self._paused = max(0, self._paused - 1)

    def stop(self) -> None:
        """Watch no more (the plan is closing); gives back the system's watch handle now."""
        self._settle.stop()
        self._settle.timeout.disconnect(self._report)
        paths = self.watched()
        if paths:
            self._watcher.removePaths(paths)
        self._watcher.deleteLater()
