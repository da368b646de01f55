"""Text that fits: combo boxes and labels for the room a 1024-pixel window leaves.

:class:`FittedComboBox` and :class:`ElidingLabel` show a shorter form rather than letting Qt cut
the text off mid-letter, and always give the whole text in the tooltip. Used by the Plan and
Salary tabs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QWidget,
)


def short_form(text: str) -> str:
    """The part of a label before its explanation in brackets: "CMAA (Certified ...)" -> "CMAA"."""
    return text.split(" (", 1)[0]


class FittedComboBox(QComboBox):
    """A combo box that shows its whole choice when it fits, else the short form.

    Qt clips a long choice at the box's edge ("High school diploma or C"); this box shows the
    choice without its bracketed explanation ("CEHRS"), and elides only as a last resort. The
    tooltip then has the whole text, and the list (which Qt opens as wide as its longest entry)
    shows every choice in full. An editable box shows what its line edit shows (the start of a
    long text, which can be scrolled) and has the whole text in its tooltip too. The box's own
    tooltip (:meth:`setToolTip`) follows the whole text.
    """

    def text_room(self) -> int:
        """Pixels the closed box has for its text."""
        line = self.lineEdit()
        if line is not None:
            margins = line.textMargins()
            # QLineEdit keeps 2 px free on each side of its text.
            return line.contentsRect().width() - margins.left() - margins.right() - 4
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        return field.width() - 2  # the style draws the label one pixel in from each side

    def shown_text(self) -> str:
        """What the closed box shows: the whole choice, its short form, or that elided."""
        full = self.currentText()
        room = self.text_room()
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(full) <= room:
            return full
        if self.isEditable():
            return metrics.elidedText(full, Qt.TextElideMode.ElideRight, room)
        return metrics.elidedText(short_form(full), Qt.TextElideMode.ElideRight, room)

    def is_shortened(self) -> bool:
        """Whether the box shows less than its whole choice."""
        full = self.currentText()
        return bool(full) and self.shown_text() != full

    def tooltip_text(self) -> str:
        """The tooltip as it would show now: the whole choice when it is shortened, then the
        box's own tooltip."""
        full = self.currentText() if self.is_shortened() else ""
        return "\n".join(t for t in (full, self.toolTip()) if t)

    def event(self, event: QEvent) -> bool:
        # Worked out when asked: the choice, the items and the width all change the answer,
        # and the items are often refilled with the box's signals blocked.
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            tip = self.tooltip_text()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
                return True
        return super().event(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.isEditable():
            super().paintEvent(event)
            return
        # As QComboBox paints itself, with the fitted text in place of the current text.
        painter = QStylePainter(self)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        option.currentText = self.shown_text()
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)


class ElidingLabel(QLabel):
    """A one-line label that ends its text with "…" when it gets too little room.

    Its size hint is the whole text, so a layout with room to spare shows it all; its minimum is
    small, so a long text (a plan title may have 200 characters) never widens the window. The
    tooltip has the whole text whenever it is cut short.
    """

    MINIMUM_WIDTH = 80

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._update_tooltip()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._update_tooltip()

    def shown_text(self) -> str:
        """The text as drawn, elided to the label's width."""
        width = self.contentsRect().width()
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.MINIMUM_WIDTH), hint.height())

    def _update_tooltip(self) -> None:
        self.setToolTip(self.text() if self.shown_text() != self.text() else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_tooltip()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            self.contentsRect(),
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            self.shown_text(),
            self.foregroundRole(),
        )
