"""The Plan tab's search and status filter as plain Python: which steps show, and which rows.

Every search word must be in a step's title or notes; the parents of a match stay shown so the
match is seen where it sits. No Qt here: the tree model only serves these lists to its view.
"""

from __future__ import annotations

from datetime import date, timedelta

from ptplanner.core.plan.filter import (
    STATUS_FILTERS,
    FilteredSteps,
    StepFilter,
    filter_steps,
    search_key,
    search_words,
    status_flags,
)
from ptplanner.core.plan.index import PlanIndex
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.operations import update_milestone

TODAY = date(2026, 11, 25)


def m(milestone_id: str, *children: Milestone, **fields: object) -> Milestone:
    return Milestone.model_validate(
        {"id": milestone_id, "title": fields.pop("title", milestone_id), "children": children}
        | fields
    )


def sample() -> Plan:
    return Plan(
        milestones=(
            m("ged", title="Finish a GED", status=Status.DONE),
            m(
                "cmaa",
                m("study", title="Study for the CMAA exam", notes="Practice tests: $125"),
                m("book", title="Book the exam", target_date=TODAY - timedelta(days=2)),
                title="CMAA certification",
            ),
            m("emr", title="Learn an EMR", status=Status.SKIPPED),
            m("soon", title="Update my résumé", target_date=TODAY + timedelta(days=5)),
        )
    )


def shown_ids(index: PlanIndex, filtered: FilteredSteps) -> list[str]:
    return [index.ids[key] for key, shown in enumerate(filtered.shown) if shown]


def test_search_words_are_case_folded_and_split_on_spaces() -> None:
    assert search_words("  Book   the EXAM ") == ("book", "the", "exam")
    assert search_words("Straße") == ("strasse",)
    assert search_words("   ") == ()


def test_a_step_is_searched_by_its_title_and_notes() -> None:
    step = m("s", title="Study for the CMAA exam", notes="Practice TESTS")
    assert search_key(step) == "study for the cmaa exam\npractice tests"


def test_every_word_must_match_and_parents_of_matches_stay() -> None:
    index = PlanIndex(sample())
    filtered = filter_steps(index, search_words("exam cmaa"), "all", TODAY)
    assert shown_ids(index, filtered) == ["cmaa", "study"]
    assert filtered.matching == 1  # "study"; its parent shows to say where it is
    assert filtered.shown_count == 2
    notes = filter_steps(index, search_words("$125"), "all", TODAY)
    assert shown_ids(index, notes) == ["cmaa", "study"]
    nothing = filter_steps(index, search_words("no such step"), "all", TODAY)
    assert nothing.shown_count == 0
    assert nothing.matching == 0


def test_status_filters_pick_steps_by_status_or_by_due_date() -> None:
    index = PlanIndex(sample())

    def matches(status: str) -> list[str]:
        flags = status_flags(index, status, TODAY)
        return [index.ids[key] for key, match in enumerate(flags) if match]

    assert matches("open") == ["cmaa", "study", "book", "soon"]
    assert matches("overdue") == ["book"]
    assert matches("attention") == ["book", "soon"]
    assert matches("done") == ["ged"]
    assert matches("skipped") == ["emr"]
    assert matches("not_started") == ["cmaa", "study", "book", "soon"]
    assert matches("in_progress") == []
    for key, _label in STATUS_FILTERS[1:]:
        assert len(status_flags(index, key, TODAY)) == len(index)


def test_a_search_and_a_status_filter_apply_together() -> None:
    index = PlanIndex(sample())
    filtered = filter_steps(index, search_words("e"), "overdue", TODAY)
    assert shown_ids(index, filtered) == ["cmaa", "book"]
    assert filtered.matching == 1
    everything = filter_steps(index, (), "all", TODAY)
    assert all(everything.shown)
    assert everything.matching == len(index)


def test_the_rows_a_view_is_given_skip_hidden_steps() -> None:
    index = PlanIndex(sample())
    filtered = filter_steps(index, (), "attention", TODAY)
    roots, kids, rows = filtered.lists(index)
    key = index.key_of
    assert [index.ids[k] for k in roots] == ["cmaa", "soon"]
    assert kids[key["cmaa"]] == [key["book"]]
    assert kids[key["ged"]] == []
    assert kids[key["study"]] == []
    assert rows[key["cmaa"]] == 0
    assert rows[key["soon"]] == 1
    assert rows[key["book"]] == 0
    assert rows[key["ged"]] == -1
    assert rows[key["study"]] == -1
    assert filtered.lists(index) is filtered.lists(index)  # made once


def test_search_keys_given_are_used_as_they_are() -> None:
    index = PlanIndex(sample())
    keys = ["", "", "", "anything", "", ""]
    filtered = filter_steps(index, ("anything",), "all", TODAY, search_keys=keys)
    assert shown_ids(index, filtered) == ["cmaa", "book"]


def test_a_step_filter_works_a_result_out_once_until_the_plan_changes() -> None:
    plan = sample()
    index = PlanIndex(plan)
    steps = StepFilter()
    assert steps.words == ()
    assert steps.status == "all"
    assert steps.result(index, TODAY, (), "all") is None  # nothing to filter
    first = steps.result(index, TODAY, ("exam",), "all")
    assert first is not None
    assert first.matching == 2
    assert steps.result(index, TODAY, ("exam",), "all") is first
    steps.plan_changed()
    again = steps.result(index, TODAY, ("exam",), "all")
    assert again is not first
    assert again is not None
    assert again.shown == first.shown


def test_a_step_filter_reads_edited_steps_again() -> None:
    plan = sample()
    index = PlanIndex(plan)
    steps = StepFilter()
    assert steps.compute(index, TODAY, ("renew",), "all").matching == 0
    edited = update_milestone(plan, "emr", title="Renew an EMR login").plan
    touched = index.refresh(edited, "emr")
    steps.steps_changed(index, touched)
    assert steps.compute(index, TODAY, ("renew",), "all").matching == 1
    # A new index (the plan's shape changed) drops the search text kept by key.
    bigger = Plan(milestones=(m("renew", title="Renew CMAA"), *edited.milestones))
    steps.new_index()
    assert steps.compute(PlanIndex(bigger), TODAY, ("renew",), "all").matching == 2
