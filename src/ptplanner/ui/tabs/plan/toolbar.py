"""The tools above the Plan tree: one row with the search box and status filter on the left and
the buttons of the step actions on the right, and the line under it that says how many steps
match while a filter hides some.

The toolbar only says what to show; the tab applies it to the tree model (keeping the tree's
shape, see :meth:`~ptplanner.ui.tabs.plan.tree_view.PlanTreeView.change_filter`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from ptplanner.core.plan.filter import STATUS_FILTERS
from ptplanner.ui.accessibility import announce, name_with_value, set_value
from ptplanner.ui.tabs.plan.actions import StepActions

SEARCH_PAUSE_MS = 120
"""A search that would show more than INSTANT_SEARCH_ROWS rows waits this long for more typing."""
INSTANT_SEARCH_ROWS = 2000
"""Searches showing up to this many rows (expanded) filter as each key is typed."""


BUTTON_GROUPS = (
    ("add", "add_sub", "delete"),
    ("up", "down", "indent", "outdent"),
)
"""The step actions with a button, in groups set a little apart."""


class PlanToolbar(QWidget):
    """The search box, the status filter and the step buttons.

    ``search_changed`` carries the search to apply, once typing allows (see
    :meth:`_on_search_typed`); ``status_changed`` the key of the status filter chosen.
    ``rows_for_search`` says how many rows a search would show (None if it shows all).
    """

    search_changed = Signal(str)
    status_changed = Signal(str)

    def __init__(
        self,
        rows_for_search: Callable[[str], int | None],
        actions: StepActions,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows_for_search = rows_for_search
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText("Search milestones…")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName("Search milestones")
        self.search_edit.setToolTip("Find steps by words in their title or notes (Ctrl+F)")
        self.search_edit.setMinimumWidth(150)
        self.search_edit.setMaximumWidth(280)
        row.addWidget(self.search_edit, 1)
        self.status_filter = QComboBox()
        # A visible label with a buddy: on Linux a screen reader otherwise names a combo box
        # after its current choice, and speech-input users say the words they see.
        status_label = QLabel("Sho&w")
        status_label.setBuddy(self.status_filter)
        self.status_filter.setAccessibleName("Show steps")
        self.status_filter.setToolTip("Show only steps with this status")
        for key, label in STATUS_FILTERS:
            self.status_filter.addItem(label, key)
        # As wide as its longest choice ("Open (not done or skipped)"): the row has the room
        # at 1024 px, and a choice cut short would hide what the list is showing.
        self.status_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(status_label)
        row.addWidget(self.status_filter)
        row.addSpacing(8)
        self.buttons: dict[str, QToolButton] = {}
        for n, group in enumerate(BUTTON_GROUPS):
            if n:
                row.addSpacing(8)
            for key in group:
                button = actions.tool_button(key)
                self.buttons[key] = button
                row.addWidget(button)
        row.addStretch(1)
        self._compact = False
        self._words: int | None = None

        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self.apply_search)
        self.search_edit.textChanged.connect(self._on_search_typed)
        self.status_filter.currentIndexChanged.connect(self._on_status_chosen)

    # --- room: words on the buttons where they fit, icons alone where not --------------------

    def _words_width(self) -> int:
        """What the words beside the buttons' icons add to the row's width (measured once)."""
        if self._words is None:
            extra = 0
            for button in self.buttons.values():
                style = button.toolButtonStyle()
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
                extra += button.sizeHint().width()
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
                extra -= button.sizeHint().width()
                button.setToolButtonStyle(style)
            self._words = extra
        return self._words

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._words = None
        super().changeEvent(event)

    def minimumSizeHint(self) -> QSize:
        # The icons alone, so that a window at 1280x720 with 150% scaling (853 px) still fits.
        hint = super().minimumSizeHint()
        if not self._compact:
            hint.setWidth(hint.width() - self._words_width())
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        full = self.minimumSizeHint().width() + self._words_width()
        self.set_compact(event.size().width() < full)

    def set_compact(self, compact: bool) -> None:
        """Icons alone on the buttons (their names in tooltips and to screen readers)."""
        if compact == self._compact:
            return
        self._compact = compact
        style = (
            Qt.ToolButtonStyle.ToolButtonIconOnly
            if compact
            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
        )
        for button in self.buttons.values():
            button.setToolButtonStyle(style)

    def _on_search_typed(self, text: str) -> None:
        # Matching every step is quick even in a 10,000-step plan; laying out the rows a search
        # shows takes longer the more there are. A word's first letters can match most of a big
        # plan, so a search that would show thousands of rows waits for a pause in typing
        # instead of expanding them all only to narrow them a keystroke later. Any other search
        # shows as soon as the keys already typed have been handled (a zero timer, so a burst
        # of keys filters once).
        rows = self._rows_for_search(text)
        quick = rows is None or rows <= INSTANT_SEARCH_ROWS
        self.search_timer.start(0 if quick else SEARCH_PAUSE_MS)

    def apply_search(self) -> None:
        """Apply what the search box says now, without waiting for a pause in typing."""
        self.search_timer.stop()
        self.search_changed.emit(self.search_edit.text())

    def _on_status_chosen(self, _row: int) -> None:
        self.status_changed.emit(self.status_key())

    def status_key(self) -> str:
        return str(self.status_filter.currentData())

    def set_search(self, text: str) -> None:
        """Type into the search box and filter at once (no typing pause)."""
        self.search_edit.setText(text)
        self.apply_search()

    def clear_search(self) -> None:
        """Empty the search box (an undoable edit in it) and show every step it hid."""
        self.search_edit.clear()
        self.apply_search()

    def set_status_filter(self, key: str) -> None:
        index = self.status_filter.findData(key)
        if index >= 0:
            self.status_filter.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()


class FilterResultBar(QWidget):
    """ "3 of 40 steps match", and a button to show all steps; hidden while nothing is filtered.

    The tab connects ``clear_button``.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.label = QLabel()
        name_with_value(self.label, "Filter result")
        self.clear_button = QPushButton("Show all steps")
        self.clear_button.setAccessibleName("Show all steps")
        row.addWidget(self.label)
        row.addWidget(self.clear_button)
        row.addStretch(1)
        self.hide()

    def show_counts(self, matching: int, total: int) -> None:
        """Say how many of the ``total`` steps match a filter, show the bar and announce it."""
        if matching:
            text = f"{matching} of {total} steps match (steps they belong to are shown too)."
        else:
            text = f"No steps match; {total} are hidden."
        changed = text != self.label.text() or self.isHidden()
        set_value(self.label, text)
        self.show()
        if changed:
            announce(self.label, text)
