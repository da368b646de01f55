"""What the details editor offers for a salary link, and what it says the link does to pay."""

from __future__ import annotations

from datetime import date

import pytest

from ptplanner.core.plan.link_choices import (
    LINK_KIND_LABELS,
    link_choices,
    pay_effect_text,
    role_pay_text,
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


@pytest.mark.parametrize(
    "kind", ["role", "certification", "skill", "education", "employer_type", "location"]
)
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
    expected = (
        "In your salary projection: from 2027, the target year, unless your profile already "
        "has it (then it changes nothing)."
    )
    assert pay_effect_text(planned, 2026) == expected
    late = step("certification:cmaa", target=date(2025, 4, 1))
    assert "from 2026 (the target date has passed" in pay_effect_text(late, 2026)
    assert "counts as yours now" in pay_effect_text(step("certification:cmaa", Status.DONE), 2026)
    skipped = step("certification:cmaa", Status.SKIPPED)
    assert pay_effect_text(skipped, 2026).startswith("Skipped")
    assert "Give it a target date" in pay_effect_text(step("certification:cmaa"), 2026)


def test_the_editor_lists_roles_and_skills_by_their_titles() -> None:
    labels = dict(LINK_KIND_LABELS)
    assert (labels["role"], labels["skill"]) == ("Role", "Skill")
    assert [label for _value, label in link_choices("role")] == [
        "Receptionist / front desk",
        "PT care coordinator",
        "Senior / lead coordinator",
        "Office manager",
        "Practice administrator / health services manager",
    ]
    assert dict(link_choices("skill"))["billing_coding"] == (
        "Billing and coding basics (ICD-10, CPT)"
    )


def test_a_planned_role_says_whose_pay_it_follows_and_what_it_usually_asks() -> None:
    planned = step("role:office_manager", target=date(2029, 3, 1))
    text = pay_effect_text(planned, 2026)
    assert text.startswith("In your salary projection: from 2029, the target year, your pay ")
    assert "follows BLS pay for office manager jobs (SOC 43-1011; BLS OEWS, May 2025)" in text
    assert "in PT offices" in text
    assert "about its 25th percentile" in text  # the rung's entry point in the salary model
    assert "%" not in text  # no fixed raise
    prerequisites = "Usual prerequisites, shown and not enforced: Usually reached from the lead"
    assert prerequisites in text
    assert "your experience counts from 2029" in text
    assert text.endswith("counts from 2029.")
    assert role_pay_text("office_manager") in text
    practice = pay_effect_text(step("role:practice_administrator", target=date(2031, 1, 1)), 2026)
    assert "A bachelor's degree" in practice
    assert "11-9111" in practice
    done = pay_effect_text(step("role:office_manager", Status.DONE), 2026)
    assert done.startswith("In your salary projection: you work as an office manager now")


def test_a_promotion_is_the_next_role_not_a_raise() -> None:
    text = pay_effect_text(step("promotion", target=date(2028, 3, 1)), 2026)
    assert text.startswith("In your salary projection: a move to the next role up the career")
    assert "from 2028" in text
    assert "%" not in text
    assert "names no role" in pay_effect_text(step("promotion", Status.DONE), 2026)


def test_the_step_s_own_pay_note_comes_first() -> None:
    noted = step("certification:cmaa", target=date(2027, 4, 1)).model_copy(
        update={"pay_effect": "Extra pay for holding a certification."}
    )
    first, second = pay_effect_text(noted, 2026).split("\n\n")
    assert first == "Extra pay for holding a certification."
    assert second.startswith("In your salary projection")
