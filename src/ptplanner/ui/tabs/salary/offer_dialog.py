"""The "Check an offer" window: two offers side by side, each checked against the area's BLS pay
for the occupation and against the profile's estimate there (see :mod:`.offer_form`); the forms
scroll and the window fits the screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.ui.fitting import fit_to_screen
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
        # The two forms scroll on a short screen (1024x768, or 1280x720 scaled), where they
        # were taller than the room a dialog has.
        forms = QWidget()
        row = QHBoxLayout(forms)
        row.setContentsMargins(0, 0, 0, 0)
        self.forms = [OfferForm(title, inputs, year) for title in ("Offer A", "Offer B")]
        for form in self.forms:
            row.addWidget(form, 1)
        self.forms_area = QScrollArea()
        self.forms_area.setWidgetResizable(True)
        self.forms_area.setFrameShape(QFrame.Shape.NoFrame)
        # Not a focus stop of its own: Tab goes to the forms' fields, and the area follows.
        self.forms_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.forms_area.setWidget(forms)
        layout.addWidget(self.forms_area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1000, 640)
        fit_to_screen(self)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Return in a place or pay box enters it; QDialog would also press Close.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
