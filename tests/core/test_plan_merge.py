"""The three-way merge of two versions of a plan (issue 22): field by field, by milestone id."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime

import pytest

from ptplanner.core.plan.merge import (
    DELETED_OR_CHANGED,
    PLACE,
    PLAN_KEY,
    Side,
    merge_plans,
    resolve,
)
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.operations import (
    PlanOpError,
    add_milestone,
    move_milestone,
    remove_milestone,
    rename_plan,
    update_milestone,
)

T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def base_plan() -> Plan:
    return Plan(
        title="My plan",
        created=T0,
        modified=T0,
        milestones=(
            Milestone(id="a", title="Apply to jobs"),
            Milestone(
                id="b",
                title="CMAA",
                target_date=date(2027, 3, 1),
                children=(
                    Milestone(id="b1", title="Study"),
                    Milestone(id="b2", title="Book the exam"),
                ),
            ),
            Milestone(id="c", title="Office manager"),
        ),
    )


def titles(plan: Plan) -> list[tuple[int, str]]:
    return [(node.depth, node.milestone.title) for node in plan.walk()]


def test_changes_on_different_fields_and_steps_merge_silently() -> None:
    base = base_plan()
    ours = update_milestone(base, "a", title="Apply to three clinics").plan
    theirs = update_milestone(base, "a", status=Status.DONE).plan
    theirs = update_milestone(theirs, "c", notes="ask Dana").plan
    result = merge_plans(base, ours, theirs)
    assert result.collisions == ()
    merged = result.plan
    assert merged.get("a").title == "Apply to three clinics"
    assert merged.get("a").status is Status.DONE
    assert merged.get("c").notes == "ask Dana"
    assert result.summary() == "2 steps changed on the other computer."


def test_the_same_change_on_both_sides_is_no_collision() -> None:
    base = base_plan()
    ours = update_milestone(base, "b", target_date=date(2027, 5, 1)).plan
    theirs = update_milestone(base, "b", target_date=date(2027, 5, 1)).plan
    result = merge_plans(base, ours, theirs)
    assert result.collisions == ()
    assert result.plan.get("b").target_date == date(2027, 5, 1)


def test_a_collision_takes_ours_until_resolved_and_names_the_field_in_words() -> None:
    base = base_plan()
    ours = update_milestone(base, "b", target_date=date(2027, 5, 1), title="CMAA exam").plan
    theirs = update_milestone(base, "b", target_date=date(2027, 6, 1), title="CMAA exam").plan
    result = merge_plans(base, ours, theirs)
    (collision,) = result.collisions
    assert collision.milestone_id == "b"
    assert collision.field == "target date"
    assert (collision.ours, collision.theirs) == ("2027-05-01", "2027-06-01")
    assert collision.title == "CMAA exam"
    assert result.plan.get("b").target_date == date(2027, 5, 1)
    assert result.summary() == "1 step changed on both: target date."
    picked = resolve(result, {collision.key: "theirs"})
    assert picked.get("b").target_date == date(2027, 6, 1)
    assert picked.get("b").title == "CMAA exam"
    assert resolve(result, {}) == result.plan


def test_status_and_link_collisions_are_shown_as_words() -> None:
    base = base_plan()
    ours = update_milestone(base, "a", status=Status.IN_PROGRESS).plan
    theirs = update_milestone(base, "a", status=Status.SKIPPED).plan
    (collision,) = merge_plans(base, ours, theirs).collisions
    assert (collision.field, collision.ours, collision.theirs) == (
        "status",
        "in progress",
        "skipped",
    )


def test_adds_on_both_sides_after_the_same_step_keep_both_in_order() -> None:
    base = base_plan()
    ours = add_milestone(base, Milestone(id="n1", title="Ours new"), None, 1).plan
    theirs = add_milestone(base, Milestone(id="n2", title="Theirs new"), None, 1).plan
    theirs = add_milestone(theirs, Milestone(id="n3", title="Theirs sub"), "b", 2).plan
    result = merge_plans(base, ours, theirs)
    assert result.collisions == ()
    assert [m.id for m in result.plan.milestones] == ["a", "n1", "n2", "b", "c"]
    assert [m.id for m in result.plan.get("b").children] == ["b1", "b2", "n3"]
    assert result.summary() == "2 steps added on the other computer."


def test_delete_on_one_side_without_change_on_the_other_deletes() -> None:
    base = base_plan()
    ours = update_milestone(base, "a", notes="x").plan
    theirs = remove_milestone(base, "b").plan
    result = merge_plans(base, ours, theirs)
    assert result.collisions == ()
    assert "b" not in result.plan.ids()
    assert "b1" not in result.plan.ids()
    assert result.plan.get("a").notes == "x"
    assert "3 steps removed" in result.summary()


def test_delete_against_edit_keeps_the_edited_step_as_a_collision() -> None:
    base = base_plan()
    ours = remove_milestone(base, "c").plan
    theirs = update_milestone(base, "c", notes="started the course").plan
    result = merge_plans(base, ours, theirs)
    (collision,) = result.collisions
    assert collision.field == DELETED_OR_CHANGED
    assert (collision.ours, collision.theirs) == ("deleted", "changed")
    assert result.plan.get("c").notes == "started the course"
    assert "c" not in resolve(result, {collision.key: "ours"}).ids()
    assert resolve(result, {collision.key: "theirs"}).get("c").notes == "started the course"


def test_a_sub_step_added_under_a_step_deleted_on_the_other_side_keeps_both() -> None:
    base = base_plan()
    ours = add_milestone(base, Milestone(id="b3", title="Pay the fee"), "b").plan
    theirs = remove_milestone(base, "b").plan
    result = merge_plans(base, ours, theirs)
    assert [c.field for c in result.collisions] == [DELETED_OR_CHANGED]
    assert result.collisions[0].milestone_id == "b"
    assert "b3" in result.plan.ids()
    node = result.plan.node("b3")
    assert node is not None
    assert node.parent_id == "b"


def test_moves_take_the_side_that_moved() -> None:
    base = base_plan()
    ours = update_milestone(base, "b1", title="Study chapters 1-5").plan
    theirs = move_milestone(base, "b1", None, 0).plan
    theirs = move_milestone(theirs, "c", "b", 0).plan
    result = merge_plans(base, ours, theirs)
    assert result.collisions == ()
    assert titles(result.plan) == [
        (1, "Study chapters 1-5"),
        (1, "Apply to jobs"),
        (1, "CMAA"),
        (2, "Office manager"),
        (2, "Book the exam"),
    ]


def test_a_move_on_both_sides_to_different_places_is_a_collision() -> None:
    base = base_plan()
    ours = move_milestone(base, "c", None, 0).plan
    theirs = move_milestone(base, "c", "b", 0).plan
    result = merge_plans(base, ours, theirs)
    (collision,) = result.collisions
    assert collision.field == PLACE
    assert collision.ours == "at the top level, first"
    assert collision.theirs == "under 'CMAA', first"
    assert resolve(result, {collision.key: "theirs"}).node("c").parent_id == "b"  # type: ignore[union-attr]


def test_moves_that_would_make_a_loop_fall_back_to_ours() -> None:
    base = Plan(
        created=T0,
        modified=T0,
        milestones=(Milestone(id="x", title="X"), Milestone(id="y", title="Y")),
    )
    ours = move_milestone(base, "x", "y").plan
    theirs = move_milestone(base, "y", "x").plan
    merged = merge_plans(base, ours, theirs).plan
    assert merged == ours


def test_plan_level_fields_merge_the_same_way() -> None:
    base = base_plan()
    ours = rename_plan(base, "Ours").plan
    theirs = rename_plan(base, "Theirs").plan
    result = merge_plans(base, ours, theirs)
    (collision,) = result.collisions
    assert collision.key == (PLAN_KEY, "plan title")
    assert result.plan.title == "Ours"
    assert resolve(result, {collision.key: "theirs"}).title == "Theirs"
    only_theirs = merge_plans(base, base, theirs).plan
    assert only_theirs.title == "Theirs"


def test_modified_takes_the_later_time() -> None:
    base = base_plan()
    ours = base.model_copy(update={"modified": datetime(2026, 12, 2, tzinfo=UTC)})
    theirs = base.model_copy(update={"modified": datetime(2026, 12, 3, tzinfo=UTC)})
    assert merge_plans(base, ours, theirs).plan.modified == theirs.modified
    assert merge_plans(base, theirs, ours).plan.modified == theirs.modified


def test_no_changes_says_so() -> None:
    base = base_plan()
    assert merge_plans(base, base, base).summary() == "No changes on the other computer."


# --- random edits: merging with an unchanged side returns the other side exactly -------------


def random_edit(plan: Plan, rng: random.Random, serial: list[int]) -> Plan:
    ids = sorted(plan.ids())
    action = rng.choice(["add", "add", "update", "remove", "move", "status", "rename"])
    try:
        if action == "add" or not ids:
            serial[0] += 1
            parent = rng.choice([None, *ids])
            node = plan.node(parent) if parent else None
            siblings = node.milestone.children if node else plan.milestones
            index = rng.randint(0, len(siblings))
            new = Milestone(id=f"n{serial[0]}", title=f"New {serial[0]}")
            return add_milestone(plan, new, parent, index).plan
        target = rng.choice(ids)
        if action == "update":
            return update_milestone(plan, target, title=f"Edited {rng.randint(0, 3)}").plan
        if action == "status":
            return update_milestone(plan, target, status=rng.choice(list(Status))).plan
        if action == "remove":
            return remove_milestone(plan, target).plan
        if action == "rename":
            return rename_plan(plan, f"Plan {rng.randint(0, 3)}").plan
        parent = rng.choice([None, *ids])
        node = plan.node(parent) if parent else None
        siblings = node.milestone.children if node else plan.milestones
        return move_milestone(plan, target, parent, rng.randint(0, len(siblings))).plan
    except PlanOpError:
        return plan


def edited(plan: Plan, rng: random.Random, count: int, serial: list[int]) -> Plan:
    for _ in range(count):
        plan = random_edit(plan, rng, serial)
    return plan


@pytest.mark.parametrize("seed", range(150))
def test_merging_with_an_unchanged_side_returns_the_other_side(seed: int) -> None:
    rng = random.Random(seed)
    serial = [0]
    base = edited(base_plan(), rng, rng.randint(0, 6), serial)
    changed = edited(base, rng, rng.randint(1, 10), serial)
    assert merge_plans(base, base, changed).plan == changed
    assert merge_plans(base, changed, base).plan == changed
    assert merge_plans(base, changed, changed).plan == changed
    assert merge_plans(base, base, changed).collisions == ()


@pytest.mark.parametrize("seed", range(150))
def test_random_edits_on_both_sides_merge_into_a_valid_plan(seed: int) -> None:
    rng = random.Random(1000 + seed)
    serial = [0]
    base = edited(base_plan(), rng, rng.randint(0, 6), serial)
    ours = edited(base, rng, rng.randint(1, 6), serial)
    theirs = edited(base, rng, rng.randint(1, 6), serial)
    result = merge_plans(base, ours, theirs)
    again = merge_plans(base, ours, theirs)
    assert again == result  # deterministic
    Plan.model_validate(result.plan.model_dump())  # ids unique, depth bounded
    merged_ids = result.plan.ids()
    # Nothing added on either side is lost.
    assert (ours.ids() - base.ids()) <= merged_ids or (theirs.ids() - base.ids()) <= merged_ids
    for added in (ours.ids() | theirs.ids()) - base.ids():
        assert added in merged_ids
    # Steps untouched on one side and changed on the other show the changed version.
    for sid in merged_ids & base.ids() & ours.ids() & theirs.ids():
        b, o, t = base.get(sid), ours.get(sid), theirs.get(sid)
        if o.title == b.title:
            assert result.plan.get(sid).title == t.title
        if not any(c.key == (sid, "title") for c in result.collisions):
            assert result.plan.get(sid).title in {o.title, t.title}
    choices: dict[tuple[str, str], Side] = {c.key: "theirs" for c in result.collisions}
    Plan.model_validate(resolve(result, choices).model_dump())
