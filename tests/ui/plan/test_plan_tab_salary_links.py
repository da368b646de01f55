"""A step's salary link chosen in the Plan tab, and what it does to the salary projection."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import CTRL, SHIFT, TODAY, OpenTab, key, row_of, select
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


def test_picking_a_role_puts_that_job_in_the_projection(qtbot: QtBot, open_tab: OpenTab) -> None:
    tab = open_tab(lead_plan())
    fields = tab.details.fields
    select(qtbot, tab, "lead")
    assert fields.link_kind_combo.currentText() == "None"
    assert not fields.link_value_combo.isVisible()  # nothing to choose without a link
    fields.link_kind_combo.setFocus()
    QTest.keyClicks(fields.link_kind_combo, "Rol")  # typing picks an entry, as in any combo
    assert fields.link_kind_combo.currentText() == "Role"
    assert fields.link_value_combo.isVisible()
    shown = [fields.link_value_combo.itemText(i) for i in range(fields.link_value_combo.count())]
    assert shown == [
        "Receptionist / front desk",
        "PT care coordinator",
        "Senior / lead coordinator",
        "Office manager",
        "Practice administrator / health services manager",
    ]
    fields.link_value_combo.setFocus()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        QTest.keyClicks(fields.link_value_combo, "Sen")
    expected = Event(
        year=2028,
        month=3,
        kind="role",
        value="senior_coordinator",
        label="Become the lead coordinator (Mar 2028)",
    )
    assert blocker.args[0].events == (expected,)
    assert tab.controller.plan.get("lead").salary_link == SalaryLink.parse(
        "role:senior_coordinator"
    )
    # What the person sees: the link in the list and what it does, in words.
    link_cell = row_of(tab, "lead").siblingAtColumn(PlanTreeModel.LINK)
    assert link_cell.data() == "Senior / lead coordinator"
    pay = fields.pay_label.text()
    assert pay.startswith("In your salary projection: from 2028, the target year, your pay ")
    assert "BLS pay for senior / lead coordinator jobs (SOC 43-6013; BLS OEWS, May 2025)" in pay
    assert "Usual prerequisites, shown and not enforced: The guide places this title" in pay
    assert "%" not in pay  # no fixed raise

    # Done, it is the role now.
    tab.tree.setFocus()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert blocker.args[0].role == "senior_coordinator"
    assert blocker.args[0].events == ()
    assert "you work as a senior / lead coordinator now" in fields.pay_label.text()
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)
    assert tab.controller.salary_effects().events == (expected,)


def test_an_old_promotion_link_is_the_next_role(qtbot: QtBot, open_tab: OpenTab) -> None:
    tab = open_tab(lead_plan())
    fields = tab.details.fields
    select(qtbot, tab, "lead")
    fields.link_kind_combo.setFocus()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        QTest.keyClicks(fields.link_kind_combo, "Pro")
    assert [(e.kind, e.value, e.label) for e in blocker.args[0].events] == [
        ("promotion", "", "Become the lead coordinator (promotion, Mar 2028)")
    ]
    assert fields.link_kind_combo.currentText() == "Promotion"
    assert not fields.link_value_combo.isVisible()
    assert row_of(tab, "lead").siblingAtColumn(PlanTreeModel.LINK).data() == "Promotion"
    pay = fields.pay_label.text()
    assert "a move to the next role up the career ladder from 2028, the target year" in pay
    assert "%" not in pay

    # Another kind brings the value box back with its first choice.
    key(qtbot, fields.link_kind_combo, Qt.Key.Key_Home)  # None
    key(qtbot, fields.link_kind_combo, Qt.Key.Key_Down)  # Role
    key(qtbot, fields.link_kind_combo, Qt.Key.Key_Down)  # Certification
    assert fields.link_kind_combo.currentText() == "Certification"
    assert fields.link_value_combo.isVisible()
    assert tab.controller.plan.get("lead").salary_link == SalaryLink.parse("certification:cmaa")
    assert tab.controller.salary_effects().events[0].kind == "certification"


def test_a_skill_step_done_counts_the_skill(qtbot: QtBot, tab: PlanTab) -> None:
    fields = tab.details.fields
    select(qtbot, tab, "emr")
    fields.link_kind_combo.setFocus()
    QTest.keyClicks(fields.link_kind_combo, "Sk")
    assert fields.link_kind_combo.currentText() == "Skill"
    assert fields.link_value_combo.currentText() == "EMR/EHR proficiency (WebPT, Epic, ...)"
    assert tab.controller.plan.get("emr").salary_link == SalaryLink.parse("skill:emr")
    tab.tree.setFocus()
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert blocker.args[0].skills == {"emr"}
    assert row_of(tab, "emr").siblingAtColumn(PlanTreeModel.LINK).data() == "EMR/EHR proficiency"


def test_ticking_the_last_sub_step_ticks_the_parent_and_ctrl_z_undoes_both(
    qtbot: QtBot, tab: PlanTab
) -> None:
    """The parent done rule in the window: one edit, one undo step."""

    def done_box(milestone_id: str) -> object:
        cell = row_of(tab, milestone_id).siblingAtColumn(PlanTreeModel.DONE)
        return cell.data(Qt.ItemDataRole.CheckStateRole)

    tab.tree.expand(row_of(tab, "cmaa"))
    select(qtbot, tab, "study")
    key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert done_box("cmaa") == Qt.CheckState.Unchecked  # "book" is still open
    assert tab.controller.undo_stack.count() == 1
    select(qtbot, tab, "book")
    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert done_box("book") == Qt.CheckState.Checked
    assert done_box("cmaa") == Qt.CheckState.Checked
    cmaa = row_of(tab, "cmaa")
    assert cmaa.siblingAtColumn(PlanTreeModel.STATUS).data() == "Done"
    assert cmaa.siblingAtColumn(PlanTreeModel.DONE).data(Qt.ItemDataRole.ToolTipRole) == (
        "Done on Nov 25, 2026"
    )
    assert "cmaa" in blocker.args[0].certifications  # the CMAA counts in the salary projection
    assert tab.controller.undo_stack.count() == 2
    assert tab.controller.undo_stack.undoText() == "Mark 'Book the CMAA exam' done"

    with qtbot.waitSignal(tab.controller.salary_effects_changed, timeout=1000) as blocker:
        key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL)
    assert done_box("book") == Qt.CheckState.Unchecked
    assert done_box("cmaa") == Qt.CheckState.Unchecked
    assert tab.controller.plan.get("cmaa").done_date is None
    assert cmaa.siblingAtColumn(PlanTreeModel.STATUS).data() == "Not started"
    assert "cmaa" not in blocker.args[0].certifications
    assert done_box("study") == Qt.CheckState.Checked  # the earlier edit stays

    # Redo brings both back; un-ticking the sub-step then reopens the parent.
    key(qtbot, tab.tree, Qt.Key.Key_Z, CTRL | SHIFT)
    assert done_box("cmaa") == Qt.CheckState.Checked
    select(qtbot, tab, "book")
    key(qtbot, tab.tree, Qt.Key.Key_Space)
    assert done_box("cmaa") == Qt.CheckState.Unchecked
    assert cmaa.siblingAtColumn(PlanTreeModel.STATUS).data() == "In progress"
