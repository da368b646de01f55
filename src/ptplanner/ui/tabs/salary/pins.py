"""Pinned scenarios: up to four projections kept to compare with the one on show.

Each is named by the person (by default in words: "Boston, Office manager, 2 years, CMAA"),
and kept across restarts as its projection request (profile, length, plan events) in the
settings file; on loading it is projected again from this year, so its figures follow the data
the app ships, as the scenario on show does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from ptplanner.core.locations import LocationError
from ptplanner.core.projection import Projection, ProjectionRequest, project
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.ladder import rung

MAX_PINS = 4


@dataclass(frozen=True)
class PinnedScenario:
    name: str
    projection: Projection

    @property
    def label(self) -> str:  # the name the graph and the printout show
        return self.name


def default_name(inputs: SalaryInputs) -> str:
    """A pinned scenario's name in words: "Boston, Office manager, 2 years, CMAA"."""
    area = inputs.location.split(",")[0].split("-")[0].strip()
    years = inputs.years_experience
    parts = [area, rung(inputs.role).title, f"{years:g} year{'' if years == 1 else 's'}"]
    certs = " and ".join(sorted(c.upper() for c in inputs.certifications))
    if certs:
        parts.append(certs)
    return ", ".join(parts)


def unique_name(name: str, taken: list[str]) -> str:
    """``name``, or "name (2)" and so on if a pinned scenario already has it."""
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name} ({n})", n + 1
    return candidate


def dump_pin(pin: PinnedScenario) -> dict[str, Any]:
    """What the settings file keeps of a pin: its name and request, without the start year."""
    request = pin.projection.request.model_dump(mode="json", exclude={"start_year"})
    return {"name": pin.name, "request": request}


def load_pins(saved: list[dict[str, Any]], start_year: int) -> list[PinnedScenario]:
    """The pins saved in the settings file, projected again from ``start_year``; one that no
    longer validates (an area a later BLS release dropped, say) is left out."""
    pins: list[PinnedScenario] = []
    for entry in saved[:MAX_PINS]:
        try:
            name = str(entry["name"]).strip()
            data = dict(entry["request"])
            data["inputs"] = SalaryInputs.from_saved(dict(data["inputs"])).model_dump()
            request = ProjectionRequest.model_validate({**data, "start_year": start_year})
            pins.append(PinnedScenario(name or default_name(request.inputs), project(request)))
        except (KeyError, TypeError, ValueError, ValidationError, LocationError):
            continue
    return pins
