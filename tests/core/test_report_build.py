"""The report model, built without Qt: every figure is the engine's, formatted once, in the
dollars asked for, and this year's figures are the first year of the table."""

from __future__ import annotations

import re
from datetime import date

import pytest

from ptplanner.core.format import money, signed_money
from ptplanner.core.knowledge import benefit_costs
from ptplanner.core.projection import Event, Projection, ProjectionRequest, project
from ptplanner.core.report.build import PinInput, ReportInput, assumption_facts, build_report
from ptplanner.core.report.model import TITLE, Report
from ptplanner.core.report.years import event_text
from ptplanner.core.salary.compensation import paid_leave_share_pct

PRINTED_ON = date(2026, 3, 9)


def make_projection(years: int = 5, **inputs: object) -> Projection:
    events = (
        Event(year=2027, kind="certification", value="cmaa", month=4),
        Event(year=2027, kind="skill", value="emr", month=2),
        Event(year=2029, kind="education", value="associate"),
        Event(year=2030, kind="role", value="office_manager"),
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
    assert source.dollars == "today"
    assert source.pinned_name == "Pinned scenario"
    assert ReportInput(source.projection, comparison_label="  Boston ").pinned_name == "Boston"


def test_title_facts_and_header(report: Report, texas: Projection) -> None:
    assert report.title == TITLE
    assert report.subtitle == (
        "Base pay and total compensation, 2026 to 2031, in 2026 dollars. Prepared March 9, 2026."
    )
    assert (report.dollars, report.dollars_label) == ("today", "2026 dollars")
    assert report.request == texas.request
    assert report.running_header == "Texas · Private PT clinic"
    facts = {f.label: f.value for f in report.facts}
    assert facts == {
        "Location": "Texas",
        "Employer type": "Private PT clinic",
        "Role": "PT care coordinator (BLS 43-6013)",
        "Experience": "0 years",
        "Education": "High school diploma or GED",
        "Certifications": "none",
        "Skills": "none",
        "Projection": "2026–2031 (2026 and the next 5 years)",
        # By date, the month within a year where known.
        "Planned changes": "Feb 2027: Learn EMR/EHR proficiency; Apr 2027: Earn CMAA; "
        "2029: Finish associate degree; 2030: Start as office manager",
    }
    assert report.occupation == "43-6013"
    assert "BLS.gov cannot vouch" in report.bls_note


def test_one_today_is_the_first_year(report: Report, texas: Projection) -> None:
    """The headline, the breakdown's total and the table's first row are one figure."""
    first = texas.rows[0]
    assert report.today.year == first.year == 2026
    assert report.today.typical == first.typical == texas.today.typical
    shown = {h.key: h.value for h in report.today.headlines}
    table = report.year_table
    assert shown["typical"] == table.rows[0][table.column("typical")] == money(first.typical)
    assert shown["total"] == table.rows[0][table.column("total")]
    assert report.today.breakdown_total.value == money(first.typical)
    # The step from BLS's reference month to this year is a line of its own.
    market = report.today.breakdown[-1]
    assert (market.factor, market.label) == ("market", "Pay scale from May 2025 to 2026")
    assert market.source == "bls_oews_history"
    assert sum(line.amount for line in report.today.breakdown) == report.today.typical
    assert "Typical base pay in 2026" in report.today.breakdown_total.label


def test_headlines_are_this_years_figures(report: Report, texas: Projection) -> None:
    today = texas.today
    shown = {h.key: h for h in report.today.headlines}
    assert list(shown) == ["typical", "range", "total", "cost_of_living"]
    assert shown["typical"].label == "Typical base pay, 2026"
    assert shown["typical"].value == money(today.typical)
    assert shown["range"].value == f"{money(today.low)} – {money(today.high)}"
    assert shown["total"].value == money(today.compensation.total)
    assert money(today.compensation.cash) in shown["total"].caption
    assert money(today.compensation.benefits) in shown["total"].caption
    assert today.cost_of_living_adjusted is not None
    assert shown["cost_of_living"].value == money(today.cost_of_living_adjusted)
    assert "percentile of the job's pay" in shown["typical"].caption


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


def test_cash_pay_and_benefits_are_shown_apart(report: Report, texas: Projection) -> None:
    lines = report.today.compensation
    keys = [line.key for line in lines]
    assert keys == [
        "base",
        "bonus",
        "profit_sharing",
        "cash",
        "retirement_match",
        "health",
        "ce_stipend",
        "benefits",
        "total",
    ]
    amount = {line.key: line.amount for line in lines}
    comp = texas.today.compensation
    assert amount["cash"] == pytest.approx(amount["base"] + amount["bonus"] + comp.profit_sharing)
    assert amount["benefits"] == pytest.approx(
        amount["retirement_match"] + amount["health"] + amount["ce_stipend"]
    )
    assert amount["total"] == pytest.approx(amount["cash"] + amount["benefits"])
    assert amount["total"] == pytest.approx(comp.total)
    assert report.today.cash_pay == pytest.approx(comp.cash)
    # Paid leave is never a line of its own: BLS annual pay (hourly x 2,080) already pays it.
    assert "paid_time_off" not in keys
    assert [line.kind for line in lines if line.key in {"cash", "benefits"}] == ["subtotal"] * 2


def test_paid_leave_is_explained_from_bls_ecec(report: Report, texas: Projection) -> None:
    ecec = benefit_costs().ecec
    leave = ecec.per_hour["paid_leave"]
    share = 100 * leave / (ecec.wages_per_hour + leave)  # of pay for every paid hour
    assert share == pytest.approx(paid_leave_share_pct())
    assert 5 < share < 15  # ECEC: paid leave is about a tenth of private-industry pay
    note = report.today.paid_leave_note
    assert f"about {share:.0f}% of it" in note
    assert money(texas.today.typical * share / 100) in note
    assert "not added" in note
    assert "BLS ECEC" in note


def test_year_table_in_todays_dollars(report: Report, texas: Projection) -> None:
    table = report.year_table
    assert [c.key for c in table.columns] == [
        "year",
        "experience",
        "role",
        "low",
        "typical",
        "high",
        "total",
        "changes",
    ]
    for key in ("low", "typical", "high", "total"):
        assert table.columns[table.column(key)].title.endswith("(2026\u00a0$)")
    assert table.caption.startswith("Pay in 2026 dollars")
    assert len(table.rows) == len(texas.rows) == len(report.rows)
    for cells, row in zip(table.rows, texas.rows, strict=True):
        assert cells[0] == str(row.year)
        assert cells[table.column("low") : table.column("total") + 1] == (
            money(row.low / row.deflator),
            money(row.typical / row.deflator),
            money(row.high / row.deflator),
            money(row.total_compensation / row.deflator),
        )
    changes = {cells[0]: cells[-1] for cells in table.rows}
    assert changes["2027"] == "Learn EMR/EHR proficiency; Earn CMAA"
    assert changes["2030"] == "Start as office manager"
    assert changes["2026"] == ""
    roles = {cells[0]: cells[table.column("role")] for cells in table.rows}
    assert roles["2026"] == "PT care coordinator, entry level"
    assert roles["2030"] == "Office manager"
    experience = {cells[0]: cells[table.column("experience")] for cells in table.rows}
    assert experience["2031"] == "5 (1 in role)"
    with pytest.raises(ValueError, match="pinned_typical"):
        table.column("pinned_typical")


def test_nominal_dollars_are_the_amounts_paid(texas: Projection) -> None:
    nominal = build_report(ReportInput(texas, dollars="nominal"))
    today = build_report(ReportInput(texas))
    assert nominal.dollars_label == "nominal dollars"
    assert "in nominal dollars" in nominal.subtitle
    table = nominal.year_table
    assert table.columns[table.column("typical")].title == "Base typical (nominal\u00a0$)"
    assert table.caption.startswith("Pay in nominal dollars")
    for cells, row in zip(table.rows, texas.rows, strict=True):
        assert cells[table.column("typical")] == money(row.typical)
    # The first year is the same in both; later years differ by the years of inflation.
    assert nominal.year_table.rows[0] == today.year_table.rows[0]
    last_nominal, last_real = nominal.rows[-1], today.rows[-1]
    inflation = texas.request.inputs.assumptions.inflation_pct
    assert last_nominal.shown.typical == pytest.approx(
        last_real.shown.typical * (1 + inflation / 100) ** 5
    )


def test_no_planned_changes_no_changes_column() -> None:
    plain = build_report(ReportInput(project(ProjectionRequest(years=2, start_year=2026))))
    assert "changes" not in [c.key for c in plain.year_table.columns]
    assert not plain.has_events


def test_a_first_job_ahead_is_said_in_the_facts_and_the_table() -> None:
    projection = project(ProjectionRequest(years=3, start_year=2026, work_starts=2028))
    report = build_report(ReportInput(projection))
    facts = {f.label: f.value for f in report.facts}
    assert facts["Experience"] == "0 years; first job in 2028, experience counts from then"
    roles = [cells[report.year_table.column("role")] for cells in report.year_table.rows]
    assert roles[:2] == ["Not working yet", "Not working yet"]
    assert roles[2] == "PT care coordinator, entry level"
    assert "Not working yet: the years before your plan's first job" in report.year_table.note


def test_pinned_scenario_sits_beside_the_current_one(texas: Projection) -> None:
    boston = project(
        ProjectionRequest(
            inputs={"location": "boston", "years_experience": 9, "role": "senior_coordinator"},
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
        assert cells[typical] == money(other.typical / other.deflator)
        assert cells[total] == money(other.total_compensation / other.deflator)
    changes = {cells[0]: cells[table.column("changes")] for cells in table.rows}
    assert changes["2028"] == "Pinned: Promotion to the next role"
    lines = {line.label: line for line in pinned.comparison}
    today = lines["Typical base pay in 2026"]
    assert today.current == money(texas.today.typical)
    assert today.pinned == money(boston.today.typical)
    assert today.difference == signed_money(boston.today.typical - texas.today.typical)
    combined = lines["Total compensation, 2026–2031 combined (2026 dollars)"]
    assert combined.current == money(sum(r.total_real for r in texas.rows))


def test_a_shorter_pinned_projection_has_dashes(texas: Projection) -> None:
    short = make_projection(2, location="boston")
    report = build_report(ReportInput(texas, comparison=short))
    table = report.year_table
    last = table.rows[-1]
    assert last[table.column("pinned_typical")] == "—"
    assert report.pinned is not None
    final = next(line for line in report.pinned.comparison if "in 2031" in line.label)
    assert (final.pinned, final.difference) == ("—", "—")


def test_several_pins_are_each_kept_with_their_years_and_comparison(texas: Projection) -> None:
    places = ("boston", "Florida", "Ohio", "Oregon", "Utah")
    pins = tuple(PinInput(place.title(), make_projection(5, location=place)) for place in places)
    report = build_report(ReportInput(texas, pins=pins, printed_on=PRINTED_ON))
    # At most four; none inline (the title, chart and year table keep to the current one).
    assert [pin.name for pin in report.pins] == ["Boston", "Florida", "Ohio", "Oregon"]
    assert report.pinned is None
    assert "pinned_typical" not in [column.key for column in report.year_table.columns]
    for pin, given in zip(report.pins, pins, strict=False):
        other = given.projection
        assert [row.year for row in pin.rows] == [row.year for row in other.rows]
        for row, engine in zip(pin.rows, other.rows, strict=True):
            assert row.shown.typical == pytest.approx(engine.typical / engine.deflator)
            assert row.shown.total_compensation == pytest.approx(
                engine.total_compensation / engine.deflator
            )
        today = next(line for line in pin.comparison if line.label == "Typical base pay in 2026")
        assert today.pinned == money(other.today.typical)
        assert today.difference == signed_money(other.today.typical - texas.today.typical)
    # Every pin's sources are cited (BEA price levels come with any area).
    assert {s.id for s in report.sources} >= {
        item.source for pin in pins for item in pin.projection.today.breakdown
    }


def test_one_pin_given_either_way_prints_the_same(texas: Projection) -> None:
    boston = make_projection(5, location="boston")
    old = build_report(ReportInput(texas, comparison=boston, comparison_label="Boston"))
    new = build_report(ReportInput(texas, pins=(PinInput("Boston", boston),)))
    assert old == new
    assert new.pinned is not None
    assert new.pins == (new.pinned,)
    unnamed = build_report(ReportInput(texas, pins=(PinInput("  ", boston),) * 2))
    assert [pin.name for pin in unnamed.pins] == ["Pinned scenario 1", "Pinned scenario 2"]


def test_assumptions_say_what_they_are_and_where_they_come_from(texas: Projection) -> None:
    a = texas.request.inputs.assumptions
    facts = {f.label: f.value for f in assumption_facts(a)}
    # BLS's own figures: the national median for 43-6013 was $37,350 in May 2020 and $45,930
    # in May 2025; the CPI-U averaged 258.811 in 2020 and 321.943 in 2025.
    real = ((45_930 / 37_350) / (321.943 / 258.811)) ** (1 / 5) - 1
    assert facts["Pay scale growth beyond inflation"] == (
        f"{a.market_growth_pct:+.2f}% a year (BLS history for 43-6013: {real * 100:+.2f}% a "
        "year, May 2020–May 2025)"
    )
    assert a.market_growth_pct == pytest.approx(real * 100, abs=0.005)
    assert (
        facts["Inflation"] == f"{a.inflation_pct:g}% a year (default: the CPI-U's change in 2025)"
    )
    assert facts["Match cap"] == f"up to {a.match_cap_pct:g}% of base"
    assert facts["Continuing-education stipend"] == f"${a.ce_stipend_usd:,.0f} a year"
    assert (
        facts["Paid leave"]
        == f"inside base pay (about {paid_leave_share_pct():.0f}% of it), not added"
    )
    # The first model's assumptions are gone from paper too.
    labels = " ".join(facts).lower()
    for gone in ("raise", "paid time off", "promotion"):
        assert gone not in labels
    assert len(facts) == 10


@pytest.mark.parametrize(
    ("event", "words"),
    [
        (Event(year=2027, kind="certification", value="cehrs"), "Earn CEHRS"),
        (Event(year=2027, kind="education", value="bachelor"), "Finish bachelor's degree"),
        (Event(year=2027, kind="education", value="hs"), "Finish high school diploma or GED"),
        (Event(year=2027, kind="location", value="boston"), "Move to Boston-Cambridge-Newton"),
        (Event(year=2027, kind="employer_type", value="hospital"), "Switch to hospital"),
        (Event(year=2027, kind="skill", value="billing_coding"), "Learn Billing and coding basics"),
        (Event(year=2027, kind="role", value="office_manager"), "Start as office manager"),
        (Event(year=2027, kind="role", value="care_coordinator"), "Start as PT care coordinator"),
        (Event(year=2027, kind="promotion"), "Promotion to the next role"),
        (
            Event(year=2027, kind="promotion", value="practice_administrator"),
            "Promotion to practice administrator",
        ),
        (Event(year=2027, kind="promotion", label="Lead coordinator"), "Lead coordinator"),
        (Event(year=2027, kind="certification", value="zzz"), "Earn ZZZ"),
    ],
)
def test_event_text(event: Event, words: str) -> None:
    assert event_text(event).startswith(words)


def test_no_career_packet_unless_asked(report: Report) -> None:
    assert report.career_packet is None


MACHINE_FIELDS = frozenset({"request", "role_id", "key", "factor", "source", "id"})
"""Fields kept for the JSON output and the renderers' lookups, never printed as they are."""


def _strings(value: object) -> list[str]:
    """Every string a report states, however deep (the fields for machines left out)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, tuple):
        fields = getattr(value, "_fields", None)
        items = (
            [getattr(value, f) for f in fields if f not in MACHINE_FIELDS]
            if fields
            else list(value)
        )
        return [s for item in items for s in _strings(item)]
    return []


def test_no_internal_ids_in_what_the_report_says(texas: Projection) -> None:
    hs = project(
        ProjectionRequest(
            inputs={"location": "Texas", "skills": frozenset({"billing_coding"})},
            years=3,
            start_year=2026,
            events=(
                Event(year=2027, kind="education", value="hs"),
                Event(year=2028, kind="employer_type", value="specialty_clinic"),
                Event(year=2028, kind="role", value="senior_coordinator"),
            ),
        )
    )
    report = build_report(ReportInput(hs, career_packet=True, printed_on=PRINTED_ON))
    ids = {"hs", "billing_coding", "specialty_clinic", "senior_coordinator", "care_coordinator"}
    said = _strings(report)
    assert len(said) > 200  # facts, headlines, table cells, the packet's ladder...
    assert "High school diploma or GED" in " ".join(said)
    # What a person reads: the report's text, and the table ptplanner projection prints.
    from ptplanner.cli.formats import format_table

    for text in [*said, *format_table(report).splitlines()]:
        words = set(re.findall(r"[a-z_]+", text))
        assert not words & ids, text
