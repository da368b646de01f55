"""The plan's other files: export it (JSON, CSV or a calendar), import one, restore a backup.

:class:`PlanFiles` does each with the file picker or backup list it needs. An import or a
restore replaces the plan through the controller, so it is one undoable edit like any other; a
refused file changes nothing and says why in a banner.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from ptplanner.core.plan.calendar import (
    DEFAULT_REMIND_DAYS,
    CalendarKind,
    calendar_items,
    plan_to_ics,
)
from ptplanner.core.plan.model import Plan, step_count
from ptplanner.core.storage.atomic_io import atomic_write
from ptplanner.core.storage.errors import PlanImportError, RestoreError, SaveError
from ptplanner.core.storage.import_export import (
    export_plan_csv,
    export_plan_json,
    import_plan_csv,
    import_plan_json,
)
from ptplanner.core.storage.store import PlanStore
from ptplanner.ui.tabs.plan.backup_dialog import BackupDialog, BackupSummary
from ptplanner.ui.tabs.plan.notices import Banner

CALENDAR_EVENTS_FILTER = "Calendar events, for Google, Outlook or Apple Calendar (*.ics)"
CALENDAR_TODOS_FILTER = "To-dos, for a task app (*.ics)"


class PlanHolder(Protocol):
    """What the files need of the plan controller."""

    store: PlanStore
    dialog_parent: QWidget | None

    @property
    def plan(self) -> Plan: ...

    def flush(self) -> None: ...

    def check_editable(self) -> bool: ...

    def notify(self, level: str, text: str) -> None: ...

    def report(self, level: str, text: str) -> None: ...

    def set_banner(self, banner: Banner) -> None: ...

    def replace_plan(self, new_plan: Plan, label: str = ...) -> bool: ...

    def save_now(self) -> bool: ...


class PlanFiles:
    """Export, import and restore for one controller's plan; see the module documentation."""

    def __init__(self, holder: PlanHolder) -> None:
        self._holder = holder

    # --- export ---------------------------------------------------------------------------------

    def export_json(self, path: Path) -> bool:
        return self._export(export_plan_json, path)

    def export_csv(self, path: Path) -> bool:
        return self._export(export_plan_csv, path)

    def _export(self, write: Callable[[Plan, Path], None], path: Path) -> bool:
        holder = self._holder
        holder.flush()
        try:
            write(holder.plan, path)
        except SaveError as error:
            holder.report("error", str(error))
            return False
        holder.notify("info", f"Exported your plan to {path}.")
        return True

    def export_json_dialog(self, parent: QWidget | None = None) -> bool:
        path = self._ask_path(parent, "Export plan", "ptplanner-plan.json", "JSON plan (*.json)")
        return path is not None and self.export_json(path)

    def export_csv_dialog(self, parent: QWidget | None = None) -> bool:
        path = self._ask_path(
            parent, "Export milestones as CSV", "ptplanner-milestones.csv", "CSV (*.csv)"
        )
        return path is not None and self.export_csv(path)

    def export_calendar(
        self, path: Path, kind: CalendarKind = "event", remind_days: int = DEFAULT_REMIND_DAYS
    ) -> bool:
        """Write the dated steps as an iCalendar file (see :mod:`ptplanner.core.plan.calendar`)."""
        holder = self._holder
        holder.flush()
        plan = holder.plan
        if not calendar_items(plan):
            holder.report("error", "Nothing to export: no step has a target or done date yet.")
            return False
        text = plan_to_ics(plan, kind=kind, remind_days=remind_days)
        try:
            atomic_write(path, text.encode("utf-8"))
        except OSError as error:  # a folder, a device, no room: refused, one line
            holder.report("error", f"Could not write {path}: {error.strerror or error}.")
            return False
        what = "to-dos" if kind == "todo" else "calendar"
        holder.notify("info", f"Exported your dated steps to {path}; open it in your {what} app.")
        return True

    def export_calendar_dialog(
        self, parent: QWidget | None = None, remind_days: int = DEFAULT_REMIND_DAYS
    ) -> bool:
        """Ask where, and whether as calendar events or as to-dos (the file type picks)."""
        start = str(Path(_start_dir()) / "ptplanner-milestones.ics")
        chosen, picked = QFileDialog.getSaveFileName(
            self._parent(parent),
            "Export to calendar",
            start,
            f"{CALENDAR_EVENTS_FILTER};;{CALENDAR_TODOS_FILTER}",
        )
        if not chosen:
            return False
        path = Path(chosen)
        path = path if path.suffix else path.with_suffix(".ics")
        kind: CalendarKind = "todo" if picked == CALENDAR_TODOS_FILTER else "event"
        return self.export_calendar(path, kind, remind_days)

    def export_copy(self, parent: QWidget | None = None) -> bool:
        """Save a copy of the unsaved plan somewhere else (when the plan folder is not writable)."""
        path = self._ask_path(
            parent, "Export a copy of your plan", "ptplanner-plan-copy.json", "JSON plan (*.json)"
        )
        return path is not None and self.export_json(path)

    # --- import ---------------------------------------------------------------------------------

    def import_dialog(self, parent: QWidget | None = None) -> bool:
        if not self._holder.check_editable():
            return False
        chosen, _ = QFileDialog.getOpenFileName(
            self._parent(parent),
            "Import plan",
            _start_dir(),
            "Plans (*.json *.csv);;JSON plan (*.json);;CSV milestones (*.csv);;All files (*)",
        )
        return bool(chosen) and self.import_file(Path(chosen))

    def import_file(self, path: Path) -> bool:
        """Replace the plan with a JSON or CSV file (undoable); refused files change nothing."""
        holder = self._holder
        holder.flush()
        try:
            if path.suffix.lower() == ".csv":
                new = import_plan_csv(path, base=holder.plan)
            else:
                new = import_plan_json(path)
        except PlanImportError as error:
            problem = str(error)
        except (OSError, ValueError, RecursionError) as error:  # belt and braces: never crash
            problem = f"{path} could not be read ({error})."
        else:
            if not holder.replace_plan(new, f"Import plan from {path.name}"):
                return False
            count = step_count(new)
            holder.set_banner(
                Banner(
                    "import",
                    "info",
                    f"Imported {count} step{'s' if count != 1 else ''} from {path.name}. "
                    "Edit ▸ Undo brings back the plan you had.",
                )
            )
            holder.notify("info", f"Imported {path.name}.")
            return True
        text = f"Nothing was imported: {problem} Your plan is unchanged."
        holder.set_banner(Banner("import", "error", text))
        holder.notify("error", text)
        return False

    # --- backups --------------------------------------------------------------------------------

    def backups(self) -> list[BackupSummary]:
        store = self._holder.store
        summaries = []
        for info in store.list_backups():
            try:
                summaries.append(BackupSummary(info, store.read_backup(info.path)))
            except RestoreError as error:
                summaries.append(BackupSummary(info, None, str(error)))
        return summaries

    def restore_backup(self, path: Path) -> bool:
        """Make a backup the plan (undoable) and save at once."""
        holder = self._holder
        try:
            plan = holder.store.read_backup(path)
        except RestoreError as error:
            holder.report("error", str(error))
            return False
        info = next((b for b in holder.store.list_backups() if b.path == Path(path)), None)
        when = info.saved_at.strftime("%Y-%m-%d %H:%M") if info else Path(path).name
        if not holder.replace_plan(plan, f"Restore backup from {when}"):
            return False
        holder.save_now()
        holder.set_banner(
            Banner(
                "import",
                "info",
                f"Restored the backup from {when}. Edit ▸ Undo brings back the plan you had.",
            )
        )
        return True

    def restore_dialog(self, parent: QWidget | None = None) -> bool:
        if not self._holder.check_editable():
            return False
        self._holder.flush()
        dialog = BackupDialog(self.backups(), self._parent(parent))
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.selected_path()
        finally:
            dialog.deleteLater()
        return accepted and chosen is not None and self.restore_backup(chosen)

    # --- pickers --------------------------------------------------------------------------------

    def _parent(self, parent: QWidget | None) -> QWidget | None:
        return parent if parent is not None else self._holder.dialog_parent

    def _ask_path(self, parent: QWidget | None, title: str, name: str, filters: str) -> Path | None:
        start = str(Path(_start_dir()) / name)
        chosen, _ = QFileDialog.getSaveFileName(self._parent(parent), title, start, filters)
        if not chosen:
            return None
        path = Path(chosen)
        suffix = Path(name).suffix
        return path if path.suffix else path.with_suffix(suffix)


def _start_dir() -> str:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return folder or str(Path.home())
