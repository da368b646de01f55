"""The editable location box: a long area name elided while it is not edited, whole on hover."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLineEdit, QStyle, QStyleOptionFrame, QWidget

from ptplanner.ui.fitting import FittedComboBox

# QLineEdit keeps this many pixels free left and right of its text, and one above and below.
_LINE_EDIT_MARGIN = 2


class ElidingLineEdit(QLineEdit):
    """The location box's text: a name too long for the box ends in "…" while it is not edited.

    A line edit shows the start of a long text cut off mid-letter ("Boston-Cambridge-Newton,
    MA-N"), which reads as a different name. Without focus this one draws the name elided
    where QLineEdit would draw it; clicking in shows the real text to edit and scroll.
    """

    def text_room(self) -> int:
        """Pixels the box has for its text."""
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        rect = self.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        margins = self.textMargins()
        return rect.width() - margins.left() - margins.right() - 2 * _LINE_EDIT_MARGIN

    def is_shortened(self) -> bool:
        return self.fontMetrics().horizontalAdvance(self.text()) > self.text_room()

    def shown_text(self) -> str:
        """What the box shows: the whole text, or while not edited, the text elided."""
        if self.hasFocus() or not self.is_shortened():
            return self.text()
        elide = Qt.TextElideMode.ElideRight
        return self.fontMetrics().elidedText(self.text(), elide, self.text_room())

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOptionFrame()
        self.initStyleOption(option)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelLineEdit, option, painter, self)
        rect = style.subElementRect(QStyle.SubElement.SE_LineEditContents, option, self)
        rect = rect.marginsRemoved(self.textMargins())
        rect.adjust(_LINE_EDIT_MARGIN, 1, -_LINE_EDIT_MARGIN, -1)
        metrics = self.fontMetrics()
        # Where QLineEdit puts a vertically centred line, so the text does not jump on focus.
        top = rect.y() + (rect.height() - metrics.height() + 1) // 2
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(QPoint(rect.x(), top + metrics.ascent()), shown)


class LocationComboBox(FittedComboBox):
    """The editable location box: a long area name elided, and whole in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.eliding_line = ElidingLineEdit(self)
        self.setLineEdit(self.eliding_line)

    def shown_text(self) -> str:
        return self.eliding_line.shown_text()

    def is_shortened(self) -> bool:
        # Also while the name is being edited: the box then shows only a part of it.
        return bool(self.currentText()) and self.eliding_line.is_shortened()
