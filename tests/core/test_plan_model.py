"""The plan model: validation, walking the tree, progress and due dates, paths, the ready plan."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pydantic import ValidationError

from ptplanner.core import paths
from ptplanner.core.plan import model as plan_model
from ptplanner.core.plan.model import (
    MAX_DEPTH,
    Milestone,
    Plan,
    SalaryLink,
    Status,
    add_months,
    attention,
    milestone_kinds,
)
from ptplanner.core.plan.template import empty_plan, plan_template, ready_plan

TODAY = date(2026, 3, 15)


def leaf(title: str, status: Status = Status.NOT_STARTED, **extra: object) -> Milestone:
    return Milestone.model_validate({"title": title, "status": status, **extra})


def test_title_is_stripped_and_bounded() -> None:
    assert Milestone(title="  CMAA  ").title == "CMAA"
    for bad in ["", "   ", "x" * 201, "two\nlines", "tab\there"]:
        with pytest.raises(ValidationError):
            Milestone(title=bad)
    assert Milestone(title="x" * 200).title == "x" * 200


def test_notes_limit_and_unknown_fields_rejected() -> None:
    Milestone(title="a", notes="n" * 10_000)
    with pytest.raises(ValidationError):
        Milestone(title="a", notes="n" * 10_001)
    with pytest.raises(ValidationError):
        Milestone.model_validate({"title": "a", "colour": "red"})
    with pytest.raises(ValidationError):
        Milestone.model_validate({"title": "a", "status": "finished"})


def test_ids_are_fresh_uuids() -> None:
    first, second = Milestone(title="a"), Milestone(title="a")
    assert first.id != second.id
    assert len(first.id) == 36


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("certification:cmaa", "certification", "cmaa"),
        ("certification:cehrs", "certification", "cehrs"),
        ("education:bachelor", "education", "bachelor"),
        ("employer_type:specialty_clinic", "employer_type", "specialty_clinic"),
        ("location: Boston-Cambridge-Newton, MA-NH ", "location", "Boston-Cambridge-Newton, MA-NH"),
    ],
)
def test_salary_link_parse(text: str, kind: str, value: str) -> None:
    link = SalaryLink.parse(text)
    assert (link.kind, link.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("certification:xyz", "unknown certification 'xyz'"),
        ("education:phd", "unknown education 'phd'"),
        ("employer_type:spa", "unknown employer_type 'spa'"),
        ("salary:1", "unknown link kind 'salary'"),
        ("cmaa", "must look like kind:value"),
        ("location:", "a location link needs a value"),
    ],
)
def test_salary_link_rejects_unknown_values(text: str, says: str) -> None:
    with pytest.raises(ValueError, match=says):
        SalaryLink.parse(text)


def test_plan_rejects_duplicate_ids_and_deep_nesting() -> None:
    a = Milestone(title="a")
    with pytest.raises(ValidationError, match="more than once"):
        Plan(milestones=(a, a))
    nested = Milestone(title="deepest")
    for level in range(MAX_DEPTH - 1):
        nested = Milestone(title=f"level {level}", children=(nested,))
    assert Plan(milestones=(nested,)).count() == MAX_DEPTH
    with pytest.raises(ValidationError, match="nested deeper"):
        Plan(milestones=(Milestone(title="top", children=(nested,)),))


def test_plan_rejects_newer_schema_versions() -> None:
    with pytest.raises(ValidationError):
        Plan.model_validate({"schema_version": 2})


def sample_plan() -> Plan:
    cmaa = Milestone(
        title="CMAA",
        target_date=date(2026, 6, 1),
        children=(
            leaf("study", Status.DONE, done_date=date(2026, 2, 1)),
            leaf("book", target_date=date(2026, 3, 1)),
            leaf("pass", target_date=date(2026, 3, 20)),
        ),
    )
    return Plan(
        milestones=(
            leaf("hs", Status.DONE),
            cmaa,
            leaf("cpct", Status.SKIPPED, target_date=date(2026, 1, 1)),
            leaf("emr", Status.IN_PROGRESS, target_date=date(2026, 3, 29)),
        )
    )


def test_walk_gives_depth_parent_and_position_in_display_order() -> None:
    plan = sample_plan()
    rows = [(n.milestone.title, n.depth, n.position) for n in plan.walk()]
    assert rows == [
        ("hs", 1, 0),
        ("CMAA", 1, 1),
        ("study", 2, 0),
        ("book", 2, 1),
        ("pass", 2, 2),
        ("cpct", 1, 2),
        ("emr", 1, 3),
    ]
    cmaa = plan.milestones[1]
    assert all(n.parent_id == cmaa.id for n in plan.walk() if n.depth == 2)
    assert [m.title for m in plan.flatten()] == [r[0] for r in rows]
    assert plan.count() == 7
    assert plan.get(cmaa.children[2].id).title == "pass"
    assert plan.find("nope") is None
    with pytest.raises(KeyError):
        plan.get("nope")


def test_overall_progress_counts_leaves_and_drops_skipped() -> None:
    plan = sample_plan()
    # leaves: hs (done), study (done), book, pass, emr; cpct is skipped -> 2 of 5
    assert plan.leaf_counts() == (2, 5)
    assert plan.progress() == pytest.approx(40.0)
    assert plan.milestones[1].progress() == pytest.approx(100 / 3)
    assert empty_plan().progress() == 0.0


def test_a_done_parent_counts_its_sub_steps_as_done() -> None:
    plan = sample_plan()
    cmaa = plan.milestones[1].model_copy(update={"status": Status.DONE})
    assert cmaa.progress() == 100.0
    assert Plan(milestones=(cmaa,)).leaf_counts() == (3, 3)


def test_overdue_and_due_soon() -> None:
    steps = sample_plan().flatten()
    overdue, soon = attention(steps, TODAY)
    assert [m.title for m in overdue] == ["book"]  # cpct is skipped, study is done
    assert [m.title for m in soon] == ["pass", "emr"]
    assert [m.title for m in attention(steps, TODAY, days=5)[1]] == ["pass"]
    # Kinds a caller already keeps give the same answer.
    assert attention(steps, TODAY, kinds=milestone_kinds(steps, TODAY)) == (overdue, soon)
    kinds = dict(zip((m.title for m in steps), milestone_kinds(steps, TODAY), strict=True))
    assert (kinds["book"], kinds["pass"], kinds["study"], kinds["cpct"]) == (
        "overdue",
        "due_soon",
        "done",
        "skipped",
    )


def test_match_prefix() -> None:
    plan = Plan(
        milestones=(
            Milestone(id="abc123", title="a"),
            Milestone(id="abd456", title="b"),
            Milestone(id="ab", title="c"),
        )
    )
    assert [m.title for m in plan.match_prefix("abc")] == ["a"]
    assert [m.title for m in plan.match_prefix("ab")] == ["c"]  # exact id wins
    assert len(plan.match_prefix("a")) == 3
    assert plan.match_prefix("") == []


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2026, 3, 15), 24, date(2028, 3, 15)),
        (date(2026, 11, 30), 2, date(2027, 1, 30)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
        (date(2026, 5, 1), 0, date(2026, 5, 1)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


def test_json_round_trip() -> None:
    plan = sample_plan()
    assert Plan.model_validate_json(plan.model_dump_json()) == plan


def test_paths_follow_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTPLANNER_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("PTPLANNER_CONFIG_DIR", str(tmp_path / "c"))
    assert paths.data_dir() == tmp_path / "d"
    assert paths.config_dir() == tmp_path / "c"
    assert paths.plan_file() == tmp_path / "d" / "plan.json"
    monkeypatch.setenv("PTPLANNER_DATA_DIR", "")
    monkeypatch.delenv("PTPLANNER_CONFIG_DIR")
    assert paths.data_dir().name == "ptplanner"
    assert paths.config_dir().name == "ptplanner"
    assert paths.data_dir().is_absolute()


def test_ready_plan_has_the_role_steps_with_dates_and_links() -> None:
    plan = ready_plan(TODAY)
    titles = [m.title for m in plan.flatten()]
    for expected in [
        "CMAA certification",
        "CEHRS certification",
        "CPCT/A certification",
        "Learn an EMR system such as WebPT",
        "Learn ICD-10 and CPT basics",
        "Land your first care coordinator job",
        "Become a lead coordinator",
        "Become an office manager",
        "Become a practice administrator",
    ]:
        assert expected in titles
    links = {str(m.salary_link) for m in plan.flatten() if m.salary_link}
    assert {"certification:cmaa", "certification:cehrs", "certification:cpct"} <= links
    assert {"education:hs", "education:associate", "education:bachelor"} <= links
    by_link = {str(m.salary_link): m for m in plan.flatten() if m.salary_link}
    # The career's jobs and the skills are linked, so they reach the projection.
    assert by_link["role:care_coordinator"].title == "Land your first care coordinator job"
    assert by_link["role:senior_coordinator"].title == "Become a lead coordinator"
    assert by_link["role:office_manager"].title == "Become an office manager"
    assert by_link["role:practice_administrator"].title == "Become a practice administrator"
    assert by_link["skill:emr"].title == "Learn an EMR system such as WebPT"
    assert by_link["skill:billing_coding"].title == "Learn ICD-10 and CPT basics"
    assert by_link["skill:insurance"].title == "Practise insurance verification and authorizations"
    # Jobs in the ladder's order, each after the one before, after the skills and credentials.
    jobs = [by_link[f"role:{r}"].target_date or TODAY for r in plan_model.ROLE_ORDER[1:]]
    assert jobs == sorted(jobs)
    assert len(set(jobs)) == len(jobs)
    first_job = jobs[0]
    for kind in ("skill:emr", "skill:billing_coding", "skill:insurance", "certification:cmaa"):
        target = by_link[kind].target_date
        assert target is not None
        assert target <= first_job
    # Each later job comes the rung's usual years of work after the first job.
    from ptplanner.core.salary.ladder import rung

    for rung_id, target in zip(plan_model.ROLE_ORDER[2:], jobs[1:], strict=True):
        assert target == add_months(first_job, round(rung(rung_id).usual_years_before * 12))
    by_title = {m.title: m for m in plan.flatten()}
    cmaa = by_title["CMAA certification"]
    assert cmaa.renews_every_months == 24
    assert by_title["CEHRS certification"].renews_every_months == 24
    assert [c.title for c in cmaa.children] == [
        "Study for the CMAA exam",
        "Book the CMAA exam",
        "Pass the CMAA exam",
    ]
    # Optional steps wait for the user to choose them: no date, so no salary event yet.
    optional = {
        "Associate degree (optional)",
        "Bachelor's degree (optional)",
        "CPCT/A certification",
    }
    for milestone in plan.flatten():
        if milestone.title in optional:
            assert milestone.target_date is None, milestone.title
        else:
            assert milestone.target_date is not None
            assert milestone.target_date > TODAY
    assert cmaa.target_date == add_months(TODAY, 4)
    assert all(m.status is Status.NOT_STARTED for m in plan.flatten())
    assert plan.progress() == 0.0
    # every top-level step says why it matters; pay effects name their source
    assert all(m.why for m in plan.milestones)
    effects = [m.pay_effect for m in plan.flatten() if m.pay_effect]
    assert effects
    assert all(
        "career guide (late 2023 / early 2024)" in e or "BLS, May 2025" in e or "ptplanner" in e
        for e in effects
    )


def test_ready_plan_pay_effects_come_from_the_knowledge_base() -> None:
    from ptplanner.core.knowledge import guide_figures, industry_wages

    by_title = {m.title: m for m in ready_plan(TODAY).flatten()}
    certification = guide_figures().get("certification_effect")
    assert f"{certification.text()} a year" in (by_title["CMAA certification"].pay_effect or "")
    administrator = industry_wages().in_pt_offices("11-9111")
    text = by_title["Become a practice administrator"].pay_effect or ""
    assert f"median of ${administrator.median:,} a year" in text
    assert "career guide" not in text  # the guide gives no figure for this step
    emr = by_title["Learn an EMR system such as WebPT"].pay_effect or ""
    assert "percentile points" in emr
    assert "Marking this step done counts the skill in your salary estimate." in emr


def test_ready_plan_ids_are_fresh_each_time_and_injectable() -> None:
    assert ready_plan(TODAY).ids().isdisjoint(ready_plan(TODAY).ids())
    counter = iter(range(1000))
    plan = ready_plan(TODAY, id_factory=lambda: f"step-{next(counter)}")
    assert plan.milestones[0].id == "step-0"
    assert plan_template().schema_version == 1
