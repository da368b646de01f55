"""The welcome page: a first launch answers a few questions and picks its plan; nothing is written
before the choice; File > New plan... opens it again and one undo brings the old plan back."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("PySide6")

from fit_checks import show_active
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from ptplanner.core import paths
from ptplanner.core.format import money
from ptplanner.core.locations import find_area
from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.settings import Settings, load_settings, save_settings
from ptplanner.ui.main_window import MainWindow
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.tabs.salary.tab import SalaryTab
from ptplanner.ui.welcome.page import WelcomePage


def open_window(qtbot: QtBot, size: tuple[int, int] = (1280, 800)) -> MainWindow:
    window = MainWindow()
    with qtbot.waitSignal(window.loaded, timeout=10_000):
        show_active(qtbot, window, size)
    return window


def welcome_page(window: MainWindow) -> WelcomePage:
    page = window.stack.currentWidget()
    assert isinstance(page, WelcomePage), page
    return page


def plan_titles(tab: PlanTab) -> list[str]:
    model = tab.tree.model()
    found: list[str] = []
    pending = [model.index(r, 0) for r in range(model.rowCount())]
    while pending:
        index = pending.pop(0)
        found.append(index.data())
        pending.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return found


def click(button: QWidget) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def reactivate(qtbot: QtBot, window: MainWindow) -> None:
    """What the window manager does when a popup or a question closes: the window is active
    again. Offscreen Qt leaves no window active then, and shortcuts need one."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def offered_steps(page: WelcomePage) -> int:
    found = re.search(r"has (\d+) steps", page.plan_text.text())
    assert found, page.plan_text.text()
    return int(found.group(1))


@pytest.mark.usefixtures("first_launch")
def test_a_first_launch_greets_and_writes_no_plan_before_the_choice(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = welcome_page(window)
    assert page.heading.text() == "Welcome to PT Planner"
    assert page.location.hasFocus()
    controller = window.plan_controller
    assert controller is not None
    assert controller.plan.milestones == ()
    assert window.scenario.plan_profile().events == ()
    qtbot.wait(1500)  # longer than autosave's pause after an edit
    assert not paths.plan_file().exists()
    assert controller.save_status() == "All changes saved"


@pytest.mark.usefixtures("first_launch")
def test_the_answers_make_the_profile_and_fit_the_ready_plan(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = welcome_page(window)
    page.location.selectAll()
    QTest.keyClicks(page.location, "boston")
    popup = page.location.completer().popup()
    assert popup is not None
    assert popup.isVisible()
    QTest.keyClick(popup, Qt.Key.Key_Down)
    QTest.keyClick(popup, Qt.Key.Key_Return)  # the suggestion, as a person picks it
    assert not popup.isVisible()
    assert page.location.text() == find_area("boston").name
    reactivate(qtbot, window)
    page.years.setFocus()
    page.years.selectAll()
    QTest.keyClicks(page.years, "2")
    page.education.setFocus()
    QTest.keyClicks(page.education, "High")  # typing picks "High school diploma or GED"
    click(page.credentials["cmaa"])
    assert page.credentials["cmaa"].isChecked()
    offered = offered_steps(page)
    assert not paths.plan_file().exists()

    click(page.ready_button)

    assert window.stack.currentWidget() is window.tabs
    assert window.tabs.currentIndex() == 3
    plan_tab = window.page("plan")
    assert isinstance(plan_tab, PlanTab)
    titles = plan_titles(plan_tab)
    assert "Finish high school or a GED" not in titles
    assert not [t for t in titles if "CMAA" in t]
    assert "CEHRS certification" in titles
    assert "Associate degree (optional)" in titles
    assert plan_tab.header.counts_label.text() == f"0 of {offered} steps done"
    qtbot.waitUntil(paths.plan_file().exists, timeout=3000)

    boston = find_area("boston").name
    want = SalaryInputs(
        location=boston,
        years_experience=2,
        education="hs",
        certifications=frozenset({"cmaa"}),
    )
    assert window.scenario.inputs == want
    QTest.keyClick(plan_tab.tree, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    salary = window.page("salary")
    assert isinstance(salary, SalaryTab)
    qtbot.waitUntil(lambda: salary.figures.typical_label.text() != "—", timeout=3000)
    assert salary.figures.typical_label.text() == money(estimate(want).typical)
    window.close()
    saved = load_settings()
    assert saved.welcome_done
    assert saved.salary_inputs is not None
    assert saved.salary_inputs["location"] == boston


@pytest.mark.usefixtures("first_launch")
def test_still_finishing_school_keeps_that_step(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = welcome_page(window)
    page.education.setCurrentIndex(page.education.findData("none"))
    click(page.ready_button)
    plan_tab = window.page("plan")
    assert isinstance(plan_tab, PlanTab)
    assert "Finish high school or a GED" in plan_titles(plan_tab)
    assert window.scenario.inputs.education == "hs"


@pytest.mark.usefixtures("first_launch")
def test_skipping_leaves_an_empty_plan_with_the_plan_tabs_two_starts(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = welcome_page(window)
    QTest.keyClick(page.location, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.tabs
    assert load_settings().welcome_done
    window.tabs.setCurrentIndex(3)
    plan_tab = window.page("plan")
    assert isinstance(plan_tab, PlanTab)
    assert plan_tab.stack.currentWidget() is plan_tab.empty_page
    assert not paths.plan_file().exists()
    assert window.scenario.inputs == SalaryInputs()


@pytest.mark.usefixtures("first_launch")
def test_an_unknown_place_is_said_and_nothing_is_chosen(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    page = welcome_page(window)
    page.location.selectAll()
    QTest.keyClicks(page.location, "Atlantis")
    assert "unknown location" in page.location_note.text().lower()
    click(page.ready_button)
    assert window.stack.currentWidget() is page
    assert page.location.hasFocus()
    assert window.plan_controller is not None
    assert window.plan_controller.plan.milestones == ()


@pytest.mark.usefixtures("first_launch")
def test_quitting_on_the_welcome_greets_again_next_time(qtbot: QtBot) -> None:
    window = open_window(qtbot)
    welcome_page(window)
    window.close()
    assert not paths.plan_file().exists()
    assert not load_settings().welcome_done
    again = open_window(qtbot)
    welcome_page(again)
    again.close()


def answer_box(qtbot: QtBot, button_text: str, seen: list[str]) -> None:
    """Press ``button_text`` in the message box about to open (it runs its own event loop)."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        button = next(b for b in box.findChildren(QPushButton) if b.text() == button_text)
        click(button)

    QTimer.singleShot(0, press)


def test_new_plan_asks_first_and_one_undo_brings_the_old_plan_back(qtbot: QtBot) -> None:
    settings = Settings(
        welcome_done=True, salary_inputs={"location": "Texas", "education": "bachelor"}
    )
    save_settings(settings)
    mine = Plan(
        milestones=(
            Milestone(id="a", title="Shadow a coordinator"),
            Milestone(id="b", title="Learn WebPT"),
        )
    )
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(mine.model_dump_json(), encoding="utf-8")
    window = open_window(qtbot)
    assert window.stack.currentWidget() is window.tabs  # a returning user: no welcome
    controller = window.plan_controller
    assert controller is not None
    assert "New plan..." in [a.text().replace("&", "") for a in window.file_menu.actions()]

    window.new_plan_action.trigger()
    page = welcome_page(window)
    assert page.heading.text() == "Start a new plan"
    assert page.location.text() == "Texas"  # filled in from the Salary profile
    assert page.education.currentData() == "bachelor"

    seen: list[str] = []
    answer_box(qtbot, "Cancel", seen)
    click(page.ready_button)
    assert seen == ["Your plan has 2 steps. The new plan replaces them."]
    assert window.stack.currentWidget() is page
    assert [m.title for m in controller.plan.milestones] == ["Shadow a coordinator", "Learn WebPT"]

    answer_box(qtbot, "Replace", seen)
    click(page.ready_button)
    assert window.stack.currentWidget() is window.tabs
    titles = [m.title for m in controller.plan.milestones]
    assert "CMAA certification" in titles
    assert not [t for t in titles if "degree" in t or "high school" in t]  # a bachelor's holder

    plan_tab = window.page("plan")
    assert isinstance(plan_tab, PlanTab)
    reactivate(qtbot, window)
    QTest.keyClick(plan_tab.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [m.title for m in controller.plan.milestones] == ["Shadow a coordinator", "Learn WebPT"]
    qtbot.waitUntil(lambda: "Shadow a coordinator" in paths.plan_file().read_text(), timeout=3000)
    on_disk = json.loads(paths.plan_file().read_text(encoding="utf-8"))
    assert len(on_disk["milestones"]) == 2


@pytest.mark.usefixtures("first_launch")
@pytest.mark.parametrize("size", [(1024, 768), (1600, 1000)])
def test_the_page_fits_and_every_control_has_a_name(qtbot: QtBot, size: tuple[int, int]) -> None:
    window = open_window(qtbot, size)
    page = welcome_page(window)
    qtbot.wait(1)
    for control in (
        page.location,
        page.years,
        page.education,
        page.employer,
        *page.credentials.values(),
        page.ready_button,
        page.empty_button,
        page.skip_button,
    ):
        assert control.accessibleName(), control
        assert control.isVisibleTo(page)
    # Everything, the three buttons too, is in view without scrolling, each button whole.
    for button in (page.ready_button, page.empty_button, page.skip_button):
        assert button.width() >= button.sizeHint().width()
        corner = button.mapTo(window, button.rect().bottomRight())
        assert window.stack.geometry().contains(corner), (size, corner)
    # Tab walks the questions in reading order, then the buttons.
    page.location.setFocus()
    order: list[QWidget | None] = [page.location]
    for _ in range(9):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order.index(page.years) < order.index(page.education) < order.index(page.employer)
    assert order.index(page.employer) < order.index(page.ready_button)


def test_the_plan_tabs_ready_plan_is_fitted_to_the_profile_too(qtbot: QtBot) -> None:
    """Skipped welcome, then the Plan tab's own "Start from the ready plan": the same fitted plan
    the welcome page offers (no CMAA steps for a CMAA holder), counted the same on the page."""
    window = open_window(qtbot)
    window.scenario.update(certifications={"cmaa"}, years_experience=2.0)
    window.tabs.setCurrentIndex(3)
    tab = window.page("plan")
    assert isinstance(tab, PlanTab)
    empty = tab.empty_page
    qtbot.waitUntil(empty.isVisible, timeout=2000)
    found = re.search(r"ready plan \((\d+) steps", empty.choice.text())
    assert found, empty.choice.text()
    click(empty.ready_button)
    titles = plan_titles(tab)
    assert titles
    assert not any("CMAA" in title for title in titles), titles
    controller = window.plan_controller
    assert controller is not None
    assert controller.plan.leaf_counts()[1] == int(found.group(1))
