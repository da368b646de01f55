"""A splitter that shares its room by a rule until a person drags its divider."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class ShareSplitter(QSplitter):
    """A splitter whose first pane gets ``share(length)`` of its room until a person drags it.

    QSplitter starts from its panes' size hints and shares out a resize by stretch factors: the
    graph asked for nearly all the height and left the breakdown two rows at 1024x700. This one
    gives each window size a share that suits it; a divider the person has moved stays theirs
    (later resizes then go by the stretch factors).
    """

    def __init__(
        self,
        orientation: Qt.Orientation,
        share: Callable[[int], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(orientation, parent)
        self._share = share
        self.dragged = False
        self.splitterMoved.connect(self._moved)

    def _moved(self, _position: int, _index: int) -> None:
        self.dragged = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.dragged and self.count() == 2:
            room = sum(self.sizes())
            first = self._share(room)
            self.setSizes([first, room - first])
