"""Help > About PT Planner: the version, the data folder and every source, in a dialog that scrolls.

A message box grows with its text (922 px tall with every source listed), taller than a laptop
screen; here the text sits in a browser that scrolls, and the dialog is capped to the screen.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core import paths
from ptplanner.ui.fitting import fit_to_screen

PREFERRED_SIZE = (620, 640)


def about_html() -> str:
    """The About text: version, where the plan lives, and every data source with its licence."""
    from ptplanner import __version__
    from ptplanner.core.sources import source_catalog

    rows = []
    for source in source_catalog().sources:
        if source.kind == "method":
            continue
        extra = f"<br><i>{escape(source.attribution)}</i>" if source.attribution else ""
        rows.append(
            f"<li><b>{escape(source.short)}</b> ({escape(source.reference_date)}): "
            f"{escape(source.title)}. {escape(source.licence)}{extra}</li>"
        )
    return (
        f"<h3>PT Planner {escape(__version__)}</h3>"
        "<p>An offline career planner for Physical Therapy Care Coordinators. Your plan "
        "stays on this computer.</p>"
        f"<p>Plan and backups: <code>{escape(str(paths.data_dir()))}</code></p>"
        "<p><b>Data sources and licences</b></p><ul>" + "".join(rows) + "</ul>"
        "<p>Code licensed under the MIT licence.</p>"
    )


class AboutDialog(QDialog):
    """The About text (rich text) beside the app's icon, with a Close button."""

    def __init__(self, html: str, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About PT Planner")
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)  # nothing in About leads anywhere; nothing goes online
        self.text.setHtml(html)
        self.text.setAccessibleName("About PT Planner")
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        picture = QLabel(self)
        picture.setPixmap(icon.pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(picture)
        row.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(*PREFERRED_SIZE)
        fit_to_screen(self)

    def plain_text(self) -> str:
        """The text shown, as plain text (what a test or a screen reader reads)."""
        return self.text.toPlainText()
