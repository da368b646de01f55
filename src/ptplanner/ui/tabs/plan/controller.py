"""The plan behind the Plan tab: one place that owns the plan, its undo history and its file.

:class:`PlanController` opens the :class:`~ptplanner.core.storage.store.PlanStore`
(taking its lock),
keeps the current :class:`~ptplanner.core.plan.model.Plan`, and turns every edit into a
``QUndoCommand`` wrapping a pure operation from :mod:`ptplanner.core.plan.operations`. Nothing else
replaces the plan, so undo is always exact and every view follows ``plan_changed``.

Promises to the person using it, in the spirit of a good notes app:

* **Autosave.** Each edit is written about 800 ms later (edits in between coalesce), and again on
  quit. A save that fails (disk full, read-only folder) keeps the edit in memory, shows a
  non-modal banner with the reason and tries again every 30 s. Quitting with unsaved edits asks
  what to do and never drops them silently.
* **Recovery is visible.** A damaged plan file was moved aside by the store and a backup loaded;
  the banner says where both are. A plan open in another window (or from a newer ptplanner) is
  shown read-only, with a banner saying why.
* **Import, restore, even "start from the ready plan" are undoable** replaces of the whole plan.
* **A quiet launch notice** (a banner and a status-bar message, never a modal dialog) lists steps
  that are overdue or due within 14 days.

The controller knows no widget except for the dialogs it is asked to show (file pickers, the
backup list, the unsaved-changes question); the tab and the window render its state.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import STATUS_LABELS, clip, short_date
from ptplanner.core.plan import operations as plan_ops
from ptplanner.core.plan.model import DUE_SOON_DAYS, Milestone, Plan, Status, attention
from ptplanner.core.plan.operations import OpResult, PlanChange, PlanOp, PlanOpError
from ptplanner.core.plan.salary_link import PlanEffects, plan_effects
from ptplanner.core.storage.store import (
    BackupInfo,
    LoadResult,
    PlanImportError,
    PlanStore,
    RestoreError,
    SaveError,
    export_plan_csv,
    export_plan_json,
    gc_paused,
    import_plan_csv,
    import_plan_json,
)
from ptplanner.ui.tabs.plan.tree_model import PlanIndex

AUTOSAVE_DELAY_MS = 800
RETRY_INTERVAL_MS = 30_000
MERGE_WINDOW_S = 3.0
"""Repeated edits of one date or number field within this many seconds are one undo step."""

# Edits to these fields come in bursts (arrow keys in a date box, a spin box): merge them.
_MERGEABLE_FIELDS = frozenset(
    {"target_date", "done_date", "renews_every_months", "salary_link", "notes"}
)


@dataclass(frozen=True)
class Banner:
    """A message the Plan tab shows above the tree until it is dismissed or resolved."""

    key: str
    """One banner per key: a newer message of the same kind replaces the older one."""
    level: str
    """"info", "notice", "warning" or "error"."""
    text: str
    actions: tuple[tuple[str, Callable[[], object]], ...] = ()
    dismissible: bool = True


@dataclass(frozen=True)
class BackupSummary:
    info: BackupInfo
    plan: Plan | None
    problem: str | None = None

    @property
    def count(self) -> int | None:
        return self.plan.count() if self.plan is not None else None


class PlanCommand(QUndoCommand):
    """One undoable edit: the core operation and its inverse, swapped on every undo/redo.

    The first ``redo()`` (run by ``QUndoStack.push``) installs the result that was already
    computed to check the edit; later ones re-apply the operation that the last undo returned.
    Inverses are taken from the plan as it is at that moment, so merged commands stay exact.
    """

    def __init__(
        self,
        controller: PlanController,
        result: OpResult,
        merge_key: tuple[object, ...] | None = None,
        adds: str | None = None,
    ) -> None:
        super().__init__(result.change.label)
        self._controller = controller
        self._first: OpResult | None = result
        self._back: PlanOp = result.inverse
        self._fwd: PlanOp | None = None
        self.merge_key = merge_key
        self.adds = adds
        """The id of the one step this command added, so typing its title can merge in."""
        self.title_only_for: str | None = None
        self.stamp = time.monotonic()

    def id(self) -> int:
        return 1

    def redo(self) -> None:
        if self._first is not None:
            result: OpResult | None = self._first
            self._first = None
        else:
            result = self._run(self._fwd)
        if result is not None:
            self._back = result.inverse
            self._controller._install(result.plan, result.change)

    def undo(self) -> None:
        result = self._run(self._back)
        if result is not None:
            self._fwd = result.inverse
            self._controller._install(result.plan, result.change)

    def _run(self, op: PlanOp | None) -> OpResult | None:
        try:
            if op is None:
                raise PlanOpError("nothing to apply")
            return op.apply(self._controller.plan)
        except PlanOpError as error:
            # Only possible if the plan changed behind the stack's back; dropping the command
            # beats leaving undo pointing at a state that no longer exists.
            self.setObsolete(True)
            self._controller._report("error", f"That step could not be undone or redone: {error}")
            return None

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, PlanCommand):
            return False
        if self.adds is not None and other.title_only_for == self.adds:
            # "Add step" then typing its title is one thing to undo.
            added = self._controller.milestone(self.adds)
            if added is not None:
                self.setText(f"Add milestone '{added.title}'")
            self.adds = None  # only the first naming: a later rename is its own undo step
            return True
        if (
            self.merge_key is not None
            and other.merge_key == self.merge_key
            and other.stamp - self.stamp <= MERGE_WINDOW_S
        ):
            self.stamp = other.stamp
            return True
        return False


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

    def __init__(
        self,
        path: Path | None = None,
        parent: QObject | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.today = today
        self.undo_stack = QUndoStack(self)
        self._banners: dict[str, Banner] = {}
        self._closed = False
        self._save_error: str | None = None
        self._window: QWidget | None = None
        self.actions: dict[str, QAction] = {}

        self.store = PlanStore(path)
        # Loading, indexing and the first look at a big plan make tens of thousands of objects
        # that all stay: the garbage collector would walk them again and again (see gc_paused).
        with gc_paused(then_freeze=True):
            self.load_result: LoadResult = self.store.load(
                new_plan=lambda: plan_ops.ready_plan(today())
            )
            self._plan = self.load_result.plan
            self._index: PlanIndex | None = None
            self.plan_index()
            self._effects = plan_effects(self._plan, today(), self.plan_index().milestones)
        self.read_only = self.load_result.read_only
        self.read_only_reason = self.store.read_only_reason if self.read_only else None
        self._saved_plan: Plan | None = None if self.load_result.is_new else self._plan

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(AUTOSAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._retry_timer = QTimer(self)
        self._retry_timer.setInterval(RETRY_INTERVAL_MS)
        self._retry_timer.timeout.connect(self.retry_save)

        app = QCoreApplication.instance()
        if app is not None:
            # A safety net for quits that skip the window's close event (session logout).
            app.aboutToQuit.connect(self._on_quit)

        self._show_load_messages()
        self.notice = self._due_notice()
        if self.load_result.is_new and not self.read_only:
            # A first run (or a recovery with no backup) writes the plan at once, so the CLI
            # and the next start see the same plan and target dates.
            self._save_timer.start()

    # --- state ----------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        return self._plan

    @property
    def has_unsaved_changes(self) -> bool:
        if self.read_only:
            return False
        saved = self._saved_plan
        return saved is None or (self._plan is not saved and self._plan != saved)

    @property
    def save_error(self) -> str | None:
        return self._save_error

    def salary_effects(self) -> PlanEffects:
        return self._effects

    def plan_index(self) -> PlanIndex:
        """Where each milestone sits (rebuilt lazily after structural edits)."""
        if self._index is None:
            self._index = PlanIndex(self._plan)
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
        if self._save_error:
            return "Not saved – retrying"
        if self.has_unsaved_changes:
            return "Saving…"
        return "All changes saved"

    # --- banners and messages -------------------------------------------------------------------

    def banners(self) -> list[Banner]:
        order = {"read_only": 0, "save": 1, "load": 2, "error": 3, "import": 4, "due": 5}
        return sorted(self._banners.values(), key=lambda b: order.get(b.key, 9))

    def banner(self, key: str) -> Banner | None:
        return self._banners.get(key)

    def set_banner(self, banner: Banner) -> None:
        self._banners[banner.key] = banner
        self.banners_changed.emit()

    def dismiss_banner(self, key: str) -> None:
        if self._banners.pop(key, None) is not None:
            self.banners_changed.emit()

    def _report(self, level: str, text: str) -> None:
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
        overdue, soon = attention(index.milestones, today, kinds=index.kinds(today))
        if not overdue and not soon:
            return None

        def listing(items: list[Milestone]) -> str:
            shown = [f"“{clip(m.title, 44)}” ({short_date(m.target_date)})" for m in items[:3]]
            if len(items) > 3:
                shown.append(f"{len(items) - 3} more")
            return ", ".join(shown)

        parts = []
        if overdue:
            parts.append(f"Overdue: {listing(overdue)}.")
        if soon:
            parts.append(f"Due within {DUE_SOON_DAYS} days: {listing(soon)}.")
        self.set_banner(Banner("due", "notice", " ".join(parts)))
        counts = []
        if overdue:
            counts.append(f"{len(overdue)} plan step{'s' if len(overdue) != 1 else ''} overdue")
        if soon:
            counts.append(f"{len(soon)} due within {DUE_SOON_DAYS} days")
        return ", ".join(counts) + " – see the Plan tab."

    # --- edits ----------------------------------------------------------------------------------

    def _edit(
        self,
        make: Callable[[Plan], OpResult],
        *,
        merge_key: tuple[object, ...] | None = None,
        adds: str | None = None,
        title_only_for: str | None = None,
    ) -> bool:
        if self._closed:
            return False
        if self.read_only:
            self.message.emit("warning", self.read_only_reason or "This plan is read-only.")
            return False
        try:
            result = make(self._plan)
        except PlanOpError as error:
            self._report("error", str(error))
            return False
        if result.change.noop:
            return True
        self.dismiss_banner("error")
        command = PlanCommand(self, result, merge_key, adds)
        command.title_only_for = title_only_for
        self.undo_stack.push(command)
        return True

    def _install(self, plan: Plan, change: PlanChange) -> None:
        """Called by commands only: make ``plan`` current and tell everyone."""
        self._plan = plan
        if change.structural or self._index is None:
            self._index = None
        else:
            for milestone_id in change.ids:
                self._index.refresh(plan, milestone_id)
        self.plan_changed.emit(change)
        effects = plan_effects(plan, self.today(), self.plan_index().milestones)
        if effects != self._effects:
            self._effects = effects
            self.salary_effects_changed.emit(effects)
        if not self.read_only:
            self._save_timer.start()
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
            self._report("error", f"The step could not be added: {error}")
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
        place = self.place(milestone_id)
        if place is None or place[1] == 0:
            return False
        return self.move_milestone(milestone_id, place[0], place[1] - 1)

    def move_down(self, milestone_id: str) -> bool:
        place = self.place(milestone_id)
        if place is None:
            return False
        index = self.plan_index()
        parent_key = index.key_of[place[0]] if place[0] else -1
        if place[1] >= len(index.siblings(parent_key)) - 1:
            return False
        return self.move_milestone(milestone_id, place[0], place[1] + 1)

    def indent(self, milestone_id: str) -> bool:
        """Make the step the last sub-step of the step above it."""
        place = self.place(milestone_id)
        if place is None or place[1] == 0:
            return False
        index = self.plan_index()
        parent_key = index.key_of[place[0]] if place[0] else -1
        above = index.ids[index.siblings(parent_key)[place[1] - 1]]
        return self.move_milestone(milestone_id, above, None)

    def outdent(self, milestone_id: str) -> bool:
        """Move the step out of its parent, to just after it."""
        place = self.place(milestone_id)
        if place is None or place[0] is None:
            return False
        parent_place = self.place(place[0])
        if parent_place is None:
            return False
        return self.move_milestone(milestone_id, parent_place[0], parent_place[1] + 1)

    def replace_plan(self, new_plan: Plan, label: str = "Replace plan") -> bool:
        return self._edit(lambda plan: plan_ops.replace_plan(plan, new_plan, label))

    def start_from_ready_plan(self) -> bool:
        ready = plan_ops.ready_plan(self.today())
        keep = self._plan.model_copy(update={"milestones": ready.milestones})
        return self.replace_plan(keep, "Start from the ready plan")

    def undo(self) -> None:
        self.flush_requested.emit()
        self.undo_stack.undo()

    def redo(self) -> None:
        self.flush_requested.emit()
        self.undo_stack.redo()

    # --- saving ---------------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Write the plan now if it changed; True when nothing is left unsaved."""
        self._save_timer.stop()
        if self.read_only or self._closed:
            return not self.has_unsaved_changes
        if not self.has_unsaved_changes:
            self._saved_plan = self._plan
            return True
        plan = self._plan
        try:
            self.store.save(plan)
        except SaveError as error:
            self._save_failed(str(error))
            return False
        self._saved_plan = plan
        if self._save_error is not None:
            self._save_error = None
            self._retry_timer.stop()
            self.dismiss_banner("save")
            self.message.emit("info", "Your plan is saved again.")
        if self.store.backup_error:
            self.message.emit("warning", f"Saved, but no backup copy: {self.store.backup_error}")
        self.save_status_changed.emit(self.save_status())
        return True

    def retry_save(self) -> bool:
        return self.save_now()

    def _save_failed(self, reason: str) -> None:
        first = self._save_error is None
        self._save_error = reason
        if not self._retry_timer.isActive():
            self._retry_timer.start()
        self.set_banner(
            Banner(
                "save",
                "warning",
                f"{reason} (ptplanner tries again every {RETRY_INTERVAL_MS // 1000} seconds.)",
                actions=(("Retry now", self.retry_save), ("Export a copy…", self.export_copy)),
                dismissible=False,
            )
        )
        if first:
            self.message.emit("warning", reason)
        self.save_status_changed.emit(self.save_status())

    def set_retry_interval(self, milliseconds: int) -> None:
        self._retry_timer.setInterval(milliseconds)

    def close_ok(self, parent: QWidget | None = None) -> bool:
        """Flush edits before the window closes; False if the person chose to stay.

        If the last save fails, asks: Retry, Export a copy…, Quit without saving, or Cancel.
        """
        if self._closed:
            return True
        self.flush_requested.emit()
        while self.has_unsaved_changes and not self.save_now():
            choice = self.ask_unsaved(parent)
            if choice == "cancel":
                return False
            if choice == "discard" or (choice == "export" and self.export_copy(parent)):
                break
        self.close()
        return True

    def ask_unsaved(self, parent: QWidget | None) -> str:
        """The unsaved-changes question: "retry", "export", "discard" or "cancel"."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Your plan is not saved")
        box.setText("Your latest changes to the plan could not be saved.")
        box.setInformativeText(self._save_error or "")
        retry = box.addButton("Retry", QMessageBox.ButtonRole.AcceptRole)
        export = box.addButton("Export a copy…", QMessageBox.ButtonRole.ActionRole)
        discard = box.addButton("Quit without saving", QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(retry)
        box.setEscapeButton(cancel)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is retry:
            return "retry"
        if clicked is export:
            return "export"
        if clicked is discard:
            return "discard"
        return "cancel"

    def _on_quit(self) -> None:
        if not self._closed:
            self.save_now()
            self.close()

    def close(self) -> None:
        """Stop timers and release the plan's lock (no questions; see :meth:`close_ok`)."""
        if self._closed:
            return
        self._save_timer.stop()
        self._retry_timer.stop()
        self._closed = True
        self.store.close()

    # --- files: export, import, backups ---------------------------------------------------------

    def _start_dir(self) -> str:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return folder or str(Path.home())

    def _parent(self, parent: QWidget | None) -> QWidget | None:
        return parent if parent is not None else self._window

    def export_json(self, path: Path) -> bool:
        return self._export(export_plan_json, path)

    def export_csv(self, path: Path) -> bool:
        return self._export(export_plan_csv, path)

    def _export(self, write: Callable[[Plan, Path], None], path: Path) -> bool:
        self.flush_requested.emit()
        try:
            write(self._plan, path)
        except SaveError as error:
            self._report("error", str(error))
            return False
        self.message.emit("info", f"Exported your plan to {path}.")
        return True

    def _ask_path(self, parent: QWidget | None, title: str, name: str, filters: str) -> Path | None:
        start = str(Path(self._start_dir()) / name)
        chosen, _ = QFileDialog.getSaveFileName(self._parent(parent), title, start, filters)
        if not chosen:
            return None
        path = Path(chosen)
        suffix = Path(name).suffix
        return path if path.suffix else path.with_suffix(suffix)

    def export_json_dialog(self, parent: QWidget | None = None) -> bool:
        path = self._ask_path(parent, "Export plan", "ptplanner-plan.json", "JSON plan (*.json)")
        return path is not None and self.export_json(path)

    def export_csv_dialog(self, parent: QWidget | None = None) -> bool:
        path = self._ask_path(
            parent, "Export milestones as CSV", "ptplanner-milestones.csv", "CSV (*.csv)"
        )
        return path is not None and self.export_csv(path)

    def export_copy(self, parent: QWidget | None = None) -> bool:
        """Save a copy of the unsaved plan somewhere else (when the plan folder is not writable)."""
        path = self._ask_path(
            parent, "Export a copy of your plan", "ptplanner-plan-copy.json", "JSON plan (*.json)"
        )
        return path is not None and self.export_json(path)

    def import_dialog(self, parent: QWidget | None = None) -> bool:
        if self.read_only:
            self.message.emit("warning", self.read_only_reason or "This plan is read-only.")
            return False
        chosen, _ = QFileDialog.getOpenFileName(
            self._parent(parent),
            "Import plan",
            self._start_dir(),
            "Plans (*.json *.csv);;JSON plan (*.json);;CSV milestones (*.csv);;All files (*)",
        )
        return bool(chosen) and self.import_file(Path(chosen))

    def import_file(self, path: Path) -> bool:
        """Replace the plan with a JSON or CSV file (undoable); refused files change nothing."""
        self.flush_requested.emit()
        try:
            if path.suffix.lower() == ".csv":
                new = import_plan_csv(path, base=self._plan)
            else:
                new = import_plan_json(path)
        except PlanImportError as error:
            problem = str(error)
        except (OSError, ValueError, RecursionError) as error:  # belt and braces: never crash
            problem = f"{path} could not be read ({error})."
        else:
            if not self.replace_plan(new, f"Import plan from {path.name}"):
                return False
            count = new.count()
            self.set_banner(
                Banner(
                    "import",
                    "info",
                    f"Imported {count} step{'s' if count != 1 else ''} from {path.name}. "
                    "Edit ▸ Undo brings back the plan you had.",
                )
            )
            self.message.emit("info", f"Imported {path.name}.")
            return True
        text = f"Nothing was imported: {problem} Your plan is unchanged."
        self.set_banner(Banner("import", "error", text))
        self.message.emit("error", text)
        return False

    def backups(self) -> list[BackupSummary]:
        summaries = []
        for info in self.store.list_backups():
            try:
                summaries.append(BackupSummary(info, self.store.read_backup(info.path)))
            except RestoreError as error:
                summaries.append(BackupSummary(info, None, str(error)))
        return summaries

    def restore_backup(self, path: Path) -> bool:
        """Make a backup the plan (undoable) and save at once."""
        try:
            plan = self.store.read_backup(path)
        except RestoreError as error:
            self._report("error", str(error))
            return False
        info = next((b for b in self.store.list_backups() if b.path == Path(path)), None)
        when = info.saved_at.strftime("%Y-%m-%d %H:%M") if info else Path(path).name
        if not self.replace_plan(plan, f"Restore backup from {when}"):
            return False
        self.save_now()
        self.set_banner(
            Banner(
                "import",
                "info",
                f"Restored the backup from {when}. Edit ▸ Undo brings back the plan you had.",
            )
        )
        return True

    def restore_dialog(self, parent: QWidget | None = None) -> bool:
        if self.read_only:
            self.message.emit("warning", self.read_only_reason or "This plan is read-only.")
            return False
        self.flush_requested.emit()
        dialog = BackupDialog(self.backups(), self._parent(parent))
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.selected_path()
        finally:
            dialog.deleteLater()
        return accepted and chosen is not None and self.restore_backup(chosen)

    # --- the window -----------------------------------------------------------------------------

    def attach(self, window: Any) -> None:
        """Add the plan's File and Edit menu items to the main window and use its status bar."""
        self._window = window
        separator = window.plan_file_separator

        def add(
            key: str, text: str, shortcut: str, slot: Callable[[], object], tip: str
        ) -> QAction:
            action = QAction(text, window)
            action.setShortcut(QKeySequence(shortcut))
            action.setStatusTip(tip)
            action.triggered.connect(lambda _checked=False: slot())
            window.file_menu.insertAction(separator, action)
            self.actions[key] = action
            return action

        add(
            "export",
            "Export p&lan…",
            "Ctrl+Shift+S",
            lambda: self.export_json_dialog(window),
            "Save a copy of the whole plan as a JSON file",
        )
        add(
            "export_csv",
            "Export milestones as &CSV…",
            "Ctrl+Shift+E",
            lambda: self.export_csv_dialog(window),
            "Save the milestones as a spreadsheet-friendly CSV file",
        )
        add(
            "import",
            "&Import plan…",
            "Ctrl+O",
            lambda: self.import_dialog(window),
            "Replace the plan with one from a JSON or CSV file (undoable)",
        )
        add(
            "restore",
            "Restore from &backup…",
            "Ctrl+Shift+R",
            lambda: self.restore_dialog(window),
            "Go back to an earlier saved version of the plan (undoable)",
        )
        for key in ("import", "restore"):
            self.actions[key].setEnabled(not self.read_only)

        undo = _StackAction("&Undo", window)
        undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        undo.triggered.connect(lambda _checked=False: self.undo())
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.undoTextChanged.connect(undo.show_text)
        redo = _StackAction("&Redo", window)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.triggered.connect(lambda _checked=False: self.redo())
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        self.undo_stack.redoTextChanged.connect(redo.show_text)
        undo.setEnabled(self.undo_stack.canUndo())
        redo.setEnabled(self.undo_stack.canRedo())
        window.edit_menu.addAction(undo)
        window.edit_menu.addAction(redo)
        self.actions["undo"] = undo
        self.actions["redo"] = redo

        bar = window.statusBar()
        relay = _StatusRelay(bar)
        self.message.connect(relay.show)
        if self.notice:
            bar.showMessage(self.notice, 20000)


class _StatusRelay(QObject):
    """Messages to the status bar through a slot that Qt drops when the bar goes away."""

    def __init__(self, bar: Any) -> None:
        super().__init__(bar)
        self._bar = bar

    def show(self, _level: str, text: str) -> None:
        self._bar.showMessage(text, 8000)


class _StackAction(QAction):
    """Undo or Redo in the Edit menu, its text following the stack ("Undo Add milestone 'X'")."""

    def __init__(self, word: str, parent: QObject) -> None:
        super().__init__(word, parent)
        self._word = word

    def show_text(self, text: str) -> None:
        # A bound slot of the action itself: Qt disconnects it when the window goes away.
        self.setText(f"{self._word} {text}" if text else self._word)


class BackupDialog(QDialog):
    """Saved versions of the plan, newest first, with a preview of the one selected."""

    def __init__(self, backups: list[BackupSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(900, 520)
        self.backups = backups
        layout = QVBoxLayout(self)
        intro = QLabel(
            "ptplanner keeps a copy of your plan each time it saves over it. Pick a version "
            "to see what it holds; restoring it can be undone with Edit ▸ Undo."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.list = QTreeWidget()
        self.list.setAccessibleName("Backups")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels(["Saved", "Size", "Steps"])
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):  # a few dozen rows at most: measuring them is free
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for summary in backups:
            info = summary.info
            count = summary.count
            item = QTreeWidgetItem(
                [
                    info.saved_at.strftime("%Y-%m-%d %H:%M:%S")
                    + (f" ({info.tag})" if info.tag else ""),
                    _size(info.size),
                    "unreadable" if count is None else str(count),
                ]
            )
            item.setToolTip(0, str(info.path))
            for column in (1, 2):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.list.addTopLevelItem(item)
        splitter.addWidget(self.list)

        preview_box = QWidget()
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        preview_layout.addWidget(self.summary)
        self.preview = QTreeWidget()
        self.preview.setAccessibleName("Backup preview")
        self.preview.setHeaderLabels(["Step", "Status", "Target date"])
        preview_header = self.preview.header()
        preview_header.setStretchLastSection(False)
        preview_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        preview_header.resizeSection(1, 96)
        preview_header.resizeSection(2, 110)
        preview_layout.addWidget(self.preview)
        splitter.addWidget(preview_box)
        splitter.setSizes([330, 560])
        layout.addWidget(splitter, 1)

        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            "Restore this version", QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)

        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        if backups:
            self.select_row(0)
        else:
            self.summary.setText(
                "There are no backups yet: one is made each time the plan is saved."
            )
        self._show_selected()

    def select_row(self, row: int) -> None:
        item = self.list.topLevelItem(row)
        if item is not None:
            self.list.setCurrentItem(item)

    def selected(self) -> BackupSummary | None:
        item = self.list.currentItem()
        row = self.list.indexOfTopLevelItem(item) if item is not None else -1
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def selected_path(self) -> Path | None:
        summary = self.selected()
        return summary.info.path if summary is not None and summary.plan is not None else None

    def _show_selected(self) -> None:
        summary = self.selected()
        self.preview.clear()
        self.restore_button.setEnabled(summary is not None and summary.plan is not None)
        if summary is None:
            return
        if summary.plan is None:
            self.summary.setText(summary.problem or "This backup cannot be read.")
            return
        plan = summary.plan
        done, counted = plan.leaf_counts()
        self.summary.setText(
            f"<b>{_escape(plan.title)}</b><br>{summary.info.saved_at:%A %d %B %Y, %H:%M} · "
            f"{plan.count()} steps · {done} of {counted} done"
        )
        items: dict[str | None, QTreeWidgetItem] = {}
        limit = 2000  # a preview, not an editor: enough to recognise the version
        for n, node in enumerate(plan.walk()):
            if n >= limit:
                break
            m = node.milestone
            item = QTreeWidgetItem([m.title, STATUS_LABELS[m.status], short_date(m.target_date)])
            parent = items.get(node.parent_id)
            if parent is None:
                self.preview.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[m.id] = item
        self.preview.expandToDepth(0)


def _size(size: int) -> str:
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def _escape(text: str) -> str:
    from html import escape

    return escape(text)
