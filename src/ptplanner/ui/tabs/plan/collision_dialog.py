"""The small dialog that asks which version to keep when the same field of the same step was
changed both in this window and on another computer (a three-way merge's collisions).

Each collision is one group of two radio buttons, this window's version first and checked, so the
dialog is used from the keyboard alone (Tab between steps, arrows between versions, Enter to
apply). It scrolls rather than grow past the screen, so it fits 1024x768. Cancel keeps this
window's versions: the other computer's plan is kept in backups either way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ptplanner.core.format import clip

VALUE_LIMIT = 64
"""A version longer than this (a long note) is clipped in the dialog; the full text is kept."""


class CollisionLike(Protocol):
    """What the dialog reads of a merge's collision (:class:`ptplanner.core.plan.merge.Collision`:
    its field and both versions are already in a person's words)."""

    @property
    def milestone_id(self) -> str: ...

    @property
    def field(self) -> str: ...

    @property
    def ours(self) -> str: ...

    @property
    def theirs(self) -> str: ...

    @property
    def title(self) -> str: ...


def value_text(value: str) -> str:
    """One version on one line, clipped (a long note), never blank."""
    text = " ".join(value.split())
    return clip(text, VALUE_LIMIT) if text else "(none)"


class CollisionDialog(QDialog):
    """One choice per collision; :meth:`choices` after ``exec()`` says which version won."""

    def __init__(
        self,
        collisions: Sequence[CollisionLike],
        parent: QWidget | None = None,
        *,
        other_name: str = "the other computer",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Choose which version to keep")
        self._collisions = list(collisions)
        layout = QVBoxLayout(self)
        count = len(self._collisions)
        things = "one thing" if count == 1 else f"{count} things"
        intro = QLabel(
            f"Your plan was changed in this window and on {other_name} at the same time, and "
            f"{things} differ. Everything else was combined. Pick the version to keep; the "
            "other version stays in the plan's backups."
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)

        body = QWidget()
        rows = QVBoxLayout(body)
        rows.setContentsMargins(0, 0, 0, 0)
        self.groups: list[QButtonGroup] = []
        self.ours_buttons: list[QRadioButton] = []
        self.theirs_buttons: list[QRadioButton] = []
        for collision in self._collisions:
            rows.addWidget(self._choice(collision))
        rows.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout.addWidget(scroll, 1)

        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton(
            "Keep the chosen versions", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setDefault(True)
        self.keep_ours_button = buttons.addButton(
            "Keep all of this window's", QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit_screen(body)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The first choice, so arrows pick a version and Tab goes to the next step at once.
        if self.ours_buttons:
            self.ours_buttons[0].setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def _choice(self, collision: CollisionLike) -> QGroupBox:
        field = collision.field[:1].upper() + collision.field[1:]
        box = QGroupBox(f"“{clip(collision.title, 60)}”: {field}")
        box_layout = QVBoxLayout(box)
        group = QButtonGroup(box)
        ours = QRadioButton(f"This window: {value_text(collision.ours)}")
        theirs = QRadioButton(f"Other computer: {value_text(collision.theirs)}")
        for button, full in ((ours, collision.ours), (theirs, collision.theirs)):
            button.setToolTip(full)  # the whole of a clipped note
            box_layout.addWidget(button)
        group.addButton(ours, 0)
        group.addButton(theirs, 1)
        ours.setChecked(True)
        self.groups.append(group)
        self.ours_buttons.append(ours)
        self.theirs_buttons.append(theirs)
        return box

    def _fit_screen(self, body: QWidget) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width = min(620, room.width() - 40) if room is not None else 620
        wanted = body.sizeHint().height() + 190
        height = min(wanted, round(room.height() * 0.8)) if room is not None else wanted
        self.resize(width, max(260, height))

    def choices(self) -> dict[tuple[str, str], str]:
        """{(milestone id, field): "ours" or "theirs"}; all "ours" after Cancel."""
        accepted = self.result() == QDialog.DialogCode.Accepted
        return {
            (c.milestone_id, c.field): ("theirs" if accepted and theirs.isChecked() else "ours")
            for c, theirs in zip(self._collisions, self.theirs_buttons, strict=True)
        }
