"""The "Check an offer" window: two offers side by side, each checked against the area's BLS pay
for the occupation and against the profile's estimate there (see :mod:`.offer_form`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.tabs.salary.offer_form import OfferForm


class OfferDialog(QDialog):
    """Offer A and offer B, for the profile on show."""

    def __init__(self, inputs: SalaryInputs, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check an offer")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Enter an offer's pay as hourly (21.50/hour) or yearly (45,000/year), and what the "
            "employer adds if you know it. Percentiles are among BLS pay for medical "
            "secretaries and administrative assistants (SOC 43-6013) in the place, carried to "
            f"{year}; between published percentiles by straight-line interpolation."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.forms = [OfferForm(title, inputs, year) for title in ("Offer A", "Offer B")]
        for form in self.forms:
            row.addWidget(form, 1)
        layout.addLayout(row, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 640)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return in a place or pay box enters it; QDialog would also press Close.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
