"""The plan's index: keys in display order, places, counts, edits in place and keyboard moves.

Plain Python: these run without Qt, as the Plan tab's tree model, timeline and controller all
read the same index.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ptplanner.core.plan.index import PlanIndex
from ptplanner.core.plan.model import MAX_DEPTH, Milestone, Plan, Status, milestone_kinds
from ptplanner.core.plan.operations import move_milestone, set_status, update_milestone
from ptplanner.core.plan.template import ready_plan

TODAY = date(2026, 11, 25)


def m(milestone_id: str, *children: Milestone, **fields: object) -> Milestone:
    return Milestone.model_validate(
        {"id": milestone_id, "title": fields.pop("title", milestone_id), "children": children}
        | fields
    )


def sample() -> Plan:
    """a, b (b1, b2 (b2x)), c."""
    return Plan(milestones=(m("a"), m("b", m("b1"), m("b2", m("b2x"))), m("c")))


def chain(prefix: str, levels: int) -> Milestone:
    """A step with one sub-step under it, ``levels`` deep: prefix0 > prefix1 > ..."""
    step = m(f"{prefix}{levels - 1}")
    for level in range(levels - 2, -1, -1):
        step = m(f"{prefix}{level}", step)
    return step


def test_keys_are_the_display_order_of_the_whole_tree() -> None:
    plan = sample()
    index = PlanIndex(plan)
    assert index.ids == [node.milestone.id for node in plan.walk()]
    assert index.milestones == [node.milestone for node in plan.walk()]
    assert len(index) == plan.count() == 6
    assert index.roots == [0, 1, 5]
    assert index.children[1] == [2, 3]
    assert index.children[3] == [4]
    assert index.children[0] == []
    assert index.children[4] == []
    for key, node in enumerate(plan.walk()):
        assert index.key_of[node.milestone.id] == key
        parent = index.parent[key]
        assert (index.ids[parent] if parent >= 0 else None) == node.parent_id
        assert index.row[key] == node.position
        assert index.depth[key] == node.depth


def test_places_paths_ancestors_and_subtrees() -> None:
    index = PlanIndex(sample())
    key = index.key_of["b2x"]
    assert index.place("b2x") == ("b2", 0)
    assert index.place("c") == (None, 2)
    assert index.place("nowhere") is None
    assert [index.ids[k] for k in index.ancestors(key)] == ["b2", "b"]
    assert index.path(key) == [1, 1, 0]
    assert sorted(index.ids[k] for k in index.subtree(index.key_of["b"])) == [
        "b",
        "b1",
        "b2",
        "b2x",
    ]
    assert index.siblings(-1) == index.roots
    assert index.siblings(index.key_of["b"]) == [index.key_of["b1"], index.key_of["b2"]]
    assert index.height(index.key_of["b"]) == 3
    assert index.height(index.key_of["a"]) == 1


def test_the_index_counts_every_step_as_the_milestones_do() -> None:
    # Three levels, every status at every level: a done step over open sub-steps, a skipped
    # step over done ones, steps whose sub-steps are all skipped.
    statuses = list(Status)

    def step(path: str, level: int) -> Milestone:
        n = sum(int(part) for part in path.split("."))
        children = () if level == 3 else tuple(step(f"{path}.{i}", level + 1) for i in range(4))
        return Milestone(
            id="s" + path.replace(".", "-"),
            title=f"Step {path}",
            status=statuses[(n + level) % 4],
            children=children if (n + level) % 5 else (),
        )

    plan = Plan(milestones=tuple(step(str(i), 1) for i in range(9)))
    index = PlanIndex(plan)
    counts = index.leaf_counts()
    expected = {
        key: milestone.leaf_counts()
        for key, milestone in enumerate(index.milestones)
        if milestone.children or index.parent[key] < 0
    }
    assert counts == expected
    assert {Status.DONE, Status.SKIPPED} <= {index.milestones[key].status for key in expected}
    total = tuple(map(sum, zip(*(counts[key] for key in index.roots), strict=True)))
    assert total == plan.leaf_counts()


def test_kinds_follow_the_day_and_the_core_rules() -> None:
    plan = Plan(
        milestones=(
            m("late", target_date=TODAY - timedelta(days=1)),
            m("soon", target_date=TODAY + timedelta(days=3)),
            m("done", status=Status.DONE, target_date=TODAY - timedelta(days=9)),
        )
    )
    index = PlanIndex(plan)
    assert index.kinds(TODAY) == ["overdue", "due_soon", "done"]
    assert index.kinds(TODAY) is index.kinds(TODAY)  # worked out once per day
    earlier = TODAY - timedelta(days=30)
    assert index.kinds(earlier) == list(milestone_kinds(index.milestones, earlier))
    assert index.kinds(earlier) == ["open", "open", "done"]


def test_a_field_edit_refreshes_the_step_its_parents_and_their_kinds() -> None:
    plan = sample()
    index = PlanIndex(plan)
    assert index.kinds(TODAY)[index.key_of["b2x"]] == "open"
    edited = set_status(plan, "b2x", Status.DONE, TODAY).plan
    keys = index.refresh(edited, "b2x")
    assert [index.ids[k] for k in keys] == ["b2x", "b2", "b"]
    fresh = PlanIndex(edited)
    assert index.milestones == fresh.milestones
    assert index.kinds(TODAY) == fresh.kinds(TODAY)
    assert index.kinds(TODAY)[index.key_of["b2x"]] == "done"
    assert index.refresh(edited, "nowhere") == []


def test_a_refresh_keeps_the_shape_and_the_other_steps() -> None:
    plan = sample()
    index = PlanIndex(plan)
    before = list(index.milestones)
    edited = update_milestone(plan, "c", title="Renamed").plan
    index.refresh(edited, "c")
    assert index.milestones[index.key_of["c"]].title == "Renamed"
    assert index.milestones[:5] == before[:5]
    assert index.ids == PlanIndex(edited).ids


def test_a_step_moves_under_another_but_not_into_itself_or_too_deep() -> None:
    plan = Plan(milestones=(chain("d", MAX_DEPTH - 1), m("x", m("x1")), m("y")))
    index = PlanIndex(plan)
    key = index.key_of
    assert index.can_move_under(key["y"], -1)
    assert index.can_move_under(key["y"], key["x"])
    assert not index.can_move_under(key["x"], key["x"])  # into itself
    assert not index.can_move_under(key["x"], key["x1"])  # into its own sub-step
    assert not index.can_move_under(key["d0"], key[f"d{MAX_DEPTH - 2}"])
    # One level left under the deepest step: a leaf fits, a step with a sub-step does not.
    assert index.can_move_under(key["y"], key[f"d{MAX_DEPTH - 2}"])
    assert not index.can_move_under(key["x"], key[f"d{MAX_DEPTH - 2}"])


@pytest.mark.parametrize(
    ("milestone_id", "direction", "expected"),
    [
        ("a", "up", None),
        ("b", "up", (None, 0)),
        ("c", "down", None),
        ("a", "down", (None, 1)),
        ("b2", "down", None),
        ("b1", "down", ("b", 1)),
        ("a", "in", None),
        ("c", "in", ("b", None)),
        ("b2", "in", ("b1", None)),
        ("a", "out", None),
        ("b1", "out", (None, 2)),
        ("b2x", "out", ("b", 2)),
        ("nowhere", "up", None),
        ("b1", "sideways", None),
    ],
)
def test_keyboard_moves_say_where_a_step_goes(
    milestone_id: str, direction: str, expected: tuple[str | None, int | None] | None
) -> None:
    assert PlanIndex(sample()).shifted(milestone_id, direction) == expected


def test_every_keyboard_move_is_an_edit_the_core_accepts() -> None:
    plan = ready_plan(TODAY)
    index = PlanIndex(plan)
    moved = 0
    for milestone_id in index.ids:
        for direction in ("up", "down", "in", "out"):
            place = index.shifted(milestone_id, direction)
            if place is None:
                continue
            result = move_milestone(plan, milestone_id, *place)
            assert not result.change.noop
            moved += 1
    assert moved > len(index)


def test_counts_are_kept_until_a_step_or_its_sub_steps_change() -> None:
    plan = sample()
    index = PlanIndex(plan)
    assert index.plan_counts() == plan.leaf_counts() == (0, 4)
    b = index.key_of["b"]
    assert index.step_counts(b) == (0, 2)
    edited = set_status(plan, "b2x", Status.DONE, TODAY).plan
    index.refresh(edited, "b2x")
    assert index.step_counts(b) == edited.get("b").leaf_counts() == (1, 2)
    assert index.plan_counts() == edited.leaf_counts()
    assert index.step_counts(index.key_of["c"]) == (0, 1)
