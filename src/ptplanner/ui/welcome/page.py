"""The welcome page: what the app is for, the few answers the estimate needs, and the plan to start.

It shows in the main window in front of the tabs (see :mod:`ptplanner.ui.welcome.flow`), not as a
modal dialog: a modal ``exec()`` would block the event loop a test drives and keep a person from
the menus (Quit, the colour scheme) while it is up. The page only collects answers and says which
start was chosen (``chosen``); the flow applies them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.plan.model import Plan, step_count
from ptplanner.core.plan.tailor import ready_plan_for
from ptplanner.core.salary.inputs import SalaryInputs
from ptplanner.core.salary.model import salary_model
from ptplanner.ui.accessibility import announce
from ptplanner.ui.welcome.location_field import LocationField
from ptplanner.ui.widgets import MutedLabel, make_label, tint_muted

COLUMN_WIDTH = 620
"""The page's text column at most, in pixels: lines a person can read at a glance."""
NO_DIPLOMA = "none"
"""The education choice "still finishing high school": the estimate's lowest level, and the
plan keeps its "Finish high school or a GED" step."""


@dataclass(frozen=True)
class WelcomeAnswers:
    """What the page was told: profile fields for the Salary tab, and whether a diploma is held."""

    changes: dict[str, Any]
    has_diploma: bool

    def profile(self, base: SalaryInputs) -> SalaryInputs:
        return SalaryInputs.model_validate({**base.model_dump(), **self.changes})


class WelcomePage(QWidget):
    """The questions and the three ways on: the ready plan, an empty plan, or skip (cancel)."""

    chosen = Signal(str)
    """ "ready", "empty" or "skip" (Esc, or "Cancel" when opened from File > New plan...)."""

    def __init__(
        self,
        profile: SalaryInputs,
        today: date,
        *,
        first_launch: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("welcome-page")
        self.setAccessibleName("Welcome" if first_launch else "New plan")
        self._base = profile
        self._today = today
        self._plan: Plan | None = None
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        inner = QWidget()
        row = QHBoxLayout(inner)
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        scroll.setWidget(inner)

        box = QVBoxLayout(column)
        box.setSpacing(10)
        box.setContentsMargins(12, 24, 12, 24)
        box.addStretch(1)  # on a tall screen the page sits a little above the middle
        self.heading = make_label(
            "Welcome to PT Planner" if first_launch else "Start a new plan", "heading"
        )
        font = QFont(self.heading.font())
        font.setPointSizeF(QFont(self.font()).pointSizeF() * 1.6)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        box.addWidget(self.heading)
        self.intro = make_label(
            "PT Planner helps you work toward a job as a physical therapy care coordinator: "
            "what the work is like, what it pays where you live, and the steps that get you "
            "there. Your answers stay on this computer."
            if first_launch
            else "A new plan replaces the steps you have now; Edit > Undo brings them back. "
            "Check your answers first: the ready plan leaves out what you already have."
        )
        box.addWidget(self.intro)
        box.addSpacing(6)
        box.addWidget(make_label("About you", "subheading"))
        box.addWidget(
            MutedLabel(
                "Your pay estimate is built from these. You can change them any time on the "
                "Salary tab.",
                small=False,
            )
        )
        box.addLayout(self._form(profile))
        box.addSpacing(6)
        box.addWidget(make_label("Your plan", "subheading"))
        self.plan_text = make_label("")
        box.addWidget(self.plan_text)
        box.addLayout(self._buttons(first_launch))
        box.addStretch(2)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            lambda: self.chosen.emit("skip"),
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self._connect()
        self._refresh()
        tint_muted(self)

    # --- building -------------------------------------------------------------------------------

    def _form(self, profile: SalaryInputs) -> QFormLayout:
        model = salary_model()
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.location = LocationField(profile.location)
        self.location_note = MutedLabel("")
        place = QVBoxLayout()
        place.setSpacing(2)
        place.addWidget(self.location)
        place.addWidget(self.location_note)
        form.addRow(self._label("Where &you live", self.location), place)

        self.years = QSpinBox()
        self.years.setRange(0, 40)
        self.years.setSuffix(" years")
        self.years.setSpecialValueText("None yet")
        self.years.setValue(round(profile.years_experience))
        self.years.setAccessibleName("Years of experience in a clinic office")
        form.addRow(self._label("Years of e&xperience", self.years), self.years)

        self.education = QComboBox()
        self.education.setAccessibleName("Education")
        self.education.addItem("Still finishing high school or a GED", NO_DIPLOMA)
        for level in model.education:
            self.education.addItem(level.label, level.id)
        self.education.setCurrentIndex(self.education.findData(profile.education))
        form.addRow(self._label("E&ducation", self.education), self.education)

        self.credentials: dict[str, QCheckBox] = {}
        held = QVBoxLayout()
        held.setSpacing(2)
        for certification in model.certifications:
            check = QCheckBox(certification.label)
            check.setAccessibleName(certification.label)
            check.setChecked(certification.id in profile.certifications)
            self.credentials[certification.id] = check
            held.addWidget(check)
        first = next(iter(self.credentials.values()))
        form.addRow(self._label("&Credentials you hold", first), held)

        self.employer = QComboBox()
        self.employer.setAccessibleName("Employer type, now or hoped for")
        for employer in model.employer_types:
            self.employer.addItem(employer.label, employer.id)
        self.employer.setCurrentIndex(self.employer.findData(profile.employer_type))
        form.addRow(self._label("Em&ployer", self.employer), self.employer)
        return form

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _buttons(self, first_launch: bool) -> QHBoxLayout:
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.ready_button = QPushButton("Start with the &ready plan")
        self.empty_button = QPushButton("Start with an e&mpty plan")
        self.skip_button = QPushButton("Skip for &now" if first_launch else "Cancel")
        self.skip_button.setToolTip(
            "Open the app without a plan; the Plan tab offers both starts later (Esc)"
            if first_launch
            else "Keep the plan you have (Esc)"
        )
        for button, choice in (
            (self.ready_button, "ready"),
            (self.empty_button, "empty"),
            (self.skip_button, "skip"),
        ):
            button.setAccessibleName(button.text().replace("&", ""))
            button.setMinimumHeight(34)
            button.setAutoDefault(True)  # Enter on a focused button presses it
            button.clicked.connect(lambda _c=False, c=choice: self._choose(c))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.ready_button.setDefault(True)
        return buttons

    def _connect(self) -> None:
        self.location.resolved.connect(lambda _name, _problem: self._refresh())
        self.years.valueChanged.connect(lambda _v: self._refresh())
        self.education.currentIndexChanged.connect(lambda _i: self._refresh())
        for check in self.credentials.values():
            check.toggled.connect(lambda _on: self._refresh())
        self.employer.currentIndexChanged.connect(lambda _i: self._refresh())

    # --- answers --------------------------------------------------------------------------------

    def answers(self) -> WelcomeAnswers:
        """The answers as they stand (the location as the last place that resolved)."""
        education = str(self.education.currentData())
        changes: dict[str, Any] = {
            "years_experience": float(self.years.value()),
            "education": "hs" if education == NO_DIPLOMA else education,
            "certifications": frozenset(k for k, c in self.credentials.items() if c.isChecked()),
            "employer_type": str(self.employer.currentData()),
        }
        if self.location.area_name is not None:
            changes["location"] = self.location.area_name
        return WelcomeAnswers(changes, has_diploma=education != NO_DIPLOMA)

    def profile(self) -> SalaryInputs:
        return self.answers().profile(self._base)

    def ready_plan(self) -> Plan:
        """The ready plan fitted to the answers: what "Start with the ready plan" installs."""
        if self._plan is None:
            answers = self.answers()
            self._plan = ready_plan_for(
                answers.profile(self._base), self._today, has_diploma=answers.has_diploma
            )
        return self._plan

    def _refresh(self) -> None:
        self._plan = None
        name, problem = self.location.area_name, self.location.problem
        self.location_note.setText(f"Pay figures for: {name}" if name else problem)
        count = step_count(self.ready_plan())
        self.plan_text.setText(
            f"The ready plan for you has {count} steps: the certifications, skills and job "
            "search that lead into the work and the way up from there, most with a target date "
            "you can change. Steps you already have are left out. Or start with an empty plan "
            "and write your own."
        )
        self.ready_button.setAccessibleDescription(f"{count} steps")

    def _choose(self, choice: str) -> None:
        if choice != "skip" and self.location.area_name is None:
            self.location.setFocus()
            announce(self, self.location.problem, assertive=True)
            return
        self.chosen.emit(choice)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            tint_muted(self)
        super().changeEvent(event)
