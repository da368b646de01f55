"""Reading a file that may be hostile: regular files only, never blocking, never past a limit.

A plan path or an import file can be anything a user, a script or a synced folder put there. A
named pipe would block ``open`` and ``read`` forever, a link to ``/dev/zero`` would fill memory,
and a device node must not be opened at all (opening some has side effects). So the path is
checked with ``lstat`` (and ``stat`` through a symbolic link, which is allowed when it leads to a
regular file: a plan.json linked into a synced folder is a supported setup), then opened
non-blocking and checked again on the open descriptor, in case it was swapped in between.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MIB = 1024 * 1024

_READ_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


class RefusedFileError(Exception):
    """The path is not a regular file, or is too large. ``str`` is a phrase that follows the
    path in a message: "is a named pipe", "is a link to a device", "is 40.0 MiB, ..."."""


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words ("a named pipe", "a device", ...)."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def check_regular(path: Path) -> os.stat_result:
    """The ``stat`` of ``path`` if it is a regular file or a symbolic link to one.

    Raises FileNotFoundError (missing, or a link to nothing), RefusedFileError (anything that is
    not a regular file) or another OSError.
    """
    info = os.lstat(path)
    through_link = stat.S_ISLNK(info.st_mode)
    if through_link:
        info = os.stat(path)
    if not stat.S_ISREG(info.st_mode):
        kind = kind_of(info.st_mode)
        raise RefusedFileError(f"is a link to {kind}" if through_link else f"is {kind}")
    return info


def _too_large(size: int, limit: int) -> RefusedFileError:
    return RefusedFileError(
        f"is {size / MIB:.1f} MiB, over the {limit // MIB} MiB limit for a plan file"
    )


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path``, a regular file (or a link to one) of at most ``limit`` bytes.

    Raises FileNotFoundError, RefusedFileError or another OSError; never blocks on a pipe or a
    device and never reads more than ``limit + 1`` bytes.
    """
    check_regular(path)
    fd = os.open(path, _READ_FLAGS)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise RefusedFileError(f"is {kind_of(info.st_mode)}")
        if info.st_size > limit:
            raise _too_large(info.st_size, limit)
        chunks: list[bytes] = []
        remaining = limit + 1  # the size can grow after fstat: read one byte past the limit
        while remaining > 0:
            chunk = os.read(fd, min(remaining, MIB))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise _too_large(len(data), limit)
    return data
