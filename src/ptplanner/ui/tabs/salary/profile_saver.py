"""Writing the salary profile to the settings file a moment after each change, not only on quit.

``ptplanner projection --from-plan`` reads the profile from the settings file, so a profile
kept in memory until the window closes would give the command line (and its PDF) another
person's figures than the window shows. A burst of edits (arrow keys in a spin box, the
experience slider) is written once, when it ends.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from ptplanner.ui.tabs.salary.scenario import ScenarioModel

SAVE_DELAY_MS = 500
"""How long the profile must stay unchanged before it is written."""


class ProfileSaver(QObject):
    """Calls ``write`` once a burst of changes to ``scenario``'s saved part has ended."""

    def __init__(
        self, scenario: ScenarioModel, write: Callable[[], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._write = write
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(write)
        scenario.profile_changed.connect(self.timer.start)

    @property
    def pending(self) -> bool:
        return self.timer.isActive()

    def flush(self) -> None:
        """Write now if a change is waiting (the window is closing)."""
        if self.timer.isActive():
            self.timer.stop()
            self._write()
