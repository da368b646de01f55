"""The errors storage raises: the user-facing ones and the two a plan file's bytes can cause.

:class:`StorageError` and its subclasses carry a one-line message for the user. The other two say
why bytes are not a plan this version can use; callers turn them into a message of their own
(recovery in the store, a refusal on import, a one-line reason for ``ptplanner projection``).
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ptplanner.core.plan.model import Plan


class StorageError(Exception):
    """A storage problem; ``str(error)`` is a one-line message for the user."""


class SaveError(StorageError):
    """The plan could not be written. It is still in memory; nothing on disk was damaged."""


class PlanChangedOnDisk(SaveError):
    """The plan file is not the version this store last loaded or wrote: something else (a sync
    tool bringing another computer's version, another program) replaced it. Nothing was written.

    ``disk_plan`` is that version, read safely, for the caller to merge with its own (the base is
    :attr:`PlanStore.base`) and save with :meth:`PlanStore.save_merged`. A subclass of
    :class:`SaveError`, so code that only knows saves can fail keeps the plan and says so.
    """

    def __init__(self, disk_plan: Plan, path: Path) -> None:
        super().__init__(
            f"The plan file {path} was changed by another program or computer since ptplanner "
            "read it, so it was not overwritten."
        )
        self.disk_plan = disk_plan
        self.path = path


class ConflictCopyError(StorageError):
    """A sync tool's conflict copy could not be used (unreadable, damaged, newer format); it was
    not merged. The message says where it is now."""


class CorruptCopyError(ConflictCopyError):
    """A conflict copy's bytes are not a plan: it is set aside into backups/, never merged."""


class RestoreError(StorageError):
    """A backup could not be restored; the current plan is unchanged."""


class PlanImportError(StorageError):
    """A file was refused for import; the current plan is unchanged."""


class PlanFileError(StorageError):
    """The plan file exists but cannot be used at all: not a regular file (a pipe, a device, a
    folder, a link to one), unreadable, or over the size limit. Nothing was read, moved or
    replaced; the store is read-only."""


class CorruptPlanError(Exception):
    """The bytes are not a plan this version can read (``str`` says why, for a message)."""


class NewerPlanError(Exception):
    """The file was written by a newer ptplanner (schema ``version``); ``raw`` is its JSON."""

    def __init__(self, version: int, raw: dict[str, Any]) -> None:
        super().__init__(version)
        self.version = version
        self.raw = raw


# --- one-line messages for what a save could not do ---------------------------------------------


def save_message(error: OSError, directory: Path) -> str:
    """Why a save failed, true wherever the store is used: the window adds that it retries,
    while a command line run simply ends, its change not made."""
    if error.errno in {errno.ENOSPC, errno.EDQUOT}:
        return "The disk is full, so your plan was not saved. Free some space and try again."
    if error.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
        return (
            f"ptplanner cannot write to {directory} (read-only or no permission), so your plan "
            "was not saved."
        )
    reason = error.strerror or str(error)
    return f"Your plan was not saved ({reason})."


def backup_message(error: OSError, backup_dir: Path) -> str:
    reason = error.strerror or str(error)
    return f"the previous version could not be copied into {backup_dir} ({reason})"


def sync_message(error: OSError, directory: Path) -> str:
    reason = error.strerror or str(error)
    return (
        f"the plan was saved, but {directory} could not be flushed to disk ({reason}); "
        "if the computer loses power soon, the previous version may come back"
    )
