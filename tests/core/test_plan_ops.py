"""Plan edits: each operation, its exact inverse, and a property that any edit history undoes."""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptplanner.core.plan.model import MAX_DEPTH, Milestone, Plan, SalaryLink, Status
from ptplanner.core.plan.operations import (
    AddMilestone,
    Batch,
    OpResult,
    PlanOpError,
    RemoveMilestone,
    add_milestone,
    move_milestone,
    remove_milestone,
    rename_plan,
    replace_plan,
    set_status,
    update_milestone,
)
from ptplanner.core.plan.template import empty_plan, ready_plan

TODAY = date(2026, 3, 15)


def m(milestone_id: str, *children: Milestone, **fields: object) -> Milestone:
    return Milestone.model_validate(
        {
            "id": milestone_id,
            "title": fields.pop("title", milestone_id),
            "children": children,
            **fields,
        }
    )


def base_plan() -> Plan:
    return Plan(
        milestones=(
            m("a"),
            m("b", m("b1"), m("b2", m("b2x")), m("b3")),
            m("c"),
        )
    )


def shape(plan: Plan) -> list[tuple[str, int, str | None]]:
    return [(n.milestone.id, n.depth, n.parent_id) for n in plan.walk()]


def assert_undo_redo(before: Plan, result: OpResult) -> None:
    """Undo gives back ``before`` exactly and redoing gives back the edited plan."""
    undone = result.inverse.apply(result.plan)
    assert undone.plan == before
    redone = undone.inverse.apply(undone.plan)
    assert redone.plan == result.plan
    # every plan an operation makes is one the validator accepts (ids unique, depth bounded)
    assert Plan.model_validate(result.plan.model_dump()) == result.plan


# --- add --------------------------------------------------------------------------------------


def test_add_top_level_appends_and_labels_the_change() -> None:
    plan = base_plan()
    result = add_milestone(plan, m("new", title="CMAA"))
    assert [x.id for x in result.plan.milestones] == ["a", "b", "c", "new"]
    assert result.change.label == "Add milestone 'CMAA'"
    assert result.change.ids == {"new"}
    assert result.change.structural
    assert not result.change.noop
    assert isinstance(result.inverse, RemoveMilestone)
    assert_undo_redo(plan, result)


def test_add_under_a_parent_at_an_index_with_sub_steps() -> None:
    plan = base_plan()
    result = add_milestone(plan, m("n", m("n1")), parent_id="b2", index=0)
    b2 = result.plan.get("b2")
    assert [c.id for c in b2.children] == ["n", "b2x"]
    assert result.change.ids == {"n", "n1"}
    assert_undo_redo(plan, result)
    # an index past the end appends, and undo still restores exactly
    far = add_milestone(plan, m("z"), parent_id="b", index=99)
    assert far.plan.get("b").children[-1].id == "z"
    assert_undo_redo(plan, far)


def test_add_refuses_bad_requests_and_leaves_the_plan_alone() -> None:
    plan = base_plan()
    snapshot = plan.model_dump()
    with pytest.raises(PlanOpError, match="no milestone"):
        add_milestone(plan, m("n"), parent_id="missing")
    with pytest.raises(PlanOpError, match="already"):
        add_milestone(plan, m("b2x"))
    with pytest.raises(PlanOpError, match="already"):
        add_milestone(plan, m("dup", m("dup")))
    with pytest.raises(PlanOpError, match="negative"):
        add_milestone(plan, m("n"), index=-1)
    assert plan.model_dump() == snapshot


def chain(prefix: str, length: int) -> Milestone:
    node = m(f"{prefix}{length - 1}")
    for level in range(length - 2, -1, -1):
        node = m(f"{prefix}{level}", node)
    return node


def test_add_refuses_nesting_deeper_than_the_limit() -> None:
    plan = Plan(milestones=(chain("d", MAX_DEPTH),))
    deepest = f"d{MAX_DEPTH - 1}"
    with pytest.raises(PlanOpError, match="nested"):
        add_milestone(plan, m("x"), parent_id=deepest)
    with pytest.raises(PlanOpError, match="nested"):
        add_milestone(plan, chain("e", 2), parent_id=f"d{MAX_DEPTH - 2}")
    add_milestone(plan, m("x"), parent_id=f"d{MAX_DEPTH - 2}")


# --- update -----------------------------------------------------------------------------------


def test_update_validates_and_inverts() -> None:
    plan = base_plan()
    result = update_milestone(
        plan,
        "b1",
        title="  Study  ",
        notes="chapters 1-3",
        target_date=date(2026, 5, 1),
        salary_link={"kind": "certification", "value": "cmaa"},
    )
    b1 = result.plan.get("b1")
    assert b1.title == "Study"
    assert b1.salary_link == SalaryLink(kind="certification", value="cmaa")
    assert result.change.label == "Edit milestone 'Study'"
    assert result.change.ids == {"b1"}
    assert not result.change.structural
    assert_undo_redo(plan, result)
    # the other steps are the very same objects: only the path to the edit was rebuilt
    assert result.plan.milestones[0] is plan.milestones[0]


@pytest.mark.parametrize(
    "fields",
    [
        {"title": ""},
        {"notes": "x" * 10_001},
        {"status": "finished"},
        {"salary_link": {"kind": "certification", "value": "rn"}},
        {"renews_every_months": 0},
        {"id": "other"},
        {"children": ()},
        {"colour": "red"},
    ],
)
def test_update_refuses_invalid_fields(fields: dict[str, object]) -> None:
    with pytest.raises(PlanOpError):
        update_milestone(base_plan(), "a", **fields)


def test_update_with_the_same_values_is_a_noop() -> None:
    plan = base_plan()
    result = update_milestone(plan, "a", title="a")
    assert result.change.noop
    assert result.plan is plan


def test_update_unknown_id() -> None:
    with pytest.raises(PlanOpError, match="no milestone"):
        update_milestone(base_plan(), "zzz", title="x")


# --- remove -----------------------------------------------------------------------------------


def test_remove_takes_sub_steps_and_inverse_reinserts_in_place() -> None:
    plan = base_plan()
    result = remove_milestone(plan, "b2")
    assert "b2" not in result.plan.ids()
    assert "b2x" not in result.plan.ids()
    assert result.change.ids == {"b2", "b2x"}
    assert result.change.label == "Remove milestone 'b2'"
    inverse = result.inverse
    assert isinstance(inverse, AddMilestone)
    assert (inverse.milestone.id, inverse.parent_id, inverse.index) == ("b2", "b", 1)
    assert [c.id for c in inverse.milestone.children] == ["b2x"]
    assert_undo_redo(plan, result)


def test_remove_top_level_first_and_last() -> None:
    plan = base_plan()
    for milestone_id in ("a", "c"):
        assert_undo_redo(plan, remove_milestone(plan, milestone_id))


# --- move -------------------------------------------------------------------------------------


def test_move_reorders_within_a_parent() -> None:
    plan = base_plan()
    result = move_milestone(plan, "b3", "b", 0)
    assert [c.id for c in result.plan.get("b").children] == ["b3", "b1", "b2"]
    assert result.change.label == "Move milestone 'b3'"
    assert_undo_redo(plan, result)
    down = move_milestone(plan, "b1", "b", 2)  # index counted after taking b1 out
    assert [c.id for c in down.plan.get("b").children] == ["b2", "b3", "b1"]
    assert_undo_redo(plan, down)


def test_move_re_nests_with_sub_steps() -> None:
    plan = base_plan()
    result = move_milestone(plan, "b2", "a", None)
    assert [c.id for c in result.plan.get("a").children] == ["b2"]
    assert [c.id for c in result.plan.get("b2").children] == ["b2x"]
    assert_undo_redo(plan, result)
    to_top = move_milestone(plan, "b2x", None, 1)
    assert [x.id for x in to_top.plan.milestones] == ["a", "b2x", "b", "c"]
    assert_undo_redo(plan, to_top)


def test_move_into_own_subtree_is_refused() -> None:
    plan = base_plan()
    for target in ("b", "b2", "b2x"):
        with pytest.raises(PlanOpError, match="under itself"):
            move_milestone(plan, "b", target, 0)
    with pytest.raises(PlanOpError, match="no milestone"):
        move_milestone(plan, "a", "missing", 0)
    with pytest.raises(PlanOpError, match="no milestone"):
        move_milestone(plan, "missing", None, 0)


def test_move_refuses_exceeding_the_depth_limit() -> None:
    plan = Plan(milestones=(chain("d", MAX_DEPTH - 1), m("x", m("x1"))))
    with pytest.raises(PlanOpError, match="nested"):
        move_milestone(plan, "x", f"d{MAX_DEPTH - 2}", 0)
    result = move_milestone(plan, "x1", f"d{MAX_DEPTH - 2}", 0)
    assert_undo_redo(plan, result)


def test_move_to_the_same_place_is_a_noop() -> None:
    plan = base_plan()
    result = move_milestone(plan, "b2", "b", 1)
    assert result.change.noop
    assert result.plan is plan


# --- status and renewals ----------------------------------------------------------------------


def credential_plan() -> Plan:
    return Plan(
        milestones=(
            m("hs"),
            m(
                "cmaa",
                m("study"),
                title="CMAA",
                renews_every_months=24,
                salary_link={"kind": "certification", "value": "cmaa"},
            ),
            m("job"),
        )
    )


def test_done_sets_the_date_and_other_statuses_clear_it() -> None:
    plan = base_plan()
    done = set_status(plan, "a", "done", TODAY)
    assert done.plan.get("a").status is Status.DONE
    assert done.plan.get("a").done_date == TODAY
    assert done.change.label == "Mark 'a' done"
    assert_undo_redo(plan, done)
    again = set_status(done.plan, "a", Status.DONE, date(2027, 1, 1))
    assert again.change.noop
    assert again.plan.get("a").done_date == TODAY
    reopened = set_status(done.plan, "a", Status.IN_PROGRESS, TODAY)
    assert reopened.plan.get("a").done_date is None
    assert reopened.change.label == "Mark 'a' in progress"
    with pytest.raises(PlanOpError, match="Unknown status"):
        set_status(plan, "a", "finished", TODAY)


def test_marking_a_credential_done_schedules_its_renewal() -> None:
    plan = credential_plan()
    result = set_status(plan, "cmaa", Status.DONE, date(2026, 1, 31))
    ids = [x.id for x in result.plan.milestones]
    assert ids[:2] == ["hs", "cmaa"]
    assert ids[3] == "job"
    renewal = result.plan.milestones[2]
    assert renewal.title == "Renew CMAA"
    assert renewal.target_date == date(2028, 1, 31)
    assert renewal.renews_every_months == 24
    assert renewal.salary_link == plan.get("cmaa").salary_link
    assert result.change.ids == {"cmaa", renewal.id}
    assert result.change.structural
    assert isinstance(result.inverse, Batch)
    assert_undo_redo(plan, result)


def test_no_second_renewal_while_one_is_open_and_renewals_chain() -> None:
    plan = credential_plan()
    first = set_status(plan, "cmaa", Status.DONE, TODAY).plan
    reopened = set_status(first, "cmaa", Status.NOT_STARTED, TODAY).plan
    again = set_status(reopened, "cmaa", Status.DONE, TODAY)
    assert sum(x.title == "Renew CMAA" for x in again.plan.flatten()) == 1
    renewal = next(x for x in again.plan.flatten() if x.title == "Renew CMAA")
    # renewing the renewal schedules the next one, without "Renew Renew"
    later = date(2028, 3, 1)
    chained = set_status(again.plan, renewal.id, Status.DONE, later)
    open_renewals = [
        x for x in chained.plan.flatten() if x.title == "Renew CMAA" and not x.is_closed
    ]
    assert len(open_renewals) == 1
    assert open_renewals[0].target_date == date(2030, 3, 1)
    assert_undo_redo(again.plan, chained)


def test_steps_without_renewal_add_nothing() -> None:
    plan = credential_plan()
    result = set_status(plan, "hs", Status.DONE, TODAY)
    assert result.plan.count() == plan.count()
    # "study" renews nothing; finishing it finishes "CMAA" (the parent done rule, see
    # test_plan_rollup.py), and that one renewal is CMAA's own.
    result = set_status(plan, "study", Status.DONE, TODAY)
    added = [x.title for x in result.plan.flatten() if x.id not in plan.ids()]
    assert added == ["Renew CMAA"]


# --- whole-plan operations --------------------------------------------------------------------


def test_replace_and_rename_plan_invert() -> None:
    plan = base_plan()
    other = ready_plan(TODAY)
    replaced = replace_plan(plan, other, "Import plan")
    assert replaced.plan == other
    assert replaced.change.label == "Import plan"
    assert_undo_redo(plan, replaced)
    renamed = rename_plan(plan, "  My road to office manager ")
    assert renamed.plan.title == "My road to office manager"
    assert_undo_redo(plan, renamed)
    with pytest.raises(PlanOpError):
        rename_plan(plan, " ")


def test_operations_never_mutate_their_input() -> None:
    plan = ready_plan(TODAY)
    snapshot = plan.model_dump_json()
    first, second = plan.milestones[0].id, plan.milestones[3].id
    add_milestone(plan, Milestone(title="x"), parent_id=second)
    update_milestone(plan, first, title="changed")
    remove_milestone(plan, second)
    move_milestone(plan, first, second, 0)
    set_status(plan, second, Status.DONE, TODAY)
    assert plan.model_dump_json() == snapshot
    assert empty_plan().milestones == ()


# --- the property: any edit history undoes to the original ------------------------------------

TITLES = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")), min_size=1, max_size=12
).filter(lambda t: t.strip() != "")
DATES = st.dates(min_value=date(2020, 1, 1), max_value=date(2040, 12, 31))
LINKS = st.sampled_from(
    [
        None,
        {"kind": "certification", "value": "cehrs"},
        {"kind": "education", "value": "associate"},
        {"kind": "employer_type", "value": "hospital"},
        {"kind": "location", "value": "Boston-Cambridge-Newton, MA-NH"},
        {"kind": "promotion", "value": ""},
        {"kind": "role", "value": "office_manager"},
        {"kind": "skill", "value": "emr"},
    ]
)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    ids = count()

    def node(depth: int) -> Milestone:
        kids = draw(st.integers(0, 3 if depth < 3 else 0))
        return Milestone(
            id=f"s{next(ids)}",
            title=draw(TITLES),
            status=draw(st.sampled_from(Status)),
            renews_every_months=draw(st.sampled_from([None, None, 12, 24])),
            children=tuple(node(depth + 1) for _ in range(kids)),
        )

    return Plan(milestones=tuple(node(1) for _ in range(draw(st.integers(0, 4)))))


def random_op(data: st.DataObject, plan: Plan, fresh: count[int]) -> OpResult:
    ids = sorted(plan.ids())
    pick_id = st.sampled_from(ids) if ids else st.nothing()
    parent = st.one_of(st.none(), pick_id) if ids else st.none()
    kind = data.draw(st.sampled_from(["add", "update", "remove", "move", "status", "rename"]))
    if kind == "add" or not ids:
        new = Milestone(
            id=f"n{next(fresh)}",
            title=data.draw(TITLES),
            children=tuple(Milestone(id=f"n{next(fresh)}", title="sub") for _ in range(2)),
        )
        return add_milestone(plan, new, data.draw(parent), data.draw(st.none() | st.integers(0, 6)))
    target = data.draw(pick_id)
    if kind == "update":
        field, value = data.draw(
            st.one_of(
                st.tuples(st.just("title"), TITLES),
                st.tuples(st.just("notes"), st.text(max_size=30)),
                st.tuples(st.just("target_date"), st.none() | DATES),
                st.tuples(st.just("salary_link"), LINKS),
                st.tuples(st.just("why"), st.none() | st.text(max_size=20)),
                st.tuples(st.just("renews_every_months"), st.sampled_from([None, 6, 24])),
                st.tuples(st.just("status"), st.sampled_from(Status)),
            )
        )
        return update_milestone(plan, target, **{field: value})
    if kind == "remove":
        return remove_milestone(plan, target)
    if kind == "move":
        return move_milestone(plan, target, data.draw(parent), data.draw(st.integers(0, 6)))
    if kind == "status":
        return set_status(plan, target, data.draw(st.sampled_from(Status)), data.draw(DATES))
    return rename_plan(plan, data.draw(TITLES))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(start=plans(), data=st.data())
def test_any_sequence_of_edits_undoes_to_the_original(start: Plan, data: st.DataObject) -> None:
    fresh = count()
    plan = start
    history: list[OpResult] = []
    for _ in range(data.draw(st.integers(1, 25))):
        try:
            result = random_op(data, plan, fresh)
        except PlanOpError:
            continue  # refused edits (e.g. a move into its own subtree) change nothing
        history.append(result)
        plan = result.plan
    final = plan
    Plan.model_validate(final.model_dump())  # still a valid plan after every kind of edit
    redo_stack = []
    for result in reversed(history):
        undone = result.inverse.apply(plan)
        plan = undone.plan
        redo_stack.append(undone.inverse)
    assert plan == start
    for redo in reversed(redo_stack):
        plan = redo.apply(plan).plan
    assert plan == final
