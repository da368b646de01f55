"""Commands that print or change files start without Qt: the CLI imports the UI only lazily.

import-linter sees every import, lazy or not, so it cannot tell "imports the window inside the
function that opens it" from "imports the window at start-up"; ruff's TID253 keeps the CLI's
module-level imports free of Qt and the UI, and these tests check what really gets loaded.
``projection`` with its options is covered by test_cli_projection.py and ``plan list`` by
test_cli_plan.py; here are the other commands.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import runpy, sys
sys.argv = ["ptplanner", *sys.argv[1:]]
try:
    runpy.run_module("ptplanner", run_name="__main__")
except SystemExit as stop:
    code = stop.code
else:
    code = 0
loaded = sorted(
    name
    for name in sys.modules
    if name.split(".")[0] in {"PySide6", "shiboken6", "pyqtgraph"}
    or name == "ptplanner.ui"
    or name.startswith("ptplanner.ui.")
)
print("EXIT", code, "LOADED", loaded, file=sys.stderr)
"""


@pytest.mark.parametrize(
    "argv",
    [
        ["--version"],
        ["--help"],
        ["projection", "--help"],
        ["projection", "--years", "3", "--format", "csv"],
        ["projection", "--years", "3", "--format", "json"],
        ["plan", "--help"],
        ["plan", "export", "{tmp}/plan.csv", "--format", "csv"],
    ],
    ids=" ".join,
)
def test_command_loads_neither_qt_nor_the_ui(argv: list[str], tmp_path: Path) -> None:
    args = [part.replace("{tmp}", str(tmp_path)) for part in argv]
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "EXIT 0 LOADED []" in result.stderr, result.stderr[-2000:]
