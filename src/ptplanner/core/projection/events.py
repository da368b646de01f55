"""A planned event ("CMAA in 2027", "start as office manager in 2031") and what it does to the
profile: the vocabulary shared by the request (which checks events) and the career walk (which
applies them)."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ptplanner.core.format import lower_first
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.ladder import next_rung, rung, rung_index
from ptplanner.core.salary.model import salary_model

EventKind = Literal[
    "certification", "education", "employer_type", "location", "skill", "role", "promotion"
]


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
                return f"start as {lower_first(rung(self.value).title)}"
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


def apply_event(inputs: SalaryInputs, event: Event) -> SalaryInputs:
    """The profile after a non-role event (a role event's rung is checked and set); raises
    ValueError for an id the model does not know."""
    data: dict[str, object]
    if event.kind == "certification":
        data = {"certifications": inputs.certifications | {event.value}}
    elif event.kind == "skill":
        data = {"skills": inputs.skills | {event.value}}
    elif event.kind == "education":
        order = [level.id for level in salary_model().education]
        if event.value not in order:
            raise ValueError(f"unknown education {event.value!r}")
        data = {"education": max(inputs.education, event.value, key=order.index)}
    elif event.kind == "employer_type":
        data = {"employer_type": event.value}
    elif event.kind == "location":
        data = {"location": event.value}
    else:
        target = promotion_target(inputs.role, event)
        data = {"role": target if target is not None else inputs.role}
    return SalaryInputs.model_validate({**inputs.model_dump(), **data})


def promotion_target(current: str, event: Event) -> str | None:
    """The rung a role or promotion event moves to; None if it would not move the person up."""
    if event.value:
        try:
            target = rung(event.value)
        except KeyError:
            ids = ", ".join(r.id for r in salary_model().ladder)
            raise ValueError(f"unknown role {event.value!r}; choose one of: {ids}") from None
    else:
        above = next_rung(current)
        if above is None:
            return None
        target = above
    return target.id if rung_index(target.id) > rung_index(current) else None
