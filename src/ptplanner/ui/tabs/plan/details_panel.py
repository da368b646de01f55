"""The Plan tab's details panel: shows the current step in its fields and turns each change a
person makes into one controller call (one undoable command).

A title or notes are committed when editing finishes (Return, focus out, or a pause in typing
for notes), never per keystroke; a choice in a combo or date box at once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QCompleter, QFrame, QScrollArea, QWidget

from ptplanner.core.plan.link_choices import link_choices, pay_effect_text
from ptplanner.core.plan.model import VALUELESS_LINK_KINDS, SalaryLink, Status, add_months
from ptplanner.ui.accessibility import set_value
from ptplanner.ui.tabs.plan.controller import PlanController
from ptplanner.ui.tabs.plan.details_fields import DetailsFields

NOTES_IDLE_MS = 1500
"""Notes are committed after this long without typing, as well as on focus out."""
NOTES_MAX_CHARS = 10_000


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DetailsPanel(QScrollArea):
    """The fields of the step shown (``shown_id``), in a panel that scrolls up and down.

    ``today`` gives the day the tab shows the plan for (what "late" and "this year" mean).
    """

    def __init__(
        self,
        controller: PlanController,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._today = today
        self.shown_id: str | None = None
        self._loading = False
        self._shown_title = ""
        self._shown_notes = ""
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Everything in the panel wraps or shrinks; a sideways scroll bar would only clip text.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(290)
        self.setAccessibleName("Step details")
        # Only a container: Tab goes straight to its fields (a stop here showed no focus).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.fields = DetailsFields()
        self.setWidget(self.fields)
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(NOTES_IDLE_MS)
        self._notes_timer.timeout.connect(self.commit_notes)
        self._connect()

    def _connect(self) -> None:
        f = self.fields
        f.title_edit.editingFinished.connect(self.commit_title)
        f.status_combo.activated.connect(self._on_status_chosen)
        f.target_edit.dateChanged.connect(self._on_target_changed)
        f.no_date_check.toggled.connect(self._on_no_date_toggled)
        f.done_edit.dateChanged.connect(self._on_done_changed)
        f.link_kind_combo.activated.connect(self._on_link_kind_chosen)
        f.link_value_combo.activated.connect(self._on_link_value_chosen)
        f.renews_spin.valueChanged.connect(self._on_renews_changed)
        f.notes_edit.textChanged.connect(self._on_notes_typed)
        f.notes_edit.installEventFilter(self)

    def set_editable(self, editable: bool) -> None:
        self.fields.set_editable(editable)

    def focus_title(self) -> None:
        """Put the cursor in the title, all of it selected, ready to be typed over."""
        self.fields.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.fields.title_edit.selectAll()

    # --- showing a step ---------------------------------------------------------------------

    def show_milestone(self, milestone_id: str | None) -> None:
        """Show this step (none: the hint to select one), keeping what is being typed."""
        f = self.fields
        milestone = self.controller.milestone(milestone_id)
        same = milestone_id == self.shown_id
        self.shown_id = milestone.id if milestone else None
        if not same:
            f.clear_date_problem()  # it spoke of the step shown before
        f.step_fields.setVisible(milestone is not None)
        f.hint.setVisible(milestone is None)
        if milestone is None:
            f.heading.setText("Step details")
            return
        self._loading = True
        try:
            f.heading.setText(
                "Step details" if not milestone.children else "Step details (has sub-steps)"
            )
            self._show_texts(milestone.title, milestone.notes, same)
            f.status_combo.setCurrentIndex(f.status_combo.findData(milestone.status.value))
            editable = not self.controller.read_only
            target = milestone.target_date
            f.no_date_check.setChecked(target is None)
            f.target_edit.setEnabled(target is not None and editable)
            f.target_edit.setDate(qdate(target) if target else f.target_edit.minimumDate())
            f.done_edit.setEnabled(milestone.status is Status.DONE and editable)
            done = milestone.done_date
            f.done_edit.setDate(qdate(done) if done else f.done_edit.minimumDate())
            self._show_link(milestone.salary_link)
            f.renews_spin.setValue(milestone.renews_every_months or 0)
            set_value(f.why_label, milestone.why or "")
            f.why_caption.setVisible(bool(milestone.why))
            f.why_label.setVisible(bool(milestone.why))
            pay = pay_effect_text(milestone, self._today().year)
            set_value(f.pay_label, pay)
            f.pay_caption.setVisible(bool(pay))
            f.pay_label.setVisible(bool(pay))
        finally:
            self._loading = False

    def _show_texts(self, title: str, notes: str, same: bool) -> None:
        # Never overwrite what the person is typing in this step's title or notes.
        f = self.fields
        typing_title = (
            same and f.title_edit.hasFocus() and (f.title_edit.text() != self._shown_title)
        )
        if not typing_title and f.title_edit.text() != title:
            f.title_edit.setText(title)
            f.title_edit.setCursorPosition(0)
        if not typing_title:
            self._shown_title = title
        typing_notes = (
            same and f.notes_edit.hasFocus() and (f.notes_edit.toPlainText() != self._shown_notes)
        )
        if not typing_notes and f.notes_edit.toPlainText() != notes:
            f.notes_edit.setPlainText(notes)
        if not typing_notes:
            self._shown_notes = notes

    def _show_link(self, link: SalaryLink | None) -> None:
        f = self.fields
        kind = link.kind if link else ""
        f.link_kind_combo.setCurrentIndex(max(0, f.link_kind_combo.findData(kind)))
        self._fill_link_values(kind)
        if link is not None:
            combo = f.link_value_combo
            row = combo.findData(link.value)
            if row < 0:  # a value this version does not list (e.g. an area BLS dropped)
                combo.addItem(link.value, link.value)
                row = combo.count() - 1
            combo.setCurrentIndex(row)
            line = combo.lineEdit()
            if line is not None:
                line.setCursorPosition(0)  # a long area name shows its start, not its end

    def _fill_link_values(self, kind: str) -> None:
        combo = self.fields.link_value_combo
        if combo.property("kind") == kind:
            return
        combo.blockSignals(True)
        combo.clear()
        for value, label in link_choices(kind):
            combo.addItem(label, value)
        combo.setProperty("kind", kind)
        combo.setEditable(kind == "location")
        if kind == "location":
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            completer = QCompleter(combo.model(), combo)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            combo.setCompleter(completer)
            line = combo.lineEdit()
            if line is not None:
                line.setAccessibleName("Salary link value")
        combo.setEnabled(bool(kind) and not self.controller.read_only)
        combo.blockSignals(False)
        # No link and a promotion have nothing to choose; an empty box would only ask "what?".
        self.fields.show_link_value_row(bool(kind) and kind not in VALUELESS_LINK_KINDS)

    # --- committing edits -------------------------------------------------------------------

    def commit_pending_edits(self) -> None:
        """Write a half-finished title or notes edit now (before undo, save, quit, reselect)."""
        self.commit_title()
        self.commit_notes()

    def commit_title(self) -> None:
        edit = self.fields.title_edit
        milestone = self.controller.milestone(self.shown_id)
        if milestone is None or self._loading or self.controller.read_only:
            return
        text = " ".join(edit.text().split())
        if text == milestone.title:
            return
        if not text:
            edit.setText(milestone.title)
            self.controller.message.emit("warning", "A step needs a title; the old one was kept.")
            return
        self._shown_title = text
        if not self.controller.update_milestone(milestone.id, title=text):
            edit.setText(milestone.title)

    def commit_notes(self) -> None:
        self._notes_timer.stop()
        milestone = self.controller.milestone(self.shown_id)
        if milestone is None or self._loading or self.controller.read_only:
            return
        text = self.fields.notes_edit.toPlainText()
        if text == milestone.notes:
            return
        if len(text) > NOTES_MAX_CHARS:
            self.controller.message.emit(
                "warning", "Notes can be at most 10,000 characters; the extra text was not saved."
            )
            text = text[:NOTES_MAX_CHARS]
        self._shown_notes = text
        self.controller.update_milestone(milestone.id, notes=text)

    def _on_notes_typed(self) -> None:
        if not self._loading and self.shown_id is not None:
            self._notes_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.fields.notes_edit and event.type() == QEvent.Type.FocusOut:
            self.commit_notes()
        return super().eventFilter(watched, event)

    def _update(self, **fields: Any) -> None:
        if self._loading or self.shown_id is None:
            return
        self.controller.update_milestone(self.shown_id, **fields)

    def _on_status_chosen(self, row: int) -> None:
        if self._loading or self.shown_id is None:
            return
        status = str(self.fields.status_combo.itemData(row))
        self.controller.set_status(self.shown_id, status)

    def _on_target_changed(self, value: QDate) -> None:
        f = self.fields
        if not f.no_date_check.isChecked() and value != f.target_edit.minimumDate():
            self._update(target_date=value.toPython())

    def _on_no_date_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        target_edit = self.fields.target_edit
        target_edit.setEnabled(not checked and not self.controller.read_only)
        if checked:
            self._update(target_date=None)
            return
        # A first date a month ahead: close enough to adjust with the arrow keys.
        first = add_months(self._today(), 1)
        self._loading = True
        try:
            target_edit.setDate(qdate(first))
        finally:
            self._loading = False
        self._update(target_date=first)

    def _on_done_changed(self, value: QDate) -> None:
        milestone = self.controller.milestone(self.shown_id)
        if milestone is None or milestone.status is not Status.DONE:
            return
        if value != self.fields.done_edit.minimumDate():
            self._update(done_date=value.toPython())

    def _on_link_kind_chosen(self, row: int) -> None:
        if self._loading:
            return
        f = self.fields
        kind = str(f.link_kind_combo.itemData(row) or "")
        self._fill_link_values(kind)
        if not kind:
            self._update(salary_link=None)
            return
        value = "" if kind in VALUELESS_LINK_KINDS else str(f.link_value_combo.itemData(0))
        self._update(salary_link=SalaryLink.model_validate({"kind": kind, "value": value}))

    def _on_link_value_chosen(self, row: int) -> None:
        if self._loading:
            return
        kind = str(self.fields.link_kind_combo.currentData() or "")
        value = self.fields.link_value_combo.itemData(row)
        milestone = self.controller.milestone(self.shown_id)
        current = milestone.salary_link if milestone is not None else None
        if current is not None and (current.kind, current.value) == (kind, value):
            # Nothing changed. An older plan may hold an area no longer published, which a new
            # link is refused; choosing it again must not try to make a new one.
            return
        if kind and value:
            self._update(salary_link=SalaryLink.model_validate({"kind": kind, "value": value}))

    def _on_renews_changed(self, value: int) -> None:
        self._update(renews_every_months=value or None)
