"""The Overview's cards from the keyboard: Tab stops on each card, which then shows a highlighted
border and tint, and Ctrl+C, the Menu key or Shift+F10 give its "Copy text" as a right-click does.

An event filter rather than a card subclass, so the section modules keep building plain
:class:`~ptplanner.ui.widgets.Card` objects.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ptplanner.ui.widgets import Card, mix

COPY_HINT = "Press Ctrl+C to copy its text and sources, or the Menu key for more."
"""The accessible description of every card that takes focus."""


class CardKeys(QObject):
    """Makes cards keyboard stops: focusable by Tab, drawn highlighted while focused."""

    def add(self, card: Card) -> None:
        card.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        card.setAccessibleDescription(COPY_HINT)
        card.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, Card):
            return False
        kind = event.type()
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            _show_focus(watched, kind == QEvent.Type.FocusIn)
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return _key(watched, event)
        return False


def _show_focus(card: Card, focused: bool) -> None:
    if not focused:
        card.setPalette(QPalette())  # back to the inherited palette
        return
    # The card paints its border in Mid and its face in Base: a highlight border on a tinted
    # face stands out in light and dark schemes alike.
    palette = QPalette(card.palette())
    highlight = palette.color(QPalette.ColorRole.Highlight)
    palette.setColor(QPalette.ColorRole.Mid, highlight)
    palette.setColor(
        QPalette.ColorRole.Base, mix(highlight, palette.color(QPalette.ColorRole.Base), 0.14)
    )
    card.setPalette(palette)


def _key(card: Card, event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Copy):
        card.copy_text()
        return True
    if event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier:
        where = QPoint(12, 12)
        menu_event = QContextMenuEvent(
            QContextMenuEvent.Reason.Keyboard, where, card.mapToGlobal(where)
        )
        QApplication.sendEvent(card, menu_event)
        return True
    return False


def focused_card(root: QWidget) -> Card | None:
    """The card under ``root`` that has the keyboard focus, if any (for tests)."""
    focus = QApplication.focusWidget()
    return focus if isinstance(focus, Card) and root.isAncestorOf(focus) else None
