"""Writing files so that a crash never leaves half of one: atomic replace, private folders.

:func:`atomic_write` puts the new bytes in a temp file in the same folder, flushes and fsyncs it,
``os.replace``\\ s it over the target and fsyncs the folder, so readers see the old or the new
bytes, never a mix. Files are created ``0o600`` and folders ``0o700``: the plan is personal.
It also reads the temp file back before the rename and checks its size and hash (cheap next to
parsing the content again), so a short or garbled write never replaces a good file.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` durable."""
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


class UnsyncedWriteError(OSError):
    """The new file is in place and readers see it, but its folder could not be flushed to disk:
    the write happened (do not repeat it), yet a power cut now might bring the old file back."""


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


def digest(data: bytes) -> str:
    """The hash that identifies a file's bytes (written files are checked, changes told by it)."""
    return hashlib.sha256(data).hexdigest()


def _check_written(handle_fd: int, data: bytes, expected: str) -> None:
    if os.fstat(handle_fd).st_size != len(data):
        raise OSError(errno.EIO, "the file written is not the size it should be")
    os.lseek(handle_fd, 0, os.SEEK_SET)
    # Hashed as it is read, never joined: a save runs in a worker thread, and hashing a
    # megabyte lets the window's thread run meanwhile, where joining the whole file would not.
    read_back = hashlib.sha256()
    while chunk := os.read(handle_fd, 1 << 20):
        read_back.update(chunk)
    if read_back.hexdigest() != expected:
        raise OSError(errno.EIO, "the file written does not read back as written")


def atomic_write(path: Path, data: bytes) -> str:
    """Replace ``path`` with ``data`` so that readers see the old or the new bytes, never a mix;
    returns the :func:`digest` of the bytes, checked by reading them back before the replace.

    Raises OSError if nothing was replaced, and :class:`UnsyncedWriteError` (an OSError too) if
    the file was replaced but the folder could not be flushed afterwards.
    """
    path = resolve_output_path(path)
    directory = path.parent
    expected = digest(data)
    # mkstemp creates the file 0o600 whatever the umask: the plan is personal.
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w+b") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            _check_written(handle.fileno(), data, expected)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    try:
        fsync_dir(directory)
    except OSError as error:
        raise UnsyncedWriteError(error.errno, error.strerror, str(directory)) from error
    return expected


def make_private_dir(directory: Path) -> None:
    """Create ``directory`` and any missing parents ``0o700`` whatever the umask.

    Folders that already exist keep their mode: a folder the user made (a synced or portable
    plan folder, a ``PTPLANNER_CONFIG_DIR``) is theirs to share; the files ptplanner writes
    into it are ``0o600`` anyway.
    """
    if directory.is_dir():
        return
    missing: list[Path] = []
    folder = directory
    while not folder.is_dir() and folder.parent != folder:
        missing.append(folder)
        folder = folder.parent
    # Each missing parent is made here, not by mkdir(parents=True): that gives parents the
    # umask's mode, and under umask 000 that is 0o777.
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made by someone else meanwhile: theirs, leave its mode alone
        with contextlib.suppress(OSError):
            folder.chmod(0o700)  # mkdir's mode is filtered by the umask


def unique_path(make: Callable[[int], Path]) -> Path:
    """The first of ``make(0)``, ``make(1)``, ... that does not exist yet."""
    for attempt in range(1000):
        candidate = make(attempt)
        if not candidate.exists():
            return candidate
    raise FileExistsError(make(0))
