"""Figures kept edit by edit for big plans: the progress tally, the pay effects tally and the
edits that find their milestone through an index. Each must give what working it out afresh
from the whole plan gives, through a long run of mixed edits, and a stale index must never make
an edit land on the wrong step."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from ptplanner.core.plan import operations as plan_ops
from ptplanner.core.plan.index import PlanIndex
from ptplanner.core.plan.model import (
    EMPLOYER_TYPE_IDS,
    SKILL_IDS,
    Milestone,
    Plan,
    SalaryLink,
    Status,
    milestone_kinds,
)
from ptplanner.core.plan.overdue import OverdueTally
from ptplanner.core.plan.progress import ProgressTally, progress_history
from ptplanner.core.plan.salary_link import EffectsTally, plan_effects
from ptplanner.core.plan.template import ready_plan

TODAY = date(2026, 5, 20)
LINKS = (
    SalaryLink(kind="certification", value="cmaa"),
    SalaryLink(kind="education", value="associate"),
    SalaryLink(kind="education", value="bachelor"),
    SalaryLink(kind="promotion"),
    SalaryLink(kind="employer_type", value=sorted(EMPLOYER_TYPE_IDS)[0]),
    SalaryLink(kind="employer_type", value=sorted(EMPLOYER_TYPE_IDS)[-1]),
    SalaryLink(kind="skill", value=sorted(SKILL_IDS)[0]),
)


def random_step(rng: random.Random, depth: int = 1) -> Milestone:
    status = rng.choice(list(Status))
    fields: dict[str, object] = {"title": f"Step {rng.randrange(1000)}", "status": status}
    if rng.random() < 0.7:
        fields["target_date"] = TODAY + timedelta(days=rng.randrange(-500, 3000))
    if status is Status.DONE and rng.random() < 0.7:
        fields["done_date"] = TODAY - timedelta(days=rng.randrange(0, 700))
    if rng.random() < 0.3:
        fields["salary_link"] = rng.choice(LINKS)
    if depth < 3 and rng.random() < 0.4:
        fields["children"] = tuple(random_step(rng, depth + 1) for _ in range(rng.randrange(1, 4)))
    return Milestone.model_validate(fields)


def random_edit(plan: Plan, rng: random.Random, today: date) -> Plan:
    ids = [node.milestone.id for node in plan.walk()]
    target = rng.choice(ids)
    roll = rng.random()
    try:
        if roll < 0.3:
            return plan_ops.set_status(plan, target, rng.choice(list(Status)), today).plan
        if roll < 0.5:
            day = None if rng.random() < 0.3 else today + timedelta(days=rng.randrange(-400, 2000))
            return plan_ops.update_milestone(plan, target, target_date=day).plan
        if roll < 0.65:
            return plan_ops.remove_milestone(plan, target).plan
        if roll < 0.85:
            parent = rng.choice([None, target])
            return plan_ops.add_milestone(plan, random_step(rng, 3), parent).plan
        return plan_ops.move_milestone(plan, target, None, 0).plan
    except plan_ops.PlanOpError:
        return plan  # too deep, or the last step: that edit is refused, the plan stays


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_tallies_match_a_fresh_count_through_mixed_edits(seed: int) -> None:
    rng = random.Random(seed)
    plan = Plan(title="Mixed", milestones=tuple(random_step(rng) for _ in range(25)))
    progress, effects = ProgressTally(), EffectsTally()
    index = PlanIndex(plan)
    seen_events = 0
    for _ in range(150):
        today = TODAY + timedelta(days=rng.randrange(-300, 300))
        # A new index takes over the leaf counts of the top-level steps the edit left alone.
        before, index = index, PlanIndex(plan)
        before.plan_counts()
        index.carry_counts(before)
        assert index.plan_counts() == plan.leaf_counts()
        progress.update(plan)
        assert progress.history(today) == progress_history(plan, today)
        kept = effects.effects(plan, today)
        assert kept == plan_effects(plan, today)
        seen_events += len(kept.events)
        plan = random_edit(plan, rng, today)
        if not plan.milestones:
            plan = Plan(title="Mixed", milestones=(random_step(rng),))
    assert seen_events  # the run did exercise links that become events


def test_the_progress_tally_counts_the_ready_plan_as_its_progress_bar() -> None:
    plan = ready_plan(TODAY)
    tally = ProgressTally()
    tally.update(plan)
    history = tally.history(TODAY)
    done, counted = plan.leaf_counts()
    assert (history.done_now, history.counted) == (done, counted)
    first = plan.milestones[0].walk()
    leaf_id = next(node.milestone.id for node in first if not node.milestone.children)
    plan = plan_ops.set_status(plan, leaf_id, Status.DONE, TODAY).plan
    tally.update(plan)
    assert tally.history(TODAY).done_now == plan.leaf_counts()[0] == done + 1


def test_an_edit_finds_its_step_through_the_index_of_the_same_plan() -> None:
    rng = random.Random(7)
    plan = Plan(title="Indexed", milestones=tuple(random_step(rng) for _ in range(40)))
    deep = next(node.milestone for node in plan.walk() if node.depth == 3)
    index = PlanIndex(plan)
    plan_ops.locate_with(plan, index.path_of)
    edited = plan_ops.update_milestone(plan, deep.id, title="Found by the index").plan
    assert edited.get(deep.id).title == "Found by the index"
    # An added step with an id the plan already has is refused through the index too.
    with pytest.raises(plan_ops.PlanOpError, match="already in the plan"):
        plan_ops.add_milestone(plan, deep)


def test_a_wrong_path_from_the_index_costs_a_walk_not_a_wrong_edit() -> None:
    rng = random.Random(8)
    plan = Plan(title="Stale", milestones=tuple(random_step(rng) for _ in range(10)))
    first, second = plan.milestones[0], plan.milestones[1]
    plan_ops.locate_with(plan, lambda _id: [0])  # always points at the first step
    edited = plan_ops.update_milestone(plan, second.id, title="The second one").plan
    assert edited.get(second.id).title == "The second one"
    assert edited.get(first.id).title == first.title


def small_edit(plan: Plan, rng: random.Random, today: date) -> Plan:
    """An edit as a person makes most of them: often on a step with no salary link (which must
    leave the pay effects as they were), with titles that repeat (events that tie) and moves
    among the top-level steps."""
    ids = [node.milestone.id for node in plan.walk()]
    target = rng.choice(ids)
    roll = rng.random()
    try:
        if roll < 0.3:
            return plan_ops.update_milestone(plan, target, title=rng.choice(("Same", "Other"))).plan
        if roll < 0.5:
            where = rng.randrange(len(plan.milestones))
            top = rng.choice(plan.milestones).id
            return plan_ops.move_milestone(plan, top, None, where).plan
        if roll < 0.65:
            return plan_ops.set_status(plan, target, rng.choice(list(Status)), today).plan
        if roll < 0.75:
            return plan_ops.update_milestone(plan, target, notes=f"n{rng.randrange(9)}").plan
        return random_edit(plan, rng, today)
    except plan_ops.PlanOpError:
        return plan


@pytest.mark.parametrize("seed", [11, 12, 13, 14])
def test_tallies_match_a_fresh_count_on_the_same_day_through_small_edits(seed: int) -> None:
    rng = random.Random(seed)
    plan = Plan(title="Small", milestones=tuple(random_step(rng) for _ in range(30)))
    progress, effects, overdue = ProgressTally(), EffectsTally(), OverdueTally()
    today = TODAY
    kept_as_was = 0
    for step in range(250):
        if step % 60 == 59:
            # A new day, now and then: at the end of a month too, where events move on.
            today += timedelta(days=rng.choice((1, 12, 31)))
        progress.update(plan)
        assert progress.history(today) == progress_history(plan, today)
        before = effects._last
        kept = effects.effects(plan, today)
        assert kept == plan_effects(plan, today)
        kept_as_was += kept is before
        expected = milestone_kinds(plan.flatten(), today).count("overdue")
        assert overdue.count(plan, today) == expected
        plan = small_edit(plan, rng, today)
        if not plan.milestones:
            plan = Plan(title="Small", milestones=(random_step(rng),))
    assert kept_as_was > 25  # the edits that changed no link gave the effects back as they were


def test_an_edit_that_touches_no_link_gives_back_the_same_effects() -> None:
    linked = Milestone(title="CMAA", target_date=TODAY + timedelta(days=90), salary_link=LINKS[0])
    other = Milestone(title="Call the clinic", children=(Milestone(title="Find the number"),))
    plan = Plan(title="Links", milestones=(linked, other))
    tally = EffectsTally()
    first = tally.effects(plan, TODAY)
    assert [event.value for event in first.events] == ["cmaa"]
    renamed = plan_ops.update_milestone(plan, other.children[0].id, title="Look it up").plan
    assert tally.effects(renamed, TODAY) is first
    # Renaming the linked step changes its event's label.
    relabelled = plan_ops.update_milestone(renamed, linked.id, title="CMAA exam").plan
    after = tally.effects(relabelled, TODAY)
    assert after.events[0].label.startswith("CMAA exam (")
    assert after == plan_effects(relabelled, TODAY)


def test_events_that_tie_follow_the_plan_order_when_top_level_steps_swap() -> None:
    month = TODAY + timedelta(days=60)
    first = Milestone(title="Same", target_date=month, salary_link=LINKS[0])
    second = Milestone(title="Same", target_date=month, salary_link=LINKS[6])
    plan = Plan(title="Ties", milestones=(first, second))
    tally = EffectsTally()
    assert [e.kind for e in tally.effects(plan, TODAY).events] == ["certification", "skill"]
    swapped = plan_ops.move_milestone(plan, second.id, None, 0).plan
    kept = tally.effects(swapped, TODAY)
    assert [e.kind for e in kept.events] == ["skill", "certification"]
    assert kept == plan_effects(swapped, TODAY)


def test_the_overdue_count_seeded_from_kinds_matches_counting_the_steps() -> None:
    rng = random.Random(21)
    plan = Plan(title="Seeded", milestones=tuple(random_step(rng) for _ in range(20)))
    index = PlanIndex(plan)
    kinds = index.kinds(TODAY)
    seeded = OverdueTally()
    total = seeded.seed(plan, TODAY, kinds, index.roots)
    assert total == kinds.count("overdue") == OverdueTally().count(plan, TODAY)
    assert total  # the random plan has overdue steps
    overdue_id = next(m.id for m, k in zip(index.milestones, kinds, strict=True) if k == "overdue")
    done = plan_ops.set_status(plan, overdue_id, Status.DONE, TODAY).plan
    expected = milestone_kinds(done.flatten(), TODAY).count("overdue")
    assert seeded.count(done, TODAY) == expected < total
