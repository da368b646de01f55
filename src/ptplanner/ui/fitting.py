"""What fits: text in the room a 1024-pixel window leaves, and windows on the screen they are on.

:class:`FittedComboBox` and :class:`ElidingLabel` show a shorter form rather than letting Qt cut
the text off mid-letter, and always give the whole text in the tooltip. Used by the Plan and
Salary tabs.

:func:`fit_to_screen` caps a top-level window or dialog to the screen's available area (a laptop
at 1280x720 with 150% scaling has 853x480 logical pixels, less a taskbar);
:func:`first_launch_geometry` and :func:`shrink_onto` are the main window's rules for its first
size and for a size restored from a bigger monitor.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QHelpEvent, QPainter, QPaintEvent, QPalette, QResizeEvent
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


# A first window leaves some of the screen free, as desktop apps do, so it reads as a window.
SCREEN_SHARE = 0.92


def available_geometry(widget: QWidget | None = None) -> QRect:
    """The screen area a window may use (without taskbars and docks), on ``widget``'s screen."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def capped_size(wanted: QSize, available: QRect, share: float = SCREEN_SHARE) -> QSize:
    """``wanted``, no larger than ``share`` of the available area in either direction."""
    return QSize(
        min(wanted.width(), int(available.width() * share)),
        min(wanted.height(), int(available.height() * share)),
    )


def first_launch_geometry(preferred: QSize, available: QRect) -> QRect:
    """A first window: ``preferred`` capped to the screen (:func:`capped_size`), centred on it."""
    size = capped_size(preferred, available)
    rect = QRect(0, 0, size.width(), size.height())
    rect.moveCenter(available.center())
    return rect


def shrink_onto(frame: QRect, available: QRect) -> QRect:
    """``frame`` made no bigger than the available area and moved inside it.

    A frame that already fits comes back unchanged: a window the user sized and placed stays so.
    """
    rect = QRect(frame)
    rect.setWidth(min(rect.width(), available.width()))
    rect.setHeight(min(rect.height(), available.height()))
    rect.moveLeft(max(available.left(), min(rect.left(), available.right() + 1 - rect.width())))
    rect.moveTop(max(available.top(), min(rect.top(), available.bottom() + 1 - rect.height())))
    return rect


def fit_to_screen(widget: QWidget, share: float = SCREEN_SHARE) -> None:
    """Cap a top-level window or dialog to its screen: call it before ``show``/``exec``.

    The window keeps its size if it is within ``share`` of the available area (the rest is for
    its frame and title bar), else it is cut to that; its minimum size is lowered to fit too,
    and a shown window is moved back inside the screen. The content must be able to shrink (a
    scroll area, a text browser, a table): a layout whose minimum is taller than the screen
    keeps that minimum.
    """
    available = available_geometry(widget)
    wanted = (
        widget.size()
        if widget.testAttribute(Qt.WidgetAttribute.WA_Resized)
        else widget.sizeHint().expandedTo(widget.minimumSizeHint())
    )
    size = capped_size(wanted, available, share)
    minimum = widget.minimumSize()
    widget.setMinimumSize(min(minimum.width(), size.width()), min(minimum.height(), size.height()))
    widget.resize(size)
    if widget.isVisible():
        widget.setGeometry(shrink_onto(widget.geometry(), available))
