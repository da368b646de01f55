"""Plan storage under stress: crashes mid-save, damaged files, full disks, two windows, imports.

Nothing here is mocked away except where the real fault cannot be produced on demand (a full disk;
a read-only folder when the tests run as root): those are injected at the exact OS call that would
fail. The crash test kills real processes with SIGKILL.
"""

from __future__ import annotations

import errno
import json
import os
import random
import re
import signal
import stat
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.operations import add_milestone, set_status
from ptplanner.core.plan.template import empty_plan, ready_plan
from ptplanner.core.storage.codec import MAX_PLAN_BYTES, parse_plan
from ptplanner.core.storage.errors import (
    CorruptPlanError,
    PlanChangedOnDisk,
    PlanImportError,
    RestoreError,
    SaveError,
)
from ptplanner.core.storage.import_export import (
    CSV_COLUMNS,
    MAX_IMPORT_MILESTONES,
    export_plan_csv,
    export_plan_json,
    import_plan_csv,
    import_plan_json,
    plan_from_csv,
    plan_to_csv,
)
from ptplanner.core.storage.migrations import migrate, migration
from ptplanner.core.storage.store import PlanStore

TODAY = date(2026, 3, 15)
POSIX = os.name == "posix"


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "plan.json"


@pytest.fixture
def store(plan_path: Path) -> Iterator[PlanStore]:
    with PlanStore(plan_path) as opened:
        yield opened


def big_plan(count: int, *, seed: int = 0, title: str = "Big plan") -> Plan:
    """``count`` milestones, ten to a parent, with notes, dates and statuses."""
    rng = random.Random(seed)
    statuses = list(Status)
    tops = []
    made = 0
    while made < count:
        kids = tuple(
            Milestone(
                id=f"{seed}-{made + k}",
                title=f"Sub-step {made + k} for seed {seed}",
                notes="Call the payer, note the reference number. " * rng.randint(0, 3),
                status=rng.choice(statuses),
                target_date=TODAY + timedelta(days=rng.randint(-100, 900)),
            )
            for k in range(1, min(10, count - made))
        )
        tops.append(Milestone(id=f"{seed}-{made}", title=f"Step {made}", children=kids))
        made += 1 + len(kids)
    return Plan(title=title, milestones=tuple(tops))


def same_content(a: Plan, b: Plan) -> bool:
    """Equal apart from ``modified``, which every save stamps."""
    return bool(a.model_copy(update={"modified": b.modified}) == b)


def unsaved(store: PlanStore) -> bool:
    """Whether the store has unsaved changes, read afresh (a type checker would keep an earlier
    assert's answer for the property)."""
    return store.has_unsaved_changes


def last_error(store: PlanStore) -> str | None:
    """The store's last save error, read afresh (as :func:`unsaved`)."""
    return store.last_error


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --- basic saving and loading -----------------------------------------------------------------


def test_missing_file_gives_a_fresh_plan_without_error(store: PlanStore, plan_path: Path) -> None:
    result = store.load(lambda: ready_plan(TODAY))
    assert result.is_new
    assert not result.read_only
    assert result.messages == ()
    assert result.plan.count() > 20
    assert not plan_path.exists()  # nothing is written until the caller saves
    assert store.load(empty_plan).plan.milestones == ()


def test_default_location_comes_from_the_environment(tmp_path: Path) -> None:
    with PlanStore() as default:
        assert default.path == tmp_path / "user" / "data" / "plan.json"


def test_save_and_load_round_trip(store: PlanStore, plan_path: Path) -> None:
    store.load()
    plan = ready_plan(TODAY)
    before = datetime.now().astimezone()
    store.save(plan)
    saved = store.last_saved
    assert saved is not None
    assert saved.modified >= before
    assert same_content(plan, saved)
    store.close()
    with PlanStore(plan_path) as again:
        result = again.load()
    assert result.messages == ()
    assert not result.read_only
    assert not result.is_new
    assert result.plan == saved


@pytest.mark.skipif(not POSIX, reason="POSIX permission bits")
def test_files_are_private(store: PlanStore, plan_path: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        store.load()
        store.save(empty_plan())
        store.save(ready_plan(TODAY))  # the second save makes a backup
    finally:
        os.umask(old_umask)
    assert mode(plan_path.parent) == 0o700
    assert mode(plan_path) == 0o600
    assert mode(plan_path.parent / "plan.lock") == 0o600
    assert mode(plan_path.parent / "backups") == 0o700
    assert all(mode(info.path) == 0o600 for info in store.list_backups())


def test_save_leaves_no_temp_files_and_replaces_atomically(
    store: PlanStore, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.load()
    store.save(big_plan(50))
    calls: list[tuple[str, str]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        calls.append((str(src), str(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    store.save(big_plan(60, seed=1))
    assert len(calls) == 1
    source, destination = calls[0]
    assert Path(destination) == plan_path
    assert Path(source).parent == plan_path.parent
    assert sorted(p.name for p in plan_path.parent.iterdir()) == [
        "backups",
        "plan.json",
        "plan.lock",
    ]


@pytest.mark.skipif(not POSIX, reason="symlinks")
def test_a_symlinked_plan_file_stays_a_symlink(tmp_path: Path, plan_path: Path) -> None:
    synced = tmp_path / "Dropbox" / "plan.json"
    synced.parent.mkdir()
    plan_path.parent.mkdir(parents=True)
    plan_path.symlink_to(synced)
    with PlanStore(plan_path) as linked:
        linked.load()
        linked.save(empty_plan())
        linked.save(ready_plan(TODAY))
        assert plan_path.is_symlink()
        assert parse_plan(synced.read_bytes()).count() > 20
        assert linked.read_backup(linked.list_backups()[0].path).milestones == ()


def test_a_plan_that_would_not_load_back_is_never_written(
    store: PlanStore, plan_path: Path
) -> None:
    store.load()
    good = ready_plan(TODAY)
    store.save(good)
    before = plan_path.read_bytes()
    first = good.milestones[0]
    # model_copy skips validation, so this duplicate id can only be caught by the save check
    broken = good.model_copy(update={"milestones": (first, first)})
    with pytest.raises(SaveError, match="inconsistent"):
        store.save(broken)
    assert plan_path.read_bytes() == before


# --- crash safety -----------------------------------------------------------------------------

CHILD = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from ptplanner.core.plan.model import Plan
    from ptplanner.core.storage.store import PlanStore

    path, stop_at = Path(sys.argv[1]), sys.argv[4]
    plans = [Plan.model_validate_json(Path(p).read_bytes()) for p in sys.argv[2:4]]
    store = PlanStore(path)
    result = store.load()
    if result.read_only or result.messages:
        print("bad start", result.messages, flush=True)
        sys.exit(1)
    if stop_at == "fsync":
        # Park at the temp file's fsync: bytes written, not yet durable nor renamed.
        real_fsync = os.fsync
        def parked_fsync(fd):
            if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp"):
                print("parked", flush=True)
                time.sleep(60)
            return real_fsync(fd)
        os.fsync = parked_fsync
    elif stop_at == "replace":
        # Park just before the rename: the temp file is complete and synced.
        def parked_replace(src, dst):
            print("parked", flush=True)
            time.sleep(60)
        os.replace = parked_replace
    print("ready", flush=True)
    i = 0 if stop_at == "random" else 1  # a parked child is caught writing the *new* version
    while True:
        store.save(plans[i % 2])
        i += 1
    """
)


def heavy_plan(count: int, seed: int, title: str) -> Plan:
    """Few steps with long notes: most of a save is then writing bytes, the part a crash hits."""
    return Plan(
        title=title,
        milestones=tuple(
            Milestone(id=f"{seed}-{i}", title=f"Step {i}", notes=f"{seed}:{i} " * 1200)
            for i in range(count)
        ),
    )


@pytest.fixture
def saver(tmp_path: Path) -> Iterator[Callable[[str], subprocess.Popen[str]]]:
    """Start a child that saves the two plans in turn, forever, until it is killed."""
    plan_path = tmp_path / "data" / "plan.json"
    script = tmp_path / "saver.py"
    script.write_text(CHILD)
    children: list[subprocess.Popen[str]] = []

    def start(stop_at: str) -> subprocess.Popen[str]:
        child = subprocess.Popen(
            [
                sys.executable,
                str(script),
                str(plan_path),
                str(tmp_path / "first.json"),
                str(tmp_path / "second.json"),
                stop_at,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        children.append(child)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        return child

    yield start
    for child in children:
        if child.poll() is None:
            child.kill()
        child.wait()
        if child.stdout:
            child.stdout.close()


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def crash_setup(tmp_path: Path) -> tuple[Path, Plan, Plan]:
    plan_path = tmp_path / "data" / "plan.json"
    first, second = heavy_plan(300, 1, "First"), heavy_plan(340, 2, "Second")
    (tmp_path / "first.json").write_text(first.model_dump_json())
    (tmp_path / "second.json").write_text(second.model_dump_json())
    with PlanStore(plan_path) as initial:
        initial.load()
        initial.save(first)
    return plan_path, first, second


def check_after_crash(plan_path: Path, first: Plan, second: Plan) -> Plan:
    """The file is exactly one of the two versions, and the next start is quiet and writable."""
    on_disk = parse_plan(plan_path.read_bytes())
    assert same_content(first, on_disk) or same_content(second, on_disk)
    # The dead child's lock died with it: a new store opens the plan for writing.
    with PlanStore(plan_path) as after:
        result = after.load()
    assert not result.read_only
    assert result.messages == ()
    assert not list(plan_path.parent.glob("*.corrupt-*"))
    assert not list(plan_path.parent.glob(".plan.json.*.tmp"))  # load cleared the leftovers
    return on_disk


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killing_a_saving_process_at_random_never_leaves_a_mixed_file(
    tmp_path: Path, saver: Callable[[str], subprocess.Popen[str]]
) -> None:
    plan_path, first, second = crash_setup(tmp_path)
    rng = random.Random(20260315)
    seen = {"First": 0, "Second": 0}
    mid_write = 0
    for _ in range(40):
        child = saver("random")
        time.sleep(rng.uniform(0.0, 0.12))
        kill(child)
        mid_write += bool(list(plan_path.parent.glob(".plan.json.*.tmp")))
        seen[check_after_crash(plan_path, first, second).title] += 1
    print(f"40 kills: {mid_write} landed while a temp file was being written; on disk {seen}")
    assert seen["Second"] > 0  # the kills really landed between and during saves


@pytest.mark.skipif(
    not hasattr(signal, "SIGKILL") or not Path("/proc/self/fd").is_dir(), reason="needs Linux"
)
@pytest.mark.parametrize("stop_at", ["fsync", "replace"])
def test_killing_at_the_riskiest_moments(
    tmp_path: Path, saver: Callable[[str], subprocess.Popen[str]], stop_at: str
) -> None:
    """Killed after the new bytes are written but before they are synced or renamed in."""
    plan_path, first, second = crash_setup(tmp_path)
    child = saver(stop_at)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "parked"
    kill(child)
    assert list(plan_path.parent.glob(".plan.json.*.tmp"))  # killed mid-save indeed
    assert same_content(first, check_after_crash(plan_path, first, second))


# --- damaged files ----------------------------------------------------------------------------


def good_backups(store: PlanStore, plan_path: Path) -> Plan:
    """Save three versions so backups exist; returns the plan now in plan.json."""
    store.load()
    plan = empty_plan()
    for title in ("one", "two", "three"):
        plan = add_milestone(plan, Milestone(title=title)).plan
        store.save(plan)
    store.close()
    saved = store.last_saved
    assert saved is not None
    return saved


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": truncated,
    "empty": lambda data: b"",
    "not json": lambda data: b"this is not json at all",
    "binary": lambda data: bytes(range(256)) * 4,
    "a list": lambda data: b"[1, 2, 3]",
    "bad schema": lambda data: json.dumps(
        {"schema_version": 1, "milestones": [{"title": ""}], "created": "x"}
    ).encode(),
    "bad version type": lambda data: re.sub(
        rb'"schema_version": ?1', b'"schema_version": "1"', data
    ),
    "unknown field": lambda data: data.replace(b'"title":', b'"colour":"red","title":', 1),
    "utf-16": lambda data: data.decode("utf-8").encode("utf-16")[:-3],
}


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_file_is_moved_aside_and_the_newest_good_backup_loaded(
    damage: str, plan_path: Path
) -> None:
    store = PlanStore(plan_path, clock=lambda: datetime(2026, 3, 15, 9, 30, 5))
    good_backups(store, plan_path)
    newest_backup = store.list_backups()[0]
    bad = DAMAGE[damage](plan_path.read_bytes())
    plan_path.write_bytes(bad)

    with PlanStore(plan_path, clock=lambda: datetime(2026, 3, 15, 9, 30, 5)) as recovering:
        result = recovering.load()

    assert not result.read_only
    aside = plan_path.parent / "plan.corrupt-20260315-093005.json"
    assert result.moved_aside == aside
    assert aside.read_bytes() == bad  # the bad file is kept byte for byte
    assert result.restored_from == newest_backup.path
    assert [m.title for m in result.plan.milestones] == ["one", "two"]
    message = " ".join(result.messages)
    assert str(aside) in message
    assert str(newest_backup.path) in message
    assert "could not be read" in message
    # plan.json is good again, so the next start is quiet
    with PlanStore(plan_path) as next_start:
        assert next_start.load().messages == ()


def test_recovery_skips_damaged_backups_and_never_reuses_a_corrupt_name(plan_path: Path) -> None:
    clock = lambda: datetime(2026, 3, 15, 9, 30, 5)  # noqa: E731
    store = PlanStore(plan_path, clock=clock)
    good_backups(store, plan_path)
    store.list_backups()[0].path.write_bytes(b"{")  # the newest backup is damaged too
    for attempt in range(2):
        plan_path.write_bytes(b"garbage %d" % attempt)
        with PlanStore(plan_path, clock=clock) as recovering:
            result = recovering.load()
        assert [m.title for m in result.plan.milestones] == ["one"]
    corrupt = sorted(p.name for p in plan_path.parent.glob("plan.corrupt-*"))
    assert corrupt == ["plan.corrupt-20260315-093005-1.json", "plan.corrupt-20260315-093005.json"]


def test_damaged_file_without_backups_starts_fresh_and_says_so(
    store: PlanStore, plan_path: Path
) -> None:
    plan_path.parent.mkdir(parents=True)
    plan_path.write_bytes(b'{"schema_version": 1, "milestones": [')
    result = store.load(lambda: ready_plan(TODAY))
    assert result.is_new
    assert result.moved_aside is not None
    assert result.moved_aside.read_bytes() == b'{"schema_version": 1, "milestones": ['
    assert "No usable backup" in result.messages[0]
    assert result.plan.count() > 20


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=400))
def test_any_bytes_load_without_crashing_and_are_preserved(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.json"
        path.write_bytes(data)
        with PlanStore(path) as random_store:
            result = random_store.load()
        if result.moved_aside is None:
            assert result.messages == ()
            assert path.read_bytes() == data
        else:
            assert result.moved_aside.read_bytes() == data
            assert result.messages


def test_newer_version_opens_read_only_and_is_left_alone(store: PlanStore, plan_path: Path) -> None:
    plan_path.parent.mkdir(parents=True)
    newer = json.loads(ready_plan(TODAY).model_dump_json())
    newer["schema_version"] = 2
    data = json.dumps(newer).encode()
    plan_path.write_bytes(data)
    result = store.load()
    assert result.read_only
    assert "newer version of ptplanner" in result.messages[0]
    assert result.plan.count() > 20  # shown as far as it can be read
    with pytest.raises(SaveError, match="newer version"):
        store.save(empty_plan())
    with pytest.raises(RestoreError):
        store.restore_backup(plan_path)
    assert plan_path.read_bytes() == data
    assert not list(plan_path.parent.glob("*.corrupt-*"))


def test_newer_version_with_a_different_shape_still_opens_read_only(
    store: PlanStore, plan_path: Path
) -> None:
    plan_path.parent.mkdir(parents=True)
    plan_path.write_text('{"schema_version": 7, "goals": {"a": 1}}')
    result = store.load()
    assert result.read_only
    assert result.plan.milestones == ()
    assert plan_path.read_text() == '{"schema_version": 7, "goals": {"a": 1}}'


# --- migrations -------------------------------------------------------------------------------

V0_FILE = {
    "title": "Old plan",
    "items": [
        {"title": "CMAA", "done": True, "due": "2025-01-01", "items": [{"title": "study"}]},
        {"title": "EMR", "notes": "WebPT trial", "done": False},
    ],
}


def test_v0_files_are_upgraded_and_the_original_kept(store: PlanStore, plan_path: Path) -> None:
    plan_path.parent.mkdir(parents=True)
    original = json.dumps(V0_FILE).encode()
    plan_path.write_bytes(original)
    result = store.load()
    assert result.messages == ()
    assert not result.read_only
    plan = result.plan
    assert plan.title == "Old plan"
    cmaa, emr = plan.milestones
    assert (cmaa.status, cmaa.target_date) == (Status.DONE, date(2025, 1, 1))
    assert [c.title for c in cmaa.children] == ["study"]
    assert (emr.status, emr.notes) == (Status.NOT_STARTED, "WebPT trial")
    kept = [info for info in store.list_backups() if info.tag == "v0"]
    assert len(kept) == 1
    assert kept[0].path.read_bytes() == original
    store.save(plan)
    assert json.loads(plan_path.read_bytes())["schema_version"] == 1
    # the tagged original survives any amount of rotation
    for _ in range(15):
        store.save(plan)
    assert [info.tag for info in store.list_backups()].count("v0") == 1


def test_migration_registry() -> None:
    assert migrate({"schema_version": 1, "x": 1}) == {"schema_version": 1, "x": 1}
    upgraded = migrate({"items": []})
    assert upgraded["schema_version"] == 1
    assert upgraded["milestones"] == []
    with pytest.raises(ValueError, match="two migrations"):
        migration(0)(lambda raw: raw)
    with pytest.raises(CorruptPlanError):
        migrate({"schema_version": -1})


def test_v0_file_with_unexpected_keys_is_not_silently_trimmed(
    store: PlanStore, plan_path: Path
) -> None:
    plan_path.parent.mkdir(parents=True)
    plan_path.write_text(json.dumps({"items": [{"title": "a", "priority": 3}]}))
    result = store.load()
    assert result.moved_aside is not None
    assert "priority" in result.messages[0]


# --- failed saves -----------------------------------------------------------------------------


def fail_with(err: int) -> Callable[..., object]:
    def fail(*args: object, **kwargs: object) -> object:
        raise OSError(err, os.strerror(err))

    return fail


@pytest.mark.parametrize(
    ("call", "err", "words"),
    [
        ("mkstemp", errno.ENOSPC, "disk is full"),
        ("replace", errno.EROFS, "read-only or no permission"),
        ("fsync", errno.EIO, "not saved"),
    ],
)
def test_failed_save_raises_keeps_the_plan_and_retries(
    call: str,
    err: int,
    words: str,
    store: PlanStore,
    plan_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.load()
    old = ready_plan(TODAY)
    store.save(old)
    before = plan_path.read_bytes()
    new = add_milestone(old, Milestone(title="Unsaved work")).plan
    target = tempfile if call == "mkstemp" else os
    with monkeypatch.context() as patch:
        patch.setattr(target, call, fail_with(err))
        with pytest.raises(SaveError) as caught:
            store.save(new)
        assert "\n" not in str(caught.value)
        assert words in str(caught.value)
        assert store.has_unsaved_changes
        assert store.last_error == str(caught.value)
        assert not store.try_save(new)
        assert not store.retry_save()
    assert plan_path.read_bytes() == before  # the old file is untouched
    assert not list(plan_path.parent.glob(".plan.json.*.tmp"))
    assert store.retry_save()
    assert not unsaved(store)
    assert last_error(store) is None
    assert same_content(new, parse_plan(plan_path.read_bytes()))


def test_failed_saves_and_retries_do_not_wipe_the_backup_history(
    store: PlanStore, plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long disk-full spell with autosave retrying must not push real versions out of the
    last-ten rotation with copies of the one unchanged plan.json."""
    store.load()
    plan = empty_plan()
    for version in range(1, 13):
        plan = add_milestone(plan, Milestone(title=f"version {version}")).plan
        store.save(plan)
    with monkeypatch.context() as patch:
        patch.setattr(tempfile, "mkstemp", fail_with(errno.ENOSPC))
        for attempt in range(12):
            edited = add_milestone(plan, Milestone(title=f"unsaved {attempt}")).plan
            assert not store.try_save(edited)
            assert not store.retry_save()
    backups = store.list_backups()
    # One copy of the version that was on disk when the trouble began, not one per attempt.
    assert len({b.path.read_bytes() for b in backups}) == len(backups)
    assert store.retry_save()
    titles = [
        [m.title for m in parse_plan(b.path.read_bytes()).milestones][-1]
        for b in store.list_backups()
    ]
    assert len(titles) == len(set(titles)), titles  # every backup a different version
    # The ten newest real versions survive the outage (11 and 12 were on disk in turn).
    assert {f"version {v}" for v in range(3, 13)} <= set(titles)


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="root ignores folder permissions")
def test_really_read_only_folder(store: PlanStore, plan_path: Path) -> None:
    store.load()
    store.save(empty_plan())
    plan_path.parent.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="read-only or no permission"):
            store.save(ready_plan(TODAY))
        assert store.has_unsaved_changes
    finally:
        plan_path.parent.chmod(0o700)
    assert store.retry_save()


def test_unwritable_data_location_opens_read_only(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with PlanStore(blocker / "data" / "plan.json") as blocked:
        result = blocked.load()
        assert result.read_only
        assert "cannot create the folder" in result.messages[0]
        with pytest.raises(SaveError):
            blocked.save(empty_plan())


# --- two windows ------------------------------------------------------------------------------


def test_second_store_is_read_only_until_the_first_closes(plan_path: Path) -> None:
    first = PlanStore(plan_path)
    assert not first.load().read_only
    first.save(ready_plan(TODAY))
    with PlanStore(plan_path) as second:
        result = second.load()
        assert result.read_only
        assert "Another ptplanner window has this plan open" in result.messages[0]
        assert f"process {os.getpid()}" in result.messages[0]
        assert result.plan.count() > 20  # still readable
        with pytest.raises(SaveError, match="Another ptplanner window"):
            second.save(empty_plan())
    first.close()
    with PlanStore(plan_path) as third:
        assert not third.load().read_only


def test_stale_lock_file_is_taken_over(plan_path: Path) -> None:
    plan_path.parent.mkdir(parents=True)
    (plan_path.parent / "plan.lock").write_text("999999999\nother-host\n")
    with PlanStore(plan_path) as taking_over:
        result = taking_over.load()
        assert not result.read_only
        assert result.messages == ()
        assert (plan_path.parent / "plan.lock").read_text().startswith(f"{os.getpid()}\n")


def test_lock_held_by_another_process(plan_path: Path) -> None:
    code = (
        "import sys, time; from pathlib import Path;"
        " from ptplanner.core.storage.store import PlanStore;"
        "s = PlanStore(Path(sys.argv[1])); r = s.load(); print(r.read_only, flush=True); "
        "time.sleep(60)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(plan_path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "False"
        with PlanStore(plan_path) as blocked:
            result = blocked.load()
        assert result.read_only
        assert f"process {holder.pid}" in result.messages[0]
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout:
            holder.stdout.close()
    with PlanStore(plan_path) as free:
        assert not free.load().read_only


# --- backups ----------------------------------------------------------------------------------


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def test_backups_keep_the_last_ten_and_one_per_day_for_a_week(plan_path: Path) -> None:
    clock = Clock(datetime(2026, 3, 1, 8, 0))
    store = PlanStore(plan_path, clock=clock)
    store.load()
    plan = empty_plan()
    saves: list[datetime] = []
    for day in range(12):
        for hour in (9, 12, 17):
            clock.now = datetime(2026, 3, 1 + day, hour, 0)
            plan = add_milestone(plan, Milestone(title=f"day {day} hour {hour}")).plan
            store.save(plan)
            saves.append(clock.now)
    store.close()
    kept = [info.saved_at for info in store.list_backups()]
    assert kept == sorted(kept, reverse=True)
    backup_times = saves[1:]  # each save backs up the file it replaces (none before the first)
    expected = set(backup_times[-10:])
    today = clock.now.date()
    for day in range(7):
        same_day = [t for t in backup_times if t.date() == today - timedelta(days=day)]
        if same_day:
            expected.add(max(same_day))
    assert set(kept) == expected
    assert len(kept) == 10 + 3  # three more days before the last ten saves' days


def test_saving_an_unchanged_plan_again_makes_no_backup(store: PlanStore, plan_path: Path) -> None:
    store.load()
    first = ready_plan(TODAY)
    store.save(first)
    second = add_milestone(first, Milestone(title="One more")).plan
    store.save(second)
    assert len(store.list_backups()) == 1
    for _ in range(12):  # autosave firing with no edits
        store.save(second)
    assert len(store.list_backups()) == 1
    assert same_content(first, store.read_backup(store.list_backups()[0].path))
    plan_path.write_bytes(plan_path.read_bytes().replace(b"One more", b"Edited elsewhere"))
    # An outside edit is never overwritten unread (issue 22); once merged, it is kept as a
    # backup before it is replaced.
    with pytest.raises(PlanChangedOnDisk) as changed:
        store.save(second)
    assert b"Edited elsewhere" in plan_path.read_bytes()
    store.save_merged(second, changed.value.disk_plan)
    assert len(store.list_backups()) == 2
    assert store.read_backup(store.list_backups()[0].path).milestones[-1].title == (
        "Edited elsewhere"
    )


def test_restore_backup_saves_it_and_backs_up_the_current_plan(plan_path: Path) -> None:
    clock = Clock(datetime(2026, 3, 1, 8, 0))
    store = PlanStore(plan_path, clock=clock)
    store.load()
    plan = empty_plan()
    for minute in range(4):
        clock.now = datetime(2026, 3, 1, 8, minute)
        plan = add_milestone(plan, Milestone(title=f"v{minute}")).plan
        store.save(plan)
    oldest = store.list_backups()[-1]
    assert store.read_backup(oldest.path).count() == 1
    current = plan_path.read_bytes()
    clock.now = datetime(2026, 3, 1, 9, 0)
    restored = store.restore_backup(oldest.path)
    assert [m.title for m in restored.milestones] == ["v0"]
    assert same_content(parse_plan(plan_path.read_bytes()), restored)
    assert store.list_backups()[0].path.read_bytes() == current
    oldest.path.write_bytes(b"{broken")
    with pytest.raises(RestoreError, match="cannot be used"):
        store.restore_backup(oldest.path)
    assert [m.title for m in parse_plan(plan_path.read_bytes()).milestones] == ["v0"]
    store.close()


# --- import and export ------------------------------------------------------------------------


def test_json_export_import_round_trip(tmp_path: Path) -> None:
    ready = ready_plan(TODAY)
    plan = set_status(ready, ready.milestones[0].id, "done", TODAY).plan
    target = tmp_path / "out.json"
    export_plan_json(plan, target)
    assert import_plan_json(target) == plan
    assert import_plan_json(target.rename(tmp_path / "plain")) == plan


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def nested_raw(depth: int) -> dict[str, object]:
    node: dict[str, object] = {"title": "deepest"}
    for level in range(depth - 1):
        node = {"title": f"level {level}", "children": [node]}
    return {"schema_version": 1, "milestones": [node]}


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("huge.json", b" " * (MAX_PLAN_BYTES + 1), "MiB"),
        (
            "many.json",
            json.dumps(
                {"schema_version": 1, "milestones": [{"title": "x"}] * (MAX_IMPORT_MILESTONES + 1)}
            ),
            "more than 20,000",
        ),
        ("deep.json", json.dumps(nested_raw(9)), "more than 8 levels"),
        ("very-deep.json", "[" * 100_000 + "]" * 100_000, "not a ptplanner plan"),
        ("text.json", "hello", "not valid JSON"),
        ("newer.json", '{"schema_version": 3, "milestones": []}', "newer version"),
        ("invalid.json", '{"schema_version": 1, "milestones": [{"title": 5}]}', "not a ptplanner"),
    ],
)
def test_import_refuses_bad_files(
    tmp_path: Path, store: PlanStore, plan_path: Path, name: str, content: bytes | str, words: str
) -> None:
    store.load()
    store.save(ready_plan(TODAY))
    before = plan_path.read_bytes()
    path = write(tmp_path, name, content)
    with pytest.raises(PlanImportError, match=words):
        import_plan_json(path)
    assert plan_path.read_bytes() == before


def test_import_accepts_the_limits_exactly_and_old_versions(tmp_path: Path) -> None:
    assert import_plan_json(write(tmp_path, "deep.json", json.dumps(nested_raw(8)))).count() == 8
    old = import_plan_json(write(tmp_path, "v0.json", json.dumps(V0_FILE)))
    assert [m.title for m in old.milestones] == ["CMAA", "EMR"]
    with pytest.raises(PlanImportError, match="Cannot read"):
        import_plan_json(tmp_path / "missing.json")


def tricky_plan() -> Plan:
    plan = ready_plan(TODAY)
    first = plan.milestones[0].id
    plan = set_status(plan, first, Status.DONE, TODAY).plan
    odd = Milestone(
        title='Quotes " and, commas; ünïcödé 🙂',
        notes='line one\nline two, with "quotes"\r\nand =SUM(A1)',
        why="",
        salary_link={"kind": "location", "value": "Boston-Cambridge-Newton, MA-NH"},
        renews_every_months=12,
        status=Status.SKIPPED,
    )
    return add_milestone(plan, odd, parent_id=plan.milestones[3].id, index=1).plan


def test_csv_round_trip_keeps_every_field(tmp_path: Path) -> None:
    plan = tricky_plan()
    target = tmp_path / "plan.csv"
    export_plan_csv(plan, target)
    header = target.read_text(encoding="utf-8").splitlines()[0]
    assert header.split(",")[:9] == [
        "id",
        "parent_id",
        "title",
        "status",
        "target_date",
        "done_date",
        "notes",
        "link_kind",
        "link_value",
    ]
    back = import_plan_csv(target, base=plan)
    # an empty "why" comes back as None: CSV has no way to tell the two apart
    expected_odd = next(m for m in plan.flatten() if m.title.startswith("Quotes"))
    got_odd = back.get(expected_odd.id)
    assert got_odd == expected_odd.model_copy(update={"why": None})
    assert [m.id for m in back.flatten()] == [m.id for m in plan.flatten()]
    for original in plan.flatten():
        if original.id != expected_odd.id:
            assert back.get(original.id).model_copy(update={"children": ()}) == original.model_copy(
                update={"children": ()}
            )


def test_csv_rows_in_any_order_blank_ids_and_a_byte_order_mark(tmp_path: Path) -> None:
    text = (
        "\ufefftitle,id,parent_id,status,target_date\r\n"
        "Pass the exam,p,c,done,2026-05-01\r\n"
        "CMAA,c,,in_progress,\r\n"
        "No id given,,c,,\r\n"
    )
    plan = import_plan_csv(write(tmp_path, "x.csv", text))
    assert [(n.milestone.title, n.depth) for n in plan.walk()] == [
        ("CMAA", 1),
        ("Pass the exam", 2),
        ("No id given", 2),
    ]
    assert plan.get("p").status is Status.DONE
    assert plan.get("p").target_date == date(2026, 5, 1)
    assert len(plan.milestones[0].children[1].id) == 36


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("title,colour\nA,red\n", "unknown column 'colour'"),
        ("id,notes\nx,y\n", "no 'title' column"),
        ("id,title\na,A\na,B\n", "Line 3: the id 'a' is used twice"),
        ("id,parent_id,title\na,zz,A\n", "parent_id 'zz' is not an id"),
        ("id,parent_id,title\na,b,A\nb,a,B\n", "loop"),
        ("id,title,status\na,A,finished\n", "Line 2"),
        ("id,title,target_date\na,A,soon\n", "Line 2: the target date must be a date"),
        ("id,title,link_kind\na,A,certification\n", "together"),
        ("id,title,link_kind,link_value\na,A,certification,rn\n", "Line 2"),
        ("id,title,renews_every_months\na,A,two\n", "whole number"),
        ("id,title\na,A,extra\n", "extra cells"),
        ('title\n"unterminated\n', "malformed after line 1: unexpected end"),
    ],
)
def test_csv_import_errors_name_the_line(text: str, words: str) -> None:
    with pytest.raises(PlanImportError, match=words):
        plan_from_csv(text)


def test_csv_import_limits(tmp_path: Path) -> None:
    deep_rows = ["id,parent_id,title"] + [
        f"n{i},{'' if i == 0 else f'n{i - 1}'},step {i}" for i in range(9)
    ]
    with pytest.raises(PlanImportError, match="8 levels"):
        plan_from_csv("\n".join(deep_rows))
    many = "title\n" + "x\n" * (MAX_IMPORT_MILESTONES + 1)
    with pytest.raises(PlanImportError, match="20,000"):
        import_plan_csv(write(tmp_path, "many.csv", many))
    with pytest.raises(PlanImportError, match="not UTF-8"):
        import_plan_csv(write(tmp_path, "latin.csv", "title\nCaf\xe9\n".encode("latin-1")))


def test_csv_columns_are_the_documented_ones() -> None:
    assert plan_to_csv(empty_plan()).strip() == ",".join(CSV_COLUMNS)


# --- a big plan ---------------------------------------------------------------------------------


def test_ten_thousand_milestones_round_trip(plan_path: Path) -> None:
    # How fast this is lives in bench/ (plan_bench.py), measured against a baseline, not here.
    plan = big_plan(10_000)
    assert plan.count() == 10_000
    with PlanStore(plan_path) as store:
        store.load()
        store.save(plan)
    with PlanStore(plan_path) as again:
        result = again.load()
        again.save(result.plan)
    assert result.messages == ()
    assert result.plan.milestones == plan.milestones
