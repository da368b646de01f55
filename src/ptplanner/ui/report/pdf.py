"""Writing the report as a PDF file: paper sizes, the default paper, the headless path
(``ptplanner projection --pdf``) and a write that never leaves half a file.

The headless path needs only QtGui: QtWidgets and QtPrintSupport (which pulls QtWidgets in) are
imported only by :mod:`ptplanner.ui.report.dialogs`, and pyqtgraph is never used by the printout.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

from ptplanner import __version__
from ptplanner.core.report.build import ReportInput
from ptplanner.core.report.model import TITLE
from ptplanner.core.storage.atomic_io import resolve_output_path
from ptplanner.ui.report.document import render
from ptplanner.ui.report.styles import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP

PageSizeName = Literal["Letter", "A4"]
PAGE_SIZES = {"Letter": QPageSize.PageSizeId.Letter, "A4": QPageSize.PageSizeId.A4}
PDF_RESOLUTION = 300
LETTER_COUNTRIES = ("UnitedStates", "Canada", "Mexico", "Philippines", "Chile", "Colombia")

_APP: QGuiApplication | None = None  # the application write_pdf_headless made, kept alive


def set_page_layout(device: QPagedPaintDevice, page_size: PageSizeName) -> None:
    """Portrait ``page_size`` paper with the report's margins."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be Letter or A4, not {page_size!r}")
    device.setPageSize(QPageSize(PAGE_SIZES[page_size]))
    device.setPageOrientation(QPageLayout.Orientation.Portrait)
    device.setPageMargins(
        QMarginsF(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM), QPageLayout.Unit.Point
    )


def job_title(report: ReportInput) -> str:
    """What a print queue calls the report: "Salary projection - Boston, 3 years"."""
    projection = report.projection
    # "Boston-Cambridge-Newton, MA-NH" is known as Boston; "Texas" stays Texas.
    place = projection.today.area_name.split(",")[0].split("-")[0].strip()
    years = projection.request.years
    return f"Salary projection - {place}, {years} year{'s' if years != 1 else ''}"


def pdf_bytes(report: ReportInput, page_size: PageSizeName = "Letter") -> tuple[bytes, int]:
    """The report as PDF bytes, and its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(TITLE)
    writer.setCreator(f"ptplanner {__version__}")
    set_page_layout(writer, page_size)
    pages = render(writer, report)
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    return bytes(buffer.data().data()), pages


def write_pdf(
    report: ReportInput, path: str | os.PathLike[str], page_size: PageSizeName = "Letter"
) -> int:
    """Write the report as a PDF; returns the page count. Raises OSError if the file can't be
    written (the file is replaced only once the whole document is ready)."""
    data, pages = pdf_bytes(report, page_size)
    replace_file(Path(path), data)
    return pages


def write_pdf_headless(
    report: ReportInput,
    path: str | os.PathLike[str],
    *,
    page_size: PageSizeName = "Letter",
) -> int:
    """Write a PDF with no window system: the ``ptplanner projection --pdf`` path. The report's
    input is the one the command line printed, so the text and the PDF state the same report."""
    ensure_gui_application()
    return write_pdf(report, path, page_size=page_size)


def default_page_size() -> PageSizeName:
    """Letter where people use Letter paper, A4 everywhere else."""
    from PySide6.QtCore import QLocale

    country = QLocale.system().territory()
    letter = {getattr(QLocale.Country, name) for name in LETTER_COUNTRIES}
    return "Letter" if country in letter else "A4"


def default_pdf_name(day: date) -> str:
    return f"ptplanner-projection-{day.isoformat()}.pdf"


def ensure_gui_application() -> None:
    global _APP
    from PySide6.QtCore import QCoreApplication

    existing = QCoreApplication.instance()
    if existing is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QGuiApplication(["ptplanner"])
    elif not isinstance(existing, QGuiApplication):
        raise RuntimeError("writing a PDF needs a QGuiApplication, not a QCoreApplication")


def replace_file(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, so a failure never leaves half a PDF.

    A symbolic link is written through (the file it points to is replaced, the link stays), and
    anything that exists but is not a regular file (a device, a pipe, a folder) is refused
    rather than replaced. The report shows pay and the plan, so a new PDF is ``0o600`` like the
    plan itself; a file being replaced keeps its own mode, as the user may have shared it on
    purpose (a mode they set is theirs to keep).
    """
    target = resolve_output_path(path)
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:  # a new file
        mode = 0o600
    handle, temp_name = tempfile.mkstemp(prefix=".ptplanner-", suffix=".pdf.tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
