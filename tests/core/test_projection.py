"""``project()``: year-by-year pay, events, inflation and the raise, checked by hand."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import Assumptions, SalaryInputs, default_assumptions
from ptplanner.core.salary.model import salary_model


def test_rows_cover_each_year_and_compound_the_raise() -> None:
    request = ProjectionRequest(years=5, start_year=2026)
    result = project(request)
    assert [row.year for row in result.rows] == [2026, 2027, 2028, 2029, 2030, 2031]
    raise_rate = request.inputs.assumptions.raise_pct / 100
    lag = 2026 - salary_model().data_year
    for row in result.rows:
        base = estimate(request.inputs.model_copy(update={"years_experience": row.experience}))
        assert row.typical == pytest.approx(base.typical * (1 + raise_rate) ** (row.offset + lag))


def test_inflation_adjusted_figures_are_in_start_year_dollars() -> None:
    result = project(ProjectionRequest(years=10, start_year=2026))
    inflation = result.request.inputs.assumptions.inflation_pct / 100
    assert result.rows[0].typical_real == result.rows[0].typical
    last = result.rows[-1]
    assert last.typical_real == pytest.approx(last.typical / (1 + inflation) ** 10)


def test_a_planned_certification_raises_pay_from_its_year() -> None:
    plain = project(ProjectionRequest(years=4, start_year=2026))
    planned = project(
        ProjectionRequest(
            years=4, start_year=2026, events=(Event(year=2028, kind="certification", value="cmaa"),)
        )
    )
    for before, after in zip(plain.rows, planned.rows, strict=True):
        if after.year < 2028:
            assert after.typical == before.typical
        else:
            assert after.typical > before.typical
    assert planned.rows[2].events == ("earn cmaa",)


def test_promotion_scales_pay_by_the_models_percentage() -> None:
    plain = project(ProjectionRequest(years=3, start_year=2026))
    promoted = project(
        ProjectionRequest(years=3, start_year=2026, events=(Event(year=2027, kind="promotion"),))
    )
    factor = 1 + salary_model().promotion_pct / 100
    assert promoted.rows[1].typical == pytest.approx(plain.rows[1].typical * factor)
    # The note under every printout and table says what a promotion is worth, and whose figure.
    pct = f"{salary_model().promotion_pct:g}%"
    assert f"Each promotion raises pay {pct} (ptplanner's own assumption)." in (
        promoted.growth_factor_note
    )
    assert "promotion" not in plain.growth_factor_note


def test_the_promotion_raise_is_an_editable_assumption() -> None:
    promotion = (Event(year=2027, kind="promotion"),)
    plain = project(ProjectionRequest(years=3, start_year=2026))
    assumptions = default_assumptions().model_copy(update={"promotion_pct": 25.0})
    inputs = SalaryInputs(assumptions=assumptions)
    promoted = project(ProjectionRequest(inputs=inputs, years=3, start_year=2026, events=promotion))
    assert promoted.rows[0].typical == pytest.approx(plain.rows[0].typical)
    for before, after in zip(plain.rows[1:], promoted.rows[1:], strict=True):
        assert after.typical == pytest.approx(before.typical * 1.25)
    # A profile saved before the assumption existed still validates, with the model's default.
    saved = default_assumptions().model_dump()
    del saved["promotion_pct"]
    assert Assumptions.model_validate(saved).promotion_pct == salary_model().promotion_pct


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


def test_bad_events_are_rejected() -> None:
    with pytest.raises(ValueError, match="unknown certification 'xyz'"):
        ProjectionRequest(events=(Event(year=2027, kind="certification", value="xyz"),))
    with pytest.raises(ValueError, match="greater than or equal to 1"):
        ProjectionRequest(years=0)


@settings(max_examples=60, deadline=None)
@given(
    years=st.integers(min_value=1, max_value=30),
    experience=st.floats(min_value=0, max_value=30, allow_nan=False),
    raise_pct=st.floats(min_value=0, max_value=10, allow_nan=False),
)
def test_projection_band_and_totals(years: int, experience: float, raise_pct: float) -> None:
    inputs = SalaryInputs(years_experience=experience)
    inputs = inputs.model_copy(
        update={"assumptions": inputs.assumptions.model_copy(update={"raise_pct": raise_pct})}
    )
    result = project(ProjectionRequest(inputs=inputs, years=years, start_year=2026))
    assert len(result.rows) == years + 1
    previous = 0.0
    for row in result.rows:
        assert row.low <= row.typical <= row.high
        assert row.total_compensation >= row.typical
        assert row.typical >= previous  # no raise cut and more experience: never down
        previous = row.typical


def test_a_projection_cannot_start_before_its_data_or_hold_past_events() -> None:
    from pydantic import ValidationError

    first = salary_model().data_year
    with pytest.raises(ValidationError, match=f"must be {first} or later"):
        ProjectionRequest(start_year=first - 1)
    with pytest.raises(ValidationError, match="comes before the projection starts"):
        ProjectionRequest(
            start_year=first + 1,
            events=(Event(year=first, kind="certification", value="cmaa"),),
        )
    assert project(ProjectionRequest(start_year=first, years=1)).rows[0].year == first
