"""The Salary tab's projection graph: its lines and bands, the pay axis that holds still, the
pinned comparison, the legend and the figures shown on hover."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot
from salary_tab_helpers import click, expected

from ptplanner.core.format import money
from ptplanner.core.projection import Projection, project
from ptplanner.core.salary.inputs import default_assumptions
from ptplanner.ui.tabs.salary.legend import ProjectionLegend
from ptplanner.ui.tabs.salary.pay_range import ROOMIER_LIMIT, snapped_range
from ptplanner.ui.tabs.salary.tab import SalaryTab


def extent_of(projection: Projection) -> tuple[float, float]:
    """The lowest and highest values the graph shows (total compensation on, 2026 dollars)."""
    lowest = min(r.bls_p10 / r.deflator for r in projection.rows)
    highest = max(max(r.total_real, r.bls_p90 / r.deflator) for r in projection.rows)
    return lowest, highest


def test_the_graph_shows_todays_dollars_by_default(tab: SalaryTab, qtbot: QtBot) -> None:
    want = project(expected())
    ys = tab.plot.typical_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical_real for r in want.rows])
    assert list(tab.plot.total_curve.getData()[1]) == pytest.approx(
        [r.total_real for r in want.rows]
    )
    # A care coordinator's pay is flat-ish in real terms: BLS's scale fell behind prices
    # 2020-2025, so only the climb with experience lifts it (no 3.4% raise budget on top).
    assert ys[-1] < ys[0] * 1.25
    click(qtbot, tab.nominal_radio)
    ys = tab.plot.typical_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical for r in want.rows])


def test_pinning_draws_a_comparison(tab: SalaryTab, qtbot: QtBot) -> None:
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    QTest.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    pinned = project(expected(certifications=frozenset({"cmaa"})))
    ys = tab.plot.compare_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical_real for r in pinned.rows])
    assert tab.plot.compare_curve.isVisible()
    assert "CMAA" in tab.plot.figures_for_year(2030)
    QTest.mouseClick(tab.unpin_button, Qt.MouseButton.LeftButton)
    assert not tab.plot.compare_curve.isVisible()


def test_hover_text_matches_the_table(tab: SalaryTab) -> None:
    want = project(expected())
    row = want.rows[3]
    text = tab.plot.figures_for_year(row.year)
    assert text.startswith(f"{row.year} · PT care coordinator, {row.stage.lower()} · 3 yrs\n")
    assert f"Typical base: {money(row.typical_real)}" in text
    assert f"Total compensation: {money(row.total_real)}" in text
    assert "In 2026 dollars" in text


def test_pinned_curve_follows_the_dollars_shown(tab: SalaryTab, qtbot: QtBot) -> None:
    QTest.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    pinned = project(expected())
    click(qtbot, tab.nominal_radio)
    ys = tab.plot.compare_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical for r in pinned.rows])
    assert tab.plot.getPlotItem().getAxis("left").labelText == "Pay per year (nominal dollars)"
    click(qtbot, tab.today_radio)
    ys = tab.plot.compare_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical_real for r in pinned.rows])
    assert tab.plot.getPlotItem().getAxis("left").labelText == "Pay per year (2026 dollars)"


def test_view_and_bands_follow_each_change(tab: SalaryTab, qtbot: QtBot) -> None:
    line = tab.inputs.location_combo.lineEdit()
    assert line is not None
    for place, years in (("boston", 3), ("texas", 7), ("national", 0)):
        tab.inputs.experience_spin.setValue(years)
        line.selectAll()
        QTest.keyClicks(line, place)
        QTest.keyClick(line, Qt.Key.Key_Return)
        want = project(expected(location=place, years_experience=float(years)))
        (x0, x1), (y0, y1) = tab.plot.getPlotItem().vb.viewRange()
        assert x0 < want.rows[0].year
        assert x1 > want.rows[-1].year
        lowest, highest = extent_of(want)
        assert y0 <= lowest * 0.9  # every line inside, with a margin
        assert y1 >= highest * 1.05
        fresh = snapped_range(lowest, highest)  # and the graph not much emptier than a fresh axis
        assert y1 - y0 <= ROOMIER_LIMIT * (fresh[1] - fresh[0]) + 1e-6
        # The shaded likely range spans the low and high curves of this projection.
        band = tab.plot.band.polygon().boundingRect()
        assert band.top() == pytest.approx(min(r.low / r.deflator for r in want.rows))
        assert band.bottom() == pytest.approx(max(r.high / r.deflator for r in want.rows))


def test_the_pay_axis_holds_still_for_small_changes(tab: SalaryTab, qtbot: QtBot) -> None:
    # Round steps: $80,000 of span snaps to whole $5,000s, with the margin kept.
    assert snapped_range(50_000, 120_000) == (45_000, 130_000)

    def extent(growth_pct: float) -> tuple[float, float]:
        changed = default_assumptions().model_copy(update={"market_growth_pct": growth_pct})
        return extent_of(project(expected(assumptions=changed)))

    # A step of the spin box that moves every line but not past a round step of the axis.
    start = next(
        pct / 10
        for pct in range(-20, 40)
        if snapped_range(*extent(pct / 10)) == snapped_range(*extent(pct / 10 + 0.1))
        and extent(pct / 10) != extent(pct / 10 + 0.1)
    )
    view = tab.plot.getPlotItem().vb
    growth = tab.inputs.assumption_spins["market_growth_pct"]
    growth.setValue(start)
    before = view.viewRange()[1]
    growth.setFocus()
    QTest.keyClick(growth, Qt.Key.Key_Up)
    assert growth.value() == pytest.approx(start + 0.1)
    assert view.viewRange()[1] == pytest.approx(before)


def test_ticking_and_unticking_keeps_the_pay_axis(tab: SalaryTab, qtbot: QtBot) -> None:
    view = tab.plot.getPlotItem().vb
    cmaa = tab.inputs.cert_checks["cmaa"]
    click(qtbot, cmaa)  # the lines rise: the axis grows if they no longer fit
    with_cmaa = view.viewRange()[1]
    click(qtbot, cmaa)  # and fall back: the axis stays, so the drop shows against it
    without = project(expected())
    assert tab.plot.typical_curve.getData()[1] == pytest.approx(
        [r.typical_real for r in without.rows]
    )
    assert view.viewRange()[1] == pytest.approx(with_cmaa)
    assert with_cmaa != pytest.approx(snapped_range(*extent_of(without)))  # a fresh axis differs
    click(qtbot, cmaa)
    assert view.viewRange()[1] == pytest.approx(with_cmaa)


def test_the_legend_hides_and_shows_a_line(tab: SalaryTab, qtbot: QtBot) -> None:
    plot = tab.plot
    sample = next(s for s, label in plot.legend.items if label.text == "Total compensation")
    where = plot.mapFromScene(sample.mapToScene(sample.boundingRect().center()))
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert not plot.total_curve.isVisible()
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert plot.total_curve.isVisible()
    # Unticking "Show total compensation" hides the line the same way.
    click(qtbot, tab.total_check)
    assert not plot.total_curve.isVisible()
    want = project(expected())
    assert list(plot.total_curve.getData()[1]) == pytest.approx([r.total_real for r in want.rows])


def test_hovering_a_year_shows_its_figures(tab: SalaryTab, qtbot: QtBot) -> None:
    plot = tab.plot
    want = project(expected()).rows[4]
    scene_point = plot.getPlotItem().vb.mapViewToScene(QPointF(want.year, want.typical_real))
    QTest.mouseMove(plot.viewport(), plot.mapFromScene(scene_point))
    assert plot.cursor.isVisible()
    assert plot.cursor.value() == want.year
    assert f"Typical base: {money(want.typical_real)}" in plot.hover_text
    assert QToolTip.text() == plot.hover_text


def legend_slack(legend: ProjectionLegend) -> tuple[float, float]:
    """Empty room in the legend's box right of and below its widest and lowest text, in px.

    Negative if some text sticks out of the box."""
    box = legend.boundingRect()
    texts = [label.mapRectToItem(legend, label.itemRect()) for _sample, label in legend.items]
    return box.right() - max(t.right() for t in texts), box.bottom() - max(
        t.bottom() for t in texts
    )


def covered_points(tab: SalaryTab) -> list[tuple[float, float]]:
    """The points of the lines on show that lie under the legend's box (none, rightly)."""
    plot = tab.plot
    box = plot.legend.mapRectToScene(plot.legend.boundingRect())
    view = plot.getPlotItem().vb
    curves = (
        plot.typical_curve,
        plot.low_curve,
        plot.high_curve,
        plot.total_curve,
        plot.bls_low,
        plot.bls_high,
        *plot.compare_curves,
    )
    return [
        (x, y)
        for curve in curves
        if curve.isVisible()
        for x, y in zip(*curve.getData(), strict=True)
        if box.contains(view.mapViewToScene(QPointF(x, y)))
    ]


@pytest.mark.parametrize("size", [(1000, 600), (1024, 700), (1280, 720), (1600, 1000)])
def test_the_legend_never_covers_the_lines(
    tab: SalaryTab, qtbot: QtBot, size: tuple[int, int]
) -> None:
    """It used to sit over the view, on the total compensation line in a short graph."""
    # Two pinned scenarios as well, their lines among the ones checked.
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    QTest.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
    click(qtbot, tab.inputs.cert_checks["cehrs"])
    QTest.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
    tab.resize(*size)
    qtbot.waitUntil(lambda: tab.size().width() == size[0] and tab.height() == size[1])
    plot, legend = tab.plot, tab.plot.legend
    qtbot.wait(20)  # the legend follows the plot's new size on the next layout
    assert covered_points(tab) == []
    box = legend.mapRectToScene(legend.boundingRect())
    view = plot.getPlotItem().vb.sceneBoundingRect()
    assert not box.intersects(view)  # not over the view at all: under it
    assert box.top() >= plot.getPlotItem().getAxis("bottom").sceneBoundingRect().top()
    # Whole and on show, within the widget.
    assert plot.rect().contains(plot.mapFromScene(box).boundingRect())
    assert all(0 <= room <= 12 for room in legend_slack(legend))


def test_the_legend_takes_as_many_columns_as_the_width_holds(tab: SalaryTab, qtbot: QtBot) -> None:
    plot, legend = tab.plot, tab.plot.legend
    tab.resize(1600, 900)
    qtbot.waitUntil(lambda: legend.columnCount == 4)  # the four entries on one line
    one_line = legend.boundingRect().height()
    tab.resize(1000, 700)
    qtbot.waitUntil(lambda: legend.columnCount < 4)
    assert legend.width_in(legend.columnCount) <= plot.width()
    assert legend.boundingRect().height() > one_line
    # The box fits its entries as they are now, through changes of columns and pins.
    width = legend.boundingRect().width()
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    QTest.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
    assert all(0 <= room <= 12 for room in legend_slack(legend))
    QTest.mouseClick(tab.unpin_button, Qt.MouseButton.LeftButton)
    assert all(0 <= room <= 12 for room in legend_slack(legend))
    assert legend.boundingRect().width() == width


def test_the_legend_entries_explain_their_terms(tab: SalaryTab) -> None:
    from ptplanner.core.glossary import tooltip

    tips = {label.text: label.toolTip() for _sample, label in tab.plot.legend.items}
    assert tips["Your role's BLS 10th–90th percentile"] == tooltip("p10_p90")
    assert tips["Likely range (low–high)"] == tooltip("likely_range")
    assert tips["Total compensation"] == tooltip("total_compensation")


def test_the_pay_axis_reads_zero_as_dollars_and_keeps_its_title_whole(
    tab: SalaryTab, qtbot: QtBot
) -> None:
    axis = tab.plot.getPlotItem().getAxis("left")
    assert axis.tickStrings([0.0, 20_000.0, 40_000.0], 1.0, 20_000.0) == ["$0", "$20k", "$40k"]
    for size in ((1280, 1000), (1000, 600)):
        tab.resize(*size)
        height = size[1]

        def resized(h: int = height) -> bool:
            return bool(tab.height() == h)

        qtbot.waitUntil(resized)
        qtbot.wait(20)
        label = axis.label
        title = label.toPlainText().strip()
        assert title in ("Pay per year (2026 dollars)", "Pay per year")
        # The title, drawn turned, fits the axis's height: not cut at the top (or bottom).
        drawn = tab.plot.mapFromScene(label.mapRectToScene(label.boundingRect())).boundingRect()
        axis_box = tab.plot.mapFromScene(axis.sceneBoundingRect()).boundingRect()
        assert axis_box.top() - 4 <= drawn.top()
        assert drawn.bottom() <= axis_box.bottom() + 4
    assert axis.label.toPlainText().strip() == "Pay per year"  # a short graph: the short title
