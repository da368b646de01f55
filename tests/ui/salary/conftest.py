"""Fixtures of the Salary tab's tests: the tab on a scenario of its own, shown at 1280x800.

Qt is imported inside the fixture, as in tests/ui/conftest.py, so this file loads without
PySide6.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from ptplanner.ui.tabs.salary.tab import SalaryTab


@pytest.fixture
def tab(qtbot: QtBot) -> SalaryTab:
    from ptplanner.ui.tabs.salary.scenario import ScenarioModel
    from ptplanner.ui.tabs.salary.tab import SalaryTab

    scenario = ScenarioModel()
    scenario.start_year = 2026
    widget = SalaryTab(scenario)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
