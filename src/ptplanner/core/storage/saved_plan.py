"""The saved plan for ``ptplanner projection --from-plan`` and ``--career-packet``: read
straight from the file, without a store's lock or repairs, and applied to a projection request.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from ptplanner.core import paths
from ptplanner.core.plan.model import Plan
from ptplanner.core.plan.salary_link import plan_effects
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import NewerPlanError


def read_plan_for_projection(path: Path | None = None) -> Plan | None:
    """The saved plan, read without locking or repairing it (None when there is none yet).

    Raises ValueError with a one-line reason when the file cannot be read; repairing a damaged
    plan is the window's and ``ptplanner plan``'s job, where the user is told what happened.
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
        return parse_plan(data)
    except NewerPlanError as error:
        raise ValueError(
            f"your plan {path} was saved by a newer ptplanner (plan format {error.version}); "
            "update ptplanner to use it"
        ) from None
    except Exception as error:  # the store's own corrupt-file errors carry the reason
        raise ValueError(f"your plan {path} could not be read ({error})") from None


def apply_plan_to_request(
    inputs: dict[str, Any], plan_file: str | Path | None = None, today: date | None = None
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """For ``ptplanner projection --from-plan``: inputs and events with the plan applied."""
    plan = read_plan_for_projection(Path(plan_file) if plan_file else None)
    if plan is None:
        return inputs, []
    effects = plan_effects(plan, today or date.today())
    events = [event.model_dump() for event in effects.events]
    return effects.apply_to_dict(inputs), events
