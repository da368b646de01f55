"""The lock rules of the plan file (issue 18): readers take no lock and create nothing, writers
queue for the lock a bounded time, and a store that found the lock busy can take it later.

The lock is held by real child processes where it matters: ``flock`` locks belong to open files,
so only another process shows what a second window or command sees.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ptplanner.cli.main import main
from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.store import PlanStore

_HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from ptplanner.core.storage.store import PlanStore
    store = PlanStore(Path(sys.argv[1]))
    store.load()
    assert not store.read_only, store.read_only_reason
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
    store.close()
    """
)

_ADD_LOOP = textwrap.dedent(
    """
    import sys
    from ptplanner.cli.main import main
    path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    refused = [i for i in range(count) if main(["plan", "add", f"{name} {i}", "--plan-file", path])]
    print("refused", len(refused), flush=True)
    """
)


def _cli(*args: str) -> int:
    try:
        return int(main(list(args)))
    except SystemExit as exit_:
        return int(exit_.code or 0)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "plan.json"
    path.parent.mkdir()
    path.write_text(Plan(milestones=(Milestone(title="First"),)).model_dump_json())
    return path


@pytest.fixture
def lock_holder(plan_file: Path) -> Iterator[subprocess.Popen[str]]:
    """A child process that holds the plan's writer lock for two seconds, then lets it go."""
    child = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(plan_file), "2"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "locked"
    yield child
    child.kill()
    child.communicate(timeout=30)  # waits, and closes the pipe


def test_two_parallel_loops_of_adds_all_succeed(plan_file: Path) -> None:
    loops = [
        subprocess.Popen(
            [sys.executable, "-c", _ADD_LOOP, str(plan_file), name, "20"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("left", "right")
    ]
    outputs = [loop.communicate(timeout=240) for loop in loops]
    for loop, (out, err) in zip(loops, outputs, strict=True):
        assert loop.returncode == 0, err
        assert out.splitlines()[-1] == "refused 0", err
    titles = [m.title for m in parse_plan(plan_file.read_bytes()).milestones]
    assert len(titles) == 41
    assert {f"{side} {i}" for side in ("left", "right") for i in range(20)} <= set(titles)


def test_a_writer_waits_for_the_lock_to_free(
    plan_file: Path, lock_holder: subprocess.Popen[str]
) -> None:
    started = time.monotonic()
    assert _cli("plan", "add", "Queued", "--plan-file", str(plan_file)) == 0
    assert time.monotonic() - started < 30
    assert [m.title for m in parse_plan(plan_file.read_bytes()).milestones] == ["First", "Queued"]


def test_readers_take_no_lock(
    plan_file: Path, lock_holder: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert _cli("plan", "list", "--plan-file", str(plan_file)) == 0
    assert _cli("plan", "export", "-", "--plan-file", str(plan_file)) == 0
    out, err = capsys.readouterr()
    assert out.count("First") == 2
    assert err == ""
    # And a reader open in this process never keeps a writer out.
    lock_holder.wait(timeout=30)
    with PlanStore(plan_file) as reader:
        reader.load(writer=False)
        with PlanStore(plan_file) as writer:
            assert not writer.load().read_only


def test_reading_a_mistyped_plan_file_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "no" / "such" / "folder" / "plan.json"
    assert _cli("plan", "list", "--plan-file", str(typo)) == 0
    assert _cli("plan", "export", "-", "--plan-file", str(typo)) == 0
    assert not (tmp_path / "no").exists()
    empty_folder = tmp_path / "empty"
    empty_folder.mkdir()
    assert _cli("plan", "list", "--plan-file", str(empty_folder / "plan.json")) == 0
    assert list(empty_folder.iterdir()) == []
    assert "ptplanner plan init" in capsys.readouterr().out


def test_a_store_that_found_the_lock_busy_takes_it_when_it_frees(
    plan_file: Path, lock_holder: subprocess.Popen[str]
) -> None:
    with PlanStore(plan_file) as store:
        result = store.load()
        assert result.read_only
        assert store.lock_busy
        assert not store.retry_lock()
        lock_holder.wait(timeout=30)
        assert store.retry_lock()
        assert not store.changed_since_load()
        assert not store.load().read_only
        store.save(result.plan)
        assert not store.lock_busy


def test_a_store_read_only_for_another_reason_never_takes_the_lock(plan_file: Path) -> None:
    with PlanStore(plan_file) as reader:
        reader.load(writer=False)
        assert reader.read_only
        assert not reader.retry_lock()


def test_a_reader_leaves_a_damaged_plan_alone_while_a_writer_has_it(
    plan_file: Path, lock_holder: subprocess.Popen[str], capsys: pytest.CaptureFixture[str]
) -> None:
    plan_file.write_text("{ truncated")
    assert _cli("plan", "list", "--plan-file", str(plan_file)) == 0
    assert "could not be read" in capsys.readouterr().err
    assert plan_file.read_text() == "{ truncated"
    assert sorted(p.name for p in plan_file.parent.iterdir()) == ["plan.json", "plan.lock"]
