"""Upgrading plan files written by older versions, one schema version at a time.

Each step is a function registered with ``@migration(from_version)`` that takes the raw JSON dict
of version N and returns version N + 1; :func:`migrate` chains them up to
:data:`~ptplanner.core.plan.model.SCHEMA_VERSION`. A change to the plan model's fields therefore
means a new schema version and a step here. The store keeps the original file in ``backups/``
before the first save of an upgraded plan.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from typing import Any

from ptplanner.core.plan.model import SCHEMA_VERSION, Status, utc_now
from ptplanner.core.storage.errors import CorruptPlanError

RawPlan = dict[str, Any]
Migration = Callable[[RawPlan], RawPlan]
MIGRATIONS: dict[int, Migration] = {}


def migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register a function that upgrades a raw plan dict from ``from_version`` to the next one."""

    def register(function: Migration) -> Migration:
        if from_version in MIGRATIONS:
            raise ValueError(f"two migrations from schema version {from_version}")
        MIGRATIONS[from_version] = function
        return function

    return register


def schema_version_of(raw: RawPlan) -> int:
    """The file's schema version; files from before versioning (v0) have none."""
    version = raw.get("schema_version", 0)
    if isinstance(version, bool) or not isinstance(version, int) or version < 0:
        raise CorruptPlanError("its schema_version is not a whole number")
    return version


def migrate(raw: RawPlan) -> RawPlan:
    """Upgrade a raw plan dict step by step to :data:`SCHEMA_VERSION`."""
    version = schema_version_of(raw)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise CorruptPlanError(f"no upgrade is known from schema version {version}")
        try:
            raw = step(raw)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            problem = f"it could not be upgraded from version {version} ({error})"
            raise CorruptPlanError(problem) from error
        if schema_version_of(raw) != version + 1:
            raise RuntimeError(f"migration from v{version} did not produce v{version + 1}")
        version += 1
    return raw


_V0_ID_NAMESPACE = uuid.UUID("6f1d3c52-8a4e-4f0b-9a57-3c2e1b7d9e40")


def stable_id(position: tuple[int, ...], title: object) -> str:
    """An id for an item of an old file that had none, the same on every load of that file.

    A v0 file stays v0 until the first save, so ``plan list`` followed by ``plan done <id>``
    loads it twice: random ids would never match. The position in the tree makes ids unique
    within the file; the title keeps two different files from sharing ids.
    """
    key = json.dumps([list(position), title], ensure_ascii=True, default=str)
    return str(uuid.uuid5(_V0_ID_NAMESPACE, key))  # shaped like the ids new steps get


@migration(0)
def _v0_to_v1(raw: RawPlan) -> RawPlan:
    """v0 (the first prototype) kept ``items`` with a ``done`` flag and a ``due`` date, no ids,
    no status and no timestamps. Unknown keys are left in place so validation rejects them rather
    than the upgrade silently dropping data."""
    stamp = utc_now().isoformat()

    def item(old: dict[str, Any], position: tuple[int, ...]) -> dict[str, Any]:
        new = {key: value for key, value in old.items() if key not in {"done", "due", "items"}}
        if "id" not in new:
            new["id"] = stable_id(position, old.get("title"))
        new["status"] = Status.DONE.value if old.get("done") else Status.NOT_STARTED.value
        if old.get("due") is not None:
            new["target_date"] = old["due"]
        children = old.get("items", [])
        new["children"] = [item(child, (*position, n)) for n, child in enumerate(children)]
        return new

    upgraded = {key: value for key, value in raw.items() if key != "items"}
    upgraded["schema_version"] = 1
    upgraded.setdefault("created", stamp)
    upgraded.setdefault("modified", stamp)
    items = raw.get("items", [])
    upgraded["milestones"] = [item(child, (n,)) for n, child in enumerate(items)]
    return upgraded
