"""``ptplanner plan merge`` and the conflict-copy notes of ``plan list`` (issue 22), run as a user
runs them; and a command whose plan a sync tool replaced between its load and its save."""

from __future__ import annotations

from pathlib import Path

import pytest

from ptplanner.cli.main import main
from ptplanner.core import paths
from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.operations import add_milestone, update_milestone
from ptplanner.core.storage.atomic_io import atomic_write
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.store import PlanStore

COPY = "plan.sync-conflict-20261202-101500-ABCDEFG.json"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(path: Path, plan: Plan) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, plan.model_dump_json(indent=1).encode())


@pytest.fixture
def common() -> Plan:
    """The version both computers started from, saved here (so it is in backups/)."""
    plan = Plan(milestones=(Milestone(id="cmaa", title="CMAA"), Milestone(id="job", title="Job")))
    with PlanStore(paths.plan_file()) as store:
        store.load()
        store.save(plan)
        return store.last_saved or plan


def here_and_there(common: Plan, here_notes: str, there_notes: str) -> Path:
    """This computer's plan.json and the other's conflict copy beside it."""
    with PlanStore(paths.plan_file()) as store:
        store.load()
        here = add_milestone(common, Milestone(id="here", title="Added here")).plan
        store.save(update_milestone(here, "cmaa", notes=here_notes).plan)
    there = add_milestone(common, Milestone(id="there", title="Added on the laptop")).plan
    there = update_milestone(there, "cmaa", notes=there_notes).plan
    copy = paths.plan_file().parent / COPY
    write(copy, there)
    return copy


def test_list_names_a_conflict_copy_and_how_to_merge_it(
    capsys: pytest.CaptureFixture[str], common: Plan
) -> None:
    here_and_there(common, "same", "same")
    code, out, err = cli(capsys, "plan", "list")
    assert code == 0
    assert "Added here" in out
    assert (
        "ptplanner: note: A conflict copy from Syncthing, 2 Dec 2026 10:15, sits beside your "
        "plan: merge it with 'ptplanner plan merge "
    ) in err
    assert COPY in err


def test_merge_takes_changes_that_do_not_collide_and_keeps_the_copy(
    capsys: pytest.CaptureFixture[str], common: Plan
) -> None:
    copy = here_and_there(common, "same", "same")
    code, out, err = cli(capsys, "plan", "merge", str(copy))
    assert code == 0, err
    assert f"Merged {COPY} into your plan: 1 step added in the copy." in out
    saved = parse_plan(paths.plan_file().read_bytes())
    assert {"cmaa", "job", "here", "there"} == saved.ids()
    assert not copy.exists()
    kept = next(paths.plan_file().parent.joinpath("backups").glob("*-conflict.json"))
    assert f"The copy was moved to {kept}." in out
    assert "conflict copy" not in cli(capsys, "plan", "list")[2]


def test_a_collision_stops_the_merge_and_lists_it_without_writing(
    capsys: pytest.CaptureFixture[str], common: Plan
) -> None:
    copy = here_and_there(common, "book in May", "book in June")
    before = paths.plan_file().read_bytes()
    code, out, err = cli(capsys, "plan", "merge", str(copy))
    assert code == 2
    assert "'CMAA', notes: here book in May; in the copy book in June" in out
    assert "Nothing was written" in out
    assert err == (
        "ptplanner: error: 1 thing was changed on both sides; run the merge again with --take "
        "ours (keep this computer's) or --take theirs (take the copy's)\n"
    )
    assert paths.plan_file().read_bytes() == before
    assert copy.exists()

    code, out, err = cli(capsys, "plan", "merge", str(copy), "--take", "theirs")
    assert code == 0, err
    assert "the copy's version was kept" in out
    saved = parse_plan(paths.plan_file().read_bytes())
    assert saved.get("cmaa").notes == "book in June"
    assert {"here", "there"} <= saved.ids()


def test_take_ours_keeps_this_computers_value(
    capsys: pytest.CaptureFixture[str], common: Plan
) -> None:
    copy = here_and_there(common, "book in May", "book in June")
    assert cli(capsys, "plan", "merge", str(copy), "--take", "ours")[0] == 0
    assert parse_plan(paths.plan_file().read_bytes()).get("cmaa").notes == "book in May"


def test_a_damaged_copy_is_never_merged(capsys: pytest.CaptureFixture[str], common: Plan) -> None:
    copy = paths.plan_file().parent / "plan (conflicted copy 2026-12-02).json"
    copy.write_bytes(b'{"milestones": [')
    before = paths.plan_file().read_bytes()
    code, _, err = cli(capsys, "plan", "merge", str(copy))
    assert code == 2
    assert err.count("\n") == 1
    assert "not merged" in err
    assert "backups" in err
    assert not copy.exists()
    assert paths.plan_file().read_bytes() == before


def test_a_command_whose_plan_changed_before_its_save_retries_once(
    capsys: pytest.CaptureFixture[str], common: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = PlanStore.save
    synced = [False]

    def save_after_a_sync(store: PlanStore, plan: Plan) -> None:
        if not synced[0]:  # the laptop's version arrives between this command's load and save
            synced[0] = True
            laptop = add_milestone(common, Milestone(id="laptop", title="From the laptop")).plan
            write(store.path, laptop)
        real_save(store, plan)

    monkeypatch.setattr(PlanStore, "save", save_after_a_sync)
    code, _out, err = cli(capsys, "plan", "add", "Added here")
    assert code == 0, err
    titles = {m.title for m in parse_plan(paths.plan_file().read_bytes()).milestones}
    assert {"From the laptop", "Added here"} <= titles
