"""core.storage.codec's writer: :func:`dump_plan` makes the bytes the plan file has always had."""

from __future__ import annotations

import json
from datetime import date

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
