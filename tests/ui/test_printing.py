"""The printed salary projection: PDFs read back with poppler, the print dialogs, and the CLI.

PDFs are written for real and read back with ``pdftotext`` / ``pdfinfo`` (poppler-utils; CI
installs it): the printed figures must be the engine's, the page count must be the one ``render``
reports, tables must repeat their header, the sources must carry the required attributions and no
word may sit outside the page's margins. The dialogs are driven without blocking: ``exec`` is
patched or the modal dialog is closed from a timer.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, cast

import pytest

pytest.importorskip("PySide6")

from ptplanner import __version__
from ptplanner.core.content import overview
from ptplanner.core.plan.model import Milestone, Plan, Status
from ptplanner.core.projection import Event, Projection, ProjectionRequest, YearRow, project
from ptplanner.core.report.build import ReportInput
from ptplanner.core.sources import source_catalog
from ptplanner.ui.report.document import render
from ptplanner.ui.report.pdf import PageSizeName, default_pdf_name, write_pdf, write_pdf_headless

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrintPreviewWidget
    from PySide6.QtWidgets import QApplication, QDialog
    from pytestqt.qtbot import QtBot

PRINTED_ON = date(2026, 3, 9)
BLS_NOTE = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data have "
    "been retrieved from BLS.gov."
)
# Every word must keep at least this far from the paper's edge (the layout's margins are wider).
EDGE_POINTS = 18.0

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
    reason="poppler-utils (pdftotext, pdfinfo) is not installed; CI installs it",
)


# --- helpers -----------------------------------------------------------------------------------


def make_projection(years: int, **inputs: object) -> Projection:
    events = (
        Event(year=2027, kind="certification", value="cmaa"),
        Event(year=2029, kind="education", value="associate"),
        Event(year=2033, kind="promotion"),
    )
    return project(
        ProjectionRequest(
            inputs={"location": "Texas", **inputs},
            years=years,
            start_year=2026,
            events=tuple(e for e in events if e.year <= 2026 + years),
        )
    )


def make_plan(today: date) -> Plan:
    def step(title: str, status: Status, days: int | None, **extra: object) -> Milestone:
        target = today + timedelta(days=days) if days is not None else None
        return Milestone.model_validate(
            {"title": title, "status": status, "target_date": target, **extra}
        )

    return Plan(
        title="Test plan",
        milestones=(
            step("Finish a GED", Status.DONE, -300),
            step(
                "CMAA certification",
                Status.IN_PROGRESS,
                None,
                children=(
                    step("Buy the study guide", Status.DONE, -40),
                    step("Book the CMAA exam", Status.NOT_STARTED, -12),
                    step("Pass the CMAA exam", Status.NOT_STARTED, 30),
                ),
            ),
            step("Associate degree", Status.SKIPPED, 500),
            step("Apply to hospital clinics", Status.IN_PROGRESS, 90),
            step("Ask about the senior role", Status.NOT_STARTED, None),
        ),
    )


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
    assert match, info.stdout
    return int(match.group(1))


def pdf_page_size(path: Path) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    match = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info.stdout, re.MULTILINE)
    assert match, info.stdout
    return float(match.group(1)), float(match.group(2))


def pdf_text(path: Path, *, page: int | None = None, mode: str = "-layout") -> str:
    command = ["pdftotext", mode]
    if page is not None:
        command += ["-f", str(page), "-l", str(page)]
    result = subprocess.run([*command, str(path), "-"], capture_output=True, text=True, check=True)
    return result.stdout


def flat(text: str) -> str:
    """Whitespace collapsed, so text wrapped over lines reads as one sentence."""
    return " ".join(text.split())


def squash(text: str) -> str:
    """All whitespace removed: a sentence wrapped after "-" or "/" still matches its source."""
    return "".join(text.split())


def word_boxes(path: Path) -> Iterator[tuple[int, float, float, str, tuple[float, ...]]]:
    """(page number, page width, page height, word, (x0, y0, x1, y1)) for every word."""
    xhtml = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    namespace = {"x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(xhtml)
    for number, page in enumerate(root.iterfind(".//x:page", namespace), start=1):
        width, height = float(page.get("width", 0)), float(page.get("height", 0))
        for word in page.iterfind("x:word", namespace):
            box = tuple(float(word.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax"))
            yield number, width, height, word.text or "", box


def row_pattern(row: YearRow, dollars: str = "today") -> re.Pattern[str]:
    """A year-by-year table line: year and experience, the role (whose first line shares the
    row's line), then the four money columns in order, in the dollars the report shows."""
    d = 1.0 if dollars == "nominal" else row.deflator
    cells = [
        f"${row.low / d:,.0f}",
        f"${row.typical / d:,.0f}",
        f"${row.high / d:,.0f}",
        f"${row.total_compensation / d:,.0f}",
    ]
    start = rf"^\s*{row.year}\s+{re.escape(f'{row.experience:g}')}\b[^$\n]*"
    return re.compile(start + r"\s+".join(re.escape(c) for c in cells), re.MULTILINE)


@pytest.fixture(scope="module")
def ten_years() -> Projection:
    return make_projection(10)


@pytest.fixture(scope="module")
def forty_years() -> Projection:
    return make_projection(40, certifications={"cehrs"}, skills={"emr"})


@pytest.fixture(scope="module")
def pinned_forty() -> Projection:
    return make_projection(40, location="boston", employer_type="hospital")


# --- the figures and pages ---------------------------------------------------------------------


@needs_poppler
@pytest.mark.parametrize("page_size", ["Letter", "A4"])
@pytest.mark.parametrize("years", [10, 40])
@pytest.mark.parametrize("with_comparison", [False, True], ids=["single", "compared"])
def test_printed_figures_are_the_engines(
    qapp: QApplication, tmp_path: Path, page_size: PageSizeName, years: int, with_comparison: bool
) -> None:
    projection = make_projection(years)
    comparison = make_projection(years, location="boston") if with_comparison else None
    report = ReportInput(
        projection=projection,
        comparison=comparison,
        comparison_label="Boston",
        printed_on=PRINTED_ON,
    )
    path = tmp_path / "report.pdf"
    pages = write_pdf(report, path, page_size=page_size)

    assert path.read_bytes().startswith(b"%PDF")
    assert pages == pdf_pages(path)
    expected_size = (612.0, 792.0) if page_size == "Letter" else (595.3, 841.9)
    assert pdf_page_size(path) == pytest.approx(expected_size, abs=0.5)
    text = pdf_text(path)
    for row in projection.rows:
        assert row_pattern(row).search(text), f"row {row.year} not printed as computed"
        assert f"${row.typical_real:,.0f}" in text
        assert f"${row.total_real:,.0f}" in text
    today = projection.today
    assert f"${today.typical:,.0f}" in text
    assert f"${today.low:,.0f} – ${today.high:,.0f}" in text
    assert f"${today.compensation.total:,.0f}" in text
    assert today.cost_of_living_adjusted is not None
    assert f"${today.cost_of_living_adjusted:,.0f}" in text
    if comparison is not None:
        assert "Side by side" in text
        for row in comparison.rows:
            assert f"${row.typical_real:,.0f}" in text
            assert f"${row.total_real:,.0f}" in text
    for number in range(1, pages + 1):
        page = pdf_text(path, page=number)
        assert f"Page {number} of {pages}" in page
        assert f"Printed {PRINTED_ON.isoformat()}" in page
        assert f"ptplanner {__version__}" in page


@needs_poppler
def test_scenario_breakdown_and_assumptions_are_printed(qapp: QApplication, tmp_path: Path) -> None:
    projection = make_projection(10, certifications={"cehrs"}, skills={"emr"}, years_experience=2)
    path = tmp_path / "report.pdf"
    write_pdf(ReportInput(projection=projection, printed_on=PRINTED_ON), path)
    text = flat(pdf_text(path, mode="-raw"))
    squashed = squash(text)
    assert "Salary projection — PT Care Coordinator" in text
    for fact in ("Texas", "Private PT clinic", "High school diploma or GED", "CEHRS"):
        assert fact in text
    assert "2027: Earn CMAA" in text
    assert "2029: Finish associate degree" in text
    for item in projection.today.breakdown:
        assert squash(item.label) in squashed
        assert squash(item.detail) in squashed
        if item.guide_says:
            assert squash(item.guide_says) in squashed
    assert f"= Typical base pay in 2026 ${projection.today.typical:,.0f}" in text
    assert "Pay scale from May 2025 to 2026" in text  # this year's step, a line of its own
    a = projection.request.inputs.assumptions
    for shown in (
        f"{a.market_growth_pct:+.2f}% a year",
        f"{a.inflation_pct:g}% a year",
        f"{a.bonus_pct:g}% of base",
        f"{a.retirement_contribution_pct:g}% of base",
        f"{a.match_rate_pct:g}% of what you put in",
        f"up to {a.match_cap_pct:g}% of base",
        f"{a.health_value_pct:g}% of base",
        f"${a.ce_stipend_usd:,.0f} a year",
        f"${a.profit_sharing_usd:,.0f} a year",
    ):
        assert shown in text
    comp = projection.today.compensation
    assert f"= Cash pay ${comp.cash:,.0f}" in text
    assert f"= Employer-paid benefits ${comp.benefits:,.0f}" in text
    assert f"= Total compensation ${comp.total:,.0f}" in text
    assert "Paid time off" not in text
    assert "already inside base pay" in text
    for gone in ("Annual raise", "Promotion raise", "Paid time off value"):
        assert gone not in text
    assert squash(projection.growth_factor_note) in squashed


@needs_poppler
def test_sources_section_carries_dates_and_required_attributions(
    qapp: QApplication, tmp_path: Path, ten_years: Projection
) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(ReportInput(projection=ten_years, printed_on=PRINTED_ON), path)
    text = squash(pdf_text(path, mode="-raw"))
    assert "Sourcesanddates" in text
    assert squash(BLS_NOTE) in text
    onet = source_catalog().get("onet_29_3")
    assert onet.attribution is not None
    assert squash(onet.attribution) in text
    assert squash("CC BY 4.0") in text
    for source_id in ("bls_oews_2025", "bea_rpp_2023", "bls_cpi_u", "bls_ecec_2026q1", "guide"):
        source = source_catalog().get(source_id)
        assert squash(source.short) in text
        assert squash(source.title) in text
        assert squash(source.reference_date) in text


@needs_poppler
def test_long_table_repeats_its_header_on_every_page(
    qapp: QApplication, tmp_path: Path, forty_years: Projection
) -> None:
    path = tmp_path / "report.pdf"
    pages = write_pdf(ReportInput(projection=forty_years, printed_on=PRINTED_ON), path)
    table_pages = []
    for number in range(1, pages + 1):
        text = pdf_text(path, page=number)
        rows_here = [r for r in forty_years.rows if row_pattern(r).search(text)]
        if rows_here:
            table_pages.append(number)
            assert re.search(r"^\s*Year\s+.*Role", text, re.MULTILINE), f"no header, page {number}"
            assert "Total" in text
            assert "comp." in text
            assert "(2026 $)" in text  # the dollars, on every page the table is on
    assert len(table_pages) >= 2, "a 40-year table should continue on a second page"
    assert table_pages == list(range(table_pages[0], table_pages[-1] + 1))
    for number in table_pages[1:]:
        assert "Year by year (continued)" in pdf_text(path, page=number)


def _assert_inside_margins(path: Path) -> None:
    words = list(word_boxes(path))
    assert words
    for page, width, height, word, (x0, y0, x1, y1) in words:
        assert x0 >= EDGE_POINTS, (page, word, x0, y0)
        assert y0 >= EDGE_POINTS, (page, word, x0, y0)
        assert x1 <= width - EDGE_POINTS, (page, word, x1, y1)
        assert y1 <= height - EDGE_POINTS, (page, word, x1, y1)


@needs_poppler
@pytest.mark.parametrize("page_size", ["Letter", "A4"])
def test_no_text_runs_off_the_page(
    qapp: QApplication,
    tmp_path: Path,
    page_size: PageSizeName,
    forty_years: Projection,
    pinned_forty: Projection,
) -> None:
    report = ReportInput(
        projection=forty_years,
        comparison=pinned_forty,
        comparison_label="Boston hospital",
        plan=make_plan(PRINTED_ON),
        career_packet=True,
        printed_on=PRINTED_ON,
    )
    path = tmp_path / "report.pdf"
    write_pdf(report, path, page_size=page_size)
    _assert_inside_margins(path)


@needs_poppler
def test_overlong_text_wraps_or_is_cut_inside_the_page(qapp: QApplication, tmp_path: Path) -> None:
    label = "Move to the clinic network's flagship site " + "Supercalifragilistic" * 12
    projection = project(
        ProjectionRequest(
            inputs={"location": "boston", "skills": {"emr", "excel", "insurance"}},
            years=50,
            start_year=2026,
            events=(Event(year=2030, kind="promotion", label=label),),
        )
    )
    plan = Plan(
        milestones=tuple(
            Milestone(
                title=f"Step {i} " + "with a very long title " * 7,
                target_date=PRINTED_ON + timedelta(days=i),
                pay_effect="x" * 400,
            )
            for i in range(-5, 25)
        )
    )
    report = ReportInput(
        projection=projection,
        comparison=make_projection(50),
        comparison_label="A pinned scenario with a remarkably long name " * 3,
        plan=plan,
        career_packet=True,
        printed_on=PRINTED_ON,
    )
    path = tmp_path / "report.pdf"
    pages = write_pdf(report, path, page_size="A4")
    assert pages == pdf_pages(path)
    _assert_inside_margins(path)


@needs_poppler
def test_career_packet_prints_plan_status_and_a_one_page_role_summary(
    qapp: QApplication, tmp_path: Path, ten_years: Projection
) -> None:
    report = ReportInput(
        projection=ten_years, plan=make_plan(PRINTED_ON), career_packet=True, printed_on=PRINTED_ON
    )
    path = tmp_path / "packet.pdf"
    pages = write_pdf(report, path)
    assert pages == pdf_pages(path)
    text = flat(pdf_text(path, mode="-raw"))
    # Leaves: GED and study guide done; book, pass, apply and ask open; the degree is skipped.
    assert "Test plan: 33% complete — 2 of 6 steps done (1 skipped, not counted)." in text
    overdue_day = (PRINTED_ON - timedelta(days=12)).isoformat()
    assert "Overdue (1)" in text
    assert f"{overdue_day} 12 days Book the CMAA exam" in text
    assert "Part of: CMAA certification" in text
    for days, title in ((30, "Pass the CMAA exam"), (90, "Apply to hospital clinics")):
        assert f"{(PRINTED_ON + timedelta(days=days)).isoformat()} {title}" in text
    # Done steps are listed with their dates, apart from what is next.
    assert "Done so far" in text
    done = text.split("Done so far", 1)[1].split("Overdue (1)", 1)[0]
    assert "Finish a GED" in done
    assert "Buy the study guide Part of: CMAA certification" in done
    assert "Finish a GED" not in text.split("Next steps", 1)[1]
    assert "1 open step has no target date." in text

    data = overview()
    role_pages = [
        n for n in range(1, pages + 1) if "The role at a glance" in pdf_text(path, page=n)
    ]
    assert len(role_pages) == 1
    role = squash(pdf_text(path, page=role_pages[0], mode="-raw"))
    for duty in data.duties:
        assert squash(duty.title) in role
        assert squash(duty.description) in role
    for cert in data.certifications:
        assert squash(cert.abbreviation) in role
        assert squash(cert.name) in role
    # The career ladder follows: BLS pay beside the guide's for every rung, in the report's
    # area and dollars, with what each rung usually asks for.
    from ptplanner.core.report.packet import role_summary

    ladder = squash(text.split("Career ladder, lowest first", 1)[1].split("Sources and dates")[0])
    for rung in data.career_ladder:
        assert squash(rung.title) in ladder
    for line in role_summary(ten_years, "today").ladder:
        assert squash(line.bls_pay) in ladder
        assert squash(line.bls_median) in ladder
        assert squash(line.guide_pay) in ladder
        assert squash(line.prerequisites) in ladder
    assert squash("$56,000-$70,000+") in ladder  # the guide's senior pay, BLS's band beside it
    assert squash("BLS pay (2026 dollars)") in ladder
    for projection_item in data.outlook.projections:
        assert squash(projection_item.label) in role
    nha = source_catalog().get("nha")
    assert squash(nha.short) in squash(text)


@needs_poppler
def test_career_packet_without_a_plan_says_so(
    qapp: QApplication, tmp_path: Path, ten_years: Projection
) -> None:
    path = tmp_path / "packet.pdf"
    write_pdf(ReportInput(projection=ten_years, career_packet=True, printed_on=PRINTED_ON), path)
    assert "No plan has been made yet." in flat(pdf_text(path, mode="-raw"))


@needs_poppler
def test_a_thirty_year_report_with_everything_prints_every_year(
    qapp: QApplication, tmp_path: Path
) -> None:
    # How fast this renders lives in bench/ (pdf_bench.py), not in a timed test.
    projection = make_projection(30)
    report = ReportInput(
        projection=projection,
        comparison=make_projection(30, location="boston"),
        plan=make_plan(PRINTED_ON),
        career_packet=True,
        printed_on=PRINTED_ON,
    )
    path = tmp_path / "report.pdf"
    pages = write_pdf(report, path)
    assert pages == pdf_pages(path) >= 3
    text = pdf_text(path)
    for row in projection.rows:
        assert f"${row.typical_real:,.0f}" in text, row.year


def test_write_pdf_reports_an_unwritable_path_as_oserror(
    qapp: QApplication, tmp_path: Path, ten_years: Projection
) -> None:
    report = ReportInput(projection=ten_years, printed_on=PRINTED_ON)
    with pytest.raises(FileNotFoundError) as raised:
        write_pdf(report, tmp_path / "missing" / "report.pdf")
    assert raised.value.strerror
    assert not (tmp_path / "missing").exists()
    with pytest.raises(ValueError, match="Letter or A4"):
        write_pdf(report, tmp_path / "x.pdf", page_size="Legal")  # type: ignore[arg-type]


@needs_poppler
def test_write_pdf_headless_in_a_running_app(
    qapp: QApplication, tmp_path: Path, ten_years: Projection
) -> None:
    path = tmp_path / "headless.pdf"
    source = ReportInput(ten_years, career_packet=True)
    pages = write_pdf_headless(source, path, page_size="A4")
    assert pages == pdf_pages(path)
    assert f"Printed {date.today().isoformat()}" in pdf_text(path, page=1)


def test_report_defaults() -> None:
    report = ReportInput(projection=make_projection(1))
    assert report.printed_on == date.today()
    assert report.pinned_name == "Pinned scenario"
    assert default_pdf_name(date(2026, 7, 4)) == "ptplanner-projection-2026-07-04.pdf"


# --- the command line --------------------------------------------------------------------------


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}
    }
    return subprocess.run(
        [sys.executable, "-m", "ptplanner", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=cwd,
    )


@needs_poppler
def test_cli_writes_a_pdf_with_no_display(tmp_path: Path) -> None:
    path = tmp_path / "projection.pdf"
    result = run_cli("projection", "--pdf", str(path), "--years", "30", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert path.read_bytes().startswith(b"%PDF")
    assert result.stderr.strip() == f"wrote {path}"  # no Qt warnings either
    assert pdf_pages(path) >= 2
    text = pdf_text(path)
    assert "Salary projection — PT Care Coordinator" in text
    assert f"Page 1 of {pdf_pages(path)}" in text


def test_cli_pdf_path_needs_no_widgets_or_pyqtgraph(tmp_path: Path) -> None:
    code = (
        "import sys, runpy\n"
        f"sys.argv = ['ptplanner', 'projection', '--years', '5', '--pdf', {str(tmp_path / 'a.pdf')!r}]\n"  # noqa: E501
        "try:\n    runpy.run_module('ptplanner', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'pyqtgraph' or "
        "m in {'PySide6.QtWidgets', 'PySide6.QtPrintSupport'})\n"
        "print('LOADED', bad, file=sys.stderr)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"QT_QPA_PLATFORM", "DISPLAY"}}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env
    )
    assert "LOADED []" in result.stderr, result.stderr
    assert (tmp_path / "a.pdf").read_bytes().startswith(b"%PDF")


def _assert_one_line_error(result: subprocess.CompletedProcess[str], fragment: str) -> None:
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("ptplanner: error: --pdf:")
    assert fragment in lines[0]
    assert "Traceback" not in result.stderr


def test_cli_pdf_into_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "projection.pdf"
    result = run_cli("projection", "--pdf", str(target), cwd=tmp_path)
    _assert_one_line_error(result, "no such folder")
    assert not target.exists()


def test_cli_pdf_into_a_read_only_folder_is_a_one_line_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as root (or on a filesystem) where mode 0500 is still writable")
        result = run_cli("projection", "--pdf", str(folder / "projection.pdf"), cwd=tmp_path)
        _assert_one_line_error(result, "permission denied")
        assert not any(folder.iterdir())
    finally:
        folder.chmod(0o700)


# --- dialogs -----------------------------------------------------------------------------------


def _close_modal_when_shown(qapp: QApplication, on_shown: Callable[[QDialog], None]) -> None:
    """Poll for the modal dialog exec() opened, hand it to ``on_shown`` and close it."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + 20

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not dialog.isVisible():
            if time.monotonic() < deadline:
                QTimer.singleShot(20, poll)
            return
        modal = cast("QDialog", dialog)
        try:
            on_shown(modal)
        finally:
            modal.reject()

    QTimer.singleShot(20, poll)


def _preview_widget(dialog: QDialog) -> QPrintPreviewWidget:
    from PySide6.QtPrintSupport import QPrintPreviewWidget

    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    return widget


@needs_poppler
def test_preview_dialog_shows_every_page(
    qtbot: QtBot, tmp_path: Path, forty_years: Projection
) -> None:
    from PySide6.QtGui import QPageSize

    from ptplanner.ui.report.dialogs import make_preview_dialog

    report = ReportInput(projection=forty_years, career_packet=True, printed_on=PRINTED_ON)
    expected = write_pdf(report, tmp_path / "same.pdf", page_size="Letter")
    dialog = make_preview_dialog(None, report)
    qtbot.addWidget(dialog)
    dialog.printer().setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    widget = _preview_widget(dialog)
    widget.updatePreview()
    assert widget.pageCount() == expected


def test_preview_runs_the_real_dialog_without_blocking(
    qapp: QApplication, ten_years: Projection
) -> None:
    from ptplanner.ui.report.dialogs import preview

    seen: list[int] = []

    def check(dialog: QDialog) -> None:
        seen.append(_preview_widget(dialog).pageCount())

    _close_modal_when_shown(qapp, check)
    preview(None, ReportInput(projection=ten_years, printed_on=PRINTED_ON))
    assert seen
    assert seen[0] >= 2


@needs_poppler
def test_print_with_dialog_prints_what_the_pdf_shows(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ten_years: Projection
) -> None:
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from ptplanner.ui.report.dialogs import print_with_dialog

    report = ReportInput(projection=ten_years, printed_on=PRINTED_ON)
    expected = write_pdf(report, tmp_path / "same.pdf", page_size="A4")
    printed = tmp_path / "printed.pdf"

    def accept(dialog: QPrintDialog) -> int:
        # What a user picking "Print to file" on A4, pages 2 to 2, would set.
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    assert print_with_dialog(None, report) == f"Saved {printed.name}"
    assert pdf_pages(printed) == expected
    assert f"Page 1 of {expected}" in pdf_text(printed)
    _assert_inside_margins(printed)

    def page_two_only(dialog: QPrintDialog) -> int:
        accept(dialog)
        dialog.printer().setPrintRange(QPrinter.PrintRange.PageRange)
        dialog.printer().setFromTo(2, 2)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", page_two_only)
    assert print_with_dialog(None, report) == f"Saved {printed.name}"
    assert pdf_pages(printed) == 1
    assert f"Page 2 of {expected}" in pdf_text(printed)

    monkeypatch.setattr(QPrintDialog, "exec", lambda _: QDialog.DialogCode.Rejected.value)
    assert print_with_dialog(None, report) is None


@needs_poppler
def test_export_pdf_with_dialog_suggests_a_dated_name_and_writes(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ten_years: Projection
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from ptplanner.ui.report.dialogs import export_pdf_with_dialog

    asked: list[str] = []

    def choose(parent: object, caption: str, suggested: str, filters: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "mine"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    report = ReportInput(projection=ten_years, printed_on=PRINTED_ON)
    written = export_pdf_with_dialog(None, report)
    assert Path(asked[0]).name == "ptplanner-projection-2026-03-09.pdf"
    assert written == tmp_path / "mine.pdf"
    assert written.read_bytes().startswith(b"%PDF")
    assert pdf_pages(written) == render_count(report)


def render_count(report: ReportInput) -> int:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    from ptplanner.ui.report.pdf import default_page_size, set_page_layout

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    set_page_layout(writer, default_page_size())
    return render(writer, report)


def test_export_pdf_with_dialog_explains_a_failure(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ten_years: Projection
) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from ptplanner.ui.report.dialogs import export_pdf_with_dialog

    target = tmp_path / "missing" / "out.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "PDF (*.pdf)"))
    )
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text: shown.append((title, text))),
    )
    report = ReportInput(projection=ten_years, printed_on=PRINTED_ON)
    assert export_pdf_with_dialog(None, report) is None
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Could not export the PDF"
    assert str(target) in text
    assert "No such file or directory" in text

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert export_pdf_with_dialog(None, report) is None
    assert len(shown) == 1


def test_a_pdf_written_to_a_link_replaces_the_linked_file(
    qapp: QApplication, tmp_path: Path, ten_years: Projection
) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_pdf(ReportInput(projection=ten_years, printed_on=PRINTED_ON), link)
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"%PDF-")
    with pytest.raises(OSError, match="not a regular file"):
        write_pdf(ReportInput(projection=ten_years, printed_on=PRINTED_ON), "/dev/null")


@needs_poppler
def test_cli_pdf_paper_size_and_career_packet(tmp_path: Path) -> None:
    plan_file = tmp_path / "plan.json"
    added = run_cli(
        "plan",
        "--plan-file",
        str(plan_file),
        "add",
        "Pass the CMAA exam",
        "--target",
        "2027-03-31",
        cwd=tmp_path,
    )
    assert added.returncode == 0, added.stderr
    a4 = tmp_path / "a4.pdf"
    result = run_cli(
        "projection",
        "--years",
        "3",
        "--paper",
        "a4",
        "--career-packet",
        "--plan-file",
        str(plan_file),
        "--pdf",
        str(a4),
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    info = subprocess.run(["pdfinfo", str(a4)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    text = flat(pdf_text(a4, mode="-raw"))
    assert "Pass the CMAA exam" in text  # the plan's next milestone, from the career packet

    letter = tmp_path / "letter.pdf"
    assert (
        run_cli("projection", "--paper", "letter", "--pdf", str(letter), cwd=tmp_path).returncode
        == 0
    )
    info = subprocess.run(
        ["pdfinfo", str(letter)], capture_output=True, text=True, check=True
    ).stdout
    assert "(letter)" in info

    alone = run_cli("projection", "--paper", "a4", cwd=tmp_path)
    assert alone.returncode == 2
    assert "--paper: only applies to a PDF" in alone.stderr


@needs_poppler
def test_the_graph_is_vector_not_a_picture(
    qapp: QApplication, tmp_path: Path, ten_years: Projection
) -> None:
    # pdfimages lists every raster image in the file: a chart drawn as vector paths has none, so
    # it stays sharp at any zoom; pdftotext still finds its axis labels as text.
    path = tmp_path / "report.pdf"
    write_pdf(ReportInput(projection=ten_years, printed_on=PRINTED_ON), path)
    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert len(listing) == 2, listing  # the header and its rule, no image rows
    first_page = pdf_text(path, page=1)
    assert str(ten_years.rows[0].year) in first_page
    assert str(ten_years.rows[-1].year) in first_page


@needs_poppler
def test_two_pins_are_each_printed_with_their_years_and_comparison(
    qapp: QApplication, tmp_path: Path
) -> None:
    from ptplanner.core.format import money
    from ptplanner.core.report.build import PinInput, build_report

    ten_years = make_projection(10)
    boston = make_projection(10, location="boston")
    ohio = make_projection(10, location="Ohio", employer_type="hospital")
    report = ReportInput(
        projection=ten_years,
        pins=(PinInput("Boston clinic", boston), PinInput("Ohio hospital", ohio)),
        printed_on=PRINTED_ON,
    )
    path = tmp_path / "pins.pdf"
    write_pdf(report, path)
    text = flat(pdf_text(path))
    built = build_report(report)
    for name, projection in (("Boston clinic", boston), ("Ohio hospital", ohio)):
        assert f"Side by side: {name}" in text
        assert f"{name}, year by year (2026 dollars)" in text
        pin = next(p for p in built.pins if p.name == name)
        roles = {row.year: row.role_cell for row in pin.rows}
        for row in projection.rows:  # base and total compensation, every year, as the engine's
            typical = money(row.typical / row.deflator)
            total = money(row.total_compensation / row.deflator)
            year_line = f"{row.year} {roles[row.year]} {typical} {total}"
            assert year_line in text, year_line
        for line in pin.comparison:
            assert f"{line.current} {line.pinned} {line.difference}" in text, line.label
    # Ohio's hospital differs from the current scenario in place and employer: both listed.
    assert "Where the scenarios differ" in text
    assert "Employer type" in text
    # Nothing of the two pins is put in the one-pin places (year table columns, title table).
    assert "Pinned typical" not in text
