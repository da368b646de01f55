"""The plan's items for a window's menus: File (export, import, restore) and Edit (undo, redo).

:class:`PlanMenuActions` makes the actions, each calling the controller with its dialogs over the
window; the window decides where they go in its menus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ptplanner.core.plan.calendar import DEFAULT_REMIND_DAYS
from ptplanner.ui.tabs.plan.controller import PlanController


class StackAction(QAction):
    """Undo or Redo in the Edit menu, its text following the stack ("Undo Add milestone 'X'")."""

    def __init__(self, word: str, parent: QObject) -> None:
        super().__init__(word, parent)
        self._word = word

    def show_text(self, text: str) -> None:
        # A bound slot of the action itself: Qt disconnects it when the window goes away.
        self.setText(f"{self._word} {text}" if text else self._word)


class PlanMenuActions:
    """The plan's File and Edit menu actions for ``window``, which owns them."""

    def __init__(
        self,
        controller: PlanController,
        window: QWidget,
        remind_days: Callable[[], int] = lambda: DEFAULT_REMIND_DAYS,
    ) -> None:
        files = controller.files
        self.export_plan = _action(
            window,
            "Export p&lan…",
            "Ctrl+Shift+S",
            lambda: files.export_json_dialog(window),
            "Save a copy of the whole plan as a JSON file",
        )
        self.export_csv = _action(
            window,
            "Export milestones as &CSV…",
            "Ctrl+Shift+E",
            lambda: files.export_csv_dialog(window),
            "Save the milestones as a spreadsheet-friendly CSV file",
        )
        self.export_calendar = _action(
            window,
            "Export to calen&dar…",
            "Ctrl+Shift+A",
            lambda: files.export_calendar_dialog(window, remind_days()),
            "Save the dated steps as an iCalendar (.ics) file, with reminders, for a calendar app",
        )
        self.import_plan = _action(
            window,
            "&Import plan…",
            "Ctrl+O",
            lambda: files.import_dialog(window),
            "Replace the plan with one from a JSON or CSV file (undoable)",
        )
        self.restore = _action(
            window,
            "Restore from &backup…",
            "Ctrl+Shift+R",
            lambda: files.restore_dialog(window),
            "Go back to an earlier saved version of the plan (undoable)",
        )
        for action in (self.import_plan, self.restore):
            action.setEnabled(not controller.read_only)
            controller.read_only_changed.connect(lambda ro, a=action: a.setEnabled(not ro))

        # File > Print plan... (issue 17b): the plan as a checklist with its progress chart.
        self.print_plan = _action(
            window,
            "Pri&nt plan…",
            "Ctrl+Alt+P",
            lambda: _print_plan(controller, window),
            "Print the plan as a checklist with its progress over time",
        )

        stack = controller.undo_stack
        self.undo = StackAction("&Undo", window)
        self.undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo.triggered.connect(lambda _checked=False: controller.undo())
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.undoTextChanged.connect(self.undo.show_text)
        self.redo = StackAction("&Redo", window)
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.triggered.connect(lambda _checked=False: controller.redo())
        stack.canRedoChanged.connect(self.redo.setEnabled)
        stack.redoTextChanged.connect(self.redo.show_text)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())

    def file_actions(self) -> list[QAction]:
        """Export, import and restore, in their order in the File menu."""
        return [
            self.export_plan,
            self.export_csv,
            self.export_calendar,
            self.import_plan,
            self.restore,
            self.print_plan,
        ]

    def edit_actions(self) -> list[QAction]:
        """Undo and Redo, in their order in the Edit menu."""
        return [self.undo, self.redo]


def _action(
    parent: QObject, text: str, shortcut: str, slot: Callable[[], object], tip: str
) -> QAction:
    action = QAction(text, parent)
    action.setShortcut(QKeySequence(shortcut))
    action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def _print_plan(controller: PlanController, window: QWidget) -> bool:
    """The print dialog for the plan printout (issue 17b); its text edits committed first."""
    from ptplanner.ui.report.plan.output import print_plan_with_dialog

    controller.flush()
    return print_plan_with_dialog(window, controller.plan, controller.today())
