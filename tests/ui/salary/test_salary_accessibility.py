"""The Salary tab (and its Compare places / Check an offer windows) as a screen reader and a
keyboard reach it: walked through Qt's QAccessible tree, driven with Tab, arrows and shortcuts.

A screen reader reads the accessible tree, not the widgets: every focusable control must have a
name holding the words it shows, every label's text must be in what is spoken, descriptions must
be plain text, and changes must be announced.
"""

from __future__ import annotations

import re

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QTableView,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot
from salary_tab_helpers import expected

from ptplanner.core.format import money
from ptplanner.core.projection import project
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.accessibility import last_announcement, plain_text
from ptplanner.ui.tabs.salary.compare_dialog import CompareDialog
from ptplanner.ui.tabs.salary.offer_dialog import OfferDialog
from ptplanner.ui.tabs.salary.tab import SalaryTab

TAG = re.compile(r"</?[a-zA-Z][^>]*>")
NAME = QAccessible.Text.Name
DESCRIPTION = QAccessible.Text.Description


def interfaces(root: QObject) -> list[QAccessibleInterface]:
    """Every interface shown under ``root``, table cells left out (their model is checked)."""
    found: list[QAccessibleInterface] = []

    def walk(iface: QAccessibleInterface | None) -> None:
        if iface is None or not iface.isValid() or iface.state().invisible:
            return
        found.append(iface)
        if iface.role() in (QAccessible.Role.Table, QAccessible.Role.List):
            return
        for i in range(iface.childCount()):
            walk(iface.child(i))

    walk(QAccessible.queryAccessibleInterface(root))
    return found


def words(text: str) -> str:
    """Visible text as spoken: no mnemonic '&', no trailing '…', one space between words."""
    return " ".join(plain_text(text).replace("&", "").rstrip("…").split()).lower()


def label_names(iface: QAccessibleInterface) -> list[str]:
    return [other.text(NAME) for other, _f in iface.relations(QAccessible.RelationFlag.Label)]


def problems(root: QWidget) -> list[str]:
    """What a screen reader user would miss under ``root``."""
    found = []
    for iface in interfaces(root):
        obj = iface.object()
        name = iface.text(NAME)
        description = iface.text(DESCRIPTION)
        what = f"{type(obj).__name__} {name!r}"
        if TAG.search(description):
            found.append(f"{what}: HTML in its description {description[:60]!r}")
        if not isinstance(obj, QWidget):
            continue
        takes_focus = obj.focusPolicy() & Qt.FocusPolicy.TabFocus and obj.focusProxy() is None
        if takes_focus and obj.isEnabled():
            # On Linux Qt names a combo box after its value; its label comes by relation.
            names = [*label_names(iface), name] if isinstance(obj, QComboBox) else [name]
            if not any(n.strip() for n in names):
                found.append(f"{what}: focusable without a name")
            shown = [obj.text()] if isinstance(obj, QAbstractButton) else []
            shown += [label.text() for label in root.findChildren(QLabel) if label.buddy() is obj]
            for text in shown:
                if text and not any(words(text) in n.lower() for n in names):
                    found.append(f"{what}: the visible {text!r} is not in its name")
        if isinstance(obj, QLabel) and obj.text() and words(obj.text()) not in words(name):
            found.append(f"{what}: its text {obj.text()[:60]!r} is not heard")
    return found


@pytest.fixture(autouse=True)
def _accessibility_on() -> None:
    QAccessible.setActive(True)  # as when a screen reader is running


def test_the_tab_is_named_heard_and_described_in_plain_text(tab: SalaryTab, qtbot: QtBot) -> None:
    assert problems(tab) == []
    # The figures are heard as caption and value, the value the engine's.
    today = estimate(SalaryInputs(), year=2026)
    name = QAccessible.queryAccessibleInterface(tab.figures.typical_label.label).text(NAME)
    assert name == f"Typical base pay, 2026: {money(today.typical)}"
    # Every page of the detail tables and the assumptions too.
    tab.inputs.assumptions_toggle.click()
    for page in range(tab.details.count()):
        tab.details.setCurrentIndex(page)
        assert problems(tab) == [], tab.details.tabText(page)


def test_a_change_is_heard_and_the_figures_stay_current(tab: SalaryTab, qtbot: QtBot) -> None:
    spin = tab.inputs.experience_spin
    spin.setFocus()
    for _ in range(5):
        QTest.keyClick(spin, Qt.Key.Key_Up)
    typical = money(project(expected(years_experience=5.0)).rows[0].typical)
    label = tab.figures.typical_label.label
    said = f"Typical base pay, 2026: {typical}"
    assert QAccessible.queryAccessibleInterface(label).text(NAME) == said
    assert last_announcement(label) == said
    assert problems(tab) == []


def test_an_input_error_is_announced_and_heard(tab: SalaryTab, qtbot: QtBot) -> None:
    line = tab.inputs.location_combo.lineEdit()
    assert line is not None
    line.selectAll()
    QTest.keyClicks(line, "bostn")
    QTest.keyClick(line, Qt.Key.Key_Return)
    error = tab.error_label
    assert error.isVisible()
    heard = QAccessible.queryAccessibleInterface(error).text(NAME)
    assert heard == f"Input problem: {error.text()}"
    assert "did you mean" in heard
    assert last_announcement(error) == heard
    assert problems(tab) == []


def test_the_graph_is_summarised_and_no_focus_stop(tab: SalaryTab, qtbot: QtBot) -> None:
    plot = tab.plot
    assert plot.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert plot.viewport().focusPolicy() == Qt.FocusPolicy.NoFocus
    rows = project(expected()).rows
    summary = QAccessible.queryAccessibleInterface(plot).text(DESCRIPTION)
    assert f"Typical base pay {money(rows[0].typical)} in 2026" in summary
    assert f"{money(rows[-1].typical_real)} in {rows[-1].year}" in summary
    assert f"{money(rows[0].bls_p10)} to {money(rows[0].bls_p90)} in 2026" in summary
    assert "Year by year table" in summary
    tab.inputs.years_spin.setValue(5)  # the description follows the data
    summary = QAccessible.queryAccessibleInterface(plot).text(DESCRIPTION)
    assert "2026 to 2031" in summary


def tab_stops(qtbot: QtBot, host: QTabWidget, limit: int = 80) -> list[QWidget]:
    """Press Tab from the tab bar until the focus comes back to it; the widgets passed."""
    bar = host.tabBar()
    bar.setFocus()
    qtbot.waitUntil(bar.hasFocus)
    stops: list[QWidget] = []
    for _ in range(limit):
        focused = QGuiApplication.focusObject()
        assert isinstance(focused, QWidget)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        now = QGuiApplication.focusObject()
        assert isinstance(now, QWidget)
        if now is bar:
            return stops
        stops.append(now)
    raise AssertionError(f"Tab never came back to the tab bar: {[type(w) for w in stops[-5:]]}")


@pytest.mark.parametrize("page", [0, 1, 2, 3])
def test_tab_passes_every_table_and_comes_back(qtbot: QtBot, page: int) -> None:
    from ptplanner.ui.tabs.salary.scenario import ScenarioModel

    scenario = ScenarioModel()
    scenario.start_year = 2026
    host = QTabWidget()
    qtbot.addWidget(host)
    salary = SalaryTab(scenario)
    host.addTab(salary, "Salary")
    host.resize(1280, 800)
    host.show()
    host.activateWindow()
    qtbot.waitExposed(host)
    scenario.pin()  # the Pinned page then has a row and its Remove button can be reached
    salary.details.setCurrentIndex(page)
    stops = tab_stops(qtbot, host)
    # No invisible stops: the inputs area and the graph are passed over, not stopped at.
    assert salary.inputs not in stops
    assert salary.plot not in stops
    assert salary.inputs.role_combo in stops
    assert salary.details.tabBar() in stops
    shown = salary.details.currentWidget()
    table = shown if isinstance(shown, QTableView) else shown.findChild(QTableView)
    assert table is not None
    assert stops.count(table) == 1  # reached once, then Tab moved on
    # Every stop has a name (or, for a combo box, a label).
    for widget in stops:
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface.text(NAME) or label_names(iface), type(widget)


def test_tables_name_rows_move_by_arrows_and_copy_from_the_keyboard(
    tab: SalaryTab, qtbot: QtBot
) -> None:
    details = tab.details
    breakdown = details.breakdown_table
    assert not breakdown.tabKeyNavigation()
    first_item = breakdown.item(0, 0)
    assert first_item is not None
    first_factor = first_item.text()
    # A cell's row header (what a screen reader names its row by) is its factor, not "1".
    assert breakdown.model().headerData(0, Qt.Orientation.Vertical) == first_factor
    children = QAccessible.queryAccessibleInterface(breakdown)
    names = [children.child(i).text(NAME) for i in range(children.childCount())]
    assert first_factor in names[:12]
    assert "1" not in names

    breakdown.setFocus()
    breakdown.setCurrentCell(0, 0)
    QTest.keyClick(breakdown, Qt.Key.Key_Down)
    QTest.keyClick(breakdown, Qt.Key.Key_Right)
    assert (breakdown.currentRow(), breakdown.currentColumn()) == (1, 1)

    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    both = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(breakdown, Qt.Key.Key_C, both)
    text = clipboard.text()
    copy = [a for a in breakdown.actions() if a.text() == "Copy table"]
    assert breakdown.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert copy  # in the menu the menu key opens
    assert text.startswith("Factor\tEffect\tSource\tThe career guide says\n")
    assert first_factor in text

    details.setCurrentIndex(1)
    year_view = details.year_view
    assert year_view.model().headerData(0, Qt.Orientation.Vertical) == "2026"
    year_copy = [a for a in year_view.actions() if a.text() == "Copy table"]
    year_copy[0].trigger()
    first = project(expected()).rows[0]
    assert money(first.typical) in clipboard.text()
    assert clipboard.text() == details.year_model.as_tsv()


def test_compare_places_is_named_and_heard(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.compare_button.click()
    dialog = tab.compare_dialog
    assert isinstance(dialog, CompareDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert problems(dialog) == []
    assert not dialog.table.tabKeyNavigation()
    line = dialog.pickers[3].lineEdit()
    assert line is not None
    assert QAccessible.queryAccessibleInterface(line).text(NAME) == "Place 4 to compare"
    line.setFocus()
    QTest.keyClicks(line, "Nowherezzz")
    QTest.keyClick(line, Qt.Key.Key_Return)
    assert dialog.error_label.isVisible()
    heard = QAccessible.queryAccessibleInterface(dialog.error_label).text(NAME)
    assert heard == f"Place problem: {dialog.error_label.text()}"
    assert last_announcement(dialog.error_label) == heard


def test_check_an_offer_is_named_and_its_answer_heard(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.offer_button.click()
    dialog = tab.offer_dialog
    assert isinstance(dialog, OfferDialog)
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert problems(dialog) == []
    form = dialog.forms[0]
    form.pay_edit.setFocus()
    QTest.keyClicks(form.pay_edit, "lots")
    QTest.keyClick(form.pay_edit, Qt.Key.Key_Return)
    assert form.error_label.isVisible()
    assert last_announcement(form.error_label).startswith("Offer A: problem: ")
    form.pay_edit.clear()
    QTest.keyClicks(form.pay_edit, "45,000/year")
    QTest.keyClick(form.pay_edit, Qt.Key.Key_Return)
    assert form.result is not None
    assert last_announcement(form) == (
        f"Offer A: Among BLS pay in the area: {form.result.position_text}"
    )
    assert problems(dialog) == []
