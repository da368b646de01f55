"""``project()`` re-uses the engine's figures between calls: results must equal fresh ones.

The engine's numbers are memoised per career state (with the default assumptions in the key,
since the numbers do not use them) and the estimates per profile, year and state; a remembered
figure must never leak from one request into another.
"""

from __future__ import annotations

import importlib

from hypothesis import given, settings
from hypothesis import strategies as st

from ptplanner.core.projection import Event, ProjectionRequest, project
from ptplanner.core.salary.inputs import Assumptions, SalaryInputs
from ptplanner.core.salary.ladder import rung_pay
from ptplanner.core.salary.pay import pay_figures

PROFILES = st.builds(
    SalaryInputs,
    years_experience=st.integers(min_value=0, max_value=25).map(float),
    certifications=st.sampled_from(
        [frozenset(), frozenset({"cmaa"}), frozenset({"cmaa", "cehrs"})]
    ),
    location=st.sampled_from(["National", "boston", "texas", "denver"]),
    skills=st.sampled_from([frozenset(), frozenset({"emr"})]),
    role=st.sampled_from(["receptionist", "care_coordinator", "office_manager"]),
)
ASSUMPTIONS = st.fixed_dictionaries(
    {
        "market_growth_pct": st.floats(min_value=-3, max_value=10, allow_nan=False),
        "inflation_pct": st.floats(min_value=-2, max_value=10, allow_nan=False),
        "bonus_pct": st.floats(min_value=0, max_value=30, allow_nan=False),
        "match_rate_pct": st.sampled_from([0.0, 50.0, 100.0]),
        "profit_sharing_usd": st.sampled_from([0.0, 1500.0]),
    }
)
EVENTS = st.sampled_from(
    [
        (),
        (Event(year=2028, kind="promotion"),),
        (Event(year=2027, kind="location", value="boston"), Event(year=2029, kind="promotion")),
    ]
)


def _with(inputs: SalaryInputs, changes: dict[str, float]) -> SalaryInputs:
    assumptions = Assumptions.model_validate({**inputs.assumptions.model_dump(), **changes})
    return inputs.model_copy(update={"assumptions": assumptions})


def _forget() -> None:
    pay_figures.cache_clear()
    rung_pay.cache_clear()
    # the module, not the function of the same name the package exports
    importlib.import_module("ptplanner.core.projection.project")._estimate.cache_clear()


@settings(max_examples=30, deadline=None)
@given(profile=PROFILES, first=ASSUMPTIONS, second=ASSUMPTIONS, events=EVENTS)
def test_a_second_projection_equals_a_fresh_one(
    profile: SalaryInputs,
    first: dict[str, float],
    second: dict[str, float],
    events: tuple[Event, ...],
) -> None:
    project(ProjectionRequest(inputs=_with(profile, first), years=8, start_year=2026))
    request = ProjectionRequest(
        inputs=_with(profile, second), years=8, start_year=2026, events=events
    )
    remembered = project(request)
    _forget()
    assert project(request) == remembered


def test_planned_events_still_apply_after_earlier_projections() -> None:
    event = Event(year=2028, kind="location", value="boston")
    plain = project(ProjectionRequest(years=4, start_year=2026))
    moved = project(ProjectionRequest(years=4, start_year=2026, events=(event,)))
    assert project(ProjectionRequest(years=4, start_year=2026)) == plain
    assert moved.rows[1] == plain.rows[1]
    assert moved.rows[2].typical > plain.rows[2].typical  # Boston pays more than the nation
    assert moved.rows[2].bls_p90 > plain.rows[2].bls_p90
