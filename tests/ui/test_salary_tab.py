"""The Salary tab driven as a person would: typing a location, ticking boxes, moving the slider."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from fit_checks import (
    hover_tip,
    open_main_window,
    right_click_first_item,
    settle,
    tip_at,
    widgets_cut_off,
)
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QStyle,
    QTableView,
    QToolTip,
)

from ptplanner.core.plan.salary_link import PlanEffects
from ptplanner.core.projection import Event, Projection, ProjectionRequest, project
from ptplanner.core.salary import SalaryInputs, default_assumptions, estimate
from ptplanner.ui.tabs.salary.plot import ROOMIER_LIMIT, snapped_range, steady_range
from ptplanner.ui.tabs.salary.scenario import ScenarioModel
from ptplanner.ui.tabs.salary.tab import GRAPH_SHARE, FittedHeader, SalaryTab, money


@pytest.fixture
def tab(qtbot):  # type: ignore[no-untyped-def]
    scenario = ScenarioModel()
    scenario.start_year = 2026
    widget = SalaryTab(scenario)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot, button) -> None:  # type: ignore[no-untyped-def]
    """Click where a person would: on the box and its label, not the stretched empty space."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def show_page(qtbot, tab, title: str) -> None:  # type: ignore[no-untyped-def]
    """Pick a detail sub-tab by clicking its title, as a person would."""
    bar = tab.details.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tab.details.currentIndex() == index


def cell(table, row: int, column: int) -> str:  # type: ignore[no-untyped-def]
    return table.model().index(row, column).data()


def expected(**inputs: object) -> ProjectionRequest:
    return ProjectionRequest(inputs=SalaryInputs(**inputs), years=10, start_year=2026)


def test_defaults_show_the_engines_estimate(tab) -> None:  # type: ignore[no-untyped-def]
    today = estimate(SalaryInputs())
    assert tab.typical_label.text() == money(today.typical)
    assert tab.range_label.text() == f"{money(today.low)} – {money(today.high)}"
    assert tab.total_label.text() == money(today.compensation.total)


def test_typing_a_location_updates_everything(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    line = tab.inputs.location_combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "boston")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    today = estimate(SalaryInputs(location="boston"))
    assert tab.inputs.location_combo.currentText() == "Boston-Cambridge-Newton, MA-NH"
    assert tab.typical_label.text() == money(today.typical)
    assert "Boston-Cambridge-Newton" in tab.context_label.text()
    # The breakdown shows BLS's location effect and the guide's premium beside it.
    table = tab.breakdown_table
    rows = {cell(table, r, 0): r for r in range(table.model().rowCount())}
    location_row = rows["Location: Boston-Cambridge-Newton, MA-NH"]
    assert "15-25%" in cell(table, location_row, 3)


def test_an_unknown_location_is_explained_and_nothing_changes(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    before = tab.typical_label.text()
    line = tab.inputs.location_combo.lineEdit()
    line.selectAll()
    qtbot.keyClicks(line, "bostn")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert tab.error_label.isVisible()
    assert "did you mean" in tab.error_label.text()
    assert tab.typical_label.text() == before


def test_ticking_a_certification_adds_the_guides_effect(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    today = estimate(SalaryInputs(certifications=frozenset({"cmaa"})))
    assert tab.typical_label.text() == money(today.typical)
    table = tab.breakdown_table
    cert_row = next(
        r for r in range(table.model().rowCount()) if cell(table, r, 0).startswith("Certifications")
    )
    assert cell(table, cert_row, 1) == "+$3,500"


def test_moving_the_slider_moves_the_spin_box_and_the_graph(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    slider = tab.inputs.experience_slider
    slider.setFocus()
    for _ in range(5):
        qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert tab.inputs.experience_spin.value() == 5
    want = project(expected(years_experience=5.0))
    xs, ys = tab.plot.typical_curve.getData()
    assert list(xs) == [float(r.year) for r in want.rows]
    assert list(ys) == pytest.approx([r.typical for r in want.rows])
    low = tab.plot.low_curve.getData()[1]
    assert list(low) == pytest.approx([r.low for r in want.rows])


def test_breakdown_sums_to_the_estimate(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, tab.inputs.skill_checks["emr"])
    table = tab.breakdown_table
    amounts = []
    rows = table.model().rowCount()
    for r in range(rows - 1):
        text = cell(table, r, 1).replace("$", "").replace(",", "").replace("−", "-")
        amounts.append(float(text))
    total = cell(table, rows - 1, 1)
    assert money(sum(amounts)) == total == tab.typical_label.text()


def test_inflation_adjusted_graph(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, tab.real_check)
    want = project(expected())
    ys = tab.plot.typical_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical_real for r in want.rows])


def test_pinning_draws_a_comparison(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    qtbot.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    pinned = project(expected(certifications=frozenset({"cmaa"})))
    ys = tab.plot.compare_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical for r in pinned.rows])
    assert tab.plot.compare_curve.isVisible()
    assert "CMAA" in tab.plot.figures_for_year(2030)
    qtbot.mouseClick(tab.unpin_button, Qt.MouseButton.LeftButton)
    assert not tab.plot.compare_curve.isVisible()


def test_hover_text_matches_the_table(tab) -> None:  # type: ignore[no-untyped-def]
    want = project(expected())
    row = want.rows[3]
    text = tab.plot.figures_for_year(row.year)
    assert f"Typical base: {money(row.typical)}" in text
    assert f"Total compensation: {money(row.total_compensation)}" in text


def test_assumptions_change_total_compensation(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(tab.inputs.assumptions_toggle, Qt.MouseButton.LeftButton)
    assert tab.inputs.assumptions_box.isVisible()
    spin = tab.inputs.assumption_spins["bonus_pct"]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, "10")
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    inputs = SalaryInputs()
    inputs = inputs.model_copy(
        update={"assumptions": inputs.assumptions.model_copy(update={"bonus_pct": 10.0})}
    )
    assert tab.total_label.text() == money(estimate(inputs).compensation.total)
    qtbot.mouseClick(tab.inputs.reset_button, Qt.MouseButton.LeftButton)
    assert tab.total_label.text() == money(estimate(SalaryInputs()).compensation.total)


def test_year_table_matches_projection_and_copies(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    show_page(qtbot, tab, "Year by year")
    want = project(expected())
    model = tab.year_model
    assert model.rowCount() == len(want.rows)
    for r, row in enumerate(want.rows):
        assert model.index(r, 4).data() == money(row.typical)
    qtbot.mouseClick(tab.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text().splitlines()
    assert copied[0].startswith("Year\tExperience")
    assert copied[1].split("\t")[4] == money(want.rows[0].typical)


def test_plan_events_reach_the_projection(tab) -> None:  # type: ignore[no-untyped-def]
    event = Event(year=2028, kind="certification", value="cehrs", label="CEHRS (Mar 2028)")
    tab.scenario.set_plan_effects(PlanEffects(events=(event,)))
    want = project(
        ProjectionRequest(inputs=SalaryInputs(), years=10, start_year=2026, events=(event,))
    )
    ys = tab.plot.typical_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical for r in want.rows])
    assert "CEHRS (Mar 2028)" in tab.context_label.text()
    tab.inputs.plan_check.setChecked(False)
    plain = project(expected())
    assert list(tab.plot.typical_curve.getData()[1]) == pytest.approx(
        [r.typical for r in plain.rows]
    )


def test_every_control_has_an_accessible_name(tab) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QComboBox, QSlider

    for kind in (QAbstractButton, QAbstractSpinBox, QComboBox, QSlider):
        for widget in tab.findChildren(kind):
            if widget.objectName().startswith("qt_"):  # Qt's own parts, e.g. corner buttons
                continue
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            where = (
                f"{widget.metaObject().className()} in {widget.parent().metaObject().className()}"
            )
            assert name, f"{where} has no accessible name"


def test_pinned_curve_follows_the_inflation_toggle(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    pinned = project(expected())
    click(qtbot, tab.real_check)
    ys = tab.plot.compare_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical_real for r in pinned.rows])
    assert "2026 dollars" in tab.plot.getPlotItem().getAxis("left").labelText
    click(qtbot, tab.real_check)
    ys = tab.plot.compare_curve.getData()[1]
    assert list(ys) == pytest.approx([r.typical for r in pinned.rows])
    assert tab.plot.getPlotItem().getAxis("left").labelText == "Pay per year"


def test_view_and_bands_follow_each_change(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    line = tab.inputs.location_combo.lineEdit()
    for place, years in (("boston", 3), ("texas", 7), ("national", 0)):
        tab.inputs.experience_spin.setValue(years)
        line.selectAll()
        qtbot.keyClicks(line, place)
        qtbot.keyClick(line, Qt.Key.Key_Return)
        want = project(expected(location=place, years_experience=float(years)))
        (x0, x1), (y0, y1) = tab.plot.getPlotItem().vb.viewRange()
        assert x0 < want.rows[0].year and x1 > want.rows[-1].year
        lowest, highest = extent_of(want)
        assert y0 <= lowest * 0.9 and y1 >= highest * 1.05  # every line inside, with a margin
        fresh = snapped_range(lowest, highest)  # and the graph not much emptier than a fresh axis
        assert y1 - y0 <= ROOMIER_LIMIT * (fresh[1] - fresh[0]) + 1e-6
        # The shaded likely range spans the low and high curves of this projection.
        band = tab.plot.band.polygon().boundingRect()
        assert band.top() == pytest.approx(min(r.low for r in want.rows))
        assert band.bottom() == pytest.approx(max(r.high for r in want.rows))


def extent_of(projection: Projection) -> tuple[float, float]:
    """The lowest and highest values the graph shows (total compensation on)."""
    lowest = min(r.bls_p10 for r in projection.rows)
    highest = max(max(r.total_compensation, r.bls_p90) for r in projection.rows)
    return lowest, highest


def test_the_pay_axis_holds_still_for_small_changes(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    # Round steps: $80,000 of span snaps to whole $5,000s, with the margin kept.
    assert snapped_range(50_000, 120_000) == (45_000, 130_000)

    def extent(raise_pct: float) -> tuple[float, float]:
        changed = default_assumptions().model_copy(update={"raise_pct": raise_pct})
        return extent_of(project(expected(assumptions=changed)))

    # A step of the spin box that moves every line but not past a round step of the axis.
    start = next(
        pct / 10
        for pct in range(20, 60)
        if snapped_range(*extent(pct / 10)) == snapped_range(*extent(pct / 10 + 0.1))
        and extent(pct / 10) != extent(pct / 10 + 0.1)
    )
    view = tab.plot.getPlotItem().vb
    raise_spin = tab.inputs.assumption_spins["raise_pct"]
    raise_spin.setValue(start)
    before = view.viewRange()[1]
    raise_spin.setFocus()
    qtbot.keyClick(raise_spin, Qt.Key.Key_Up)
    assert raise_spin.value() == pytest.approx(start + 0.1)
    assert view.viewRange()[1] == pytest.approx(before)


def test_the_pay_axis_is_kept_while_it_suits_the_data() -> None:
    # Nothing shown yet: a fresh axis.
    fresh = snapped_range(50_000, 120_000)
    assert steady_range(None, 50_000, 120_000) == fresh == (45_000, 130_000)
    # Lines that moved a little, down or up, inside the margin: the same axis.
    assert steady_range((45_000, 130_000), 52_000, 115_000) == (45_000, 130_000)
    assert steady_range((45_000, 130_000), 50_000, 123_000) == (45_000, 130_000)
    # A top line that reaches the margin: a new axis, with the margin again.
    assert steady_range((45_000, 130_000), 50_000, 125_000) == snapped_range(50_000, 125_000)
    # Data in a corner of the kept axis (a far cheaper area): a new axis, so it fills the graph.
    assert steady_range((45_000, 130_000), 50_000, 90_000) == snapped_range(50_000, 90_000)


def test_ticking_and_unticking_keeps_the_pay_axis(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = tab.plot.getPlotItem().vb
    cmaa = tab.inputs.cert_checks["cmaa"]
    click(qtbot, cmaa)  # the lines rise: the axis grows if they no longer fit
    with_cmaa = view.viewRange()[1]
    click(qtbot, cmaa)  # and fall back: the axis stays, so the drop shows against it
    without = project(expected())
    assert tab.plot.typical_curve.getData()[1] == pytest.approx([r.typical for r in without.rows])
    assert view.viewRange()[1] == pytest.approx(with_cmaa)
    assert with_cmaa != pytest.approx(snapped_range(*extent_of(without)))  # a fresh axis differs
    click(qtbot, cmaa)
    assert view.viewRange()[1] == pytest.approx(with_cmaa)


def test_detail_pages_shown_later_show_the_latest_figures(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab.inputs.experience_spin.setValue(4)
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    want = project(expected(years_experience=4.0, certifications=frozenset({"cmaa"})))
    show_page(qtbot, tab, "Year by year")
    assert [tab.year_model.index(r, 4).data() for r in range(tab.year_model.rowCount())] == [
        money(r.typical) for r in want.rows
    ]
    # The page on show follows every change as it happens.
    tab.inputs.experience_spin.setValue(6)
    want = project(expected(years_experience=6.0, certifications=frozenset({"cmaa"})))
    assert tab.year_model.index(0, 1).data() == "6 yrs"
    assert tab.year_model.index(10, 6).data() == money(want.rows[10].total_compensation)
    show_page(qtbot, tab, "Total compensation")
    last = tab.comp_table.rowCount() - 1
    assert tab.comp_table.item(last, 1).text() == money(want.today.compensation.total)
    show_page(qtbot, tab, "Why this estimate")
    table = tab.breakdown_table
    total_row = table.model().rowCount() - 1
    assert cell(table, total_row, 1) == money(want.today.typical) == tab.typical_label.text()


def test_copying_from_the_year_page_copies_the_latest_figures(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    show_page(qtbot, tab, "Year by year")
    tab.year_view.selectAll()
    tab.inputs.experience_spin.setValue(3)
    tab.copy_selection()
    copied = QGuiApplication.clipboard().text().splitlines()
    want = project(expected(years_experience=3.0))
    assert len(copied) == len(want.rows) + 1
    assert copied[1].split("\t")[4] == money(want.rows[0].typical)


def test_breakdown_cells_keep_their_tips_alignment_and_bold_total(tab) -> None:  # type: ignore[no-untyped-def]
    model = tab.breakdown_table.model()
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


def test_the_legend_hides_and_shows_a_line(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    plot = tab.plot
    sample = next(s for s, label in plot.legend.items if label.text == "Total compensation")
    where = plot.mapFromScene(sample.mapToScene(sample.boundingRect().center()))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert not plot.total_curve.isVisible()
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert plot.total_curve.isVisible()
    # Unticking "Show total compensation" hides the line the same way.
    click(qtbot, tab.total_check)
    assert not plot.total_curve.isVisible()
    want = project(expected())
    assert list(plot.total_curve.getData()[1]) == pytest.approx(
        [r.total_compensation for r in want.rows]
    )


def test_hovering_a_year_shows_its_figures(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    plot = tab.plot
    want = project(expected()).rows[4]
    scene_point = plot.getPlotItem().vb.mapViewToScene(QPointF(want.year, want.typical))
    qtbot.mouseMove(plot.viewport(), plot.mapFromScene(scene_point))
    assert plot.cursor.isVisible()
    assert plot.cursor.value() == want.year
    assert f"Typical base: {money(want.typical)}" in plot.hover_text
    assert QToolTip.text() == plot.hover_text


def test_a_long_plan_is_counted_not_listed_above_the_graph(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
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
    assert "Renew CMAA, round 4;" in text and "round 5;" not in text
    tip = context.toolTip()
    assert "Renew CMAA, round 25" in tip and "round 26" not in tip
    assert "35 more in the Plan tab" in tip
    settle()
    # The line stays a line or three: the check boxes and the graph keep their room below it.
    row = tab.real_check.mapTo(tab, QPoint(0, 0)).y()
    assert context.mapTo(tab, QPoint(0, context.height())).y() <= row
    assert tab.plot.height() >= tab.plot.minimumHeight()
    assert hover_tip(context) == tip


def test_the_context_line_grows_and_shrinks_with_its_text(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
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


def test_the_pay_axis_lays_out_as_pyqtgraph_would(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph as pg
    from PySide6.QtGui import QPainter, QPicture

    def flat(specs):  # type: ignore[no-untyped-def]
        (pen, start, end), ticks, texts = specs
        return (
            (pen.color().rgba(), start.x(), start.y(), end.x(), end.y()),
            [(p.color().rgba(), a.x(), a.y(), b.x(), b.y()) for p, a, b in ticks],
            [(r.getRect(), int(flags), text) for r, flags, text in texts],
        )

    axis = tab.plot.getPlotItem().getAxis("left")
    ranges = (
        (45_000, 115_000),
        (30_000.5, 61_234.7),
        (80_000, 80_500),
        (0, 2_000_000),
        (-5_000, 5_000),
        (41_000, 41_000),
        (38_123.4, 97_456.2),
    )
    for width, height in ((1280, 800), (1000, 560)):
        tab.resize(width, height)
        qtbot.waitUntil(lambda h=height: tab.height() == h)
        for low, high in ranges:
            axis.setRange(low, high)
            picture = QPicture()
            painter = QPainter(picture)
            try:
                ours = flat(axis.generateDrawSpecs(painter))
                theirs = flat(pg.AxisItem.generateDrawSpecs(axis, painter))
            finally:
                painter.end()
            assert ours == theirs
            assert ours[2] or low == high, "some ticks are labelled"
    assert axis._label_sizes, "the axis's own layout ran, not pyqtgraph's in its place"


def test_the_pay_axis_reuses_its_drawing_for_a_range_seen_before(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QImage

    axis = tab.plot.getPlotItem().getAxis("left")
    drawn = {}
    for place in ("national", "boston", "texas", "boston"):
        tab.scenario.update(location=place)
        qtbot.waitUntil(lambda: axis.picture is not None)
        settle()  # a first paint may re-lay the graph and draw the axis again
        drawn.setdefault(place, []).append((tuple(axis.range), axis.picture))
    (boston_range, first), (again_range, again) = drawn["boston"]
    assert again_range == boston_range and again is first  # kept, not laid out again
    assert drawn["texas"][0][0] != boston_range

    def image() -> QImage:
        return tab.plot.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)

    kept = image()
    axis._pictures.clear()
    axis.picture = None
    axis.update()
    assert image() == kept  # the kept drawing is what a fresh one draws
    # A change of colours is a new drawing, not the kept one.
    axis.setTextPen("#ff0000")
    tab.plot.grab()
    assert axis.picture is not first


def test_the_pay_axis_ticks_are_pyqtgraphs(tab) -> None:  # type: ignore[no-untyped-def]
    import pyqtgraph as pg

    axis = tab.plot.getPlotItem().getAxis("left")
    cases = [
        (45_000, 115_000, 300),
        (115_000, 45_000, 300),  # either order
        (30_000.5, 61_234.7, 512),
        (80_000, 80_500, 200),
        (0, 2_000_000, 700),
        (-5_000, 5_000, 90),
        (41_000, 41_000, 400),
        (38_123.4, 97_456.2, 1000),
        (0.1, 0.7, 250),
    ]
    for low, high, size in cases:
        ours = axis.tickValues(low, high, size)
        theirs = pg.AxisItem.tickValues(axis, low, high, size)
        assert [(s, list(v)) for s, v in ours] == [(s, list(v)) for s, v in theirs]
        assert any(values for _spacing, values in ours) or low == high


def test_the_screen_shows_what_a_full_repaint_would(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Each change repaints only what changed; nothing on screen may be left stale."""
    from PySide6.QtGui import QColor, QImage, QPalette

    dark = QPalette(tab.plot.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#f0f0f0"))

    def screen_matches_a_fresh_render() -> bool:
        shown = tab.screen().grabWindow(tab.winId()).toImage()
        # Rendered afresh, the graph items' cached pixmaps and the axes' kept drawings too:
        # those could be stale as well.
        for name in ("left", "bottom"):
            axis = tab.plot.getPlotItem().getAxis(name)
            axis.__dict__.get("_pictures", {}).clear()
            axis.picture = None
        for item in tab.plot.scene().items():
            item.update()
        fresh = tab.grab().toImage()
        rgb = QImage.Format.Format_RGB32
        return shown.convertToFormat(rgb) == fresh.convertToFormat(rgb)

    steps = [
        lambda: tab.total_check.setChecked(False),
        lambda: tab.total_check.setChecked(True),
        lambda: tab.inputs.experience_spin.setValue(3),
        lambda: tab.inputs.cert_checks["cmaa"].setChecked(True),
        lambda: tab.inputs.experience_spin.setValue(9),
        lambda: tab.scenario.update(location="boston"),
        lambda: tab.inputs.assumption_spins["raise_pct"].setValue(4.5),
        lambda: tab.real_check.setChecked(True),
        lambda: tab.pin(),
        lambda: tab.scenario.update(location="texas", years_experience=1.0),
        lambda: tab.total_check.setChecked(False),
        lambda: tab.scenario.unpin(),
        lambda: tab.plot.setPalette(dark),
        # The axes and legend repaint from cached images: a new size must not leave them stale.
        lambda: tab.resize(1023, 711),
        lambda: tab.scenario.update(location="boston"),
        lambda: tab.resize(1281, 799),
    ]
    for step in steps:
        step()
        qtbot.wait(50)  # every repaint the change queued has happened
        assert screen_matches_a_fresh_render()
        qtbot.wait(50)


def test_a_wider_figure_gets_the_room_it_needs(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    total = tab.total_label
    before = total.minimumWidth()
    tab.inputs.assumption_spins["profit_sharing_usd"].setValue(1_000_000)
    assert total.text().startswith("$1,")
    needed = total.label.sizeHint().width()
    assert needed > before
    assert total.minimumWidth() >= needed
    qtbot.waitUntil(lambda: total.width() >= needed)
    assert total.label.geometry() == total.rect()


def test_a_hidden_tab_catches_up_when_shown(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    tab.hide()
    tab.scenario.update(location="texas", years_experience=6.0)
    tab.scenario.set_years(15)
    tab.show()
    qtbot.waitExposed(tab)
    today = estimate(SalaryInputs(location="texas", years_experience=6.0))
    assert tab.typical_label.text() == money(today.typical)
    want = project(
        ProjectionRequest(
            inputs=SalaryInputs(location="texas", years_experience=6.0), years=15, start_year=2026
        )
    )
    assert list(tab.plot.typical_curve.getData()[1]) == pytest.approx(
        [r.typical for r in want.rows]
    )


def test_plan_links_the_engine_rejects_are_reported(tab) -> None:  # type: ignore[no-untyped-def]
    event = Event(year=2028, kind="certification", value="nope")
    tab.scenario.set_plan_effects(PlanEffects(events=(event,)))
    assert tab.error_label.isVisible()
    assert "Your plan's salary links were ignored" in tab.error_label.text()
    assert tab.typical_label.text() == money(estimate(SalaryInputs()).typical)


# --- the promotion raise ------------------------------------------------------------------------


def type_into(qtbot, spin, text: str) -> None:  # type: ignore[no-untyped-def]
    """Replace a spin box's value by typing, as a person does, and press Return."""
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


def test_the_promotion_raise_is_an_assumption_the_person_sets(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    promotion = Event(year=2028, kind="promotion", label="Lead coordinator (promotion, Mar 2028)")
    tab.scenario.set_plan_effects(PlanEffects(events=(promotion,)))
    qtbot.mouseClick(tab.inputs.assumptions_toggle, Qt.MouseButton.LeftButton)
    spin = tab.inputs.assumption_spins["promotion_pct"]
    assert spin.isVisible()
    assert spin.value() == 10.0 and spin.suffix() == " %"
    assert "Plan tab" in spin.toolTip() and "ptplanner's own assumption" in spin.toolTip()

    type_into(qtbot, spin, "15")
    assert tab.scenario.inputs.assumptions.promotion_pct == 15.0
    rows = tab.scenario.projection().rows
    plain = project(expected()).rows
    for row, without in zip(rows, plain, strict=True):
        rise = 1.15 if row.year >= promotion.year else 1.0
        assert row.typical == pytest.approx(without.typical * rise)
        assert row.low == pytest.approx(without.low * rise)
    # What the person sees follows: the graph, and the year table with the promotion's row.
    assert list(tab.plot.typical_curve.getData()[1]) == pytest.approx([r.typical for r in rows])
    show_page(qtbot, tab, "Year by year")
    model = tab.year_model
    at = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "2028")
    assert model.index(at, 4).data() == money(rows[at].typical)
    assert model.index(at, 8).data() == promotion.label

    # The spin box steps by half a percent, and the reset brings back ptplanner's 10%.
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert tab.scenario.inputs.assumptions.promotion_pct == 15.5
    qtbot.mouseClick(tab.inputs.reset_button, Qt.MouseButton.LeftButton)
    assert spin.value() == 10.0
    assert tab.scenario.inputs.assumptions.promotion_pct == 10.0
    want = project(
        ProjectionRequest(inputs=SalaryInputs(), years=10, start_year=2026, events=(promotion,))
    )
    assert model.index(at, 4).data() == money(want.rows[at].typical)


def test_the_promotion_raise_is_remembered(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ptplanner.ui.main_window import MainWindow

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.tabs.setCurrentIndex(2)
    tab = first.page("salary")
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    qtbot.mouseClick(tab.inputs.assumptions_toggle, Qt.MouseButton.LeftButton)
    type_into(qtbot, tab.inputs.assumption_spins["promotion_pct"], "12.5")
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    second.tabs.setCurrentIndex(2)
    spin = second.page("salary").inputs.assumption_spins["promotion_pct"]
    assert spin.value() == 12.5
    assert second.scenario.inputs.assumptions.promotion_pct == 12.5
    second.close()


# --- nothing clipped in a small window -----------------------------------------------------------

LONGEST_AREA = "North Valley-Northern Mountains Region of California nonmetropolitan area"


def cell_fits(view, index) -> bool:  # type: ignore[no-untyped-def]
    """Whether a table cell shows all of its text at its column's width (wrapped if it wraps)."""
    text = str(index.data() or "")
    if not text:
        return True
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    room = view.columnWidth(index.column()) - 2 * margin
    metrics = view.fontMetrics()
    if not view.wordWrap():
        return metrics.horizontalAdvance(text) <= room
    flags = int(Qt.TextFlag.TextWordWrap)
    needed = metrics.boundingRect(QRect(0, 0, room, 10_000), flags, text)
    return needed.width() <= room and needed.height() <= view.rowHeight(index.row())


def cut_off(root) -> list[str]:  # type: ignore[no-untyped-def]
    """What does not fit under ``root`` (see fit_checks: no plain combo boxes here, their
    choices can be long), and table column titles and cells cut short without a tooltip."""
    problems = widgets_cut_off(root, plain_combos=False)
    for view in root.findChildren(QTableView):
        if not view.isVisible():
            continue
        header = view.horizontalHeader()
        assert isinstance(header, FittedHeader)
        model = view.model()
        for column in range(header.count()):
            title = header.title(column)
            if header.is_elided(column):
                middle = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
                point = header.viewport().mapTo(header, QPoint(middle, header.height() // 2))
                if tip_at(header, point) != title:
                    problems.append(f"column {title!r} is cut short without a tooltip")
            for row in range(model.rowCount()):
                index = model.index(row, column)
                if not cell_fits(view, index) and index.data(Qt.ItemDataRole.ToolTipRole) != (
                    index.data()
                ):
                    problems.append(f"{title} cell {index.data()!r} does not fit")
    return problems


def choose_location(qtbot, combo, typed: str) -> None:  # type: ignore[no-untyped-def]
    line = combo.lineEdit()
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, typed)
    qtbot.keyClick(line, Qt.Key.Key_Return)


def whole_rows_shown(view) -> int:  # type: ignore[no-untyped-def]
    height = view.viewport().height()
    return sum(
        1
        for row in range(view.model().rowCount())
        if view.rowViewportPosition(row) >= 0
        and view.rowViewportPosition(row) + view.rowHeight(row) <= height
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)], ids=["1024x700", "1280x800"])
def test_nothing_is_clipped_in_a_window_of(qtbot, size: tuple[int, int], scheme: str) -> None:  # type: ignore[no-untyped-def]
    window = open_main_window(qtbot, size)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_D if scheme == "dark" else Qt.Key.Key_L, ctrl_shift)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    tab = window.page("salary")
    qtbot.waitUntil(tab.isVisible, timeout=3000)
    panel = tab.inputs
    try:
        assert (window.width(), window.height()) == size
        assert tab.minimumSizeHint().width() <= tab.width()
        choose_location(qtbot, panel.location_combo, "boston")
        tab.plot.setFocus()  # done typing: the box shows the name as it is read
        settle()
        assert cut_off(tab) == []

        # The graph and the breakdown share the height: a usable amount of each.
        shared = tab.plot.height() + tab.details.height()
        assert tab.plot.height() >= 0.45 * shared
        table = tab.breakdown_table
        rows = table.model().rowCount()
        assert whole_rows_shown(table) >= (rows if size == (1280, 800) else 4)
        title_widths = [table.horizontalHeader().title_width(c) for c in range(4)]
        assert [table.columnWidth(c) for c in range(4)] >= title_widths

        # The area name shows whole at 1280; at 1024 it ends in "…" and the tooltip has it.
        location = panel.location_combo
        boston = "Boston-Cambridge-Newton, MA-NH"
        assert location.currentText() == boston
        if size == (1280, 800):
            assert location.shown_text() == boston
        else:
            assert location.shown_text().endswith("…")
            assert hover_tip(location).startswith(boston + "\n")
        # Drawn as the line edit draws text, in the scheme's text colour.
        image = location.lineEdit().grab().toImage()
        text_colour = location.palette().color(QPalette.ColorRole.Text)
        inked = {
            QColor(image.pixel(x, y)).rgb()
            for x in range(image.width())
            for y in range(image.height())
        }
        assert text_colour.rgb() in inked

        choose_location(qtbot, location, "north valley")
        tab.plot.setFocus()
        settle()
        assert location.currentText() == LONGEST_AREA
        assert location.shown_text() != LONGEST_AREA
        assert cut_off(tab) == []
        # While it is edited, the box shows the text itself.
        location.lineEdit().setFocus()
        assert location.shown_text() == LONGEST_AREA
        assert LONGEST_AREA in hover_tip(location)

        # Every employer and education, chosen with the keyboard.
        for combo in (panel.employer_combo, panel.education_combo):
            combo.setFocus()
            qtbot.keyClick(combo, Qt.Key.Key_Home)
            for _ in range(combo.count()):
                tab.plot.setFocus()
                settle()
                assert cut_off(tab) == [], combo.currentText()
                combo.setFocus()
                qtbot.keyClick(combo, Qt.Key.Key_Down)
        # The employer with the longest name shows its short form and all of it on hover.
        specialty = panel.employer_combo.findData("specialty_clinic")
        panel.employer_combo.setCurrentIndex(specialty)
        settle()
        full = panel.employer_combo.currentText()
        assert panel.employer_combo.shown_text() == "Specialty clinic"
        assert hover_tip(panel.employer_combo) == full

        # The assumptions, scrolled to, with a value of the widest kind.
        qtbot.mouseClick(panel.assumptions_toggle, Qt.MouseButton.LeftButton)
        health = panel.assumption_spins["health_value_pct"]
        health.setValue(88.88)
        settle()
        panel.ensureWidgetVisible(panel.reset_button)
        settle()
        assert cut_off(tab) == []

        # A comparison pinned, an input problem shown, and each page of details.
        qtbot.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
        choose_location(qtbot, location, "bostn")
        assert tab.error_label.isVisible()
        for title in ("Year by year", "Total compensation", "Why this estimate"):
            show_page(qtbot, tab, title)
            settle()
            assert cut_off(tab) == [], title
    finally:
        qtbot.keyClick(window, Qt.Key.Key_F, ctrl_shift)  # back to following the system
        window.close()


def drag(qtbot, widget, start: QPoint, by: QPoint) -> None:  # type: ignore[no-untyped-def]
    """Press, move and let go, as a person drags with the mouse."""
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(widget, left, pos=start)
    for step in range(1, 5):
        qtbot.mouseMove(widget, start + by * (step / 4))
    qtbot.mouseRelease(widget, left, pos=start + by)


def test_a_dragged_divider_or_column_keeps_its_place(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    split = tab.details.parentWidget()
    graph, details = split.sizes()
    assert abs(graph - (graph + details) * GRAPH_SHARE) <= 1
    handle = split.handle(1)
    drag(qtbot, handle, handle.rect().center(), QPoint(0, 120))
    assert split.sizes()[0] >= graph + 110
    dragged = split.sizes()[0]
    tab.resize(1200, 760)
    qtbot.waitUntil(lambda: tab.height() == 760)
    assert split.sizes()[0] >= dragged - 40  # not put back to its share of the new height

    table = tab.breakdown_table
    header = table.horizontalHeader()
    factor = table.columnWidth(0)
    edge = QPoint(header.sectionViewportPosition(1) - 1, header.height() // 2)
    drag(qtbot, header.viewport(), edge, QPoint(-60, 0))
    assert table.columnWidth(0) == factor - 60
    tab.resize(1280, 800)
    qtbot.waitUntil(lambda: tab.width() == 1280)
    assert table.columnWidth(0) == factor - 60


def test_an_elided_area_name_is_drawn_where_the_line_edit_draws_text(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = tab.inputs.location_combo
    choose_location(qtbot, combo, "north valley")
    tab.plot.setFocus()
    shown = combo.shown_text()
    assert shown.endswith("…") and shown != combo.currentText()
    # A plain editable box of the same size holding just the shortened name looks the same:
    # nothing moves when the person clicks in and the real text appears.
    plain = QComboBox()
    qtbot.addWidget(plain)
    plain.setEditable(True)
    plain.addItem(shown)
    plain.resize(combo.size())
    plain.show()
    qtbot.waitExposed(plain)
    plain.lineEdit().setCursorPosition(0)
    rgb = QImage.Format.Format_RGB32
    assert combo.grab().toImage().convertToFormat(rgb) == plain.grab().toImage().convertToFormat(
        rgb
    )


def test_a_short_graph_has_a_compact_legend(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    plot, legend = tab.plot, tab.plot.legend
    assert plot.height() < 420
    assert legend.columnCount == 2
    assert legend.boundingRect().height() <= plot.height() / 3
    tab.resize(1280, 1100)  # a taller window: the legend goes back to one entry a line
    qtbot.waitUntil(lambda: plot.height() >= 420)
    assert legend.columnCount == 1


def legend_slack(legend) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Empty room in the legend's box right of and below its widest and lowest text, in px.

    Negative if some text sticks out of the box."""
    box = legend.boundingRect()
    texts = [label.mapRectToItem(legend, label.itemRect()) for _sample, label in legend.items]
    return box.right() - max(t.right() for t in texts), box.bottom() - max(
        t.bottom() for t in texts
    )


def test_the_legend_box_hugs_its_entries(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    # The box veils the lines that pass under it, so room beyond its text looks like a line
    # fading for no reason; it used to grow with each change of columns.
    plot, legend = tab.plot, tab.plot.legend
    short = legend_slack(legend)
    assert legend.columnCount == 2 and 0 <= short[0] <= 12 and 0 <= short[1] <= 12
    width = legend.boundingRect().width()
    for height in (1100, 800, 1100, 800):  # one column, two, one, two
        tab.resize(1280, height)
        qtbot.waitUntil(lambda h=height: (plot.height() >= 420) == (h > 1000))
        assert legend.columnCount == (1 if height > 1000 else 2)
        assert all(0 <= room <= 12 for room in legend_slack(legend))
    assert legend.boundingRect().width() == width
    # A faint frame shows where the veil is: the edge stands out from the graph's background.
    box = plot.mapFromScene(legend.mapRectToScene(legend.boundingRect())).boundingRect()
    image = plot.grab().toImage()
    edge = image.pixelColor(box.center().x(), box.top())
    inside = image.pixelColor(box.center().x(), box.top() + 3)
    assert edge != inside and edge != image.pixelColor(box.center().x(), box.top() - 3)
    # A long pinned label widens the box, and clearing it gives the room back.
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    qtbot.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
    assert all(0 <= room <= 12 for room in legend_slack(legend))
    assert legend.boundingRect().width() > width
    qtbot.mouseClick(tab.unpin_button, Qt.MouseButton.LeftButton)
    assert all(0 <= room <= 12 for room in legend_slack(legend))
    assert legend.boundingRect().width() == width


def test_right_click_copies_a_figure(tab, qtbot) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, tab.inputs.cert_checks["cmaa"])
    today = estimate(SalaryInputs(certifications=frozenset({"cmaa"})))
    for figure, want in (
        (tab.typical_label, money(today.typical)),
        (tab.range_label, f"{money(today.low)} – {money(today.high)}"),
        (tab.context_label, f"{today.area_name} · {today.stage_label} · "),
    ):
        QGuiApplication.clipboard().clear()
        # On the text, which passes the click on to its box.
        assert right_click_first_item(figure.label, QPoint(5, 5)) == "Copy"
        copied = QGuiApplication.clipboard().text()
        assert copied.startswith(want)
        assert "<" not in copied  # the context line's rich text came out as plain text
