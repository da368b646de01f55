"""How figures, dates and statuses are written: once, for the window, the CLI and paper."""

from __future__ import annotations

from datetime import date

import pytest

from ptplanner.core.format import (
    STATUS_LABELS,
    clip,
    long_date,
    money,
    ordinal,
    percent,
    short_date,
    signed_money,
    whole_number,
)
from ptplanner.core.plan.model import Status


def test_money_is_whole_dollars_with_separators() -> None:
    assert money(45_930) == "$45,930"
    assert money(36_753.6) == "$36,754"
    assert money(0) == "$0"


def test_signed_money_uses_a_true_minus_and_no_sign_for_zero() -> None:
    assert signed_money(1_500) == "+$1,500"
    assert signed_money(-800) == "−$800"
    assert signed_money(0.4) == "$0"
    assert signed_money(-0.4) == "$0"


def test_percent_drops_trailing_zeros() -> None:
    assert percent(3.4) == "3.4%"
    assert percent(50.0) == "50%"


def test_dates_short_and_long() -> None:
    day = date(2027, 3, 3)
    assert short_date(day) == "Mar 3, 2027"
    assert short_date(None) == ""
    assert long_date(day) == "March 3, 2027"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
    ],
)
def test_ordinal(number: int, words: str) -> None:
    assert ordinal(number) == words


def test_clip_keeps_short_text_and_ends_long_text_with_an_ellipsis() -> None:
    assert clip("short", 10) == "short"
    assert clip("a rather long title", 10) == "a rather…"
    assert len(clip("x" * 50, 10)) == 10


def test_every_status_has_a_label_found_by_the_enum_member() -> None:
    assert {STATUS_LABELS[status] for status in Status} == {
        "Not started",
        "In progress",
        "Done",
        "Skipped",
    }


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("12", 12),
        (" 2027 ", 2027),
        ("0", 0),
        ("²", None),
        ("٣", None),
        ("-3", None),
        ("", None),
        ("1.5", None),
        ("9" * 4301, None),
    ],
)
def test_whole_number_reads_ascii_digits_only(text: str, number: int | None) -> None:
    assert whole_number(text) == number
