"""The "A day in the life" tab driven as a person would: clicking blocks, arrow keys, hovering.

The chart's hours are checked against the block durations, the details panel against the day's
data, O*NET and the overview's skills, and the layout for clipped text at 1024x700.
"""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from fit_checks import ShowWidget, clipped_labels, plain
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QToolTip, QWidget
from pytestqt.qtbot import QtBot

from ptplanner.core.content import overview
from ptplanner.core.day import day_timeline
from ptplanner.core.onet import onet, onet_task
from ptplanner.ui.tabs.day.tab import DayTab


@pytest.fixture
def tab(show_widget: ShowWidget) -> DayTab:
    return show_widget(DayTab(day_timeline(), onet()), (1024, 700), settle=True)


def click_block(tab: DayTab, block_id: str) -> None:
    rect = tab.timeline_view.block_rect(block_id)
    QTest.mouseClick(tab.timeline_view, Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_first_block_is_selected_and_explained_at_start(tab: DayTab) -> None:
    first = day_timeline().blocks[0]
    assert tab.selected_block_id() == first.id
    assert tab.details.title_label.text() == first.title


def test_clicking_a_block_selects_it_and_fills_the_details(qtbot: QtBot, tab: DayTab) -> None:
    block = next(b for b in day_timeline().blocks if b.id == "benefits_call")
    with qtbot.waitSignal(tab.selection_changed) as signal:
        click_block(tab, "benefits_call")
    assert signal.args == ["benefits_call"]
    assert tab.selected_block_id() == "benefits_call"
    details = tab.details
    assert details.time_label.text() == "10:30–11:15 · 45 min"
    assert details.kind_label.text() == "Phone"
    assert details.title_label.text() == block.title
    assert details.description_label.text() == block.description
    skills = plain(details.skills_label)
    for skill_id in block.skills:
        assert overview().skill(skill_id).title in skills
    tasks = plain(details.tasks_label)
    for task_id in block.onet_task_ids:
        assert f"{onet_task(task_id).statement} (O*NET task {task_id})" in tasks
    assert onet().attribution in details.attribution_label.text()
    assert details.attribution_label.isVisibleTo(tab)
    assert details.source_label.text() == "Source: Career guide (late 2023 / early 2024)"
    shown = details.text()
    assert shown.index(block.title) < shown.index(block.description) < shown.index("Skills it uses")


def test_a_block_without_skills_or_tasks_hides_those_headings(tab: DayTab) -> None:
    click_block(tab, "lunch")
    assert tab.details.title_label.text() == "Lunch"
    for widget in (
        tab.details.skills_heading,
        tab.details.tasks_heading,
        tab.details.attribution_label,
    ):
        assert not widget.isVisibleTo(tab)


def test_arrow_keys_walk_the_day_in_time_order(tab: DayTab) -> None:
    view = tab.timeline_view
    in_time_order = [b.id for b in sorted(day_timeline().blocks, key=lambda b: b.start_minutes)]
    seen = [tab.selected_block_id()]
    for _ in in_time_order[1:]:
        QTest.keyClick(view, Qt.Key.Key_Right)
        seen.append(tab.selected_block_id())
    assert seen == in_time_order
    QTest.keyClick(view, Qt.Key.Key_Right)  # past the end: stays on the last block
    assert tab.selected_block_id() == in_time_order[-1]
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert tab.selected_block_id() == in_time_order[-2]
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert tab.selected_block_id() == in_time_order[0]
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert tab.selected_block_id() == in_time_order[0]
    QTest.keyClick(view, Qt.Key.Key_End)
    assert tab.selected_block_id() == in_time_order[-1]
    assert tab.details.title_label.text() == day_timeline().blocks[-1].title


def test_earlier_and_later_buttons_step_and_stop_at_the_ends(tab: DayTab) -> None:
    details = tab.details
    assert not details.previous_button.isEnabled()
    QTest.mouseClick(details.next_button, Qt.MouseButton.LeftButton)
    assert tab.selected_block_id() == day_timeline().blocks[1].id
    QTest.mouseClick(details.previous_button, Qt.MouseButton.LeftButton)
    assert tab.selected_block_id() == day_timeline().blocks[0].id
    tab.select_block(day_timeline().blocks[-1].id)
    assert not details.next_button.isEnabled()


def test_the_timeline_is_reachable_with_tab_and_says_what_is_selected(tab: DayTab) -> None:
    view = tab.timeline_view
    assert view.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
    tab.activateWindow()
    tab.details.next_button.setFocus()
    for _ in range(6):  # Tab (and Shift+Tab, going round) reaches the timeline
        if view.hasFocus():
            break
        QTest.keyClick(tab.focusWidget(), Qt.Key.Key_Tab)
    assert view.hasFocus()
    click_block(tab, "morning_checkins")
    assert "08:30–09:15, Front desk: Morning check-ins" in view.accessibleName()
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert "09:15–09:45, Billing: Co-pays at the counter" in view.accessibleName()


def test_hovering_a_block_shows_its_time_and_title(tab: DayTab) -> None:
    view = tab.timeline_view
    rect = view.block_rect("utilization_review")
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.mapToGlobal(rect.center()))
    view.event(event)
    assert QToolTip.text() == "13:00–14:00 · Making the case for more visits"
    assert view.tooltip_text("utilization_review") == QToolTip.text()
    QToolTip.hideText()


def test_blocks_are_drawn_in_their_kind_colour_in_time_order(tab: DayTab) -> None:
    view = tab.timeline_view
    image = view.grab().toImage()
    ratio = image.devicePixelRatio()
    previous_right = None
    for block in day_timeline().blocks[1:]:  # the first one is selected and raised
        rect = view.block_rect(block.id)
        if previous_right is not None:
            assert abs(rect.left() - previous_right) <= 1  # contiguous, no gaps or overlaps
        previous_right = rect.right() + 1
        # Bottom-right corner area: inside the fill, away from the label text.
        spot = QPoint(rect.right() - 3, rect.bottom() - 3)
        pixel = image.pixelColor(int(spot.x() * ratio), int(spot.y() * ratio))
        expected = QColor(day_timeline().style(block.kind).colour)
        assert abs(pixel.red() - expected.red()) <= 3, block.id
        assert abs(pixel.green() - expected.green()) <= 3, block.id
        assert abs(pixel.blue() - expected.blue()) <= 3, block.id
    last = view.block_rect(day_timeline().blocks[-1].id)
    assert last.right() < view.width()


def test_chart_hours_per_kind_are_the_sum_of_the_block_durations(tab: DayTab) -> None:
    expected: dict[str, float] = {}
    for block in day_timeline().blocks:
        if block.kind != "break":
            expected[block.kind] = expected.get(block.kind, 0) + block.duration_minutes / 60
    chart = tab.hours_chart
    assert chart.hours_by_kind() == pytest.approx(expected)
    assert "break" not in chart.hours_by_kind()
    labels = dict(chart.bar_labels())
    assert labels["Insurance"] == "1.5 h"  # 13:00-14:00 and 16:15-16:45
    assert labels["Planning"] == "0.75 h"
    hours = list(chart.hours_by_kind().values())
    assert hours == sorted(hours, reverse=True)
    assert sum(hours) == pytest.approx(8.0)
    assert "8 h of work, not counting the 1 h break" in tab.chart_caption.text()


def test_chart_marks_the_selected_blocks_kind(tab: DayTab) -> None:
    click_block(tab, "copays")
    assert tab.hours_chart._highlight == "billing"


def test_every_interactive_widget_has_an_accessible_name(tab: DayTab) -> None:
    interactive = [
        widget
        for widget in tab.findChildren(QWidget)
        if widget.isVisibleTo(tab)
        and (
            widget.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
            or isinstance(widget, QAbstractButton)
        )
    ]
    assert tab.timeline_view in interactive
    for widget in interactive:
        assert widget.accessibleName().strip(), type(widget).__name__
    assert tab.hours_chart.accessibleName()
    assert "Insurance: 1.5 h" in tab.hours_chart.accessibleDescription()


def test_nothing_is_clipped_at_1024x700_whichever_block_is_shown(qtbot: QtBot, tab: DayTab) -> None:
    view = tab.timeline_view
    assert view.height() >= view.minimumSizeHint().height()
    assert tab.legend.height() >= tab.legend.heightForWidth(tab.legend.width())
    assert tab.hours_chart.height() >= tab.hours_chart.sizeHint().height()
    # Each block in turn, by keyboard: the details re-flow and must never cut a line off.
    QTest.keyClick(view, Qt.Key.Key_Home)
    for block in day_timeline().blocks:
        assert tab.selected_block_id() == block.id
        qtbot.wait(1)
        assert clipped_labels(tab) == [], block.id
        QTest.keyClick(view, Qt.Key.Key_Right)
