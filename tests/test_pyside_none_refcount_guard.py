"""Guard against PySide6 6.12.0's ``none_dealloc`` crash on Python 3.11.

That release drops a reference to ``None`` on every Qt call that returns nothing; after a few
thousand calls (seconds of dragging a slider) the interpreter aborts. The dependency pin keeps
6.12.0 off Python 3.11; this test proves the installed pair survives 60,000 such calls, in a
subprocess so a crash fails the test instead of killing the run.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

pytest.importorskip("PySide6")

CODE = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
before = sys.getrefcount(None)
for _ in range(60_000):
    widget.setWindowTitle("x")
print("survived", before, sys.getrefcount(None))
"""


def test_sixty_thousand_void_calls_do_not_crash() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
    assert "none_dealloc" not in result.stderr


def test_installed_pyside_is_not_the_broken_pair() -> None:
    import PySide6

    version = tuple(int(p) for p in PySide6.__version__.split(".")[:2])
    if sys.version_info < (3, 12):
        assert version < (6, 12), f"PySide6 {PySide6.__version__} on Python 3.11 crashes"
