"""One writer at a time: :class:`PlanLock`, an exclusive OS lock on ``plan.lock`` beside the plan.

The lock is ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows, held for as long as a
store is open; the file records pid and host for the message a second window shows. The OS drops
the lock when its process dies, however it dies, so a stale lock file (process gone) is simply
taken over; no pid-liveness guessing, which breaks on pid reuse and across hosts. Where the file
system cannot lock at all, :meth:`PlanLock.acquire` says yes rather than lock the user out.

A plan folder may be portable or synced, so ``plan.lock`` may be anything someone planted. It is
opened without following a symbolic link (``O_NOFOLLOW``) and without blocking, and must be a
regular file; otherwise :meth:`PlanLock.acquire` raises OSError and the store opens the plan
read-only with that reason (a linked ``plan.lock`` is refused, never followed). The owner text is
written only after the lock is taken, and only into a file that looks like a lock file: one we
just created, or a small one with no other hard link. Anything else is locked but not rewritten.

Only writers lock. A writer that finds the lock taken may wait a bounded time for it
(``acquire(wait=...)``, polling): a command-line edit run next to another one then queues
instead of failing. Readers take no lock at all; saves replace the file atomically, so a reader
sees either the old plan or the new one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import stat
import sys
import time
from pathlib import Path

from ptplanner.core.storage.safe_read import kind_of

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

_OPEN_FLAGS = (
    getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
_POLL_INTERVAL_S = 0.02
"""How often a waiting writer tries the lock again."""
_OWNER_TEXT_MAX = 512
"""An existing lock file larger than this is not ours to rewrite (an owner text is pid and host)."""


def _open_existing(path: Path, flags: int) -> int:
    try:
        return os.open(path, flags | _OPEN_FLAGS)
    except OSError as error:
        if error.errno in {errno.ELOOP, errno.EMLINK}:  # what O_NOFOLLOW gives for a link
            problem = "it is a symbolic link, which ptplanner does not follow"
            raise OSError(error.errno, problem, str(path)) from error
        raise


def _open_lock_file(path: Path, *, write: bool = True) -> tuple[int, bool]:
    """(descriptor, whether the owner text may be written) for the lock file, never through
    a link and only if it is a regular file; raises OSError with a reason otherwise."""
    created = False
    if write:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | _OPEN_FLAGS, 0o600)
            created = True
        except FileExistsError:
            fd = _open_existing(path, os.O_RDWR)
    else:
        fd = _open_existing(path, os.O_RDONLY)
    try:
        info = os.fstat(fd)
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, f"it is {kind_of(info.st_mode)}", str(path))
    if os.name != "nt":
        # O_NONBLOCK was only for opening (a pipe planted as plan.lock); writes may block.
        os.set_blocking(fd, True)
    rewritable = created or (info.st_nlink == 1 and info.st_size <= _OWNER_TEXT_MAX)
    return fd, rewritable


class PlanLock:
    """An exclusive OS lock on ``<stem>.lock`` that names its holder; never blocks for longer
    than the ``wait`` given to :meth:`acquire`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait: float = 0.0) -> bool:
        """True if this process now holds the lock (or locking is unsupported here).

        While another process holds it, try again for up to ``wait`` seconds before saying no.
        Raises OSError when the lock file itself is refused (a link, not a regular file).
        """
        if self._fd is not None:
            return True
        fd, rewritable = _open_lock_file(self.path)
        deadline = time.monotonic() + wait
        while True:
            try:
                _os_lock(fd)
                break
            except OSError as error:
                if error.errno in _UNSUPPORTED_LOCK_ERRNOS:
                    # No locking on this file system: open unlocked rather than lock the user out.
                    os.close(fd)
                    return True
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return False
            time.sleep(_POLL_INTERVAL_S)
        self._fd = fd
        if not rewritable:
            return True
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"{os.getpid()}\n{socket.gethostname()}\n".encode())
        except OSError:
            pass  # the owner text is only for messages; the OS lock is what counts
        return True

    def owner(self) -> tuple[int | None, str | None]:
        """(pid, host) written by the holder, as far as they can be read."""
        try:
            fd, _ = _open_lock_file(self.path, write=False)
        except OSError:
            return None, None
        try:
            text = os.read(fd, _OWNER_TEXT_MAX).decode("utf-8", errors="replace")
        except OSError:
            return None, None
        finally:
            os.close(fd)
        lines = text.splitlines()
        first = lines[0].strip() if lines else ""
        # isascii: "²".isdigit() is True but int("²") fails.
        pid = int(first) if first.isascii() and first.isdigit() else None
        host = lines[1].strip() if len(lines) > 1 and lines[1].strip() else None
        return pid, host

    def release(self) -> None:
        if self._fd is None:
            return
        with contextlib.suppress(OSError):
            _os_unlock(self._fd)
        os.close(self._fd)
        self._fd = None


# --- who holds the lock, for messages ------------------------------------------------------------

_COMMANDS = frozenset({"plan", "projection", "compare", "offer", "window"})


def holder_program(pid: int | None, host: str | None) -> str | None:
    """What the lock's holder is, read from its command line when it runs on this computer:
    "window" for the desktop window, "ptplanner plan add" for a command, None when unknown
    (another computer, a platform without /proc, a process that is not ptplanner)."""
    if pid is None or host != socket.gethostname():
        return None
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    words = [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part]
    names = {"ptplanner", "ptplanner.exe"}
    start = next((i + 1 for i, word in enumerate(words) if Path(word).name in names), None)
    if start is None:
        return None
    rest = [word for word in words[start:] if not word.startswith("-")]
    if not rest or rest[0] not in _COMMANDS or rest[0] == "window":
        return "window"
    command = rest[:2] if rest[0] == "plan" and len(rest) > 1 else rest[:1]
    return " ".join(["ptplanner", *command])


def plan_lock_owner(plan_path: Path) -> tuple[int | None, str | None]:
    """(pid, host) of whoever holds the writer lock of the plan at ``plan_path``: the lock file
    a :class:`~ptplanner.core.storage.store.PlanStore` for that plan takes."""
    return PlanLock(plan_path.parent / f"{plan_path.stem}.lock").owner()
