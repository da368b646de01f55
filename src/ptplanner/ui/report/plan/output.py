"""The plan printout's ways out: the system print dialog (File > Print plan...), a PDF file, and
the headless PDF behind ``ptplanner plan export --format pdf``.

Letter or A4 as the projection's printout (:mod:`ptplanner.ui.report.pdf`): the same paper sizes,
margins and default paper, and the same safe replace of the file (a device or a folder refused,
never half a file). QtPrintSupport is imported only by the dialog.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QPageLayout, QPdfWriter

from ptplanner import __version__
from ptplanner.core.plan.model import Plan
from ptplanner.ui.report.pdf import (
    PDF_RESOLUTION,
    PageSizeName,
    ensure_gui_application,
    replace_file,
    set_page_layout,
)
from ptplanner.ui.report.plan.document import PlanPrintout, render_plan
from ptplanner.ui.report.styles import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def plan_pdf_bytes(
    plan: Plan, today: date, page_size: PageSizeName = "Letter"
) -> tuple[bytes, int]:
    """The printout as PDF bytes, with its page count."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(f"{plan.title} — plan checklist")
    writer.setCreator(f"ptplanner {__version__}")
    set_page_layout(writer, page_size)
    pages = render_plan(writer, PlanPrintout.of(plan, today))
    del writer  # flushes the PDF trailer into the buffer
    buffer.close()
    return bytes(buffer.data().data()), pages


def write_plan_pdf(
    plan: Plan,
    today: date,
    path: str | os.PathLike[str],
    page_size: PageSizeName = "Letter",
    *,
    headless: bool = False,
) -> int:
    """Write the printout to ``path``; returns the page count. OSError if it can't be written
    (the file is replaced only once the whole document is ready). ``headless``: make the
    offscreen application a command line needs."""
    if headless:
        ensure_gui_application()
    data, pages = plan_pdf_bytes(plan, today, page_size)
    replace_file(Path(path), data)
    return pages


def print_plan_with_dialog(parent: QWidget | None, plan: Plan, today: date) -> bool:
    """Ask for a printer with the system print dialog and print; True if it was printed."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog, QMessageBox

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(f"{plan.title} — plan checklist")
    printer.setCreator(f"ptplanner {__version__}")
    printer.setPageMargins(
        QMarginsF(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM), QPageLayout.Unit.Point
    )
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print plan")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        render_plan(printer, PlanPrintout.of(plan, today))
    except RuntimeError as error:
        QMessageBox.warning(parent, "Printing failed", f"The plan was not printed: {error}.")
        return False
    return True
