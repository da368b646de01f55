"""Sync tools' conflict copies of the plan file: finding them, reading them, putting them away.

When two computers change ``plan.json`` while apart, the sync tool keeps one version under the
plan's name and the other beside it under a name of its own. The forms recognised here, for a
plan file ``plan.json``:

* Syncthing: ``plan.sync-conflict-20261202-101500-ABCDEFG.json``, i.e.
  ``<name>.sync-conflict-<date>-<time>-<modifiedBy>.<ext>``, the last part being the first
  characters of the device ID that made the losing change (docs.syncthing.net, "Understanding
  Synchronization", Conflicting Changes).
* Dropbox: ``plan (conflicted copy 2026-12-02).json`` or ``plan (Dana's conflicted copy
  2026-12-02).json``: the same name "appended with 'conflicted copy', the name of the person or
  computer responsible, and the date" (Dropbox Help, "What's a conflicted copy?").
* Nextcloud: ``plan (conflicted copy 2026-12-02 101500).json`` (Nextcloud User Manual, desktop
  client, "Conflicts": ``mydata (conflicted copy 2018-04-10 093612).txt``), and the older
  ownCloud-style ``plan_conflict-20261202-101500.json``.
* OneDrive: ``plan-HOSTNAME.json``, ``plan-HOSTNAME-2.json``: OneDrive keeps both versions by
  adding the computer's name to the one it could not sync (Microsoft support, "OneDrive sync
  conflicts"; the form also in the issue). Names that are a date stamp (ptplanner's own backups
  use ``plan-YYYYmmdd-HHMMSS-ffffff.json``, kept in ``backups/`` anyway) are not taken for one.

ptplanner's own files beside the plan never match: the temp files of a save
(``.plan.json.XXXX.tmp``), ``plan.lock`` and ``plan.corrupt-*.json``. A copy is read like the
plan itself (regular files only, size-capped, migrated); a damaged copy is never merged but moved
into ``backups/`` under a name that is not found again.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ptplanner.core.plan.merge import MergeResult, merge_plans
from ptplanner.core.plan.model import Plan
from ptplanner.core.storage.atomic_io import fsync_dir, make_private_dir, unique_path
from ptplanner.core.storage.codec import MAX_PLAN_BYTES, parse_plan
from ptplanner.core.storage.errors import (
    ConflictCopyError,
    CorruptCopyError,
    CorruptPlanError,
    NewerPlanError,
)
from ptplanner.core.storage.safe_read import RefusedFileError, read_regular_file

_ISO_DAY = r"\d{4}-\d{2}-\d{2}"
_HOST_PART = r"(?=[A-Za-z0-9_]*[A-Za-z])[A-Za-z0-9_]+"
_DATE_LIKE = re.compile(r"^\d{8}(-\d{6}(-\d{6})?)?(-[a-z0-9]+)?$")


@dataclass(frozen=True)
class ConflictCopy:
    path: Path
    tool: str
    """The sync tool whose naming it follows: Syncthing, Dropbox, Nextcloud or OneDrive."""
    when: datetime | None
    """When the conflict happened, from the name (date only for Dropbox; None for OneDrive)."""
    who: str | None = None
    """The device, person or computer the name gives, if any."""

    def describe(self) -> str:
        """ "A conflict copy from Syncthing, 2 Dec 2026 10:15", for a message."""
        text = f"A conflict copy from {self.tool}"
        if self.when is not None:
            shown = f"{self.when.day} {self.when:%b %Y}"
            if self.when.hour or self.when.minute or self.when.second:
                shown += f" {self.when:%H:%M}"
            text += f", {shown}"
        return text


def _patterns(stem: str, suffix: str) -> list[tuple[str, re.Pattern[str]]]:
    name, ext = re.escape(stem), re.escape(suffix)
    return [
        (
            "Syncthing",
            re.compile(
                rf"^{name}\.sync-conflict-(?P<d>\d{{8}})-(?P<t>\d{{6}})-(?P<who>[A-Z0-9]+){ext}$"
            ),
        ),
        (
            "Nextcloud",
            re.compile(rf"^{name} \(conflicted copy (?P<iso>{_ISO_DAY}) (?P<t>\d{{6}})\){ext}$"),
        ),
        (
            "Dropbox",
            re.compile(
                rf"^{name} \((?:(?P<who>[^()]+?)'s )?conflicted copy "
                rf"(?P<iso>{_ISO_DAY})(?: \(\d+\))?\){ext}$"
            ),
        ),
        ("Nextcloud", re.compile(rf"^{name}_conflict-(?P<d>\d{{8}})-(?P<t>\d{{6}}){ext}$")),
        (
            "OneDrive",
            # A computer's name: parts joined by "-", each with a letter; then maybe "-2".
            re.compile(rf"^{name}-(?P<who>{_HOST_PART}(?:-{_HOST_PART})*)(?:-\d+)?{ext}$"),
        ),
    ]


def _when(match: re.Match[str]) -> datetime | None:
    groups = match.groupdict()
    try:
        if groups.get("d"):
            return datetime.strptime(f"{groups['d']}{groups['t']}", "%Y%m%d%H%M%S")
        if groups.get("iso"):
            day = datetime.strptime(groups["iso"], "%Y-%m-%d")
            time = groups.get("t")
            return (
                day.replace(hour=int(time[:2]), minute=int(time[2:4]), second=int(time[4:]))
                if time
                else day
            )
    except ValueError:
        return None
    return None


def recognise(plan_path: Path, name: str) -> ConflictCopy | None:
    """The conflict copy ``name`` (a file beside ``plan_path``) is, or None."""
    for tool, pattern in _patterns(plan_path.stem, plan_path.suffix):
        match = pattern.match(name)
        if match is None:
            continue
        if tool == "OneDrive" and _DATE_LIKE.match(match.group("who")):
            return None  # a backup's date stamp, not a computer's name
        when = _when(match)
        if tool != "OneDrive" and when is None:
            return None  # not a real date: somebody's own file, not a sync tool's copy
        return ConflictCopy(plan_path.parent / name, tool, when, match.groupdict().get("who"))
    return None


def find_conflict_copies(plan_path: Path) -> list[ConflictCopy]:
    """The conflict copies of ``plan_path`` beside it, oldest first (regular files only)."""
    found: list[ConflictCopy] = []
    try:
        entries = list(os.scandir(plan_path.parent))
    except OSError:
        return []
    for entry in entries:
        if entry.name == plan_path.name or entry.name.startswith("."):
            continue
        copy = recognise(plan_path, entry.name)
        if copy is None:
            continue
        with contextlib.suppress(OSError):
            if entry.is_file():
                found.append(copy)
    found.sort(key=lambda copy: (copy.when or datetime.max, copy.path.name))
    return found


def read_copy(path: Path) -> Plan:
    """The plan in a conflict copy; ConflictCopyError (nothing moved) if it cannot be used."""
    try:
        return parse_plan(read_regular_file(path, MAX_PLAN_BYTES))
    except RefusedFileError as refused:
        raise ConflictCopyError(f"The conflict copy {path} {refused}.") from refused
    except OSError as error:
        raise ConflictCopyError(
            f"The conflict copy {path} cannot be read ({error.strerror or error})."
        ) from error
    except NewerPlanError as error:
        raise ConflictCopyError(
            f"The conflict copy {path} was saved by a newer ptplanner (format {error.version}); "
            "update ptplanner to merge it."
        ) from error
    except CorruptPlanError as error:
        raise CorruptCopyError(f"The conflict copy {path} cannot be used: {error}.") from error


def set_aside(path: Path, backup_dir: Path, stamp: str) -> Path:
    """Move a damaged conflict copy into ``backup_dir`` as ``<its name>.corrupt-<stamp>``, a
    name neither the conflict-copy search nor the backup list picks up. Returns the new path;
    raises OSError."""
    make_private_dir(backup_dir)
    target = unique_path(
        lambda n: backup_dir / (f"{path.name}.corrupt-{stamp}" + (f"-{n}" if n else ""))
    )
    os.rename(path, target)
    fsync_dir(path.parent)
    fsync_dir(backup_dir)
    return target


def common_base(candidates: Iterable[Path], ours: Plan, theirs: Plan) -> Plan:
    """The best guess at the version both ``ours`` and ``theirs`` grew from, for a merge.

    A conflict copy does not say which version it started from. Both sides were saved after
    it, so it is the newest of ``candidates`` (backups, newest first) saved no later than either
    side; a backups/ folder that syncs too holds the other computer's versions as well. Without
    one, the base is a plan with no steps: every step then counts as added on both sides, so
    nothing is dropped and each difference is a collision.
    """
    latest = min(ours.modified, theirs.modified)
    for path in candidates:
        try:
            plan = parse_plan(read_regular_file(path, MAX_PLAN_BYTES))
        except (OSError, RefusedFileError, CorruptPlanError, NewerPlanError):
            continue
        if plan.modified <= latest:
            return plan
    # Plan-level fields from the copy: where they differ, the plan as it is here wins.
    return theirs.model_copy(update={"milestones": ()})


def merge_copy_file(
    path: Path, ours: Plan | None, backups: Sequence[Path], backup_dir: Path, stamp: str
) -> MergeResult:
    """Merge the conflict copy at ``path`` into ``ours`` with :func:`common_base` among
    ``backups`` (newest first). A damaged copy is moved into ``backup_dir`` (``stamp`` in its
    new name) and never merged: CorruptCopyError says where it went. Any other unusable copy
    raises ConflictCopyError and stays where it is."""
    try:
        theirs = read_copy(path)
    except CorruptCopyError as error:
        try:
            moved = set_aside(path, backup_dir, stamp)
        except OSError as move_error:
            where = f"it could not be moved aside ({move_error.strerror})"
            raise CorruptCopyError(f"{error} It was not merged; {where}.") from error
        raise CorruptCopyError(f"{error} It was not merged; it was moved to {moved}.") from error
    mine = ours if ours is not None else theirs.model_copy(update={"milestones": ()})
    return merge_plans(common_base(backups, mine, theirs), mine, theirs)
