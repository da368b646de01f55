"""ptplanner: an offline career planner for Physical Therapy Care Coordinators.

The version is read from the installed package metadata, so ``pyproject.toml`` is the one place
that defines it. It is looked up on first use, and read straight from the ``Version:`` line of
the installed ``ptplanner-*.dist-info/METADATA`` rather than through ``importlib.metadata``,
whose import costs several times as much as starting ``ptplanner --version`` at all.
"""

from __future__ import annotations

import os
import sys
from functools import cache

__all__ = ["__version__"]

UNKNOWN_VERSION = "0.0.0+unknown"
"""The version of a source tree that was never installed."""


def _metadata_version(folder: str) -> str | None:
    """The ``Version:`` of a ``ptplanner-*.dist-info`` in ``folder``, if there is one."""
    try:
        names = os.listdir(folder or ".")
    except OSError:  # a missing or unreadable sys.path entry, or a zip file
        return None
    for name in names:
        if not (name.startswith("ptplanner-") and name.endswith(".dist-info")):
            continue
        try:
            with open(os.path.join(folder, name, "METADATA"), encoding="utf-8") as metadata:
                for line in metadata:
                    if line.startswith("Version:"):
                        return line.removeprefix("Version:").strip()
                    if not line.strip():  # the headers end at the first blank line
                        break
        except OSError:
            continue
    return None


@cache
def _version() -> str:
    # Beside the package first (a regular install), then the import path in order, as
    # importlib.metadata searches it (an editable install keeps its metadata in site-packages).
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for folder in (here, *sys.path):
        found = _metadata_version(folder)
        if found:
            return found
    return UNKNOWN_VERSION


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'ptplanner' has no attribute {name!r}")
