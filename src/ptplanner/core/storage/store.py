"""The plan file itself: :class:`PlanStore` loads, recovers, saves and restores ``plan.json``.

What a store promises:

* **Atomic saves.** The new content is written with
  :func:`~ptplanner.core.storage.atomic_io.atomic_write`: a crash or power cut at any moment
  leaves either the old or the new file, never a mix. A plan that breaks the plan-wide rules
  (``model_copy`` skips them) is never written, and the bytes written are read back and checked
  by size and hash before they replace the file, without parsing them again. Files are private
  (``0o600``, folders ``0o700``).
* **Backups.** Before each save the current ``plan.json`` goes into ``backups/`` (see
  :mod:`~ptplanner.core.storage.backups` for naming and pruning). Restoring a backup is itself a
  save, so the plan it replaces becomes a backup too.
* **Only regular files.** A plan path that is not a regular file nor a symbolic link to one
  (a named pipe, a device, a folder) or is over
  :data:`~ptplanner.core.storage.codec.MAX_PLAN_BYTES` is never read, moved or replaced: the
  store is read-only and :attr:`LoadResult.unreadable` says why. A link to a regular file is
  followed, and saves write through it.
* **Bad files are never overwritten.** A file that is truncated, not JSON or not a valid plan is
  renamed to ``plan.corrupt-YYYYmmdd-HHMMSS.json`` and the newest good backup is loaded (and
  written back as ``plan.json``), with a message naming both files. A file from a newer ptplanner
  is opened read-only and left where it is.
* **Migrations.** Older files are upgraded on load (:mod:`~ptplanner.core.storage.migrations`);
  the original is kept in ``backups/``, once however often it is loaded.
* **One writer, any number of readers.** A store loaded as a writer holds
  :class:`~ptplanner.core.storage.lock.PlanLock` for as long as it is open, waiting up to
  ``lock_wait`` seconds for it; a second window gets the plan read-only, says why, and can take
  the lock later with :meth:`PlanStore.retry_lock`. A store loaded for reading only
  (``load(writer=False)``) takes no lock and creates nothing, not even the folder.
* **Never overwrite a version it has not read.** Before each save the store checks that
  ``plan.json`` is still the file it last loaded or wrote (its inode, time and size, and a hash of
  its bytes when those cannot tell); if a sync tool or another program replaced it, the save
  raises :class:`~ptplanner.core.storage.errors.PlanChangedOnDisk` with that version, for the
  caller to merge (:mod:`ptplanner.core.plan.merge`, base :attr:`PlanStore.base`) and save with
  :meth:`PlanStore.save_merged`, which backs up the version it replaces. A sync tool's conflict
  copies beside the plan (:mod:`~ptplanner.core.storage.conflict_copies`) are merged with
  :meth:`PlanStore.merge_copy` and put away into ``backups/`` with :meth:`PlanStore.finish_copy`.
* **Failed saves keep the plan.** Disk full, read-only folder and the like raise
  :class:`~ptplanner.core.storage.errors.SaveError` with a one-line message; the store remembers
  the unsaved plan so :meth:`PlanStore.retry_save` can try again later. A save that replaced the
  file but could not flush its folder afterwards is saved: :attr:`PlanStore.sync_error` warns.
* **One thread at a time.** A store is not thread-safe; it may be handed to a worker thread
  (the window's autosave saves there) as long as no other thread uses it meanwhile.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from pydantic import ValidationError

from ptplanner.core import paths
from ptplanner.core.plan.merge import MergeResult
from ptplanner.core.plan.model import SCHEMA_VERSION, Plan, utc_now
from ptplanner.core.plan.template import empty_plan
from ptplanner.core.storage.atomic_io import (
    UnsyncedWriteError,
    atomic_write,
    fsync_dir,
    make_private_dir,
    resolve_output_path,
    unique_path,
)
from ptplanner.core.storage.backups import BackupInfo, Backups
from ptplanner.core.storage.codec import (
    MAX_PLAN_BYTES,
    best_effort_newer,
    dump_plan,
    first_validation_error,
    parse_plan_and_version,
)
from ptplanner.core.storage.conflict_copies import (
    ConflictCopy,
    find_conflict_copies,
    merge_copy_file,
)
from ptplanner.core.storage.disk_check import Identity, KnownVersion, file_identity
from ptplanner.core.storage.errors import (
    CorruptPlanError,
    NewerPlanError,
    PlanFileError,
    RestoreError,
    SaveError,
    backup_message,
    save_message,
    sync_message,
)
from ptplanner.core.storage.lock import PlanLock
from ptplanner.core.storage.safe_read import RefusedFileError, check_regular, read_regular_file


@dataclass(frozen=True)
class LoadResult:
    plan: Plan
    read_only: bool = False
    """True when saving is not allowed (another window has it, newer format, unwritable)."""
    messages: tuple[str, ...] = ()
    """Things the user should be told, one sentence or two each; empty on a normal load."""
    is_new: bool = False
    """No plan file existed: ``plan`` is the fresh plan from the caller's factory, not yet saved."""
    moved_aside: Path | None = None
    """Where a damaged plan file was moved."""
    restored_from: Path | None = None
    """The backup that was loaded in its place."""
    unreadable: PlanFileError | None = None
    """Set when the plan file exists but could not be read at all (not a regular file, no
    permission, too large): ``plan`` is a stand-in, nothing was moved, and a command should
    report this error and stop rather than act on the stand-in."""


@dataclass
class _SaveState:
    pending: Plan | None = None
    last_error: str | None = None
    last_saved: Plan | None = None
    backup_error: str | None = field(default=None)
    sync_error: str | None = None
    written: tuple[int, int, int] | None = None
    """(inode, mtime_ns, size) of the file the last save wrote, to spot outside changes."""
    backed_up: tuple[int, int, int] | None = None
    """The same for the file last copied into backups/: a save that failed and is retried
    must not back up the unchanged plan.json again and again, pushing real history out."""


def _now_stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S")


class PlanStore:
    """The plan file at ``path`` with its backups, lock and recovery rules (see module docs).

    Use one store per window for as long as the window is open (it holds the lock), and
    :meth:`close` it, or use it as a context manager.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        clock: Callable[[], datetime] | None = None,
        lock_wait: float = 0.0,
    ) -> None:
        self.path = Path(path) if path is not None else paths.plan_file()
        self.directory = self.path.parent
        self.backup_dir = self.directory / "backups"
        self._stem = self.path.stem
        self._lock = PlanLock(self.directory / f"{self._stem}.lock")
        self._lock_wait = lock_wait
        self._lock_busy = False
        # Local wall-clock time: backup names and the one-per-day rule follow the user's days.
        self._clock = clock or datetime.now
        self._backups = Backups(self.backup_dir, self._stem, self._clock)
        self.read_only = False
        self.read_only_reason: str | None = None
        self._state = _SaveState()
        self._known = KnownVersion()
        self._loaded_identity: tuple[int, int, int] | None = None

    # --- context manager ---

    def __enter__(self) -> PlanStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the lock so another window can edit the plan."""
        self._lock.release()

    # --- state the GUI shows ---

    @property
    def has_unsaved_changes(self) -> bool:
        """A save failed and its plan is waiting for :meth:`retry_save`."""
        return self._state.pending is not None

    @property
    def last_error(self) -> str | None:
        return self._state.last_error

    @property
    def last_saved(self) -> Plan | None:
        """The plan as last written (its ``modified`` is the save time)."""
        return self._state.last_saved

    @property
    def backup_error(self) -> str | None:
        """Set when the last save worked but its backup copy could not be made."""
        return self._state.backup_error

    @property
    def sync_error(self) -> str | None:
        """Set when the last save replaced the file but its folder could not be flushed to disk.
        The plan is saved (saving it again would repeat the change); this is a warning."""
        return self._state.sync_error

    # --- loading ---

    def load(self, new_plan: Callable[[], Plan] = empty_plan, *, writer: bool = True) -> LoadResult:
        """Open the plan; never raises for a bad or missing file (see module docs).

        ``new_plan`` makes the plan used when there is no file yet (``empty_plan`` or a
        ``ready_plan`` closure): it is returned with ``is_new=True`` and not saved until
        :meth:`save` is called.

        ``writer=False`` opens the plan to read it only: no lock, no folder, no lock file, no
        pre-migration copy. A damaged file is still moved aside and replaced by its newest good
        backup, but only if the writer lock is free at that moment.
        """
        messages: list[str] = []
        self._lock_busy = False
        read_only = True
        if writer:
            read_only = self._open_for_writing(messages)
        self.read_only = read_only
        self.read_only_reason = messages[0] if read_only and messages else None
        # Before reading: a save between this and the read only makes the plan look changed.
        self._loaded_identity = self._file_identity()

        try:
            data = read_regular_file(self.path, MAX_PLAN_BYTES)
        except FileNotFoundError:
            self._known.note_missing()
            return LoadResult(new_plan(), read_only, tuple(messages), is_new=True)
        except RefusedFileError as refused:
            return self._unreadable(
                f"The plan file {self.path} {refused}, so ptplanner did not read, move or "
                "replace it; the plan is open read-only.",
                new_plan,
                messages,
            )
        except OSError as error:
            return self._unreadable(
                f"ptplanner could not read {self.path} ({error.strerror}). The file was left "
                "untouched and this window is read-only.",
                new_plan,
                messages,
            )

        try:
            plan, version = parse_plan_and_version(data)
        except NewerPlanError as newer:
            message = (
                f"This plan was saved by a newer version of ptplanner (format {newer.version}; "
                f"this version reads up to {SCHEMA_VERSION}). It is open read-only so nothing in "
                "it is lost; update ptplanner to edit it."
            )
            self._set_read_only(message)
            shown = best_effort_newer(newer.raw) or new_plan()
            return LoadResult(shown, True, (*messages, message))
        except CorruptPlanError as corrupt:
            if not writer:
                self._lock_for_repair()
            return self._recover(str(corrupt), new_plan, messages)

        if version < SCHEMA_VERSION and not self.read_only:
            self._keep_pre_migration_copy(data, version)
        if self._loaded_identity is not None:
            self._known.note(self._loaded_identity, data, plan)
        return LoadResult(plan, self.read_only, tuple(messages))

    def _unreadable(
        self, reason: str, new_plan: Callable[[], Plan], messages: list[str]
    ) -> LoadResult:
        self._set_read_only(reason)
        shown = (*messages, reason)
        return LoadResult(new_plan(), True, shown, unreadable=PlanFileError(reason))

    def _set_read_only(self, reason: str) -> None:
        self.read_only = True
        self.read_only_reason = self.read_only_reason or reason

    def _open_for_writing(self, messages: list[str]) -> bool:
        """Make the folder and take the lock; whether the plan must be read-only (and why,
        appended to ``messages``)."""
        try:
            make_private_dir(self.directory)
        except OSError as error:
            messages.append(
                f"ptplanner cannot create the folder {self.directory} ({error.strerror}); "
                "the plan is open read-only."
            )
            return True
        busy, lock_message = self._take_lock()
        if busy:
            messages.append(lock_message or "Another ptplanner window has the plan open.")
            return True
        self._remove_stale_temp_files()
        return False

    def _lock_for_repair(self) -> None:
        # A reader may move a damaged file aside only while no writer can be using it.
        with contextlib.suppress(OSError):
            if self._lock.acquire():
                self.read_only = False

    @property
    def lock_busy(self) -> bool:
        """The plan is read-only because another process held the lock when it was loaded."""
        return self._lock_busy

    def retry_lock(self) -> bool:
        """Take the lock that was busy at :meth:`load`, if it is free now; never waits.

        True once the lock is held: :meth:`load` again then opens the plan for writing (the
        file may have changed meanwhile, see :meth:`changed_since_load`).
        """
        if not self._lock_busy:
            return False
        try:
            taken = self._lock.acquire()
        except OSError:
            return False
        self._lock_busy = not taken
        return taken

    def is_known_version(self, identity: Identity | None) -> bool:
        """Whether the file with this stat identity is the version this store last read or
        wrote, told without reading it (see :meth:`KnownVersion.is_noted`)."""
        return self._known.is_noted(identity)

    def changed_since_load(self) -> bool:
        """Whether the plan file was replaced or changed since :meth:`load` read it."""
        return self._file_identity() != self._loaded_identity

    def _take_lock(self) -> tuple[bool, str | None]:
        try:
            if self._lock.acquire(wait=self._lock_wait):
                return False, None
        except OSError as error:
            return True, (
                f"ptplanner cannot open {self._lock.path} ({error.strerror}); "
                "the plan is open read-only."
            )
        self._lock_busy = True
        pid, host = self._lock.owner()
        where = f" (process {pid} on {host})" if pid and host else ""
        return True, (
            f"Another ptplanner window has this plan open{where}. This one is read-only until "
            "that one closes; then changes can be made here again."
        )

    def _remove_stale_temp_files(self) -> None:
        # Leftovers of a save that was killed before os.replace; only the lock holder may do this.
        for leftover in self.directory.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()

    def _recover(
        self, reason: str, new_plan: Callable[[], Plan], messages: list[str]
    ) -> LoadResult:
        moved: Path | None = None
        if self.read_only:
            # Another window owns the file; it decides what to do with it. Leave it alone.
            problem = f"The plan file {self.path} could not be read: {reason}."
        else:
            try:
                moved = self._move_aside()
                problem = (
                    f"Your plan file could not be read: {reason}. It was moved to {moved} "
                    "so nothing is lost."
                )
            except OSError as error:
                self._set_read_only(
                    f"Your plan file {self.path} could not be read ({reason}) nor moved aside "
                    f"({error.strerror}); it is left untouched and this window is read-only."
                )
                problem = self.read_only_reason or ""

        backup = self._backups.newest_good()
        if backup is None:
            text = f"{problem} No usable backup was found, so ptplanner started a new plan."
            return LoadResult(
                new_plan(), self.read_only, (*messages, text), is_new=True, moved_aside=moved
            )
        info, plan = backup
        when = info.saved_at.strftime("%Y-%m-%d %H:%M")
        text = f"{problem} ptplanner loaded the backup from {when} ({info.path})."
        if not self.read_only:
            try:
                self.save(plan)  # so the next start finds a good plan.json again
            except SaveError as error:
                text = f"{text} {error}"
        return LoadResult(
            plan, self.read_only, (*messages, text), moved_aside=moved, restored_from=info.path
        )

    def _move_aside(self) -> Path:
        try:
            check_regular(self.path)  # swapped for a pipe or a device since it was read
        except RefusedFileError as refused:
            raise OSError(errno.EINVAL, f"it {refused}") from refused
        stamp = _now_stamp(self._clock())
        target = unique_path(
            lambda n: (
                self.directory
                / (f"{self._stem}.corrupt-{stamp}" + (f"-{n}" if n else "") + ".json")
            )
        )
        os.rename(self.path, target)
        fsync_dir(self.directory)
        return target

    def _keep_pre_migration_copy(self, data: bytes, version: int) -> None:
        # Tagged copies are not rotated away: the original of an upgraded file stays restorable.
        # An old file is loaded again and again until the first save (every `plan list`), so
        # a copy is kept only if no tagged copy holds these very bytes already.
        tag = f"v{version}"
        with contextlib.suppress(OSError):
            for info in self._backups.list_backups():
                if info.tag == tag and info.size == len(data) and info.path.read_bytes() == data:
                    return
            self._backups.keep_tagged_copy(data, tag)

    # --- saving ---

    def save(self, plan: Plan) -> None:
        """Write ``plan`` (stamped with the current time as ``modified``) atomically.

        Raises SaveError with a one-line message; the plan is then kept for :meth:`retry_save`.
        """
        if self.read_only:
            raise SaveError(self.read_only_reason or "This plan is open read-only.")
        self._state.pending = plan
        try:
            self._write(plan)
        except SaveError as error:
            self._state.last_error = str(error)
            raise
        self._state.pending = None
        self._state.last_error = None

    def try_save(self, plan: Plan) -> bool:
        """:meth:`save` that reports failure as False; the message is in :attr:`last_error`."""
        try:
            self.save(plan)
        except SaveError:
            return False
        return True

    def retry_save(self) -> bool:
        """Save the plan of the last failed save again; True if nothing is left unsaved."""
        pending = self._state.pending
        return True if pending is None else self.try_save(pending)

    def _write(self, plan: Plan) -> None:
        if not self._lock.held:  # saving without a load() first, e.g. `ptplanner plan init`
            try:
                make_private_dir(self.directory)
            except OSError as error:
                raise SaveError(save_message(error, self.directory)) from error
            busy, message = self._take_lock()
            if busy:
                raise SaveError(message or "Another ptplanner window has the plan open.")
        stamped = plan.model_copy(update={"modified": utc_now()})
        data = dump_plan(stamped)
        if len(data) > MAX_PLAN_BYTES:
            raise SaveError(
                f"The plan was not saved: at {len(data) / 1024 / 1024:.1f} MiB it is over the "
                f"{MAX_PLAN_BYTES // 1024 // 1024} MiB a plan file may have, so it could not be "
                "opened again. Shorten some notes or remove steps."
            )
        try:
            # Never write what could not be read back: that file would later be "corrupt". The
            # plan-wide rules (unique ids, depth) that model_copy skips are checked; the steps
            # are taken as they are, so this walks the ids and parses nothing.
            Plan.model_validate(dict(stamped))
        except ValidationError as error:
            problem = f"it is inconsistent: {first_validation_error(error)}"
            raise SaveError(f"The plan was not saved because {problem}.") from error
        try:
            # Before the backup: a pipe or a device at the plan path is neither backed up nor
            # replaced (as root, renaming over /dev/null would replace the device itself).
            resolve_output_path(self.path)
        except OSError as error:
            raise SaveError(f"The plan was not saved: {error.strerror}.") from error
        if self._known.check(self.path):
            # A damaged file synced in: kept aside like any damaged plan, then replaced.
            with contextlib.suppress(OSError):
                self._move_aside()
        self._back_up_current(plan)
        data_digest: str | None = None
        try:
            make_private_dir(self.directory)
            # Write through a symlinked plan.json (e.g. into a synced folder) instead of
            # replacing the link itself with a regular file.
            data_digest = atomic_write(Path(os.path.realpath(self.path)), data)
        except UnsyncedWriteError as error:
            # The new file is in place: reporting "not saved" would make a retry repeat the change.
            self._state.sync_error = sync_message(error, self.directory)
        except OSError as error:
            raise SaveError(save_message(error, self.directory)) from error
        self._state.last_saved = stamped
        self._state.written = self._file_identity()
        if self._state.written is not None:
            self._known.note(self._state.written, data, stamped, data_digest)
        with contextlib.suppress(OSError):
            self._backups.prune()

    def _back_up_current(self, plan: Plan) -> None:
        self._state.backup_error = None
        self._state.sync_error = None
        try:
            current = self._file_identity()
            already = current is not None and current == self._state.backed_up
            if not already and not self._unchanged_since_last_save(plan):
                self._backups.back_up(self.path)
                self._state.backed_up = current
        except OSError as error:
            # The save itself is still atomic; missing one backup is the lesser harm.
            self._state.backup_error = backup_message(error, self.backup_dir)

    def _file_identity(self) -> tuple[int, int, int] | None:
        return file_identity(self.path)

    def _unchanged_since_last_save(self, plan: Plan) -> bool:
        """True for a repeat save of what is already on disk (an autosave with no edits):
        backing that up again would only push real history out of the last-10 rotation."""
        last = self._state.last_saved
        if last is None or self._state.written is None:
            return False
        if self._file_identity() != self._state.written:
            return False  # changed on disk by someone else: keep a copy of that version
        return last.model_copy(update={"modified": plan.modified}) == plan

    # --- backups ---

    def list_backups(self) -> list[BackupInfo]:
        """All backups of this plan, newest first."""
        return self._backups.list_backups()

    def read_backup(self, path: Path) -> Plan:
        """The plan in a backup (for a preview); RestoreError if it cannot be read."""
        return self._backups.read(path)

    def restore_backup(self, path: Path) -> Plan:
        """Make a backup the current plan and save it; the plan it replaces is backed up first.

        Returns the restored plan as saved. Raises RestoreError (unreadable backup) or SaveError.
        """
        if self.read_only:
            raise RestoreError(self.read_only_reason or "This plan is open read-only.")
        plan = self.read_backup(path)
        self.save(plan)
        return self._state.last_saved or plan

    # --- another computer's version (issue 22) ---

    @property
    def base(self) -> Plan | None:
        """The plan as this store last loaded or saved it: the base for merging a version from
        elsewhere. None when no plan file was there at the last load."""
        return self._known.base

    def reload(self) -> Plan:
        """Read the plan file again and take it as the new :attr:`base` (after an outside
        change, when nothing here needs merging); a damaged file is handled as by :meth:`load`."""
        return self.load(writer=self._lock.held).plan

    def save_merged(self, plan: Plan, replaced_disk_plan: Plan) -> None:
        """Save ``plan``, merged with ``replaced_disk_plan`` (the version a
        :class:`PlanChangedOnDisk` carried). That version is backed up first. If the file changed
        yet again since, raises PlanChangedOnDisk anew: merge once more."""
        self._known.accept(self.path, replaced_disk_plan)
        self.save(plan)

    def conflict_copies(self) -> list[ConflictCopy]:
        """Sync tools' conflict copies of this plan beside it, oldest first."""
        return find_conflict_copies(self.path)

    def merge_copy(self, path: Path, ours: Plan | None = None) -> MergeResult:
        """Merge the conflict copy at ``path`` into ``ours`` (default: :attr:`base`); nothing
        is saved. The base is guessed from backups (see
        :func:`~ptplanner.core.storage.conflict_copies.common_base`). A damaged copy is moved
        into backups/ and never merged: raises CorruptCopyError saying where it went; any
        other unusable copy raises ConflictCopyError and stays where it is."""
        stamp = _now_stamp(self._clock())
        backups = [info.path for info in self.list_backups()]
        return merge_copy_file(
            Path(path),
            ours if ours is not None else self._known.base,
            backups,
            self.backup_dir,
            stamp,
        )

    def finish_copy(self, path: Path) -> Path:
        """Move a merged conflict copy into backups/ (kept, never pruned); returns where it
        went. Raises OSError."""
        return self._backups.take(Path(path), "conflict")
