"""One plan, one number of steps: the Plan tab's header, the Restore from backup dialog and
``ptplanner plan list`` / ``plan export`` all count the steps a person ticks off (steps without
sub-steps, skipped ones not counted)."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from plan_tab_helpers import TODAY, OpenTab
from pytestqt.qtbot import QtBot

from ptplanner.cli.main import main
from ptplanner.core import paths
from ptplanner.core.plan.model import Milestone, Plan, Status, step_count
from ptplanner.core.plan.template import ready_plan
from ptplanner.core.storage.backups import BackupInfo
from ptplanner.ui.tabs.plan.backup_dialog import BackupDialog, BackupSummary


def nested_plan() -> Plan:
    """Three levels, a skipped step, and a parent ticked done before its sub-steps."""
    leaf = Milestone
    return Plan(
        milestones=(
            leaf(title="Finish a GED", status=Status.DONE, done_date=TODAY),
            leaf(
                title="CMAA certification",
                children=(
                    leaf(
                        title="Study",
                        children=(leaf(title="Chapter 1"), leaf(title="Chapter 2")),
                    ),
                    leaf(title="Book the exam", status=Status.SKIPPED),
                    leaf(title="Pass the exam"),
                ),
            ),
            leaf(
                title="Learn an EMR",
                status=Status.DONE,
                done_date=TODAY,
                children=(leaf(title="Course"), leaf(title="Demo")),
            ),
            leaf(title="Skipped altogether", status=Status.SKIPPED),
        )
    )


def cli_out(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(
    ("plan", "expected"),
    [(ready_plan(date(2026, 11, 25)), None), (nested_plan(), 6)],
    ids=["ready plan", "nested plan"],
)
def test_header_restore_dialog_and_cli_give_the_same_number_of_steps(
    qtbot: QtBot,
    open_tab: OpenTab,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    plan: Plan,
    expected: int | None,
) -> None:
    steps = step_count(plan)
    if expected is not None:
        # Chapter 1, Chapter 2, Pass the exam, Course, Demo and the GED; not the skipped ones,
        # nor the steps that only hold sub-steps.
        assert steps == expected
    # The Plan tab's header.
    tab = open_tab(plan)
    header = tab.header.counts_label.text()
    assert re.match(rf"\d+ of {steps} steps done", header), header
    # The Restore from backup dialog: its list's Steps column and its preview.
    info = BackupInfo(tmp_path / "plan.json", datetime(2026, 11, 20, 9, 30), 2048)
    dialog = BackupDialog([BackupSummary(info, plan)])
    qtbot.addWidget(dialog)
    column = [dialog.list.headerItem().text(c) for c in range(3)].index("Steps")
    row = dialog.list.topLevelItem(0)
    assert row is not None
    assert row.text(column) == str(steps)
    assert f" of {steps} steps done" in dialog.summary.text()
    # The command line, on the same plan.
    paths.plan_file().parent.mkdir(parents=True, exist_ok=True)
    paths.plan_file().write_text(plan.model_dump_json(), encoding="utf-8")
    listed = cli_out(capsys, "plan", "list").splitlines()[0]
    assert f" of {steps} steps)" in listed, listed
    for kind in ("csv", "json"):
        exported = cli_out(capsys, "plan", "export", str(tmp_path / f"out.{kind}"))
        assert exported.startswith(f"Wrote {steps} steps to "), exported


@pytest.mark.parametrize(
    "available", [(0, 0, 1024, 728), (0, 0, 683, 480)], ids=["1024x768", "1024x768 at 150%"]
)
def test_the_restore_dialog_fits_a_small_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, available: tuple[int, ...]
) -> None:
    from PySide6.QtCore import QRect

    from ptplanner.ui import fitting

    screen = QRect(*available)
    monkeypatch.setattr(fitting, "available_geometry", lambda _widget=None: QRect(screen))
    info = BackupInfo(tmp_path / "plan.json", datetime(2026, 11, 20, 9, 30), 2048)
    dialog = BackupDialog([BackupSummary(info, ready_plan(date(2026, 11, 25)))] * 30)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.width() <= screen.width()
    assert dialog.height() <= screen.height()
    assert dialog.restore_button.isVisible()
    assert dialog.restore_button.geometry().bottom() < dialog.height()
