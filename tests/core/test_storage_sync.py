"""A plan in a synced folder (issue 22): the store never writes over a version it has not read,
merges go through :attr:`PlanStore.base`, and the lock does not cross machines."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ptplanner.core.plan.merge import merge_plans
from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.operations import add_milestone, update_milestone
from ptplanner.core.storage.atomic_io import atomic_write
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import PlanChangedOnDisk, SaveError
from ptplanner.core.storage.lock import PlanLock
from ptplanner.core.storage.store import PlanStore


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    path = tmp_path / "Sync" / "plan.json"
    path.parent.mkdir()
    path.write_text(Plan(milestones=(Milestone(id="first", title="First"),)).model_dump_json())
    return path


def sync_in(path: Path, plan: Plan) -> None:
    """What Syncthing does: the other computer's version in a temp file, renamed over."""
    atomic_write(path, plan.model_dump_json(indent=1).encode())


def on_disk(path: Path) -> Plan:
    return parse_plan(path.read_bytes())


def test_a_synced_in_change_is_never_overwritten_unread(plan_path: Path) -> None:
    with PlanStore(plan_path) as store:
        loaded = store.load().plan
        laptop = add_milestone(loaded, Milestone(id="laptop", title="Added on the laptop")).plan
        sync_in(plan_path, laptop)
        here = add_milestone(loaded, Milestone(id="here", title="Added here")).plan
        with pytest.raises(PlanChangedOnDisk) as changed:
            store.save(here)
        assert isinstance(changed.value, SaveError)  # code that knows only saves keeps the plan
        assert "was not overwritten" in str(changed.value)
        assert changed.value.disk_plan == laptop
        assert "laptop" in on_disk(plan_path).ids()  # untouched
        assert store.has_unsaved_changes
        # The caller merges with the store's base and saves the merge.
        assert store.base == loaded
        merged = merge_plans(store.base, here, changed.value.disk_plan)
        assert merged.collisions == ()
        store.save_merged(merged.plan, changed.value.disk_plan)
    saved = on_disk(plan_path)
    assert {"first", "laptop", "here"} <= saved.ids()
    backups = [parse_plan(b.path.read_bytes()) for b in PlanStore(plan_path).list_backups()]
    assert any("laptop" in b.ids() and "here" not in b.ids() for b in backups)  # kept


def test_save_merged_refuses_when_the_file_changed_yet_again(plan_path: Path) -> None:
    with PlanStore(plan_path) as store:
        loaded = store.load().plan
        first = update_milestone(loaded, "first", notes="one").plan
        sync_in(plan_path, first)
        with pytest.raises(PlanChangedOnDisk) as changed:
            store.save(loaded)
        second = update_milestone(loaded, "first", notes="two").plan
        sync_in(plan_path, second)
        with pytest.raises(PlanChangedOnDisk) as again:
            store.save_merged(loaded, changed.value.disk_plan)
        assert again.value.disk_plan == second
        assert on_disk(plan_path).get("first").notes == "two"


def test_an_external_change_without_local_edits_is_reloaded(plan_path: Path) -> None:
    with PlanStore(plan_path) as store:
        loaded = store.load().plan
        laptop = update_milestone(loaded, "first", title="Renamed on the laptop").plan
        sync_in(plan_path, laptop)
        reloaded = store.reload()
        assert reloaded.get("first").title == "Renamed on the laptop"
        assert store.base == reloaded
        store.save(update_milestone(reloaded, "first", notes="then here").plan)  # no error
    assert on_disk(plan_path).get("first").title == "Renamed on the laptop"


def test_the_stores_own_saves_and_touches_are_not_outside_changes(plan_path: Path) -> None:
    with PlanStore(plan_path) as store:
        plan = store.load().plan
        for index in range(5):
            plan = add_milestone(plan, Milestone(title=f"Step {index}")).plan
            store.save(plan)
        os.utime(plan_path)  # a sync tool touching the file without changing it
        store.save(plan)
        assert store.base is not None
        assert store.base.ids() == plan.ids()


def test_a_same_size_change_within_one_timestamp_is_caught(plan_path: Path) -> None:
    with PlanStore(plan_path) as store:
        plan = store.load().plan
        store.save(plan)
        before = os.stat(plan_path)
        data = plan_path.read_bytes().replace(b'"First"', b'"Fxrst"')
        with open(plan_path, "r+b") as handle:  # in place: same inode, same size
            handle.write(data)
        os.utime(plan_path, ns=(before.st_atime_ns, before.st_mtime_ns))
        with pytest.raises(PlanChangedOnDisk):
            store.save(plan)


def test_a_file_that_appears_after_a_load_found_none_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    with PlanStore(path) as store:
        result = store.load()
        assert result.is_new
        assert store.base is None
        sync_in(path, Plan(milestones=(Milestone(id="other", title="From the desktop"),)))
        with pytest.raises(PlanChangedOnDisk):
            store.save(result.plan)


def test_a_damaged_file_synced_in_is_kept_aside_and_replaced(plan_path: Path) -> None:
    with PlanStore(plan_path) as store:
        plan = store.load().plan
        plan_path.write_bytes(b'{"milestones": [')
        store.save(plan)
    assert on_disk(plan_path).ids() == {"first"}
    aside = list(plan_path.parent.glob("plan.corrupt-*.json"))
    assert [p.read_bytes() for p in aside] == [b'{"milestones": [']


# --- the lock across machines ------------------------------------------------------------------


def test_a_lock_file_naming_another_host_is_not_a_reason_to_refuse(plan_path: Path) -> None:
    lock_path = plan_path.parent / "plan.lock"
    lock_path.write_text("4242\nthe-other-laptop\n")  # synced in from the other computer
    with PlanStore(plan_path, lock_wait=0.0) as store:
        result = store.load()
        assert not result.read_only, result.messages
        store.save(add_milestone(result.plan, Milestone(title="Here")).plan)
    pid, _host = PlanLock(lock_path).owner()
    assert pid == os.getpid()  # rewritten: this machine holds it now


def test_the_lock_still_holds_between_processes_on_this_machine(plan_path: Path) -> None:
    (plan_path.parent / "plan.lock").write_text("1\nthe-other-laptop\n")
    holder = textwrap.dedent(
        """
        import sys, time
        from pathlib import Path
        from ptplanner.core.storage.store import PlanStore
        store = PlanStore(Path(sys.argv[1]))
        store.load()
        print("locked", flush=True)
        sys.stdin.readline()
        """
    )
    with subprocess.Popen(
        [sys.executable, "-c", holder, str(plan_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        assert process.stdin is not None
        assert process.stdout.readline().strip() == "locked"
        with PlanStore(plan_path) as store:
            result = store.load()
            assert result.read_only
            assert f"process {process.pid}" in (store.read_only_reason or "")
        process.stdin.close()
        process.wait(timeout=10)
