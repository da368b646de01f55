"""``ptplanner plan list``'s tree text: the counts summed in one pass agree with the model's."""

from __future__ import annotations

import re
from datetime import date, timedelta

from ptplanner.cli.plan_listing import format_tree, short_id_length
from ptplanner.core.plan.model import Milestone, Plan, SalaryLink, Status

TODAY = date(2026, 6, 1)
STATUSES = tuple(Status)


def _varied_plan() -> Plan:
    """Every status at every level, done and skipped parents over open steps, shared links."""
    cmaa = SalaryLink(kind="certification", value="cmaa")
    tops = []
    for i in range(12):
        middles = tuple(
            Milestone(
                title=f"Middle {i}.{j}",
                status=STATUSES[(i + j) % 4],
                target_date=TODAY + timedelta(days=10 * j - 15),
                children=tuple(
                    Milestone(
                        title=f"Leaf {i}.{j}.{k}",
                        status=STATUSES[(i * j + k) % 4],
                        salary_link=cmaa if k == 0 else None,
                    )
                    for k in range(j % 3)
                ),
            )
            for j in range(4)
        )
        tops.append(Milestone(title=f"Top {i}", status=STATUSES[i % 4], children=middles))
    return Plan(title="Varied", milestones=tuple(tops))


def test_each_steps_count_and_the_header_match_the_model() -> None:
    plan = _varied_plan()
    lines = format_tree(plan, TODAY).splitlines()
    done, counted = plan.leaf_counts()
    assert lines[0] == f"Varied: {plan.progress():.0f}% done ({done} of {counted} steps)"
    steps = plan.flatten()
    assert len(lines) == 1 + len(steps)
    for milestone, line in zip(steps, lines[1:], strict=True):
        assert f"  {milestone.title}" in line
        shown = re.search(r"\((\d+)/(\d+)", line)
        if milestone.children:
            assert shown is not None, line
            assert (int(shown[1]), int(shown[2])) == milestone.leaf_counts(), line
        else:
            assert shown is None, line
    assert sum("pay link: CMAA" in line for line in lines) == sum(
        m.salary_link is not None for m in steps
    )


def test_depth_is_shown_by_indent_in_display_order() -> None:
    plan = _varied_plan()
    lines = format_tree(plan, TODAY).splitlines()[1:]
    depths = [node.depth for node in plan.walk()]
    assert [(len(line) - len(line.lstrip(" "))) // 4 + 1 for line in lines] == depths


def test_ids_are_shown_as_long_as_it_takes_to_tell_them_apart() -> None:
    plan = Plan(
        title="Ids",
        milestones=(
            Milestone(id="abcdefgh1", title="One"),
            Milestone(id="abcdefgh2", title="Two", children=(Milestone(id="z", title="Z"),)),
        ),
    )
    assert short_id_length(["abcdefgh1", "abcdefgh2", "z"]) == 9
    assert short_id_length([]) == 8
    assert format_tree(plan, TODAY).splitlines()[1:] == [
        "[ ] abcdefgh1  One",
        "[ ] abcdefgh2  Two  (0/1)",
        "    [ ] z  Z",
    ]
