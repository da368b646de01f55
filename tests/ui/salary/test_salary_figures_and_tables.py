"""The Salary tab's figures, the line under them, and the tables under the graph: what they show
after each change, how they grow with their text, and what they copy."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from fit_checks import hover_tip, right_click_first_item, settle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from salary_tab_helpers import cell, click, expected, show_page

from ptplanner.core.format import money
from ptplanner.core.plan.salary_link import PlanEffects
from ptplanner.core.projection import Event, project
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.tabs.salary.tab import SalaryTab


def test_year_table_matches_projection_and_copies(tab: SalaryTab, qtbot: QtBot) -> None:
    show_page(qtbot, tab, "Year by year")
    want = project(expected())
    model = tab.details.year_model
    assert model.rowCount() == len(want.rows)
    for r, row in enumerate(want.rows):
        assert model.index(r, 4).data() == money(row.typical)
    QTest.mouseClick(tab.details.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].startswith("Year\tExperience")
    assert copied[1].split("\t")[4] == money(want.rows[0].typical)


def test_detail_pages_shown_later_show_the_latest_figures(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.inputs.experience_spin.setValue(4)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    want = project(expected(years_experience=4.0, certifications=frozenset({"cmaa"})))
    show_page(qtbot, tab, "Year by year")
    years = tab.details.year_model
    assert [years.index(r, 4).data() for r in range(years.rowCount())] == [
        money(r.typical) for r in want.rows
    ]
    # The page on show follows every change as it happens.
    tab.inputs.experience_spin.setValue(6)
    want = project(expected(years_experience=6.0, certifications=frozenset({"cmaa"})))
    assert years.index(0, 1).data() == "6 yrs"
    assert years.index(10, 6).data() == money(want.rows[10].total_compensation)
    show_page(qtbot, tab, "Total compensation")
    last = tab.details.comp_table.rowCount() - 1
    total = tab.details.comp_table.item(last, 1)
    assert total is not None
    assert total.text() == money(want.today.compensation.total)
    show_page(qtbot, tab, "Why this estimate")
    table = tab.details.breakdown_table
    total_row = table.model().rowCount() - 1
    assert (
        cell(table, total_row, 1) == money(want.today.typical) == tab.figures.typical_label.text()
    )


def test_copying_from_the_year_page_copies_the_latest_figures(tab: SalaryTab, qtbot: QtBot) -> None:
    show_page(qtbot, tab, "Year by year")
    tab.details.year_view.selectAll()
    tab.inputs.experience_spin.setValue(3)
    tab.details.copy_selection()
    copied = QGuiApplication.clipboard().text().splitlines()
    want = project(expected(years_experience=3.0))
    assert len(copied) == len(want.rows) + 1
    assert copied[1].split("\t")[4] == money(want.rows[0].typical)


def test_breakdown_cells_keep_their_tips_alignment_and_bold_total(tab: SalaryTab) -> None:
    model = tab.details.breakdown_table.model()
    today = estimate(SalaryInputs())
    assert model.rowCount() == len(today.breakdown) + 1
    first = model.index(0, 0)
    assert first.data(Qt.ItemDataRole.ToolTipRole) == today.breakdown[0].detail
    assert "BLS" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    total = model.rowCount() - 1
    assert model.index(total, 0).data() == "= Typical base pay"
    assert model.index(total, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert not model.index(0, 0).data(Qt.ItemDataRole.FontRole)


def test_a_long_plan_is_counted_not_listed_above_the_graph(tab: SalaryTab, qtbot: QtBot) -> None:
    # Renewals every two years over a long plan: dozens of dated steps that feed the projection.
    renewals = tuple(
        Event(
            year=2027 + i // 2,
            kind="certification",
            value="cmaa",
            label=f"Renew CMAA, round {i + 1}",
        )
        for i in range(60)
    )
    tab.scenario.set_plan_effects(PlanEffects(events=renewals))
    context = tab.context_label
    qtbot.waitUntil(lambda: "56 more" in context.text())
    text = context.plain_text()
    assert "Renew CMAA, round 4;" in text
    assert "round 5;" not in text
    tip = context.toolTip()
    assert "Renew CMAA, round 25" in tip
    assert "round 26" not in tip
    assert "35 more in the Plan tab" in tip
    settle()
    # The line stays a line or three: the check boxes and the graph keep their room below it.
    row = tab.real_check.mapTo(tab, QPoint(0, 0)).y()
    assert context.mapTo(tab, QPoint(0, context.height())).y() <= row
    assert tab.plot.height() >= tab.plot.minimumHeight()
    assert hover_tip(context) == tip


def test_the_context_line_grows_and_shrinks_with_its_text(tab: SalaryTab, qtbot: QtBot) -> None:
    context = tab.context_label
    before = context.height()
    event = Event(year=2028, kind="certification", value="cehrs", label="CEHRS (Mar 2028)")
    tab.scenario.set_plan_effects(PlanEffects(events=(event,)))
    qtbot.waitUntil(lambda: context.height() > before)
    # The whole text fits: the box is as tall as the wrapped text at its width.
    assert context.height() == context.label.heightForWidth(context.width())
    assert context.label.geometry() == context.rect()
    tab.inputs.plan_check.setChecked(False)
    qtbot.waitUntil(lambda: context.height() == before)
    assert "From your plan" not in context.text()


def test_a_wider_figure_gets_the_room_it_needs(tab: SalaryTab, qtbot: QtBot) -> None:
    total = tab.figures.total_label
    before = total.minimumWidth()
    tab.inputs.assumption_spins["profit_sharing_usd"].setValue(1_000_000)
    assert total.text().startswith("$1,")
    needed = total.label.sizeHint().width()
    assert needed > before
    assert total.minimumWidth() >= needed
    qtbot.waitUntil(lambda: total.width() >= needed)
    assert total.label.geometry() == total.rect()


def test_right_click_copies_a_figure(tab: SalaryTab, qtbot: QtBot) -> None:
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    today = estimate(SalaryInputs(certifications=frozenset({"cmaa"})))
    for figure, want in (
        (tab.figures.typical_label, money(today.typical)),
        (tab.figures.range_label, f"{money(today.low)} – {money(today.high)}"),
        (tab.context_label, f"{today.area_name} · {today.stage_label} · "),
    ):
        QGuiApplication.clipboard().clear()
        # On the text, which passes the click on to its box.
        assert right_click_first_item(figure.label, QPoint(5, 5)) == "Copy"
        copied = QGuiApplication.clipboard().text()
        assert copied.startswith(want)
        assert "<" not in copied  # the context line's rich text came out as plain text
