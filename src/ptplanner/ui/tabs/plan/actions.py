"""The Plan tab's actions on steps (add, delete, move, indent, tick off, find): their names,
keys, tips and icons, which of them the current step allows, and their tool buttons.

What each action does is the tab's (it is given the slots); this module only builds and enables
the actions.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget

from ptplanner.ui.tabs.plan.paint import glyph_icon


@dataclass(frozen=True)
class StepAction:
    """How one action is offered."""

    key: str
    text: str
    shortcuts: tuple[str, ...]
    tip: str
    on_tree: bool
    """Its keys act only while the tree has focus (they mean something else in a text box)."""
    icon: str | None = None
    """The name of its :func:`~ptplanner.ui.tabs.plan.paint.glyph_icon`, if it has one."""
    short_text: str | None = None
    """What its tool button says, where the full text would be long."""


STEP_ACTIONS = (
    StepAction(
        "add", "Add step", ("Ins", "Ctrl+N"), "Add a step after the selected one", False, "add"
    ),
    StepAction(
        "add_sub",
        "Add sub-step",
        ("Ctrl+Shift+N",),
        "Add a sub-step under the selected step",
        False,
        "sub",
        "Sub-step",
    ),
    StepAction(
        "delete",
        "Delete",
        ("Del",),
        "Delete the selected step and its sub-steps",
        True,
        "delete",
    ),
    StepAction("up", "Move up", ("Ctrl+Up",), "Move the selected step up", True, "up", "Up"),
    StepAction(
        "down", "Move down", ("Ctrl+Down",), "Move the selected step down", True, "down", "Down"
    ),
    StepAction(
        "indent",
        "Indent",
        ("Ctrl+Right",),
        "Make the step a sub-step of the one above",
        True,
        "indent",
    ),
    StepAction(
        "outdent",
        "Outdent",
        ("Ctrl+Left",),
        "Move the step out of its parent step",
        True,
        "outdent",
    ),
    StepAction(
        "toggle",
        "Mark done / not done",
        ("Space", "Ctrl+Return"),
        "Tick the selected step off, or un-tick it",
        True,
        "done",
    ),
    StepAction("find", "Find", ("Ctrl+F",), "Search the steps", False),
)

EDITING_KEYS = ("add", "add_sub", "delete", "up", "down", "indent", "outdent", "toggle")
"""The actions that change the plan: none of them is offered in a read-only window."""


def _make_action(spec: StepAction, slot: Callable[[], object], parent: QWidget) -> QAction:
    action = QAction(spec.text, parent)
    action.setObjectName(f"plan-{spec.key}")
    tip = spec.tip
    if spec.shortcuts:
        action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
        keys = ", ".join(
            QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in spec.shortcuts
        )
        tip = f"{tip} ({keys})"
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if spec.icon:
        action.setData(spec.icon)
    # Keys that mean something inside a text box (Delete, Space, Ctrl+arrows) act on steps
    # only while the tree has focus; adding steps works anywhere in the tab.
    context = (
        Qt.ShortcutContext.WidgetShortcut
        if spec.on_tree
        else Qt.ShortcutContext.WidgetWithChildrenShortcut
    )
    action.setShortcutContext(context)
    action.triggered.connect(lambda _checked=False: slot())
    if spec.short_text:
        action.setIconText(spec.short_text)
    return action


class StepActions:
    """The actions of :data:`STEP_ACTIONS`, by key, each calling ``slots[key]``."""

    def __init__(self, slots: Mapping[str, Callable[[], object]], parent: QWidget) -> None:
        self._actions = {
            spec.key: _make_action(spec, slots[spec.key], parent) for spec in STEP_ACTIONS
        }

    def __getitem__(self, key: str) -> QAction:
        return self._actions[key]

    def attach(self, tree: QWidget, tab: QWidget) -> None:
        """Put the step actions on the tree (keys and context menu) and the rest on the tab."""
        actions = self._actions
        for key in ("delete", "up", "down", "indent", "outdent", "toggle"):
            tree.addAction(actions[key])
        separator = QAction(tab)
        separator.setSeparator(True)
        for key in ("add", "add_sub", "find"):
            tab.addAction(actions[key])
        # The context menu starts with adding and ticking off, then the rest.
        for key in ("add", "add_sub", "toggle"):
            tree.insertAction(actions["delete"], actions[key])
        tree.insertAction(actions["delete"], separator)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def tool_button(self, key: str) -> QToolButton:
        # Buttons show the action's short icon text ("Up"); menus and screen readers get the
        # full text ("Move up").
        action = self._actions[key]
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(action.text())
        button.setAutoRaise(False)
        button.setIconSize(QSize(16, 16))
        button.setObjectName(f"{action.objectName()}-button")
        return button

    def refresh_icons(self, colour: QColor) -> None:
        """Draw the icons again in ``colour`` (the palette's button text)."""
        for action in self._actions.values():
            name = action.data()
            if isinstance(name, str):
                action.setIcon(glyph_icon(name, colour))

    def set_editable(self, editable: bool) -> None:
        for key in EDITING_KEYS:
            self._actions[key].setEnabled(editable)

    def enable_for(
        self, place: tuple[str | None, int] | None, siblings: int, editable: bool
    ) -> None:
        """Enable what makes sense for the current step at ``place`` (its parent's id and its
        row, None if no step is current) among ``siblings`` steps."""
        actions = self._actions
        has = place is not None
        actions["add_sub"].setEnabled(editable and has)
        actions["delete"].setEnabled(editable and has)
        actions["toggle"].setEnabled(editable and has)
        actions["up"].setEnabled(editable and place is not None and place[1] > 0)
        actions["down"].setEnabled(editable and place is not None and place[1] < siblings - 1)
        actions["indent"].setEnabled(editable and place is not None and place[1] > 0)
        actions["outdent"].setEnabled(editable and place is not None and place[0] is not None)
