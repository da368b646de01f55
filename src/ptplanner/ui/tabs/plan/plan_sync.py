"""The plan changed on disk while the window had it open (a sync tool, another computer, the
window that holds the lock): reload it, or merge it with the window's edits, never overwrite it.

:class:`PlanSync` follows :class:`~ptplanner.ui.tabs.plan.file_watch.PlanFileWatch`. When
``plan.json`` is no longer what the store last read or wrote:

* with no unsaved edits (and always in a read-only window), the window reloads it, keeps the
  selection where the step still exists (the tab's job: the reload is a structural change), and
  says so in the status bar;
* with unsaved edits, the disk version is merged with the window's
  (:func:`~ptplanner.core.plan.merge.merge_plans`, base: the store's last read or write): what does
  not collide merges silently, collisions are put to the person in
  :class:`~ptplanner.ui.tabs.plan.collision_dialog.CollisionDialog`, and the result is saved with
  :meth:`~ptplanner.core.storage.store.PlanStore.save_merged`, which keeps the disk version in
  backups. The merge is one undo step.

An autosave that meets :class:`~ptplanner.core.storage.errors.PlanChangedOnDisk` (the watch had
not yet reported) comes here too (:meth:`PlanSync.merge_disk`). A conflict copy is merged by the
same path (:mod:`~ptplanner.ui.tabs.plan.sync_banner`).

The window's own saves stir the watch too. The store notes the stat identity of each file it
writes, so that one is recognised from a ``stat`` alone, never read and parsed again. While an
autosave is in flight in its worker thread the store is the worker's: a look at the file is put
off until the save is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ptplanner.core.plan.merge import MergeResult, merge_plans, resolve
from ptplanner.core.plan.model import Plan, tolerating_out_of_range_dates
from ptplanner.core.storage.codec import MAX_PLAN_BYTES, parse_plan
from ptplanner.core.storage.errors import CorruptPlanError, NewerPlanError, StorageError
from ptplanner.core.storage.safe_read import RefusedFileError, read_regular_file
from ptplanner.core.storage.store import PlanStore
from ptplanner.ui.tabs.plan.autosave import Autosave
from ptplanner.ui.tabs.plan.collision_dialog import CollisionDialog
from ptplanner.ui.tabs.plan.file_watch import PlanFileWatch
from ptplanner.ui.tabs.plan.notices import Banner

RELOADED = "Your plan changed on another computer: reloaded."
RELOADED_READ_ONLY = "The plan was saved in the other window: this window shows it as saved now."
DAMAGED = (
    "Your plan file was replaced by a damaged one (a sync tool or another program): ptplanner "
    "moved that file aside in the plan's folder and kept your plan."
)
MERGE_LABEL = "Merge changes from the other computer"


class SyncTarget(Protocol):
    """What the sync reads and drives of the plan controller."""

    store: PlanStore
    autosave: Autosave
    undo_stack: QUndoStack
    read_only: bool
    dialog_parent: QWidget | None

    @property
    def plan(self) -> Plan: ...

    @property
    def has_unsaved_changes(self) -> bool: ...

    @property
    def closed(self) -> bool: ...

    def adopt_disk_plan(self, plan: Plan) -> None: ...

    def replace_plan(self, new_plan: Plan, label: str = ...) -> bool: ...

    def flush(self) -> None: ...

    def notify(self, level: str, text: str) -> None: ...

    def set_banner(self, banner: Banner) -> None: ...


class PlanSync(QObject):
    """Keeps the window's plan and the file in step; see the module documentation."""

    def __init__(self, target: SyncTarget, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._target = target
        self._busy = False
        self.watch = PlanFileWatch(target.store.path, self)
        self.watch.changed.connect(self.check)
        self._seen: tuple[int, int, int] | None = None
        """The file's (inode, mtime, size) when it was last found to be the store's base."""
        self.extra_checks: list[Callable[[], object]] = []
        """Callables run after each look at the folder (the conflict copies' banner)."""

    def check(self) -> None:
        """Look at the plan file (and what else watches the folder) after a change was seen."""
        target = self._target
        if target.closed:
            return
        if target.autosave.busy:
            self.watch.look_again()  # the store is the worker's until the save is done
            return
        if not self._busy:
            self._follow_disk()
        for extra in self.extra_checks:
            extra()

    def _follow_disk(self) -> None:
        target = self._target
        try:
            disk = self._disk_version()
        except StorageError as error:
            target.notify("warning", str(error))
            return
        if disk is None:
            return
        target.flush()  # a half-typed note is an unsaved edit too
        if target.read_only:
            # Nothing to merge and the store is not ours to re-open (the lock retry does that).
            if isinstance(disk, Plan):
                self._show(disk)
        elif not isinstance(disk, Plan):
            self._replace_damaged()
        elif not target.has_unsaved_changes:
            self.reload()
        else:
            self.merge_in(disk, replaced=disk, other="the other computer")

    def _replace_damaged(self) -> None:
        # The window's plan is the last good one: the save moves the damaged file aside first.
        # (A reload would load the newest backup, or an empty plan if there is none.)
        target = self._target
        target.autosave.wait()
        plan = target.plan
        try:
            target.store.save(plan)
        except StorageError as error:
            target.notify("warning", str(error))
            return
        target.autosave.mark_saved(plan)
        target.notify("warning", DAMAGED)

    def _disk_version(self) -> Plan | bool | None:
        """The plan on disk if it is not the store's base (True if it is there but damaged), or
        None when it is what this window last read or wrote (our own save, say)."""
        path = self._target.store.path
        try:
            info = path.stat()
        except OSError:
            return None  # gone for a moment (a rename in progress) or never written
        identity = (info.st_ino, info.st_mtime_ns, info.st_size)
        if identity == self._seen or self._target.store.is_known_version(identity):
            return None  # looked at already, or what the store last read or wrote
        try:
            data = read_regular_file(path, MAX_PLAN_BYTES)
        except FileNotFoundError:
            return None
        except (OSError, RefusedFileError) as error:
            raise StorageError(f"Your plan changed on disk but cannot be read ({error}).") from None
        try:
            with tolerating_out_of_range_dates():
                disk = parse_plan(data)
        except NewerPlanError:
            raise StorageError(
                "Your plan was replaced on disk by one from a newer ptplanner; this window keeps "
                "its own version and does not overwrite it."
            ) from None
        except CorruptPlanError:
            return True
        self._seen = identity
        return None if disk == self._target.store.base else disk

    def _show(self, plan: Plan) -> None:
        if plan != self._target.plan:
            self._target.adopt_disk_plan(plan)
            self._target.notify("info", RELOADED_READ_ONLY)

    def reload(self) -> None:
        """Take the plan as it is on disk now (nothing in the window is lost: no unsaved edits)."""
        target = self._target
        target.autosave.wait()
        plan = target.store.reload()
        self._seen = None
        if plan != target.plan:
            target.adopt_disk_plan(plan)
            target.notify("info", RELOADED)

    def merge_disk(self, disk_plan: Plan) -> bool:
        """Merge the plan an autosave found on disk into the window's and save; True when nothing
        is left unsaved (``Autosave.on_changed_on_disk``)."""
        if self._busy:
            return False  # an autosave while the person picks: the merge saves when done
        return self.merge_in(disk_plan, replaced=disk_plan, other="the other computer")

    def merge_in(
        self, theirs: Plan, *, replaced: Plan | None, other: str, base: Plan | None = None
    ) -> bool:
        """Merge ``theirs`` into the window's plan as one undo step and save the result.

        ``replaced``: the plan on disk that the save replaces (kept in backups); ``base``: the
        version both grew from (the store's last read or write unless given). False if the
        merged plan could not be saved (the reason is shown) or a merge is already running.
        """
        target = self._target
        if self._busy:
            return False
        self._busy = True
        self.watch.pause()
        try:
            target.autosave.wait()
            base = base or target.store.base or theirs
            result = merge_plans(base, target.plan, theirs)
            plan = self._settle(result, other)
            if plan != target.plan:
                target.replace_plan(plan, MERGE_LABEL)
            try:
                if replaced is None:
                    target.store.save(target.plan)
                else:
                    target.store.save_merged(target.plan, replaced)
            except StorageError as error:
                target.notify("warning", str(error))
                return False
            target.autosave.mark_saved(target.plan)
            target.notify("info", f"Merged: {result.summary()}")
            return True
        finally:
            self._busy = False
            self.watch.resume()

    def _settle(self, result: MergeResult, other: str) -> Plan:
        if not result.collisions:
            return result.plan
        dialog = CollisionDialog(result.collisions, self._target.dialog_parent, other_name=other)
        dialog.exec()
        choices = dialog.choices()
        dialog.deleteLater()
        return resolve(result, {key: "theirs" for key, side in choices.items() if side == "theirs"})

    def stop(self) -> None:
        self.watch.stop()
