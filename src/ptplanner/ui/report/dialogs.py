"""The printout's dialogs: print (system print dialog), print preview, and export as PDF.

QtWidgets and QtPrintSupport are imported inside these functions, so that writing a PDF
headless (:mod:`ptplanner.ui.report.pdf`) never loads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QPageLayout

from ptplanner import __version__
from ptplanner.core.report.build import ReportInput
from ptplanner.core.report.model import TITLE
from ptplanner.ui.report.document import render
from ptplanner.ui.report.pdf import default_page_size, default_pdf_name, write_pdf
from ptplanner.ui.report.styles import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget


def _new_printer() -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(TITLE)
    printer.setCreator(f"ptplanner {__version__}")
    # Keep the paper size the system printer reports; only ask for our margins (a printer with
    # a wider unprintable border keeps its own, and the layout follows).
    printer.setPageMargins(
        QMarginsF(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM), QPageLayout.Unit.Point
    )
    return printer


def print_with_dialog(parent: QWidget | None, report: ReportInput) -> bool:
    """Ask for a printer with the system print dialog and print; True if it was printed."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog, QMessageBox

    printer = _new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print salary projection")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        render(printer, report)
    except RuntimeError as error:
        QMessageBox.warning(parent, "Printing failed", f"The projection was not printed: {error}.")
        return False
    return True


def make_preview_dialog(parent: QWidget | None, report: ReportInput) -> QPrintPreviewDialog:
    """The print preview dialog for a report, not yet shown (``preview`` runs it)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    printer = _new_printer()
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview — salary projection")
    dialog.paintRequested.connect(lambda device: render(device, report))
    # The dialog does not own its printer: keep the printer exactly as long as the dialog.
    dialog._ptplanner_printer = printer  # type: ignore[attr-defined]
    return dialog


def preview(parent: QWidget | None, report: ReportInput) -> None:
    """Show the real print preview (zoom, page setup, print) for the report."""
    dialog = make_preview_dialog(parent, report)
    dialog.exec()
    dialog.deleteLater()


def export_pdf_with_dialog(parent: QWidget | None, report: ReportInput) -> Path | None:
    """Ask where to save, write the PDF and return its path (None if cancelled or failed)."""
    from PySide6.QtCore import QStandardPaths
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    folder = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation
    ) or str(Path.home())
    suggested = str(Path(folder) / default_pdf_name(report.printed_on))
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export salary projection as PDF", suggested, "PDF documents (*.pdf)"
    )
    if not chosen:
        return None
    target = Path(chosen)
    if not target.suffix:
        target = target.with_suffix(".pdf")
    try:
        write_pdf(report, target, page_size=default_page_size())
    except OSError as error:
        reason = error.strerror or str(error)
        QMessageBox.warning(
            parent, "Could not export the PDF", f"Could not write {target}:\n{reason}."
        )
        return None
    return target
