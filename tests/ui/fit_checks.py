"""Shared by the "nothing is clipped" tests of the Plan and Salary tabs: what a person sees.

``widgets_cut_off`` walks the visible labels, buttons, combo and spin boxes under a widget and
lists those whose text does not fit its room, or that reach past the edge of what holds them.
Text shortened on purpose (an eliding label, a fitted combo box) counts as fitting only when the
tooltip a person gets by resting the mouse on it has the whole text. Each tab's test adds the
checks of its own views (tree or table headers and cells).

Also here, what a person does that several tabs' tests need: opening the app's window, resting
the mouse for a tooltip, right-clicking and choosing from the menu that opens.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QToolTip,
    QWidget,
)
from shiboken6 import isValid

from ptplanner.ui.fitting import ElidingLabel, FittedComboBox


def without_mnemonic(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def tip_at(widget: QWidget, point: QPoint) -> str:
    """The tooltip a person sees resting the mouse at ``point`` of ``widget``."""
    under = widget.childAt(point) or widget
    at = under.mapFrom(widget, point)
    QToolTip.hideText()
    QApplication.sendEvent(under, QHelpEvent(QEvent.Type.ToolTip, at, under.mapToGlobal(at)))
    text = QToolTip.text() if QToolTip.isVisible() else ""
    QToolTip.hideText()
    return text


def hover_tip(widget: QWidget) -> str:
    """The tooltip a person sees resting the mouse on the middle of ``widget``."""
    return tip_at(widget, widget.rect().center())


def show_active(qtbot, window: QWidget, size: tuple[int, int] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Show ``window`` (at ``size`` if given) and wait until it is the active window."""
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def open_main_window(qtbot, size: tuple[int, int] | None = None):  # type: ignore[no-untyped-def]
    """The app's window, shown (at ``size`` if given) and active, as a person has it."""
    from ptplanner.ui.main_window import MainWindow

    window = MainWindow()
    show_active(qtbot, window, size)
    return window


def right_click_first_item(widget: QWidget, point: QPoint) -> str:
    """Right-click ``widget`` at ``point`` and choose the first item of the menu; its text.

    The event goes where a click lands, and Qt passes it on to the parents from there. An empty
    string if no menu opened.
    """
    chosen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if isinstance(menu, QMenu):
            action = menu.actions()[0]
            chosen.append(action.text())
            action.trigger()
            menu.close()

    QTimer.singleShot(50, pick)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)
    return chosen[0] if chosen else ""


def settle() -> None:
    # Layout requests are posted events: run them, as they have run before a person looks.
    QApplication.processEvents()
    QApplication.processEvents()


def combo_text_room(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width() - 2  # the style draws the text a pixel in from each side


def widgets_cut_off(root: QWidget, *, plain_combos: bool) -> list[str]:
    """Problems a person would see under ``root``, one line each.

    ``plain_combos``: whether a plain QComboBox is acceptable when its current choice fits (a
    tab whose choices can be long must use :class:`FittedComboBox`, so there it never is).
    """
    problems: list[str] = []
    for widget in root.findChildren(QWidget):
        # A tooltip shown while checking is a child of its widget, and goes when hidden.
        if not isValid(widget) or widget.isWindow():
            continue
        if not widget.isVisibleTo(root) or not widget.isVisible():
            continue
        name = f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
        metrics = widget.fontMetrics()
        text = ""
        if isinstance(widget, ElidingLabel):
            text = widget.text()
            if widget.shown_text() != text and hover_tip(widget) != text:
                problems.append(f"{name}: {text[:40]!r} elided without a tooltip")
        elif isinstance(widget, QLabel):
            text = without_mnemonic(widget.text()) if widget.buddy() else widget.text()
            if not text:
                continue
            if widget.wordWrap():
                if widget.heightForWidth(widget.width()) > widget.height():
                    problems.append(f"{name}: {text[:40]!r} wrapped into too little height")
            else:
                room = widget.contentsRect().width() - 2 * widget.margin()
                room -= max(0, widget.indent())
                if metrics.horizontalAdvance(text) > room:
                    problems.append(f"{name}: {text[:40]!r} needs more than {room} px")
        elif isinstance(widget, FittedComboBox):
            text = widget.currentText()
            shown = widget.shown_text()
            if metrics.horizontalAdvance(shown) > widget.text_room():
                problems.append(f"{name}: {shown!r} does not fit")
            if shown != text and text not in hover_tip(widget):
                problems.append(f"{name}: shows {shown!r} with no tooltip for {text!r}")
        elif isinstance(widget, QComboBox):
            text = widget.currentText()
            if not plain_combos:
                problems.append(f"{name}: a plain combo box cuts a long choice off")
            elif metrics.horizontalAdvance(text) > combo_text_room(widget):
                problems.append(f"{name}: {text!r} does not fit")
        elif isinstance(widget, QAbstractButton):
            text = without_mnemonic(widget.text())
            if text and widget.sizeHint().width() > widget.width():
                problems.append(f"{name}: {text!r} needs {widget.sizeHint().width()} px")
        elif isinstance(widget, QAbstractSpinBox):
            line = widget.findChild(QLineEdit)
            text = line.text() if line is not None else ""
            if line is not None and metrics.horizontalAdvance(text) > line.width() - 4:
                problems.append(f"{name}: {text!r} does not fit")
        else:
            continue
        # Whatever holds it shows all of its width: panels scroll up and down, never sideways,
        # and nothing runs off the window's right edge.
        visible = widget.visibleRegion().boundingRect()
        if not visible.isEmpty() and visible.width() < widget.width():
            problems.append(f"{name}: {text[:40]!r} is cut off at the side")
    return problems
