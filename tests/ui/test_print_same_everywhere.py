"""One profile everywhere: the window's Export PDF and ``ptplanner projection --from-plan --pdf``
print the same report for the same saved profile and plan; and the printout says which dollars
it shows and never cuts a year's changes short.

PDFs are read back with ``pdftotext`` (poppler-utils; CI installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from ptplanner.core.projection import Dollars, Event, ProjectionRequest, project
from ptplanner.core.report.build import ReportInput, build_report
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.settings import Settings, save_settings
from ptplanner.ui.report.pdf import write_pdf

if TYPE_CHECKING:
    from fit_checks import OpenMainWindow
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils (pdftotext) is not installed; CI installs it",
)


def ptplanner(*args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "ptplanner", *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    return result


def pdf_text(path: Path, mode: str = "-layout") -> str:
    return subprocess.run(
        ["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def squash(text: str) -> str:
    return "".join(text.split())


def save_profile_and_plan() -> None:
    """A profile saved by the window (Boston, no experience yet, a CMAA, nominal dollars over
    six years) and the ready plan with its EMR step done."""
    profile = SalaryInputs(location="boston", certifications=frozenset({"cmaa"}))
    save_settings(
        Settings(
            salary_inputs=profile.model_dump(mode="json"), projection_years=6, dollars="nominal"
        )
    )
    ptplanner("plan", "init")
    listed = ptplanner("plan", "list").stdout
    emr = re.search(r"([0-9a-f]{8})\s+Learn an EMR system", listed)
    assert emr, listed
    ptplanner("plan", "done", emr.group(1))


@needs_poppler
def test_window_export_and_cli_from_plan_print_the_same_report(
    open_main_window: OpenMainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    from ptplanner.cli.main import build_parser
    from ptplanner.cli.projection import report_input

    save_profile_and_plan()
    cli_pdf, window_pdf = tmp_path / "cli.pdf", tmp_path / "window.pdf"
    # The command line first: the window locks the plan while it is open.
    ptplanner("projection", "--from-plan", "--career-packet", "--pdf", str(cli_pdf))
    args = build_parser().parse_args(["projection", "--from-plan", "--career-packet"])
    from_cli = report_input(args)

    window = open_main_window()
    window.finish_loading()
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_K, ctrl | shift)  # File > Include career packet
    assert window.packet_action.isChecked()

    def choose(*_args: object) -> tuple[str, str]:
        return str(window_pdf), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    qtbot.keyClick(window, Qt.Key.Key_E, ctrl)  # File > Export PDF...
    qtbot.waitUntil(window_pdf.exists, timeout=10_000)

    # The same report, figure for figure: the same profile, plan, events, dollars and packet.
    from_window = build_report(window.report())
    mine = build_report(from_cli)
    assert from_window == mine
    assert mine.dollars == "nominal"
    assert mine.request.work_starts is not None  # the ready plan's first job starts the count
    assert "emr" in mine.request.inputs.skills  # the plan's finished EMR step counts
    assert mine.request.years == 6
    # And the same pages.
    assert pdf_text(window_pdf) == pdf_text(cli_pdf)


@needs_poppler
def test_a_nominal_printout_says_so_on_every_money_figure_over_the_years(
    qapp: QApplication, tmp_path: Path
) -> None:
    projection = project(ProjectionRequest(inputs={"location": "Texas"}, years=8, start_year=2026))
    cases: tuple[tuple[Dollars, str, str], ...] = (
        ("nominal", "nominal dollars", "(nominal $)"),
        ("today", "2026 dollars", "(2026 $)"),
    )
    for dollars, unit, short in cases:
        path = tmp_path / f"{dollars}.pdf"
        write_pdf(ReportInput(projection, dollars=dollars, printed_on=date(2026, 3, 9)), path)
        text = " ".join(pdf_text(path, "-raw").split())
        assert f"2026 to 2034, in {unit}" in text  # the subtitle
        assert f"Projection, in {unit}" in text  # the chart's heading
        assert f"Pay per year ({unit})" in text  # its axis
        assert f"Pay per year in {unit}" in text  # its caption
        assert f"Pay in {unit}" in text  # the year table's caption
        assert text.count(short) >= 4  # each money column's header
        last = projection.rows[-1]
        shown = last.typical if dollars == "nominal" else last.typical_real
        assert f"${shown:,.0f}" in text


@needs_poppler
def test_year_table_cells_wrap_instead_of_being_cut(qapp: QApplication, tmp_path: Path) -> None:
    long_label = (
        "Move to the flagship clinic downtown and take over scheduling for all three of its "
        "physical therapy teams while training the new front-desk hires"
    )
    projection = project(
        ProjectionRequest(
            inputs={"location": "Texas"},
            years=4,
            start_year=2026,
            events=(
                Event(year=2028, kind="certification", value="cmaa", label=long_label),
                Event(year=2028, kind="skill", value="emr"),
                Event(year=2028, kind="role", value="practice_administrator"),
            ),
        )
    )
    path = tmp_path / "wrapped.pdf"
    write_pdf(ReportInput(projection, printed_on=date(2026, 3, 9)), path)
    table = pdf_text(path, "-raw").split("Year by year", 1)[1].split("Why this estimate", 1)[0]
    assert "…" not in table
    for words in (long_label, "Learn EMR/EHR proficiency", "Start as practice administrator"):
        assert squash(words) in squash(table)
    # The rung's full title wraps in the role column too.
    assert squash("Practice administrator / health services manager") in squash(table)
