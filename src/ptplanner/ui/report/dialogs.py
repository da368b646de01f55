"""The printout's dialogs: print (system print dialog), print preview, and export as PDF, with
the checks Qt leaves out: the queue takes jobs, the page range is in the document.

QtWidgets and QtPrintSupport are imported inside these functions, so that writing a PDF
headless (:mod:`ptplanner.ui.report.pdf`) never loads them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMarginsF, QSettings, QStandardPaths
from PySide6.QtGui import QPageLayout, QPageSize

from ptplanner import __version__
from ptplanner.core import paths
from ptplanner.core.print_queue import QueueStatus, query_queue
from ptplanner.core.report.build import ReportInput
from ptplanner.ui.report.document import page_count, render
from ptplanner.ui.report.pdf import (
    PAGE_SIZES,
    default_page_size,
    default_pdf_name,
    job_title,
    write_pdf,
)
from ptplanner.ui.report.styles import MARGIN_BOTTOM, MARGIN_SIDE, MARGIN_TOP

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QWidget


def _new_printer(report: ReportInput, *, printer_paper: bool = True) -> QPrinter:
    """A printer set up for the report: the selected printer's own paper (``printer_paper``),
    else, or with no printer at all, the paper used where the user lives, as for a PDF."""
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job_title(report))
    printer.setCreator(f"ptplanner {__version__}")
    info = QPrinterInfo.printerInfo(printer.printerName())
    paper = info.defaultPageSize() if printer_paper and not info.isNull() else QPageSize()
    if paper.isValid():
        printer.setPageSize(paper)
    else:
        printer.setPageSize(QPageSize(PAGE_SIZES[default_page_size()]))
    printer.setPageMargins(
        QMarginsF(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE, MARGIN_BOTTOM), QPageLayout.Unit.Point
    )
    return printer


def queue_problem(printer: QPrinter) -> str | None:
    """Why the chosen queue cannot take the job now (gone, stopped, not accepting), or None.

    Qt reports a job to a refusing queue as printed, so ask first: Qt's printer info, then the
    print service itself where it is CUPS (Qt does not say whether a queue accepts jobs).
    """
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return None  # "Print to file" writes a file; no queue involved
    name = printer.printerName()
    if not name:
        return "No printer is selected."
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return QueueStatus("missing").message(name)
    status = query_queue(name)
    if status.takes_jobs and info.state() == QPrinter.PrinterState.Error:
        status = QueueStatus("stopped")
    return None if status.takes_jobs else status.message(name)


def print_with_dialog(parent: QWidget | None, report: ReportInput) -> str | None:
    """Ask for a printer with the system print dialog and print; returns what to confirm
    ("Sent 3 pages to Office_Laser"), or None if nothing was printed (cancelled or refused,
    the reason shown in a message box)."""
    from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog, QMessageBox

    printer = _new_printer(report)
    total = page_count(printer, report)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print salary projection")
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, total)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    total = page_count(printer, report)  # the chosen paper may differ from the default's
    first, last = printer.fromPage(), printer.toPage()
    if (
        printer.printRange() == QPrinter.PrintRange.PageRange
        and first
        and (first > total or last < first)
    ):
        pages = f"Pages {first} to {last}" if last != first else f"Page {first}"
        QMessageBox.warning(
            parent,
            "Nothing to print",
            f"{pages} are not in the projection: it has {total} page{'s' if total != 1 else ''}."
            " Choose pages within it.",
        )
        return None
    problem = queue_problem(printer)
    if problem is not None:
        QMessageBox.warning(parent, "Not printed", f"The projection was not printed. {problem}")
        return None
    try:
        render(printer, report)
    except RuntimeError as error:
        QMessageBox.warning(parent, "Printing failed", f"The projection was not printed: {error}.")
        return None
    problem = queue_problem(printer)  # a queue that went away while the job was sent
    if problem is not None:
        QMessageBox.warning(
            parent, "Maybe not printed", f"The projection may not have been printed. {problem}"
        )
        return None
    sent = (min(last, total) - first + 1) if first else total
    plural = "s" if sent != 1 else ""
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        return f"Saved {Path(printer.outputFileName()).name}"
    return f"Sent {sent} page{plural} to {printer.printerName()}"


def make_preview_dialog(parent: QWidget | None, report: ReportInput) -> QPrintPreviewDialog:
    """The print preview dialog for a report, not yet shown (``preview`` runs it)."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    # The exported PDF's paper, not the default printer's: the preview shows the pages that
    # Export PDF writes (it showed A4 pages where the PDF had Letter ones, or the other way).
    printer = _new_printer(report, printer_paper=False)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print preview — salary projection")
    dialog.paintRequested.connect(lambda device: render(device, report))
    # The dialog does not own its printer: keep the printer exactly as long as the dialog.
    dialog._ptplanner_printer = printer  # type: ignore[attr-defined]
    from ptplanner.ui.fitting import fit_to_screen

    fit_to_screen(dialog)  # its pages zoom to whatever room it has
    return dialog


def preview(parent: QWidget | None, report: ReportInput) -> None:
    """Show the real print preview (zoom, page setup, print) for the report."""
    dialog = make_preview_dialog(parent, report)
    dialog.exec()
    dialog.deleteLater()


LAST_FOLDER_KEY = "export/last_folder"


def _window_settings() -> QSettings:
    """window.ini, where the window keeps what is only the window's (geometry, last folder)."""
    return QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)


def export_folder() -> Path:
    """Where Export PDF opens: the folder last exported to, else Documents, else home.

    Always an absolute folder that exists (nothing is created): given a folder that does not
    exist, the file dialog opened in the current directory, the source folder under ``make
    run``.
    """
    last = _window_settings().value(LAST_FOLDER_KEY, "")
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (last, documents):
        if isinstance(candidate, str) and candidate:
            folder = Path(candidate).expanduser()
            if folder.is_absolute() and folder.is_dir():
                return folder
    return Path.home().resolve()


def remember_export_folder(folder: Path) -> None:
    settings = _window_settings()
    settings.setValue(LAST_FOLDER_KEY, str(folder))
    settings.sync()


def export_pdf_with_dialog(parent: QWidget | None, report: ReportInput) -> Path | None:
    """Ask where to save, write the PDF and return its path (None if cancelled or failed)."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    suggested = str(export_folder() / default_pdf_name(report.printed_on))
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
    remember_export_folder(target.resolve().parent)
    return target
