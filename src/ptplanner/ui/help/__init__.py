"""The user guide: ``show_help`` opens it at a page, ``open_help_link`` follows a guide link.

Anything may put ``<a href="glossary:TERM_ID">`` in rich text and pass a clicked link to
:func:`open_help_link`. The window's module (and its widgets) load only when the guide opens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ptplanner.ui.help.window import HelpWindow

__all__ = ["find_help_window", "open_help_link", "show_help"]


def find_help_window() -> HelpWindow | None:
    """The guide's window if it is open (there is at most one per application)."""
    from PySide6.QtWidgets import QApplication

    from ptplanner.ui.help.window import HelpWindow

    for widget in QApplication.topLevelWidgets():
        # A closed guide is hidden until its deferred delete: never hand that one out.
        if isinstance(widget, HelpWindow) and widget.isVisible():
            return widget
    return None


def show_help(parent: QWidget | None = None, page: str = "index", anchor: str = "") -> None:
    """Open the guide at ``page`` (and ``anchor``), or bring the open one forward there.

    Pages: "index", "overview", "day", "salary", "plan", "estimate", "glossary"; the glossary's
    anchors are the term ids. An unknown page raises KeyError.
    """
    from ptplanner.ui.fitting import fit_to_screen
    from ptplanner.ui.help.window import HelpWindow

    window = find_help_window()
    if window is None:
        window = HelpWindow(parent.window() if parent is not None else None)
        window.open_page(page, anchor)
        fit_to_screen(window)
    else:
        window.open_page(page, anchor)
    window.show()
    window.raise_()
    window.activateWindow()


def open_help_link(parent: QWidget | None, href: str) -> bool:
    """Open the guide where ``href`` leads ("glossary:TERM_ID", "salary.html#...").

    Returns False, doing nothing, for a link that does not lead into the guide.
    """
    from ptplanner.ui.help.pages import resolve

    target = resolve(href)
    if target is None:
        return False
    show_help(parent, target.page, target.anchor)
    return True
