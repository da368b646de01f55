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
from ptplanner.core.knowledge import cpi
from ptplanner.core.plan.salary_link import PlanEffects
from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.projection.career import walk
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import (
    INFLATION_RANGE,
    MARKET_GROWTH_RANGE,
    SalaryInputs,
)
from ptplanner.core.salary.ladder import ladder
from ptplanner.core.salary.market import market_history
from ptplanner.core.salary.pay import pay_figures
from ptplanner.ui.tabs.salary.scenario import ScenarioModel
from ptplanner.ui.tabs.salary.tab import SalaryTab


def type_into(qtbot: QtBot, spin: QDoubleSpinBox, text: str) -> None:
    """Replace a spin box's value by typing, as a person does, and press Return."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, text)
    QTest.keyClick(spin, Qt.Key.Key_Return)


def test_defaults_show_the_engines_estimate(tab: SalaryTab) -> None:
    today = estimate(SalaryInputs(), year=2026)
    first = project(expected()).rows[0]
    # One "today": the headline is the projection's first year, to the dollar, and says which.
    assert tab.figures.typical_title.text() == "Typical base pay, 2026"
    assert tab.figures.typical_label.text() == money(today.typical) == money(first.typical)
    assert tab.figures.range_label.text() == f"{money(today.low)} – {money(today.high)}"
    assert tab.figures.total_label.text() == money(today.compensation.total)
    # The breakdown's last step before the total carries BLS's May 2025 pay to 2026.
    table = tab.details.breakdown_table
    rows = table.model().rowCount()
    assert cell(table, rows - 2, 0) == "Pay scale from May 2025 to 2026"
    assert cell(table, rows - 1, 0) == "= Typical base pay, 2026"


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
    # In 2026 dollars by default: the nominal figures over each year's price level.
    assert list(ys) == pytest.approx([r.typical_real for r in want.rows])
    assert list(ys) == pytest.approx([r.typical / r.deflator for r in want.rows])
    low = tab.plot.low_curve.getData()[1]
    assert list(low) == pytest.approx([r.low / r.deflator for r in want.rows])


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
    assert list(ys) == pytest.approx([r.typical_real for r in want.rows])
    assert "CEHRS (Mar 2028)" in tab.context_label.text()
    tab.inputs.plan_check.setChecked(False)
    plain = project(expected())
    assert list(tab.plot.typical_curve.getData()[1]) == pytest.approx(
        [r.typical_real for r in plain.rows]
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
        [r.typical_real for r in want.rows]
    )


def test_plan_links_the_engine_rejects_are_reported(tab: SalaryTab) -> None:
    event = Event(year=2028, kind="certification", value="nope")
    tab.scenario.set_plan_effects(PlanEffects(events=(event,)))
    assert tab.error_label.isVisible()
    assert "Your plan's salary links were ignored" in tab.error_label.text()
    assert tab.figures.typical_label.text() == money(estimate(SalaryInputs()).typical)


def test_the_assumptions_are_growth_and_inflation_within_the_cores_bounds(
    tab: SalaryTab, qtbot: QtBot
) -> None:
    QTest.mouseClick(tab.inputs.assumptions_toggle, Qt.MouseButton.LeftButton)
    spins = tab.inputs.assumption_spins
    # The first model's raise, promotion raise and paid time off are gone.
    assert not {"raise_pct", "promotion_pct", "pto_value_pct"} & set(spins)
    growth, inflation = spins["market_growth_pct"], spins["inflation_pct"]
    assert (growth.minimum(), growth.maximum()) == MARKET_GROWTH_RANGE
    assert (inflation.minimum(), inflation.maximum()) == INFLATION_RANGE
    history = market_history()
    # The default is BLS history: the median's growth beyond the CPI-U, May 2020 to May 2025.
    assert growth.value() == pytest.approx(round(history.real_growth_pct, 2))
    assert growth.value() == pytest.approx(
        100 * ((45930 / 37350) / (321.943 / 258.811)) ** (1 / 5) - 100, abs=0.005
    )
    tip = growth.toolTip()
    assert f"{history.real_growth_pct:+.2f}% a year beyond prices" in tip
    assert "$37,350 (May 2020)" in tip
    assert "$45,930 (May 2025)" in tip
    assert "BLS OEWS national, May 2020-2025" in tip
    assert "-3% to 10%" in tip
    cpi_2025 = next(y for y in cpi().years if y.year == 2025)
    assert inflation.value() == cpi_2025.pct_change  # the CPI-U's change in 2025

    # Stepping up stops at the bound, as the command line refuses anything beyond it.
    growth.setFocus()
    for _ in range(20):
        QTest.keyClick(growth, Qt.Key.Key_PageUp)
    assert growth.value() == MARKET_GROWTH_RANGE[1]
    assert tab.scenario.inputs.assumptions.market_growth_pct == MARKET_GROWTH_RANGE[1]
    type_into(qtbot, inflation, "-9")  # the "9" is refused: below -2% is out of bounds
    assert inflation.value() >= INFLATION_RANGE[0]
    type_into(qtbot, growth, "1.5")
    a = tab.scenario.inputs.assumptions
    assert a.market_growth_pct == 1.5
    want = project(expected(assumptions=a))
    # The last year (2036) is 11 years past BLS's May 2025: the scale grew 1.5% a year beyond
    # prices, and prices by the CPI-U default, each year.
    factor = (1.015 * (1 + a.inflation_pct / 100)) ** 11
    assert want.rows[10].typical == round(pay_figures(walk(expected())[10].state).typical * factor)
    assert list(tab.plot.typical_curve.getData()[1]) == pytest.approx(
        [r.typical_real for r in want.rows]
    )
    QTest.mouseClick(tab.inputs.reset_button, Qt.MouseButton.LeftButton)
    assert growth.value() == pytest.approx(round(history.real_growth_pct, 2))


def test_choosing_a_role_prices_its_bls_pay(tab: SalaryTab, qtbot: QtBot) -> None:
    combo = tab.inputs.role_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [r.title for r in ladder()]
    assert combo.currentData() == "care_coordinator"
    at = combo.findData("practice_administrator")
    tip = " ".join(combo.itemData(at, Qt.ItemDataRole.ToolTipRole).split())
    # The rung's BLS occupation and its usual prerequisites, shown and not required.
    assert "11-9111 Medical and Health Services Managers" in tip
    assert "A bachelor's degree" in tip
    assert tip.lower().count("not required") == 1
    for job in ladder():
        tip = combo.itemData(combo.findData(job.id), Qt.ItemDataRole.ToolTipRole)
        assert job.soc_code in tip
        assert "not required" in tip.lower()
    combo.setFocus()
    for _ in range(combo.findData("office_manager") - combo.currentIndex()):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "office_manager"
    assert tab.scenario.inputs.role == "office_manager"
    today = estimate(SalaryInputs(role="office_manager"), year=2026)
    assert tab.figures.typical_label.text() == money(today.typical)
    assert "43-1011" in combo.toolTip()
    # The breakdown starts from the office manager's own BLS median (PT offices: $56,690).
    assert cell(tab.details.breakdown_table, 0, 0) == "National median: Office manager"
    assert cell(tab.details.breakdown_table, 0, 1) == "$56,690"
    assert "Office manager" in tab.context_label.text()


def test_a_promotion_moves_into_the_next_roles_pay(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.scenario.update(years_experience=2.0)
    promotion = Event(year=2029, kind="promotion", label="Lead coordinator (promotion, Mar 2029)")
    tab.scenario.set_plan_effects(PlanEffects(events=(promotion,)))
    want = project(
        ProjectionRequest(
            inputs=SalaryInputs(years_experience=2.0),
            years=10,
            start_year=2026,
            events=(promotion,),
        )
    )
    at = next(i for i, r in enumerate(want.rows) if r.year == 2029)
    assert want.rows[at].role == "senior_coordinator"
    assert want.rows[at - 1].role == "care_coordinator"
    # The graph shows the core's figures, steps up in 2029 (not a slope from 2028) and names
    # the new role at a dashed line there.
    ys = tab.plot.typical_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical_real for r in want.rows])
    drawn = tab.plot.typical_curve.points()
    jump = [drawn.at(i) for i in range(drawn.size()) if drawn.at(i).x() == 2029]
    assert [p.y() for p in jump] == pytest.approx(
        [want.rows[at - 1].typical_real, want.rows[at].typical_real]
    )
    marks = [m for m in tab.plot.role_marks if m.isVisible()]
    assert [m.value() for m in marks] == [2029]
    assert marks[0].label.toPlainText() == "Senior / lead coordinator"
    assert "Senior / lead coordinator" in tab.plot.figures_for_year(2029)
    # The year table: the role of each year, and the promotion beside its jump.
    show_page(qtbot, tab, "Year by year")
    model = tab.details.year_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2029")
    assert model.index(row, 1).data() == "Senior / lead coordinator"
    assert model.index(row - 1, 1).data().startswith("PT care coordinator")
    assert model.index(row, 3).data() == money(want.rows[at].typical_real)
    assert model.index(row, 6).data() == promotion.label
    # No 10% rule: the new role's pay comes from BLS, never below what you earned.
    assert want.rows[at].typical > want.rows[at - 1].typical * 1.1


def test_the_profile_is_saved_as_it_changes(qtbot: QtBot) -> None:
    """The command line reads the profile from the settings file while the window is open."""
    from ptplanner.core.settings import load_settings
    from ptplanner.ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.tabs.setCurrentIndex(2)
    tab = salary_page(first)
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    QTest.mouseClick(tab.inputs.assumptions_toggle, Qt.MouseButton.LeftButton)
    type_into(qtbot, tab.inputs.assumption_spins["market_growth_pct"], "0.5")
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    click(qtbot, tab.nominal_radio)

    def saved() -> bool:
        data = load_settings().salary_inputs or {}
        return "cmaa" in data.get("certifications", ())

    qtbot.waitUntil(saved, timeout=3000)  # without closing the window
    settings = load_settings()
    assert settings.dollars == "nominal"
    assert settings.salary_inputs is not None
    assert SalaryInputs.from_saved(settings.salary_inputs) == first.scenario.inputs
    assert first.scenario.inputs.assumptions.market_growth_pct == 0.5
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    second.tabs.setCurrentIndex(2)
    tab = salary_page(second)
    assert tab.inputs.assumption_spins["market_growth_pct"].value() == 0.5
    assert tab.inputs.cert_checks["cmaa"].isChecked()
    assert tab.nominal_radio.isChecked()
    second.close()


def test_a_saved_profiles_experience_shows_on_the_slider_too(qtbot: QtBot) -> None:
    """Opening the window with a saved profile: the slider and the spin box agree from the start."""
    from ptplanner.core.settings import Settings

    settings = Settings(salary_inputs={"years_experience": 7.0, "location": "national"})
    tab = SalaryTab(ScenarioModel(settings))
    qtbot.addWidget(tab)
    assert tab.inputs.experience_spin.value() == 7
    assert tab.inputs.experience_slider.value() == 7
