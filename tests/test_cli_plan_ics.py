"""``ptplanner plan export --format ics``: the plan's dated steps for a calendar app, read back with
a real iCalendar parser; standard output, the reminder days, to-dos, and refused paths."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

icalendar = pytest.importorskip("icalendar")

from ptplanner.cli.main import main  # noqa: E402
from ptplanner.core import paths  # noqa: E402
from ptplanner.core.plan.calendar import UID_DOMAIN  # noqa: E402
from ptplanner.core.plan.model import Milestone, Plan, Status  # noqa: E402
from ptplanner.core.settings import Settings, save_settings  # noqa: E402

PLAN = Plan(
    title="My plan",
    milestones=(
        Milestone(
            id="cmaa",
            title="CMAA certification",
            status=Status.DONE,
            done_date=date(2026, 3, 10),
            renews_every_months=24,
        ),
        Milestone(
            id="apply", title="Apply, then follow up", target_date=date(2026, 12, 1), notes="Call"
        ),
        Milestone(id="someday", title="Someday"),
    ),
)


@pytest.fixture(autouse=True)
def saved_plan() -> Path:
    path = paths.plan_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(PLAN.model_dump_json(), encoding="utf-8")
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def items(data: bytes, name: str = "VEVENT") -> dict[str, Any]:
    calendar = icalendar.Calendar.from_ical(data)
    return {str(c["UID"]).removesuffix(f"@{UID_DOMAIN}"): c for c in calendar.walk(name)}


def test_export_to_a_file_by_its_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "milestones.ics"
    code, out, err = cli(capsys, "plan", "export", str(target))
    assert (code, err) == (0, "")
    assert out == f"Wrote 3 calendar events to {target} (iCalendar).\n"
    events = items(target.read_bytes())
    assert list(events) == ["cmaa", "cmaa-renewal", "apply"]
    apply = events["apply"]
    assert str(apply["SUMMARY"]) == "Apply, then follow up"
    assert apply["DTSTART"].dt == date(2026, 12, 1)
    assert str(apply["DESCRIPTION"]) == "Target date: 2026-12-01.\n\nNotes: Call"
    # No --remind-days and no setting: the default week.
    assert apply.walk("VALARM")[0]["TRIGGER"].dt == timedelta(days=-7)
    assert events["cmaa-renewal"]["DTSTART"].dt == date(2028, 3, 10)
    assert str(events["cmaa"]["SUMMARY"]) == "Done: CMAA certification"
    # Private, like every file ptplanner writes (atomic_write makes it 0o600).
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600


def test_reminder_days_come_from_the_option_else_the_settings(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    save_settings(Settings(reminder_days=3))
    target = tmp_path / "plan.ics"
    assert cli(capsys, "plan", "export", str(target))[0] == 0
    assert items(target.read_bytes())["apply"].walk("VALARM")[0]["TRIGGER"].dt == timedelta(-3)
    assert cli(capsys, "plan", "export", str(target), "--remind-days", "14")[0] == 0
    assert items(target.read_bytes())["apply"].walk("VALARM")[0]["TRIGGER"].dt == timedelta(-14)


def test_to_dos_on_standard_output_keep_their_crlf() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", "plan", "export", "-", "--format", "ics", "--todos"],
        capture_output=True,
        timeout=60,
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    assert result.stdout.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert b"\n" not in result.stdout.replace(b"\r\n", b"")
    todos = items(result.stdout, "VTODO")
    assert list(todos) == ["cmaa", "cmaa-renewal", "apply"]
    assert str(todos["cmaa"]["STATUS"]) == "COMPLETED"
    assert todos["cmaa"]["COMPLETED"].dt.date() == date(2026, 3, 10)
    assert str(todos["apply"]["STATUS"]) == "NEEDS-ACTION"


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--remind-days", "x"], ["--remind-days", "'x'", "0 to 365"]),
        (["--remind-days", "400"], ["--remind-days", "0 to 365"]),
        (["--format", "csv", "--todos"], ["--todos", "iCalendar"]),
    ],
)
def test_bad_options_are_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, extra: list[str], words: list[str]
) -> None:
    code, out, err = cli(capsys, "plan", "export", str(tmp_path / "x.ics"), *extra)
    assert (code, out) == (2, "")
    assert err.startswith("ptplanner: error: "), err
    assert err.count("\n") == 1, err
    for word in words:
        assert word in err
    assert not (tmp_path / "x.ics").exists()


def test_refuses_a_folder_and_a_device(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = cli(capsys, "plan", "export", str(tmp_path), "--format", "ics")
    assert code == 2
    assert err == f"ptplanner: error: {tmp_path} is a folder; give a file name\n"
    if os.path.exists("/dev/null"):
        code, _, err = cli(capsys, "plan", "export", "/dev/null", "--format", "ics")
        assert code == 2
        assert err == "ptplanner: error: cannot write /dev/null: /dev/null is not a regular file\n"
    code, _, err = cli(capsys, "plan", "export", str(tmp_path / "no" / "x.ics"))
    assert code == 2
    assert "no such folder" in err
    assert err.count("\n") == 1
