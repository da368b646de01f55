"""The Salary tab's location box takes places by the names people use, typed as a person would."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from ptplanner.core.format import money
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.tabs.salary.tab import SalaryTab


def type_place(tab: SalaryTab, text: str) -> None:
    line = tab.inputs.location_combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("dc", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("washington dc", "Washington-Arlington-Alexandria, DC-VA-MD-WV"),
        ("nyc", "New York-Newark-Jersey City, NY-NJ"),
        ("TX", "Texas"),
        ("boston, ma", "Boston-Cambridge-Newton, MA-NH"),
    ],
)
def test_everyday_names_pick_the_area_meant(tab: SalaryTab, typed: str, shown: str) -> None:
    type_place(tab, typed)
    assert not tab.error_label.isVisible(), tab.error_label.text()
    assert tab.inputs.location_combo.currentText() == shown
    assert tab.figures.typical_label.text() == money(estimate(SalaryInputs(location=shown)).typical)
    assert shown in tab.context_label.text()
