"""Keeping the plan on disk without ever losing it: atomic saves, backups, recovery, migrations,
one writer at a time, and import/export.

What :class:`PlanStore` promises:

* **Atomic saves.** The new content goes to a temp file in the same folder, is flushed and
  fsynced, then ``os.replace``\\ d over ``plan.json`` and the folder is fsynced. A crash or power
  cut at any moment leaves either the old or the new file, never a mix. Before writing, the bytes
  are parsed back, so a plan that would not load again is never written.
* **Private files.** Files are created ``0o600`` and folders ``0o700``.
* **Backups.** Before each save the current ``plan.json`` is hard-linked (copied where links are
  not possible) into ``backups/``; the newest 10 are kept plus the newest of each of the last 7
  days. Restoring a backup is itself a save, so the plan it replaces becomes a backup too.
* **Bad files are never overwritten.** A file that is truncated, not JSON or not a valid plan is
  renamed to ``plan.corrupt-YYYYmmdd-HHMMSS.json`` and the newest good backup is loaded (and
  written back as ``plan.json``), with a message naming both files. A file from a newer ptplanner
  is opened read-only and left where it is.
* **Migrations.** Older files are upgraded one version at a time by functions registered with
  ``@migration(from_version)``; the original is kept in ``backups/`` before the first save.
* **One writer.** ``plan.lock`` beside the plan holds an OS lock (``fcntl.flock`` on POSIX,
  ``msvcrt.locking`` on Windows) for as long as a store is open, and records pid and host for the
  message. A second window or a CLI run gets the plan read-only and says why. The OS drops the lock
  when its process dies, however it dies, so a stale lock file (process gone) is simply taken over;
  no pid-liveness guessing, which breaks on pid reuse and across hosts. Where the file system
  cannot lock at all, the store carries on unlocked rather than refusing to open the user's plan.
* **Failed saves keep the plan.** Disk full, read-only folder and the like raise
  :class:`SaveError` with a one-line message; the store remembers the unsaved plan so
  :meth:`PlanStore.retry_save` can try again later.

Import is size-, count- and depth-limited and never touches the current plan: it returns a new
plan or raises :class:`PlanImportError`.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import gc
import io
import json
import os
import re
import shutil
import socket
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ptplanner.core import paths
from ptplanner.core.plan.model import (
    MAX_DEPTH,
    SCHEMA_VERSION,
    VALUELESS_LINK_KINDS,
    Milestone,
    Plan,
    Status,
    new_id,
    utc_now,
)
from ptplanner.core.plan.operations import empty_plan

KEEP_RECENT = 10
KEEP_DAYS = 7
MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_MILESTONES = 20_000
MAX_IMPORT_DEPTH = MAX_DEPTH

CSV_COLUMNS = (
    "id",
    "parent_id",
    "title",
    "status",
    "target_date",
    "done_date",
    "notes",
    "link_kind",
    "link_value",
    # Appended so a CSV round trip keeps every field; a CSV without them imports fine.
    "why",
    "pay_effect",
    "renews_every_months",
)

_STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"


class StorageError(Exception):
    """A storage problem; ``str(error)`` is a one-line message for the user."""


class SaveError(StorageError):
    """The plan could not be written. It is still in memory; nothing on disk was damaged."""


class RestoreError(StorageError):
    """A backup could not be restored; the current plan is unchanged."""


class PlanImportError(StorageError):
    """A file was refused for import; the current plan is unchanged."""


class _CorruptPlan(Exception):
    """The bytes are not a plan this version can read (``str`` says why, for a message)."""


class _NewerPlan(Exception):
    def __init__(self, version: int, raw: dict[str, Any]) -> None:
        super().__init__(version)
        self.version = version
        self.raw = raw


# --- migrations --------------------------------------------------------------------------------

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
        raise _CorruptPlan("its schema_version is not a whole number")
    return version


def migrate(raw: RawPlan) -> RawPlan:
    """Upgrade a raw plan dict step by step to :data:`SCHEMA_VERSION`."""
    version = schema_version_of(raw)
    while version < SCHEMA_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise _CorruptPlan(f"no upgrade is known from schema version {version}")
        try:
            raw = step(raw)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            problem = f"it could not be upgraded from version {version} ({error})"
            raise _CorruptPlan(problem) from error
        if schema_version_of(raw) != version + 1:
            raise RuntimeError(f"migration from v{version} did not produce v{version + 1}")
        version += 1
    return raw


@migration(0)
def _v0_to_v1(raw: RawPlan) -> RawPlan:
    """v0 (the first prototype) kept ``items`` with a ``done`` flag and a ``due`` date, no ids,
    no status and no timestamps. Unknown keys are left in place so validation rejects them rather
    than the upgrade silently dropping data."""
    stamp = utc_now().isoformat()

    def item(old: dict[str, Any]) -> dict[str, Any]:
        new = {key: value for key, value in old.items() if key not in {"done", "due", "items"}}
        new.setdefault("id", new_id())
        new["status"] = Status.DONE.value if old.get("done") else Status.NOT_STARTED.value
        if old.get("due") is not None:
            new["target_date"] = old["due"]
        new["children"] = [item(child) for child in old.get("items", [])]
        return new

    upgraded = {key: value for key, value in raw.items() if key != "items"}
    upgraded["schema_version"] = 1
    upgraded.setdefault("created", stamp)
    upgraded.setdefault("modified", stamp)
    upgraded["milestones"] = [item(child) for child in raw.get("items", [])]
    return upgraded


# --- parsing -----------------------------------------------------------------------------------


def _raw_from_bytes(data: bytes) -> RawPlan:
    try:
        raw = json.loads(data)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise _CorruptPlan("it is not valid JSON (it may be cut short)") from error
    except RecursionError as error:
        raise _CorruptPlan("it is nested too deeply") from error
    if not isinstance(raw, dict):
        raise _CorruptPlan("it does not contain a plan")
    return raw


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else str(first["msg"])


@contextlib.contextmanager
def gc_paused(*, then_freeze: bool = False) -> Iterator[None]:
    """The cyclic garbage collector held off while a burst of lasting objects is built.

    Parsing a 10,000-step plan makes ~50,000 objects. With the collector on, every 700 new
    objects start a collection that walks the young ones again, and the burst ends in a full
    collection of the whole program: together nearly as long as the parse. Plans hold no
    reference cycles, so nothing is missed (garbage is freed by reference counting) and the
    collector simply carries on afterwards. Nested uses leave it to the outermost.

    ``then_freeze`` is for what stays for the rest of the session (the app's open plan and its
    index): on leaving, everything alive is frozen (``gc.freeze()``) and later collections skip
    it. Otherwise the first full collection after a big load walks it all, 50-100 ms that
    landed in the middle of the Plan tab's first paint. Frozen objects are still freed by
    reference counting when dropped; only cyclic garbage already waiting at that moment would
    stay, and at start-up there is next to none.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if then_freeze:
            gc.freeze()
        gc.enable()


def _parse(data: bytes) -> tuple[Plan, int]:
    """Bytes of a plan file -> (Plan, the file's own schema version)."""
    with gc_paused():
        return _parse_bytes(data)


def _parse_bytes(data: bytes) -> tuple[Plan, int]:
    try:
        # Fast path for the usual case, a current file: pydantic parses the bytes itself, about
        # twice as fast as json.loads + model_validate on a 10,000-step plan.
        return Plan.model_validate_json(data), SCHEMA_VERSION
    except ValidationError:
        pass  # older, newer or damaged: the slow path below works out which and says why
    raw = _raw_from_bytes(data)
    version = schema_version_of(raw)
    if version > SCHEMA_VERSION:
        raise _NewerPlan(version, raw)
    raw = migrate(raw)
    try:
        return Plan.model_validate(raw), version
    except ValidationError as error:
        raise _CorruptPlan(f"it is not a valid plan ({_first_error(error)})") from error


def parse_plan(data: bytes) -> Plan:
    """Bytes of a plan file of this or an older version -> Plan (raises _CorruptPlan/_NewerPlan)."""
    return _parse(data)[0]


def _best_effort_newer(raw: RawPlan) -> Plan | None:
    """Show what we can of a newer file (read-only); None if its shape changed too much."""
    try:
        return Plan.model_validate({**raw, "schema_version": SCHEMA_VERSION})
    except ValidationError:
        return None


# --- low-level file helpers --------------------------------------------------------------------


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno != errno.EINVAL:  # some file systems do not support fsync on folders
            raise
    finally:
        os.close(fd)


def resolve_output_path(path: Path) -> Path:
    """Where writing ``path`` must really go: through symbolic links, never over a non-file.

    Renaming a temporary file onto a link would replace the link and leave the file it points
    to untouched; renaming onto a device or a pipe would replace the device node (as root).
    Raises OSError for a path that exists and is not a regular file.
    """
    target = Path(os.path.realpath(path.expanduser()))
    if target.exists() and not target.is_file():
        kind = "a folder" if target.is_dir() else "not a regular file"
        raise OSError(errno.EINVAL, f"{target} is {kind}", str(path))
    return target


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new bytes, never a mix."""
    path = resolve_output_path(path)
    directory = path.parent
    # mkstemp creates the file 0o600 whatever the umask: the plan is personal.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(directory)


def _make_private_dir(directory: Path) -> None:
    if directory.is_dir():
        return
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        directory.chmod(0o700)  # mkdir's mode is filtered by the umask


def _save_message(error: OSError, directory: Path) -> str:
    if error.errno in {errno.ENOSPC, errno.EDQUOT}:
        return (
            "The disk is full, so your plan was not saved. It is still open; free some space "
            "and ptplanner will save it again."
        )
    if error.errno in {errno.EROFS, errno.EACCES, errno.EPERM}:
        return (
            f"ptplanner cannot write to {directory} (read-only or no permission), so your plan "
            "was not saved. It is still open; it will be saved when the folder is writable again."
        )
    reason = error.strerror or str(error)
    return f"Your plan was not saved ({reason}). It is still open; ptplanner will try again."


def _now_stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d-%H%M%S")


def _unique_path(make: Callable[[int], Path]) -> Path:
    for attempt in range(1000):
        candidate = make(attempt)
        if not candidate.exists():
            return candidate
    raise FileExistsError(make(0))


# --- the lock ----------------------------------------------------------------------------------

if sys.platform == "win32":
    import msvcrt

    # Lock a byte far past the owner text so other processes can still read who holds it.
    _LOCK_OFFSET = 1 << 20

    def _os_lock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _os_unlock(fd: int) -> None:
        os.lseek(fd, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _os_lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _os_unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


_UNSUPPORTED_LOCK_ERRNOS = {errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOSYS}


class PlanLock:
    """An exclusive, non-blocking OS lock on ``<stem>.lock`` that names its holder."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> bool:
        """True if this process now holds the lock (or locking is unsupported here)."""
        if self._fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _os_lock(fd)
        except OSError as error:
            os.close(fd)
            # No locking on this file system at all: open unlocked rather than lock the user out.
            return error.errno in _UNSUPPORTED_LOCK_ERRNOS
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n{socket.gethostname()}\n".encode())
        except OSError:
            pass  # the owner text is only for messages; the OS lock is what counts
        self._fd = fd
        return True

    def owner(self) -> tuple[int | None, str | None]:
        """(pid, host) written by the holder, as far as they can be read."""
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return None, None
        pid = int(lines[0]) if lines and lines[0].strip().isdigit() else None
        host = lines[1].strip() if len(lines) > 1 and lines[1].strip() else None
        return pid, host

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            _os_unlock(self._fd)
        os.close(self._fd)
        self._fd = None


# --- the store ---------------------------------------------------------------------------------


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


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    saved_at: datetime
    """Local time the backup was taken (when the plan it holds was replaced)."""
    size: int
    tag: str | None = None
    """None for rotating backups; e.g. ``v0`` for the copy kept before an upgrade."""


@dataclass
class _SaveState:
    pending: Plan | None = None
    last_error: str | None = None
    last_saved: Plan | None = None
    backup_error: str | None = field(default=None)
    written: tuple[int, int, int] | None = None
    """(inode, mtime_ns, size) of the file the last save wrote, to spot outside changes."""
    backed_up: tuple[int, int, int] | None = None
    """The same for the file last copied into backups/: a save that failed and is retried
    must not back up the unchanged plan.json again and again, pushing real history out."""


class PlanStore:
    """The plan file at ``path`` with its backups, lock and recovery rules (see module docs).

    Use one store per window for as long as the window is open (it holds the lock), and
    :meth:`close` it, or use it as a context manager.
    """

    def __init__(self, path: Path | None = None, *, clock: Callable[[], datetime] | None = None):
        self.path = Path(path) if path is not None else paths.plan_file()
        self.directory = self.path.parent
        self.backup_dir = self.directory / "backups"
        self._stem = self.path.stem
        self._lock = PlanLock(self.directory / f"{self._stem}.lock")
        # Local wall-clock time: backup names and the one-per-day rule follow the user's days.
        self._clock = clock or datetime.now
        self.read_only = False
        self.read_only_reason: str | None = None
        self._state = _SaveState()
        self._backup_re = re.compile(
            rf"^{re.escape(self._stem)}-(\d{{8}}-\d{{6}}-\d{{6}})(?:-([a-z0-9]+))?\.json$"
        )

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

    # --- loading ---

    def load(self, new_plan: Callable[[], Plan] = empty_plan) -> LoadResult:
        """Open the plan; never raises for a bad or missing file (see module docs).

        ``new_plan`` makes the plan used when there is no file yet (``empty_plan`` or a
        ``ready_plan`` closure): it is returned with ``is_new=True`` and not saved until
        :meth:`save` is called.
        """
        messages: list[str] = []
        read_only = False
        try:
            _make_private_dir(self.directory)
        except OSError as error:
            read_only = True
            messages.append(
                f"ptplanner cannot create the folder {self.directory} ({error.strerror}); "
                "the plan is open read-only."
            )
        if not read_only:
            read_only, lock_message = self._take_lock()
            if lock_message:
                messages.append(lock_message)
        if not read_only:
            self._remove_stale_temp_files()
        self.read_only = read_only
        self.read_only_reason = messages[0] if read_only else None

        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return LoadResult(new_plan(), read_only, tuple(messages), is_new=True)
        except OSError as error:
            self._set_read_only(
                f"ptplanner could not read {self.path} ({error.strerror}). The file was left "
                "untouched and this window is read-only."
            )
            return LoadResult(new_plan(), True, (*messages, self.read_only_reason or ""))

        try:
            plan, version = _parse(data)
        except _NewerPlan as newer:
            message = (
                f"This plan was saved by a newer version of ptplanner (format {newer.version}; "
                f"this version reads up to {SCHEMA_VERSION}). It is open read-only so nothing in "
                "it is lost; update ptplanner to edit it."
            )
            self._set_read_only(message)
            shown = _best_effort_newer(newer.raw) or new_plan()
            return LoadResult(shown, True, (*messages, message))
        except _CorruptPlan as corrupt:
            return self._recover(str(corrupt), new_plan, messages)

        if version < SCHEMA_VERSION and not self.read_only:
            self._keep_pre_migration_copy(data, version)
        return LoadResult(plan, self.read_only, tuple(messages))

    def _set_read_only(self, reason: str) -> None:
        self.read_only = True
        self.read_only_reason = self.read_only_reason or reason

    def _take_lock(self) -> tuple[bool, str | None]:
        try:
            if self._lock.acquire():
                return False, None
        except OSError as error:
            return True, (
                f"ptplanner cannot open {self._lock.path} ({error.strerror}); "
                "the plan is open read-only."
            )
        pid, host = self._lock.owner()
        where = f" (process {pid} on {host})" if pid and host else ""
        return True, (
            f"Another ptplanner window has this plan open{where}. This one is read-only; "
            "close the other window to make changes here."
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

        backup = self._newest_good_backup()
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
        stamp = _now_stamp(self._clock())
        target = _unique_path(
            lambda n: (
                self.directory
                / (f"{self._stem}.corrupt-{stamp}" + (f"-{n}" if n else "") + ".json")
            )
        )
        os.rename(self.path, target)
        _fsync_dir(self.directory)
        return target

    def _newest_good_backup(self) -> tuple[BackupInfo, Plan] | None:
        for info in self.list_backups():
            try:
                return info, parse_plan(info.path.read_bytes())
            except (OSError, _CorruptPlan, _NewerPlan):
                continue
        return None

    def _keep_pre_migration_copy(self, data: bytes, version: int) -> None:
        # Tagged copies are not rotated away: the original of an upgraded file stays restorable.
        with contextlib.suppress(OSError):
            _make_private_dir(self.backup_dir)
            target = self._backup_name(f"v{version}")
            atomic_write(target, data)

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
                _make_private_dir(self.directory)
            except OSError as error:
                raise SaveError(_save_message(error, self.directory)) from error
            busy, message = self._take_lock()
            if busy:
                raise SaveError(message or "Another ptplanner window has the plan open.")
        stamped = plan.model_copy(update={"modified": utc_now()})
        data = stamped.model_dump_json(indent=1).encode("utf-8")
        try:
            # Never write what could not be read back: that file would later be "corrupt".
            parse_plan(data)
        except (_CorruptPlan, _NewerPlan) as error:
            problem = f"The plan was not saved because it is inconsistent: {error}."
            raise SaveError(problem) from error
        self._state.backup_error = None
        try:
            current = self._file_identity()
            already = current is not None and current == self._state.backed_up
            if not already and not self._unchanged_since_last_save(plan):
                self._backup_current()
                self._state.backed_up = current
        except OSError as error:
            # The save itself is still atomic; missing one backup is the lesser harm.
            self._state.backup_error = _save_message(error, self.backup_dir)
        try:
            _make_private_dir(self.directory)
            # Write through a symlinked plan.json (e.g. into a synced folder) instead of
            # replacing the link itself with a regular file.
            atomic_write(Path(os.path.realpath(self.path)), data)
        except OSError as error:
            raise SaveError(_save_message(error, self.directory)) from error
        self._state.last_saved = stamped
        self._state.written = self._file_identity()
        with contextlib.suppress(OSError):
            self._prune_backups()

    def _file_identity(self) -> tuple[int, int, int] | None:
        try:
            info = os.stat(self.path)
        except OSError:
            return None
        return info.st_ino, info.st_mtime_ns, info.st_size

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

    def _backup_name(self, tag: str | None = None) -> Path:
        moment = self._clock()
        suffix = f"-{tag}" if tag else ""

        def name(attempt: int) -> Path:
            # Two saves within one microsecond (or a clock that goes backwards) must not collide;
            # nudging the microseconds keeps every name parseable and in order.
            stamp = moment.replace(microsecond=(moment.microsecond + attempt) % 1_000_000)
            return self.backup_dir / f"{self._stem}-{stamp.strftime(_STAMP_FORMAT)}{suffix}.json"

        return _unique_path(name)

    def _backup_current(self) -> None:
        if not self.path.exists():
            return
        _make_private_dir(self.backup_dir)
        target = self._backup_name()
        # realpath: os.link on Linux links a symlink itself, not the file it points to.
        current = os.path.realpath(self.path)
        try:
            # A hard link costs no copying: plan.json is only ever replaced, never rewritten in
            # place, so the linked inode keeps exactly the old content.
            os.link(current, target)
        except OSError:
            shutil.copyfile(current, target)
            os.chmod(target, 0o600)
        _fsync_dir(self.backup_dir)

    def list_backups(self) -> list[BackupInfo]:
        """All backups of this plan, newest first."""
        found: list[BackupInfo] = []
        try:
            entries = list(os.scandir(self.backup_dir))
        except OSError:
            return []
        for entry in entries:
            match = self._backup_re.match(entry.name)
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

    def _prune_backups(self) -> None:
        rotating = [info for info in self.list_backups() if info.tag is None]
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

    def read_backup(self, path: Path) -> Plan:
        """The plan in a backup (for a preview); RestoreError if it cannot be read."""
        try:
            return parse_plan(Path(path).read_bytes())
        except OSError as error:
            raise RestoreError(f"The backup {path} cannot be read ({error.strerror}).") from error
        except _NewerPlan as error:
            raise RestoreError(
                f"The backup {path} was made by a newer ptplanner (format {error.version})."
            ) from error
        except _CorruptPlan as error:
            raise RestoreError(f"The backup {path} cannot be used: {error}.") from error

    def restore_backup(self, path: Path) -> Plan:
        """Make a backup the current plan and save it; the plan it replaces is backed up first.

        Returns the restored plan as saved. Raises RestoreError (unreadable backup) or SaveError.
        """
        if self.read_only:
            raise RestoreError(self.read_only_reason or "This plan is open read-only.")
        plan = self.read_backup(path)
        self.save(plan)
        return self._state.last_saved or plan


# --- import and export -------------------------------------------------------------------------


def _export_message(error: OSError, path: Path) -> str:
    return f"Could not write {path}: {error.strerror or error}."


def _read_limited(path: Path, what: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise PlanImportError(
                f"{path} is {size / 1024 / 1024:.1f} MiB; ptplanner imports files up to "
                f"{MAX_IMPORT_BYTES // 1024 // 1024} MiB."
            )
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
    except PlanImportError:
        raise
    except OSError as error:
        raise PlanImportError(f"Cannot read {what} {path}: {error.strerror or error}.") from error
    if len(data) > MAX_IMPORT_BYTES:
        raise PlanImportError(f"{path} is larger than {MAX_IMPORT_BYTES // 1024 // 1024} MiB.")
    return data


def _check_limits(milestones: object) -> None:
    """Count and depth limits on a raw milestone list, before the validator builds objects."""
    count = 0
    stack: list[tuple[object, int]] = [(milestones, 1)]
    while stack:
        items, depth = stack.pop()
        if not isinstance(items, list):
            continue  # wrong shapes are for validation to report
        for item in items:
            count += 1
            if count > MAX_IMPORT_MILESTONES:
                raise PlanImportError(
                    f"The file has more than {MAX_IMPORT_MILESTONES:,} milestones; "
                    "ptplanner will not import it."
                )
            if depth > MAX_IMPORT_DEPTH:
                raise PlanImportError(
                    f"The file nests steps more than {MAX_IMPORT_DEPTH} levels deep; "
                    "ptplanner will not import it."
                )
            if isinstance(item, dict):
                stack.append((item.get("children", item.get("items")), depth + 1))


def import_plan_json(path: Path) -> Plan:
    """Read a plan exported as JSON (or any plan file). The current plan is not touched."""
    path = Path(path)
    data = _read_limited(path, "the file")
    try:
        raw = _raw_from_bytes(data)
        version = schema_version_of(raw)
    except _CorruptPlan as error:
        raise PlanImportError(f"{path} is not a ptplanner plan: {error}.") from error
    if version > SCHEMA_VERSION:
        raise PlanImportError(
            f"{path} was made by a newer version of ptplanner (format {version}); update "
            "ptplanner to import it."
        )
    _check_limits(raw.get("milestones", raw.get("items")))
    try:
        return parse_plan(data)
    except (_CorruptPlan, _NewerPlan) as error:
        raise PlanImportError(f"{path} is not a ptplanner plan: {error}.") from error


def plan_to_json(plan: Plan) -> bytes:
    return plan.model_dump_json(indent=2).encode("utf-8")


def export_plan_json(plan: Plan, path: Path) -> None:
    """Write the plan as JSON (the plan file format), atomically; raises SaveError."""
    path = Path(path)
    try:
        atomic_write(path, plan_to_json(plan))
    except OSError as error:
        raise SaveError(_export_message(error, path)) from error


def plan_to_csv(plan: Plan) -> str:
    """One row per milestone, parents before their sub-steps (see :data:`CSV_COLUMNS`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for node in plan.walk():
        m = node.milestone
        writer.writerow(
            [
                m.id,
                node.parent_id or "",
                m.title,
                m.status.value,
                m.target_date.isoformat() if m.target_date else "",
                m.done_date.isoformat() if m.done_date else "",
                m.notes,
                m.salary_link.kind if m.salary_link else "",
                m.salary_link.value if m.salary_link else "",
                m.why or "",
                m.pay_effect or "",
                "" if m.renews_every_months is None else str(m.renews_every_months),
            ]
        )
    return buffer.getvalue()


def export_plan_csv(plan: Plan, path: Path) -> None:
    path = Path(path)
    try:
        atomic_write(path, plan_to_csv(plan).encode("utf-8"))
    except OSError as error:
        raise SaveError(_export_message(error, path)) from error


@dataclass
class _CsvRow:
    line: int
    fields: dict[str, Any]
    parent_id: str | None
    children: list[str] = field(default_factory=list)


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, str]]]:
    # strict: an unterminated quote is an error, not a field that silently swallows the rest.
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
        unknown = [name for name in header if name not in CSV_COLUMNS]
        if unknown or "title" not in header:
            problem = f"unknown column {unknown[0]!r}" if unknown else "no 'title' column"
            expected = ", ".join(CSV_COLUMNS)
            raise PlanImportError(f"The CSV file has {problem}; expected: {expected}.")
        for row in reader:
            if None in row:  # more cells than headers
                raise PlanImportError(f"Line {reader.line_num} of the CSV file has extra cells.")
            yield reader.line_num, {key: (value or "") for key, value in row.items()}
    except csv.Error as error:
        # line_num is only advanced for rows read whole, so it names the last good line.
        problem = f"The CSV file is malformed after line {reader.line_num}: {error}."
        raise PlanImportError(problem) from error


def _csv_fields(line: int, row: dict[str, str]) -> dict[str, Any]:
    def text(name: str) -> str:
        return row.get(name, "").strip()

    link_kind, link_value = text("link_kind"), text("link_value")
    # A promotion link is a kind without a value (a value given with it is refused by SalaryLink).
    if bool(link_kind) != bool(link_value) and link_kind not in VALUELESS_LINK_KINDS:
        raise PlanImportError(
            f"Line {line}: link_kind and link_value must be given together "
            "(only a promotion has no link_value)."
        )
    renews = text("renews_every_months")
    if renews and not renews.isdigit():
        raise PlanImportError(f"Line {line}: renews_every_months must be a whole number.")
    return {
        "title": row.get("title", ""),
        "status": text("status") or Status.NOT_STARTED.value,
        "target_date": text("target_date") or None,
        "done_date": text("done_date") or None,
        "notes": row.get("notes", ""),
        "salary_link": {"kind": link_kind, "value": link_value} if link_kind else None,
        "why": row.get("why") or None,
        "pay_effect": row.get("pay_effect") or None,
        "renews_every_months": int(renews) if renews else None,
    }


def plan_from_csv(text: str, *, base: Plan | None = None) -> Plan:
    """Build a plan from CSV text; rows may come in any order, blank ids get new ones.

    The title and timestamps come from ``base`` (a fresh empty plan if None).
    """
    rows: dict[str, _CsvRow] = {}
    order: list[str] = []
    for line, row in _csv_rows(text):
        if len(rows) >= MAX_IMPORT_MILESTONES:
            raise PlanImportError(
                f"The CSV file has more than {MAX_IMPORT_MILESTONES:,} milestones; "
                "ptplanner will not import it."
            )
        milestone_id = row.get("id", "").strip() or new_id()
        if milestone_id in rows:
            raise PlanImportError(f"Line {line}: the id {milestone_id!r} is used twice.")
        parent_id = row.get("parent_id", "").strip() or None
        rows[milestone_id] = _CsvRow(line, _csv_fields(line, row), parent_id)
        order.append(milestone_id)

    roots: list[str] = []
    for milestone_id in order:
        entry = rows[milestone_id]
        if entry.parent_id is None:
            roots.append(milestone_id)
        elif entry.parent_id in rows:
            rows[entry.parent_id].children.append(milestone_id)
        else:
            raise PlanImportError(
                f"Line {entry.line}: parent_id {entry.parent_id!r} is not an id in the file."
            )

    reached = 0
    stack = [(root, 1) for root in roots]
    while stack:
        milestone_id, depth = stack.pop()
        reached += 1
        if depth > MAX_IMPORT_DEPTH:
            raise PlanImportError(
                f"The CSV file nests steps more than {MAX_IMPORT_DEPTH} levels deep."
            )
        stack.extend((child, depth + 1) for child in rows[milestone_id].children)
    if reached != len(rows):
        raise PlanImportError("Some rows of the CSV file are their own parents (a loop).")

    def build(milestone_id: str) -> Milestone:
        entry = rows[milestone_id]
        children = tuple(build(child) for child in entry.children)  # depth <= 8, checked above
        try:
            return Milestone.model_validate(
                {"id": milestone_id, **entry.fields, "children": children}
            )
        except ValidationError as error:
            raise PlanImportError(f"Line {entry.line}: {_first_error(error)}.") from error

    milestones = tuple(build(root) for root in roots)
    base = base or empty_plan()
    try:
        return Plan.model_validate({**dict(base), "milestones": milestones})
    except ValidationError as error:
        problem = f"The CSV file is not a valid plan: {_first_error(error)}."
        raise PlanImportError(problem) from error


def import_plan_csv(path: Path, *, base: Plan | None = None) -> Plan:
    """Read milestones from a CSV file (as written by :func:`export_plan_csv`)."""
    path = Path(path)
    data = _read_limited(path, "the CSV file")
    try:
        text = data.decode("utf-8-sig")  # spreadsheet programs often add a byte-order mark
    except UnicodeDecodeError as error:
        raise PlanImportError(f"{path} is not UTF-8 text.") from error
    return plan_from_csv(text, base=base)
