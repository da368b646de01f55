"""The Salary tab on small screens and for a newcomer: headline figures that never run together,
hourly pay beside annual, the glossary on hover, the experience slider after a restart, and the
Compare places and Check an offer windows on a 1024x768 screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot
from salary_tab_helpers import click, expected, salary_page, show_page

from ptplanner.core.compare import HOURS_PER_YEAR
from ptplanner.core.glossary import tooltip
from ptplanner.core.projection import project
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui import fitting
from ptplanner.ui.tabs.salary.tab import SalaryTab

if TYPE_CHECKING:
    from ptplanner.ui.tabs.salary.figures import Figure


def hourly(annual: float) -> str:
    return f"${annual / HOURS_PER_YEAR:,.2f}"


def assert_apart(tab: SalaryTab) -> None:
    """Each figure whole inside the header, and no two closer than the gap between figures."""
    figures = tab.figures
    frame = figures.contentsRect()
    boxes: list[tuple[Figure, QRect]] = [(f, f.geometry()) for f in figures.items]
    for figure, box in boxes:
        assert frame.contains(box), figure.title.text()
        for part in (figure.title, figure.value.label, figure.hourly.label):
            assert part.sizeHint().width() <= part.width(), part.text()  # not cut
    for at, (_f, box) in enumerate(boxes):
        for _g, other in boxes[at + 1 :]:
            assert not box.intersects(other)
            if abs(box.top() - other.top()) < 4:  # side by side on one row
                gap = max(other.left() - box.right(), box.left() - other.right())
                assert gap >= 16


@pytest.mark.parametrize(("width", "font_scale"), [(1024, 1.0), (1280, 1.0), (1024, 1.25)])
def test_the_headline_figures_never_run_together(
    qtbot: QtBot, width: int, font_scale: float
) -> None:
    """At 1024 wide, and with text 25% larger (a 125% desktop), two rows rather than one."""
    from ptplanner.ui.tabs.salary.scenario import ScenarioModel

    before = QFont(QApplication.font())
    font = QFont(before)
    font.setPointSizeF(font.pointSizeF() * font_scale)
    QApplication.setFont(font)
    try:
        scenario = ScenarioModel()
        scenario.start_year = 2026
        tab = SalaryTab(scenario)
        qtbot.addWidget(tab)
        # The Salary tab's share of a window this wide (the window's frame and margins aside).
        tab.resize(width - 24, 680)
        tab.show()
        qtbot.waitExposed(tab)
        qtbot.wait(20)
        # The figures fit the window's width: they used to force the tab wider than it.
        assert tab.width() == width - 24
        right = tab.figures.mapTo(tab, tab.figures.rect().topRight()).x()
        assert right <= tab.width()
        assert_apart(tab)
        if width == 1280 and font_scale == 1.0:
            assert tab.figures.arrangement == (4, False)  # room for one row
    finally:
        QApplication.setFont(before)


def test_hourly_pay_shows_beside_annual(tab: SalaryTab, qtbot: QtBot) -> None:
    today = estimate(SalaryInputs(), year=2026)
    figures = tab.figures
    assert figures.typical.hourly.text() == f"{hourly(today.typical)} an hour"
    assert figures.range.hourly.text() == f"{hourly(today.low)} – {hourly(today.high)} an hour"
    total = today.compensation.total
    assert figures.total.hourly.text() == f"{hourly(total)} an hour"
    national = today.cost_of_living_adjusted
    assert national is not None
    assert figures.national.hourly.text() == f"{hourly(national)} an hour"
    # $45,930 a year is $22.08 an hour at BLS's 2,080 hours.
    assert hourly(45_930) == "$22.08"
    # The graph's hover readout.
    want = project(expected()).rows
    plot = tab.plot
    row = want[4]
    point = plot.getPlotItem().vb.mapViewToScene(QPointF(row.year, row.typical_real))
    QTest.mouseMove(plot.viewport(), plot.rect().topLeft())  # from off the view, so it moves
    QTest.mouseMove(plot.viewport(), plot.mapFromScene(point))
    qtbot.waitUntil(lambda: bool(plot.hover_text))
    shown = next(r for r in want if plot.hover_text.startswith(f"{r.year} · "))
    assert abs(shown.year - row.year) <= 1
    assert "Typical base: $" in plot.hover_text
    assert f"({hourly(shown.typical_real)} an hour)" in plot.hover_text
    assert f"({hourly(shown.total_real)} an hour)" in plot.hover_text
    assert QToolTip.text() == plot.hover_text
    # The year table gives each money cell as hourly pay on hover.
    show_page(qtbot, tab, "Year by year")
    model = tab.details.year_model
    assert model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole) == (
        f"{hourly(want[2].typical_real)} an hour"
    )
    assert model.index(2, 5).data(Qt.ItemDataRole.ToolTipRole) == (
        f"{hourly(want[2].total_real)} an hour"
    )


def test_the_figures_and_controls_explain_their_terms(tab: SalaryTab) -> None:
    figures = tab.figures
    typical = figures.typical
    for widget_tip in (typical.title.toolTip(), typical.value.toolTip()):
        assert tooltip("typical_pay") in widget_tip
        assert "BLS OEWS May 2025" in widget_tip  # its own source and date kept
    assert tooltip("likely_range") in figures.range.value.toolTip()
    assert tooltip("likely_range") in figures.range.title.toolTip()
    total_tip = figures.total.value.toolTip()
    assert total_tip.startswith("Cash pay $")  # the figure's own words first
    assert tooltip("total_compensation") in total_tip
    national_tip = figures.national.value.toolTip()
    assert "BEA regional price level" in national_tip
    assert tooltip("price_level") in national_tip
    assert tooltip("national_prices") in national_tip
    assert figures.typical.hourly.toolTip() == tooltip("hourly_pay")
    assert tooltip("todays_dollars") in tab.today_radio.toolTip()
    assert tooltip("nominal_dollars") in tab.nominal_radio.toolTip()
    assert tooltip("total_compensation") in tab.total_check.toolTip()
    growth = tab.inputs.assumption_spins["market_growth_pct"]
    assert tooltip("pay_scale_growth") in growth.toolTip()
    context_tip = tab.context_label.toolTip()
    assert tooltip("percentile") in context_tip
    assert tooltip("soc_code") in context_tip
    header = tab.details.year_model.headerData(
        3, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert header == tooltip("typical_pay")


def test_the_experience_slider_agrees_with_the_box_after_a_restart(qtbot: QtBot) -> None:
    """Reported: the slider showed 0 after a restart while the box said 2 years."""
    from ptplanner.core.settings import load_settings
    from ptplanner.ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.tabs.setCurrentIndex(2)
    tab = salary_page(first)
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    slider = tab.inputs.experience_slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Right)
    QTest.keyClick(slider, Qt.Key.Key_Right)
    assert tab.inputs.experience_spin.value() == 2

    def saved() -> bool:
        data = load_settings().salary_inputs or {}
        return data.get("years_experience") == 2.0

    qtbot.waitUntil(saved, timeout=3000)
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    second.tabs.setCurrentIndex(2)
    again = salary_page(second)
    qtbot.waitUntil(again.isVisible, timeout=3000)
    assert again.inputs.experience_spin.value() == 2
    assert again.inputs.experience_slider.value() == 2
    second.close()


def test_compare_and_offer_fit_a_1024x768_screen(
    tab: SalaryTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    available = QRect(0, 0, 1024, 768 - 40)  # less a taskbar
    monkeypatch.setattr(fitting, "available_geometry", lambda _widget=None: QRect(available))
    click(qtbot, tab.compare_button)
    click(qtbot, tab.offer_button)
    for dialog in (tab.compare_dialog, tab.offer_dialog):
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible)
        assert dialog.width() <= available.width()
        assert dialog.height() <= available.height()
        # Its content can shrink that far: a minimum taller than the screen would win.
        assert dialog.minimumSizeHint().height() <= available.height()
        dialog.close()


def test_on_a_short_screen_the_estimate_and_graph_scroll_instead_of_being_cut(
    qtbot: QtBot,
) -> None:
    """1280x720 at 150% leaves a window of about 853x480: the right side scrolls, every part
    keeps its own minimum height, and Tab to the tables below brings them into view. Where all
    of it fits (1280x800) no scroll bar shows."""
    from ptplanner.core.settings import Settings
    from ptplanner.ui.tabs.salary.scenario import ScenarioModel

    tab = SalaryTab(ScenarioModel(Settings()))
    qtbot.addWidget(tab)
    tab.resize(853, 420)
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.wait(1)
    bar = tab.right_scroll.verticalScrollBar()
    assert bar.maximum() > 0
    assert tab.plot.height() >= tab.plot.minimumSizeHint().height()
    viewport = tab.right_scroll.viewport()
    assert bar.value() == 0
    tab.pin_button.setFocus(Qt.FocusReason.TabFocusReason)
    for _ in range(6):  # Tab on from the row above the graph into the tables under it
        focused = QApplication.focusWidget()
        assert focused is not None
        if tab.details.isAncestorOf(focused):
            break
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    assert focused is not None
    assert tab.details.isAncestorOf(focused), focused
    qtbot.wait(1)
    top = focused.mapTo(viewport, focused.rect().topLeft()).y()
    assert 0 <= top < viewport.height(), (top, viewport.height())
    assert bar.value() > 0

    tab.resize(1280, 760)
    qtbot.wait(1)
    assert bar.maximum() == 0
