"""An index spliced from the one before a structural edit equals a fresh build, and so do the
timeline's marks spliced along with it.

Random runs of real edits from :mod:`ptplanner.core.plan.operations` (adds at the top level and
deep, removes, moves up/down/in/out/far, field edits, replaced plans, undo by going back to an
earlier plan object); after each, the spliced index is compared with ``PlanIndex(plan)`` list by
list. Seeded, so a failure names the seed that reproduces it.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from ptplanner.core.plan.index import PlanIndex, Splice
from ptplanner.core.plan.index_splice import splice_index
from ptplanner.core.plan.model import MAX_DEPTH, Milestone, Plan, Status
from ptplanner.core.plan.operations import (
    OpResult,
    add_milestone,
    move_milestone,
    remove_milestone,
    replace_plan,
    set_status,
    update_milestone,
)
from ptplanner.ui.tabs.plan.timeline_marks import Marks, gather_marks, spliced_marks, update_marks

TODAY = date(2026, 11, 25)
STATUSES = tuple(Status)


class Steps:
    """Makes steps with unique ids and a spread of dates and statuses (so every kind of marker
    turns up, and some steps have no date at all)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.made = 0

    def one(self, levels: int = 1) -> Milestone:
        rng = self.rng
        self.made += 1
        status = rng.choice(STATUSES)
        fields: dict[str, object] = {"id": f"s{self.made}", "title": f"Step {self.made}"}
        if status is not Status.NOT_STARTED:
            fields["status"] = status
        if rng.random() < 0.8:
            fields["target_date"] = TODAY + timedelta(days=rng.randint(-60, 60))
        if status is Status.DONE and rng.random() < 0.5:
            fields["done_date"] = TODAY - timedelta(days=rng.randint(0, 30))
        if levels > 1 and rng.random() < 0.5:
            fields["children"] = tuple(self.one(levels - 1) for _ in range(rng.randint(1, 4)))
        return Milestone.model_validate(fields)

    def plan(self, top: int) -> Plan:
        return Plan(milestones=tuple(self.one(3) for _ in range(top)))


def assert_same_index(spliced: PlanIndex, fresh: PlanIndex) -> None:
    assert spliced.ids == fresh.ids
    assert len(spliced.milestones) == len(fresh.milestones)
    assert all(a is b for a, b in zip(spliced.milestones, fresh.milestones, strict=True))
    assert spliced.parent == fresh.parent
    assert spliced.row == fresh.row
    assert spliced.depth == fresh.depth
    assert spliced.children == fresh.children
    assert spliced.roots == fresh.roots
    assert spliced.key_of == fresh.key_of
    assert spliced.kinds(TODAY) == fresh.kinds(TODAY)
    assert spliced.plan_counts() == fresh.plan_counts()
    parents = [key for key, kids in enumerate(fresh.children) if kids] + fresh.roots
    assert [spliced.step_counts(k) for k in parents] == [fresh.step_counts(k) for k in parents]


def random_edit(rng: random.Random, steps: Steps, plan: Plan, index: PlanIndex) -> OpResult:
    """One real edit of ``plan`` (whose index is ``index``), chosen at random."""
    ids = index.ids
    what = rng.choice(("add_top", "add_deep", "remove", "move", "move", "far", "field"))
    if not ids:
        what = "add_top"
    if what == "add_top":
        return add_milestone(plan, steps.one(3), None, rng.randint(0, len(index.roots)))
    key = rng.randrange(len(ids))
    if what == "add_deep" and index.depth[key] < MAX_DEPTH:
        return add_milestone(plan, steps.one(1), ids[key], rng.choice((None, 0)))
    if what == "remove":
        return remove_milestone(plan, ids[key])
    if what == "move":
        place = index.shifted(ids[key], rng.choice(("up", "down", "in", "out")))
        if place is not None:
            return move_milestone(plan, ids[key], *place)
    if what == "far":
        under = rng.choice((-1, rng.randrange(len(ids))))
        if index.can_move_under(key, under):
            siblings = index.siblings(under)
            parent_id = ids[under] if under >= 0 else None
            return move_milestone(plan, ids[key], parent_id, rng.randint(0, len(siblings)))
    if rng.random() < 0.5:
        return set_status(plan, ids[key], rng.choice(STATUSES), TODAY)
    return update_milestone(plan, ids[key], title=f"Renamed {rng.random():.6f}")


def replaced(rng: random.Random, steps: Steps, plan: Plan) -> Plan:
    """A plan to replace this one with: a fresh one, or this one with some steps swapped."""
    if rng.random() < 0.3:
        return steps.plan(rng.randint(0, 30))
    tops = list(plan.milestones)
    for _ in range(rng.randint(1, 3)):
        if tops:
            tops[rng.randrange(len(tops))] = steps.one(2)
    return Plan(milestones=tuple(tops))


def touch(rng: random.Random, index: PlanIndex) -> None:
    """Ask an index what the Plan tab asks of it, sometimes: the splice must carry over kinds
    and counts that are already worked out, and work out the rest when asked."""
    if rng.random() < 0.6:
        index.kinds(TODAY)
    if rng.random() < 0.6:
        index.plan_counts()
    if index.ids and rng.random() < 0.5:
        index.step_counts(rng.randrange(len(index.ids)))


@pytest.mark.parametrize("seed", range(12))
def test_a_spliced_index_and_its_marks_equal_fresh_ones_after_any_edit(seed: int) -> None:
    rng = random.Random(seed)
    steps = Steps(rng)
    plan = steps.plan(rng.randint(20, 60))
    index = PlanIndex(plan)
    marks = gather_marks(index, TODAY)
    history = [plan]
    for step in range(120):
        touch(rng, index)
        roll = rng.random()
        if roll < 0.1 and len(history) > 1:
            plan = rng.choice(history[-6:-1])  # undo, or several undos at once
            structural = True
        elif roll < 0.15:
            plan = replace_plan(plan, replaced(rng, steps, plan)).plan
            structural = True
        else:
            result = random_edit(rng, steps, plan, index)
            plan, structural = result.plan, result.change.structural
            if not structural and rng.random() < 0.5:
                # A field edit: the controller refreshes the index in place, the timeline
                # updates the marks of the steps it touched.
                keys = {
                    a
                    for i in result.change.ids
                    for k in [index.key_of[i]]
                    for a in (k, *index.ancestors(k))
                }
                for milestone_id in result.change.ids:
                    index.refresh(plan, milestone_id)
                update_marks(marks, index, TODAY, keys)
                assert_same_index(index, PlanIndex(plan))
                assert marks == gather_marks(PlanIndex(plan), TODAY), f"seed {seed}, {step}"
                history.append(plan)
                continue
        history.append(plan)
        old = index
        index = splice_index(old, plan)
        assert index.splice is not None
        assert index.splice.old is old
        marks = spliced_marks(marks, index, TODAY)
        fresh = PlanIndex(plan)
        assert_same_index(index, fresh)
        assert marks == gather_marks(fresh, TODAY), f"seed {seed}, edit {step}"


def big_plan() -> Plan:
    """100 top-level steps of 4 sub-steps each: big enough that an edit in the middle splices."""
    steps = Steps(random.Random(7))
    return Plan(
        milestones=tuple(
            Milestone(id=f"t{n}", title=f"Top {n}", children=tuple(steps.one() for _ in range(4)))
            for n in range(100)
        )
    )


def test_an_add_in_the_middle_is_spliced_and_leaves_the_old_index_as_it_was() -> None:
    plan = big_plan()
    old = PlanIndex(plan)
    old.kinds(TODAY)
    old.plan_counts()
    copy = PlanIndex(plan)
    copy.kinds(TODAY)
    copy.plan_counts()
    old_marks = gather_marks(old, TODAY)

    added = add_milestone(plan, Milestone(id="new", title="New", target_date=TODAY), "t50", 2)
    new = splice_index(old, added.plan)

    # t50 and its 4 sub-steps are indexed again (now 6 steps); the 49 * 5 after it shift by 1.
    assert new.splice == Splice(old, 250, 255, 256)
    assert new.splice.delta == 1
    assert new.key_of["t51"] == old.key_of["t51"] + 1
    assert new.ids[253] == "new"
    assert_same_index(new, PlanIndex(added.plan))
    for name in ("ids", "parent", "row", "depth", "children", "roots", "key_of"):
        assert getattr(old, name) == getattr(copy, name), name
    assert old.milestones == copy.milestones
    assert old.kinds(TODAY) == copy.kinds(TODAY)
    assert old.leaf_counts() == copy.leaf_counts()
    assert old.plan_counts() == copy.plan_counts()
    spliced = spliced_marks(old_marks, new, TODAY)
    assert spliced == gather_marks(PlanIndex(added.plan), TODAY)
    assert spliced.keys.count(253) == 1


def test_a_move_from_the_start_to_the_end_is_built_in_full() -> None:
    plan = big_plan()
    old = PlanIndex(plan)
    old.plan_counts()
    moved = move_milestone(plan, "t0", None, 100).plan
    new = splice_index(old, moved)
    assert new.splice == Splice(old, 0, len(old), len(new))
    assert_same_index(new, PlanIndex(moved))
    assert isinstance(spliced_marks(gather_marks(old, TODAY), new, TODAY), Marks)


def test_only_the_latest_splice_keeps_the_index_before_it() -> None:
    plan = big_plan()
    first = PlanIndex(plan)
    plan = add_milestone(plan, Milestone(title="A"), None, 10).plan
    second = splice_index(first, plan)
    plan = add_milestone(plan, Milestone(title="B"), None, 20).plan
    third = splice_index(second, plan)
    # A long run of edits must not keep every earlier index alive through these links.
    assert second.splice is None
    assert third.splice is not None
    assert third.splice.old is second
