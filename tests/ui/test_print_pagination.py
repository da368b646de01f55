"""Paper, preview and PDF are the same pages: a 1200 dpi printer and the 300 dpi PDF export break
lines and pages in the same places, and the export stays vector (no page-sized bitmap, text that
can be searched and copied).

PDFs are read back with poppler-utils (``pdftotext``, ``pdfimages``; CI installs them).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

pytest.importorskip("PySide6")

from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.report.build import ReportInput
from ptplanner.ui.report.document import render
from ptplanner.ui.report.pdf import PageSizeName, set_page_layout, write_pdf
from ptplanner.ui.report.styles import RANGE_FILL

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfimages") is None,
    reason="poppler-utils is not installed; CI installs it",
)

PRINTED_ON = date(2026, 5, 4)


def boston(years: int, compared: bool) -> ReportInput:
    """Boston, with Texas pinned beside it if ``compared``."""
    request = ProjectionRequest(inputs={"location": "boston"}, years=years, start_year=2026)
    other = ProjectionRequest(inputs={"location": "Texas"}, years=years, start_year=2026)
    return ReportInput(
        projection=project(request),
        comparison=project(other) if compared else None,
        comparison_label="Texas",
        printed_on=PRINTED_ON,
    )


def boston_with_comparison() -> ReportInput:
    return boston(30, compared=True)


def print_to_file(report: ReportInput, path: Path, page_size: PageSizeName) -> int:
    """What the Print button does, with a high-resolution printer writing a file."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(1200)
    set_page_layout(printer, page_size)
    assert printer.resolution() == 1200
    return render(printer, report)


def page_lines(path: Path) -> list[tuple[str, str]]:
    """Each page's first and last line of text."""
    text = subprocess.run(
        ["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = [p for p in text.split("\f") if p.strip()]
    return [
        (lines[0], lines[-1])
        for lines in ([ln for ln in p.splitlines() if ln.strip()] for p in pages)
    ]


# Reports whose breaks moved when text was measured at each device's resolution (1200 dpi
# fitted a little more on a line than 300 dpi): pages, rows and even page counts differed.
@pytest.mark.parametrize(
    ("years", "compared", "page_size"),
    [(3, False, "A4"), (10, False, "Letter"), (20, True, "A4"), (25, True, "Letter")],
)
def test_printer_and_pdf_export_break_pages_identically(
    qapp: QApplication, tmp_path: Path, years: int, compared: bool, page_size: PageSizeName
) -> None:
    report = boston(years, compared)
    exported, printed = tmp_path / "export.pdf", tmp_path / "printed.pdf"
    exported_pages = write_pdf(report, exported, page_size=page_size)
    printed_pages = print_to_file(report, printed, page_size)

    assert exported_pages == printed_pages > 2
    export_lines, print_lines = page_lines(exported), page_lines(printed)
    assert len(export_lines) == exported_pages
    assert print_lines == export_lines


def test_exported_pdf_is_vector_with_extractable_text(qapp: QApplication, tmp_path: Path) -> None:
    path = tmp_path / "export.pdf"
    write_pdf(boston_with_comparison(), path, page_size="Letter")

    listing = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    sizes = [(int(row.split()[3]), int(row.split()[4])) for row in listing]
    # A page rasterised for translucency is a full-page image (2550 x 3300 at 300 dpi).
    assert not [size for size in sizes if size[0] > 1000 or size[1] > 1000], listing
    # Translucency is what a PostScript printer rasterises: every fill and stroke is opaque.
    opacities = re.findall(r"/(?:ca|CA) ([0-9.]+)", path.read_bytes().decode("latin-1"))
    assert opacities
    assert all(float(value) == 1.0 for value in opacities), opacities
    page_one = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Salary projection" in page_one
    assert re.search(r"\$\d{2},\d{3}", page_one)


def test_likely_range_band_is_opaque_and_keeps_its_tint() -> None:
    assert RANGE_FILL.alpha() == 255
    # The accent at 18% over white: a light blue, bluer than it is red.
    assert 200 < RANGE_FILL.red() < RANGE_FILL.green() < RANGE_FILL.blue() <= 255
