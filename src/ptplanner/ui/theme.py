"""The colour scheme: following the system's light or dark scheme, or the one picked in View.

Both the application's start-up (:mod:`ptplanner.ui.app`) and the window's View menu
(:mod:`ptplanner.ui.main_window`) apply a scheme through here.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    """A dark palette for Fusion, used when the user picks Dark or the platform cannot switch."""
    palette = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    colours = {
        role.Window: "#2b2b2e",
        role.WindowText: "#e8e8ea",
        role.Base: "#1e1e21",
        role.AlternateBase: "#28282c",
        role.ToolTipBase: "#3a3a3f",
        role.ToolTipText: "#f0f0f0",
        role.PlaceholderText: "#8d8d94",
        role.Text: "#e8e8ea",
        role.Button: "#35353a",
        role.ButtonText: "#e8e8ea",
        role.BrightText: "#ff6b6b",
        role.Light: "#4a4a50",
        role.Midlight: "#3d3d42",
        role.Mid: "#2f2f33",
        role.Dark: "#19191b",
        role.Shadow: "#0d0d0e",
        role.Highlight: "#2f7fc1",
        role.HighlightedText: "#ffffff",
        role.Link: "#6cb4ee",
        role.LinkVisited: "#b48ee8",
    }
    for colour_role, value in colours.items():
        palette.setColor(colour_role, QColor(value))
    for colour_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(group.Disabled, colour_role, QColor("#7a7a80"))
    return palette


def apply_colour_scheme(choice: str) -> None:
    """Follow the system's light or dark scheme unless the user chose one in View.

    ``choice`` is the preference's value: "system", "light" or "dark".

    Qt 6 follows the desktop's scheme by itself where the platform reports it; an explicit
    choice also sets Fusion's palette, because not every platform honours a requested scheme.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    # Imported here: PySide6 builds the Qt namespace's hundred enums on its first import, time
    # the window's first paint does not need (start() skips "system", the default).
    from PySide6.QtCore import Qt

    hints = QGuiApplication.styleHints()
    scheme = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        choice, Qt.ColorScheme.Unknown
    )
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
    # An application palette also drops every class's own palette: set the check boxes' after.
    if choice == "dark":
        from ptplanner.ui.widgets import check_box_palette

        palette = dark_palette()
        app.setPalette(palette)
        # PySide6's type hints say bytes for the class name, but only a str is accepted.
        app.setPalette(check_box_palette(palette), "QCheckBox")  # type: ignore[arg-type]
    else:
        # Fusion's standard palette is light, or dark when the platform reports a dark scheme.
        style = app.style()
        app.setPalette(style.standardPalette() if style is not None else QPalette())
