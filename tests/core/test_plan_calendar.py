"""The plan as an iCalendar file, read back with a real parser (the ``icalendar`` package).

Every field each item carries is checked as the parser sees it, for events and for to-dos, and
the syntax rules a hand writer can get wrong (folding, escaping, CRLF) are checked on the bytes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

icalendar = pytest.importorskip("icalendar")

from ptplanner.core.plan.calendar import (  # noqa: E402
    UID_DOMAIN,
    calendar_items,
    escape_text,
    fold,
    plan_to_ics,
)
from ptplanner.core.plan.model import Milestone, Plan, Status  # noqa: E402

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
NOTES = 'Bring ID, fee; "cash"\\card\nsecond line'


def sample() -> Plan:
    return Plan(
        title="Maria's plan, 2026",
        milestones=(
            Milestone(
                id="creds",
                title="Credentials",
                children=(
                    Milestone(
                        id="cmaa",
                        title="CMAA certification",
                        status=Status.DONE,
                        target_date=date(2026, 4, 1),
                        done_date=date(2026, 3, 10),
                        renews_every_months=24,
                        notes=NOTES,
                        why="Employers ask for it.",
                    ),
                    Milestone(
                        id="cehrs",
                        title="CEHRS",
                        status=Status.DONE,
                        done_date=date(2026, 5, 1),
                        renews_every_months=24,
                    ),
                    Milestone(id="renew-cehrs", title="Renew CEHRS", target_date=date(2028, 5, 1)),
                ),
            ),
            Milestone(
                id="apply",
                title="Apply to clinics in Zürich-like places 🏥 " + "é" * 40,
                target_date=date(2026, 12, 1),
                why="A first coordinator job.",
                pay_effect="Pay: see BLS May 2024.",
            ),
            Milestone(
                id="study",
                title="Study billing",
                status=Status.IN_PROGRESS,
                target_date=date(2027, 1, 15),
            ),
            Milestone(
                id="skip", title="Night class", status=Status.SKIPPED, target_date=date(2027, 2, 1)
            ),
            Milestone(id="undated", title="Someday: a bachelor's degree"),
        ),
    )


def parsed(text: str) -> Any:
    calendar = icalendar.Calendar.from_ical(text)
    for component in calendar.walk():
        assert not component.errors, (component.name, component.errors)
    return calendar


def by_uid(calendar: Any, name: str) -> dict[str, Any]:
    return {str(c["UID"]): c for c in calendar.walk(name)}


def uid(milestone_id: str) -> str:
    return f"{milestone_id}@{UID_DOMAIN}"


def test_events_carry_every_field() -> None:
    calendar = parsed(plan_to_ics(sample(), remind_days=10, now=NOW))
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["PRODID"]).startswith("-//ptplanner//")
    # An X- property is TEXT by default (RFC 5545 3.8.8.2) and escaped as such; the parser does
    # not know this one, so it hands back the escaped form.
    assert str(calendar["X-WR-CALNAME"]) == "Maria's plan\\, 2026"
    events = by_uid(calendar, "VEVENT")
    # Dated steps in plan order, the CMAA renewal right after it; no undated step, no parent
    # without a date, and no second CEHRS renewal (the plan has its open renewal step).
    assert list(events) == [
        uid("cmaa"),
        uid("cmaa-renewal"),
        uid("cehrs"),
        uid("renew-cehrs"),
        uid("apply"),
        uid("study"),
        uid("skip"),
    ]
    for event in events.values():
        assert event["DTSTAMP"].dt == NOW
        assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(days=1)
        assert str(event["TRANSP"]) == "TRANSPARENT"

    done = events[uid("cmaa")]
    assert done["DTSTART"].dt == date(2026, 3, 10)  # the day it was done
    assert str(done["SUMMARY"]) == "Done: CMAA certification"
    assert str(done["STATUS"]) == "CONFIRMED"
    assert str(done["DESCRIPTION"]) == (
        f"Part of: Credentials\n\nDone on 2026-03-10.\n\nWhy it matters: Employers ask for it."
        f"\n\nNotes: {NOTES}"
    )
    assert not done.walk("VALARM")

    renewal = events[uid("cmaa-renewal")]
    assert renewal["DTSTART"].dt == date(2028, 3, 10)
    assert str(renewal["SUMMARY"]) == "Renew CMAA certification"
    assert "renews every 24 months" in str(renewal["DESCRIPTION"])
    assert [a["TRIGGER"].dt for a in renewal.walk("VALARM")] == [timedelta(days=-10)]

    apply = events[uid("apply")]
    assert apply["DTSTART"].dt == date(2026, 12, 1)
    assert str(apply["SUMMARY"]) == sample().milestones[1].title
    assert str(apply["DESCRIPTION"]) == (
        "Target date: 2026-12-01.\n\nWhy it matters: A first coordinator job."
        "\n\nPay: Pay: see BLS May 2024."
    )
    assert str(apply["STATUS"]) == "CONFIRMED"
    (alarm,) = apply.walk("VALARM")
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm["TRIGGER"].dt == timedelta(days=-10)
    assert str(alarm["DESCRIPTION"]).endswith("is due in 10 days")

    assert events[uid("study")].walk("VALARM")
    skipped = events[uid("skip")]
    assert str(skipped["STATUS"]) == "CANCELLED"
    assert not skipped.walk("VALARM")


def test_todos_are_completed_with_their_date() -> None:
    calendar = parsed(plan_to_ics(sample(), kind="todo", remind_days=7, now=NOW))
    assert not calendar.walk("VEVENT")
    todos = by_uid(calendar, "VTODO")
    assert len(todos) == 7
    done = todos[uid("cmaa")]
    assert str(done["SUMMARY"]) == "CMAA certification"
    assert done["DUE"].dt == date(2026, 3, 10)
    assert str(done["STATUS"]) == "COMPLETED"
    assert done["COMPLETED"].dt == datetime(2026, 3, 10, 12, tzinfo=UTC)
    assert int(done["PERCENT-COMPLETE"]) == 100
    assert not done.walk("VALARM")
    assert "DTSTART" not in done

    statuses = {key: str(todo["STATUS"]) for key, todo in todos.items()}
    assert statuses[uid("apply")] == "NEEDS-ACTION"
    assert statuses[uid("study")] == "IN-PROCESS"
    assert statuses[uid("skip")] == "CANCELLED"
    assert statuses[uid("cmaa-renewal")] == "NEEDS-ACTION"
    (alarm,) = todos[uid("study")].walk("VALARM")
    # No DTSTART: the alarm counts back from the due date.
    assert alarm["TRIGGER"].params["RELATED"] == "END"
    assert alarm["TRIGGER"].dt == timedelta(days=-7)
    assert todos[uid("study")]["DUE"].dt == date(2027, 1, 15)
    assert todos[uid("study")]["DTSTAMP"].dt == NOW


def test_uids_stay_the_same_from_one_export_to_the_next() -> None:
    first = plan_to_ics(sample(), now=NOW)
    later = plan_to_ics(sample(), now=NOW + timedelta(days=30))
    assert first != later
    assert list(by_uid(parsed(first), "VEVENT")) == list(by_uid(parsed(later), "VEVENT"))
    stamp = "DTSTAMP:20261225T093000Z"
    assert first.replace("DTSTAMP:20261125T093000Z", stamp) == later


def test_reminder_on_the_day_and_bounds() -> None:
    calendar = parsed(plan_to_ics(sample(), remind_days=0, now=NOW))
    alarm = by_uid(calendar, "VEVENT")[uid("apply")].walk("VALARM")[0]
    assert alarm["TRIGGER"].dt == timedelta(0)
    assert str(alarm["DESCRIPTION"]).endswith("is due today")
    for bad in (-1, 366):
        with pytest.raises(ValueError, match="remind days"):
            plan_to_ics(sample(), remind_days=bad)


def test_lines_are_crlf_and_folded_at_75_octets_between_characters() -> None:
    data = plan_to_ics(sample(), now=NOW).encode("utf-8")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # no bare line feed anywhere
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) == 75  # some lines needed folding
    for line in lines:
        assert len(line) <= 75
        line.decode("utf-8")  # a fold never cuts a character in two
    # Unfolding gives the long summary back whole.
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8")
    assert f"SUMMARY:{sample().milestones[1].title}\r\n" in unfolded


def test_fold_and_escape_rules() -> None:
    assert fold("A" * 75) == "A" * 75
    assert fold("A" * 76) == "A" * 75 + "\r\n A"
    assert fold("A" * 74 + "é") == "A" * 74 + "\r\n é"  # two octets do not fit in one
    assert escape_text("a,b;c\\d\r\ne") == "a\\,b\\;c\\\\d\\ne"


def test_an_undated_plan_has_no_items() -> None:
    plan = Plan(milestones=(Milestone(title="Someday"),))
    assert calendar_items(plan) == []
    calendar = parsed(plan_to_ics(plan, now=NOW))
    assert not calendar.walk("VEVENT")
