"""Reminders while the window is open: a step falling due reaches the person once a day.

:class:`PlanReminders` checks the plan on a timer. An open step whose target date is today or
within the reminder days of the settings (the same number the calendar export's alarms use) is
announced once per step per day: as a desktop notification where the desktop has a tray to show
one, else as a banner above the plan. Which steps were announced on which day is kept in the
settings, so a restart does not announce them again. Overdue steps are left to the launch notice
and the tree's colours: a daily nag about a date already missed helps no one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon, QWidget

from ptplanner.core.format import clip, short_date
from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.settings import Settings
from ptplanner.ui.tabs.plan.notices import Banner

CHECK_INTERVAL_MS = 60_000
"""How often the plan is checked; a reminder comes at most this late after midnight or an edit."""
MESSAGE_SHOWN_MS = 15_000
BANNER_KEY = "reminder"


class ReminderHolder(Protocol):
    """What the reminders need of the plan controller."""

    today: Callable[[], date]

    @property
    def plan(self) -> Plan: ...

    def set_banner(self, banner: Banner) -> None: ...

    def notify(self, level: str, text: str) -> None: ...


def steps_to_remind(
    milestones: Sequence[Milestone], today: date, days: int, reminded: Mapping[str, str]
) -> list[Milestone]:
    """Open steps due from ``today`` to ``days`` days on, not yet reminded of today; soonest
    first (steps due the same day keep their plan order)."""
    horizon = today + timedelta(days=days)
    stamp = today.isoformat()
    due = [
        m
        for m in milestones
        if not m.is_closed
        and m.target_date is not None
        and today <= m.target_date <= horizon
        and reminded.get(m.id) != stamp
    ]
    due.sort(key=lambda m: m.target_date or today)
    return due


def _when(target: date, today: date) -> str:
    days = (target - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"on {short_date(target)}, in {days} days"


def reminder_text(steps: Sequence[Milestone], today: date) -> tuple[str, str]:
    """(title, message) of the reminder for ``steps`` (at least one, soonest first)."""
    first = steps[0]
    assert first.target_date is not None
    if len(steps) == 1:
        return (
            "A plan step is due",
            f"“{clip(first.title, 60)}” is due {_when(first.target_date, today)}.",
        )
    shown = [
        f"“{clip(m.title, 44)}” {_when(m.target_date, today)}"
        for m in steps[:3]
        if m.target_date is not None
    ]
    shown[0] = shown[0].replace("” ", "” is due ", 1)
    if len(steps) > 3:
        shown.append(f"and {len(steps) - 3} more")
    return f"{len(steps)} plan steps are due", "; ".join(shown) + "."


class DesktopNotifier:
    """A notification through the system tray, where the desktop has one."""

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._tray: QSystemTrayIcon | None = None

    def available(self) -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages()

    def show(self, title: str, text: str) -> None:
        if self._tray is None:
            self._tray = QSystemTrayIcon(_app_icon(), self._parent)
            self._tray.setToolTip("PT Planner")
        self._tray.show()  # a hidden tray icon cannot show a message
        self._tray.showMessage(
            title, text, QSystemTrayIcon.MessageIcon.Information, MESSAGE_SHOWN_MS
        )

    def hide(self) -> None:
        if self._tray is not None:
            self._tray.hide()


def _app_icon() -> QIcon:
    app = QApplication.instance()
    icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
    if icon.isNull() and isinstance(app, QApplication):
        icon = app.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
    return icon


class Notifier(Protocol):
    def available(self) -> bool: ...

    def show(self, title: str, text: str) -> None: ...

    def hide(self) -> None: ...


class PlanReminders(QObject):
    """Checks the plan for steps falling due and reminds of each once a day; see the module."""

    reminded = Signal(str)
    """The text of a reminder just given."""

    def __init__(
        self,
        holder: ReminderHolder,
        settings: Settings,
        save_settings: Callable[[], None],
        parent: QWidget | None = None,
        *,
        notifier: Notifier | None = None,
        interval_ms: int = CHECK_INTERVAL_MS,
    ) -> None:
        super().__init__(parent)
        self._holder = holder
        self._settings = settings
        self._save = save_settings
        self.notifier: Notifier = notifier if notifier is not None else DesktopNotifier(self)
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.check)
        self.toggle_action = QAction("&Remind me of plan steps falling due", self)
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        self.toggle_action.setChecked(settings.reminders)
        self.toggle_action.setStatusTip(
            f"A notice once a day for each open step due within {settings.reminder_days} days"
        )
        self.toggle_action.toggled.connect(self.set_enabled)
        if settings.reminders:
            self.timer.start()

    def set_enabled(self, on: bool) -> None:
        """Turn reminders on or off, and remember it in the settings."""
        if self._settings.reminders != on:
            self._settings.reminders = on
            self._save()
        if self.toggle_action.isChecked() != on:
            self.toggle_action.setChecked(on)
        if on:
            self.timer.start()
        else:
            self.timer.stop()
            self.notifier.hide()

    def check(self) -> list[Milestone]:
        """Remind of the steps falling due not yet reminded of today; returns them."""
        settings = self._settings
        if not settings.reminders:
            return []
        today = self._holder.today()
        stamp = today.isoformat()
        due = steps_to_remind(
            self._holder.plan.flatten(), today, settings.reminder_days, settings.reminded
        )
        if not due:
            return []
        # Only today's entries matter; older ones would grow the settings file forever.
        kept = {step: day for step, day in settings.reminded.items() if day == stamp}
        kept.update({m.id: stamp for m in due})
        settings.reminded = kept
        self._save()
        title, text = reminder_text(due, today)
        if self.notifier.available():
            self.notifier.show(title, text)
        else:
            self._holder.set_banner(Banner(BANNER_KEY, "notice", f"Reminder: {text}"))
        self._holder.notify("notice", text)
        self.reminded.emit(text)
        return due
