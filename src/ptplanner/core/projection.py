"""``project()``: pay year by year; the one function behind the Salary tab, printout and CLI.

Each year re-runs the salary engine with the experience gained by then and any planned events
(a certification earned, a degree finished, a move, a new employer, a promotion), then carries the
BLS pay level forward with the annual raise. Inflation-adjusted figures are in start-year dollars.

The engine's figures for a profile are memoised: the Salary tab re-projects on every input change,
and most changes (a year more experience, another raise or inflation rate) re-ask for estimates
already made. The engine and its data are pure and load once, so a remembered figure never goes
stale, and ``project()`` stays a pure function of its request.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ptplanner.core.salary.compensation import compensation, total_compensation
from ptplanner.core.salary.estimate import Estimate, estimate, pay_figures
from ptplanner.core.salary.inputs import SalaryInputs, default_assumptions
from ptplanner.core.salary.model import salary_model
from ptplanner.core.sources import Strict

EventKind = Literal["certification", "education", "employer_type", "location", "promotion"]


class Event(BaseModel):
    """Something that changes pay from a given year on: "CMAA in 2027", "move to Boston in 2029"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    year: int = Field(ge=1900, le=2200)
    kind: EventKind
    value: str = ""
    label: str = ""

    def describe(self) -> str:
        if self.label:
            return self.label
        names = {
            "certification": "earn",
            "education": "finish",
            "employer_type": "switch to",
            "location": "move to",
            "promotion": "promotion",
        }
        return f"{names[self.kind]} {self.value}".strip()


class ProjectionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    inputs: SalaryInputs = Field(default_factory=SalaryInputs)
    years: int = Field(default=10, ge=1, le=50)
    start_year: int = Field(default_factory=lambda: dt.date.today().year, ge=2000, le=2200)
    events: tuple[Event, ...] = ()

    @field_validator("start_year")
    @classmethod
    def _not_before_the_data(cls, value: int) -> int:
        # BLS pay describes May of the data year; an earlier start would label it with a year
        # it does not describe.
        first = salary_model().data_year
        if value < first:
            raise ValueError(f"must be {first} or later (the BLS pay data are for May {first})")
        return value

    @model_validator(mode="after")
    def _events_checked(self) -> ProjectionRequest:
        for event in self.events:
            if event.year < self.start_year:
                raise ValueError(
                    f"the event {event.describe()!r} in {event.year} comes before the projection "
                    f"starts ({self.start_year}); what you already have belongs in the profile"
                )
            apply_event(self.inputs, event)  # raises ValueError for an unknown id
        return self


class YearRow(Strict):
    year: int
    offset: int
    experience: float
    stage: str
    low: float
    typical: float
    high: float
    total_compensation: float
    typical_real: float
    total_real: float
    bls_p10: float
    bls_p90: float
    events: tuple[str, ...]


class Projection(Strict):
    request: ProjectionRequest
    today: Estimate
    rows: tuple[YearRow, ...]
    growth_factor_note: str

    @property
    def final(self) -> YearRow:
        return self.rows[-1]


def apply_event(inputs: SalaryInputs, event: Event) -> SalaryInputs:
    """The profile after an event; promotions change no input (they scale pay instead)."""
    data: dict[str, object]
    if event.kind == "certification":
        data = {"certifications": inputs.certifications | {event.value}}
    elif event.kind == "education":
        order = [level.id for level in salary_model().education]
        if event.value not in order:
            raise ValueError(f"unknown education {event.value!r}")
        best = max(inputs.education, event.value, key=order.index)
        data = {"education": best}
    elif event.kind == "employer_type":
        data = {"employer_type": event.value}
    elif event.kind == "location":
        data = {"location": event.value}
    else:
        return inputs
    return SalaryInputs.model_validate({**inputs.model_dump(), **data})


def _profile(inputs: SalaryInputs, **changes: object) -> SalaryInputs:
    """A memo key: the profile with the default assumptions in place of the person's own.

    ``estimate()`` uses the assumptions for the estimate's ``compensation`` and nothing else, so
    a new raise or inflation rate can re-use every year's pay (tests/core pins this down).
    """
    return inputs.model_copy(update={**changes, "assumptions": default_assumptions()})


@lru_cache(maxsize=64)
def _estimate(profile: SalaryInputs) -> Estimate:
    return estimate(profile)


def _today(inputs: SalaryInputs) -> Estimate:
    """``estimate(inputs)``, re-using the estimate for the same profile under other assumptions."""
    found = _estimate(_profile(inputs))
    if inputs.assumptions == default_assumptions():
        return found
    return found.model_copy(
        update={"compensation": compensation(found.typical, inputs.assumptions)}
    )


def project(request: ProjectionRequest) -> Projection:
    """Pay for each year from ``start_year`` through ``start_year + years``."""
    model = salary_model()
    assumptions = request.inputs.assumptions
    raise_rate = assumptions.raise_pct / 100.0
    inflation = assumptions.inflation_pct / 100.0
    # BLS figures describe May of the data year; carry them to the start year at the raise rate.
    lag = max(0, request.start_year - model.data_year)
    promotion = 1.0 + assumptions.promotion_pct / 100.0

    events = sorted(request.events, key=lambda e: e.year)
    today = _today(request.inputs)
    rows: list[YearRow] = []
    inputs = request.inputs
    promotions = 0
    pending = list(events)
    for offset in range(request.years + 1):
        year = request.start_year + offset
        happened = [e for e in pending if e.year <= year]
        pending = [e for e in pending if e.year > year]
        for event in happened:
            inputs = apply_event(inputs, event)
            promotions += event.kind == "promotion"
        experience = request.inputs.years_experience + offset
        # The engine's numbers alone, remembered per profile (pay_figures is cached).
        current = pay_figures(_profile(inputs, years_experience=experience))
        growth = (1.0 + raise_rate) ** (offset + lag) * promotion**promotions
        deflator = (1.0 + inflation) ** offset
        typical = current.typical * growth
        total = total_compensation(typical, assumptions)
        rows.append(
            YearRow(
                year=year,
                offset=offset,
                experience=experience,
                stage=current.stage_label,
                low=current.low * growth,
                typical=typical,
                high=current.high * growth,
                total_compensation=total,
                typical_real=typical / deflator,
                total_real=total / deflator,
                bls_p10=current.bls_percentiles[0] * (1.0 + raise_rate) ** (offset + lag),
                bls_p90=current.bls_percentiles[4] * (1.0 + raise_rate) ** (offset + lag),
                events=tuple(e.describe() for e in happened),
            )
        )
    note = (
        f"BLS {today.data_date} pay carried forward {lag} year(s) to {request.start_year} and then "
        f"raised {assumptions.raise_pct:g}% a year; inflation-adjusted figures use "
        f"{assumptions.inflation_pct:g}% a year, in {request.start_year} dollars."
    )
    if any(event.kind == "promotion" for event in events):
        note += (
            f" Each promotion raises pay {assumptions.promotion_pct:g}% "
            "(ptplanner's own assumption)."
        )
    return Projection(request=request, today=today, rows=tuple(rows), growth_factor_note=note)
