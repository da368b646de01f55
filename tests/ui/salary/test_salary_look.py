"""The Salary tab as it looks: nothing clipped in a small or large window, light or dark, the
graph and tables sharing the height, dividers and columns a person drags kept where they were,
and nothing on screen left stale after a change."""

from __future__ import annotations

from collections.abc import Callable

import pytest

pytest.importorskip("PySide6")

from fit_checks import OpenMainWindow, hover_tip, settle, tip_at, widgets_cut_off
from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QSplitter, QStyle, QTableView, QWidget
from pytestqt.qtbot import QtBot
from salary_tab_helpers import salary_page, show_page

from ptplanner.core.plan.salary_link import PlanEffects
from ptplanner.core.projection import Event
from ptplanner.ui.tabs.salary.location_box import LocationComboBox
from ptplanner.ui.tabs.salary.tab import GRAPH_SHARE, SalaryTab
from ptplanner.ui.tabs.salary.tables import FittedHeader

LONGEST_AREA = "North Valley-Northern Mountains Region of California nonmetropolitan area"


def choose_location(qtbot: QtBot, combo: LocationComboBox, typed: str) -> None:
    line = combo.lineEdit()
    assert line is not None
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, typed)
    QTest.keyClick(line, Qt.Key.Key_Return)


def drag(qtbot: QtBot, widget: QWidget, start: QPoint, by: QPoint) -> None:
    """Press, move and let go, as a person drags with the mouse."""
    left = Qt.MouseButton.LeftButton
    QTest.mousePress(widget, left, pos=start)
    for step in range(1, 5):
        QTest.mouseMove(widget, start + by * (step / 4))
    QTest.mouseRelease(widget, left, pos=start + by)


def cell_fits(view: QTableView, index: QModelIndex) -> bool:
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


def cut_off(root: QWidget) -> list[str]:
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


def promotion(year: int) -> Event:
    return Event(year=year, kind="promotion", label=f"Lead coordinator ({year})")


def whole_rows_shown(view: QTableView) -> int:
    height = view.viewport().height()
    return sum(
        1
        for row in range(view.model().rowCount())
        if view.rowViewportPosition(row) >= 0
        and view.rowViewportPosition(row) + view.rowHeight(row) <= height
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", [(1024, 700), (1280, 800)], ids=["1024x700", "1280x800"])
def test_nothing_is_clipped_in_a_window_of(
    open_main_window: OpenMainWindow, qtbot: QtBot, size: tuple[int, int], scheme: str
) -> None:
    window = open_main_window(size)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window, Qt.Key.Key_D if scheme == "dark" else Qt.Key.Key_L, ctrl_shift)
    QTest.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    tab = salary_page(window)
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
        table = tab.details.breakdown_table
        rows = table.model().rowCount()
        assert whole_rows_shown(table) >= (rows if size == (1280, 800) else 4)
        titles = table.horizontalHeader()
        assert isinstance(titles, FittedHeader)
        title_widths = [titles.title_width(c) for c in range(4)]
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
        line = location.lineEdit()
        assert line is not None
        image = line.grab().toImage()
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
        line.setFocus()
        assert location.shown_text() == LONGEST_AREA
        assert LONGEST_AREA in hover_tip(location)

        # Every employer, education and role, chosen with the keyboard.
        for combo in (panel.employer_combo, panel.education_combo, panel.role_combo):
            combo.setFocus()
            QTest.keyClick(combo, Qt.Key.Key_Home)
            for _ in range(combo.count()):
                tab.plot.setFocus()
                settle()
                assert cut_off(tab) == [], combo.currentText()
                combo.setFocus()
                QTest.keyClick(combo, Qt.Key.Key_Down)
        # The employer with the longest name shows its short form and all of it on hover.
        specialty = panel.employer_combo.findData("specialty_clinic")
        panel.employer_combo.setCurrentIndex(specialty)
        settle()
        full = panel.employer_combo.currentText()
        assert panel.employer_combo.shown_text() == "Specialty clinic"
        assert hover_tip(panel.employer_combo) == full

        # What a plan supplies, marked "(from your plan)" under each box: nothing cut off.
        skills = frozenset(panel.skill_checks)
        tab.scenario.set_plan_effects(
            PlanEffects(certifications=frozenset({"cehrs"}), skills=skills, location="texas")
        )
        settle()
        assert panel.skills_box.plan_marks["insurance"].isVisible()
        assert cut_off(tab) == []
        tab.scenario.set_plan_effects(PlanEffects())

        # The assumptions, scrolled to, with a value of the widest kind.
        QTest.mouseClick(panel.assumptions_toggle, Qt.MouseButton.LeftButton)
        health = panel.assumption_spins["health_value_pct"]
        health.setValue(88.88)
        settle()
        panel.ensureWidgetVisible(panel.reset_button)
        settle()
        assert cut_off(tab) == []

        # A comparison pinned, an input problem shown, and each page of details.
        QTest.mouseClick(tab.pin_button, Qt.MouseButton.LeftButton)
        choose_location(qtbot, location, "bostn")
        assert tab.error_label.isVisible()
        for title in ("Year by year", "Total compensation", "Why this estimate"):
            show_page(qtbot, tab, title)
            settle()
            assert cut_off(tab) == [], title
    finally:
        QTest.keyClick(window, Qt.Key.Key_F, ctrl_shift)  # back to following the system
        window.close()


def test_a_dragged_divider_or_column_keeps_its_place(tab: SalaryTab, qtbot: QtBot) -> None:
    split = tab.details.parentWidget()
    assert isinstance(split, QSplitter)
    graph, details = split.sizes()
    assert abs(graph - (graph + details) * GRAPH_SHARE) <= 1
    handle = split.handle(1)
    drag(qtbot, handle, handle.rect().center(), QPoint(0, 120))
    assert split.sizes()[0] >= graph + 110
    dragged = split.sizes()[0]
    tab.resize(1200, 760)
    qtbot.waitUntil(lambda: tab.height() == 760)
    assert split.sizes()[0] >= dragged - 40  # not put back to its share of the new height

    table = tab.details.breakdown_table
    header = table.horizontalHeader()
    factor = table.columnWidth(0)
    edge = QPoint(header.sectionViewportPosition(1) - 1, header.height() // 2)
    drag(qtbot, header.viewport(), edge, QPoint(-60, 0))
    assert table.columnWidth(0) == factor - 60
    tab.resize(1280, 800)
    qtbot.waitUntil(lambda: tab.width() == 1280)
    assert table.columnWidth(0) == factor - 60


def test_an_elided_area_name_is_drawn_where_the_line_edit_draws_text(
    tab: SalaryTab, qtbot: QtBot
) -> None:
    combo = tab.inputs.location_combo
    choose_location(qtbot, combo, "north valley")
    tab.plot.setFocus()
    shown = combo.shown_text()
    assert shown.endswith("…")
    assert shown != combo.currentText()
    # A plain editable box of the same size holding just the shortened name looks the same:
    # nothing moves when the person clicks in and the real text appears.
    plain = QComboBox()
    qtbot.addWidget(plain)
    plain.setEditable(True)
    plain.addItem(shown)
    plain.resize(combo.size())
    plain.show()
    qtbot.waitExposed(plain)
    plain_line = plain.lineEdit()
    assert plain_line is not None
    plain_line.setCursorPosition(0)
    rgb = QImage.Format.Format_RGB32
    assert combo.grab().toImage().convertToFormat(rgb) == plain.grab().toImage().convertToFormat(
        rgb
    )


def test_the_screen_shows_what_a_full_repaint_would(tab: SalaryTab, qtbot: QtBot) -> None:
    """Each change repaints only what changed; nothing on screen may be left stale."""
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

    steps: list[Callable[[], object]] = [
        lambda: tab.total_check.setChecked(False),
        lambda: tab.total_check.setChecked(True),
        lambda: tab.inputs.experience_spin.setValue(3),
        lambda: tab.inputs.cert_checks["cmaa"].setChecked(True),
        lambda: tab.inputs.experience_spin.setValue(9),
        lambda: tab.scenario.update(location="boston"),
        lambda: tab.inputs.assumption_spins["market_growth_pct"].setValue(1.5),
        lambda: tab.nominal_radio.setChecked(True),
        lambda: tab.pin(),
        lambda: tab.scenario.update(location="texas", years_experience=1.0),
        # A promotion: the lines step and a named dashed line appears, then moves and goes.
        lambda: tab.scenario.set_plan_effects(PlanEffects(events=(promotion(2029),))),
        lambda: tab.scenario.set_plan_effects(PlanEffects(events=(promotion(2031),))),
        lambda: tab.scenario.set_plan_effects(PlanEffects()),
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
