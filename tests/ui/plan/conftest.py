"""Fixtures of the Plan tab's tests: the tab on a plan file of the test's own.

The tab sits in a small main window that offers the controller its File and Edit menus, exactly
as the real window does, so Ctrl+Z and Ctrl+Shift+Z go through the Edit menu's actions. Qt is
imported inside the fixtures, as in tests/ui/conftest.py, so this file loads without PySide6.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from plan_tab_helpers import OpenTab
    from pytestqt.qtbot import QtBot

    from ptplanner.core.plan.model import Plan
    from ptplanner.ui.tabs.plan.controller import PlanController
    from ptplanner.ui.tabs.plan.tab import PlanTab


@pytest.fixture
def open_tab(qtbot: QtBot, plan_path: Path) -> Iterator[OpenTab]:
    from fit_checks import MenuWindow, show_active
    from plan_tab_helpers import TODAY, sample_plan

    from ptplanner.ui.tabs.plan.controller import PlanController
    from ptplanner.ui.tabs.plan.tab import PlanTab

    controllers: list[PlanController] = []

    def open_(plan: Plan | None = sample_plan(), *, size: tuple[int, int] = (1280, 800)) -> PlanTab:  # noqa: B008
        if plan is not None and not plan_path.exists():
            plan_path.parent.mkdir(parents=True, exist_ok=True)
            plan_path.write_text(plan.model_dump_json(), encoding="utf-8")
        controller = PlanController(plan_path, today=lambda: TODAY)
        controllers.append(controller)
        window = MenuWindow()
        tab = PlanTab(controller)
        window.setCentralWidget(tab)
        window.show_plan(controller)
        show_active(qtbot, window, size)
        return tab

    yield open_
    for controller in controllers:
        controller.close()


@pytest.fixture
def tab(open_tab: OpenTab) -> PlanTab:
    return open_tab()
