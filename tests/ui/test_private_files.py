"""What the window and the printout write is private whatever the umask (issue 18): PDFs,
including the career packet, and window.ini with the settings folder it lives in."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ptplanner.core import paths
from ptplanner.core.plan.model import Milestone, Plan
from ptplanner.core.plan.template import empty_plan
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.report.build import ReportInput
from ptplanner.core.settings import Settings
from ptplanner.ui.main_window import MainWindow
from ptplanner.ui.report.pdf import write_pdf


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def career_packet() -> ReportInput:
    plan: Plan = empty_plan().model_copy(update={"milestones": (Milestone(title="Earn CMAA"),)})
    projection = project(ProjectionRequest(inputs={"location": "Texas"}, years=3, start_year=2026))
    return ReportInput(
        projection=projection, plan=plan, career_packet=True, printed_on=date(2026, 3, 9)
    )


@pytest.mark.usefixtures("umask_000")
def test_a_new_pdf_is_readable_by_its_owner_only(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "packet.pdf"
    write_pdf(career_packet(), path)
    assert path.read_bytes().startswith(b"%PDF")
    assert mode(path) == 0o600


def test_replacing_a_pdf_keeps_the_mode_its_owner_gave_it(
    qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "shared.pdf"
    path.write_bytes(b"old")
    path.chmod(0o644)  # shared on purpose: a replaced file keeps the owner's choice
    write_pdf(career_packet(), path)
    assert path.read_bytes().startswith(b"%PDF")
    assert mode(path) == 0o644


@pytest.mark.usefixtures("umask_000")
def test_window_ini_and_the_settings_folder_are_private(qtbot: QtBot) -> None:
    window = MainWindow(settings=Settings())
    qtbot.addWidget(window)
    window.save_preferences()
    config = paths.config_dir()
    assert mode(config) == 0o700
    assert mode(config / "window.ini") == 0o600
    assert "startup" in (config / "window.ini").read_text(encoding="utf-8")
    window.close()


def test_a_window_ini_an_older_version_left_readable_is_made_private(qtbot: QtBot) -> None:
    config = paths.config_dir()
    config.mkdir(parents=True, exist_ok=True)  # a returning user's folder (tests/ui/conftest.py)
    ini = config / "window.ini"
    ini.write_text("[startup]\nlast_tab=1\n", encoding="utf-8")
    ini.chmod(0o644)
    window = MainWindow(settings=Settings())
    qtbot.addWidget(window)
    window.save_preferences()
    assert mode(ini) == 0o600
    window.close()
