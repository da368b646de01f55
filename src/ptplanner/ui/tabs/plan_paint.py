"""Colours, small painted pictures and text that fits: how the Plan tab draws what it shows.

The glyphs and the empty-state card are drawn with QPainter in the palette's own colours, so they
need no icon theme, stay sharp at any scale and follow the light and dark schemes.

:class:`FittedComboBox` and :class:`ElidingLabel` are for text that may not fit the room a
1024-pixel window leaves: they show a shorter form rather than letting Qt cut the text off
mid-letter, and always give the whole text in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QIcon,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QToolTip,
    QWidget,
)

from ptplanner.ui.plan_model import is_dark


def mix(a: QColor, b: QColor, weight: float) -> QColor:
    """``weight`` of ``a`` over ``b``."""
    return QColor(
        round(a.red() * weight + b.red() * (1 - weight)),
        round(a.green() * weight + b.green() * (1 - weight)),
        round(a.blue() * weight + b.blue() * (1 - weight)),
    )


def muted(palette: QPalette) -> QColor:
    # 62% text over the window colour stays above 4.5:1 contrast in light and dark schemes.
    return mix(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window), 0.62
    )


def glyph_icon(name: str, colour: QColor) -> QIcon:
    """Small line icons for the toolbar, drawn in the button text colour (light and dark)."""
    size = 32
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, 3.0)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)

    def line(x1: float, y1: float, x2: float, y2: float) -> None:
        painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))

    if name == "add":
        line(16, 7, 16, 25)
        line(7, 16, 25, 16)
    elif name == "sub":
        line(8, 6, 8, 18)
        line(8, 18, 15, 18)
        line(22, 11, 22, 25)
        line(15, 18, 29, 18)
    elif name == "delete":
        line(9, 10, 23, 10)
        line(13, 10, 13, 7)
        line(13, 7, 19, 7)
        line(19, 7, 19, 10)
        painter.drawPolyline(
            [QPointF(10.5, 10), QPointF(12, 26), QPointF(20, 26), QPointF(21.5, 10)]
        )
    elif name in {"up", "down"}:
        sign = -1 if name == "up" else 1
        line(16, 7, 16, 25)
        tip = 16 + sign * 9
        line(16, tip, 10, tip - sign * 6)
        line(16, tip, 22, tip - sign * 6)
    elif name in {"indent", "outdent"}:
        for y in (8, 24):
            line(6, y, 26, y)
        line(16, 16, 26, 16)
        if name == "indent":
            painter.drawPolyline([QPointF(6, 12), QPointF(11, 16), QPointF(6, 20)])
        else:
            painter.drawPolyline([QPointF(11, 12), QPointF(6, 16), QPointF(11, 20)])
    elif name == "done":
        painter.drawPolyline([QPointF(7, 17), QPointF(13, 23), QPointF(25, 9)])
    painter.end()
    return QIcon(pixmap)


def checklist_picture(palette: QPalette, ratio: float = 1.0) -> QPixmap:
    """The empty state's picture: a card with one step ticked off and two to go."""
    width, height = 96, 84
    pixmap = QPixmap(round(width * ratio), round(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    base = palette.color(QPalette.ColorRole.Base)
    line = mix(palette.color(QPalette.ColorRole.Text), base, 0.25)
    accent = palette.color(QPalette.ColorRole.Highlight)
    done = QColor("#57b36f" if is_dark(palette) else "#3f9a5a")
    painter.setPen(QPen(mix(palette.color(QPalette.ColorRole.Text), base, 0.35), 1.5))
    painter.setBrush(base)
    painter.drawRoundedRect(QRectF(8, 4, 80, 76), 10, 10)
    for row in range(3):
        y = 22 + row * 20
        centre = QPointF(26, y)
        if row == 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(done)
            painter.drawEllipse(centre, 7, 7)
            tick = QPen(QColor("#ffffff"), 2.2)
            tick.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(tick)
            painter.drawPolyline([QPointF(22.5, y), QPointF(25.5, y + 3), QPointF(30, y - 3)])
        else:
            painter.setPen(QPen(accent, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, 6.5, 6.5)
        pen = QPen(line, 5)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(42, y), QPointF(74 - row * 8, y))
    painter.end()
    return pixmap


# --- text that fits ------------------------------------------------------------------------------


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

    def tooltip_text(self) -> str:
        """The tooltip as it would show now: the whole choice when it is shortened, then the
        box's own tooltip."""
        full = self.currentText()
        shortened = bool(full) and self.shown_text() != full
        return "\n".join(t for t in (full if shortened else "", self.toolTip()) if t)

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
