"""One writer at a time: :class:`PlanLock`, an exclusive OS lock on ``plan.lock`` beside the plan.

The lock is ``fcntl.flock`` on POSIX and ``msvcrt.locking`` on Windows, held for as long as a
store is open; the file records pid and host for the message a second window shows. The OS drops
the lock when its process dies, however it dies, so a stale lock file (process gone) is simply
taken over; no pid-liveness guessing, which breaks on pid reuse and across hosts. Where the file
system cannot lock at all, :meth:`PlanLock.acquire` says yes rather than lock the user out.
"""

from __future__ import annotations

import contextlib
import errno
import os
import socket
import sys
from pathlib import Path

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
