"""Dates typed into the details panel as a person types them: the whole field selected, a date
in any usual form, then Enter or Tab. The date lands as typed, or is refused where it shows."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import CTRL, TODAY, select
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDateEdit
from pytestqt.qtbot import QtBot

from ptplanner.ui.tabs.plan.tab import PlanTab


def type_date(edit: QDateEdit, text: str, finish: Qt.Key = Qt.Key.Key_Return) -> None:
    """Click into the field, select all of it, type ``text`` and press ``finish``."""
    QTest.mouseClick(edit.lineEdit(), Qt.MouseButton.LeftButton)
    assert edit.hasFocus()
    QTest.keyClick(edit, Qt.Key.Key_A, CTRL)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, finish)


@pytest.mark.parametrize(
    "typed",
    ["Mar 15, 2027", "March 15, 2027", "2027-03-15", "3/15/2027"],
)
@pytest.mark.parametrize("finish", [Qt.Key.Key_Return, Qt.Key.Key_Tab], ids=["Enter", "Tab"])
def test_a_typed_target_date_lands_as_typed(
    qtbot: QtBot, tab: PlanTab, typed: str, finish: Qt.Key
) -> None:
    select(qtbot, tab, "cmaa")
    edit = tab.details.fields.target_edit
    type_date(edit, typed, finish)
    assert tab.controller.plan.get("cmaa").target_date == date(2027, 3, 15)
    assert edit.text() == "Mar 15, 2027"
    assert tab.details.fields.date_problem.isHidden()


@pytest.mark.parametrize("name", ["C", "en_US", "en_GB", "de_DE", "fr_FR"])
def test_the_locales_own_short_and_long_formats_are_understood(
    qtbot: QtBot, tab: PlanTab, name: str
) -> None:
    before = QLocale()
    locale = QLocale(name)
    QLocale.setDefault(locale)
    try:
        type_locale_dates(qtbot, tab, locale)
    finally:
        QLocale.setDefault(before)


def type_locale_dates(qtbot: QtBot, tab: PlanTab, locale: QLocale) -> None:
    select(qtbot, tab, "cmaa")
    edit = tab.details.fields.target_edit
    for fmt, day in ((QLocale.FormatType.ShortFormat, 9), (QLocale.FormatType.LongFormat, 21)):
        wanted = date(2028, 6, day)
        type_date(edit, locale.toString(QDate(wanted.year, wanted.month, wanted.day), fmt))
        assert tab.controller.plan.get("cmaa").target_date == wanted


@pytest.mark.parametrize("typed", ["Feb 30, 2027", "2027-13-01", "next spring"])
def test_an_impossible_date_is_refused_visibly_and_the_old_one_kept(
    qtbot: QtBot, tab: PlanTab, typed: str
) -> None:
    select(qtbot, tab, "cmaa")
    fields = tab.details.fields
    type_date(fields.target_edit, typed)
    assert tab.controller.plan.get("cmaa").target_date == date(2027, 4, 1)
    assert fields.date_problem.isVisible()
    assert typed in fields.date_problem.text()
    assert fields.target_edit.property("invalid") is True
    # The field shows the date that was kept; a good date clears the message.
    assert fields.target_edit.text() == "Apr 1, 2027"
    type_date(fields.target_edit, "2027-05-02")
    assert tab.controller.plan.get("cmaa").target_date == date(2027, 5, 2)
    assert fields.date_problem.isHidden()
    assert fields.target_edit.property("invalid") is not True


def test_a_typed_done_date_lands_as_typed(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "ged")
    edit = tab.details.fields.done_edit
    assert tab.controller.plan.get("ged").done_date == TODAY
    type_date(edit, "Nov 2, 2026")
    assert tab.controller.plan.get("ged").done_date == date(2026, 11, 2)
    type_date(edit, "2026-10-30", Qt.Key.Key_Tab)
    assert tab.controller.plan.get("ged").done_date == date(2026, 10, 30)


def test_the_arrow_keys_still_step_a_part_of_the_date(qtbot: QtBot, tab: PlanTab) -> None:
    select(qtbot, tab, "cmaa")
    edit = tab.details.fields.target_edit
    QTest.mouseClick(edit.lineEdit(), Qt.MouseButton.LeftButton)
    QTest.keyClick(edit, Qt.Key.Key_Home)  # the month
    QTest.keyClick(edit, Qt.Key.Key_Up)
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert tab.controller.plan.get("cmaa").target_date == date(2027, 5, 1)


def test_numbers_follow_the_locales_order_unless_that_is_impossible() -> None:
    from ptplanner.ui.tabs.plan.date_field import parse_typed_date

    us, uk = QLocale("en_US"), QLocale("en_GB")
    assert parse_typed_date("3/4/2027", us) == date(2027, 3, 4)
    assert parse_typed_date("3/4/2027", uk) == date(2027, 4, 3)
    assert parse_typed_date("3/15/2027", uk) == date(2027, 3, 15)
    assert parse_typed_date("15 March 2027", us) == date(2027, 3, 15)
    assert parse_typed_date("3/15/27", us) == date(2027, 3, 15)
    for nonsense in ("", "13/13/2027", "Mar 2027", "Mar Apr 3, 2027", "2027-02-29"):
        assert parse_typed_date(nonsense, us) is None, nonsense
