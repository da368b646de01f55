"""Reminders while the window is open, and File > Export to calendar..., as a person meets them.

The reminders run on the Plan tab of tests/ui/plan/conftest.py (its "today" is TODAY); the desktop
notification goes to a stand-in notifier, since the offscreen platform has no system tray.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")
icalendar = pytest.importorskip("icalendar")

from plan_tab_helpers import TODAY  # noqa: E402

from ptplanner.core.plan.model import Milestone, Plan, Status  # noqa: E402
from ptplanner.core.settings import Settings, load_settings, save_settings  # noqa: E402

if TYPE_CHECKING:
    from fit_checks import OpenMainWindow
    from plan_tab_helpers import OpenTab
    from pytestqt.qtbot import QtBot

    from ptplanner.ui.tabs.plan.reminders import PlanReminders
    from ptplanner.ui.tabs.plan.tab import PlanTab

pytestmark = pytest.mark.gui

PLAN = Plan(
    milestones=(
        Milestone(id="today", title="Book the CMAA exam", target_date=TODAY),
        Milestone(id="soon", title="Ask for a reference", target_date=TODAY + timedelta(days=3)),
        Milestone(id="later", title="Apply to clinics", target_date=TODAY + timedelta(days=10)),
        Milestone(id="late", title="Send the résumé", target_date=TODAY - timedelta(days=2)),
        Milestone(
            id="done",
            title="Finish a GED",
            status=Status.DONE,
            target_date=TODAY,
            done_date=TODAY,
        ),
    )
)


@dataclass
class FakeNotifier:
    """The desktop's notifications as a list: what a person would have seen pop up."""

    tray: bool
    shown: list[tuple[str, str]] = field(default_factory=list)
    hidden: int = 0

    def available(self) -> bool:
        return self.tray

    def show(self, title: str, text: str) -> None:
        self.shown.append((title, text))

    def hide(self) -> None:
        self.hidden += 1


def reminders(
    tab: PlanTab, settings: Settings, notifier: FakeNotifier, interval_ms: int = 60_000
) -> PlanReminders:
    from ptplanner.ui.tabs.plan.reminders import PlanReminders

    return PlanReminders(
        tab.controller,
        settings,
        lambda: save_settings(settings),
        tab.window(),
        notifier=notifier,
        interval_ms=interval_ms,
    )


def status_bar(tab: PlanTab) -> str:
    from PySide6.QtWidgets import QMainWindow

    window = tab.window()
    assert isinstance(window, QMainWindow)
    return window.statusBar().currentMessage()


def banner_text(tab: PlanTab, key: str = "reminder") -> str | None:
    found = [w for w in tab.banner_widgets() if w.banner.key == key]
    return found[0].label.text() if found else None


def test_without_a_tray_a_banner_names_the_steps_once_a_day(open_tab: OpenTab) -> None:
    tab = open_tab(PLAN)
    notifier = FakeNotifier(tray=False)
    settings = Settings()
    reminded = reminders(tab, settings, notifier)
    assert banner_text(tab) is None
    due = reminded.check()
    # Due today and within the week; not the one in 10 days, the overdue or the done one.
    assert [m.id for m in due] == ["today", "soon"]
    text = "“Book the CMAA exam” is due today; “Ask for a reference” on Nov 28, 2026, in 3 days."
    assert banner_text(tab) == f"Reminder: {text}"
    assert status_bar(tab) == text
    assert notifier.shown == []
    # Remembered in the settings file: a second check, or a restart, the same day says nothing.
    assert load_settings().reminded == {"today": "2026-11-25", "soon": "2026-11-25"}
    assert reminded.check() == []
    again = reminders(tab, load_settings(), notifier)
    assert again.check() == []


def test_with_a_tray_a_desktop_notification_and_again_the_next_day(open_tab: OpenTab) -> None:
    tab = open_tab(PLAN)
    notifier = FakeNotifier(tray=True)
    settings = Settings(reminder_days=10, reminded={"old": "2026-11-01"})
    reminded = reminders(tab, settings, notifier)
    reminded.check()
    assert notifier.shown == [
        (
            "3 plan steps are due",
            "“Book the CMAA exam” is due today; “Ask for a reference” on Nov 28, 2026, in 3 days; "
            "“Apply to clinics” on Dec 5, 2026, in 10 days.",
        )
    ]
    assert banner_text(tab) is None
    assert "old" not in settings.reminded  # earlier days are forgotten
    tab.controller.today = lambda: TODAY + timedelta(days=1)
    reminded.check()
    assert notifier.shown[-1] == (
        "2 plan steps are due",
        "“Ask for a reference” is due on Nov 28, 2026, in 2 days; "
        "“Apply to clinics” on Dec 5, 2026, in 9 days.",
    )


def test_the_timer_reminds_of_a_date_typed_while_the_window_is_open(
    qtbot: QtBot, open_tab: OpenTab
) -> None:
    tab = open_tab(Plan(milestones=(Milestone(id="x", title="Renew CPR card"),)))
    notifier = FakeNotifier(tray=True)
    reminders(tab, Settings(), notifier, interval_ms=20)
    qtbot.wait(60)
    assert notifier.shown == []  # no date yet: nothing due
    # The same edit the details panel's date box makes.
    assert tab.controller.update_milestone("x", target_date=TODAY + timedelta(days=1))
    qtbot.waitUntil(lambda: bool(notifier.shown), timeout=2000)
    assert notifier.shown == [("A plan step is due", "“Renew CPR card” is due tomorrow.")]


def test_the_view_menu_switch_turns_them_off_and_remembers(open_tab: OpenTab) -> None:
    tab = open_tab(PLAN)
    notifier = FakeNotifier(tray=True)
    settings = Settings()
    reminded = reminders(tab, settings, notifier)
    action = reminded.toggle_action
    assert action.isCheckable()
    assert action.isChecked()
    assert reminded.timer.isActive()
    action.trigger()  # as a click on the menu item does
    assert not action.isChecked()
    assert not reminded.timer.isActive()
    assert load_settings().reminders is False
    assert reminded.check() == []
    assert notifier.shown == []
    assert notifier.hidden == 1
    # Off in the settings: a new window starts with the switch off and no timer.
    later = reminders(tab, load_settings(), notifier)
    assert not later.toggle_action.isChecked()
    assert not later.timer.isActive()


def test_offscreen_has_no_tray_so_the_real_notifier_falls_back(open_tab: OpenTab) -> None:
    from ptplanner.ui.tabs.plan.reminders import DesktopNotifier, PlanReminders

    tab = open_tab(PLAN)
    settings = Settings()
    reminded = PlanReminders(tab.controller, settings, lambda: None, tab.window())
    assert isinstance(reminded.notifier, DesktopNotifier)
    assert not reminded.notifier.available()
    reminded.check()
    assert banner_text(tab) is not None


def test_file_menu_exports_to_calendar(
    open_tab: OpenTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fit_checks import without_mnemonic
    from PySide6.QtWidgets import QFileDialog

    from ptplanner.ui.tabs.plan import plan_files

    tab = open_tab(PLAN)
    window = tab.window()
    chosen = tmp_path / "my steps"  # no suffix typed: .ics is added
    asked: list[str] = []

    def pick(_parent: object, title: str, _start: str, filters: str) -> tuple[str, str]:
        asked.append(title)
        assert plan_files.CALENDAR_TODOS_FILTER in filters.split(";;")
        return str(chosen), plan_files.CALENDAR_TODOS_FILTER

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(pick))
    action = next(
        a
        for a in window.file_menu.actions()  # type: ignore[attr-defined]
        if without_mnemonic(a.text()) == "Export to calendar…"
    )
    action.trigger()
    assert asked == ["Export to calendar"]
    written = chosen.with_suffix(".ics")
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    todos = {str(t["SUMMARY"]): t for t in calendar.walk("VTODO")}
    assert list(todos) == [m.title for m in PLAN.milestones]
    assert str(todos["Finish a GED"]["STATUS"]) == "COMPLETED"
    assert todos["Apply to clinics"]["DUE"].dt == date(2026, 12, 5)
    assert status_bar(tab).startswith(f"Exported your dated steps to {written}")

    # A folder is refused with one line in a banner, and nothing is written.
    tmp_path.joinpath("sub.ics").mkdir()
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *_: (str(tmp_path / "sub.ics"), plan_files.CALENDAR_EVENTS_FILTER)),
    )
    action.trigger()
    error = banner_text(tab, "error")
    assert error is not None
    assert "sub.ics is a folder" in error
    assert "\n" not in error


def test_the_window_offers_both_in_its_menus(
    qtbot: QtBot, open_main_window: OpenMainWindow
) -> None:
    from fit_checks import without_mnemonic

    window = open_main_window()
    qtbot.waitUntil(lambda: window.plan_reminders is not None, timeout=5000)
    assert window.plan_reminders is not None
    view = [without_mnemonic(a.text()) for a in window.view_menu.actions()]
    assert "Remind me of plan steps falling due" in view
    files = [without_mnemonic(a.text()) for a in window.file_menu.actions()]
    assert files.index("Export to calendar…") == files.index("Export milestones as CSV…") + 1
    window.plan_reminders.toggle_action.trigger()
    assert window.settings.reminders is False
    assert load_settings().reminders is False  # written at once, not only on quit
