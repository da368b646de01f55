"""The Salary tab's left column: the person's profile, the projection's length and the assumptions.

Every edit goes straight to the :class:`ScenarioModel`; the panel shows the model's values again
after each change, without sending them back as edits. Where the person's plan supplies a value
(a certification marked done, a move, a first job), the panel shows the plan's value and keeps
it from being changed here: the plan step is the one place to change it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.salary.model import salary_model
from ptplanner.ui.accessibility import name_with_value, set_tip, set_value
from ptplanner.ui.fitting import FittedComboBox
from ptplanner.ui.tabs.salary.assumptions_box import AssumptionsBox
from ptplanner.ui.tabs.salary.credentials_box import PLAN_TIP, CredentialChecks
from ptplanner.ui.tabs.salary.location_box import LocationComboBox
from ptplanner.ui.tabs.salary.role_choice import current_rung_tip, role_combo
from ptplanner.ui.tabs.salary.scenario import ScenarioModel

LOCATION_TIP = "National, a state or a metro area. Type any part of the name, e.g. boston."
# The profile's fields a plan step can supply, as PlanProfile.from_plan names them, and how the
# note under the profile names them.
PLAN_FIELDS: tuple[tuple[str, str], ...] = (
    ("role", "role"),
    ("education", "education"),
    ("location", "location"),
    ("employer_type", "employer"),
)


def planned_fields(from_plan: frozenset[str]) -> set[str]:
    """The profile fields the plan supplies: "education:associate" -> "education"."""
    return {item.partition(":")[0] for item in from_plan}


def planned_ids(from_plan: frozenset[str], kind: str) -> set[str]:
    """The ids of one kind the plan supplies: ("certification:cmaa", ...) -> {"cmaa"}."""
    return {value for k, _, value in (i.partition(":") for i in from_plan) if k == kind}


class InputsPanel(QScrollArea):
    """The person's profile and the assumptions, bound to the scenario model."""

    def __init__(self, scenario: ScenarioModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scenario = scenario
        model = salary_model()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a focus stop of its own (it showed no focus): Tab goes to its controls, and the
        # area scrolls to show each one.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 8, 8, 8)

        profile = QGroupBox("Your profile")
        form = QFormLayout(profile)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        self.role_combo = role_combo()
        form.addRow("Current &role", self.role_combo)

        self.experience_spin = QSpinBox()
        self.experience_spin.setRange(0, 40)
        self.experience_spin.setSuffix(" years")
        self.experience_spin.setAccessibleName("Years of experience")
        self.experience_slider = QSlider(Qt.Orientation.Horizontal)
        self.experience_slider.setRange(0, 40)
        self.experience_slider.setPageStep(5)
        self.experience_slider.setAccessibleName("Years of experience slider")
        experience = QWidget()
        row = QHBoxLayout(experience)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.experience_slider, 1)
        row.addWidget(self.experience_spin)
        experience_label = QLabel("E&xperience")
        experience_label.setBuddy(self.experience_spin)
        form.addRow(experience_label, experience)

        self.education_combo = FittedComboBox()
        self.education_combo.setAccessibleName("Education")
        for level in model.education:
            self.education_combo.addItem(level.label, level.id)
        form.addRow("&Education", self.education_combo)

        self.location_combo = LocationComboBox()
        self.location_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.location_combo.setAccessibleName("Location")
        self.location_combo.setToolTip(LOCATION_TIP)
        self.location_combo.setMaxVisibleItems(20)
        location_line = self.location_combo.lineEdit()
        if location_line is not None:  # where the place is typed; unnamed otherwise
            location_line.setAccessibleName("Location")
        self.location_combo.fill_places()  # grouped by state, completing everyday names too
        self.location_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.location_combo.setMinimumContentsLength(16)
        form.addRow("&Location", self.location_combo)

        self.employer_combo = FittedComboBox()
        self.employer_combo.setAccessibleName("Employer type")
        for employer in model.employer_types:
            self.employer_combo.addItem(employer.label, employer.id)
            index = self.employer_combo.count() - 1
            self.employer_combo.setItemData(index, employer.guide_note, Qt.ItemDataRole.ToolTipRole)
        self.employer_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        form.addRow("Em&ployer", self.employer_combo)
        self.plan_note = QLabel()
        self.plan_note.setWordWrap(True)
        self.plan_note.setProperty("role", "footnote")
        name_with_value(self.plan_note, "Set by your plan")
        self.plan_note.hide()
        form.addRow(self.plan_note)
        layout.addWidget(profile)

        self.certs_box = CredentialChecks(
            "Certifications held",
            "certification",
            [
                (c.id, c.label.partition(" (")[0], c.label.partition(" (")[2].rstrip(")"))
                for c in model.certifications
            ],
        )
        self.cert_checks: dict[str, QCheckBox] = self.certs_box.checks
        layout.addWidget(self.certs_box)
        self.skills_box = CredentialChecks(
            "Skills", "skill", [(s.id, s.label, "") for s in model.skills]
        )
        self.skill_checks: dict[str, QCheckBox] = self.skills_box.checks
        layout.addWidget(self.skills_box)

        projection = QGroupBox("Projection")
        projection_form = QFormLayout(projection)
        self.years_spin = QSpinBox()
        self.years_spin.setRange(1, 50)
        self.years_spin.setSuffix(" years")
        self.years_spin.setAccessibleName("Project over (years)")
        self.years_spin.setToolTip(
            "This year and the next N years: the Year by year table has N + 1 rows, as "
            "'ptplanner projection --years N' and the printout do."
        )
        projection_form.addRow("&Project over", self.years_spin)
        self.plan_check = QCheckBox("Include my plan's milestones")
        self.plan_check.setAccessibleName("Include my plan's milestones")
        self.plan_check.setToolTip(
            "Steps marked done in your plan count as yours now; planned ones with a target\n"
            "date (a certification, a new role, a move) change pay from their year on."
        )
        projection_form.addRow(self.plan_check)
        layout.addWidget(projection)

        self.assumptions_toggle = QToolButton()
        self.assumptions_toggle.setText("Assumptions")
        self.assumptions_toggle.setCheckable(True)
        self.assumptions_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.assumptions_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.assumptions_toggle.setAccessibleName("Show assumptions")
        self.assumptions_toggle.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
        )
        layout.addWidget(self.assumptions_toggle)
        self.assumptions_box = AssumptionsBox()
        self.assumption_spins: dict[str, QDoubleSpinBox] = self.assumptions_box.spins
        self.reset_button = self.assumptions_box.reset_button
        self.assumptions_box.setVisible(False)
        layout.addWidget(self.assumptions_box)
        layout.addStretch(1)
        self.setWidget(body)
        body.setMinimumWidth(300)

        # The slider and the spin box are one control: linked before the first sync, so a saved
        # profile's experience shows on both, not on the spin box alone.
        self.experience_slider.valueChanged.connect(self.experience_spin.setValue)
        self.experience_spin.valueChanged.connect(self.experience_slider.setValue)
        self._syncing = False
        self.sync_from_model()
        self._connect()

    def _connect(self) -> None:
        s = self.scenario
        self.experience_spin.valueChanged.connect(lambda v: self._push(years_experience=float(v)))
        for combo, field in (
            (self.role_combo, "role"),
            (self.education_combo, "education"),
            (self.employer_combo, "employer_type"),
        ):
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, f=field: self._push(**{f: c.currentData()})
            )
        self.location_combo.activated.connect(lambda _i: self.commit_location())
        line = self.location_combo.lineEdit()
        assert line is not None
        line.editingFinished.connect(self.commit_location)
        completer = self.location_combo.completer()
        if completer is not None:
            completer.activated.connect(lambda _t: self.commit_location())
        for check in (*self.cert_checks.values(), *self.skill_checks.values()):
            check.toggled.connect(lambda _c: self._push_sets())
        self.years_spin.valueChanged.connect(lambda v: None if self._syncing else s.set_years(v))
        self.plan_check.toggled.connect(lambda c: None if self._syncing else s.set_use_plan(c))
        for field, spin in self.assumption_spins.items():
            spin.valueChanged.connect(lambda v, f=field: self._push_assumption(f, v))
        self.reset_button.clicked.connect(s.reset_assumptions)
        self.assumptions_toggle.toggled.connect(self._show_assumptions)
        s.changed.connect(self.sync_from_model)

    def _show_assumptions(self, shown: bool) -> None:
        self.assumptions_box.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.assumptions_toggle.setArrowType(arrow)
        self.assumptions_toggle.setAccessibleName(
            "Hide assumptions" if shown else "Show assumptions"
        )

    def _push(self, **changes: Any) -> None:
        if not self._syncing:
            self.scenario.update(**changes)

    def _push_sets(self) -> None:
        # Only the person's own ticks: what the plan supplies stays the plan's.
        self._push(
            certifications=self.certs_box.person_ticked(),
            skills=self.skills_box.person_ticked(),
        )

    def _push_assumption(self, field: str, value: float) -> None:
        if not self._syncing:
            self.scenario.update_assumptions(**{field: value})

    def commit_location(self) -> None:
        text = self.location_combo.currentText().strip()
        if not self._syncing and text and text != self.shown_location():
            self.scenario.update(location=text)

    def shown_location(self) -> str:
        return self.scenario.effective_inputs().location

    def sync_from_model(self) -> None:
        """Show the model's values without sending them back as edits."""
        profile = self.scenario.plan_profile()
        inputs, from_plan = profile.inputs, profile.from_plan
        self._syncing = True

        def show(spin: QSpinBox | QDoubleSpinBox, value: float) -> None:
            # A spin box repaints on every setValue, even to the value it shows: after each
            # change that would repaint the whole inputs column behind them.
            if spin.value() != value:
                if isinstance(spin, QSpinBox):
                    spin.setValue(int(value))
                else:
                    spin.setValue(value)

        try:
            show(self.experience_spin, round(inputs.years_experience))
            for combo, value in (
                (self.role_combo, inputs.role),
                (self.education_combo, inputs.education),
                (self.employer_combo, inputs.employer_type),
            ):
                combo.setCurrentIndex(combo.findData(value))
            if self.location_combo.currentText() != inputs.location:
                index = self.location_combo.findText(inputs.location)
                self.location_combo.setCurrentIndex(index)
                self.location_combo.setEditText(inputs.location)
                line = self.location_combo.lineEdit()
                if line is not None:
                    line.setCursorPosition(0)  # show the start of a long name, not its end
            self._show_plan_fields(planned_fields(from_plan))
            self.certs_box.show_held(
                self.scenario.inputs.certifications, planned_ids(from_plan, "certification")
            )
            self.skills_box.show_held(self.scenario.inputs.skills, planned_ids(from_plan, "skill"))
            show(self.years_spin, self.scenario.years)
            self.plan_check.setChecked(self.scenario.use_plan)
            values = inputs.assumptions.model_dump()
            for field, spin in self.assumption_spins.items():
                show(spin, values[field])
        finally:
            self._syncing = False

    def _show_plan_fields(self, planned: set[str]) -> None:
        """Keep what the plan supplies from being changed here, and say so."""
        combos: dict[str, tuple[QComboBox, str]] = {
            "role": (self.role_combo, current_rung_tip(self.role_combo)),
            "education": (self.education_combo, ""),
            "location": (self.location_combo, LOCATION_TIP),
            "employer_type": (self.employer_combo, ""),
        }
        for field, (combo, tip) in combos.items():
            supplied = field in planned
            combo.setEnabled(not supplied)
            tip = "\n\n".join(t for t in (tip, PLAN_TIP if supplied else "") if t)
            if combo.toolTip() != tip:
                set_tip(combo, tip)
        names = [name for field, name in PLAN_FIELDS if field in planned]
        if names:
            what = ", ".join(names[:-1]) + (" and " if len(names) > 1 else "") + names[-1]
            text = f"Your {what} come{'s' if len(names) == 1 else ''} from your plan."
            set_value(self.plan_note, text + " Change the plan step in the Plan tab.")
        self.plan_note.setVisible(bool(names))
