"""Colours the Plan tab's widgets share: a notice's tints, the green of done, and text colour set
through the palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget

from ptplanner.ui.tabs.plan.status_icons import is_dark

BANNER_COLOURS: dict[str, tuple[str, str, str, str, str, str]] = {
    # level: (light background, light border, light text, dark background, dark border, dark text)
    "info": ("#e8f1fc", "#7aa7dd", "#133a63", "#1d2c3d", "#3f6a9c", "#cfe2fa"),
    "notice": ("#fff5dc", "#d9a634", "#4f3a00", "#3a3120", "#9c7a2c", "#f4deaa"),
    "warning": ("#fdecd9", "#d98a3c", "#5a2d00", "#3d2a1a", "#a7662a", "#f6d2b0"),
    "error": ("#fbe6e4", "#d65a50", "#6a1510", "#402020", "#b0493f", "#f7c9c4"),
}


def banner_colours(level: str, palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Background, border and text of a notice of ``level`` ("info" if unknown) on ``palette``."""
    colours = BANNER_COLOURS.get(level, BANNER_COLOURS["info"])
    background, border, text = colours[3:] if is_dark(palette) else colours[:3]
    return QColor(background), QColor(border), QColor(text)


def done_colour(palette: QPalette) -> QColor:
    """The green of work done: progress bars in the tree and done markers on the timeline."""
    return QColor("#3f9a5a" if not is_dark(palette) else "#57b36f")


def set_text_colour(widget: QWidget, colour: QColor) -> None:
    """Draw ``widget``'s text (a label's or a button's) in ``colour``."""
    # A palette, not a style sheet: the first style sheet in a window makes Qt parse it and
    # give the widget and all its children a style-sheet style, on every open of the tab.
    palette = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(role, colour)
    widget.setPalette(palette)
