"""Export PDF opens in the user's documents folder (never the current directory), then in the
last folder used; print preview shows the pages the exported PDF has, on the same paper."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from PySide6.QtGui import QPageSize
from pytestqt.qtbot import QtBot

from ptplanner.core import paths
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.report.build import ReportInput
from ptplanner.ui.report import dialogs
from ptplanner.ui.report.pdf import PAGE_SIZES, default_page_size


@pytest.fixture
def report() -> ReportInput:
    request = ProjectionRequest(inputs={"location": "boston"}, years=25, start_year=2026)
    return ReportInput(projection=project(request), printed_on=date(2026, 5, 4))


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder of its own, and a current directory elsewhere (the source folder, say)."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    source = tmp_path / "source-checkout"
    source.mkdir()
    monkeypatch.chdir(source)
    return home


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: keeps the path suggested, answers ``answer``."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from PySide6.QtWidgets import QFileDialog

        self.suggested: list[str] = []
        self.answer = ""
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self._ask))

    def _ask(self, _parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        self.suggested.append(suggested)
        return self.answer, "PDF documents (*.pdf)"

    def last_folder(self) -> Path:
        return Path(self.suggested[-1]).parent


def test_export_opens_in_documents_not_the_current_directory(
    qapp: Any, home: Path, monkeypatch: pytest.MonkeyPatch, report: ReportInput
) -> None:
    documents = home / "Documents"
    documents.mkdir()
    save = SaveDialog(monkeypatch)
    assert dialogs.export_pdf_with_dialog(None, report) is None  # cancelled
    assert Path(save.suggested[-1]) == documents / "ptplanner-projection-2026-05-04.pdf"
    assert not list(Path.cwd().iterdir())  # nothing written where the app was started


def test_without_a_documents_folder_export_opens_in_home_and_creates_nothing(
    qapp: Any, home: Path, monkeypatch: pytest.MonkeyPatch, report: ReportInput
) -> None:
    save = SaveDialog(monkeypatch)
    dialogs.export_pdf_with_dialog(None, report)
    assert save.last_folder() == home.resolve()
    assert save.last_folder().is_absolute()
    assert not (home / "Documents").exists()


def test_export_remembers_the_last_folder_used(
    qapp: Any, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report: ReportInput
) -> None:
    from PySide6.QtCore import QSettings

    (home / "Documents").mkdir()
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    save = SaveDialog(monkeypatch)
    save.answer = str(elsewhere / "for-the-interview")  # no suffix: .pdf is added
    written = dialogs.export_pdf_with_dialog(None, report)
    assert written == elsewhere / "for-the-interview.pdf"
    assert written.is_file()
    ini = QSettings(str(paths.config_dir() / "window.ini"), QSettings.Format.IniFormat)
    assert ini.value("export/last_folder") == str(elsewhere.resolve())
    save.answer = ""
    dialogs.export_pdf_with_dialog(None, report)
    assert save.last_folder() == elsewhere.resolve()
    # A remembered folder that has gone since: back to Documents.
    written.unlink()
    elsewhere.rmdir()
    dialogs.export_pdf_with_dialog(None, report)
    assert save.last_folder() == home / "Documents"


def other_paper() -> QPageSize:
    """The paper the PDF does not use where the tests run (A4 if Letter, else Letter)."""
    other = "A4" if default_page_size() == "Letter" else "Letter"
    return QPageSize(PAGE_SIZES[other])


class PrinterWithOtherPaper:
    """QPrinterInfo for a default printer loaded with the other paper."""

    def isNull(self) -> bool:
        return False

    def defaultPageSize(self) -> QPageSize:
        return other_paper()


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
def test_print_preview_shows_the_exported_pdfs_paper_and_pages(
    qtbot: QtBot, home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report: ReportInput
) -> None:
    from PySide6.QtPrintSupport import QPrinterInfo, QPrintPreviewWidget

    # A default printer with the other paper: the preview followed the printer, the PDF not.
    monkeypatch.setattr(
        QPrinterInfo, "printerInfo", staticmethod(lambda _name: PrinterWithOtherPaper())
    )
    dialog = dialogs.make_preview_dialog(None, report)
    qtbot.addWidget(dialog)
    widget = dialog.findChild(QPrintPreviewWidget)
    assert widget is not None
    widget.updatePreview()
    preview_pages = widget.pageCount()
    preview_paper = dialog.printer().pageLayout().pageSize()

    save = SaveDialog(monkeypatch)
    save.answer = str(tmp_path / "exported.pdf")
    written = dialogs.export_pdf_with_dialog(None, report)
    assert written is not None
    info = subprocess.run(
        ["pdfinfo", str(written)], capture_output=True, text=True, check=True
    ).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    assert pages is not None
    assert size is not None
    width, height = (float(v) for v in size.groups())
    assert preview_pages == int(pages.group(1)) > 1
    assert preview_paper.id() == PAGE_SIZES[default_page_size()]
    points = preview_paper.sizePoints()
    assert (round(width), round(height)) == (points.width(), points.height())
