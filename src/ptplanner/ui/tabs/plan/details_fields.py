"""The widgets of the Plan tab's details panel, laid out: the short fields of a step in a form,
its longer texts (why it matters, pay effect, notes) under captions across the panel.

Only the layout is here; :class:`~ptplanner.ui.tabs.plan.details_panel.DetailsPanel` fills the
fields with a step and turns edits into controller calls.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import STATUS_LABELS
from ptplanner.core.plan.link_choices import LINK_KIND_LABELS
from ptplanner.core.plan.model import Status
from ptplanner.ui.accessibility import name_with_value
from ptplanner.ui.fitting import FittedComboBox
from ptplanner.ui.tabs.plan.colours import set_text_colour
from ptplanner.ui.tabs.plan.date_field import TypedDateEdit
from ptplanner.ui.tabs.plan.status_icons import kind_colours

DATE_STEPS = (
    "Month, day and year are separate parts: Tab, or the Left and Right arrows, move between "
    "them; Up and Down change the part selected, or type it. Or select all and type a whole "
    "date, such as 2027-03-15 or Mar 15, 2027. Alt+Down opens a calendar."
)
"""What a date field's accessible description says, as its parts are not spoken."""


def _shrinkable(widget: QWidget) -> QWidget:
    # Fields may get narrower than their size hint so the panel never needs to scroll
    # sideways at 1024 px; combo boxes elide instead.
    widget.setMinimumWidth(60)
    widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
    return widget


def _date_edit(name: str) -> TypedDateEdit:
    edit = TypedDateEdit()
    edit.setAccessibleName(name)
    edit.setAccessibleDescription(DATE_STEPS)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("MMM d, yyyy")
    edit.setKeyboardTracking(False)  # one commit per finished date, not per digit
    edit.setDateRange(QDate(1989, 12, 31), QDate(2100, 12, 31))
    # No date shows as "—": the minimum date is the edit's blank value.
    edit.setSpecialValueText("—")
    return edit


def _caption(text: str, font: QFont) -> QLabel:
    label = QLabel(text)
    small = QFont(font)
    small.setWeight(QFont.Weight.DemiBold)
    label.setFont(small)
    label.setContentsMargins(0, 6, 0, 0)
    return label


def _paragraph(caption: str) -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    name_with_value(label, caption)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    # Preferred, not Ignored: a wrapped label then gets its height for the real width
    # (an Ignored one is measured too narrow and shows a gap above its text).
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class DetailsFields(QWidget):
    """A heading, a hint shown while no step is selected, and the step's fields."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plan-details")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 0, 6, 0)
        outer.setSpacing(6)
        self.heading = QLabel("Step details")
        font = QFont(self.font())
        font.setWeight(QFont.Weight.DemiBold)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        outer.addWidget(self.heading)
        self.hint = QLabel("Select a step in the list to see and edit its details.")
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)

        # Short fields in a form; the longer texts below it in a plain column, which (unlike a
        # form row) gives a wrapped label exactly the height its text needs.
        self.step_fields = QWidget()
        body = QVBoxLayout(self.step_fields)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(4)
        form_widget = QWidget()
        body.addWidget(form_widget)
        self.form = QFormLayout(form_widget)
        self._build_form(self.form)
        self._build_texts(body)
        outer.addWidget(self.step_fields)
        outer.addStretch(1)

    def _build_form(self, form: QFormLayout) -> None:
        form.setContentsMargins(0, 4, 0, 0)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(7)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setMaxLength(200)
        self.title_edit.setToolTip("The step's name; saved when you press Return or leave the box")
        form.addRow("&Title", _shrinkable(self.title_edit))

        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName("Status")
        for status in Status:
            self.status_combo.addItem(STATUS_LABELS[status], status.value)
        form.addRow("&Status", self.status_combo)

        self.target_edit = _date_edit("Target date")
        self.no_date_check = QCheckBox("No date")
        self.no_date_check.setAccessibleName("No target date")
        target_label = QLabel("Tar&get date")
        target_label.setBuddy(self.target_edit)
        form.addRow(target_label, self.target_edit)
        # Its own row: beside the date it would crowd the date out of a narrow panel.
        form.addRow("", self.no_date_check)

        self.done_edit = _date_edit("Done date")
        self.done_edit.setToolTip("When the step was done; set when you mark it done")
        form.addRow("D&one on", self.done_edit)

        # What was typed into a date field and refused, under the dates, until a date is taken.
        self.date_problem = QLabel()
        self.date_problem.setWordWrap(True)
        self.date_problem.setAccessibleName("Date not taken")
        self.date_problem.hide()
        form.addRow(self.date_problem)
        for edit, label in ((self.target_edit, "Target date"), (self.done_edit, "Done date")):
            edit.refused.connect(
                lambda text, edit=edit, label=label: self._refuse_date(edit, label, text)
            )
            edit.accepted.connect(self.clear_date_problem)

        self.link_kind_combo = QComboBox()
        self.link_kind_combo.setAccessibleName("Salary link kind")
        self.link_kind_combo.setToolTip(
            "What this step changes in your salary projection: from its target year while it "
            "is planned, for good once it is done. A role is the job you start on the target "
            "date; a promotion, the next role up"
        )
        for key, label in LINK_KIND_LABELS:
            self.link_kind_combo.addItem(label, key)
        link_label = QLabel("Salary &link")
        link_label.setBuddy(self.link_kind_combo)
        form.addRow(link_label, self.link_kind_combo)
        # The value takes a row of its own across the whole panel, under its kind: names such
        # as "High school diploma or GED" need more room than the field column has at 1024 px.
        # The longest ("CEHRS (Certified Electronic ...)") show their short form there.
        self.link_value_combo = FittedComboBox()
        self.link_value_combo.setAccessibleName("Salary link value")
        self.link_value_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.link_value_combo.setMinimumContentsLength(8)
        # Labelled above, not beside: a screen reader on Linux otherwise names the box after
        # its current choice.
        self.link_value_label = QLabel("Salary link val&ue")
        self.link_value_label.setBuddy(self.link_value_combo)
        form.addRow(self.link_value_label)
        form.addRow(_shrinkable(self.link_value_combo))

        self.renews_spin = QSpinBox()
        self.renews_spin.setAccessibleName("Renews every N months")
        self.renews_spin.setRange(0, 120)
        self.renews_spin.setSpecialValueText("Does not renew")
        self.renews_spin.setSuffix(" months")
        self.renews_spin.setKeyboardTracking(False)
        self.renews_spin.setToolTip(
            "For credentials that expire: marking the step done adds a renewal step"
        )
        form.addRow("&Renews every", self.renews_spin)

    def _build_texts(self, body: QVBoxLayout) -> None:
        font = self.font()
        self.why_caption = _caption("Why it matters", font)
        self.why_label = _paragraph("Why it matters")
        body.addWidget(self.why_caption)
        body.addWidget(self.why_label)
        self.pay_caption = _caption("Pay effect", font)
        self.pay_label = _paragraph("Pay effect")
        body.addWidget(self.pay_caption)
        body.addWidget(self.pay_label)

        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setAccessibleName("Notes")
        self.notes_edit.setPlaceholderText("Your notes: links, contacts, what you learned…")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumHeight(96)
        notes_label = _caption("&Notes", font)
        notes_label.setBuddy(self.notes_edit)
        body.addWidget(notes_label)
        body.addWidget(_shrinkable(self.notes_edit))

    def _refuse_date(self, edit: TypedDateEdit, label: str, text: str) -> None:
        colour = kind_colours(self.palette())["overdue"]
        self.clear_date_problem()
        edit.set_invalid(True, colour.name())
        set_text_colour(self.date_problem, colour)
        shown = text if len(text) <= 40 else text[:39] + "…"
        self.date_problem.setText(
            f"{label}: “{shown}” is not a date between 1990 and 2100; the date was kept. "
            "Type it as 2027-03-15, 3/15/2027 or Mar 15, 2027."
        )
        self.date_problem.show()

    def clear_date_problem(self) -> None:
        """Hide the message about a refused date (a date was taken, or another step shown)."""
        self.date_problem.hide()
        self.target_edit.set_invalid(False)
        self.done_edit.set_invalid(False)

    def show_link_value_row(self, visible: bool) -> None:
        self.form.setRowVisible(self.link_value_label, visible)
        self.form.setRowVisible(self.link_value_combo, visible)

    def set_editable(self, editable: bool) -> None:
        """Let the fields be changed, or only read (a read-only window)."""
        self.title_edit.setReadOnly(not editable)
        self.notes_edit.setReadOnly(not editable)
        for widget in (
            self.status_combo,
            self.target_edit,
            self.no_date_check,
            self.done_edit,
            self.link_kind_combo,
            self.link_value_combo,
            self.renews_spin,
        ):
            widget.setEnabled(editable)
