"""The career model's rules, held for every accepted input (issue 14).

Pay stays inside what BLS publishes for the ladder in the person's area; "today" is one number;
a newcomer's extras stop at the area's median; promotions climb one rung at a time, never cut pay
and stop at the top; with no market growth and no inflation a flat career stays flat; and the
assumptions' bounds are enforced where they are declared. Random profiles come from hypothesis;
every bound is read from the BLS tables through ``rung_pay``, not typed here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ptplanner.core.locations import find_area, usable_areas
from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.projection.project import Projection
from ptplanner.core.projection.request import MAX_YEARS_PAST_DATA
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import (
    INFLATION_RANGE,
    MARKET_GROWTH_RANGE,
    Assumptions,
    SalaryInputs,
    default_assumptions,
)
from ptplanner.core.salary.ladder import ladder, next_rung, rung_ids, rung_pay
from ptplanner.core.salary.market import pay_scale_factor
from ptplanner.core.salary.model import salary_model

MODEL = salary_model()
DATA_YEAR = MODEL.data_year
TOP = rung_ids()[-1]
AREAS = [area.name for area in usable_areas()]
EMPLOYERS = [employer.id for employer in MODEL.employer_types]
EDUCATION = [level.id for level in MODEL.education]
CERTIFICATIONS = [cert.id for cert in MODEL.certifications]
SKILLS = [skill.id for skill in MODEL.skills]

areas = st.sampled_from(AREAS)
employers = st.sampled_from(EMPLOYERS)
roles = st.sampled_from(rung_ids())
experience = st.one_of(
    st.integers(min_value=0, max_value=50).map(float),
    st.floats(min_value=0, max_value=50, allow_nan=False),
)
assumptions = st.builds(
    lambda growth, inflation: default_assumptions().model_copy(
        update={"market_growth_pct": growth, "inflation_pct": inflation}
    ),
    st.floats(*MARKET_GROWTH_RANGE, allow_nan=False),
    st.floats(*INFLATION_RANGE, allow_nan=False),
)
profiles = st.builds(
    SalaryInputs,
    years_experience=experience,
    education=st.sampled_from(EDUCATION),
    certifications=st.frozensets(st.sampled_from(CERTIFICATIONS)),
    location=areas,
    employer_type=employers,
    skills=st.frozensets(st.sampled_from(SKILLS)),
    role=roles,
    assumptions=assumptions,
)


@st.composite
def events(draw: st.DrawFn, start_year: int, years: int) -> Event:
    """Any event the projection accepts, in its span."""
    year = draw(st.integers(min_value=start_year, max_value=start_year + years))
    kind = draw(
        st.sampled_from(
            ["certification", "education", "employer_type", "location", "skill", "role"]
            + ["promotion"] * 3
        )
    )
    values: dict[str, st.SearchStrategy[str]] = {
        "certification": st.sampled_from(CERTIFICATIONS),
        "education": st.sampled_from(EDUCATION),
        "employer_type": employers,
        "location": areas,
        "skill": st.sampled_from(SKILLS),
        "role": roles,
        "promotion": st.sampled_from(["", *rung_ids()]),
    }
    month = draw(st.none() | st.integers(min_value=1, max_value=12))
    return Event(year=year, kind=kind, value=draw(values[kind]), month=month)


@st.composite
def requests(draw: st.DrawFn) -> ProjectionRequest:
    """Any request the window or the command line could send."""
    start_year = draw(st.integers(min_value=DATA_YEAR, max_value=DATA_YEAR + MAX_YEARS_PAST_DATA))
    years = draw(st.integers(min_value=1, max_value=50))
    chosen = draw(st.lists(events(start_year, years), max_size=12))
    work_starts = draw(st.none() | st.integers(min_value=start_year, max_value=start_year + 12))
    return ProjectionRequest(
        inputs=draw(profiles),
        years=years,
        start_year=start_year,
        events=tuple(chosen),
        work_starts=work_starts,
    )


def _factor(request: ProjectionRequest, year: int) -> float:
    a = request.inputs.assumptions
    return pay_scale_factor(year - DATA_YEAR, a.market_growth_pct, a.inflation_pct)


def _place_by_year(request: ProjectionRequest, year: int) -> tuple[str, str]:
    """The area and employer type in force in ``year``, from the profile and the events."""
    area, employer = request.inputs.location, request.inputs.employer_type
    for event in request.ordered_events():
        if event.year > year:
            break
        if event.kind == "location":
            area = find_area(event.value).name
        elif event.kind == "employer_type":
            employer = event.value
    return area, employer


def _may_2025(projection: Projection, offset: int) -> float:
    """Typical pay of a year, taken back to BLS May 2025 pay levels."""
    row = projection.rows[offset]
    return row.typical / _factor(projection.request, row.year)


def _rounding(projection: Projection, offset: int) -> float:
    # Pay is rounded to whole dollars in the year it is paid; back at May 2025 levels that
    # half dollar is divided by the pay-scale factor.
    return 0.5 / _factor(projection.request, projection.rows[offset].year) + 1e-6


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(request=requests())
def test_no_accepted_input_pays_outside_the_ladders_published_wages(
    request: ProjectionRequest,
) -> None:
    projection = project(request)
    for offset, row in enumerate(projection.rows):
        area, employer = _place_by_year(request, row.year)
        floor = min(rung_pay(r, area, employer).percentiles[0] for r in rung_ids())
        ceiling = rung_pay(TOP, area, employer).percentiles[4]
        pay = _may_2025(projection, offset)
        slack = _rounding(projection, offset)
        assert floor - slack <= pay <= ceiling + slack, (row.year, row.role, area, employer)


@settings(max_examples=100, deadline=None)
@given(inputs=profiles, years=st.integers(min_value=1, max_value=50))
def test_today_is_the_first_row_to_the_dollar(inputs: SalaryInputs, years: int) -> None:
    projection = project(ProjectionRequest(inputs=inputs, years=years))
    headline = estimate(inputs)  # what the headline figures are built from on their own
    first = projection.rows[0]
    assert headline.year == first.year == dt.date.today().year
    assert (headline.low, headline.typical, headline.high) == (first.low, first.typical, first.high)
    assert projection.today.typical == first.typical
    assert headline.compensation.total == pytest.approx(first.total_compensation, abs=1e-6)


def test_the_windows_default_today_is_the_first_row() -> None:
    projection = project(ProjectionRequest())
    headline = estimate(SalaryInputs())
    assert headline.typical == projection.rows[0].typical == projection.today.typical
    assert sum(item.amount for item in headline.breakdown) == headline.typical
    market = next(item for item in headline.breakdown if item.factor == "market")
    assert market.label == f"Pay scale from May {DATA_YEAR} to {dt.date.today().year}"


newcomers = st.builds(
    SalaryInputs,
    years_experience=st.just(0.0),
    education=st.sampled_from(EDUCATION),
    certifications=st.frozensets(st.sampled_from(CERTIFICATIONS)),
    location=areas,
    employer_type=employers,
    skills=st.frozensets(st.sampled_from(SKILLS)),
    role=roles,
)


def _ceiling_for_newcomer(inputs: SalaryInputs) -> float:
    pay = rung_pay(inputs.role, inputs.location, inputs.employer_type)
    return min(pay.area_median, pay.percentiles[2])


@settings(max_examples=300, deadline=None)
@given(inputs=newcomers)
def test_a_newcomer_never_earns_above_the_areas_median_for_the_role(inputs: SalaryInputs) -> None:
    result = estimate(inputs, year=DATA_YEAR)  # May 2025 pay levels: factor 1 to the dollar
    assert result.pay_scale_factor == 1.0
    assert result.typical <= _ceiling_for_newcomer(inputs) + 0.5


@settings(max_examples=300, deadline=None)
@given(inputs=newcomers)
def test_the_breakdown_says_when_the_cap_applied(inputs: SalaryInputs) -> None:
    result = estimate(inputs, year=DATA_YEAR)
    lines = {item.factor: item.amount for item in result.breakdown}
    uncapped = sum(amount for factor, amount in lines.items() if factor != "extras_cap")
    if uncapped > _ceiling_for_newcomer(inputs) + 1:
        assert lines.get("extras_cap", 0.0) < 0
    if "extras_cap" in lines:
        assert lines["extras_cap"] < 0
        assert uncapped > result.typical
        assert any(factor in lines for factor in ("skills", "education", "certifications"))


def test_a_credentialed_newcomer_is_capped_at_the_median_and_told() -> None:
    inputs = SalaryInputs(
        location="boston",
        education="bachelor",
        certifications=frozenset(CERTIFICATIONS),
        skills=frozenset(SKILLS),
    )
    result = estimate(inputs, year=DATA_YEAR)
    cap = next(item for item in result.breakdown if item.factor == "extras_cap")
    assert cap.amount < 0
    assert cap.label == "Limit on extras"
    pay = rung_pay("care_coordinator", inputs.location, inputs.employer_type)
    assert result.typical == round(min(pay.area_median, pay.percentiles[2]))


@settings(max_examples=150, deadline=None)
@given(
    inputs=profiles,
    years=st.integers(min_value=2, max_value=30),
    when=st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=6),
    targets=st.lists(st.sampled_from(["", *rung_ids()]), min_size=6, max_size=6),
)
# A long-serving receptionist where BLS's receptionist pay tops the coordinator's 90th percentile.
@example(
    inputs=SalaryInputs(
        years_experience=7,
        education="bachelor",
        location="Birmingham, AL",
        employer_type="specialty_clinic",
        role="receptionist",
    ),
    years=2,
    when=[2],
    targets=[""] * 6,
)
def test_promotions_never_cut_pay(
    inputs: SalaryInputs, years: int, when: list[int], targets: list[str]
) -> None:
    start = dt.date.today().year
    chosen = tuple(
        Event(year=start + min(offset, years), kind="promotion", value=target)
        for offset, target in zip(when, targets, strict=False)
    )
    projection = project(ProjectionRequest(inputs=inputs, years=years, events=chosen))
    order = rung_ids()
    for offset in range(1, len(projection.rows)):
        before, after = projection.rows[offset - 1], projection.rows[offset]
        assert order.index(after.role) >= order.index(before.role)
        # At May 2025 pay levels, so the market's own moves (which may be negative) are out.
        assert _may_2025(projection, offset) >= _may_2025(projection, offset - 1) - (
            _rounding(projection, offset) + _rounding(projection, offset - 1)
        ), (before.role, after.role, after.events)


@pytest.mark.parametrize("rung", [r.id for r in ladder()[:-1]])
def test_a_bare_promotion_moves_to_the_next_rung(rung: str) -> None:
    start = dt.date.today().year
    inputs = SalaryInputs(role=rung, years_experience=20, location="Texas")
    projection = project(
        ProjectionRequest(inputs=inputs, years=3, events=(Event(year=start + 2, kind="promotion"),))
    )
    above = next_rung(rung)
    assert above is not None
    assert [row.role for row in projection.rows] == [rung, rung, above.id, above.id]
    assert projection.rows[2].years_in_role == 0
    new = rung_pay(above.id, "Texas", inputs.employer_type).percentiles
    assert new[0] <= _may_2025(projection, 2) <= new[4] + _rounding(projection, 2)


def test_ten_promotions_stop_at_the_top_rung() -> None:
    start = dt.date.today().year
    chain = tuple(Event(year=start + 1 + i, kind="promotion") for i in range(10))
    inputs = SalaryInputs(role="receptionist", location="boston", years_experience=0)
    projection = project(ProjectionRequest(inputs=inputs, years=15, events=chain))
    roles = [row.role for row in projection.rows]
    assert roles[:6] == list(rung_ids()) + [TOP] * (6 - len(rung_ids()))
    assert set(roles[len(rung_ids()) :]) == {TOP}
    notes = [note for row in projection.rows for note in row.events]
    assert sum("already at or above" in note for note in notes) == 10 - (len(rung_ids()) - 1)
    ceiling = rung_pay(TOP, inputs.location, inputs.employer_type).percentiles[4]
    for offset in range(len(projection.rows)):
        assert _may_2025(projection, offset) <= ceiling + _rounding(projection, offset)


def _still(**changes: Any) -> SalaryInputs:
    """A profile with no market growth and no inflation."""
    a = default_assumptions().model_copy(update={"market_growth_pct": 0.0, "inflation_pct": 0.0})
    return SalaryInputs(assumptions=a, **changes)


@pytest.mark.parametrize("rung", rung_ids())
@pytest.mark.parametrize("place", ["National", "boston", "Mississippi"])
def test_with_no_growth_a_flat_progression_stays_flat(rung: str, place: str) -> None:
    """Nothing counted twice: once a rung's progression is flat, the pay is flat to the dollar."""
    job = next(r for r in ladder() if r.id == rung)
    flat_after = job.progression.points[-1][0]
    inputs = _still(
        role=rung,
        location=place,
        years_experience=job.usual_years_before + flat_after + 5,
        education="associate",
        certifications=frozenset({"cmaa"}),
        skills=frozenset({"emr"}),
    )
    projection = project(ProjectionRequest(inputs=inputs, years=45))
    typical = {row.typical for row in projection.rows}
    assert len(typical) == 1, sorted(typical)
    assert {row.money("today") for row in projection.rows} == {projection.rows[0].money("nominal")}
    assert projection.rows[-1].years_in_role >= 30


def test_with_no_growth_pay_at_year_forty_equals_year_thirty() -> None:
    inputs = _still(years_experience=0, location="denver", skills=frozenset({"excel"}))
    projection = project(ProjectionRequest(inputs=inputs, years=45))
    by_years = {row.years_in_role: row.typical for row in projection.rows}
    assert by_years[40] == by_years[30]
    assert by_years[30] > by_years[0]  # the climb itself is real


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("market_growth_pct", MARKET_GROWTH_RANGE[0] - 0.01),
        ("market_growth_pct", MARKET_GROWTH_RANGE[1] + 0.01),
        ("inflation_pct", INFLATION_RANGE[0] - 0.01),
        ("inflation_pct", INFLATION_RANGE[1] + 0.01),
    ],
)
def test_assumptions_outside_their_bounds_are_refused(field: str, value: float) -> None:
    data = {**default_assumptions().model_dump(), field: value}
    with pytest.raises(ValidationError, match=field):
        Assumptions.model_validate(data)
    with pytest.raises(ValidationError, match=field):
        SalaryInputs.from_saved({"assumptions": data})


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("market_growth_pct", MARKET_GROWTH_RANGE[0]),
        ("market_growth_pct", MARKET_GROWTH_RANGE[1]),
        ("inflation_pct", INFLATION_RANGE[0]),
        ("inflation_pct", INFLATION_RANGE[1]),
    ],
)
def test_assumptions_at_their_bounds_are_accepted(field: str, value: float) -> None:
    data = {**default_assumptions().model_dump(), field: value}
    inputs = SalaryInputs(assumptions=Assumptions.model_validate(data))
    assert project(ProjectionRequest(inputs=inputs, years=50)).rows[-1].typical > 0


def test_a_start_year_too_far_past_the_data_is_refused() -> None:
    last = DATA_YEAR + MAX_YEARS_PAST_DATA
    assert MAX_YEARS_PAST_DATA == 5
    assert ProjectionRequest(start_year=last).start_year == last
    with pytest.raises(ValidationError, match=f"must be {last} or earlier"):
        ProjectionRequest(start_year=last + 1)
    with pytest.raises(ValidationError, match=f"must be {DATA_YEAR} or later"):
        ProjectionRequest(start_year=DATA_YEAR - 1)
