"""Is ``plan.json`` still the version a store last read or wrote? :class:`KnownVersion` says.

A sync tool replaces the plan file whenever another computer saved it: a new file renamed over
the old one, often with the other computer's modification time. A store must never write over a
version it has not read, so it notes what it loaded or wrote (inode, modification time, size, and
a hash of the bytes) and checks again before each save. The stat triple is enough almost always;
when the file changed close to the moment it was noted, or the file system keeps whole seconds
only, a second change could hide behind an equal triple, so then the bytes are compared too.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from ptplanner.core.plan.model import Plan
from ptplanner.core.storage.atomic_io import digest as _digest
from ptplanner.core.storage.codec import MAX_PLAN_BYTES, parse_plan
from ptplanner.core.storage.errors import (
    CorruptPlanError,
    NewerPlanError,
    PlanChangedOnDisk,
    SaveError,
)
from ptplanner.core.storage.safe_read import RefusedFileError, read_regular_file

Identity = tuple[int, int, int]
"""(inode, mtime_ns, size) of a file."""

UNSURE_NS = 2_000_000_000
"""A file changed within this long of when its identity was noted may have changed again
unseen with the same inode, size and time (coarse file-system clocks): compare the bytes too."""


def file_identity(path: Path) -> Identity | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_ino, info.st_mtime_ns, info.st_size


@dataclass
class KnownVersion:
    """What a store last loaded or wrote, to tell an outside change from its own."""

    base: Plan | None = None
    """The plan as last loaded or saved: the base of a merge with a version from elsewhere."""
    seen: bool = False
    """Something was loaded or saved: from then on an unread file is never replaced."""
    identity: Identity | None = None
    digest: str | None = None
    noted_ns: int = 0

    def note(self, identity: Identity, data: bytes, plan: Plan, digest: str | None = None) -> None:
        """The file with this identity holds ``data`` (whose hash is ``digest``, if known),
        which is ``plan``."""
        self.identity, self.noted_ns = identity, time.time_ns()
        self.digest = digest or _digest(data)
        self.base, self.seen = plan, True

    def is_noted(self, identity: Identity | None) -> bool:
        """Whether a file with this stat identity is the version noted, told from the stat alone
        (no read): the same inode, time to the nanosecond and size. A file system that keeps
        whole seconds only cannot tell a second write within the same second: False then, and
        the caller reads the file."""
        return identity is not None and identity == self.identity and bool(identity[1] % 10**9)

    def note_missing(self) -> None:
        """There was no plan file when the store loaded."""
        self.identity = self.digest = self.base = None
        self.seen = True

    def check(self, path: Path) -> bool:
        """Before a save: raise PlanChangedOnDisk (with the version on disk) if ``path`` is not
        what was noted; SaveError if it changed and cannot be read or is from a newer ptplanner.
        True when it changed into a damaged file (the caller moves it aside, then saves)."""
        if not self.seen:
            return False  # a store that never loaded (``plan init``): the old file is backed up
        current = file_identity(path)
        if current is None:
            return False  # no file now: nothing to lose
        if current == self.identity:
            recent = abs(current[1] - self.noted_ns) < UNSURE_NS
            if not recent and current[1] % 1_000_000_000:
                return False
        try:
            data = read_regular_file(path, MAX_PLAN_BYTES)
        except (OSError, RefusedFileError) as error:
            raise SaveError(
                f"The plan file {path} changed on disk and cannot be read ({error}), so it "
                "was not overwritten."
            ) from error
        if self.digest is not None and _digest(data) == self.digest:
            self.identity, self.noted_ns = current, time.time_ns()  # touched, not changed
            return False
        try:
            disk_plan = parse_plan(data)
        except NewerPlanError as error:
            raise SaveError(
                f"The plan file {path} was replaced by one from a newer ptplanner (format "
                f"{error.version}), so it was not overwritten. Update ptplanner to edit it."
            ) from error
        except CorruptPlanError:
            return True
        raise PlanChangedOnDisk(disk_plan, path)

    def accept(self, path: Path, disk_plan: Plan) -> None:
        """Take the file at ``path`` as read if it still holds ``disk_plan`` (the version a
        caller merged); otherwise raise PlanChangedOnDisk with the newer one."""
        try:
            self.check(path)
        except PlanChangedOnDisk as changed:
            if changed.disk_plan != disk_plan:
                raise
            identity = file_identity(path)
            if identity is not None:
                self.note(identity, read_regular_file(path, MAX_PLAN_BYTES), self.base or disk_plan)
