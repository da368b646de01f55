"""Hostile values in the plan (issue 18): each is refused where it enters, in one line, and a
plan file that already holds one still opens.

The CLI runs in this process through ``ptplanner.cli.main.main``; every test has its own data
folder (tests/conftest.py).
"""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from ptplanner.cli.main import main
from ptplanner.core import paths
from ptplanner.core.plan.model import (
    EARLIEST_DATE,
    LATEST_DATE,
    Milestone,
    Plan,
    tolerating_out_of_range_dates,
)
from ptplanner.core.plan.profile import profile_for_plan
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.storage import store as store_module
from ptplanner.core.storage.backups import Backups
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.errors import SaveError
from ptplanner.core.storage.saved_plan import read_plan_for_projection
from ptplanner.core.storage.store import PlanStore

FAR_PLAN = {
    "schema_version": 1,
    "title": "Written by an older ptplanner",
    "created": "2024-01-01T00:00:00Z",
    "modified": "2024-01-01T00:00:00Z",
    "milestones": [
        {
            "id": "far-step",
            "title": "Far",
            "target_date": "9999-12-31",
            "salary_link": {"kind": "certification", "value": "cmaa"},
        },
        {"id": "near-step", "title": "Near", "target_date": "2027-03-01"},
    ],
}


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``ptplanner ARGS`` in this process; argparse's own exits count as return codes."""
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2
    assert err.startswith("ptplanner: error: "), err
    assert err.count("\n") == 1, err
    for word in words:
        assert word in err, err


def write_far_plan() -> Path:
    path = paths.plan_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(FAR_PLAN), encoding="utf-8")
    return path


# --- 1. dates far outside what a plan can mean ------------------------------------------------


@pytest.mark.parametrize("field", ["target_date", "done_date"])
@pytest.mark.parametrize("day", [date(9999, 12, 31), date(2201, 1, 1), date(1899, 12, 31)])
def test_a_step_date_outside_1900_to_2200_is_refused_naming_the_range(
    field: str, day: date
) -> None:
    with pytest.raises(ValidationError) as raised:
        Milestone.model_validate({"title": "X", field: day})
    assert "1900-01-01 to 2200-12-31" in str(raised.value)
    assert Milestone.model_validate({"title": "X", field: LATEST_DATE})
    assert Milestone.model_validate({"title": "X", field: EARLIEST_DATE})


def test_loading_tolerantly_leaves_a_far_date_out_and_says_which_step() -> None:
    with tolerating_out_of_range_dates() as cleared:
        plan = parse_plan(json.dumps(FAR_PLAN).encode())
    assert plan.get("far-step").target_date is None
    assert plan.get("near-step").target_date == date(2027, 3, 1)
    assert len(cleared) == 1
    assert "'Far'" in cleared[0]
    assert "9999-12-31" in cleared[0]


def test_plan_add_refuses_a_target_after_2200_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = cli(
        capsys, "plan", "add", "X", "--target", "9999-12-31", "--link", "certification:cmaa"
    )
    assert_one_line_error(code, err, "--target", "9999-12-31", "1900-01-01 to 2200-12-31")
    assert out == ""
    assert not paths.plan_file().exists()


def test_json_and_csv_imports_refuse_a_date_after_2200_and_keep_the_plan(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli(capsys, "plan", "add", "Kept", "--target", "2027-01-01")[0] == 0
    before = paths.plan_file().read_bytes()
    as_json = tmp_path / "far.json"
    as_json.write_text(json.dumps(FAR_PLAN), encoding="utf-8")
    as_csv = tmp_path / "far.csv"
    as_csv.write_text("title,target_date\nFar,9999-12-31\n", encoding="utf-8")
    for source in (as_json, as_csv):
        code, _, err = cli(capsys, "plan", "import", str(source))
        assert_one_line_error(code, err, "9999-12-31", "2200-12-31")
        assert paths.plan_file().read_bytes() == before


def test_a_saved_plan_with_a_far_date_still_lists_with_a_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_far_plan()
    code, out, err = cli(capsys, "plan", "list")
    assert code == 0
    assert "Far" in out
    assert "Near  (due 2027-03-01)" in out
    assert err.count("\n") == 1
    assert err.startswith("ptplanner: note: The target date of 'Far' is left out")
    # The user can repair the plan from the CLI: nothing holds the lock, later saves work.
    assert cli(capsys, "plan", "add", "Later")[0] == 0
    saved = parse_plan(paths.plan_file().read_bytes())
    assert saved.get("far-step").target_date is None
    assert [m.title for m in saved.milestones] == ["Far", "Near", "Later"]


def test_from_plan_with_a_far_date_projects_with_one_note(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_far_plan()
    code, out, err = cli(capsys, "projection", "--from-plan")
    assert code == 0, err
    assert "Salary projection" in out
    assert err.count("\n") == 1
    assert err.startswith("ptplanner: note: The target date of 'Far' is left out")


def test_reading_the_plan_for_a_projection_reports_left_out_dates_in_notes() -> None:
    write_far_plan()
    notes: list[str] = []
    plan = read_plan_for_projection(notes=notes)
    events = profile_for_plan(SalaryInputs(), plan, date(2026, 1, 1)).events
    assert events == ()  # the far step has no date left, the near one has no link
    assert len(notes) == 1
    assert "9999-12-31" in notes[0]


def test_an_old_plans_unknown_area_is_left_out_with_a_note_not_blamed_on_an_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Links are checked where they enter; a plan saved before that may name no known area."""
    old = {
        "schema_version": 1,
        "title": "Old plan",
        "milestones": [
            {
                "id": "a",
                "title": "Move",
                "target_date": "2028-01-01",
                "salary_link": {"kind": "location", "value": "atlantis"},
            },
            {
                "id": "b",
                "title": "Moved",
                "status": "done",
                "done_date": "2025-01-01",
                "salary_link": {"kind": "location", "value": "atlantis"},
            },
        ],
    }
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(json.dumps(old), encoding="utf-8")
    saved = SalaryInputs(location="texas")
    profile = profile_for_plan(saved, read_plan_for_projection(), date(2026, 1, 1))
    assert profile.events == ()
    assert profile.inputs == saved
    assert len(profile.notes) == 2
    assert all("atlantis" in note for note in profile.notes)
    assert main(["projection", "--from-plan", "--years", "3", "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert "--location" not in err
    assert "atlantis" in err


# --- 2. a plan that cannot be read is never shown or exported as an empty one -----------------


def _plan_is_a_folder() -> None:
    paths.plan_file().mkdir(parents=True)


def _plan_is_newer() -> None:
    newer = {**FAR_PLAN, "schema_version": 99, "milestones": [], "new_field": True}
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(json.dumps(newer), encoding="utf-8")


@pytest.mark.parametrize("spoil", [_plan_is_a_folder, _plan_is_newer])
def test_an_unreadable_plan_is_not_exported_or_listed_as_empty(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, spoil: Callable[[], None]
) -> None:
    good_export = tmp_path / "good.json"
    good_export.write_text('{"a good": "export"}', encoding="utf-8")
    spoil()
    code, out, err = cli(capsys, "plan", "export", str(good_export))
    assert_one_line_error(code, err, str(paths.plan_file()))
    assert out == ""
    assert good_export.read_text(encoding="utf-8") == '{"a good": "export"}'
    code, out, err = cli(capsys, "plan", "list")
    assert_one_line_error(code, err, str(paths.plan_file()))
    assert "no steps" not in out
    code, out, err = cli(capsys, "plan", "export", "-")
    assert_one_line_error(code, err)
    assert out == ""


# --- 3. failed saves never push real history out of backups/ ----------------------------------


def test_failed_saves_then_one_success_keep_each_version_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.json"
    versions = [Plan(title=f"Version {n}") for n in range(1, 4)]
    for plan in versions:  # each save a separate run, as with `ptplanner plan add`
        with PlanStore(path) as store:
            store.load()
            store.save(plan)

    def disk_full(target: Path, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store_module, "atomic_write", disk_full)
    for _ in range(10):
        with PlanStore(path) as store:
            store.load()
            with pytest.raises(SaveError):
                store.save(Plan(title="Never saved"))
    monkeypatch.undo()  # the disk has room again
    with PlanStore(path) as store:
        store.load()
        store.save(Plan(title="Version 4"))
        backups = store.list_backups()
    titles = [parse_plan(info.path.read_bytes()).title for info in backups]
    assert titles == ["Version 3", "Version 2", "Version 1"]


def test_pruning_counts_distinct_versions_not_copies(tmp_path: Path) -> None:
    clock = datetime(2026, 1, 31, 12, 0)
    backups = Backups(tmp_path, "plan", lambda: clock)
    contents = [f"version {n}".encode() for n in range(12)] + [b"version 11"] * 8
    for minute, data in enumerate(contents):  # oldest first; the last eight are copies
        stamp = datetime(2026, 1, 1, 0, minute)
        (tmp_path / f"plan-{stamp:%Y%m%d-%H%M%S-%f}.json").write_bytes(data)
    backups.prune()
    kept = [info.path.read_bytes() for info in backups.list_backups()]
    assert kept == [f"version {n}".encode() for n in range(11, 1, -1)]
