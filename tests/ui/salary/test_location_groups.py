"""The location box lists areas grouped by state, and keeps the grouping while a person types."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from ptplanner.core.locations import usable_areas
from ptplanner.ui.tabs.salary.location_box import KIND_ROLE, LocationComboBox
from ptplanner.ui.tabs.salary.tab import SalaryTab

AUSTIN = "Austin-Round Rock-San Marcos, TX"
DC_METRO = "Washington-Arlington-Alexandria, DC-VA-MD-WV"


def rows(model: QAbstractItemModel) -> list[tuple[str, bool]]:
    """Each row's name and whether it can be picked."""
    return [
        (
            str(model.index(r, 0).data()),
            bool(model.flags(model.index(r, 0)) & Qt.ItemFlag.ItemIsSelectable),
        )
        for r in range(model.rowCount())
    ]


def popup_of(box: LocationComboBox) -> QAbstractItemView:
    completer = box.completer()
    assert completer is not None
    view = completer.popup()
    assert view is not None
    return view


def popup_rows(box: LocationComboBox) -> list[tuple[str, bool]]:
    view = popup_of(box)
    assert view.isVisible()
    return rows(view.model())


def type_text(box: LocationComboBox, text: str) -> None:
    line = box.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)


def test_the_list_shows_each_state_with_its_areas_under_it(tab: SalaryTab) -> None:
    box = tab.inputs.location_combo
    names = [name for name, _ in rows(box.model())]
    assert sorted(names) == sorted(a.name for a in usable_areas())  # every area, once
    texas = names.index("Texas")
    assert names[texas + 1 : texas + 3] == ["Abilene, TX", "Amarillo, TX"]
    assert names[names.index("Utah") - 1] == "Wichita Falls, TX"  # Texas's areas end at Utah
    assert box.model().index(texas, 0).data(KIND_ROLE) == "state"
    font = box.model().index(texas, 0).data(Qt.ItemDataRole.FontRole)
    assert font is not None
    assert font.bold()


def test_typing_keeps_the_state_above_its_matching_areas(tab: SalaryTab, qtbot: QtBot) -> None:
    box = tab.inputs.location_combo
    type_text(box, "austin")
    qtbot.waitUntil(popup_of(box).isVisible)
    assert popup_rows(box) == [("Texas", False), (AUSTIN, True)]
    type_text(box, "portland")
    assert popup_rows(box) == [
        ("Maine", False),
        ("Portland-South Portland, ME", True),
        ("Oregon", False),
        ("Portland-Vancouver-Hillsboro, OR-WA", True),
    ]
    type_text(box, "new york")  # the state matches itself: a heading that can be picked
    assert popup_rows(box)[0] == ("New York", True)


def test_an_everyday_name_is_offered_while_typing(tab: SalaryTab, qtbot: QtBot) -> None:
    box = tab.inputs.location_combo
    type_text(box, "washington dc")
    qtbot.waitUntil(popup_of(box).isVisible)
    assert popup_rows(box) == [("District of Columbia", False), (DC_METRO, True)]


def test_the_keyboard_picks_an_area_never_a_heading(tab: SalaryTab, qtbot: QtBot) -> None:
    box = tab.inputs.location_combo
    type_text(box, "austin")
    popup = popup_of(box)
    qtbot.waitUntil(popup.isVisible)
    QTest.keyClick(popup, Qt.Key.Key_Down)
    assert popup.currentIndex().data() == AUSTIN  # the "Texas" heading is skipped
    QTest.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.scenario.effective_inputs().location == AUSTIN)
    assert box.currentText() == AUSTIN
