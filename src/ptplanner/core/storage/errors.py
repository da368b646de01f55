"""The errors storage raises: the user-facing ones and the two a plan file's bytes can cause.

:class:`StorageError` and its subclasses carry a one-line message for the user. The other two say
why bytes are not a plan this version can use; callers turn them into a message of their own
(recovery in the store, a refusal on import, a one-line reason for ``ptplanner projection``).
"""

from __future__ import annotations

from typing import Any


class StorageError(Exception):
    """A storage problem; ``str(error)`` is a one-line message for the user."""


class SaveError(StorageError):
    """The plan could not be written. It is still in memory; nothing on disk was damaged."""


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
