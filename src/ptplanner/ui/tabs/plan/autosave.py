"""Autosave: the plan is written to its file a moment after each edit, and retried while that fails.

:class:`Autosave` decides when to write and knows whether the file holds the current plan; the
controller turns its signals into the banners and messages a person sees.

The timer's writes run in a worker thread so that serialising and writing a big plan never
freezes the window: a :class:`~ptplanner.core.plan.model.Plan` is immutable, so the worker gets
the plan as it was when the write started, and its outcome comes back to the UI thread as a
queued signal. One write is in flight at a time; edits made meanwhile are written by the next
one, which starts as soon as it is done (waiting edits coalesce: the next write takes the plan as
it is then). :meth:`Autosave.save_now` (close, export, the "Retry now" button) stays synchronous:
it waits for a write in flight, handles its outcome, then writes what is left. The store is used
by one thread at a time: anything on the UI thread that needs it while a write may be in flight
calls :meth:`Autosave.wait` first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ptplanner.core.plan.model import Plan
from ptplanner.core.storage.errors import PlanChangedOnDisk, SaveError
from ptplanner.core.storage.store import PlanStore

AUTOSAVE_DELAY_MS = 800
"""An edit is written this long after it (edits in between coalesce into one write)."""
RETRY_INTERVAL_MS = 30_000
"""A write that failed is tried again this often until one works."""


@dataclass
class _Job:
    """One write in the worker thread and what came of it."""

    plan: Plan
    done: threading.Event
    changed: PlanChangedOnDisk | None = None
    error: str | None = None
    handled: bool = False


class Autosave(QObject):
    """When the plan is written to its store, and whether the store has the current plan."""

    failed = Signal(str, bool)
    """(why, whether it is the first failure in a row) after a write failed."""
    recovered = Signal()
    """A write worked after one or more had failed."""
    saved = Signal()
    """A write worked (after ``recovered``, when it ends a run of failures)."""
    _finished = Signal(object)
    """A worker's :class:`_Job` is done (emitted in the worker, delivered on the UI thread)."""

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
        self._job: _Job | None = None
        self._again = False
        self.error: str | None = None
        """Why the last write failed; None once one works."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(AUTOSAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_in_background)
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.save_in_background)
        self._finished.connect(self._handle, Qt.ConnectionType.QueuedConnection)
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

    @property
    def busy(self) -> bool:
        """A write is in flight in the worker thread."""
        return self._job is not None

    def schedule(self) -> None:
        """Write a moment from now (again from the start if a write was already due)."""
        self._timer.start()

    def save_in_background(self) -> None:
        """Start writing the plan in the worker thread if it changed (the timers' write)."""
        self._timer.stop()
        if self._read_only or self._stopped:
            return
        if self._job is not None:
            self._again = True  # written as soon as the write in flight is done
            return
        plan = self._current()
        if not self.unsaved:
            self._saved_plan = plan
            return
        job = _Job(plan, threading.Event())
        self._job = job
        worker = threading.Thread(target=self._run, args=(job,), name="ptplanner-autosave")
        worker.daemon = False  # a write is never cut off halfway by the interpreter's exit
        worker.start()

    def _run(self, job: _Job) -> None:
        """The worker thread: write, note the outcome, hand it back to the UI thread."""
        try:
            self._store.save(job.plan)
        except PlanChangedOnDisk as changed:
            job.changed = changed
        except SaveError as error:
            job.error = str(error)
        except Exception as error:
            job.error = f"The plan was not saved: {error}"
        try:
            self._finished.emit(job)
        finally:
            # Set after the emit: once wait() returns, this object may be deleted.
            job.done.set()

    def wait(self) -> None:
        """Finish the write in flight, if any, and handle its outcome now (on the UI thread)."""
        job = self._job
        if job is not None:
            job.done.wait()
            self._handle(job)

    def _handle(self, job: _Job) -> None:
        if job.handled:
            return  # save_now or wait got there first
        job.handled = True
        self._job = None
        if job.changed is not None:
            self._changed_on_disk(job.changed)
        elif job.error is not None:
            self._failed(job.error)
        else:
            self._written(job.plan)
        if self._again and not self._stopped:
            self._again = False
            self.save_in_background()

    def save_now(self) -> bool:
        """Write the plan now if it changed, waiting for a write in flight first; True when
        nothing is left unsaved."""
        self._timer.stop()
        self._again = False
        self.wait()
        if self._read_only or self._stopped:
            return not self.unsaved
        plan = self._current()
        if not self.unsaved:
            self._saved_plan = plan
            return True
        try:
            self._store.save(plan)
        except PlanChangedOnDisk as changed:
            return self._changed_on_disk(changed)
        except SaveError as error:
            self._failed(str(error))
            return False
        self.mark_saved(plan)
        return True

    def _changed_on_disk(self, changed: PlanChangedOnDisk) -> bool:
        if self.on_changed_on_disk is None:
            self._failed(str(changed))
            return False
        return self.on_changed_on_disk(changed.disk_plan)

    def mark_saved(self, plan: Plan) -> None:
        """``plan`` is on disk now (written by a merge, or read from the file)."""
        self._timer.stop()
        self._written(plan)

    def _written(self, plan: Plan) -> None:
        # The timer keeps running: it writes the edits made while ``plan`` was being written.
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
        """Write no more (the plan is closing): a write in flight is finished first (the store's
        lock is released next), timers stop, :meth:`save_now` only reports."""
        self._again = False
        self.wait()  # before the timers stop: a failure handled here starts the retry timer
        self._timer.stop()
        self._retry_timer.stop()
        self._stopped = True
