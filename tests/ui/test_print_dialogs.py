"""The print dialog's checks and confirmations: a queue that refuses the job is said so and
nothing is reported printed; a page range outside the document is refused; a sent job is
confirmed with its page count and printer; the job is named after the scenario; Print and
"Include career packet" have their own mnemonics.

There is no print service in the tests: Qt's printer info and ``lpstat``'s answer are replaced
with what CUPS reports for such queues, and the printer writes a file underneath.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

pytest.importorskip("PySide6")

from ptplanner.core.print_queue import QueueStatus
from ptplanner.core.projection import ProjectionRequest, project
from ptplanner.core.report.build import ReportInput
from ptplanner.ui.report import dialogs
from ptplanner.ui.report.pdf import default_page_size, job_title, pdf_bytes

if TYPE_CHECKING:
    from fit_checks import OpenMainWindow
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot


@pytest.fixture(scope="module")
def report() -> ReportInput:
    request = ProjectionRequest(inputs={"location": "boston"}, years=3, start_year=2026)
    return ReportInput(projection=project(request), printed_on=date(2026, 5, 4))


class FakeInfo:
    """QPrinterInfo for a queue CUPS lists, in a given state."""

    def __init__(self, state: Any, null: bool = False) -> None:
        self._state, self._null = state, null

    def isNull(self) -> bool:
        return self._null

    def state(self) -> Any:
        return self._state

    def defaultPageSize(self) -> Any:
        from PySide6.QtGui import QPageSize

        return QPageSize()


class Recorder:
    """Stands in for QMessageBox.warning and keeps what the user was told."""

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def __call__(self, _parent: object, title: str, text: str, *_: object) -> int:
        self.said.append((title, text))
        return 0


def choose(
    monkeypatch: pytest.MonkeyPatch,
    out: Path,
    *,
    queue: str = "Office_Laser",
    pages: tuple[int, int] | None = None,
) -> None:
    """Make the print dialog answer as a user choosing ``queue`` (and a page range) would."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        # Seen from Python, a queue; underneath, Qt writes the file the test reads.
        printer.outputFileName = lambda: ""  # type: ignore[method-assign]
        printer.printerName = lambda: queue  # type: ignore[method-assign]
        if pages is not None:
            printer.setPrintRange(QPrinter.PrintRange.PageRange)
            printer.setFromTo(*pages)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)


def queue_state(
    monkeypatch: pytest.MonkeyPatch, lpstat: QueueStatus, qt_state: str = "Idle"
) -> None:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

    info = FakeInfo(getattr(QPrinter.PrinterState, qt_state), null=lpstat.state == "missing")
    monkeypatch.setattr(QPrinterInfo, "printerInfo", staticmethod(lambda _name: info))
    monkeypatch.setattr(dialogs, "query_queue", lambda _name: lpstat)


def test_a_sent_job_is_confirmed_with_its_pages_and_printer(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report: ReportInput
) -> None:
    out = tmp_path / "printed.pdf"
    choose(monkeypatch, out)
    queue_state(monkeypatch, QueueStatus("ready"))
    total = pdf_bytes(report, default_page_size())[1]
    assert dialogs.print_with_dialog(None, report) == (
        f"Sent {total} page{'s' if total > 1 else ''} to Office_Laser"
    )
    assert out.read_bytes().startswith(b"%PDF")
    assert b"Salary projection - Boston, 3 years" in out.read_bytes()  # the job's title


@pytest.mark.parametrize(
    ("lpstat", "qt_state", "said"),
    [
        (QueueStatus("rejecting", "Rejecting Jobs"), "Idle", "Office_Laser is not accepting jobs"),
        (QueueStatus("unknown"), "Error", "Office_Laser is stopped"),
        (QueueStatus("stopped", "Paused"), "Idle", "Office_Laser is stopped (Paused)"),
        (QueueStatus("missing"), "Idle", "There is no printer called Office_Laser."),
        (QueueStatus("no_service"), "Idle", "The print service is not running"),
    ],
)
def test_a_queue_that_refuses_gets_a_message_and_nothing_is_printed(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    report: ReportInput,
    lpstat: QueueStatus,
    qt_state: str,
    said: str,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    out = tmp_path / "printed.pdf"
    choose(monkeypatch, out)
    queue_state(monkeypatch, lpstat, qt_state)
    told = Recorder()
    monkeypatch.setattr(QMessageBox, "warning", told)
    assert dialogs.print_with_dialog(None, report) is None
    assert not out.exists()
    assert len(told.said) == 1
    title, text = told.said[0]
    assert title == "Not printed"
    assert text.startswith("The projection was not printed.")
    assert said in text


def test_pages_outside_the_document_are_refused(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, report: ReportInput
) -> None:
    from PySide6.QtWidgets import QMessageBox

    total = pdf_bytes(report, default_page_size())[1]
    out = tmp_path / "printed.pdf"
    choose(monkeypatch, out, pages=(total + 3, total + 5))
    queue_state(monkeypatch, QueueStatus("ready"))
    told = Recorder()
    monkeypatch.setattr(QMessageBox, "warning", told)
    assert dialogs.print_with_dialog(None, report) is None
    assert not out.exists()  # no blank sheet
    assert told.said == [
        (
            "Nothing to print",
            f"Pages {total + 3} to {total + 5} are not in the projection: it has {total} pages."
            " Choose pages within it.",
        )
    ]


def test_the_dialog_offers_only_the_documents_pages(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, report: ReportInput
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    seen: list[tuple[int, int, str]] = []

    def look(dialog: QPrintDialog) -> int:
        seen.append((dialog.minPage(), dialog.maxPage(), dialog.printer().docName()))
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(QPrintDialog, "exec", look)
    assert dialogs.print_with_dialog(None, report) is None
    assert seen == [
        (1, pdf_bytes(report, default_page_size())[1], "Salary projection - Boston, 3 years")
    ]


def test_job_titles_name_the_place_and_the_years() -> None:
    texas = ReportInput(
        projection=project(ProjectionRequest(inputs={"location": "Texas"}, years=1))
    )
    assert job_title(texas) == "Salary projection - Texas, 1 year"


def test_the_window_confirms_an_export_and_a_print_in_the_status_bar(
    open_main_window: OpenMainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    window = open_main_window()
    window.finish_loading()
    target = tmp_path / "my-projection.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_: (str(target), "PDF (*.pdf)"))
    )
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert window.statusBar().currentMessage() == "Saved my-projection.pdf"

    choose(monkeypatch, tmp_path / "printed.pdf")
    queue_state(monkeypatch, QueueStatus("ready"))
    window.print_action.trigger()
    assert window.statusBar().currentMessage().startswith("Sent ")
    assert window.statusBar().currentMessage().endswith(" to Office_Laser")


def test_print_and_the_career_packet_have_their_own_mnemonics(
    open_main_window: OpenMainWindow,
) -> None:
    window = open_main_window()
    letters = [
        action.text().split("&")[1][0].lower()
        for action in window.file_menu.actions()
        if action
        in (window.print_action, window.preview_action, window.pdf_action, window.packet_action)
    ]
    assert len(letters) == 4, letters
    assert len(set(letters)) == 4, letters
