"""Pinned scenarios in the Salary tab: several, named in words and renamed by the person, each
with its base pay and total compensation, on the graph and kept across restarts."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from salary_tab_helpers import cell, click, expected, show_page

from ptplanner.core.format import money
from ptplanner.core.projection import project
from ptplanner.core.settings import Settings, load_settings, save_settings
from ptplanner.ui.tabs.salary.scenario import ScenarioModel
from ptplanner.ui.tabs.salary.tab import SalaryTab


def legend_texts(tab: SalaryTab) -> list[str]:
    return [label.text for _sample, label in tab.plot.legend.items]


def pin(tab: SalaryTab) -> None:
    QTest.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)


def test_three_pins_each_with_base_and_total(tab: SalaryTab, qtbot: QtBot) -> None:
    assert not any(t.startswith("Pinned") for t in legend_texts(tab))  # no "Pinned: none"
    pin(tab)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    pin(tab)
    tab.inputs.experience_spin.setValue(4)
    pin(tab)
    names = [p.name for p in tab.scenario.pins]
    assert names == [
        "National, PT care coordinator, 0 years",
        "National, PT care coordinator, 0 years, CMAA",
        "National, PT care coordinator, 4 years, CMAA",
    ]
    assert [t for t in legend_texts(tab) if t.startswith("Pinned")] == [
        f"Pinned: {n}" for n in names
    ]
    wants = [
        project(expected()),
        project(expected(certifications=frozenset({"cmaa"}))),
        project(expected(certifications=frozenset({"cmaa"}), years_experience=4)),
    ]
    for curve, want in zip(tab.plot.compare_curves, wants, strict=False):
        assert curve.isVisible()
        assert list(curve.getData()[1]) == pytest.approx([r.typical_real for r in want.rows])
    assert not tab.plot.compare_curves[3].isVisible()

    show_page(qtbot, tab, "Pinned (3)")
    table = tab.details.pins_page.table
    assert table.rowCount() == 3
    for row, (name, want) in enumerate(zip(names, wants, strict=True)):
        first, last = want.rows[0], want.rows[-1]
        assert cell(table, row, 0) == name
        assert cell(table, row, 1) == money(first.typical_real)
        assert cell(table, row, 2) == money(first.total_real)
        assert cell(table, row, 3) == money(last.typical_real)
        assert cell(table, row, 4) == money(last.total_real)
    # The hover text names every pinned scenario with its base and total.
    text = tab.plot.figures_for_year(2030)
    pinned = wants[1].rows[4]
    assert (
        f"Pinned ({names[1]}): {money(pinned.typical_real)}, total {money(pinned.total_real)}"
        in text
    )


def test_at_most_four_pins(tab: SalaryTab, qtbot: QtBot) -> None:
    for years in (1, 2, 3, 4):
        tab.inputs.experience_spin.setValue(years)
        pin(tab)
    assert len(tab.scenario.pins) == 4
    assert not tab.pin_button.isEnabled()
    assert tab.scenario.pin() is False
    QTest.mouseClick(tab.unpin_button, Qt.MouseButton.LeftButton)
    assert tab.scenario.pins == []
    assert tab.pin_button.isEnabled()
    assert not any(t.startswith("Pinned") for t in legend_texts(tab))


def test_rename_and_remove_on_the_pinned_page(tab: SalaryTab, qtbot: QtBot) -> None:
    pin(tab)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    pin(tab)
    show_page(qtbot, tab, "Pinned (2)")
    table = tab.details.pins_page.table
    rect = table.visualRect(table.model().index(0, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.keyClick(table, Qt.Key.Key_F2)  # a double-click edits too; F2 is its keyboard twin
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "National, PT care coordinator, 0 years"
    QTest.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(editor, "My first")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.scenario.pins[0].name == "My first")  # committed when idle
    assert "Pinned: My first" in legend_texts(tab)
    # Renaming to a name already taken keeps both apart.
    tab.scenario.rename_pin(1, "My first")
    assert tab.scenario.pins[1].name == "My first (2)"

    button = tab.details.pins_page.remove_button
    rect = table.visualRect(table.model().index(0, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert [p.name for p in tab.scenario.pins] == ["My first (2)"]
    assert cell(table, 0, 0) == "My first (2)"
    assert [t for t in legend_texts(tab) if t.startswith("Pinned")] == ["Pinned: My first (2)"]


def test_pins_are_kept_across_restarts(tab: SalaryTab, qtbot: QtBot, tmp_path: Path) -> None:
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    pin(tab)
    tab.scenario.rename_pin(0, "With the CMAA")
    tab.inputs.experience_spin.setValue(5)
    pin(tab)
    settings = Settings()
    tab.scenario.store_in(settings)
    path = tmp_path / "settings.json"
    save_settings(settings, path)

    again = ScenarioModel(load_settings(path))
    assert [p.name for p in again.pins] == [
        "With the CMAA",
        "National, PT care coordinator, 5 years, CMAA",
    ]
    want = project(expected(certifications=frozenset({"cmaa"})))
    assert again.pins[0].projection.rows[0].typical == pytest.approx(want.rows[0].typical)
    assert again.pinned is again.pins[0]  # the printout's pinned comparison


def test_a_pin_that_no_longer_validates_is_left_out() -> None:
    good = {"name": "Fine", "request": {"inputs": {}, "years": 5}}
    bad = {"name": "Gone", "request": {"inputs": {"location": "Atlantis"}, "years": 5}}
    model = ScenarioModel(Settings(pinned_scenarios=[bad, good, {"nonsense": 1}]))
    assert [p.name for p in model.pins] == ["Fine"]
