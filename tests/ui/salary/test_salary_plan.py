"""The Salary tab and the plan agree: what the plan marks done shows ticked "(from your plan)"
and cannot be unticked here, the plan's first job sets where experience starts, and the figures
are the ones the core derives from the saved profile and the plan (as the command line does)."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from fit_checks import hover_tip
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from salary_tab_helpers import click, show_page

from ptplanner.core.format import money
from ptplanner.core.plan.model import Status
from ptplanner.core.plan.operations import set_status
from ptplanner.core.plan.profile import profile_for_plan
from ptplanner.core.plan.salary_link import PlanEffects, plan_effects
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.tabs.salary.tab import SalaryTab

TODAY = date(2026, 1, 15)


def test_what_the_plan_marks_done_shows_ticked_from_the_plan(tab: SalaryTab, qtbot: QtBot) -> None:
    plan = ready_plan(TODAY)
    steps = {m.title: m.id for m in plan.flatten()}
    # Every sub-step of the CMAA step done (the parent follows by the parent done rule), and the
    # EMR skill step done.
    for title in ("Study for the CMAA exam", "Book the CMAA exam", "Pass the CMAA exam"):
        plan = set_status(plan, steps[title], Status.DONE, TODAY).plan
    plan = set_status(plan, steps["Learn an EMR system such as WebPT"], Status.DONE, TODAY).plan
    tab.scenario.set_plan_effects(plan_effects(plan, TODAY))

    cmaa, emr = tab.inputs.cert_checks["cmaa"], tab.inputs.skill_checks["emr"]
    for box, mark in (
        (cmaa, tab.inputs.certs_box.plan_marks["cmaa"]),
        (emr, tab.inputs.skills_box.plan_marks["emr"]),
    ):
        assert box.isChecked()
        assert mark.isVisible()
        assert mark.text() == "(from your plan)"
        # Right under its box.
        assert mark.geometry().top() - box.geometry().bottom() < box.height()
        assert not box.isEnabled()
        assert "change the step in the Plan tab" in hover_tip(box)
    assert not tab.inputs.cert_checks["cehrs"].isChecked()
    assert tab.inputs.cert_checks["cehrs"].isEnabled()
    click(qtbot, cmaa)  # cannot be unticked here
    assert cmaa.isChecked()
    # The saved profile stays the person's own; the plan's part is added on top.
    assert tab.scenario.inputs == SalaryInputs()
    held = SalaryInputs(certifications=frozenset({"cmaa"}), skills=frozenset({"emr"}))
    today = estimate(held, year=2026)
    assert tab.figures.typical_label.text() == money(today.typical)
    # The same profile the command line derives from the saved profile and the plan.
    derived = profile_for_plan(SalaryInputs(), plan, TODAY)
    assert derived.inputs == tab.scenario.effective_inputs() == held
    want = project(
        ProjectionRequest(
            inputs=derived.inputs,
            years=10,
            start_year=2026,
            events=derived.events,
            work_starts=derived.work_starts,
        )
    )
    assert tab.plot.typical_curve.getData()[1] == pytest.approx([r.typical_real for r in want.rows])
    # A diploma already held: "Finish high school or a GED" is no planned change.
    text = tab.context_label.plain_text() + tab.context_label.toolTip()
    assert "Finish high school" not in text
    assert "Certifications held: CMAA" in text

    # Leaving the plan out gives the boxes back to the person.
    tab.inputs.plan_check.setChecked(False)
    assert not cmaa.isChecked()
    assert cmaa.isEnabled()
    assert not tab.inputs.certs_box.plan_marks["cmaa"].isVisible()
    assert tab.figures.typical_label.text() == money(estimate(SalaryInputs(), year=2026).typical)


def test_planned_changes_are_listed_by_date(tab: SalaryTab) -> None:
    later = Event(year=2029, month=3, kind="certification", value="cehrs", label="CEHRS (Mar 2029)")
    sooner = Event(year=2027, month=11, kind="skill", value="excel", label="Excel (Nov 2027)")
    soonest = Event(year=2027, month=2, kind="skill", value="emr", label="EMR (Feb 2027)")
    tab.scenario.set_plan_effects(PlanEffects(events=(later, sooner, soonest)))
    text = tab.context_label.plain_text()
    at = [text.index(e.label) for e in (soonest, sooner, later)]
    assert at == sorted(at)


def test_a_planned_move_and_employer_come_from_the_plan(tab: SalaryTab) -> None:
    tab.scenario.set_plan_effects(PlanEffects(employer_type="hospital", location="texas"))
    panel = tab.inputs
    assert panel.employer_combo.currentData() == "hospital"
    assert not panel.employer_combo.isEnabled()
    assert panel.location_combo.currentText() == "Texas"
    assert not panel.location_combo.isEnabled()
    assert "Plan tab" in panel.location_combo.toolTip()
    assert panel.plan_note.isVisible()
    assert panel.plan_note.text().startswith("Your location and employer come from your plan.")
    today = estimate(SalaryInputs(location="texas", employer_type="hospital"), year=2026)
    assert tab.figures.typical_label.text() == money(today.typical)
    assert tab.scenario.inputs.location == "National"  # the person's own stays as it was
    panel.plan_check.setChecked(False)
    assert panel.employer_combo.isEnabled()
    assert panel.location_combo.currentText() == "National"
    assert not panel.plan_note.isVisible()


def test_the_plans_first_job_sets_where_experience_starts(tab: SalaryTab, qtbot: QtBot) -> None:
    first_job = Event(
        year=2028,
        month=10,
        kind="role",
        value="care_coordinator",
        label="Land your first care coordinator job (Oct 2028)",
    )
    tab.scenario.set_plan_effects(PlanEffects(events=(first_job,)))
    role = tab.inputs.role_combo
    assert role.currentData() == "care_coordinator"
    assert not role.isEnabled()
    assert "role" in tab.inputs.plan_note.text()
    assert "First job: PT care coordinator from 2028" in tab.context_label.plain_text()
    want = project(ProjectionRequest(years=10, start_year=2026, work_starts=2028))
    show_page(qtbot, tab, "Year by year")
    model = tab.details.year_model
    cells = [(model.index(r, 1).data(), model.index(r, 2).data()) for r in range(4)]
    assert cells == [
        ("Not working yet", "0 yrs"),
        ("Not working yet", "0 yrs"),
        ("PT care coordinator, entry level", "0 yrs"),
        ("PT care coordinator, entry level", "1 yr"),
    ]
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == [
        money(r.typical_real) for r in want.rows
    ]
    tip = model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Before your first job")
