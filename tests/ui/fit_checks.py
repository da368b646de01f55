"""What a person sees and does, for several tabs' tests (tests/ui/conftest.py has the fixtures).

``widgets_cut_off`` walks the visible labels, buttons, combo and spin boxes under a widget and
lists those whose text does not fit its room, or that reach past the edge of what holds them.
Text shortened on purpose (an eliding label, a fitted combo box) counts as fitting only when the
tooltip a person gets by resting the mouse on it has the whole text. Each tab's test adds the
checks of its own views (tree or table headers and cells). ``clipped_labels`` is the lighter
check of the Overview and Day tabs, whose text is all labels.

Also here: resting the mouse for a tooltip, right-clicking and choosing from the menu that opens,
showing a window until it is active, :class:`MenuWindow` (the menus a plan controller's actions go
to, without the whole app), and the types of the fixtures in tests/ui/conftest.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TypeVar

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QStyle,
    QStyleOptionComboBox,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from ptplanner.ui.fitting import ElidingLabel, FittedComboBox

if TYPE_CHECKING:
    from ptplanner.ui.main_window import MainWindow
    from ptplanner.ui.tabs.plan.controller import PlanController

ShownWidget = TypeVar("ShownWidget", bound=QWidget)


class ShowWidget(Protocol):
    """The ``show_widget`` fixture: show ``widget`` (at ``size``) and wait until it is exposed."""

    def __call__(
        self, widget: ShownWidget, size: tuple[int, int] | None = None, *, settle: bool = False
    ) -> ShownWidget: ...


class OpenMainWindow(Protocol):
    """The ``open_main_window`` fixture: the app's window, shown (at ``size``) and active."""

    def __call__(self, size: tuple[int, int] | None = None) -> MainWindow: ...


class MenuWindow(QMainWindow):
    """What the main window offers a plan controller: File and Edit menus, the separator above
    which the plan-file actions go, and a status bar for its messages."""

    def __init__(self) -> None:
        super().__init__()
        self.file_menu = self.menuBar().addMenu("&File")
        self.plan_file_separator = self.file_menu.addSeparator()
        self.file_menu.addAction("&Quit")
        self.edit_menu = self.menuBar().addMenu("&Edit")

    def show_plan(self, controller: PlanController) -> None:
        """Wire the plan's menu actions and messages in, as the main window does."""
        from ptplanner.ui.tabs.plan.menu_actions import PlanMenuActions

        controller.dialog_parent = self
        actions = PlanMenuActions(controller, self)
        self.file_menu.insertActions(self.plan_file_separator, actions.file_actions())
        self.edit_menu.addActions(actions.edit_actions())
        controller.message.connect(self.show_message)
        if controller.notice:
            self.statusBar().showMessage(controller.notice, 20000)

    def show_message(self, _level: str, text: str) -> None:
        self.statusBar().showMessage(text, 8000)


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


def show_active(qtbot: QtBot, window: QWidget, size: tuple[int, int] | None = None) -> None:
    """Show ``window`` (at ``size`` if given) and wait until it is the active window."""
    qtbot.addWidget(window)
    if size is not None:
        window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def open_main_window(qtbot: QtBot, size: tuple[int, int] | None = None) -> MainWindow:
    """The app's window, shown (at ``size`` if given) and active, as a person has it.

    Being replaced by the ``open_main_window`` fixture of tests/ui/conftest.py.
    """
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


def _eliding_label(widget: ElidingLabel, name: str) -> list[str]:
    text = widget.text()
    if widget.shown_text() != text and hover_tip(widget) != text:
        return [f"{name}: {text[:40]!r} elided without a tooltip"]
    return []


def _label(widget: QLabel, name: str, text: str) -> list[str]:
    if widget.wordWrap():
        if widget.heightForWidth(widget.width()) > widget.height():
            return [f"{name}: {text[:40]!r} wrapped into too little height"]
        return []
    room = widget.contentsRect().width() - 2 * widget.margin()
    room -= max(0, widget.indent())
    if widget.fontMetrics().horizontalAdvance(text) > room:
        return [f"{name}: {text[:40]!r} needs more than {room} px"]
    return []


def _fitted_combo(widget: FittedComboBox, name: str) -> list[str]:
    problems = []
    text = widget.currentText()
    shown = widget.shown_text()
    if widget.fontMetrics().horizontalAdvance(shown) > widget.text_room():
        problems.append(f"{name}: {shown!r} does not fit")
    if shown != text and text not in hover_tip(widget):
        problems.append(f"{name}: shows {shown!r} with no tooltip for {text!r}")
    return problems


def _combo(widget: QComboBox, name: str, *, plain_combos: bool) -> list[str]:
    text = widget.currentText()
    if not plain_combos:
        return [f"{name}: a plain combo box cuts a long choice off"]
    if widget.fontMetrics().horizontalAdvance(text) > combo_text_room(widget):
        return [f"{name}: {text!r} does not fit"]
    return []


def _button(widget: QAbstractButton, name: str, text: str) -> list[str]:
    if text and widget.sizeHint().width() > widget.width():
        return [f"{name}: {text!r} needs {widget.sizeHint().width()} px"]
    return []


def _spin_box(widget: QAbstractSpinBox, name: str) -> tuple[str, list[str]]:
    line = widget.findChild(QLineEdit)
    if line is None:
        return "", []
    text = line.text()
    if widget.fontMetrics().horizontalAdvance(text) > line.width() - 4:
        return text, [f"{name}: {text!r} does not fit"]
    return text, []


def text_problems(
    widget: QWidget, name: str, *, plain_combos: bool
) -> tuple[str, list[str]] | None:
    """The text ``widget`` shows and what keeps a person from reading it whole.

    None for a widget these checks do not cover, and for a label with no text.
    """
    if isinstance(widget, ElidingLabel):
        return widget.text(), _eliding_label(widget, name)
    if isinstance(widget, QLabel):
        text = without_mnemonic(widget.text()) if widget.buddy() else widget.text()
        return (text, _label(widget, name, text)) if text else None
    if isinstance(widget, FittedComboBox):
        return widget.currentText(), _fitted_combo(widget, name)
    if isinstance(widget, QComboBox):
        return widget.currentText(), _combo(widget, name, plain_combos=plain_combos)
    if isinstance(widget, QAbstractButton):
        text = without_mnemonic(widget.text())
        return text, _button(widget, name, text)
    if isinstance(widget, QAbstractSpinBox):
        return _spin_box(widget, name)
    return None


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
        checked = text_problems(widget, name, plain_combos=plain_combos)
        if checked is None:
            continue
        text, found = checked
        problems += found
        # Whatever holds it shows all of its width: panels scroll up and down, never sideways,
        # and nothing runs off the window's right edge.
        visible = widget.visibleRegion().boundingRect()
        if not visible.isEmpty() and visible.width() < widget.width():
            problems.append(f"{name}: {text[:40]!r} is cut off at the side")
    return problems


def plain(label: QLabel) -> str:
    """What a reader sees in a label (rich text turned into plain text)."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def clipped_labels(root: QWidget) -> list[str]:
    """Visible labels under ``root`` whose text needs more room than they were given."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text():
            continue
        if label.wordWrap():
            if label.heightForWidth(label.width()) > label.height():
                problems.append(f"{plain(label)[:50]!r}: too short")
        elif label.sizeHint().width() > label.width():
            problems.append(f"{plain(label)[:50]!r}: too narrow")
    return problems
