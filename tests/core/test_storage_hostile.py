"""Hostile and odd files at the plan's paths (issue 18): pipes, devices, planted links, old files,
oversized files. Each is refused, or handled, without reading, moving or replacing what is there.

The pipe and ``/dev/zero`` cases run as real processes with a time and memory limit: without the
protections they hang or eat memory, and a test must fail rather than take the run down with it.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from ptplanner.cli.main import main
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.storage import codec, import_export
from ptplanner.core.storage import store as store_module
from ptplanner.core.storage.errors import PlanImportError, SaveError
from ptplanner.core.storage.import_export import (
    export_plan_csv,
    export_plan_json,
    import_plan_csv,
    import_plan_json,
    plan_to_json,
)
from ptplanner.core.storage.store import PlanStore

POSIX = os.name == "posix"
IS_ROOT = POSIX and os.geteuid() == 0
TODAY = date(2026, 3, 15)
V0_FILE = {
    "title": "Old plan",
    "items": [
        {"title": "CMAA", "done": True, "due": "2025-01-01", "items": [{"title": "study"}]},
        {"title": "EMR", "notes": "WebPT trial", "done": False},
    ],
}

posix_only = pytest.mark.skipif(not POSIX, reason="named pipes, devices and O_NOFOLLOW")


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "plan.json"


@pytest.fixture
def store(plan_path: Path) -> Iterator[PlanStore]:
    with PlanStore(plan_path) as opened:
        yield opened


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_cli(*args: str, memory_limit: int | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m ptplanner ARGS`` in a child process that may not hang nor grow past a limit."""

    def limit_memory() -> None:
        import resource

        if memory_limit is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))

    return subprocess.run(
        [sys.executable, "-m", "ptplanner", *args],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=limit_memory,
        check=False,
    )


def assert_one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("ptplanner: error: "), err
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    for word in words:
        assert word in err, err


def siblings(path: Path) -> list[str]:
    return sorted(entry.name for entry in path.parent.iterdir())


# --- 1. the plan path is not a regular file ----------------------------------------------------


@posix_only
@pytest.mark.timeout(30)
def test_a_named_pipe_as_the_plan_is_refused_never_read_moved_or_replaced(
    store: PlanStore, plan_path: Path
) -> None:
    os.mkfifo(plan_path)
    result = store.load()
    assert result.read_only
    assert result.unreadable is not None
    assert "named pipe" in str(result.unreadable)
    assert result.moved_aside is None
    with pytest.raises(SaveError):
        store.save(ready_plan(TODAY))
    assert stat.S_ISFIFO(os.lstat(plan_path).st_mode)
    assert not [name for name in siblings(plan_path) if "corrupt" in name]
    assert not (plan_path.parent / "backups").exists()


@pytest.mark.skipif(not IS_ROOT, reason="making a device node needs root")
def test_a_device_node_as_the_plan_is_never_renamed_nor_replaced(
    capsys: pytest.CaptureFixture[str], plan_path: Path
) -> None:
    os.mknod(plan_path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    code, _, err = cli(capsys, "plan", "--plan-file", str(plan_path), "list")
    assert_one_line_error(code, err, str(plan_path), "device")
    code, _, err = cli(capsys, "plan", "--plan-file", str(plan_path), "add", "Study")
    assert_one_line_error(code, err, "device")
    info = os.lstat(plan_path)
    assert stat.S_ISCHR(info.st_mode)
    assert info.st_rdev == os.makedev(1, 3)
    assert not [name for name in siblings(plan_path) if "corrupt" in name]
    with PlanStore(plan_path) as direct, pytest.raises(SaveError):
        direct.save(ready_plan(TODAY))  # a save without a load first (`plan init`)
    assert stat.S_ISCHR(os.lstat(plan_path).st_mode)
    backups = plan_path.parent / "backups"
    assert not backups.exists() or not list(backups.iterdir())  # no device linked in there


@posix_only
@pytest.mark.timeout(30)
def test_a_link_to_a_named_pipe_is_refused_and_a_link_to_a_file_still_works(
    tmp_path: Path, plan_path: Path
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    plan_path.symlink_to(pipe)
    with PlanStore(plan_path) as refused:
        result = refused.load()
        assert result.unreadable is not None
        assert "a link to a named pipe" in str(result.unreadable)
    assert plan_path.is_symlink()
    assert stat.S_ISFIFO(os.stat(plan_path).st_mode)

    plan_path.unlink()
    synced = tmp_path / "synced.json"
    plan_path.symlink_to(synced)
    with PlanStore(plan_path) as linked:
        assert linked.load().unreadable is None
        linked.save(ready_plan(TODAY))
    with PlanStore(plan_path) as again:
        result = again.load()
        assert not result.read_only
        assert result.unreadable is None
    assert plan_path.is_symlink()
    assert synced.is_file()


@posix_only
def test_a_named_pipe_plan_fails_the_cli_with_one_line_instead_of_hanging(
    tmp_path: Path,
) -> None:
    pipe = tmp_path / "plan.json"
    os.mkfifo(pipe)
    done = run_cli("plan", "--plan-file", str(pipe), "list")
    assert_one_line_error(done.returncode, done.stderr, "named pipe")
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_without_reading_it(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.symlink_to("/dev/zero")
    done = run_cli("plan", "--plan-file", str(plan), "list", memory_limit=2 * 1024**3)
    assert_one_line_error(done.returncode, done.stderr, "a link to a device")
    assert plan.is_symlink()
    assert os.readlink(plan) == "/dev/zero"


# --- 2. a planted plan.lock ----------------------------------------------------------------------


@posix_only
def test_a_plan_lock_link_is_not_followed_and_its_target_is_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, plan_path: Path
) -> None:
    with PlanStore(plan_path) as first:
        first.load()
        first.save(ready_plan(TODAY))
    outside = tmp_path / "precious.txt"
    outside.write_text("do not overwrite me\n")
    lock = plan_path.parent / "plan.lock"
    lock.unlink()
    lock.symlink_to(outside)

    with PlanStore(plan_path) as store:
        result = store.load()
        assert result.read_only
        assert any("symbolic link" in message for message in result.messages)
        with pytest.raises(SaveError):
            store.save(result.plan)
    code, out, _ = cli(capsys, "plan", "--plan-file", str(plan_path), "list")
    assert code == 0  # reading works without following the link
    assert "Get certified" in out or out.strip()
    code, _, err = cli(capsys, "plan", "--plan-file", str(plan_path), "add", "Study")
    assert_one_line_error(code, err, "symbolic link")

    assert outside.read_text() == "do not overwrite me\n"
    assert lock.is_symlink()


@posix_only
@pytest.mark.timeout(30)
def test_a_named_pipe_as_plan_lock_neither_hangs_nor_is_taken(plan_path: Path) -> None:
    os.mkfifo(plan_path.parent / "plan.lock")
    with PlanStore(plan_path) as store:
        result = store.load()
    assert result.read_only
    assert "named pipe" in result.messages[0]


def test_a_lock_file_with_another_hard_link_is_locked_but_not_rewritten(
    tmp_path: Path, plan_path: Path
) -> None:
    outside = tmp_path / "precious.txt"
    outside.write_text("shared content\n")
    os.link(outside, plan_path.parent / "plan.lock")
    with PlanStore(plan_path) as store:
        assert not store.load().read_only
        store.save(ready_plan(TODAY))
    assert outside.read_text() == "shared content\n"


def test_a_fresh_lock_file_still_names_its_holder(plan_path: Path) -> None:
    with PlanStore(plan_path) as store:
        store.load()
        text = (plan_path.parent / "plan.lock").read_text()
    assert text.startswith(f"{os.getpid()}\n")


# --- 3. pre-versioning (v0) files ----------------------------------------------------------------


def test_v0_ids_are_the_same_on_every_load_and_one_original_is_kept(plan_path: Path) -> None:
    original = json.dumps(V0_FILE).encode()
    plan_path.write_bytes(original)
    loads: list[Plan] = []
    for _ in range(3):
        with PlanStore(plan_path) as store:
            loads.append(store.load().plan)
            kept = [info for info in store.list_backups() if info.tag == "v0"]
    ids = [[m.id for m in plan.flatten()] for plan in loads]
    assert ids[0] == ids[1] == ids[2]
    assert len(set(ids[0])) == 3
    assert len(kept) == 1
    assert kept[0].path.read_bytes() == original
    assert plan_path.read_bytes() == original  # loading alone never rewrites the file


def test_v0_ids_from_plan_list_work_in_plan_done(
    capsys: pytest.CaptureFixture[str], plan_path: Path
) -> None:
    plan_path.write_text(json.dumps(V0_FILE))
    code, out, err = cli(capsys, "plan", "--plan-file", str(plan_path), "list")
    assert code == 0, err
    emr_line = next(line for line in out.splitlines() if line.endswith("  EMR"))
    short_id = emr_line.split()[2]  # "[ ] <id>  EMR"
    code, _, err = cli(capsys, "plan", "--plan-file", str(plan_path), "done", short_id)
    assert code == 0, err
    with PlanStore(plan_path) as store:
        saved = store.load().plan
    emr = next(m for m in saved.flatten() if m.title == "EMR")
    assert emr.id.startswith(short_id)
    assert emr.status == Status.DONE


# --- 4. one size limit ---------------------------------------------------------------------------


def test_an_oversized_plan_file_is_left_untouched_and_opened_read_only(
    monkeypatch: pytest.MonkeyPatch, store: PlanStore, plan_path: Path
) -> None:
    with PlanStore(plan_path) as first:
        first.load()
        first.save(ready_plan(TODAY))
    before = plan_path.read_bytes()
    monkeypatch.setattr(store_module, "MAX_PLAN_BYTES", len(before) - 1)
    result = store.load()
    assert result.read_only
    assert result.unreadable is not None
    assert "MiB" in str(result.unreadable)
    assert result.moved_aside is None
    assert plan_path.read_bytes() == before


def test_a_plan_over_the_limit_is_not_saved(
    monkeypatch: pytest.MonkeyPatch, store: PlanStore, plan_path: Path
) -> None:
    store.load()
    store.save(ready_plan(TODAY))
    before = plan_path.read_bytes()
    monkeypatch.setattr(store_module, "MAX_PLAN_BYTES", 1024)
    with pytest.raises(SaveError, match="MiB"):
        store.save(ready_plan(TODAY))
    assert plan_path.read_bytes() == before


@pytest.mark.parametrize(
    ("export", "read_back"),
    [(export_plan_json, import_plan_json), (export_plan_csv, import_plan_csv)],
)
def test_what_export_writes_imports_back_and_it_refuses_what_would_not(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, export: object, read_back: object
) -> None:
    assert callable(export)
    assert callable(read_back)
    plan = ready_plan(TODAY)
    target = tmp_path / "out"
    export(plan, target)
    size = target.stat().st_size
    monkeypatch.setattr(import_export, "MAX_PLAN_BYTES", size)
    assert len(read_back(target).flatten()) == len(plan.flatten())  # exactly at the limit
    monkeypatch.setattr(import_export, "MAX_PLAN_BYTES", size - 1)
    with pytest.raises(PlanImportError, match="MiB"):
        read_back(target)
    fresh = tmp_path / "fresh"
    with pytest.raises(SaveError, match="MiB"):
        export(plan, fresh)
    assert not fresh.exists()


def test_loading_and_importing_share_one_limit_that_a_full_sized_plan_fits() -> None:
    # The same object, not two constants that happen to agree today.
    assert vars(import_export)["MAX_PLAN_BYTES"] is codec.MAX_PLAN_BYTES
    assert vars(store_module)["MAX_PLAN_BYTES"] is codec.MAX_PLAN_BYTES
    steps = tuple(
        Milestone(
            title=f"Step {n} of the largest plan import allows",
            notes="Call the payer, note the reference number. " * 5,
            why="Needed for the next pay step.",
        )
        for n in range(import_export.MAX_IMPORT_MILESTONES)
    )
    plan = Plan(title="Full", milestones=steps)
    assert len(plan_to_json(plan)) < codec.MAX_PLAN_BYTES
