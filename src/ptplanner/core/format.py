"""How ptplanner writes money, percentages, dates and plan statuses, in one place.

The window, the printout and the command line all format through these helpers, so a figure reads
the same wherever it appears.
"""

from __future__ import annotations

from datetime import date

# Keyed by the status values, which ``Status`` (a StrEnum) members hash and compare equal to; so
# this module stays importable without pydantic, and the command line's start stays light.
STATUS_LABELS: dict[str, str] = {
    "not_started": "Not started",
    "in_progress": "In progress",
    "done": "Done",
    "skipped": "Skipped",
}
"""A plan status as a person reads it, capitalised for a column or a checklist."""


def money(value: float) -> str:
    """Whole dollars with thousands separators: "$45,930"."""
    return f"${value:,.0f}"


def signed_money(value: float) -> str:
    """A change in dollars with its sign ("+$1,500", "−$800", "$0"), a true minus for print."""
    if round(value) == 0:
        return "$0"
    return f"{'+' if value > 0 else '−'}${abs(value):,.0f}"


def percent(value: float) -> str:
    """A percentage as typed, without trailing zeros: "3.4%", "50%"."""
    return f"{value:g}%"


def short_date(day: date | None) -> str:
    """ "Mar 3, 2027": short, unambiguous in every locale, and sortable by eye in a column."""
    return "" if day is None else f"{day:%b} {day.day}, {day.year}"


def long_date(day: date) -> str:
    """ "March 3, 2027", for prose and the printout's title."""
    return f"{day:%B} {day.day}, {day.year}"


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 11th, 22nd: for percentiles in words."""
    teen = 10 <= number % 100 <= 20
    suffix = "th" if teen else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def clip(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis, for one-line summaries."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def whole_number(text: str) -> int | None:
    """A whole number as a person types it (ASCII digits, spaces around allowed), else None.

    The one reader of typed counts and years, for the command line and CSV import alike:
    ``str.isdigit`` is not enough, since it accepts "²", which ``int`` refuses, and ``int`` also
    refuses more digits than Python's conversion limit.
    """
    text = text.strip()
    if not (text.isascii() and text.isdigit()):
        return None
    try:
        return int(text)
    except ValueError:
        return None


def lower_first(text: str) -> str:
    """``text`` as it reads inside a sentence: "Office manager" -> "office manager", while a
    leading acronym stays ("PT care coordinator")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return text
    return text[:1].lower() + text[1:]
