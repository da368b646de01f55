"""For the Plan tab's tests (tests/ui/plan/): sample plans, and what a person does in the tab.

The fixtures that open the tab (``open_tab``, ``tab``) are in tests/ui/plan/conftest.py.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.ui.tabs.plan.tab import PlanTab

TODAY = date(2026, 11, 25)
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class OpenTab(Protocol):
    """The ``open_tab`` fixture: the tab on ``plan`` (None: on whatever file is there) in a
    small main window of ``size``, shown and active, its controller's "today" being TODAY."""

    def __call__(self, plan: Plan | None = ..., *, size: tuple[int, int] = ...) -> PlanTab: ...


def sample_plan() -> Plan:
    return Plan(
        milestones=(
            Milestone(id="ged", title="Finish a GED", status=Status.DONE, done_date=TODAY),
            Milestone(
                id="cmaa",
                title="CMAA certification",
                salary_link=SalaryLink.parse("certification:cmaa"),
                target_date=date(2027, 4, 1),
                notes="NHA exam; about $125",
                children=(
                    Milestone(id="study", title="Study for the CMAA exam"),
                    Milestone(id="book", title="Book the CMAA exam"),
                ),
            ),
            Milestone(id="emr", title="Learn an EMR such as WebPT"),
            Milestone(id="late", title="Send the résumé", target_date=TODAY - timedelta(days=2)),
        )
    )


def big_plan(count: int = 10_000) -> Plan:
    per_group = 99
    groups = count // (per_group + 1)
    milestones = tuple(
        Milestone(
            id=f"g{g}",
            title=f"Group {g}",
            target_date=TODAY + timedelta(days=g),
            children=tuple(
                Milestone(
                    id=f"g{g}-{i}",
                    title=f"Step {g}.{i}",
                    status=Status.DONE if i % 3 == 0 else Status.NOT_STARTED,
                    target_date=TODAY + timedelta(days=i - 50),
                )
                for i in range(per_group)
            ),
        )
        for g in range(groups)
    )
    return Plan(milestones=milestones)


def titles(tab: PlanTab, parent: QModelIndex | None = None) -> list[str]:
    """What the tree shows under ``parent`` (top level by default), top to bottom."""
    model = tab.tree.model()
    parent = parent or QModelIndex()
    return [model.index(r, 0, parent).data() for r in range(model.rowCount(parent))]


def row_of(tab: PlanTab, milestone_id: str) -> QModelIndex:
    index: QModelIndex = tab.model.index_of(milestone_id)
    assert index.isValid(), milestone_id
    return index


def select(qtbot: QtBot, tab: PlanTab, milestone_id: str) -> None:
    """Click the row, as a person would, and leave the keyboard focus in the tree."""
    index = row_of(tab, milestone_id)
    tab.tree.scrollTo(index)
    rect = tab.tree.visualRect(index)
    QTest.mouseClick(tab.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.current_id() == milestone_id
    assert tab.tree.hasFocus()


def key(
    qtbot: QtBot,
    widget: QWidget,
    k: Qt.Key,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    QTest.keyClick(widget, k, mods)
