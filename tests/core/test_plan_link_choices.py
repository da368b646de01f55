"""What the details editor offers for a salary link, and what it says the link does to pay."""

from __future__ import annotations

from datetime import date

import pytest

from ptplanner.core.plan.link_choices import (
    LINK_KIND_LABELS,
    link_choices,
    pay_effect_text,
    promotion_raise_text,
)
from ptplanner.core.plan.model import LINK_KINDS, Milestone, SalaryLink, Status


def step(
    link: str | None, status: Status = Status.NOT_STARTED, target: date | None = None
) -> Milestone:
    return Milestone(
        title="A step",
        status=status,
        target_date=target,
        salary_link=SalaryLink.parse(link) if link else None,
    )


def test_every_link_kind_is_offered_after_none() -> None:
    assert LINK_KIND_LABELS[0] == ("", "None")
    assert sorted(kind for kind, _label in LINK_KIND_LABELS[1:]) == sorted(LINK_KINDS)


@pytest.mark.parametrize("kind", ["certification", "education", "employer_type", "location"])
def test_each_kind_with_a_value_has_choices_that_parse(kind: str) -> None:
    choices = link_choices(kind)
    assert choices
    for value, label in choices:
        assert label
        assert SalaryLink.parse(f"{kind}:{value}").value == value
    assert link_choices("promotion") == []


def test_the_pay_effect_follows_the_status_and_the_target_year() -> None:
    assert pay_effect_text(step(None), 2026) == ""
    planned = step("certification:cmaa", target=date(2027, 4, 1))
    expected = "In your salary projection: from 2027, the target year."
    assert pay_effect_text(planned, 2026) == expected
    late = step("certification:cmaa", target=date(2025, 4, 1))
    assert "from 2026 (the target date has passed" in pay_effect_text(late, 2026)
    assert "counts as yours now" in pay_effect_text(step("certification:cmaa", Status.DONE), 2026)
    skipped = step("certification:cmaa", Status.SKIPPED)
    assert pay_effect_text(skipped, 2026).startswith("Skipped")
    assert "Give it a target date" in pay_effect_text(step("certification:cmaa"), 2026)


def test_a_planned_promotion_says_how_big_its_raise_is() -> None:
    planned = step("promotion", target=date(2028, 3, 1))
    text = pay_effect_text(planned, 2026)
    assert text.startswith("In your salary projection: a promotion raise from 2028")
    assert text.endswith(promotion_raise_text())
    assert "not a raise still to come" in pay_effect_text(step("promotion", Status.DONE), 2026)


def test_the_step_s_own_pay_note_comes_first() -> None:
    noted = step("certification:cmaa", target=date(2027, 4, 1)).model_copy(
        update={"pay_effect": "Extra pay for holding a certification."}
    )
    first, second = pay_effect_text(noted, 2026).split("\n\n")
    assert first == "Extra pay for holding a certification."
    assert second.startswith("In your salary projection")
