"""A cheaper answer to PySide6's question about every module imported after it.

PySide6 looks at each newly imported module to learn whether it could use
``from __feature__ import ...`` (PYSIDE-2029): its ``_mod_uses_pyside`` asks
``inspect.getsource`` for the module's whole source and searches it for "PySide6". That goes
through inspect's and linecache's machinery for each of the hundreds of modules the window
imports after Qt (pydantic, pyqtgraph, numpy, our own), on the way to the first screen and again
for every tab built. :func:`install` swaps in a check that reads the module's ``.py`` file as
bytes and searches those: Python source is always in an ASCII-compatible encoding, so the
answer is the same. A compiled extension module has no source, so the answer is False, as
PySide6's own check finds; anything else without a plain source file (built-in, frozen, bundled
by PyInstaller) still goes to PySide6's own check.

PySide6's internals may change: when the function is not where it was, nothing is replaced.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from importlib.machinery import EXTENSION_SUFFIXES
from types import ModuleType

_MARK = "_ptplanner_quick_scan"
_COMPILED = tuple(EXTENSION_SUFFIXES)
"""How the files of compiled extension modules end (``.so``, ``.pyd``)."""


def quick_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    """PySide6's check, answered from the module's source file where it has one."""

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(_COMPILED):
            return False  # no source to search: PySide6's check finds none and says False too
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside


def install() -> bool:
    """Replace PySide6's check with :func:`quick_check`'s; True if it is in place now."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if not getattr(original, _MARK, False):
        feature._mod_uses_pyside = quick_check(original)  # type: ignore[attr-defined]
    return True
