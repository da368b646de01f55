"""Sync tools' conflict copies of plan.json (issue 22): each naming form is found, ptplanner's own
files never are, a good copy merges, a damaged one is set aside and never merged."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.operations import add_milestone, update_milestone
from ptplanner.core.storage.conflict_copies import find_conflict_copies, recognise
from ptplanner.core.storage.errors import ConflictCopyError, CorruptCopyError
from ptplanner.core.storage.store import PlanStore

PLAN = Path("/data/plan.json")


@pytest.mark.parametrize(
    ("name", "tool", "when", "who"),
    [
        (
            "plan.sync-conflict-20261202-101500-ABCDEFG.json",
            "Syncthing",
            datetime(2026, 12, 2, 10, 15),
            "ABCDEFG",
        ),
        ("plan (conflicted copy 2026-12-02).json", "Dropbox", datetime(2026, 12, 2), None),
        ("plan (Dana's conflicted copy 2026-12-02).json", "Dropbox", datetime(2026, 12, 2), "Dana"),
        (
            "plan (conflicted copy 2026-12-02 101500).json",
            "Nextcloud",
            datetime(2026, 12, 2, 10, 15),
            None,
        ),
        ("plan_conflict-20261202-101500.json", "Nextcloud", datetime(2026, 12, 2, 10, 15), None),
        ("plan-DESKTOP-AB12CD.json", "OneDrive", None, "DESKTOP-AB12CD"),
        ("plan-LAPTOP-2.json", "OneDrive", None, "LAPTOP"),
    ],
)
def test_each_tools_naming_is_recognised(
    name: str, tool: str, when: datetime | None, who: str | None
) -> None:
    copy = recognise(PLAN, name)
    assert copy is not None
    assert (copy.tool, copy.when, copy.who) == (tool, when, who)
    assert copy.path == PLAN.parent / name


@pytest.mark.parametrize(
    "name",
    [
        "plan.json",
        "plan.lock",
        ".plan.json.k2j3h4.tmp",  # a save's temp file
        "plan.corrupt-20261202-101500.json",  # a damaged plan moved aside
        "plan-20261202-101500-123456.json",  # a backup's name
        "plan-20261202-101500-123456-v0.json",
        "plan-20261202.json",
        "plan.sync-conflict-20261399-101500-ABCDEFG.json",  # not a date
        "plan (conflicted copy 2026-12-02).csv",
        "other.sync-conflict-20261202-101500-ABCDEFG.json",
        "settings.json",
    ],
)
def test_ptplanners_own_files_and_others_are_not_conflict_copies(name: str) -> None:
    assert recognise(PLAN, name) is None


def test_describe_says_tool_and_time_in_words() -> None:
    copy = recognise(PLAN, "plan.sync-conflict-20261202-101500-ABCDEFG.json")
    assert copy is not None
    assert copy.describe() == "A conflict copy from Syncthing, 2 Dec 2026 10:15"
    dropbox = recognise(PLAN, "plan (conflicted copy 2026-12-02).json")
    assert dropbox is not None
    assert dropbox.describe() == "A conflict copy from Dropbox, 2 Dec 2026"


def test_find_lists_only_regular_files_beside_the_plan(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text("{}")
    (tmp_path / "plan.sync-conflict-20261202-101500-ABCDEFG.json").write_text("{}")
    (tmp_path / "plan (conflicted copy 2026-12-01).json").write_text("{}")
    (tmp_path / "plan-LAPTOP.json").mkdir()  # a folder is never a copy
    (tmp_path / "backups").mkdir()
    (tmp_path / "backups" / "plan_conflict-20261202-101500.json").write_text("{}")
    found = find_conflict_copies(plan)
    assert [c.tool for c in found] == ["Dropbox", "Syncthing"]  # oldest first


T0 = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def write(path: Path, plan: Plan) -> None:
    path.write_text(plan.model_dump_json())


def test_a_copy_merges_with_the_plan_and_is_kept_in_backups(tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.json"
    common = Plan(created=T0, modified=T0, milestones=(Milestone(id="a", title="A"),))
    write(plan_path, common)
    with PlanStore(plan_path) as store:
        here = store.load().plan
        store.save(add_milestone(here, Milestone(id="here", title="Added here")).plan)
        # The other computer's version, kept by the sync tool as a conflict copy.
        other = add_milestone(common, Milestone(id="there", title="Added there")).plan
        other = update_milestone(other, "a", notes="from the laptop").plan
        other = other.model_copy(update={"modified": datetime(2026, 12, 2, tzinfo=UTC)})
        copy_path = tmp_path / "plan.sync-conflict-20261202-101500-ABCDEFG.json"
        write(copy_path, other)
        (copy,) = store.conflict_copies()
        assert copy.path == copy_path
        result = store.merge_copy(copy.path)
        assert result.collisions == ()
        assert result.plan.ids() == {"a", "here", "there"}
        assert result.plan.get("a").notes == "from the laptop"
        assert result.summary() == "1 step added on the other computer, 1 changed."
        store.save(result.plan)
        kept = store.finish_copy(copy.path)
        assert not copy_path.exists()
        assert kept.parent == store.backup_dir
        assert kept.name.endswith("-conflict.json")
        assert store.conflict_copies() == []
        assert any(info.path == kept and info.tag == "conflict" for info in store.list_backups())


def test_a_damaged_copy_is_set_aside_and_never_merged(tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.json"
    write(plan_path, Plan(milestones=(Milestone(id="a", title="A"),)))
    copy_path = tmp_path / "plan (conflicted copy 2026-12-02).json"
    copy_path.write_bytes(b'{"milestones": [{"title": ')
    with PlanStore(plan_path) as store:
        store.load()
        with pytest.raises(CorruptCopyError) as error:
            store.merge_copy(copy_path)
        message = str(error.value)
        assert "not merged" in message
        assert not copy_path.exists()
        (moved,) = store.backup_dir.iterdir()
        assert str(moved) in message
        assert moved.read_bytes() == b'{"milestones": [{"title": '
        assert store.conflict_copies() == []  # not found again
        assert store.list_backups() == []  # nor offered as a backup to restore
    assert Plan.model_validate_json(plan_path.read_bytes()).ids() == {"a"}


def test_a_copy_from_a_newer_ptplanner_stays_where_it_is(tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.json"
    write(plan_path, Plan())
    copy_path = tmp_path / "plan_conflict-20261202-101500.json"
    copy_path.write_text('{"schema_version": 99, "milestones": []}')
    with PlanStore(plan_path) as store:
        store.load()
        with pytest.raises(ConflictCopyError, match="newer ptplanner") as error:
            store.merge_copy(copy_path)
        assert not isinstance(error.value, CorruptCopyError)
    assert copy_path.exists()


def test_without_a_common_backup_nothing_is_dropped(tmp_path: Path) -> None:
    plan_path = tmp_path / "plan.json"
    write(plan_path, Plan(milestones=(Milestone(id="a", title="A"), Milestone(id="b", title="B"))))
    copy_path = tmp_path / "plan-LAPTOP.json"
    write(copy_path, Plan(milestones=(Milestone(id="a", title="A (laptop)"),)))
    with PlanStore(plan_path) as store:
        store.load()
        result = store.merge_copy(copy_path)
    assert result.plan.ids() == {"a", "b"}
    assert [(c.milestone_id, c.field) for c in result.collisions] == [("a", "title")]
