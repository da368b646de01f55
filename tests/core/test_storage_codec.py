"""core.storage.codec's writer: :func:`dump_plan` makes the bytes the plan file has always had."""

from __future__ import annotations

import json
from datetime import date

import pytest
from pydantic import ValidationError

from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status
from ptplanner.core.storage.codec import dump_plan, parse_plan


def _awkward_plan() -> Plan:
    return Plan(
        title='Ünïcode ☃ "quoted" \\ <tag> & 😀',
        milestones=(
            Milestone(
                title="Café visit",
                notes="Line one\nline two\ttabbed \u2028 separator \x00 nul",
                status=Status.DONE,
                done_date=date(2026, 3, 4),
                salary_link=SalaryLink(kind="certification", value="cmaa"),
                renews_every_months=24,
                why="Because",
                pay_effect="+$1,000 (BLS, 2024)",
                children=(Milestone(title="Sub", target_date=date(2200, 12, 31)),),
            ),
        ),
    )


def test_the_bytes_are_pydantics_indented_json_exactly() -> None:
    plan = _awkward_plan()
    data = dump_plan(plan)
    assert isinstance(data, bytes)
    assert data == plan.model_dump_json(indent=1).encode("utf-8")
    assert data.startswith(b'{\n "schema_version": 1,\n "title": "\xc3\x9cn')


def test_the_bytes_read_back_as_the_same_plan() -> None:
    plan = _awkward_plan()
    data = dump_plan(plan)
    assert parse_plan(data) == plan
    assert json.loads(data)["milestones"][0]["notes"] == plan.milestones[0].notes


def test_a_big_plan_written_step_by_step_has_the_same_bytes() -> None:
    # Past _PIECES_FROM top-level steps the writer serialises one step at a time and indents
    # each piece itself: the file must not differ by a byte from one call for the whole plan.
    steps = tuple(
        Milestone(
            title=f'Step {n} "milestones": [] \n',
            notes="two\nlines" if n % 3 else "",
            children=_awkward_plan().milestones if n % 7 == 0 else (),
        )
        for n in range(450)
    )
    plan = Plan(title='"milestones": []', milestones=steps)
    data = dump_plan(plan)
    assert data == plan.model_dump_json(indent=1).encode("utf-8")
    assert parse_plan(data) == plan


def test_a_plan_with_no_steps_is_written_whole() -> None:
    plan = Plan(title="Empty")
    assert dump_plan(plan) == plan.model_dump_json(indent=1).encode("utf-8")


def test_steps_read_from_a_file_share_their_field_name_sets() -> None:
    plan = parse_plan(dump_plan(_awkward_plan()).replace(b'"title": "Sub"', b'"title": "Sub2"'))
    steps = [plan.milestones[0], plan.milestones[0].children[0]]
    big = parse_plan(
        dump_plan(Plan(milestones=tuple(Milestone(title=f"Step {n}") for n in range(50))))
    )
    sets = {id(step.__pydantic_fields_set__) for step in big.milestones}
    assert len(sets) == 1  # one set for fifty steps with the same fields
    assert big.milestones[0].model_fields_set == set(Milestone.model_fields)
    # pydantic copies the set before it changes it: an edit of one step leaves the others'.
    first, second = big.milestones[0], big.milestones[1]
    edited = first.model_copy(update={"title": "Edited"})
    assert edited.title == "Edited"
    assert second.__pydantic_fields_set__ is first.__pydantic_fields_set__
    assert second.model_fields_set == set(Milestone.model_fields)
    assert edited.__pydantic_fields_set__ is not first.__pydantic_fields_set__
    # Frozen: an assignment is refused before anything is changed.
    with pytest.raises(ValidationError):
        first.title = "Nope"  # type: ignore[misc]
    assert first.title == "Step 0"
    assert first.model_fields_set == set(Milestone.model_fields)
    # What the file said is what was read, whatever is shared.
    assert [s.title for s in steps] == ["Café visit", "Sub2"]
    assert plan == parse_plan(dump_plan(plan))
