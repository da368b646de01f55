"""The saved plan for ``ptplanner projection --from-plan`` and ``--career-packet``: read
straight from the file, without a store's lock or repairs. What it means for pay is worked out by
:func:`ptplanner.core.plan.profile.profile_for_plan`, as in the window.
"""

from __future__ import annotations

from pathlib import Path

from ptplanner.core import paths
from ptplanner.core.plan.model import (
    Plan,
    cleared_dates_notice,
    tolerating_out_of_range_dates,
)
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
