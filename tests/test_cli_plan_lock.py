"""A plan command that meets another ptplanner holding the plan says who holds it and what to do,
in a terminal's terms: commands and the window, never "this one is read-only"."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from ptplanner.cli.main import main
from ptplanner.core.storage.lock import holder_program, plan_lock_owner
from ptplanner.core.storage.store import PlanStore

# A stand-in for a running ptplanner: a script named "ptplanner" that holds the plan's lock.
HOLDER = """\
import sys, time
from pathlib import Path
from ptplanner.core.storage.store import PlanStore
store = PlanStore(Path(sys.argv[-1]))
store.load()
print("locked", flush=True)
time.sleep(60)
"""


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


@pytest.fixture
def plan_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("ptplanner.cli.plan_commands.WRITER_LOCK_WAIT_S", 0.2)
    path = tmp_path / "plan.json"
    assert main(["plan", "init", "--plan-file", str(path)]) == 0
    return path


def hold_lock(tmp_path: Path, plan_file: Path, *args: str) -> subprocess.Popen[str]:
    script = tmp_path / "bin" / "ptplanner"
    script.parent.mkdir(exist_ok=True)
    script.write_text(HOLDER, encoding="utf-8")
    holder = subprocess.Popen(
        [sys.executable, str(script), *args, str(plan_file)], stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def stop(holder: subprocess.Popen[str]) -> None:
    holder.kill()
    holder.wait()
    assert holder.stdout is not None
    holder.stdout.close()


def test_the_window_holding_the_plan_is_named_with_what_to_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_file: Path
) -> None:
    holder = hold_lock(tmp_path, plan_file)
    try:
        code, err = cli(capsys, "plan", "add", "x", "--plan-file", str(plan_file))
    finally:
        stop(holder)
    assert code == 2
    assert err.count("\n") == 1, err
    assert f"the plan is open in the ptplanner window (process {holder.pid})" in err
    assert "close the window and run this command again" in err
    assert "read-only" not in err
    assert "This one" not in err


def test_another_command_holding_the_plan_is_named(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_file: Path
) -> None:
    holder = hold_lock(tmp_path, plan_file, "plan", "import", "old.json")
    try:
        code, err = cli(capsys, "plan", "done", "abcd", "--plan-file", str(plan_file))
    finally:
        stop(holder)
    assert code == 2
    assert f"the command 'ptplanner plan import' (process {holder.pid})" in err
    assert "run this command again when that one has finished" in err


def test_an_unknown_holder_is_still_explained(
    capsys: pytest.CaptureFixture[str], plan_file: Path
) -> None:
    with PlanStore(plan_file) as other:
        other.load()
        assert holder_program(*plan_lock_owner(plan_file)) is None  # this is pytest, not ptplanner
        code, err = cli(capsys, "plan", "add", "x", "--plan-file", str(plan_file))
    assert code == 2
    assert "another ptplanner program (process" in err
    assert "close the ptplanner window, or wait for the other command to finish" in err
    assert "read-only" not in err
    start = time.monotonic()
    assert cli(capsys, "plan", "add", "x", "--plan-file", str(plan_file))[0] == 0
    assert time.monotonic() - start < 5
