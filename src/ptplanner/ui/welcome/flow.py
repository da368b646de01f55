"""The welcome page in the window: shown in front of the tabs, its answers applied when it closes.

A first launch (no plan file, the welcome not yet done) opens on it; File > New plan... opens it
again, filled in from the Salary profile. Choosing a start makes the answers the Salary profile
and puts the chosen plan in through the plan controller's undoable ``replace_plan``, so one
Edit > Undo brings the old plan back; a plan with steps is only replaced after a confirmation.
Skipping changes nothing but marks the welcome done, so the next launch opens on the tabs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QTabWidget, QWidget

from ptplanner.core.plan.model import step_count
from ptplanner.ui.welcome.page import WelcomePage

if TYPE_CHECKING:
    from ptplanner.core.settings import Settings
    from ptplanner.ui.tabs.plan.controller import PlanController
    from ptplanner.ui.tabs.salary.scenario import ScenarioModel


def is_first_launch(settings: Settings, controller: PlanController) -> bool:
    """No plan file yet (nothing loaded, nothing recovered) and the welcome never finished."""
    return (
        not settings.welcome_done
        and controller.load_result.is_new
        and not controller.read_only
        and not controller.plan.milestones
    )


class WelcomeFlow(QObject):
    """Puts a :class:`WelcomePage` in ``stack`` in front of ``tabs`` (the Plan tab last) and
    applies what is chosen on it."""

    finished = Signal(str)
    """The choice ("ready", "empty" or "skip") once the page has closed."""

    def __init__(
        self,
        stack: QStackedWidget,
        tabs: QTabWidget,
        scenario: ScenarioModel,
        controller: PlanController,
        settings: Settings,
        save_settings: Callable[[], None],
    ) -> None:
        super().__init__(stack)
        self._stack = stack
        self._tabs = tabs
        self._scenario = scenario
        self._controller = controller
        self._settings = settings
        self._save_settings = save_settings
        self._back_to: QWidget | None = None
        self.page: WelcomePage | None = None

    def open_if_first_launch(self) -> None:
        if is_first_launch(self._settings, self._controller):
            self.open(first_launch=True)

    def open(self, *, first_launch: bool) -> WelcomePage | None:
        """Show the page (filled in from the Salary profile); None if the plan is read-only."""
        if self.page is not None:
            return self.page
        if not self._controller.check_editable():
            return None
        page = WelcomePage(
            self._scenario.inputs, self._controller.today(), first_launch=first_launch
        )
        page.chosen.connect(self._chosen)
        self._first_launch = first_launch
        self._back_to = self._stack.currentWidget()
        self._stack.addWidget(page)
        self._stack.setCurrentWidget(page)
        page.location.setFocus()
        self.page = page
        return page

    def _chosen(self, choice: str) -> None:
        page = self.page
        assert page is not None
        if choice != "skip":
            milestones = page.ready_plan().milestones if choice == "ready" else ()
            if not self._first_launch and not self._confirm(page):
                return
            self._scenario.update(**page.answers().changes)
            label = "Start from the ready plan" if choice == "ready" else "Start an empty plan"
            current = self._controller.plan
            self._controller.replace_plan(
                current.model_copy(update={"milestones": milestones}), label
            )
        self._settings.welcome_done = True
        self._save_settings()
        self.page = None
        if self._back_to is not None:
            self._stack.setCurrentWidget(self._back_to)
        self._stack.removeWidget(page)
        page.deleteLater()
        if choice != "skip":  # show the plan just made
            self._tabs.setCurrentIndex(self._tabs.count() - 1)
        self._tabs.currentWidget().setFocus()
        self.finished.emit(choice)

    def _confirm(self, page: WelcomePage) -> bool:
        """Whether to replace a plan that has steps (always yes for one without)."""
        count = step_count(self._controller.plan)
        if count == 0:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Replace your plan?",
            f"Your plan has {count} steps. The new plan replaces them.",
            QMessageBox.StandardButton.Cancel,
            page,
        )
        box.setInformativeText("Edit > Undo brings your plan back.")
        replace = box.addButton("Replace", QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is replace
