"""ptplanner: an offline career planner for Physical Therapy Care Coordinators.

The version is read from the installed package metadata, so ``pyproject.toml`` is the one place
that defines it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ptplanner")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
