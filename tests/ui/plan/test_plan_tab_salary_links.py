"""A step's salary link chosen in the Plan tab, and what it does to the salary projection."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import CTRL, TODAY, OpenTab, key, row_of, select
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink
from ptplanner.core.plan.salary_link import plan_effects
from ptplanner.core.projection import Event
from ptplanner.ui.tabs.plan.tab import PlanTab
from ptplanner.ui.tabs.plan.tree_model import PlanTreeModel


def test_marking_cmaa_done_in_the_tab_feeds_the_salary_projection(
    qtbot: QtBot, tab: PlanTab
) -> None:
    select(qtbot, tab, "cmaa")
    assert "from 2027" in tab.details.fields.pay_label.text()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert "cmaa" in blocker.args[0].certifications
    assert blocker.args[0] == plan_effects(tab.controller.plan, TODAY)
    assert "counts as yours now" in tab.details.fields.pay_label.text()


def test_the_salary_link_is_chosen_in_two_combos(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "emr")
    tab.details.fields.link_kind_combo.setFocus()
    kind_row = tab.details.fields.link_kind_combo.findData("employer_type")
    tab.details.fields.link_kind_combo.setCurrentIndex(kind_row)
    tab.details.fields.link_kind_combo.activated.emit(kind_row)
    value_row = tab.details.fields.link_value_combo.findData("hospital")
    tab.details.fields.link_value_combo.setCurrentIndex(value_row)
    tab.details.fields.link_value_combo.activated.emit(value_row)
    assert tab.controller.plan.get("emr").salary_link == SalaryLink.parse("employer_type:hospital")
    assert tab.controller.undo_stack.count() == 1  # quick successive choices merge


def lead_plan() -> Plan:
    return Plan(
        milestones=(
            Milestone(id="lead", title="Become the lead coordinator", target_date=date(2028, 3, 1)),
            Milestone(id="emr", title="Learn an EMR such as WebPT"),
        )
    )


def test_picking_promotion_puts_a_promotion_raise_in_the_projection(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    tab = open_tab(lead_plan())
    select(qtbot, tab, "lead")
    assert tab.details.fields.link_kind_combo.currentText() == "None"
    assert not tab.details.fields.link_value_combo.isVisible()  # nothing to choose without a link
    tab.details.fields.link_kind_combo.setFocus()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        QTest.keyClicks(
            tab.details.fields.link_kind_combo, "Pro"
        )  # typing picks an entry, as in any combo
    expected = Event(
        year=2028,
        kind="promotion",
        value="",
        label="Become the lead coordinator (promotion, Mar 2028)",
    )
    assert blocker.args[0].events == (expected,)
    assert tab.controller.salary_effects().events == (expected,)
    assert tab.controller.plan.get("lead").salary_link == SalaryLink.parse("promotion")
    # What the person sees: the choice, no value box, the link in the list and what it does.
    assert tab.details.fields.link_kind_combo.currentText() == "Promotion"
    assert not tab.details.fields.link_value_combo.isVisible()
    assert row_of(tab, "lead").siblingAtColumn(PlanTreeModel.LINK).data() == "Promotion"
    pay = tab.details.fields.pay_label.text()
    assert "In your salary projection: a promotion raise from 2028, the target year." in pay
    assert "10% by default, ptplanner's own round figure" in pay

    # Done, it is a raise already had: the projection leaves it out.
    tab.tree.setFocus()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert blocker.args[0].is_empty
    assert "not a raise still to come" in tab.details.fields.pay_label.text()
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)
    assert tab.controller.salary_effects().events == (expected,)

    # Another kind brings the value box back with its first choice.
    tab.details.fields.link_kind_combo.setFocus()
    key(qtbot, tab.details.fields.link_kind_combo, Qt.Key.Key_Home)  # None
    key(qtbot, tab.details.fields.link_kind_combo, Qt.Key.Key_Down)  # Certification
    assert tab.details.fields.link_kind_combo.currentText() == "Certification"
    assert tab.details.fields.link_value_combo.isVisible()
    assert tab.controller.plan.get("lead").salary_link == SalaryLink.parse("certification:cmaa")
    assert tab.controller.salary_effects().events[0].kind == "certification"
