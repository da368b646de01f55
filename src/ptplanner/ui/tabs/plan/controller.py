"""The plan behind the Plan tab: one place that owns the plan, its undo history and its file.

:class:`PlanController` opens the :class:`~ptplanner.core.storage.store.PlanStore` (taking its
lock), keeps the current :class:`~ptplanner.core.plan.model.Plan`, and turns every edit into a
:class:`~ptplanner.ui.tabs.plan.undo_commands.PlanCommand` around a pure operation from
:mod:`ptplanner.core.plan.operations`. Nothing else replaces the plan, so undo is always exact
and every view follows ``plan_changed``.

Promises to the person using it, in the spirit of a good notes app:

* **Autosave.** Each edit is written a moment later (edits in between coalesce), and again on
  quit. A save that fails (disk full, read-only folder) keeps the edit in memory, shows a
  non-modal banner with the reason and tries again every 30 s. Quitting with unsaved edits asks
  what to do and never drops them silently.
* **Recovery is visible.** A damaged plan file was moved aside by the store and a backup loaded;
  the banner says where both are. A plan open in another window (or from a newer ptplanner) is
  shown read-only, with a banner saying why. When it was only the other window's lock, this
  window tries the lock again every few seconds; once it is free, it reloads the plan as saved
  there and becomes editable (``read_only_changed``), with a message.
* **Import, restore, even "start from the ready plan" are undoable** replaces of the whole plan
  (:attr:`PlanController.files`).
* **A quiet launch notice** (a banner and a status-bar message, never a modal dialog) lists steps
  that are overdue or due within 14 days.

The controller knows no widget except the dialogs it is asked to show (the file pickers and
backup list of :attr:`PlanController.files`, the unsaved-changes question). The tab and the window
show its state and follow its signals; the window puts
:class:`~ptplanner.ui.tabs.plan.menu_actions.PlanMenuActions` in its menus and ``message`` in its
status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QWidget

from ptplanner.core.plan import operations as plan_ops
from ptplanner.core.plan.index import PlanIndex
from ptplanner.core.plan.index_splice import splice_index
from ptplanner.core.plan.model import (
    Milestone,
    Plan,
    Status,
    cleared_dates_notice,
    tolerating_out_of_range_dates,
)
from ptplanner.core.plan.operations import OpResult, PlanChange, PlanOpError
from ptplanner.core.plan.salary_link import EffectsTally, PlanEffects
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.storage.codec import gc_paused
from ptplanner.core.storage.store import LoadResult, PlanStore
from ptplanner.ui.tabs.plan.autosave import RETRY_INTERVAL_MS, Autosave
from ptplanner.ui.tabs.plan.notices import BANNER_ORDER, Banner, due_notice
from ptplanner.ui.tabs.plan.plan_files import PlanFiles
from ptplanner.ui.tabs.plan.plan_sync import PlanSync
from ptplanner.ui.tabs.plan.sync_banner import ConflictCopies
from ptplanner.ui.tabs.plan.undo_commands import PlanCommand
from ptplanner.ui.tabs.plan.unsaved_dialog import ask_unsaved

# Edits to these fields come in bursts (arrow keys in a date box, a spin box): merge them.
_MERGEABLE_FIELDS = frozenset(
    {"target_date", "done_date", "renews_every_months", "salary_link", "notes"}
)
LOCK_RETRY_INTERVAL_MS = 2_000
"""A window read-only only because another one has the plan tries its lock this often."""


class PlanController(QObject):
    """Owns the plan, its undo stack and its file; see the module documentation."""

    plan_changed = Signal(object)
    """The :class:`~ptplanner.core.plan.operations.PlanChange` of the edit just made (or undone)."""
    salary_effects_changed = Signal(object)
    """New :class:`~ptplanner.core.plan.salary_link.PlanEffects` when pay effects move."""
    message = Signal(str, str)
    """(level, text) for a status bar: "info", "notice", "warning" or "error"."""
    banners_changed = Signal()
    save_status_changed = Signal(str)
    flush_requested = Signal()
    """Editors with uncommitted text (a notes box with focus) commit it now, synchronously."""
    read_only_changed = Signal(bool)
    """``read_only`` changed after the plan was opened (the other window let go of the plan)."""

    def __init__(
        self,
        path: Path | None = None,
        parent: QObject | None = None,
        today: Callable[[], date] = date.today,
        *,
        new_plan: Callable[[], Plan] | None = None,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self._new_plan = new_plan or (lambda: ready_plan(self.today()))
        """The plan used when there is no file yet: the ready plan unless the caller names one
        (the window passes an empty plan; its welcome page or the Plan tab's empty page offers
        the ready plan)."""
        self.ready_plan_source: Callable[[], Plan] | None = None
        """Makes the ready plan the Plan tab's "Start from the ready plan" installs (see
        :meth:`ready_plan`)."""
        self.undo_stack = QUndoStack(self)
        self._banners: dict[str, Banner] = {}
        self._closed = False
        self.dialog_parent: QWidget | None = parent if isinstance(parent, QWidget) else None
        """The window dialogs open over when the caller names none."""

        self.store = PlanStore(path)
        try:
            self.load_result: LoadResult = self._load()
        except BaseException:
            self.store.close()  # a half-built controller must not keep the plan locked
            raise
        self.read_only = self.load_result.read_only
        self.read_only_reason = self.store.read_only_reason if self.read_only else None
        self.autosave = self._make_autosave()
        self.lock_retry = QTimer(self)
        """Tries the plan's lock while another window holds it (see :meth:`retry_lock`)."""
        self.lock_retry.setInterval(LOCK_RETRY_INTERVAL_MS)
        self.lock_retry.timeout.connect(self.retry_lock)
        if self.store.lock_busy:
            self.lock_retry.start()
        self.files = PlanFiles(self)
        """Export, import and restore from backup."""
        self.sync = PlanSync(self, self)
        """Follows plan.json on disk: reloads or merges another computer's changes."""
        self.conflict_copies = ConflictCopies(self, self.sync)

        app = QCoreApplication.instance()
        if app is not None:
            # A safety net for quits that skip the window's close event (session logout).
            app.aboutToQuit.connect(self._on_quit)

        self._show_load_messages()
        self.notice = self._due_notice()
        if self._writes_new_plan() and not self.read_only:
            # A first run (or a recovery with no backup) writes the plan at once, so the CLI
            # and the next start see the same plan and target dates.
            self.autosave.schedule()

    def _writes_new_plan(self) -> bool:
        """A new plan with steps is written at once; an empty one only after the first edit, so
        a first launch closed on the welcome page leaves no plan file and is welcomed again."""
        return self.load_result.is_new and bool(self._plan.milestones)

    def _make_autosave(self) -> Autosave:
        autosave = Autosave(
            self.store,
            lambda: self._plan,
            None if self._writes_new_plan() else self._plan,
            read_only=self.read_only,
            parent=self,
        )
        autosave.failed.connect(self._save_failed)
        autosave.recovered.connect(self._saved_again)
        autosave.saved.connect(self._saved)
        autosave.on_changed_on_disk = lambda disk_plan: self.sync.merge_disk(disk_plan)
        return autosave

    def _load(self) -> LoadResult:
        """Open the plan file and build what is derived from it (index, pay effects)."""
        # Loading, indexing and the first look at a big plan make tens of thousands of objects
        # that all stay: the garbage collector would walk them again and again (see gc_paused).
        with gc_paused(then_freeze=True):
            # A far-off date written by an older ptplanner is cleared and named, not fatal.
            with tolerating_out_of_range_dates() as cleared:
                result = self.store.load(new_plan=self._new_plan)
            notice = cleared_dates_notice(cleared)
            if notice is not None:
                result = replace(result, messages=(*result.messages, notice))
            self._plan = result.plan
            self._index: PlanIndex | None = None
            self._index_before: PlanIndex | None = None
            """The index before a structural edit, which the next index is spliced from."""
            self.plan_index()
            # Worked out when first asked for: the Plan tab's first paint does not need them.
            self._effects: PlanEffects | None = None
            self._effects_tally = EffectsTally()
        return result

    def retry_lock(self) -> bool:
        """If the plan was read-only only because another window held its lock and the lock is
        free now: take it, reload the plan as that window left it, and allow edits. True then.
        """
        if self._closed or not self.store.retry_lock():
            return False
        self.lock_retry.stop()
        # Read-only, nothing could be edited here: the file is the truth, reload it.
        before = (self._plan, self._index, self._effects)
        changed = self.store.changed_since_load()
        self.load_result = self._load()
        if not changed and self._plan == before[0]:
            self._plan, self._index, self._effects = before  # the views keep their index
            changed = False
        else:
            changed = True
        self.read_only = self.load_result.read_only
        self.read_only_reason = self.store.read_only_reason if self.read_only else None
        self.autosave.stop()
        self.autosave.deleteLater()
        self.autosave = self._make_autosave()
        self.dismiss_banner("read_only")
        self.dismiss_banner("load")
        self._show_load_messages()
        if changed:
            self.undo_stack.clear()
            self.plan_changed.emit(PlanChange("Reload the plan", structural=True))
            self.salary_effects_changed.emit(self.salary_effects())
        self.read_only_changed.emit(self.read_only)
        self.save_status_changed.emit(self.save_status())
        if self.read_only:
            return False
        if self._writes_new_plan():
            self.autosave.schedule()
        shown = " It was changed there; this is the plan as saved." if changed else ""
        self.message.emit(
            "info",
            f"The other ptplanner window let go of this plan: you can edit it here now.{shown}",
        )
        return True

    # --- state ----------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def has_unsaved_changes(self) -> bool:
        return self.autosave.unsaved

    @property
    def save_error(self) -> str | None:
        return self.autosave.error

    def salary_effects(self) -> PlanEffects:
        if self._effects is None:
            self._effects = self._effects_tally.effects(self._plan, self.today())
        return self._effects

    def plan_index(self) -> PlanIndex:
        """Where each milestone sits (rebuilt lazily after structural edits)."""
        if self._index is None:
            before, self._index_before = self._index_before, None
            # After a structural edit, only what it touched is indexed again.
            self._index = (
                PlanIndex(self._plan) if before is None else splice_index(before, self._plan)
            )
            # Edits find the milestone they change through the index, not by a walk.
            plan_ops.locate_with(self._plan, self._index.path_of)
        return self._index

    def milestone(self, milestone_id: str | None) -> Milestone | None:
        if milestone_id is None:
            return None
        index = self.plan_index()
        key = index.key_of.get(milestone_id)
        return index.milestones[key] if key is not None else None

    def place(self, milestone_id: str) -> tuple[str | None, int] | None:
        return self.plan_index().place(milestone_id)

    def save_status(self) -> str:
        if self.read_only:
            return "Read-only"
        if self.autosave.error:
            return "Not saved – retrying"
        if self.has_unsaved_changes:
            return "Saving…"
        return "All changes saved"

    # --- banners and messages -------------------------------------------------------------------

    def banners(self) -> list[Banner]:
        return sorted(self._banners.values(), key=lambda b: BANNER_ORDER.get(b.key, 9))

    def banner(self, key: str) -> Banner | None:
        return self._banners.get(key)

    def set_banner(self, banner: Banner) -> None:
        self._banners[banner.key] = banner
        self.banners_changed.emit()

    def dismiss_banner(self, key: str) -> None:
        if self._banners.pop(key, None) is not None:
            self.banners_changed.emit()

    def notify(self, level: str, text: str) -> None:
        """A message for the status bar (``message``)."""
        self.message.emit(level, text)

    def report(self, level: str, text: str) -> None:
        """A message for the status bar, and an error also as a banner above the tree."""
        if level == "error":
            self.set_banner(Banner("error", "error", text))
        self.message.emit(level, text)

    def _show_load_messages(self) -> None:
        result = self.load_result
        if self.read_only:
            reason = self.read_only_reason or "This plan is open read-only."
            self.set_banner(Banner("read_only", "warning", reason, dismissible=False))
        others = [m for m in result.messages if m and m != self.read_only_reason]
        if others:
            folder = self.store.directory
            self.set_banner(
                Banner(
                    "load",
                    "warning",
                    " ".join(others),
                    actions=(("Open folder", lambda: self._open_folder(folder)),),
                )
            )

    @staticmethod
    def _open_folder(folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _due_notice(self) -> str | None:
        # The index already holds every milestone in plan order, and their kinds for today
        # (the Plan tab reads the same): no second walk of the plan.
        index, today = self.plan_index(), self.today()
        notice = due_notice(index.milestones, today, index.kinds(today))
        if notice is None:
            return None
        banner_text, status_text = notice
        self.set_banner(Banner("due", "notice", banner_text))
        return status_text

    # --- edits ----------------------------------------------------------------------------------

    def _edit(
        self,
        make: Callable[[Plan], OpResult],
        *,
        merge_key: tuple[object, ...] | None = None,
        adds: str | None = None,
        title_only_for: str | None = None,
    ) -> bool:
        if self._closed or not self.check_editable():
            return False
        try:
            result = make(self._plan)
        except PlanOpError as error:
            self.report("error", str(error))
            return False
        if result.change.noop:
            return True
        self.dismiss_banner("error")
        command = PlanCommand(self, result, merge_key, adds)
        command.title_only_for = title_only_for
        self.undo_stack.push(command)
        return True

    def check_editable(self) -> bool:
        """Whether the plan can be edited; if not, the status bar says why."""
        if self.read_only:
            self.message.emit("warning", self.read_only_reason or "This plan is read-only.")
            return False
        return True

    def install(self, plan: Plan, change: PlanChange) -> None:
        """Make ``plan`` current and tell everyone: for undo commands only (see ``_edit``)."""
        before = self.salary_effects()
        self._plan = plan
        if change.structural or self._index is None:
            # Two edits with no look between them: the older index is still a fine base.
            self._index_before = self._index or self._index_before
            self._index = None
        else:
            for milestone_id in change.ids:
                self._index.refresh(plan, milestone_id)
            plan_ops.locate_with(plan, self._index.path_of)
        self.plan_changed.emit(change)
        effects = self._effects_tally.effects(plan, self.today())
        if effects != before:
            self._effects = effects
            self.salary_effects_changed.emit(effects)
        if not self.read_only:
            self.autosave.schedule()
            self.save_status_changed.emit(self.save_status())

    def add_milestone(
        self,
        title: str = "New step",
        parent_id: str | None = None,
        index: int | None = None,
        **fields: Any,
    ) -> str | None:
        """Add a step; returns its id, or None if it could not be added (message shown)."""
        try:
            milestone = Milestone(title=title, **fields)
        except ValueError as error:
            self.report("error", f"The step could not be added: {error}")
            return None
        ok = self._edit(
            lambda plan: plan_ops.add_milestone(plan, milestone, parent_id, index),
            adds=milestone.id,
        )
        return milestone.id if ok else None

    def add_step(self, after_id: str | None = None, title: str = "New step") -> str | None:
        """A new step right after ``after_id`` at the same level (or at the end)."""
        place = self.place(after_id) if after_id else None
        if place is None:
            return self.add_milestone(title)
        parent_id, row = place
        return self.add_milestone(title, parent_id, row + 1)

    def add_substep(self, parent_id: str, title: str = "New sub-step") -> str | None:
        return self.add_milestone(title, parent_id)

    def update_milestone(self, milestone_id: str, **fields: Any) -> bool:
        merge_key = None
        if fields and set(fields) <= _MERGEABLE_FIELDS:
            merge_key = ("update", milestone_id, *sorted(fields))
        title_only = milestone_id if set(fields) == {"title"} else None
        return self._edit(
            lambda plan: plan_ops.update_milestone(plan, milestone_id, **fields),
            merge_key=merge_key,
            title_only_for=title_only,
        )

    def remove_milestone(self, milestone_id: str) -> bool:
        return self._edit(lambda plan: plan_ops.remove_milestone(plan, milestone_id))

    def move_milestone(
        self, milestone_id: str, new_parent_id: str | None, new_index: int | None = None
    ) -> bool:
        return self._edit(
            lambda plan: plan_ops.move_milestone(plan, milestone_id, new_parent_id, new_index)
        )

    def set_status(self, milestone_id: str, status: Status | str) -> bool:
        today = self.today()
        return self._edit(lambda plan: plan_ops.set_status(plan, milestone_id, status, today))

    def toggle_done(self, milestone_id: str) -> bool:
        milestone = self.milestone(milestone_id)
        if milestone is None:
            return False
        status = Status.NOT_STARTED if milestone.status is Status.DONE else Status.DONE
        return self.set_status(milestone_id, status)

    def move_up(self, milestone_id: str) -> bool:
        return self._shift(milestone_id, "up")

    def move_down(self, milestone_id: str) -> bool:
        return self._shift(milestone_id, "down")

    def indent(self, milestone_id: str) -> bool:
        """Make the step the last sub-step of the step above it."""
        return self._shift(milestone_id, "in")

    def outdent(self, milestone_id: str) -> bool:
        """Move the step out of its parent, to just after it."""
        return self._shift(milestone_id, "out")

    def _shift(self, milestone_id: str, direction: str) -> bool:
        place = self.plan_index().shifted(milestone_id, direction)
        return place is not None and self.move_milestone(milestone_id, *place)

    def replace_plan(self, new_plan: Plan, label: str = "Replace plan") -> bool:
        return self._edit(lambda plan: plan_ops.replace_plan(plan, new_plan, label))

    def adopt_disk_plan(self, plan: Plan) -> None:
        """Show ``plan``, just read from the file (changed there, nothing unsaved here). The undo
        history described the plan before it, so it goes, as after a reload at start-up."""
        self.undo_stack.clear()
        self.autosave.mark_saved(plan)
        self.install(plan, PlanChange("Reload the plan", structural=True))

    def ready_plan(self) -> Plan:
        """The ready plan this controller offers: :attr:`ready_plan_source`'s, else the whole
        template's (the window sets the source to the plan fitted to the Salary profile)."""
        if self.ready_plan_source is not None:
            return self.ready_plan_source()
        return ready_plan(self.today())

    def start_from_ready_plan(self) -> bool:
        ready = self.ready_plan()
        keep = self._plan.model_copy(update={"milestones": ready.milestones})
        return self.replace_plan(keep, "Start from the ready plan")

    def undo(self) -> None:
        self.flush()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush()
        self.undo_stack.redo()

    def flush(self) -> None:
        """Have editors with uncommitted text commit it now (``flush_requested``)."""
        self.flush_requested.emit()

    # --- saving ---------------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Write the plan now if it changed; True when nothing is left unsaved."""
        return self.autosave.save_now()

    def _saved_again(self) -> None:
        self.dismiss_banner("save")
        self.message.emit("info", "Your plan is saved again.")

    def _saved(self) -> None:
        if self.store.backup_error:
            self.message.emit("warning", f"Saved, but no backup copy: {self.store.backup_error}")
        if self.store.sync_error:
            self.message.emit("warning", self.store.sync_error)
        self.save_status_changed.emit(self.save_status())

    def _save_failed(self, reason: str, first: bool) -> None:
        retry = f"ptplanner tries again every {RETRY_INTERVAL_MS // 1000} seconds."
        self.set_banner(
            Banner(
                "save",
                "warning",
                f"{reason} ({retry})",
                actions=(("Retry now", self.save_now), ("Export a copy…", self.files.export_copy)),
                dismissible=False,
            )
        )
        if first:
            self.message.emit("warning", reason)
        self.save_status_changed.emit(self.save_status())

    def close_ok(self, parent: QWidget | None = None) -> bool:
        """Flush edits before the window closes; False if the person chose to stay.

        If the last save fails, asks: Retry, Export a copy…, Quit without saving, or Cancel.
        """
        if self._closed:
            return True
        self.flush()
        while self.has_unsaved_changes and not self.save_now():
            choice = self.ask_unsaved(parent)
            if choice == "cancel":
                return False
            if choice == "discard" or (choice == "export" and self.files.export_copy(parent)):
                break
        self.close()
        return True

    def ask_unsaved(self, parent: QWidget | None) -> str:
        """The unsaved-changes question: "retry", "export", "discard" or "cancel"."""
        return ask_unsaved(parent, self.autosave.error or "")

    def _on_quit(self) -> None:
        if not self._closed:
            self.save_now()
            self.close()

    def close(self) -> None:
        """Stop timers and release the plan's lock (no questions; see :meth:`close_ok`)."""
        if self._closed:
            return
        self.autosave.stop()
        self.lock_retry.stop()
        self.sync.stop()
        self._closed = True
        self.store.close()
