"""``project()`` re-uses the engine's estimates between calls: results must equal fresh ones.

The memo keys each year's pay on the profile without the assumptions, which is right only while
``estimate()`` uses the assumptions for nothing but total compensation; the first test pins that.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.compensation import compensation
from ptplanner.core.salary.estimate import estimate
from ptplanner.core.salary.inputs import Assumptions, SalaryInputs

PROFILES = st.builds(
    SalaryInputs,
    years_experience=st.integers(min_value=0, max_value=25).map(float),
    certifications=st.sampled_from(
        [frozenset(), frozenset({"cmaa"}), frozenset({"cmaa", "cehrs"})]
    ),
    location=st.sampled_from(["National", "boston", "texas", "denver"]),
    skills=st.sampled_from([frozenset(), frozenset({"emr"})]),
)
ASSUMPTIONS = st.fixed_dictionaries(
    {
        "raise_pct": st.floats(min_value=-5, max_value=10, allow_nan=False),
        "inflation_pct": st.floats(min_value=0, max_value=10, allow_nan=False),
        "bonus_pct": st.floats(min_value=0, max_value=30, allow_nan=False),
        "match_rate_pct": st.sampled_from([0.0, 50.0, 100.0]),
        "profit_sharing_usd": st.sampled_from([0.0, 1500.0]),
    }
)


def _with(inputs: SalaryInputs, changes: dict[str, float]) -> SalaryInputs:
    assumptions = Assumptions.model_validate({**inputs.assumptions.model_dump(), **changes})
    return inputs.model_copy(update={"assumptions": assumptions})


@settings(max_examples=40, deadline=None)
@given(profile=PROFILES, changes=ASSUMPTIONS)
def test_assumptions_only_change_compensation(
    profile: SalaryInputs, changes: dict[str, float]
) -> None:
    own = _with(profile, changes)
    plain = estimate(profile)
    assert estimate(own) == plain.model_copy(
        update={"compensation": compensation(plain.typical, own.assumptions)}
    )


@settings(max_examples=40, deadline=None)
@given(profile=PROFILES, first=ASSUMPTIONS, second=ASSUMPTIONS)
def test_a_second_projection_equals_the_engines_figures(
    profile: SalaryInputs,
    first: dict[str, float],
    second: dict[str, float],
) -> None:
    project(ProjectionRequest(inputs=_with(profile, first), years=8, start_year=2026))
    inputs = _with(profile, second)
    result = project(ProjectionRequest(inputs=inputs, years=8, start_year=2026))
    assert result.today == estimate(inputs)
    base = result.rows[0].typical / estimate(inputs).typical
    raise_rate = inputs.assumptions.raise_pct / 100
    for row in result.rows:
        year = estimate(inputs.model_copy(update={"years_experience": row.experience}))
        growth = base * (1 + raise_rate) ** row.offset
        assert row.stage == year.stage_label
        assert row.typical == pytest.approx(year.typical * growth)
        assert row.low == pytest.approx(year.low * growth)
        assert row.high == pytest.approx(year.high * growth)
        assert row.total_compensation == pytest.approx(
            compensation(year.typical * growth, inputs.assumptions).total
        )


def test_planned_events_still_apply_after_earlier_projections() -> None:
    event = Event(year=2028, kind="location", value="boston")
    plain = project(ProjectionRequest(years=4, start_year=2026))
    moved = project(ProjectionRequest(years=4, start_year=2026, events=(event,)))
    assert project(ProjectionRequest(years=4, start_year=2026)) == plain
    national = estimate(SalaryInputs(years_experience=2.0))
    boston = estimate(SalaryInputs(years_experience=2.0, location="boston"))
    assert moved.rows[1] == plain.rows[1]
    assert moved.rows[2].typical / plain.rows[2].typical == pytest.approx(
        boston.typical / national.typical
    )
    assert moved.rows[2].bls_p90 / plain.rows[2].bls_p90 == pytest.approx(
        boston.bls_percentiles[4] / national.bls_percentiles[4]
    )
