"""The core and the command line work with Qt absent, as napari's "headless" job proves for it.

Runs the core and CLI tests in a child pytest whose interpreters (and their subprocesses) cannot
import PySide6, shiboken6 or pyqtgraph: a meta-path finder installed by ``sitecustomize`` refuses
them, exactly as a machine without Qt would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

BLOCKER = """
import sys

class _NoQt:
    BLOCKED = ("PySide6", "shiboken6", "pyqtgraph")

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in self.BLOCKED:
            raise ImportError(f"{name} is hidden for the headless test")
        return None

sys.meta_path.insert(0, _NoQt())
"""


@pytest.mark.slow
def test_core_and_cli_tests_pass_without_qt(tmp_path: Path) -> None:
    (tmp_path / "sitecustomize.py").write_text(BLOCKER)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp_path), env.get("PYTHONPATH")]))
    check = subprocess.run(
        [sys.executable, "-c", "import PySide6"], env=env, capture_output=True, text=True
    )
    assert check.returncode != 0, "the blocker did not hide PySide6"
    targets = [str(ROOT / "tests" / "core"), str(ROOT / "tests" / "test_cli_projection.py")]
    if (ROOT / "tests" / "test_cli_plan.py").exists():
        targets.append(str(ROOT / "tests" / "test_cli_plan.py"))
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:pytest-qt",
            "-p",
            "no:cacheprovider",
            # pytest-qt is off, so its ini options are unknown here; everything else still errors.
            "-W",
            "ignore::pytest.PytestConfigWarning",
            "-x",
            *targets,
        ],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
