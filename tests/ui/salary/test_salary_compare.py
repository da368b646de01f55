"""The "Compare places" window, opened from the Salary tab and driven as a person would: each
figure checked against the BLS area row it comes from (resources/wages) or the estimate the
Salary tab shows for the same profile."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.format import money
from ptplanner.core.knowledge import area_wages
from ptplanner.core.locations import find_area
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.tabs.salary.compare_dialog import CompareDialog
from ptplanner.ui.tabs.salary.tab import SalaryTab


def row_of(place: str):  # type: ignore[no-untyped-def]
    code = find_area(place).code
    return next(r for r in area_wages("43-6013").areas if r.code == code)


def table_text(dialog: CompareDialog) -> dict[str, list[str]]:
    table = dialog.table
    out: dict[str, list[str]] = {}
    for r in range(table.rowCount()):
        header = table.verticalHeaderItem(r)
        assert header is not None
        items = [table.item(r, c) for c in range(table.columnCount())]
        out[header.text()] = [item.text() if item is not None else "" for item in items]
    return out


def open_dialog(tab: SalaryTab, qtbot: QtBot) -> CompareDialog:
    QTest.mouseClick(tab.compare_button, Qt.MouseButton.LeftButton)
    dialog = tab.compare_dialog
    assert isinstance(dialog, CompareDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_compare_places_figures_match_their_sources(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.scenario.update(location="Boston", years_experience=2)
    dialog = open_dialog(tab, qtbot)
    # The profile's place first, then two suggestions.
    assert dialog.chosen()[0] == "Boston-Cambridge-Newton, MA-NH"
    # Type a fourth place, as a person would.
    line = dialog.pickers[3].lineEdit()
    assert line is not None
    line.setFocus()
    QTest.keyClicks(line, "Charlotte")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert len(dialog.places) == 4
    cells = table_text(dialog)
    headers = [dialog.table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == [
        "Boston (MA-NH)",
        "Houston (TX)",
        "Phoenix (AZ)",
        "Charlotte (NC-SC)",
        "Source",
    ]

    profile = SalaryInputs(location="Boston", years_experience=2)
    for column, place in enumerate(["Boston", "Houston", "Phoenix", "Charlotte"]):
        published = row_of(place)
        inputs = profile.model_copy(update={"location": published.name})
        today = project(ProjectionRequest(inputs=inputs, start_year=2026, years=1)).today
        assert cells["Typical base pay (2026)"][column] == money(today.typical)
        assert cells["Likely range"][column] == f"{money(today.low)} – {money(today.high)}"
        assert cells["Hourly (typical ÷ 2,080 hours)"][column] == f"${today.typical / 2080:,.2f}"
        assert cells["Total compensation"][column] == money(today.compensation.total)
        assert today.price_level is not None
        assert cells["Price level (U.S. = 100)"][column] == f"{today.price_level:.1f}"
        adjusted = today.typical * 100 / today.price_level
        assert cells["Typical pay in national-average prices"][column] == money(adjusted)
        assert cells["Employment in the occupation"][column] == f"{published.employment:,}"
        assert cells["Jobs per 1,000 jobs"][column] == f"{published.jobs_per_1000:.2f}"
        assert cells["Location quotient (U.S. = 1)"][column] == f"{published.location_quotient:.2f}"
        # P10 and P90 carried by one factor from the published May 2025 figures.
        shown = dialog.places[column]
        assert shown.bls_p10 / published.p10 == pytest.approx(shown.bls_p90 / published.p90)
        assert cells["BLS 10th – 90th percentile, this area"][column] == (
            f"{money(shown.bls_p10)} – {money(shown.bls_p90)}"
        )
    # The Salary tab's own figure for Boston is the comparison's first.
    assert tab.figures.isVisible()
    assert cells["Typical base pay (2026)"][0] == money(tab.scenario.projection().today.typical)
    # Every row names its source.
    assert cells["Employment in the occupation"][4] == "BLS OEWS, May 2025"
    assert "BEA Regional Price Parities" in cells["Price level (U.S. = 100)"][4]
    assert "Charlotte (NC-SC): typical" in dialog.chart.describe()


def test_an_unknown_place_says_so_and_an_empty_box_drops_a_place(
    tab: SalaryTab, qtbot: QtBot
) -> None:
    dialog = open_dialog(tab, qtbot)
    before = dialog.places
    line = dialog.pickers[1].lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, "Atlantis")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert dialog.error_label.isVisible()
    assert dialog.isVisible()  # Return enters the place; it does not close the window
    assert "Atlantis" in dialog.error_label.text()
    assert dialog.places == before
    line.selectAll()
    QTest.keyClick(line, Qt.Key.Key_Delete)
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert not dialog.error_label.isVisible()
    assert len(dialog.places) == len(before) - 1
    assert dialog.table.columnCount() == len(before)  # the places left, and the source
