"""The "Check an offer" window, opened from the Salary tab: two offers typed in as a person
would, each placed among the area's published BLS percentiles (resources/wages) and beside the
profile's estimate there."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from ptplanner.core.compare import compare_places
from ptplanner.core.format import money
from ptplanner.core.knowledge import area_wages
from ptplanner.core.locations import find_area
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.tabs.salary.offer_dialog import OfferDialog
from ptplanner.ui.tabs.salary.offer_form import OfferForm
from ptplanner.ui.tabs.salary.tab import SalaryTab


def open_dialog(tab: SalaryTab, qtbot: QtBot) -> OfferDialog:
    QTest.mouseClick(tab.offer_button, Qt.MouseButton.LeftButton)
    dialog = tab.offer_dialog
    assert isinstance(dialog, OfferDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    return dialog


def enter(form: OfferForm, pay: str) -> None:
    form.pay_edit.setFocus()
    form.pay_edit.selectAll()
    QTest.keyClicks(form.pay_edit, pay)
    QTest.mouseClick(form.check_button, Qt.MouseButton.LeftButton)


def shown(form: OfferForm, what: str) -> str:
    return form.answer_labels[what].text()


def test_two_offers_side_by_side(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.scenario.update(location="Houston", years_experience=2)
    dialog = open_dialog(tab, qtbot)
    a, b = dialog.forms
    published = next(r for r in area_wages("43-6013").areas if r.code == find_area("Houston").code)
    inputs = SalaryInputs(location=published.name, years_experience=2)
    today = project(ProjectionRequest(inputs=inputs, start_year=2026, years=1)).today
    assert published.p10 is not None
    assert published.p90 is not None
    enter(a, "21.50/hour")
    assert a.result is not None
    assert shown(a, "Pay") == "$44,720 a year ($21.50 an hour)"
    assert shown(a, "Your profile's estimate there") == (
        f"{money(today.typical)} (likely {money(today.low)} – {money(today.high)})"
    )
    assert shown(a, "Typical package for your profile") == money(today.compensation.total)
    assert shown(a, "Offer's total compensation") == "$44,720"
    assert shown(a, "Among BLS pay in the area").endswith("percentile")
    assert "Houston" in a.note_label.text()
    assert money(today.typical) in a.note_label.text()
    assert "BLS OEWS, May 2025" in a.sources_label.text()

    # Offer B, yearly with a bonus and health paid: its total adds them.
    b.bonus_spin.setValue(5)
    b.health_spin.setValue(6000)
    b.days_spin.setValue(15)
    enter(b, "$48,000/year")
    assert shown(b, "Pay") == "$48,000 a year ($23.08 an hour)"
    assert shown(b, "Offer's total compensation") == money(48_000 * 1.05 + 6000)
    assert shown(b, "Paid days off").startswith("15 ")
    assert b.result is not None
    assert a.result is not None
    assert b.result.percentile > a.result.percentile
    # Both still on show side by side.
    assert shown(a, "Pay").startswith("$44,720")


def test_percentiles_against_the_published_points(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.scenario.update(location="Houston")
    dialog = open_dialog(tab, qtbot)
    a = dialog.forms[0]
    published = next(r for r in area_wages("43-6013").areas if r.code == find_area("Houston").code)
    assert published.p10 is not None
    assert published.p90 is not None
    enter(a, "10/hour")
    assert shown(a, "Among BLS pay in the area") == "below the 10th percentile"
    enter(a, "200000/year")
    assert shown(a, "Among BLS pay in the area") == "above the 90th percentile"
    # The published median, carried to 2026 by the factor the comparison carries P90 by, is
    # the 50th percentile; a quarter of the way from it to P75, the 56th or so.
    place = compare_places(SalaryInputs(), ["Houston"], 2026)[0]
    factor = place.bls_p90 / published.p90
    assert published.median is not None
    assert published.p75 is not None
    enter(a, f"{published.median * factor:.2f}/year")
    assert shown(a, "Among BLS pay in the area") == "50th percentile"
    quarter = published.median + (published.p75 - published.median) / 4
    enter(a, f"{quarter * factor:.2f}/year")
    assert a.result is not None
    assert a.result.percentile == pytest.approx(56.25, abs=0.01)
    assert shown(a, "Among BLS pay in the area") == "56th percentile"


def test_bad_pay_gets_one_line(tab: SalaryTab, qtbot: QtBot) -> None:
    dialog = open_dialog(tab, qtbot)
    a = dialog.forms[0]
    for text in ("abc/hour", "0/hour", "-5/hour"):
        enter(a, text)
        assert a.error_label.isVisible()
        assert "\n" not in a.error_label.text()
        assert a.result is None
    enter(a, "20/hour")
    assert not a.error_label.isVisible()
    assert dialog.isVisible()
