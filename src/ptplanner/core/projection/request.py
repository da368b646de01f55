"""What a projection is asked for: the profile, the span, the planned events, and the bounds every
request must respect (the window and the command line share them by validating here).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.model import salary_model

EventKind = Literal[
    "certification", "education", "employer_type", "location", "skill", "role", "promotion"
]

MAX_YEARS_PAST_DATA = 5
"""How far past BLS's data year a projection may start: beyond it, "today" would rest on a
carried-forward guess rather than on figures, and a newer BLS release is due."""

Dollars = Literal["today", "nominal"]
"""How pay is shown: in the first year's dollars (the default) or as the amounts paid then."""


class Event(BaseModel):
    """Something that changes pay from a given year on: "CMAA in 2027", "move to Boston in 2029",
    "start as office manager in 2031"."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    year: int = Field(ge=1900, le=2200)
    kind: EventKind
    value: str = ""
    """The new value; for a promotion, the rung (empty: the next rung up)."""
    label: str = ""
    month: int | None = Field(default=None, ge=1, le=12)
    """The month within ``year``, where the plan gives one: orders events within a year."""

    def describe(self) -> str:
        if self.label:
            return self.label
        if self.kind in {"role", "promotion"}:
            from ptplanner.core.salary.ladder import rung

            if self.value:
                return f"start as {rung(self.value).title.lower()}"
            return "promotion to the next rung"
        if self.kind == "skill":
            skill = next((s for s in salary_model().skills if s.id == self.value), None)
            return f"learn {skill.label if skill else self.value}"
        names = {
            "certification": "earn",
            "education": "finish",
            "employer_type": "switch to",
            "location": "move to",
        }
        return f"{names[self.kind]} {self.value}".strip()

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.year, self.month or 0, self.describe())


class ProjectionRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    inputs: SalaryInputs = Field(default_factory=SalaryInputs)
    years: int = Field(default=10, ge=1, le=50)
    start_year: int = Field(default_factory=lambda: dt.date.today().year, ge=2000, le=2200)
    events: tuple[Event, ...] = ()
    work_starts: int | None = Field(default=None, ge=1900, le=2250)
    """The year experience starts counting (a first job still ahead); None: already working."""

    @field_validator("start_year")
    @classmethod
    def _within_the_data(cls, value: int) -> int:
        # BLS pay describes May of the data year; an earlier start would label it with a year
        # it does not describe, and a much later one would rest on figures long out of date.
        first = salary_model().data_year
        last = first + MAX_YEARS_PAST_DATA
        if value < first:
            raise ValueError(f"must be {first} or later (the BLS pay data are for May {first})")
        if value > last:
            raise ValueError(
                f"must be {last} or earlier: the BLS pay data are for May {first}, and "
                f"ptplanner carries them forward at most {MAX_YEARS_PAST_DATA} years"
            )
        return value

    @model_validator(mode="after")
    def _events_checked(self) -> ProjectionRequest:
        from ptplanner.core.projection.career import apply_event

        for event in self.events:
            if event.year < self.start_year:
                raise ValueError(
                    f"the event {event.describe()!r} in {event.year} comes before the projection "
                    f"starts ({self.start_year}); what you already have belongs in the profile"
                )
            apply_event(self.inputs, event)  # raises ValueError for an unknown id
        return self

    def ordered_events(self) -> tuple[Event, ...]:
        """The events in date order (month within a year where known)."""
        return tuple(sorted(self.events, key=lambda event: event.sort_key))
