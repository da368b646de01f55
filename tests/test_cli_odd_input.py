"""Odd input on the command line gets one honest line, never a traceback (issue 18, low items).

Bytes that are not UTF-8, digits that ``int`` refuses ("²"), file names too long for the file
system or inside a folder that cannot be read: each is ``ptplanner: error: ...`` and exit 2.
A save that failed says only what is true for a command that has ended; a save that replaced the
file but could not flush its folder is saved, with a warning; a failed backup is a warning.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from ptplanner.cli.main import main
from ptplanner.core import paths
from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.template import empty_plan
from ptplanner.core.storage import atomic_io
from ptplanner.core.storage.backups import Backups
from ptplanner.core.storage.codec import parse_plan
from ptplanner.core.storage.store import PlanStore

NOT_UTF8 = os.fsdecode(b"\xff")
"""What Python makes of a command-line argument holding the byte 0xff: a lone surrogate."""
TOO_LONG = "a" * 300
"""A file name longer than any file system allows (255 bytes)."""


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run ``ptplanner ARGS`` in this process; argparse's own exits count as return codes."""
    try:
        code = main(list(args))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def assert_one_line_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert err.startswith("ptplanner: error: "), err
    assert err.count("\n") == 1, err
    for word in words:
        assert word in err, err


def titles(path: Path | None = None) -> list[str]:
    plan = parse_plan((path or paths.plan_file()).read_bytes())
    return [m.title for m in plan.flatten()]


@pytest.fixture
def one_step_plan(capsys: pytest.CaptureFixture[str]) -> bytes:
    """A saved plan with one step "First"; returns its bytes."""
    assert cli(capsys, "plan", "add", "First")[0] == 0
    saved: bytes = paths.plan_file().read_bytes()
    return saved


# --- text that is not UTF-8 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (("projection", "--location", NOT_UTF8), "--location"),
        (("projection", "--location", f"bost{NOT_UTF8}n"), "--location"),
        (("projection", "--education", NOT_UTF8), "--education"),
        (("projection", "--cert", NOT_UTF8), "--cert"),
        (("projection", "--employer", NOT_UTF8), "--employer"),
        (("projection", "--skill", NOT_UTF8), "--skill"),
        (("projection", "--event", f"2030:location:{NOT_UTF8}"), "--event"),
        (("plan", "add", NOT_UTF8), "title"),
        (("plan", "add", "x", "--notes", NOT_UTF8), "--notes"),
        (("plan", "add", "x", "--link", f"location:{NOT_UTF8}"), "--link"),
        (("plan", "add", "x", "--target", NOT_UTF8), "--target"),
        (("plan", "add", "x", "--parent", NOT_UTF8), "--parent"),
        (("plan", "add", "x", "--renews-every", NOT_UTF8), "--renews-every"),
        (("plan", "done", NOT_UTF8), "id"),
        (("plan", "remove", NOT_UTF8), "id"),
    ],
)
def test_text_that_is_not_utf8_is_refused_where_it_is_read(
    capsys: pytest.CaptureFixture[str],
    one_step_plan: bytes,
    args: tuple[str, ...],
    option: str,
) -> None:
    code, out, err = cli(capsys, *args)
    assert_one_line_error(code, err, f"argument {option}: ", "\\xff", "' is not UTF-8 text")
    assert out == ""
    assert paths.plan_file().read_bytes() == one_step_plan


def test_a_real_non_utf8_argument_in_a_real_process(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", "projection", "--location", b"\xff"],
        capture_output=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.startswith(b"ptplanner: error: argument --location: '\\xff'")
    assert result.stderr.count(b"\n") == 1, result.stderr


def test_file_names_that_are_not_utf8_still_work(
    capsys: pytest.CaptureFixture[str], one_step_plan: bytes, tmp_path: Path
) -> None:
    """Only text is checked: on Linux a file name is bytes, and any bytes may name a file."""
    target = tmp_path / f"plan{NOT_UTF8}.json"
    code, out, err = cli(capsys, "plan", "export", str(target))
    assert code == 0, err
    assert titles(target) == ["First"]
    assert out == f"Wrote 1 steps to {tmp_path}/plan\\xff.json (JSON).\n"  # printable
    code, out, err = cli(capsys, "plan", "import", str(target))
    assert code == 0, err
    assert f"from {tmp_path}/plan\\xff.json." in out


# --- digits that int() refuses -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("projection", "--event", "²:promotion"), ["--event: expected YEAR:KIND[:VALUE]"]),
        (("projection", "--event", "2030²:promotion"), ["--event: expected YEAR:KIND[:VALUE]"]),
        (("projection", "--event", "9" * 5000 + ":promotion"), ["--event: expected YEAR"]),
        (("plan", "add", "x", "--renews-every", "²"), ["--renews-every: '²' is not a whole"]),
        (("plan", "add", "x", "--renews-every", "1²"), ["--renews-every", "not a whole number"]),
        (("plan", "add", "x", "--renews-every", "9" * 5000), ["--renews-every", "not a whole"]),
    ],
)
def test_superscript_and_endless_digits_are_one_line(
    capsys: pytest.CaptureFixture[str],
    one_step_plan: bytes,
    args: tuple[str, ...],
    words: list[str],
) -> None:
    code, out, err = cli(capsys, *args)
    assert_one_line_error(code, err, *words)
    assert out == ""
    assert paths.plan_file().read_bytes() == one_step_plan


def test_plain_digits_still_work(capsys: pytest.CaptureFixture[str], one_step_plan: bytes) -> None:
    assert cli(capsys, "plan", "add", "CMAA", "--renews-every", " 24 ")[0] == 0
    renewing = [
        m for m in parse_plan(paths.plan_file().read_bytes()).flatten() if m.title == "CMAA"
    ]
    assert [m.renews_every_months for m in renewing] == [24]
    next_year = f"{date.today().year + 1}:promotion"
    code, out, err = cli(capsys, "projection", "--event", next_year, "--format", "csv")
    assert code == 0, err
    assert "promotion" in out.lower()


@pytest.mark.parametrize("months", ["²", "1²", "٣", "9" * 5000])
def test_a_csv_with_digits_int_refuses_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], one_step_plan: bytes, tmp_path: Path, months: str
) -> None:
    source = tmp_path / "steps.csv"
    source.write_text(f"title,renews_every_months\nCMAA,{months}\n", encoding="utf-8")
    code, out, err = cli(capsys, "plan", "import", str(source))
    assert_one_line_error(code, err, "Line 2: renews_every_months must be a whole number")
    assert out == ""
    assert paths.plan_file().read_bytes() == one_step_plan


# --- output files that cannot be written -----------------------------------------------------


@pytest.fixture
def unsearchable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder whose contents cannot be looked at (mode 000 for anyone but root).

    The tests run as root too, who may look anywhere, so looking inside is refused the way the
    kernel refuses it to a user: os.stat of anything inside raises PermissionError.
    """
    folder = tmp_path / "locked"
    (folder / "sub").mkdir(parents=True)
    real_stat = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if isinstance(path, str | os.PathLike) and os.fspath(path).startswith(f"{folder}{os.sep}"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    return folder


@pytest.mark.parametrize("name", ["x.json", "x.csv", "sub/x.json"])
def test_export_into_a_folder_that_cannot_be_read_is_one_line(
    capsys: pytest.CaptureFixture[str], one_step_plan: bytes, unsearchable_folder: Path, name: str
) -> None:
    target = unsearchable_folder / name
    code, out, err = cli(capsys, "plan", "export", str(target))
    assert_one_line_error(code, err, f"cannot write {target}", "Permission denied")
    assert out == ""


def test_pdf_into_a_folder_that_cannot_be_read_is_one_line(
    capsys: pytest.CaptureFixture[str], unsearchable_folder: Path
) -> None:
    target = unsearchable_folder / "sub" / "projection.pdf"
    code, out, err = cli(capsys, "projection", "--pdf", str(target))
    assert_one_line_error(code, err, f"--pdf: cannot write {target}", "Permission denied")
    assert out == ""


@pytest.mark.parametrize("suffix", [".json", ".csv"])
def test_export_to_a_name_too_long_is_one_line(
    capsys: pytest.CaptureFixture[str], one_step_plan: bytes, tmp_path: Path, suffix: str
) -> None:
    target = tmp_path / f"{TOO_LONG}{suffix}"
    code, out, err = cli(capsys, "plan", "export", str(target))
    assert_one_line_error(code, err, "cannot write", os.strerror(errno.ENAMETOOLONG))
    assert out == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["user"]


def test_pdf_with_a_name_too_long_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / f"{TOO_LONG}.pdf"
    code, out, err = cli(capsys, "projection", "--pdf", str(target))
    assert_one_line_error(code, err, "--pdf: cannot write", os.strerror(errno.ENAMETOOLONG))
    assert out == ""


# --- what a save reports -----------------------------------------------------------------------


def fail_with(err: int) -> Callable[..., object]:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise OSError(err, os.strerror(err))

    return fail


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (errno.ENOSPC, "The disk is full, so your plan was not saved."),
        (errno.EROFS, "(read-only or no permission), so your plan was not saved."),
        (errno.EIO, f"Your plan was not saved ({os.strerror(errno.EIO)})."),
    ],
)
def test_a_failed_save_promises_no_retry_the_cli_never_makes(
    capsys: pytest.CaptureFixture[str],
    one_step_plan: bytes,
    monkeypatch: pytest.MonkeyPatch,
    err: int,
    words: str,
) -> None:
    monkeypatch.setattr(tempfile, "mkstemp", fail_with(err))
    code, out, err_text = cli(capsys, "plan", "add", "Second")
    assert_one_line_error(code, err_text, words)
    for promise in ("will save it again", "will try again", "will be saved", "still open"):
        assert promise not in err_text
    assert out == ""
    assert paths.plan_file().read_bytes() == one_step_plan


@pytest.fixture
def folder_flush_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """fsync of a folder fails with EIO, after the new file was renamed into place."""
    monkeypatch.setattr(atomic_io, "fsync_dir", fail_with(errno.EIO))


def test_a_folder_flush_failing_after_the_rename_is_saved_with_a_warning(
    capsys: pytest.CaptureFixture[str], one_step_plan: bytes, folder_flush_fails: None
) -> None:
    code, out, err = cli(capsys, "plan", "add", "Second")
    assert code == 0, err
    assert out.startswith("Added 'Second'")
    assert err.startswith("ptplanner: warning: the plan was saved, but ")
    assert err.count("\n") == 1, err
    assert os.strerror(errno.EIO) in err
    assert titles() == ["First", "Second"]


def test_a_store_whose_folder_flush_fails_does_not_save_twice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "plan.json"
    with PlanStore(path) as store:
        store.load()
        with monkeypatch.context() as patch:
            patch.setattr(atomic_io, "fsync_dir", fail_with(errno.EIO))
            store.save(Plan(milestones=(Milestone(title="Only once"),)))  # no SaveError
            assert not store.has_unsaved_changes
            assert store.last_error is None
            assert store.sync_error is not None
            assert "the plan was saved" in store.sync_error
            assert store.retry_save()  # nothing is pending, so nothing is written again
            assert titles(path) == ["Only once"]
        store.save(empty_plan())  # a save that flushes clears the warning
        assert store.sync_error is None


def test_a_failed_backup_is_a_warning_and_claims_no_kept_copy(
    capsys: pytest.CaptureFixture[str], one_step_plan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Backups, "back_up", fail_with(errno.ENOSPC))
    code, out, err = cli(capsys, "plan", "add", "Second")
    assert code == 0, err
    assert out.startswith("Added 'Second'")
    assert err.startswith("ptplanner: warning: the plan was saved, but the previous version")
    assert "not saved" not in err
    assert os.strerror(errno.ENOSPC) in err
    assert err.count("\n") == 1, err
    second = next(
        m.id for m in parse_plan(paths.plan_file().read_bytes()).flatten() if m.title == "Second"
    )
    code, out, err = cli(capsys, "plan", "remove", second)
    assert code == 0, err
    assert out == "Removed 'Second'.\n"  # not "The previous plan is kept in ...": it is not
    assert err.startswith("ptplanner: warning: the plan was saved, but the previous version")
    assert titles() == ["First"]


def test_a_working_backup_prints_no_warning(
    capsys: pytest.CaptureFixture[str], one_step_plan: bytes
) -> None:
    code, out, err = cli(capsys, "plan", "add", "Second")
    assert (code, err) == (0, "")
    second = next(
        m.id for m in parse_plan(paths.plan_file().read_bytes()).flatten() if m.title == "Second"
    )
    code, out, err = cli(capsys, "plan", "remove", second)
    assert (code, err) == (0, "")
    assert "The previous plan is kept in" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["projection", "--pdf", "out.pdf"],
        ["compare", "boston", "--pdf", "out.pdf"],
        ["plan", "export", "out.pdf", "--format", "pdf"],
    ],
    ids=["projection", "compare", "plan export"],
)
def test_paper_is_read_the_same_by_every_command_that_prints(argv: list[str]) -> None:
    """--paper takes "A4" as well as "a4" wherever a PDF is written, not on one command only."""
    from ptplanner.cli.main import build_parser

    assert build_parser().parse_args([*argv, "--paper", "A4"]).paper == "a4"
    assert build_parser().parse_args([*argv, "--paper", "Letter"]).paper == "letter"
