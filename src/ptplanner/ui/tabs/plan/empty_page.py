"""What the Plan tab shows for a plan without steps: a picture and the two ways to start."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ptplanner.core.plan.model import Plan, step_count
from ptplanner.ui.tabs.plan.colours import set_text_colour
from ptplanner.ui.tabs.plan.paint import checklist_picture
from ptplanner.ui.widgets import muted_colour

COLUMN_WIDTH = 520
"""The page's text column, in pixels."""


class EmptyPlanPage(QWidget):
    """A picture, what a plan is, and buttons to start from the ready plan or from nothing.

    The tab connects ``ready_button`` and ``empty_button``. ``ready_plan`` makes the plan the
    ready button installs; its step count is shown each time the page is.
    """

    def __init__(self, ready_plan: Callable[[], Plan], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ready_plan = ready_plan
        outer = QVBoxLayout(self)
        outer.addStretch(2)
        # A fixed-width column: word-wrapped labels in a centred layout otherwise get no width.
        column = QWidget()
        column.setFixedWidth(COLUMN_WIDTH)
        box = QVBoxLayout(column)
        box.setSpacing(14)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.icon)
        heading = QLabel("Your plan has no steps yet")
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = heading
        text = QLabel(
            "A plan is the list of steps that take you into the PT Care Coordinator job: "
            "certifications, skills to learn, the job search and what comes after."
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = text
        choice = QLabel()
        choice.setWordWrap(True)
        choice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choice = choice
        self._count_steps()
        box.addWidget(heading)
        box.addWidget(text)
        box.addWidget(choice)
        box.addSpacing(6)
        box.addLayout(self._buttons())
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(3)
        self.restyle()

    def _buttons(self) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        buttons.addStretch(1)
        self.ready_button = QPushButton("Start from the ready plan")
        self.ready_button.setAccessibleName("Start from the ready plan")
        self.ready_button.setDefault(True)
        self.ready_button.setMinimumHeight(36)
        self.empty_button = QPushButton("Start empty")
        self.empty_button.setAccessibleName("Start empty")
        self.empty_button.setMinimumHeight(36)
        for button in (self.ready_button, self.empty_button):
            button.setMinimumWidth(180)
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    def set_editable(self, editable: bool) -> None:
        """Offer the two starts only where the plan can be changed (not in a read-only window)."""
        self.ready_button.setEnabled(editable)
        self.empty_button.setEnabled(editable)

    def restyle(self) -> None:
        self.icon.setPixmap(checklist_picture(self.palette(), self.devicePixelRatioF()))
        colour = muted_colour(self.palette())
        for label in (self.text, self.choice):
            set_text_colour(label, colour)
            # Layouts inside a stacked widget do not ask wrapped labels for their height at a
            # given width, so the labels say it themselves (the column's width is fixed).
            label.setMinimumHeight(label.heightForWidth(COLUMN_WIDTH - 24))

    def _count_steps(self) -> None:
        # Counted as the header, the welcome page and `ptplanner plan export` count them, from
        # the plan the button installs (fitted to the profile, which may have changed).
        steps = step_count(self._ready_plan())
        self.choice.setText(
            f"Start from the ready plan ({steps} steps, most with target dates you can change) "
            "or write your own. You can change any step later, and undo any change."
        )

    def showEvent(self, event: QShowEvent) -> None:
        self._count_steps()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()
        super().changeEvent(event)
