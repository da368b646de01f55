"""What a projection is asked for: the profile, the span, the planned events, and the bounds every
request must respect (the window and the command line share them by validating here).
"""

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ptplanner.core.projection.events import Event, apply_event
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.model import salary_model

MAX_YEARS_PAST_DATA = 5
"""How far past BLS's data year a projection may start: beyond it, "today" would rest on a
carried-forward guess rather than on figures, and a newer BLS release is due."""

Dollars = Literal["today", "nominal"]
"""How pay is shown: in the first year's dollars (the default) or as the amounts paid then."""


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
    def _events_checked(self) -> "ProjectionRequest":
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
