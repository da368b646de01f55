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
from ptplanner.core.knowledge import benefit_costs
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
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert titles == [
        "Year",
        "Role",
        "Experience",
        "Typical base\n(2026 dollars)",
        "Likely range\n(2026 dollars)",
        "Total comp\n(2026 dollars)",
        "Events",
    ]
    for r, row in enumerate(want.rows):
        assert model.index(r, 1).data() == f"PT care coordinator, {row.stage.lower()}"
        assert model.index(r, 3).data() == money(row.typical / row.deflator)
        low, high = money(row.low / row.deflator), money(row.high / row.deflator)
        assert model.index(r, 4).data() == f"{low} – {high}"
        assert model.index(r, 5).data() == money(row.total_compensation / row.deflator)
    # The first year is today: the same figure in either dollars, and the headline's.
    assert (
        model.index(0, 3).data() == money(want.rows[0].typical) == tab.figures.typical_label.text()
    )
    QTest.mouseClick(tab.details.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].startswith("Year\tRole\tExperience\tTypical base (2026 dollars)\t")
    assert copied[1].split("\t")[3] == money(want.rows[0].typical)


def test_nominal_dollars_are_one_click_away(tab: SalaryTab, qtbot: QtBot) -> None:
    show_page(qtbot, tab, "Year by year")
    want = project(expected())
    plot, model = tab.plot, tab.details.year_model
    axis = plot.getPlotItem().getAxis("left")
    assert tab.today_radio.isChecked()
    assert tab.today_radio.text().replace("&", "") == "2026 dollars"
    assert axis.labelText == "Pay per year (2026 dollars)"
    legend = {label.text for _sample, label in plot.legend.items}
    assert "Typical base pay (2026 dollars)" in legend
    click(qtbot, tab.nominal_radio)
    assert tab.scenario.dollars == "nominal"
    assert axis.labelText == "Pay per year (nominal dollars)"
    legend = {label.text for _sample, label in plot.legend.items}
    assert "Typical base pay (nominal dollars)" in legend
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Typical base\n(nominal dollars)"
    assert [model.index(r, 3).data() for r in range(model.rowCount())] == [
        money(r.typical) for r in want.rows
    ]
    assert list(plot.typical_curve.getData()[1]) == pytest.approx([r.typical for r in want.rows])
    assert list(plot.bls_high.getData()[1]) == pytest.approx([r.bls_p90 for r in want.rows])
    assert "In nominal dollars" in plot.figures_for_year(2030)
    # Nominal pay grows with prices too: ten years of the CPI-U default on top.
    assert want.rows[10].typical == pytest.approx(want.rows[10].typical_real * 1.026**10)
    click(qtbot, tab.today_radio)
    assert axis.labelText == "Pay per year (2026 dollars)"
    assert list(plot.bls_high.getData()[1]) == pytest.approx(
        [r.bls_p90 / r.deflator for r in want.rows]
    )


def test_detail_pages_shown_later_show_the_latest_figures(tab: SalaryTab, qtbot: QtBot) -> None:
    tab.inputs.experience_spin.setValue(4)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    want = project(expected(years_experience=4.0, certifications=frozenset({"cmaa"})))
    show_page(qtbot, tab, "Year by year")
    years = tab.details.year_model
    assert [years.index(r, 3).data() for r in range(years.rowCount())] == [
        money(r.typical_real) for r in want.rows
    ]
    # The page on show follows every change as it happens.
    tab.inputs.experience_spin.setValue(6)
    want = project(expected(years_experience=6.0, certifications=frozenset({"cmaa"})))
    assert years.index(0, 2).data() == "6 yrs"
    assert years.index(10, 5).data() == money(want.rows[10].total_real)
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


def test_total_compensation_shows_cash_and_benefits_apart(tab: SalaryTab, qtbot: QtBot) -> None:
    show_page(qtbot, tab, "Total compensation")
    table = tab.details.comp_table
    rows = {cell(table, r, 0): cell(table, r, 1) for r in range(table.rowCount())}
    comp = project(expected()).today.compensation
    a = SalaryInputs().assumptions
    assert list(rows) == [
        "Base pay (typical)",
        f"Bonus and extra pay ({a.bonus_pct:g}% of base)",
        "Profit sharing",
        "= Cash pay",
        f"401(k) match ({a.match_rate_pct:g}% of yours, up to {a.match_cap_pct:g}%)",
        f"Health cover ({a.health_value_pct:g}% of base)",
        "Continuing-education stipend",
        "= Employer-paid benefits",
        "= Total compensation",
    ]
    base = comp.base
    assert rows["= Cash pay"] == money(base + base * a.bonus_pct / 100 + a.profit_sharing_usd)
    match = base * min(a.retirement_contribution_pct, a.match_cap_pct) / 100 * a.match_rate_pct
    benefits = match / 100 + base * a.health_value_pct / 100 + a.ce_stipend_usd
    assert rows["= Employer-paid benefits"] == money(benefits)
    assert rows["= Total compensation"] == money(comp.cash + benefits) == money(comp.total)
    assert tab.figures.total_label.text() == money(comp.total)
    bold = [table.item(r, 0).font().bold() for r in range(table.rowCount())]  # type: ignore[union-attr]
    assert bold == [False, False, False, True, False, False, False, True, True]
    # Paid leave is explained, not added: BLS ECEC's share of pay for leave, inside base pay.
    ecec = benefit_costs().ecec
    share = 100 * ecec.per_hour["paid_leave"] / (ecec.wages_per_hour + ecec.per_hour["paid_leave"])
    note = tab.details.comp_page.leave_note
    assert note.isVisible()
    assert f"about {share:.0f}% of it ({money(base * share / 100)} a year)" in note.text()
    assert "not added on top" in note.text()
    assert "BLS ECEC, March 2026" in note.text()
    assert not any("time off" in label.lower() for label in rows)


def test_breakdown_cells_keep_their_tips_alignment_and_bold_total(tab: SalaryTab) -> None:
    model = tab.details.breakdown_table.model()
    today = estimate(SalaryInputs(), year=2026)
    assert model.rowCount() == len(today.breakdown) + 1
    first = model.index(0, 0)
    assert first.data(Qt.ItemDataRole.ToolTipRole) == today.breakdown[0].detail
    assert "BLS" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    total = model.rowCount() - 1
    assert model.index(total, 0).data() == "= Typical base pay, 2026"
    assert model.index(total, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert not model.index(0, 0).data(Qt.ItemDataRole.FontRole)
    # The market line names its source once, not its dates twice.
    market = total - 1
    assert model.index(market, 2).data() == "BLS OEWS national, May 2020-2025"


def test_a_long_plan_is_counted_not_listed_above_the_graph(tab: SalaryTab, qtbot: QtBot) -> None:
    # A restless plan: a change of employer every six months, dozens of dated steps that each
    # change pay (a step that changes nothing, like renewing a certification held, is no event).
    switches = tuple(
        Event(
            year=2027 + i // 2,
            month=1 + 6 * (i % 2),
            kind="employer_type",
            value="hospital" if i % 2 == 0 else "private_clinic",
            label=f"Switch employer, round {i + 1}",
        )
        for i in range(60)
    )
    tab.scenario.set_plan_effects(PlanEffects(events=switches))
    context = tab.context_label
    qtbot.waitUntil(lambda: "56 more" in context.text())
    text = context.plain_text()
    assert "Switch employer, round 4;" in text
    assert "round 5;" not in text
    tip = context.toolTip()
    assert "Switch employer, round 25" in tip
    assert "round 26" not in tip
    assert "35 more in the Plan tab" in tip
    settle()
    # The line stays a line or three: the check boxes and the graph keep their room below it.
    row = tab.today_radio.mapTo(tab, QPoint(0, 0)).y()
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
    today = estimate(SalaryInputs(certifications=frozenset({"cmaa"})), year=2026)
    for figure, want in (
        (tab.figures.typical_label, money(today.typical)),
        (tab.figures.range_label, f"{money(today.low)} – {money(today.high)}"),
        (tab.context_label, f"{today.area_name} · PT care coordinator (entry level) · "),
    ):
        QGuiApplication.clipboard().clear()
        # On the text, which passes the click on to its box.
        assert right_click_first_item(figure.label, QPoint(5, 5)) == "Copy"
        copied = QGuiApplication.clipboard().text()
        assert copied.startswith(want)
        assert "<" not in copied  # the context line's rich text came out as plain text
