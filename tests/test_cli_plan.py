"""``ptplanner plan ...`` as a user runs it: in-process through ``ptplanner.cli.main.main`` and the
plan parser on its own, and as real processes (``python -m ptplanner``)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from ptplanner.cli.main import main
from ptplanner.cli.plan_listing import format_tree
from ptplanner.cli.plan_parser import add_plan_parser, run_plan
from ptplanner.core import paths
from ptplanner.core.plan.model import Milestone, Plan, Status, add_months
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.store import PlanStore


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
    assert "Traceback" not in err
    for word in words:
        assert word in err


def saved_plan(path: Path | None = None) -> Plan:
    return parse_plan((path or paths.plan_file()).read_bytes())


def id_of(title: str, plan: Plan | None = None) -> str:
    found: str = next(m.id for m in (plan or saved_plan()).flatten() if m.title == title)
    return found


def test_list_without_a_plan_explains_how_to_start(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "plan", "list")
    assert code == 0
    assert err == ""
    assert "ptplanner plan init" in out
    assert not paths.plan_file().exists()
    assert cli(capsys, "plan")[1] == out  # no command means list


def test_init_then_list_shows_the_tree(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(capsys, "plan", "init")
    assert code == 0
    assert "ready-made plan" in out
    steps = out.split("ready-made plan (", 1)[1].split(" steps)", 1)[0]
    code, out, _ = cli(capsys, "plan", "list")
    assert code == 0
    lines = out.splitlines()
    # init and list count the same steps
    assert lines[0] == f"My PT Care Coordinator plan: 0% done (0 of {steps} steps)"
    cmaa = next(line for line in lines if "CMAA certification" in line)
    study = next(line for line in lines if "Study for the CMAA exam" in line)
    assert cmaa.startswith("[ ] ")
    assert study.startswith("    [ ] ")
    assert "pay link: CMAA" in cmaa
    assert "certification:" not in cmaa
    assert "due " in cmaa
    code, _, err = cli(capsys, "plan", "init")
    assert_one_line_error(code, err, "already exists", "--force")
    assert cli(capsys, "plan", "init", "--empty", "--force")[0] == 0
    assert saved_plan().milestones == ()


def test_add_done_remove_with_id_prefixes(capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, "plan", "init")
    cmaa = id_of("CMAA certification")
    code, out, _ = cli(
        capsys,
        "plan",
        "add",
        "Join a study group",
        "--parent",
        cmaa[:6],
        "--target",
        "2027-01-15",
        "--notes",
        "Tuesdays",
        "--link",
        "certification:cmaa",
    )
    assert code == 0
    assert "Added 'Join a study group'" in out
    plan = saved_plan()
    added = plan.get(id_of("Join a study group", plan))
    assert added.target_date == date(2027, 1, 15)
    assert added.notes == "Tuesdays"
    assert str(added.salary_link) == "certification:cmaa"
    node = plan.node(added.id)
    assert node is not None
    assert node.parent_id == cmaa

    code, out, _ = cli(capsys, "plan", "done", cmaa[:8])
    assert code == 0
    assert "Marked 'CMAA certification' done" in out
    assert "Added 'Renew CMAA certification' due" in out
    plan = saved_plan()
    assert plan.get(cmaa).status is Status.DONE
    assert plan.get(cmaa).done_date == date.today()
    assert "[x] " + cmaa[:8] in cli(capsys, "plan", "list")[1]
    assert "already done" in cli(capsys, "plan", "done", cmaa)[1]

    code, out, _ = cli(capsys, "plan", "remove", cmaa)
    assert code == 0
    assert "and its 4 sub-steps" in out
    assert "backups" in out
    assert cmaa not in saved_plan().ids()


def test_a_planned_role_moves_the_projection_into_that_job_in_its_year(
    capsys: pytest.CaptureFixture[str],
) -> None:
    year = date.today().year + 2
    title = "Become an office manager"
    target = f"{year}-03-01"
    # Hired already (a done role step), so the office-manager step is a promotion, not a first job.
    cli(capsys, "plan", "add", "Hired as a coordinator", "--link", "role:care_coordinator")
    assert cli(capsys, "plan", "done", id_of("Hired as a coordinator"))[0] == 0
    code, out, err = cli(
        capsys, "plan", "add", title, "--link", "role:office_manager", "--target", target
    )
    assert code == 0
    assert err == ""
    assert f"Added '{title}'" in out
    added = saved_plan().get(id_of(title))
    assert str(added.salary_link) == "role:office_manager"
    listed = cli(capsys, "plan", "list")[1].splitlines()
    line = next(line for line in listed if title in line)
    assert line.endswith(f"(due {target}, pay link: Office manager)")

    def rows(*options: str) -> dict[int, dict[str, Any]]:
        code, out, err = cli(capsys, "projection", "--format", "json", "--years", "4", *options)
        assert code == 0, err
        return {row["year"]: row for row in json.loads(out)["rows"]}

    without = rows()
    with_plan = rows("--from-plan")
    assert with_plan[year]["events"] == [f"{title} (Mar {year})"]
    for row_year in range(date.today().year, year):
        assert with_plan[row_year]["base_typical"] == without[row_year]["base_typical"]
    # An office manager is paid from BLS pay for 43-1011, well above a coordinator's.
    assert with_plan[year]["base_typical"] > without[year]["base_typical"] * 1.05

    # Done, it is the role now, from the first year on.
    assert cli(capsys, "plan", "done", added.id[:8])[0] == 0
    done = rows("--from-plan")
    assert done[date.today().year]["base_typical"] > without[date.today().year]["base_typical"]
    assert all(not row["events"] for row in done.values())


def test_role_and_skill_links_are_checked_as_they_are_typed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, _ = cli(capsys, "plan", "add", "Learn Excel", "--link", "skill:excel")
    assert code == 0
    assert str(saved_plan().get(id_of("Learn Excel")).salary_link) == "skill:excel"
    code, _, err = cli(capsys, "plan", "add", "x", "--link", "role:boss")
    assert_one_line_error(code, err, "--link", "unknown role 'boss'", "office_manager")
    code, _, err = cli(capsys, "plan", "add", "x", "--link", "skill:juggling")
    assert_one_line_error(code, err, "--link", "unknown skill 'juggling'", "billing_coding")
    code, _, err = cli(capsys, "plan", "add", "x", "--link", "role")
    assert_one_line_error(code, err, "--link", "kind:value")


def test_finishing_the_last_sub_step_finishes_its_parent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cli(capsys, "plan", "init")
    plan = saved_plan()
    cmaa = plan.get(id_of("CMAA certification", plan))
    for child in cmaa.children[:-1]:
        assert cli(capsys, "plan", "done", child.id)[0] == 0
    assert saved_plan().get(cmaa.id).status is Status.NOT_STARTED
    code, out, _ = cli(capsys, "plan", "done", cmaa.children[-1].id)
    assert code == 0
    assert out.splitlines()[:3] == [
        f"Marked 'Pass the CMAA exam' done ({date.today().isoformat()}).",
        "'CMAA certification' is done too: all its sub-steps are finished.",
        f"Added 'Renew CMAA certification' due {add_months(date.today(), 24).isoformat()}"
        f" (id {id_of('Renew CMAA certification')[:8]}).",
    ]
    saved = saved_plan().get(cmaa.id)
    assert (saved.status, saved.done_date) == (Status.DONE, date.today())


def test_renewing_credentials_from_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    cli(capsys, "plan", "add", "My CPR card", "--renews-every", "24")
    code, out, _ = cli(capsys, "plan", "done", id_of("My CPR card"))
    assert code == 0
    assert "Added 'Renew My CPR card'" in out


def test_export_and_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    cli(capsys, "plan", "init")
    before = saved_plan()
    code, out, _ = cli(capsys, "plan", "export", str(tmp_path / "plan.csv"))
    assert code == 0
    assert "(CSV)" in out
    assert (tmp_path / "plan.csv").read_text().startswith("id,parent_id,title,status,")
    assert cli(capsys, "plan", "export", str(tmp_path / "plan.json"))[0] == 0
    assert parse_plan((tmp_path / "plan.json").read_bytes()) == before
    code, out, _ = cli(capsys, "plan", "export", "-", "--format", "json")
    assert code == 0
    assert json.loads(out)["title"] == before.title

    other = Plan(title="Imported", milestones=(Milestone(title="Only step"),))
    (tmp_path / "other.json").write_text(other.model_dump_json())
    code, out, _ = cli(capsys, "plan", "import", str(tmp_path / "other.json"))
    assert code == 0
    assert "Imported 1 steps" in out
    assert saved_plan().title == "Imported"
    with PlanStore() as store:
        previous = store.read_backup(store.list_backups()[0].path)
    assert previous == before  # the replaced plan is in the backups

    code, out, _ = cli(capsys, "plan", "import", str(tmp_path / "plan.csv"))
    assert code == 0
    assert [m.id for m in saved_plan().flatten()] == [m.id for m in before.flatten()]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("plan", "done", "nope"), ["no step has an id starting with 'nope'"]),
        (("plan", "remove", ""), ["no step"]),
        (("plan", "add", "x", "--target", "2026-02-30"), ["--target", "not a date"]),
        (("plan", "add", "x", "--target", "tomorrow"), ["--target"]),
        (("plan", "add", "x", "--link", "certification:rn"), ["--link", "unknown certification"]),
        (("plan", "add", "x", "--link", "cmaa"), ["--link", "kind:value"]),
        (("plan", "add", "x", "--link", "pet:dog"), ["--link", "unknown link kind"]),
        (("plan", "add", "x", "--link", "promotion:lead"), ["--link", "takes no value"]),
        (("plan", "add", "x", "--link", "education"), ["--link", "kind:value", "promotion"]),
        (("plan", "add", "x", "--parent", "zzz"), ["no step"]),
        (("plan", "add", "   "), ["title"]),
        (("plan", "add", "x" * 201), ["title", "at most 200"]),
        (("plan", "add", "x", "--renews-every", "soon"), ["--renews-every"]),
        (("plan", "import", "/no/such/file.json"), ["Cannot read", "/no/such/file.json"]),
        (("plan", "export", "/no/such/folder/x.json"), ["no such folder"]),
        (("plan", "add"), ["required: title"]),
        (("plan", "frobnicate"), ["invalid choice"]),
        (("plan", "export", "x", "--format", "xml"), ["invalid choice"]),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: tuple[str, ...], words: list[str]
) -> None:
    cli(capsys, "plan", "init")
    before = paths.plan_file().read_bytes()
    code, _, err = cli(capsys, *args)
    assert_one_line_error(code, err, *words)
    assert paths.plan_file().read_bytes() == before


def test_ambiguous_prefix(capsys: pytest.CaptureFixture[str]) -> None:
    with PlanStore() as store:
        store.save(
            Plan(milestones=(Milestone(id="abc1", title="a"), Milestone(id="abc2", title="b")))
        )
    code, _, err = cli(capsys, "plan", "done", "abc")
    assert_one_line_error(code, err, "ambiguous", "abc1", "abc2")
    assert cli(capsys, "plan", "done", "abc2")[0] == 0


def test_bad_import_leaves_the_plan_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cli(capsys, "plan", "init")
    before = paths.plan_file().read_bytes()
    for name, content in [("bad.json", "{not json"), ("bad.csv", "title,colour\na,b\n")]:
        (tmp_path / name).write_text(content)
        code, _, err = cli(capsys, "plan", "import", str(tmp_path / name))
        assert_one_line_error(code, err)
    assert paths.plan_file().read_bytes() == before


def test_edits_are_refused_while_a_window_has_the_plan_open(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ptplanner.cli.plan_commands.WRITER_LOCK_WAIT_S", 0.2)
    cli(capsys, "plan", "init")
    with PlanStore() as window:
        window.load()
        code, _, err = cli(capsys, "plan", "add", "x")
        assert_one_line_error(code, err, "another ptplanner program (process")
        # Reading takes no lock: the window's lock is no reason for a note (issue 18).
        code, out, err = cli(capsys, "plan", "list")
        assert code == 0
        assert "CMAA" in out
        assert err == ""
    assert cli(capsys, "plan", "add", "x")[0] == 0


def test_damaged_plan_is_reported_as_a_note_and_recovered(
    capsys: pytest.CaptureFixture[str],
) -> None:
    cli(capsys, "plan", "init")
    cli(capsys, "plan", "add", "second save")
    paths.plan_file().write_text("{ truncated")
    code, out, err = cli(capsys, "plan", "list")
    assert code == 0
    assert "CMAA" in out
    assert err.startswith("ptplanner: note: Your plan file could not be read")
    assert "plan.corrupt-" in err


def test_plan_file_option_before_or_after_the_command(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    portable = tmp_path / "usb" / "my-plan.json"
    assert cli(capsys, "plan", "--plan-file", str(portable), "add", "Before")[0] == 0
    assert cli(capsys, "plan", "add", "After", "--plan-file", str(portable))[0] == 0
    assert [m.title for m in saved_plan(portable).milestones] == ["Before", "After"]
    assert (portable.parent / "my-plan.lock").exists()
    assert not paths.plan_file().exists()


def test_run_plan_through_its_own_parser(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The plan commands need nothing from the lead's parser but a subparsers action."""
    parser = argparse.ArgumentParser(prog="ptplanner")
    add_plan_parser(parser.add_subparsers(dest="command"))
    target = str(tmp_path / "p.json")
    args = parser.parse_args(["plan", "add", "Solo", "--plan-file", target])
    assert args.func is run_plan
    assert run_plan(args) == 0
    assert run_plan(parser.parse_args(["plan", "done", "x", "--plan-file", target])) == 2
    assert capsys.readouterr().err.startswith("ptplanner: error: no step")


def test_format_tree_marks_overdue_and_progress() -> None:
    plan = Plan(
        title="T",
        milestones=(
            Milestone(id="a" * 8, title="Late", target_date=date(2026, 1, 1)),
            Milestone(id="b" * 8, title="Done", status=Status.DONE, done_date=date(2026, 1, 2)),
            Milestone(id="c" * 8, title="Skipped", status=Status.SKIPPED),
        ),
    )
    text = format_tree(plan, date(2026, 2, 1))
    assert text.splitlines() == [
        "T: 50% done (1 of 2 steps)",
        "[ ] aaaaaaaa  Late  (due 2026-01-01 OVERDUE)",
        "[x] bbbbbbbb  Done  (done 2026-01-02)",
        "[-] cccccccc  Skipped",
    ]


# --- real processes ---------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ptplanner", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
    )


def test_as_a_real_process() -> None:
    assert run("plan", "init").returncode == 0
    listed = run("plan", "list")
    assert listed.returncode == 0
    assert "CMAA certification" in listed.stdout
    cmaa = id_of("CMAA certification")
    done = run("plan", "done", cmaa[:5])
    assert done.returncode == 0, done.stderr
    assert saved_plan().get(cmaa).status is Status.DONE
    bad = run("plan", "add", "x", "--target", "31/12/2026")
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.startswith("ptplanner: error: --target")
    assert bad.stderr.count("\n") == 1


def test_the_plan_command_never_loads_qt() -> None:
    code = (
        "import sys; from ptplanner.cli.main import main; code = main(['plan', 'list']); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'PySide6', 'shiboken6', 'pyqtgraph'} or m.startswith('ptplanner.ui')); "
        "print(bad); sys.exit(code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("[]")
