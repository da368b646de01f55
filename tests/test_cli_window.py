"""``ptplanner`` (the window) started where no window can open: one clear line, not a crash."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def _env_without_display() -> dict[str, str]:
    return {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }


def test_no_display_is_one_line_and_exit_status_2() -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("only Linux can lack a display server")
    for command in ([], ["window"]):
        result = subprocess.run(
            [sys.executable, "-m", "ptplanner", *command],
            env=_env_without_display(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("ptplanner: error: no display")
        assert "ptplanner projection" in lines[0]
        assert "Traceback" not in result.stderr


def test_an_explicit_qt_platform_is_respected() -> None:
    env = _env_without_display()
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", "window", "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "self-test ok" in result.stdout
