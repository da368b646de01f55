"""What the Salary tab's tests (tests/ui/salary/) do as a person would, and what they expect."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.qtbot import QtBot

from ptplanner.core.projection import ProjectionRequest
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.main_window import MainWindow
from ptplanner.ui.tabs.salary.tab import SalaryTab


def salary_page(window: MainWindow) -> SalaryTab:
    """The window's Salary tab, built if it was not yet."""
    page = window.page("salary")
    assert isinstance(page, SalaryTab)
    return page


def click(qtbot: QtBot, button: QWidget) -> None:
    """Click where a person would: on the box and its label, not the stretched empty space."""
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def show_page(qtbot: QtBot, tab: SalaryTab, title: str) -> None:
    """Pick a detail sub-tab by clicking its title, as a person would."""
    bar = tab.details.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == title)
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tab.details.currentIndex() == index


def cell(table: QAbstractItemView, row: int, column: int) -> str:
    text = table.model().index(row, column).data()
    assert isinstance(text, str)
    return text


def expected(**inputs: Any) -> ProjectionRequest:
    """The request the tab makes for these inputs: ten years from 2026."""
    return ProjectionRequest(inputs=SalaryInputs(**inputs), years=10, start_year=2026)
