"""Autosave: the plan is written to its file a moment after each edit, and retried while that fails.

:class:`Autosave` decides when to write and knows whether the file holds the current plan; the
controller turns its signals into the banners and messages a person sees.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ptplanner.core.plan.model import Plan
from ptplanner.core.storage.errors import PlanChangedOnDisk, SaveError
from ptplanner.core.storage.store import PlanStore

AUTOSAVE_DELAY_MS = 800
"""An edit is written this long after it (edits in between coalesce into one write)."""
RETRY_INTERVAL_MS = 30_000
"""A write that failed is tried again this often until one works."""


class Autosave(QObject):
    """When the plan is written to its store, and whether the store has the current plan."""

    failed = Signal(str, bool)
    """(why, whether it is the first failure in a row) after a write failed."""
    recovered = Signal()
    """A write worked after one or more had failed."""
    saved = Signal()
    """A write worked (after ``recovered``, when it ends a run of failures)."""

    def __init__(
        self,
        store: PlanStore,
        current: Callable[[], Plan],
        saved_plan: Plan | None,
        *,
        read_only: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._current = current
        self._saved_plan = saved_plan
        self._read_only = read_only
        self._stopped = False
        self.error: str | None = None
        """Why the last write failed; None once one works."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.save_now)
        self.on_changed_on_disk: Callable[[Plan], bool] | None = None
        """Merges the plan a save found on disk (another computer's) and saves the result,
        True when nothing is left unsaved; without it, such a save fails like any other."""

    @property
    def unsaved(self) -> bool:
        """Whether the plan differs from what was last written (never, when read-only)."""
        if self._read_only:
            return False
        saved = self._saved_plan
        plan = self._current()
        return saved is None or (plan is not saved and plan != saved)

    def schedule(self) -> None:
        """Write a moment from now (again from the start if a write was already due)."""
        self._timer.start()

    def save_now(self) -> bool:
        """Write the plan now if it changed; True when nothing is left unsaved."""
        self._timer.stop()
        if self._read_only or self._stopped:
            return not self.unsaved
        plan = self._current()
        if not self.unsaved:
            self._saved_plan = plan
            return True
        try:
            self._store.save(plan)
        except PlanChangedOnDisk as changed:
            if self.on_changed_on_disk is None:
                self._failed(str(changed))
                return False
            return self.on_changed_on_disk(changed.disk_plan)
        except SaveError as error:
            self._failed(str(error))
            return False
        self.mark_saved(plan)
        return True

    def mark_saved(self, plan: Plan) -> None:
        """``plan`` is on disk now (written by a merge, or read from the file)."""
        self._timer.stop()
        self._saved_plan = plan
        if self.error is not None:
            self.error = None
            self._retry_timer.stop()
            self.recovered.emit()
        self.saved.emit()

    def _failed(self, reason: str) -> None:
        first = self.error is None
        self.error = reason
        if not self._retry_timer.isActive():
            self._retry_timer.start()
        self.failed.emit(reason, first)

    def set_retry_interval(self, milliseconds: int) -> None:
        self._retry_timer.setInterval(milliseconds)

    def stop(self) -> None:
        """Write no more (the plan is closing): timers stop, :meth:`save_now` only reports."""
        self._timer.stop()
        self._retry_timer.stop()
        self._stopped = True
