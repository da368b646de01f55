"""The window's "Project over N years" means what ``ptplanner projection --years N`` means: this
year and the next N, so N + 1 rows in the Year by year table."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from salary_tab_helpers import show_page

from ptplanner.ui.tabs.salary.tab import SalaryTab


def test_fifteen_years_is_this_year_and_the_next_fifteen(tab: SalaryTab, qtbot: QtBot) -> None:
    spin = tab.inputs.years_spin
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, "15")
    QTest.keyClick(spin, Qt.Key.Key_Return)
    show_page(qtbot, tab, "Year by year")
    model = tab.details.year_model
    years = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert years == [str(year) for year in range(2026, 2042)]
    assert "This year and the next N years" in spin.toolTip()
    assert "--years N" in spin.toolTip()
