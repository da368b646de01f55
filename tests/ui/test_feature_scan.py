"""ui.feature_scan: PySide6's check of every imported module, answered from the source file.

The answer must be PySide6's own for every module (does its source mention "PySide6"?); only
the way of reading the source differs.
"""

from __future__ import annotations

import inspect
import json
import sys
import types
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

import ptplanner.core.content
import ptplanner.ui.app
from ptplanner.ui import feature_scan


def pyside_answer(module: types.ModuleType) -> bool:
    """What PySide6's own check answers for a module with a source file."""
    try:
        return "PySide6" in inspect.getsource(module)
    except OSError:  # inspect finds no source in an empty file; PySide6 then says False
        return False


def test_the_window_uses_the_quick_check() -> None:
    assert feature_scan.install()
    check = sys.modules["shibokensupport.feature"]._mod_uses_pyside
    assert getattr(check, "_ptplanner_quick_scan", False)
    assert feature_scan.install()  # a second install keeps it, not a wrapper around it


def test_every_loaded_module_gets_pysides_own_answer() -> None:
    calls: list[str] = []

    def original(module: types.ModuleType) -> bool:
        calls.append(module.__name__)
        return pyside_answer(module)

    check = feature_scan.quick_check(original)
    endings = (".py", *EXTENSION_SUFFIXES)
    modules = [
        m for m in list(sys.modules.values()) if str(getattr(m, "__file__", None)).endswith(endings)
    ]
    assert len(modules) > 300  # the app, pydantic, Qt's helpers and the standard library
    for module in modules:
        assert check(module) == pyside_answer(module), module.__name__
    # Only modules whose file is not on disk (PySide6's own helpers, unpacked from a zip in
    # memory) were left to PySide6's check.
    on_disk = [name for name in calls if Path(str(sys.modules[name].__file__)).is_file()]
    assert on_disk == []
    assert len(calls) < len(modules) // 10
    assert check(ptplanner.ui.app) is True
    assert check(ptplanner.core.content) is False
    assert check(json) is False
    compiled = [m for m in modules if str(m.__file__).endswith(tuple(EXTENSION_SUFFIXES))]
    assert compiled  # pydantic_core, Qt's own: answered without PySide6's check
    assert not any(check(m) for m in compiled)


def test_modules_without_a_source_file_go_to_pysides_check(tmp_path: Path) -> None:
    asked: list[str] = []

    def original(module: types.ModuleType) -> bool:
        asked.append(module.__name__)
        return True

    check = feature_scan.quick_check(original)
    assert check(sys) is True  # built in: no __file__
    bundled = types.ModuleType("bundled")
    bundled.__file__ = str(tmp_path / "bundled.pyc")
    assert check(bundled) is True
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")  # removed since it was imported
    assert check(gone) is True
    assert asked == ["sys", "bundled", "gone"]
