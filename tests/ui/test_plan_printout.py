"""The plan on paper: the checklist, progress and chart read back from the PDF with pdftotext,
no row cut between pages, Letter and A4, and ``ptplanner plan export --format pdf`` run as a
person runs it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.plan.template import ready_plan

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext")
TODAY = date(2026, 3, 20)


def text_of(pdf: Path, mode: str = "-layout") -> str:
    return subprocess.run(
        ["pdftotext", mode, str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def long_plan() -> Plan:
    steps = [
        Milestone(
            title=f"Step {n}",
            target_date=date(2026, 1 + n % 12, 1),
            status=Status.DONE if n < 10 else Status.NOT_STARTED,
            done_date=date(2026, 1, 1 + n) if n < 10 else None,
            notes=("note " * 400).strip() if n == 5 else "",
        )
        for n in range(60)
    ]
    return Plan(title="Long plan", milestones=tuple(steps))


def test_printout_states_every_step_with_status_dates_and_progress(
    qapp: QApplication, tmp_path: Path
) -> None:
    from ptplanner.ui.report.plan.output import write_plan_pdf

    plan = ready_plan(date(2025, 9, 10))
    target = tmp_path / "plan.pdf"
    pages = write_plan_pdf(plan, TODAY, target, "Letter")
    text = text_of(target)
    assert text.count("\f") == pages
    done, counted = plan.leaf_counts()
    assert f"{done} of {counted} steps done" in text
    assert "Behind the plan's targets" in text
    flat = " ".join(text.split())
    assert "Source: your plan's done and target dates, as of Mar 20, 2026." in flat
    # Raw order: a wrapped title reads as one run of text.
    raw = " ".join(text_of(target, "-raw").split())
    for milestone in plan.flatten():
        assert milestone.title in raw
    assert "Page 1 of" in text
    assert "Printed 2026-03-20" in text


def test_long_notes_continue_on_rows_and_pages_keep_whole_rows(
    qapp: QApplication, tmp_path: Path
) -> None:
    from ptplanner.ui.report.plan.output import write_plan_pdf

    target = tmp_path / "long.pdf"
    pages = write_plan_pdf(long_plan(), TODAY, target, "A4")
    assert pages >= 2
    text = text_of(target)
    assert "6 (notes, continued)" in text
    assert "Steps (continued)" in text
    # Every step's row is on a page whole: its title and its status on the same page.
    for page in text.split("\f"):
        for line in page.splitlines():
            if (
                line.lstrip("☑☐ ").startswith(tuple(str(n) for n in range(1, 61)))
                and "Step " in line
            ):
                assert "Done" in line or "Not started" in line


def test_paper_sizes(qapp: QApplication, tmp_path: Path) -> None:
    from ptplanner.ui.report.plan.output import write_plan_pdf

    sizes = {}
    for paper in ("Letter", "A4"):
        target = tmp_path / f"{paper}.pdf"
        write_plan_pdf(ready_plan(TODAY), TODAY, target, paper)
        info = subprocess.run(
            ["pdfinfo", str(target)], check=True, capture_output=True, text=True
        ).stdout
        sizes[paper] = next(line for line in info.splitlines() if line.startswith("Page size"))
    assert "612 x 792" in sizes["Letter"]
    assert "(A4)" in sizes["A4"]


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "ptplanner", *args], cwd=cwd, env=env, capture_output=True, text=True
    )


def test_cli_exports_the_plan_as_pdf(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    assert run_cli("plan", "--plan-file", str(plan_file), "init", cwd=tmp_path).returncode == 0
    done = run_cli("plan", "--plan-file", str(plan_file), "export", "out.pdf", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "to out.pdf (PDF)" in done.stdout
    text = text_of(tmp_path / "out.pdf")
    assert "My PT Care Coordinator plan" in text
    assert "Study for the CMAA exam" in text
    a4 = run_cli(
        "plan",
        "--plan-file",
        str(plan_file),
        "export",
        "x",
        "--format",
        "pdf",
        "--paper",
        "A4",
        cwd=tmp_path,
    )
    assert a4.returncode == 0, a4.stderr
    assert (tmp_path / "x").read_bytes().startswith(b"%PDF")
    for bad in (str(tmp_path), "/dev/null"):
        refused = run_cli(
            "plan", "--plan-file", str(plan_file), "export", bad, "--format", "pdf", cwd=tmp_path
        )
        assert refused.returncode == 2
        assert refused.stderr.count("\n") == 1
        assert refused.stderr.startswith("ptplanner: error: cannot write")
