"""``project()``: year-by-year pay, events, inflation and market growth, checked by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import SalaryInputs, default_assumptions
from ptplanner.core.salary.market import market_history
from ptplanner.core.salary.model import salary_model
from ptplanner.core.salary.pay import CareerState, pay_figures


def _flat(**changes: float) -> SalaryInputs:
    """The default profile with its assumptions changed."""
    assumptions = default_assumptions().model_copy(update=changes)
    return SalaryInputs(assumptions=assumptions)


def test_one_today_the_headline_is_the_first_row() -> None:
    for inputs in (SalaryInputs(), SalaryInputs(location="boston", years_experience=2)):
        result = project(ProjectionRequest(inputs=inputs, years=5, start_year=2026))
        assert result.today.year == 2026
        assert result.today.typical == result.rows[0].typical
        assert result.today.low == result.rows[0].low
        assert result.today.high == result.rows[0].high
        assert result.today.compensation.total == pytest.approx(result.rows[0].total_compensation)
        market = next(i for i in result.today.breakdown if i.factor == "market")
        assert market.label == f"Pay scale from May {salary_model().data_year} to 2026"


def test_rows_cover_each_year_and_move_with_the_pay_scale() -> None:
    request = ProjectionRequest(years=5, start_year=2026)
    result = project(request)
    assert [row.year for row in result.rows] == [2026, 2027, 2028, 2029, 2030, 2031]
    a = request.inputs.assumptions
    growth = (1 + a.market_growth_pct / 100) * (1 + a.inflation_pct / 100)
    data_year = salary_model().data_year
    for row in result.rows:
        state = CareerState(
            request.inputs.model_copy(update={"assumptions": default_assumptions()}),
            row.experience,
            0.0,
            row.experience,
        )
        may_2025 = pay_figures(state).typical
        assert row.typical == pytest.approx(may_2025 * growth ** (row.year - data_year), abs=0.5)


def test_todays_dollars_take_out_inflation_only() -> None:
    result = project(ProjectionRequest(years=10, start_year=2026))
    inflation = result.request.inputs.assumptions.inflation_pct / 100
    assert result.rows[0].typical_real == result.rows[0].typical
    last = result.rows[-1]
    assert last.typical_real == pytest.approx(last.typical / (1 + inflation) ** 10)
    assert last.money("nominal")[1] == last.typical
    assert last.money("today")[1] == pytest.approx(last.typical_real)


def test_the_default_market_growth_is_the_bls_history_net_of_prices() -> None:
    history = market_history()
    assert (history.median_from, history.median_to) == (37350, 45930)  # OEWS May 2020, May 2025
    assert (history.cpi_from, history.cpi_to) == (258.811, 321.943)  # CPI-U 2020, 2025
    real = ((45930 / 37350) / (321.943 / 258.811)) ** (1 / 5) - 1
    assert default_assumptions().market_growth_pct == round(100 * real, 2) == -0.23


def test_a_flat_career_stays_flat_in_todays_dollars() -> None:
    """Nothing counted twice: no market drift, no events and a career past the end of its
    progression curve gives the same real pay every year, however high inflation is."""
    inputs = _flat(market_growth_pct=0.0, inflation_pct=6.0).model_copy(
        update={"years_experience": 30.0}
    )
    result = project(ProjectionRequest(inputs=inputs, years=20, start_year=2026))
    reals = [row.typical_real for row in result.rows]
    assert max(reals) - min(reals) <= 1  # nominal pay is rounded to the dollar
    assert result.rows[-1].typical == pytest.approx(result.rows[0].typical * 1.06**20, abs=4)


def test_thirty_years_at_the_front_desk_stay_within_bls_pay() -> None:
    """The first model took a front-desk job to $135,000; now pay stays inside the role's BLS
    distribution, carried only by the market's real trend."""
    result = project(ProjectionRequest(years=30, start_year=2026))
    for row in result.rows:
        deflated = row.typical / (row.bls_p90 / pay_figures_p90())
        assert deflated <= pay_figures_p90() + 1
    assert result.rows[-1].typical_real < 50_000


def pay_figures_p90() -> float:
    state = CareerState(SalaryInputs(), 0.0, 0.0, 0.0)
    return pay_figures(state).distribution[4]


def test_a_planned_certification_raises_pay_from_its_year() -> None:
    inputs = SalaryInputs(years_experience=4)
    plain = project(ProjectionRequest(inputs=inputs, years=4, start_year=2026))
    planned = project(
        ProjectionRequest(
            inputs=inputs,
            years=4,
            start_year=2026,
            events=(Event(year=2028, kind="certification", value="cmaa"),),
        )
    )
    for before, after in zip(plain.rows, planned.rows, strict=True):
        if after.year < 2028:
            assert after.typical == before.typical
        else:
            assert after.typical > before.typical
    assert planned.rows[2].events == ("earn cmaa",)


def test_a_promotion_moves_into_the_next_rungs_bls_pay() -> None:
    inputs = SalaryInputs(years_experience=9)
    plain = project(ProjectionRequest(inputs=inputs, years=3, start_year=2026))
    promoted = project(
        ProjectionRequest(
            inputs=inputs, years=3, start_year=2026, events=(Event(year=2027, kind="promotion"),)
        )
    )
    assert [row.role for row in promoted.rows] == ["care_coordinator"] + ["senior_coordinator"] * 3
    assert promoted.rows[1].typical > plain.rows[1].typical
    assert promoted.rows[1].years_in_role == 0
    assert promoted.rows[1].events == ("promotion to the next rung",)


def test_promotions_stop_at_the_top_rung() -> None:
    events = tuple(Event(year=2027 + i, kind="promotion") for i in range(10))
    result = project(ProjectionRequest(years=15, start_year=2026, events=events))
    assert result.rows[-1].role == "practice_administrator"
    assert "already at or above that role" in " ".join(result.rows[5].events)
    for before, after in zip(result.rows, result.rows[1:], strict=False):
        assert after.typical_real >= before.typical_real * 0.99  # a promotion never cuts pay


def test_a_move_uses_the_new_areas_wages() -> None:
    moved = project(
        ProjectionRequest(
            years=2, start_year=2026, events=(Event(year=2027, kind="location", value="boston"),)
        )
    )
    boston = project(
        ProjectionRequest(years=2, start_year=2026, inputs=SalaryInputs(location="boston"))
    )
    assert moved.rows[2].typical == pytest.approx(boston.rows[2].typical)


def test_a_first_job_ahead_starts_experience_in_its_year() -> None:
    result = project(ProjectionRequest(years=4, start_year=2026, work_starts=2028))
    assert [row.experience for row in result.rows] == [0, 0, 0, 1, 2]
    assert [row.working for row in result.rows] == [False, False, True, True, True]


def test_bad_events_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown certification 'xyz'"):
        ProjectionRequest(events=(Event(year=2027, kind="certification", value="xyz"),))
    with pytest.raises(ValueError, match="unknown role 'boss'"):
        ProjectionRequest(events=(Event(year=2027, kind="promotion", value="boss"),))
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        ProjectionRequest(years=0)


@settings(max_examples=60, deadline=None)
@given(
    years=st.integers(min_value=1, max_value=30),
    experience=st.floats(min_value=0, max_value=30, allow_nan=False),
    growth=st.floats(min_value=0, max_value=10, allow_nan=False),
)
def test_projection_band_and_totals(years: int, experience: float, growth: float) -> None:
    inputs = _flat(market_growth_pct=growth).model_copy(update={"years_experience": experience})
    result = project(ProjectionRequest(inputs=inputs, years=years, start_year=2026))
    assert len(result.rows) == years + 1
    previous = 0.0
    for row in result.rows:
        assert row.low <= row.typical <= row.high
        assert row.total_compensation >= row.cash_pay >= row.typical
        assert row.typical >= previous  # no market cut and more experience: never down
        previous = row.typical


def test_a_projection_starts_within_five_years_of_its_data() -> None:
    first = salary_model().data_year
    with pytest.raises(ValidationError, match=f"must be {first} or later"):
        ProjectionRequest(start_year=first - 1)
    with pytest.raises(ValidationError, match=f"must be {first + 5} or earlier"):
        ProjectionRequest(start_year=first + 6)
    with pytest.raises(ValidationError, match="comes before the projection starts"):
        ProjectionRequest(
            start_year=first + 1,
            events=(Event(year=first, kind="certification", value="cmaa"),),
        )
    assert project(ProjectionRequest(start_year=first, years=1)).rows[0].year == first
    assert project(ProjectionRequest(start_year=first + 5, years=1)).rows[0].year == first + 5


def test_estimate_and_projection_agree_for_another_year() -> None:
    result = project(ProjectionRequest(years=1, start_year=2027))
    assert result.today == estimate(SalaryInputs(), 2027)


def test_a_new_role_waits_for_the_first_job() -> None:
    """A promotion dated before a first job still ahead cannot begin before that job does."""
    early = (Event(year=2027, kind="promotion", value="office_manager"),)
    result = project(ProjectionRequest(years=4, start_year=2026, work_starts=2028, events=early))
    assert [row.role for row in result.rows] == [
        "care_coordinator",
        "care_coordinator",
        "office_manager",
        "office_manager",
        "office_manager",
    ]
    assert result.rows[1].events == ()
    assert result.rows[2].events == ("start as office manager",)
