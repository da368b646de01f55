"""The saved plan for ``ptplanner projection --from-plan`` and ``--career-packet``: read
straight from the file, without a store's lock or repairs, and applied to a projection request.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ptplanner.core import paths
from ptplanner.core.plan.model import (
    Plan,
    cleared_dates_notice,
    tolerating_out_of_range_dates,
)
from ptplanner.core.plan.salary_link import plan_effects
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import NewerPlanError


def read_plan_for_projection(
    path: Path | None = None, notes: list[str] | None = None
) -> Plan | None:
    """The saved plan, read without locking or repairing it (None when there is none yet).

    Raises ValueError with a one-line reason when the file cannot be read; repairing a damaged
    plan is the window's and ``ptplanner plan``'s job, where the user is told what happened.
    A date outside the plan's range (from an older ptplanner) is left out, and ``notes``, when
    given, gets a sentence saying so.
    """
    named = path is not None
    path = path or paths.plan_file()
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if named:  # a file the user named must exist; only the default plan may be absent
            raise ValueError(f"no plan file at {path}") from None
        return None
    except OSError as error:
        raise ValueError(f"cannot read your plan {path}: {error.strerror}") from None
    try:
        with tolerating_out_of_range_dates() as cleared:
            plan = parse_plan(data)
    except NewerPlanError as error:
        raise ValueError(
            f"your plan {path} was saved by a newer ptplanner (plan format {error.version}); "
            "update ptplanner to use it"
        ) from None
    except Exception as error:  # the store's own corrupt-file errors carry the reason
        raise ValueError(f"your plan {path} could not be read ({error})") from None
    notice = cleared_dates_notice(cleared)
    if notice is not None and notes is not None:
        notes.append(notice)
    return plan


def apply_plan_to_request(
    inputs: dict[str, Any],
    plan_file: str | Path | None = None,
    today: date | None = None,
    notes: list[str] | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """For ``ptplanner projection --from-plan``: inputs and events with the plan applied.

    ``notes`` collects what the user should be told about the plan read (see
    :func:`read_plan_for_projection`).
    """
    plan = read_plan_for_projection(Path(plan_file) if plan_file else None, notes)
    if plan is None:
        return inputs, []
    effects = plan_effects(plan, today or date.today())
    updated = effects.apply_to_dict(inputs)
    told = notes if notes is not None else []
    # Links are checked where they enter, but a plan saved before that may name an area that no
    # BLS table has: leave that step out and say so, rather than blame an option never given.
    if effects.location is not None and not _known_area(effects.location):
        told.append(
            f"left out: the plan's move to {effects.location!r}, an area ptplanner does not know"
        )
        if "location" in inputs:
            updated["location"] = inputs["location"]
        else:
            updated.pop("location", None)
    events = []
    for event in effects.events:
        if event.kind == "location" and not _known_area(event.value):
            told.append(
                f"left out: {event.label}: {event.value!r} is an area ptplanner does not know"
            )
            continue
        events.append(event.model_dump())
    return updated, events


def _known_area(text: str) -> bool:
    from ptplanner.core.locations import LocationError, find_area

    try:
        find_area(text)
    except LocationError:
        return False
    return True
