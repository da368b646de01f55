"""The Salary tab's inputs driven as a person would: typing a location, ticking boxes, moving the
slider, setting assumptions; and what the figures, breakdown and graph then show."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QDoubleSpinBox
from pytestqt.qtbot import QtBot
from salary_tab_helpers import cell, click, expected, salary_page, show_page

from ptplanner.core.format import money
from ptplanner.core.plan.salary_link import PlanEffects
from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.tabs.salary.scenario import ScenarioModel
from ptplanner.ui.tabs.salary.tab import SalaryTab


def type_into(qtbot: QtBot, spin: QDoubleSpinBox, text: str) -> None:
    """Replace a spin box's value by typing, as a person does, and press Return."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, text)
    QTest.keyClick(spin, Qt.Key.Key_Return)


def test_defaults_show_the_engines_estimate(tab: SalaryTab) -> None:
    today = estimate(SalaryInputs())
    assert tab.figures.typical_label.text() == money(today.typical)
    assert tab.figures.range_label.text() == f"{money(today.low)} – {money(today.high)}"
    assert tab.figures.total_label.text() == money(today.compensation.total)


def test_typing_a_location_updates_everything(tab: SalaryTab, qtbot: QtBot) -> None:
    line = tab.inputs.location_combo.lineEdit()
    assert line is not None
    line.selectAll()
    QTest.keyClicks(line, "boston")
    QTest.keyClick(line, Qt.Key.Key_Return)
    today = estimate(SalaryInputs(location="boston"))
    assert tab.inputs.location_combo.currentText() == "Boston-Cambridge-Newton, MA-NH"
    assert tab.figures.typical_label.text() == money(today.typical)
    assert "Boston-Cambridge-Newton" in tab.context_label.text()
    # The breakdown shows BLS's location effect and the guide's premium beside it.
    table = tab.details.breakdown_table
    rows = {cell(table, r, 0): r for r in range(table.model().rowCount())}
    location_row = rows["Location: Boston-Cambridge-Newton, MA-NH"]
    assert "15-25%" in cell(table, location_row, 3)


def test_an_unknown_location_is_explained_and_nothing_changes(tab: SalaryTab, qtbot: QtBot) -> None:
    before = tab.figures.typical_label.text()
    line = tab.inputs.location_combo.lineEdit()
    assert line is not None
    line.selectAll()
    QTest.keyClicks(line, "bostn")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert tab.error_label.isVisible()
    assert "did you mean" in tab.error_label.text()
    assert tab.figures.typical_label.text() == before


def test_ticking_a_certification_adds_the_guides_effect(tab: SalaryTab, qtbot: QtBot) -> None:
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    today = estimate(SalaryInputs(certifications=frozenset({"cmaa"})))
    assert tab.figures.typical_label.text() == money(today.typical)
    table = tab.details.breakdown_table
    cert_row = next(
        r for r in range(table.model().rowCount()) if cell(table, r, 0).startswith("Certifications")
    )
    assert cell(table, cert_row, 1) == "+$3,500"


def test_moving_the_slider_moves_the_spin_box_and_the_graph(tab: SalaryTab, qtbot: QtBot) -> None:
    slider = tab.inputs.experience_slider
    slider.setFocus()
    for _ in range(5):
        QTest.keyClick(slider, Qt.Key.Key_Right)
    assert tab.inputs.experience_spin.value() == 5
    want = project(expected(years_experience=5.0))
    xs, ys = tab.plot.typical_curve.getData()
    assert list(xs) == [float(r.year) for r in want.rows]
    assert list(ys) == pytest.approx([r.typical for r in want.rows])
    low = tab.plot.low_curve.getData()[1]
    assert list(low) == pytest.approx([r.low for r in want.rows])


def test_breakdown_sums_to_the_estimate(tab: SalaryTab, qtbot: QtBot) -> None:
    click(qtbot, tab.inputs.skill_checks["emr"])
    table = tab.details.breakdown_table
    amounts = []
    rows = table.model().rowCount()
    for r in range(rows - 1):
        text = cell(table, r, 1).replace("$", "").replace(",", "").replace("−", "-")
        amounts.append(float(text))
    total = cell(table, rows - 1, 1)
    assert money(sum(amounts)) == total == tab.figures.typical_label.text()


def test_assumptions_change_total_compensation(tab: SalaryTab, qtbot: QtBot) -> None:
    QTest.mouseClick(tab.inputs.assumptions_toggle, Qt.MouseButton.LeftButton)
    assert tab.inputs.assumptions_box.isVisible()
    spin = tab.inputs.assumption_spins["bonus_pct"]
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "10")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    inputs = SalaryInputs()
    inputs = inputs.model_copy(
        update={"assumptions": inputs.assumptions.model_copy(update={"bonus_pct": 10.0})}
    )
    assert tab.figures.total_label.text() == money(estimate(inputs).compensation.total)
    QTest.mouseClick(tab.inputs.reset_button, Qt.MouseButton.LeftButton)
    assert tab.figures.total_label.text() == money(estimate(SalaryInputs()).compensation.total)


def test_plan_events_reach_the_projection(tab: SalaryTab) -> None:
    event = Event(year=2028, kind="certification", value="cehrs", label="CEHRS (Mar 2028)")
    tab.scenario.set_plan_effects(PlanEffects(events=(event,)))
    want = project(
        ProjectionRequest(inputs=SalaryInputs(), years=10, start_year=2026, events=(event,))
    )
    ys = tab.plot.typical_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical for r in want.rows])
    assert "CEHRS (Mar 2028)" in tab.context_label.text()
    tab.inputs.plan_check.setChecked(False)
    plain = project(expected())
    assert list(tab.plot.typical_curve.getData()[1]) == pytest.approx(
        [r.typical for r in plain.rows]
    )


def test_every_control_has_an_accessible_name(tab: SalaryTab) -> None:
    from PySide6.QtWidgets import QComboBox, QSlider

    for kind in (QAbstractButton, QAbstractSpinBox, QComboBox, QSlider):
        for widget in tab.findChildren(kind):
            if widget.objectName().startswith("qt_"):  # Qt's own parts, e.g. corner buttons
                continue
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            parent = widget.parent()
            assert parent is not None
            where = f"{widget.metaObject().className()} in {parent.metaObject().className()}"
            assert name, f"{where} has no accessible name"


def test_a_hidden_tab_catches_up_when_shown(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.hide()
    tab.scenario.update(location="texas", years_experience=6.0)
    tab.scenario.set_years(15)
    tab.show()
    qtbot.waitExposed(tab)
    today = estimate(SalaryInputs(location="texas", years_experience=6.0))
    assert tab.figures.typical_label.text() == money(today.typical)
    want = project(
        ProjectionRequest(
            inputs=SalaryInputs(location="texas", years_experience=6.0), years=15, start_year=2026
        )
    )
    assert list(tab.plot.typical_curve.getData()[1]) == pytest.approx(
        [r.typical for r in want.rows]
    )


def test_plan_links_the_engine_rejects_are_reported(tab: SalaryTab) -> None:
    event = Event(year=2028, kind="certification", value="nope")
    tab.scenario.set_plan_effects(PlanEffects(events=(event,)))
    assert tab.error_label.isVisible()
    assert "Your plan's salary links were ignored" in tab.error_label.text()
    assert tab.figures.typical_label.text() == money(estimate(SalaryInputs()).typical)


def test_the_promotion_raise_is_an_assumption_the_person_sets(tab: SalaryTab, qtbot: QtBot) -> None:
    promotion = Event(year=2028, kind="promotion", label="Lead coordinator (promotion, Mar 2028)")
    tab.scenario.set_plan_effects(PlanEffects(events=(promotion,)))
    QTest.mouseClick(tab.inputs.assumptions_toggle, Qt.MouseButton.LeftButton)
    spin = tab.inputs.assumption_spins["promotion_pct"]
    assert spin.isVisible()
    assert spin.value() == 10.0
    assert spin.suffix() == " %"
    assert "Plan tab" in spin.toolTip()
    assert "ptplanner's own assumption" in spin.toolTip()

    type_into(qtbot, spin, "15")
    assert tab.scenario.inputs.assumptions.promotion_pct == 15.0
    rows = tab.scenario.projection().rows
    plain = project(expected()).rows
    for row, without in zip(rows, plain, strict=True):
        rise = 1.15 if row.year >= promotion.year else 1.0
        assert row.typical == pytest.approx(without.typical * rise)
        assert row.low == pytest.approx(without.low * rise)
    # What the person sees follows: the graph, and the year table with the promotion's row.
    assert list(tab.plot.typical_curve.getData()[1]) == pytest.approx([r.typical for r in rows])
    show_page(qtbot, tab, "Year by year")
    model = tab.details.year_model
    at = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2028")
    assert model.index(at, 4).data() == money(rows[at].typical)
    assert model.index(at, 8).data() == promotion.label

    # The spin box steps by half a percent, and the reset brings back ptplanner's 10%.
    QTest.keyClick(spin, Qt.Key.Key_Up)
    assert tab.scenario.inputs.assumptions.promotion_pct == 15.5
    QTest.mouseClick(tab.inputs.reset_button, Qt.MouseButton.LeftButton)
    assert spin.value() == 10.0
    assert tab.scenario.inputs.assumptions.promotion_pct == 10.0
    want = project(
        ProjectionRequest(inputs=SalaryInputs(), years=10, start_year=2026, events=(promotion,))
    )
    assert model.index(at, 4).data() == money(want.rows[at].typical)


def test_the_promotion_raise_is_remembered(qtbot: QtBot) -> None:
    from ptplanner.ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.tabs.setCurrentIndex(2)
    tab = salary_page(first)
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    QTest.mouseClick(tab.inputs.assumptions_toggle, Qt.MouseButton.LeftButton)
    type_into(qtbot, tab.inputs.assumption_spins["promotion_pct"], "12.5")
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    second.tabs.setCurrentIndex(2)
    spin = salary_page(second).inputs.assumption_spins["promotion_pct"]
    assert spin.value() == 12.5
    assert second.scenario.inputs.assumptions.promotion_pct == 12.5
    second.close()


def test_a_saved_profiles_experience_shows_on_the_slider_too(qtbot: QtBot) -> None:
    """Opening the window with a saved profile: the slider and the spin box agree from the start."""
    from ptplanner.core.settings import Settings

    settings = Settings(salary_inputs={"years_experience": 7.0, "location": "national"})
    tab = SalaryTab(ScenarioModel(settings))
    qtbot.addWidget(tab)
    assert tab.inputs.experience_spin.value() == 7
    assert tab.inputs.experience_slider.value() == 7
