"""The report model, built without Qt: every figure is the engine's, formatted once."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from ptplanner.core.content import overview
from ptplanner.core.format import money, signed_money
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.projection import Event, Projection, ProjectionRequest, project
from ptplanner.core.report.build import ReportInput, assumption_facts, build_report
from ptplanner.core.report.model import TITLE, Report
from ptplanner.core.report.packet import NEXT_STEPS_SHOWN, plan_progress, role_summary
from ptplanner.core.report.years import event_text

PRINTED_ON = date(2026, 3, 9)


def make_projection(years: int = 5, **inputs: object) -> Projection:
    events = (
        Event(year=2027, kind="certification", value="cmaa"),
        Event(year=2029, kind="education", value="associate"),
    )
    return project(
        ProjectionRequest(
            inputs={"location": "Texas", **inputs},
            years=years,
            start_year=2026,
            events=tuple(e for e in events if e.year <= 2026 + years),
        )
    )


@pytest.fixture(scope="module")
def texas() -> Projection:
    return make_projection()


@pytest.fixture(scope="module")
def report(texas: Projection) -> Report:
    return build_report(ReportInput(projection=texas, printed_on=PRINTED_ON))


def test_input_defaults() -> None:
    source = ReportInput(projection=make_projection(1))
    assert source.printed_on == date.today()
    assert source.pinned_name == "Pinned scenario"
    assert ReportInput(source.projection, comparison_label="  Boston ").pinned_name == "Boston"


def test_title_facts_and_header(report: Report, texas: Projection) -> None:
    assert report.title == TITLE
    assert (
        report.subtitle == "Base pay and total compensation, 2026 to 2031. Prepared March 9, 2026."
    )
    assert report.printed_on == PRINTED_ON
    assert report.request == texas.request
    assert report.running_header == "Texas · Private PT clinic"
    facts = {f.label: f.value for f in report.facts}
    assert facts == {
        "Location": "Texas",
        "Employer type": "Private PT clinic",
        "Education": "High school diploma or GED",
        "Certifications": "none",
        "Experience": "0 years",
        "Skills": "none",
        "Projection": "2026–2031 (5 years)",
        "Planned changes": "2027: Earn CMAA; 2029: Finish associate degree",
    }
    assert report.occupation == "43-6013"
    assert "BLS.gov cannot vouch" in report.bls_note


def test_headlines_are_todays_figures(report: Report, texas: Projection) -> None:
    today = texas.today
    shown = {h.key: h for h in report.today.headlines}
    assert list(shown) == ["typical", "range", "total", "cost_of_living"]
    assert shown["typical"].value == money(today.typical)
    assert shown["range"].value == f"{money(today.low)} – {money(today.high)}"
    assert shown["total"].value == money(today.compensation.total)
    assert today.cost_of_living_adjusted is not None
    assert shown["cost_of_living"].value == money(today.cost_of_living_adjusted)
    assert "percentile of local pay" in shown["typical"].caption
    assert report.today.total_compensation == today.compensation.total
    assert report.today.breakdown_total.value == money(today.typical)


def test_an_area_without_a_price_level_says_so() -> None:
    projection = make_projection(1)
    unpriced = projection.model_copy(
        update={"today": projection.today.model_copy(update={"price_level": None})}
    )
    today = build_report(ReportInput(unpriced)).today
    headline = next(h for h in today.headlines if h.key == "cost_of_living")
    assert (headline.value, headline.caption) == (
        "n/a",
        "BEA publishes no price level for this area.",
    )
    assert today.cost_of_living_adjusted is None


def test_compensation_adds_up(report: Report, texas: Projection) -> None:
    lines = report.today.compensation
    assert [line.key for line in lines][-1] == "total"
    assert sum(line.amount for line in lines[:-1]) == pytest.approx(lines[-1].amount)
    assert lines[-1].text == money(texas.today.compensation.total)
    assert {line.key for line in lines[:-1]} == set(texas.today.compensation.model_dump())


def test_breakdown_cites_by_name_and_date(report: Report, texas: Projection) -> None:
    lines = report.today.breakdown
    assert [line.amount for line in lines] == [i.amount for i in texas.today.breakdown]
    assert lines[0].effect == money(lines[0].amount)  # the starting figure is not a change
    assert all(line.effect == signed_money(line.amount) for line in lines[1:])
    first = lines[0]
    assert (first.source, first.source_name, first.citation) == (
        "bls_oews_2025",
        "BLS OEWS, May 2025",
        "BLS OEWS, May 2025",  # the name carries the date already
    )
    method = next(line for line in lines if line.source == "ptplanner_method")
    assert method.citation == "ptplanner estimate method, 2026"
    assert "Texas" in report.today.breakdown_intro


def test_year_table_states_every_row(report: Report, texas: Projection) -> None:
    table = report.year_table
    keys = [c.key for c in table.columns]
    assert keys == [
        "year",
        "experience",
        "stage",
        "low",
        "typical",
        "high",
        "total",
        "typical_real",
        "changes",
    ]
    assert table.columns[table.column("typical_real")].title == "Typical (2026\u00a0$)"
    assert len(table.rows) == len(texas.rows) == len(report.rows)
    for cells, row in zip(table.rows, texas.rows, strict=True):
        assert cells[: table.column("changes")] == (
            str(row.year),
            f"{row.experience:g}",
            row.stage,
            money(row.low),
            money(row.typical),
            money(row.high),
            money(row.total_compensation),
            money(row.typical_real),
        )
    changes = {cells[0]: cells[-1] for cells in table.rows}
    assert changes["2027"] == "Earn CMAA"
    assert changes["2029"] == "Finish associate degree"
    assert changes["2026"] == ""
    figures = {row.year: row for row in report.rows}
    assert figures[2027].events == ("earn cmaa",)
    assert figures[2027].changes == ("Earn CMAA",)
    with pytest.raises(ValueError, match="pinned_typical"):
        table.column("pinned_typical")


def test_no_planned_changes_no_changes_column() -> None:
    plain = build_report(ReportInput(project(ProjectionRequest(years=2, start_year=2026))))
    assert "changes" not in [c.key for c in plain.year_table.columns]
    assert not plain.has_events


def test_pinned_scenario_sits_beside_the_current_one(texas: Projection) -> None:
    boston = project(
        ProjectionRequest(
            inputs={"location": "boston"},
            years=8,
            start_year=2026,
            events=(Event(year=2028, kind="promotion"),),
        )
    )
    report = build_report(
        ReportInput(texas, comparison=boston, comparison_label="Boston", printed_on=PRINTED_ON)
    )
    pinned = report.pinned
    assert pinned is not None
    assert pinned.name == "Boston"
    assert [f.label for f in pinned.facts] == [f.label for f in report.facts]
    assert pinned.growth_note == f"Boston: {boston.growth_factor_note}"
    table = report.year_table
    typical, total = table.column("pinned_typical"), table.column("pinned_total")
    by_year = {row.year: row for row in boston.rows}
    for cells in table.rows:
        other = by_year[int(cells[0])]
        assert cells[typical] == money(other.typical)
        assert cells[total] == money(other.total_compensation)
    changes = {cells[0]: cells[table.column("changes")] for cells in table.rows}
    assert changes["2028"] == "Pinned: Promotion"
    lines = {line.label: line for line in pinned.comparison}
    today = lines["Typical base pay today"]
    assert today.current == money(texas.today.typical)
    assert today.pinned == money(boston.today.typical)
    assert today.difference == signed_money(boston.today.typical - texas.today.typical)
    combined = lines["Total compensation, 2026–2031 combined"]
    assert combined.current == money(sum(r.total_compensation for r in texas.rows))


def test_a_shorter_pinned_projection_has_dashes(texas: Projection) -> None:
    short = make_projection(2, location="boston")
    report = build_report(ReportInput(texas, comparison=short))
    table = report.year_table
    last = table.rows[-1]
    assert last[table.column("pinned_typical")] == "—"
    assert report.pinned is not None
    final = next(line for line in report.pinned.comparison if line.label.endswith("in 2031"))
    assert (final.pinned, final.difference) == ("—", "—")


def test_assumptions_say_what_they_are(texas: Projection) -> None:
    a = texas.request.inputs.assumptions
    facts = {f.label: f.value for f in assumption_facts(a)}
    assert facts["Annual raise"] == f"{a.raise_pct:g}% a year"
    assert facts["Match cap"] == f"up to {a.match_cap_pct:g}% of base"
    assert facts["Continuing-education stipend"] == f"${a.ce_stipend_usd:,.0f} a year"
    assert len(facts) == 11


@pytest.mark.parametrize(
    ("event", "words"),
    [
        (Event(year=2027, kind="certification", value="cehrs"), "Earn CEHRS"),
        (Event(year=2027, kind="education", value="bachelor"), "Finish bachelor's degree"),
        (Event(year=2027, kind="location", value="boston"), "Move to Boston-Cambridge-Newton"),
        (Event(year=2027, kind="promotion"), "Promotion"),
        (Event(year=2027, kind="promotion", label="Lead coordinator"), "Lead coordinator"),
        (Event(year=2027, kind="certification", value="zzz"), "Earn ZZZ"),
    ],
)
def test_event_text(event: Event, words: str) -> None:
    assert event_text(event).startswith(words)


def test_no_career_packet_unless_asked(report: Report) -> None:
    assert report.career_packet is None


def make_plan(today: date) -> Plan:
    def step(title: str, status: Status, days: int | None, **extra: object) -> Milestone:
        target = today + timedelta(days=days) if days is not None else None
        return Milestone.model_validate(
            {"title": title, "status": status, "target_date": target, **extra}
        )

    return Plan(
        title="Test plan",
        milestones=(
            step("Finish a GED", Status.DONE, -300),
            step(
                "CMAA certification",
                Status.IN_PROGRESS,
                None,
                children=(
                    step("Buy the study guide", Status.DONE, -40),
                    step("Book the CMAA exam", Status.NOT_STARTED, -12),
                    step("Pass the CMAA exam", Status.NOT_STARTED, 30, pay_effect="+$2,000"),
                ),
            ),
            step("Associate degree", Status.SKIPPED, 500),
            step("Apply to hospital clinics", Status.IN_PROGRESS, 90),
            step("Ask about the senior role", Status.NOT_STARTED, None),
        ),
    )


def test_plan_progress() -> None:
    progress = plan_progress(make_plan(PRINTED_ON), PRINTED_ON)
    assert progress is not None
    assert progress.summary == (
        "Test plan: 33% complete — 2 of 6 steps done (1 skipped, not counted)."
    )
    assert progress.fraction == pytest.approx(1 / 3)
    (late,) = progress.overdue
    assert late.title == "Book the CMAA exam"
    assert late.overdue_by == "12 days"
    assert late.part_of == "Part of: CMAA certification"
    assert late.target_date == (PRINTED_ON - timedelta(days=12)).isoformat()
    assert late.status == "Not started"
    assert [s.title for s in progress.next_steps] == [
        "Pass the CMAA exam",
        "Apply to hospital clinics",
    ]
    assert progress.next_steps[0].pay_effect == "+$2,000"
    assert progress.next_steps[1].part_of == ""
    assert progress.next_steps[1].overdue_by == ""
    assert progress.more == "1 open step has no target date."


def test_plan_progress_counts_what_it_leaves_out() -> None:
    plan = Plan(
        milestones=tuple(
            Milestone(title=f"Step {i}", target_date=PRINTED_ON + timedelta(days=i))
            for i in range(1, NEXT_STEPS_SHOWN + 4)
        )
    )
    progress = plan_progress(plan, PRINTED_ON)
    assert progress is not None
    assert len(progress.next_steps) == NEXT_STEPS_SHOWN
    assert progress.more == "3 more dated steps follow."
    assert progress.overdue == ()
    late = plan_progress(plan, PRINTED_ON + timedelta(days=2))
    assert late is not None
    assert late.overdue[0].overdue_by == "1 day"


def test_no_plan_no_progress() -> None:
    assert plan_progress(None, PRINTED_ON) is None
    assert plan_progress(Plan(), PRINTED_ON) is None


def test_role_summary_is_the_knowledge_base() -> None:
    data = overview()
    role = role_summary()
    assert [d.title for d in role.duties] == [d.title for d in data.duties]
    assert [c.abbreviation for c in role.certifications] == [
        c.abbreviation for c in data.certifications
    ]
    assert [r.title for r in role.ladder] == [r.title for r in data.career_ladder]
    assert [r.number for r in role.ladder] == [str(i) for i in range(1, len(role.ladder) + 1)]
    assert [o.label for o in role.outlook] == [p.label for p in data.outlook.projections]
    assert role.mapping == data.outlook.mapping.text
    effect = data.certification_pay_effect
    assert money(effect.low) in role.certification_pay
    assert f"({effect.date})" in role.certification_pay


def test_career_packet_report(texas: Projection) -> None:
    report = build_report(
        ReportInput(texas, plan=make_plan(PRINTED_ON), career_packet=True, printed_on=PRINTED_ON)
    )
    assert report.career_packet is not None
    assert report.career_packet.plan is not None
    assert report.career_packet.plan.summary.startswith("Test plan: 33% complete")
    no_plan = build_report(ReportInput(texas, career_packet=True))
    assert no_plan.career_packet is not None
    assert no_plan.career_packet.plan is None
