"""ptplanner: an offline career planner for Physical Therapy Care Coordinators.

The version is read from the installed package metadata, so ``pyproject.toml`` is the one place
that defines it. It is looked up on first use: importing ``importlib.metadata`` costs about as much
as the rest of ``ptplanner projection``'s start-up.
"""

from __future__ import annotations

from functools import cache

__all__ = ["__version__"]


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ptplanner")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'ptplanner' has no attribute {name!r}")
