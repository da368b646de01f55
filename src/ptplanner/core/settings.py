"""The user's preferences: one typed pydantic model in a versioned JSON file with migrations.

Only what differs from the defaults is written, so a later release can change a default and
users who never touched it get the new one. Window geometry is Qt's business and lives in
QSettings beside this file; everything the command line might read lives here.
A settings file that cannot be read is set aside (never deleted) and defaults are used: losing a
preference is acceptable, refusing to start is not.
"""

import contextlib
import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ptplanner.core import paths
from ptplanner.core.storage.atomic_io import atomic_write, make_private_dir

SETTINGS_VERSION = 4
SETTINGS_FILE_NAME = "settings.json"

log = logging.getLogger(__name__)

Raw = dict[str, Any]
_MIGRATIONS: dict[int, Callable[[Raw], Raw]] = {}


def migration(from_version: int) -> Callable[[Callable[[Raw], Raw]], Callable[[Raw], Raw]]:
    """Register a function that upgrades a raw settings dict from ``from_version`` by one."""

    def register(function: Callable[[Raw], Raw]) -> Callable[[Raw], Raw]:
        _MIGRATIONS[from_version] = function
        return function

    return register


@migration(1)
def _v1_to_v2(raw: Raw) -> Raw:
    # Version 1 stored the salary profile under "last_inputs" and the theme as a bool "dark".
    upgraded = {k: v for k, v in raw.items() if k not in {"last_inputs", "dark"}}
    if "last_inputs" in raw:
        upgraded["salary_inputs"] = raw["last_inputs"]
    if raw.get("dark") is not None:
        upgraded["colour_scheme"] = "dark" if raw["dark"] else "light"
    upgraded["schema_version"] = 2
    return upgraded


@migration(2)
def _v2_to_v3(raw: Raw) -> Raw:
    # Version 3 shows pay in today's dollars by default; the old switch meant "also show
    # inflation-adjusted figures" and defaulted to off, so it is not carried over. The salary
    # profile's assumptions of the first career model (a raise budget growing the whole pay
    # scale, paid time off added to pay, a fixed promotion raise) are dropped: they described
    # a model that no longer exists, and the new defaults come from BLS history.
    upgraded = {k: v for k, v in raw.items() if k != "show_inflation_adjusted"}
    inputs = raw.get("salary_inputs")
    if isinstance(inputs, dict) and isinstance(inputs.get("assumptions"), dict):
        old = inputs["assumptions"]
        kept = {
            # salary.inputs.REMOVED_ASSUMPTIONS, spelled out: a migration keeps the names it was
            # written for, and reading settings loads no salary model.
            k: v
            for k, v in old.items()
            if k not in {"raise_pct", "pto_value_pct", "promotion_pct"}
        }
        upgraded["salary_inputs"] = {**inputs, "assumptions": kept}
    upgraded["schema_version"] = 3
    return upgraded


@migration(3)
def _v3_to_v4(raw: Raw) -> Raw:
    # Version 4 greets a first launch with the welcome page. A settings file from before it
    # belongs to someone who has used the app already: they are not greeted again.
    return {**raw, "welcome_done": True, "schema_version": 4}


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    schema_version: int = SETTINGS_VERSION
    last_tab: int = Field(default=0, ge=0, le=3)
    salary_inputs: dict[str, Any] | None = None
    projection_years: int = Field(default=10, ge=1, le=50)
    dollars: Literal["today", "nominal"] = "today"
    """How pay over the years is shown: in this year's dollars, or as the amounts paid then."""
    pinned_scenarios: list[dict[str, Any]] = Field(default_factory=list)
    """Salary scenarios pinned for comparison (at most four): a name and a projection request."""
    colour_scheme: Literal["system", "light", "dark"] = "system"
    show_due_notice: bool = True
    reminders: bool = True
    """Remind of steps falling due while the window is open (a desktop or in-window notice)."""
    reminder_days: int = Field(default=7, ge=0, le=365)
    """How many days ahead of a step's target date its reminder comes (and the calendar's alarm)."""
    reminded: dict[str, str] = Field(default_factory=dict)
    """Step id to the ISO date it was last reminded of: once per step per day, across restarts."""
    welcome_done: bool = False
    """The welcome page was answered or closed: later launches open on the tabs."""


def settings_file() -> Path:
    return paths.config_dir() / SETTINGS_FILE_NAME


def migrate(raw: Raw) -> Raw:
    version = int(raw.get("schema_version", 1))
    while version < SETTINGS_VERSION:
        raw = _MIGRATIONS[version](raw)
        version = int(raw["schema_version"])
    return raw


def load_settings(path: Path | None = None) -> Settings:
    path = path or settings_file()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("settings must be a JSON object")
        if int(raw.get("schema_version", 1)) > SETTINGS_VERSION:
            log.warning("settings file %s is from a newer ptplanner; using defaults", path)
            return Settings()
        return Settings.model_validate(migrate(raw))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError, ValidationError, KeyError, TypeError) as error:
        aside = path.with_name(f"settings.unreadable-{datetime.now():%Y%m%d-%H%M%S}.json")
        with contextlib.suppress(OSError):  # unreadable and unmovable: still start
            path.rename(aside)
        log.warning("could not read settings (%s); set aside as %s", error, aside)
        return Settings()


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write only the non-default values, atomically. OSError propagates to the caller."""
    path = path or settings_file()
    make_private_dir(path.parent)
    data = settings.model_dump(exclude_defaults=True)
    data["schema_version"] = SETTINGS_VERSION
    atomic_write(path, (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8"))
