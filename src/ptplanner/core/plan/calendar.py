"""The plan as an iCalendar file (RFC 5545), for the calendar or task app a person already uses.

Written by hand rather than with a library: the format needs little (escaping, folding at 75
octets, CRLF) and the app ships no extra dependency for it. Every dated step becomes one item:

* **Events** (``VEVENT``, the default): all-day on the step's target date, with a reminder
  (``VALARM``) some days before. Events are what Google Calendar, Outlook and Apple Calendar
  import; all three drop to-dos from an imported file, so the default is the one that reaches
  the person. RFC 5545 gives events no "completed" status, so a done step is an event on the day
  it was done, titled "Done: ...", shown as free time and without a reminder; a skipped step is
  ``STATUS:CANCELLED``, which removes it from a calendar that had imported it before.
* **To-dos** (``VTODO``, on request): due on the target date, the reminder counted back from the
  due date, a done step ``STATUS:COMPLETED`` with its ``COMPLETED`` time and 100 percent. For
  task apps (Thunderbird, Apple Reminders, tasks.org) that tick things off.

UIDs come from the milestone id and a fixed domain, so importing a later export updates the
items instead of adding copies. A done credential that renews gets its renewal as an item of its
own, unless the plan already holds the open renewal step (which is exported as itself).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Literal

from ptplanner.core.plan.model import Milestone, Plan, Status, add_months
from ptplanner.core.plan.operations import renewal_title

CalendarKind = Literal["event", "todo"]
CALENDAR_KINDS: tuple[CalendarKind, ...] = ("event", "todo")
UID_DOMAIN = "ptplanner.invalid"
"""The right-hand side of every UID: fixed, so UIDs stay the same from one export to the next.
``.invalid`` is reserved (RFC 2606): it can never collide with a real domain's UIDs."""
PRODID = "-//ptplanner//Career plan export//EN"
DEFAULT_REMIND_DAYS = 7
MAX_REMIND_DAYS = 365
LINE_OCTETS = 75
"""RFC 5545 section 3.1: lines longer than this many octets (CRLF excluded) are folded."""
DONE_PREFIX = "Done: "


@dataclass(frozen=True)
class CalendarItem:
    """One dated step as it goes into the file, before any iCalendar syntax."""

    uid: str
    summary: str
    day: date
    """The target date (open, skipped and renewal items) or the done date (done items)."""
    status: Status
    description: str
    done_on: date | None = None


# --- syntax ----------------------------------------------------------------------------------


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` cut into lines of at most 75 octets, continuations starting with a space.

    Cuts fall between characters, never inside a character's UTF-8 bytes.
    """
    parts: list[str] = []
    current: list[str] = []
    room, used = LINE_OCTETS, 0
    for char in line:
        size = len(char.encode("utf-8"))
        if used + size > room:
            parts.append("".join(current))
            current, used, room = [], 0, LINE_OCTETS - 1  # the leading space takes one octet
        current.append(char)
        used += size
    parts.append("".join(current))
    return "\r\n ".join(parts)


def _date_value(day: date) -> str:
    return day.strftime("%Y%m%d")


def _utc_value(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


# --- what goes in ------------------------------------------------------------------------------


def _uid(milestone_id: str, suffix: str = "") -> str:
    return f"{milestone_id}{suffix}@{UID_DOMAIN}"


def _description(milestone: Milestone, parent: Milestone | None) -> str:
    parts: list[str] = []
    if parent is not None:
        parts.append(f"Part of: {parent.title}")
    if milestone.status is Status.DONE and milestone.done_date is not None:
        parts.append(f"Done on {milestone.done_date.isoformat()}.")
    if milestone.target_date is not None and milestone.status is not Status.DONE:
        parts.append(f"Target date: {milestone.target_date.isoformat()}.")
    if milestone.why:
        parts.append(f"Why it matters: {milestone.why}")
    if milestone.pay_effect:
        parts.append(f"Pay: {milestone.pay_effect}")
    if milestone.notes:
        parts.append(f"Notes: {milestone.notes}")
    return "\n\n".join(parts)


def calendar_items(plan: Plan) -> list[CalendarItem]:
    """Every dated step, plan order, with each done credential's renewal right after it."""
    by_id = {m.id: m for m in plan.flatten()}
    open_titles = {m.title for m in by_id.values() if not m.is_closed}
    items: list[CalendarItem] = []
    for node in plan.walk():
        milestone = node.milestone
        parent = by_id.get(node.parent_id) if node.parent_id else None
        done = milestone.status is Status.DONE
        day = (milestone.done_date or milestone.target_date) if done else milestone.target_date
        if day is not None:
            items.append(
                CalendarItem(
                    uid=_uid(milestone.id),
                    summary=milestone.title,
                    day=day,
                    status=milestone.status,
                    description=_description(milestone, parent),
                    done_on=milestone.done_date if done else None,
                )
            )
        renewal = _renewal_item(milestone, parent, open_titles)
        if renewal is not None:
            items.append(renewal)
    return items


def _renewal_item(
    milestone: Milestone, parent: Milestone | None, open_titles: set[str]
) -> CalendarItem | None:
    months = milestone.renews_every_months
    if milestone.status is not Status.DONE or months is None or milestone.done_date is None:
        return None
    title = renewal_title(milestone.title)
    if title in open_titles:
        return None  # the plan's own renewal step is exported as itself
    due = add_months(milestone.done_date, months)
    lines = [
        f"Renewal of '{milestone.title}', done {milestone.done_date.isoformat()}: "
        f"it renews every {months} month{'s' if months != 1 else ''}."
    ]
    if parent is not None:
        lines.insert(0, f"Part of: {parent.title}")
    return CalendarItem(
        uid=_uid(milestone.id, "-renewal"),
        summary=title,
        day=due,
        status=Status.NOT_STARTED,
        description="\n\n".join(lines),
    )


# --- the file ----------------------------------------------------------------------------------


def plan_to_ics(
    plan: Plan,
    *,
    kind: CalendarKind = "event",
    remind_days: int = DEFAULT_REMIND_DAYS,
    now: datetime | None = None,
) -> str:
    """The plan as iCalendar text with CRLF line ends; see the module documentation.

    ``remind_days``: how many days before an open step its reminder goes off (0: on the day).
    ``now``: the export's time stamp (DTSTAMP), the present moment unless given.
    """
    if not 0 <= remind_days <= MAX_REMIND_DAYS:
        raise ValueError(f"remind days must be 0 to {MAX_REMIND_DAYS}, not {remind_days}")
    stamp = _utc_value(now or datetime.now(UTC))
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(plan.title)}",
    ]
    for item in calendar_items(plan):
        component = _event if kind == "event" else _todo
        lines.extend(component(item, stamp, remind_days))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(item: CalendarItem, stamp: str, remind_days: int) -> Iterator[str]:
    done = item.status is Status.DONE
    yield "BEGIN:VEVENT"
    yield f"UID:{item.uid}"
    yield f"DTSTAMP:{stamp}"
    yield f"DTSTART;VALUE=DATE:{_date_value(item.day)}"
    yield f"DTEND;VALUE=DATE:{_date_value(item.day + timedelta(days=1))}"
    yield f"SUMMARY:{escape_text((DONE_PREFIX if done else '') + item.summary)}"
    if item.description:
        yield f"DESCRIPTION:{escape_text(item.description)}"
    yield f"STATUS:{'CANCELLED' if item.status is Status.SKIPPED else 'CONFIRMED'}"
    # A whole-day milestone does not make the person busy that day.
    yield "TRANSP:TRANSPARENT"
    if not (done or item.status is Status.SKIPPED):
        yield from _alarm(item, remind_days, related_end=False)
    yield "END:VEVENT"


_TODO_STATUS = {
    Status.NOT_STARTED: "NEEDS-ACTION",
    Status.IN_PROGRESS: "IN-PROCESS",
    Status.DONE: "COMPLETED",
    Status.SKIPPED: "CANCELLED",
}


def _todo(item: CalendarItem, stamp: str, remind_days: int) -> Iterator[str]:
    yield "BEGIN:VTODO"
    yield f"UID:{item.uid}"
    yield f"DTSTAMP:{stamp}"
    yield f"DUE;VALUE=DATE:{_date_value(item.day)}"
    yield f"SUMMARY:{escape_text(item.summary)}"
    if item.description:
        yield f"DESCRIPTION:{escape_text(item.description)}"
    yield f"STATUS:{_TODO_STATUS[item.status]}"
    if item.status is Status.DONE:
        # COMPLETED must be a UTC time; noon keeps the day the same in every time zone
        # from UTC-12 to UTC+11.
        done_on = item.done_on or item.day
        yield f"COMPLETED:{_date_value(done_on)}T120000Z"
        yield "PERCENT-COMPLETE:100"
    elif item.status is not Status.SKIPPED:
        yield from _alarm(item, remind_days, related_end=True)
    yield "END:VTODO"


def _alarm(item: CalendarItem, remind_days: int, *, related_end: bool) -> Iterator[str]:
    # A to-do without DTSTART must count its alarm from the due date (RFC 5545 3.8.6.3).
    related = ";RELATED=END" if related_end else ""
    yield "BEGIN:VALARM"
    yield "ACTION:DISPLAY"
    yield f"TRIGGER{related}:-P{remind_days}D"
    when = "today" if remind_days == 0 else f"in {remind_days} day{'s' if remind_days != 1 else ''}"
    yield f"DESCRIPTION:{escape_text(f'{item.summary} is due {when}')}"
    yield "END:VALARM"
