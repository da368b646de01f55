"""The line above the Plan tab's tools: the plan's title, how far along it is, and whether it is
saved.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from ptplanner.core.plan.model import Plan
from ptplanner.core.plan.overdue import OverdueTally
from ptplanner.ui.accessibility import announce, name_with_value, set_value
from ptplanner.ui.fitting import ElidingLabel
from ptplanner.ui.tabs.plan.colours import set_text_colour
from ptplanner.ui.tabs.plan.status_icons import kind_colours
from ptplanner.ui.widgets import muted_colour


class PlanHeader(QWidget):
    """Title, overall progress, step counts and save status, in one row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        # A plan title may be 200 characters long: it gives way rather than widen the window.
        self.title_label = ElidingLabel()
        title_font = QFont(self.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.25)
        title_font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(title_font)
        name_with_value(self.title_label, "Plan title")
        row.addWidget(self.title_label)
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setTextVisible(True)
        self.progress_bar.setFormat("%p% done")
        self.progress_bar.setAccessibleName("Overall progress")
        self.progress_bar.setMinimumWidth(160)
        self.progress_bar.setMaximumWidth(320)
        row.addWidget(self.progress_bar, 1)
        self.counts_label = QLabel()
        name_with_value(self.counts_label, "Progress")
        row.addWidget(self.counts_label)
        row.addStretch(1)
        self.save_label = QLabel()
        name_with_value(self.save_label, "Save status")
        row.addWidget(self.save_label)
        self._save_failed = False
        # Kept per top-level step, as the progress chart keeps its tally: after an edit of a
        # big plan only what the edit changed is counted again.
        self._overdue = OverdueTally()

    def count_overdue(
        self,
        plan: Plan,
        today: date,
        kinds: Callable[[], tuple[Sequence[str], Sequence[int]]],
        fresh: bool = False,
    ) -> int:
        """The overdue steps of ``plan``; on a ``fresh`` start or a new day, from ``kinds``
        (every step's kind in display order, and where each top-level step starts)."""
        if fresh or self._overdue.today != today:
            return self._overdue.seed(plan, today, *kinds())
        return self._overdue.count(plan, today)

    def show_progress(self, title: str, done: int, counted: int, overdue: int) -> None:
        """The plan's ``title``, ``done`` of ``counted`` steps, and how many are ``overdue``."""
        set_value(self.title_label, title)
        percent = 100.0 * done / counted if counted else 0.0
        self.progress_bar.setValue(round(percent))
        self.progress_bar.setAccessibleDescription(f"{percent:.0f}% of steps done")
        parts = [f"{done} of {counted} steps done"]
        if overdue:
            parts.append(f"{overdue} overdue")
        set_value(self.counts_label, " · ".join(parts))

    def show_save_status(self, text: str, failed: bool) -> None:
        """The controller's save status; a ``failed`` save shows in the colour of overdue.

        A save that starts failing is announced (interrupting), as a sighted user sees the
        line turn red; later retries that still fail are not announced again.
        """
        set_value(self.save_label, text)
        if failed and not self._save_failed:
            announce(self.save_label, text, assertive=True)
        self._save_failed = failed
        self._colour_save_status()

    def _colour_save_status(self) -> None:
        palette = self.palette()
        failed = self._save_failed
        colour = kind_colours(palette)["overdue"] if failed else muted_colour(palette)
        set_text_colour(self.save_label, colour)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_save_status()
        super().changeEvent(event)
