"""A plan's ``backups/`` folder: taking, naming, listing, pruning and reading backups.

Before each save the current ``plan.json`` is hard-linked (copied where links are not possible)
into ``backups/`` as ``plan-YYYYmmdd-HHMMSS-ffffff.json``; the newest :data:`KEEP_RECENT` are kept
plus the newest of each of the last :data:`KEEP_DAYS` days. Tagged copies
(``plan-...-v0.json``, the original of an upgraded file; ``plan-...-conflict.json``, a sync tool's
conflict copy once merged) are never pruned.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from ptplanner.core.plan.model import Plan
from ptplanner.core.storage.atomic_io import (
    atomic_write,
    fsync_dir,
    make_private_dir,
    unique_path,
)
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import CorruptPlanError, NewerPlanError, RestoreError

KEEP_RECENT = 10
KEEP_DAYS = 7

_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    saved_at: datetime
    """Local time the backup was taken (when the plan it holds was replaced)."""
    size: int
    tag: str | None = None
    """None for rotating backups; e.g. ``v0`` for the copy kept before an upgrade."""


class Backups:
    """The backups of the plan file named ``<stem>.json``, kept in ``directory``.

    ``clock`` gives local wall-clock time: backup names and the one-per-day rule follow the
    user's days.
    """

    def __init__(self, directory: Path, stem: str, clock: Callable[[], datetime]) -> None:
        self.directory = directory
        self._stem = stem
        self._clock = clock
        self._name_re = re.compile(
            rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}}-\d{{6}})(?:-([a-z0-9]+))?\.json$"
        )

    def new_path(self, tag: str | None = None) -> Path:
        """A free name for a backup taken now, with ``tag`` appended if given."""
        moment = self._clock()
        suffix = f"-{tag}" if tag else ""

        def name(attempt: int) -> Path:
            # Two saves within one microsecond (or a clock that goes backwards) must not collide;
            # nudging the microseconds keeps every name parseable and in order.
            stamp = moment.replace(microsecond=(moment.microsecond + attempt) % 1_000_000)
            return self.directory / f"{self._stem}-{stamp.strftime(_STAMP_FORMAT)}{suffix}.json"

        return unique_path(name)

    def back_up(self, plan_path: Path) -> None:
        """Keep the file at ``plan_path`` (about to be replaced) as the newest backup.

        Nothing is taken when the newest backup already holds the same bytes: saves that fail
        or are killed, one after another, would otherwise fill the rotation with copies of one
        version and push the real history out.
        """
        if not plan_path.exists():
            return
        # realpath: os.link on Linux links a symlink itself, not the file it points to.
        current = os.path.realpath(plan_path)
        rotating = [info for info in self.list_backups() if info.tag is None]
        if rotating and _same_content(Path(current), rotating[0].path):
            return
        make_private_dir(self.directory)
        target = self.new_path()
        try:
            # A hard link costs no copying: plan.json is only ever replaced, never rewritten in
            # place, so the linked inode keeps exactly the old content.
            os.link(current, target)
        except OSError:
            shutil.copyfile(current, target)
            os.chmod(target, 0o600)
        fsync_dir(self.directory)

    def keep_tagged_copy(self, data: bytes, tag: str) -> None:
        """Keep ``data`` as a backup that rotation never removes (raises OSError)."""
        make_private_dir(self.directory)
        atomic_write(self.new_path(tag), data)

    def take(self, path: Path, tag: str) -> Path:
        """Move the file at ``path`` (a merged conflict copy) in as a tagged backup, which
        rotation never removes; returns where it went. Raises OSError."""
        make_private_dir(self.directory)
        target = self.new_path(tag)
        try:
            os.rename(path, target)
        except OSError:
            # Another file system (a backups/ folder linked elsewhere): copy, then remove.
            shutil.copyfile(path, target)
            os.chmod(target, 0o600)
            os.unlink(path)
        fsync_dir(self.directory)
        with contextlib.suppress(OSError):
            fsync_dir(path.parent)
        return target

    def list_backups(self) -> list[BackupInfo]:
        """All backups of this plan, newest first."""
        found: list[BackupInfo] = []
        try:
            entries = list(os.scandir(self.directory))
        except OSError:
            return []
        for entry in entries:
            match = self._name_re.match(entry.name)
            if not match:
                continue
            stamp = match.group(1)
            try:
                saved_at = datetime.strptime(stamp, _STAMP_FORMAT)
                size = entry.stat().st_size
            except (ValueError, OSError):
                continue
            found.append(BackupInfo(Path(entry.path), saved_at, size, match.group(2)))
        found.sort(key=lambda info: (info.saved_at, info.path.name), reverse=True)
        return found

    def prune(self) -> None:
        """Remove the rotating backups outside the last ten versions and the last one of each
        recent day. A backup identical to the next newer one is not a version of its own: it
        is removed and does not count."""
        rotating: list[BackupInfo] = []
        for info in (info for info in self.list_backups() if info.tag is None):
            if rotating and _same_content(info.path, rotating[-1].path):
                with contextlib.suppress(OSError):
                    info.path.unlink()
                continue
            rotating.append(info)
        keep = {info.path for info in rotating[:KEEP_RECENT]}
        today = self._clock().date()
        days_kept: set[date] = set()
        for info in rotating:  # newest first, so the first seen of a day is that day's last
            day = info.saved_at.date()
            if (today - day).days < KEEP_DAYS and day not in days_kept:
                days_kept.add(day)
                keep.add(info.path)
        for info in rotating:
            if info.path not in keep:
                with contextlib.suppress(OSError):
                    info.path.unlink()

    def newest_good(self) -> tuple[BackupInfo, Plan] | None:
        """The newest backup that reads as a plan, for recovering from a damaged file."""
        for info in self.list_backups():
            try:
                return info, parse_plan(info.path.read_bytes())
            except (OSError, CorruptPlanError, NewerPlanError):
                continue
        return None

    def read(self, path: Path) -> Plan:
        """The plan in a backup (for a preview); RestoreError if it cannot be read."""
        try:
            return parse_plan(Path(path).read_bytes())
        except OSError as error:
            raise RestoreError(f"The backup {path} cannot be read ({error.strerror}).") from error
        except NewerPlanError as error:
            raise RestoreError(
                f"The backup {path} was made by a newer ptplanner (format {error.version})."
            ) from error
        except CorruptPlanError as error:
            raise RestoreError(f"The backup {path} cannot be used: {error}.") from error


def _same_content(first: Path, second: Path) -> bool:
    """True when both files hold the same bytes (False if either cannot be read)."""
    try:
        a, b = os.stat(first), os.stat(second)
        if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
            return True  # a hard link: the backup of a plan.json that was never replaced
        if a.st_size != b.st_size:
            return False
        return first.read_bytes() == second.read_bytes()
    except OSError:
        return False
