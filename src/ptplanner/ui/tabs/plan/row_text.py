"""What a row of the plan tree says in words: salary link labels, due dates and tooltips.

Plain Python (no Qt), so the words the tree shows, and a screen reader speaks, can be read and
tested without a window.
"""

from __future__ import annotations

from datetime import date

from ptplanner.core.format import STATUS_LABELS, clip, short_date
from ptplanner.core.plan.link_choices import link_label
from ptplanner.core.plan.model import DUE_SOON_DAYS, Milestone


def due_text(milestone: Milestone, today: date) -> str:
    """The target date and how far it is: "target Dec 5, 2026, due in 10 days"."""
    target = milestone.target_date
    if target is None:
        return "no target date"
    days = (target - today).days
    text = f"target {short_date(target)}"
    if milestone.is_closed:
        return text
    if days < 0:
        return f"{text}, overdue by {-days} day{'s' if days != -1 else ''}"
    if days == 0:
        return f"{text}, due today"
    if days <= DUE_SOON_DAYS:
        return f"{text}, due in {days} day{'s' if days != 1 else ''}"
    return text


def row_tooltip(milestone: Milestone, today: date) -> str:
    """A step's tooltip: title, status and due date, then its link, why and notes, shortened."""
    lines = [milestone.title, f"{STATUS_LABELS[milestone.status]}; {due_text(milestone, today)}"]
    if milestone.done_date:
        lines.append(f"Done on {short_date(milestone.done_date)}")
    if milestone.salary_link:
        lines.append(f"Salary link: {link_label(milestone.salary_link)}")
    if milestone.why:
        lines.append(clip(milestone.why, 240))
    if milestone.notes:
        lines.append("Notes: " + clip(" ".join(milestone.notes.split()), 160))
    return "\n".join(lines)
