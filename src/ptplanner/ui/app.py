"""Starting the desktop application: QApplication, icon, colour scheme, the main window.

Only this module and the ``ui`` package import Qt; ``ptplanner.cli.main`` imports it inside
``run_window`` so the command line never pays for Qt. Nothing here imports pydantic or the
knowledge base: the window is shown first and loads them just after its first paint (see
``MainWindow``), so start-up costs little more than Qt itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

# pyqtgraph picks the first Qt binding it finds; name ours before anything imports it.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMainWindow

from ptplanner.core.resources import ResourceError, resource_path

APP_ID = "io.github.ptplanner.PTPlanner"


def app_icon() -> QIcon:
    icon = QIcon()
    try:
        # PNGs, not the SVG: they do not depend on Qt's SVG icon-engine plugin being present.
        for size in (16, 24, 32, 48, 64, 128, 256, 512):
            name = f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png"
            icon.addFile(str(resource_path(name)))
    except ResourceError:
        pass  # a missing icon is cosmetic; never refuse to start over it
    return icon


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
    # Imported here: PySide6 builds the Qt namespace's hundred enums on its first import, about
    # 40 ms that the window's first paint does not need (start() skips "system", the default).
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


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("ptplanner")
    app.setApplicationDisplayName("PT Planner")
    app.setOrganizationName("ptplanner")
    app.setDesktopFileName(APP_ID)
    # Fusion draws the same on every platform and honours the light/dark colour scheme.
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    return app


def start(before_show: Callable[[QMainWindow], object] | None = None) -> QMainWindow:
    """Create the application and show the main window, as a user's launch does.

    The window loads its content just after the first paint; the start-up benchmark in
    ``bench/`` times exactly this function (``before_show`` lets it watch the window).
    """
    make_application()
    from ptplanner.ui.main_window import MainWindow

    window = MainWindow()
    if window.startup_colour_scheme != "system":  # Qt follows the system by itself
        apply_colour_scheme(window.startup_colour_scheme)
    if before_show is not None:
        before_show(window)
    window.show()
    return window


def set_application_version() -> None:
    """Tell Qt the version from the package metadata (read after the first paint: it is slow)."""
    from ptplanner import __version__

    QApplication.setApplicationVersion(__version__)


def run(self_test: bool = False) -> int:
    app = make_application()
    window = start()
    if self_test:
        QTimer.singleShot(0, lambda: _self_test(window))
    return app.exec()


def _self_test(window: QMainWindow) -> None:
    """Build and show every tab once, then quit: proves resources and imports are all there."""
    from ptplanner.ui.main_window import TAB_NAMES, MainWindow

    assert isinstance(window, MainWindow)
    try:
        for index, name in enumerate(TAB_NAMES):
            window.tabs.setCurrentIndex(index)
            window.page(name)
            QApplication.processEvents()
    except Exception as error:  # a self-test reports every failure as its exit status
        print(f"self-test failed: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        QApplication.exit(1)
        return
    print(f"self-test ok: {len(TAB_NAMES)} tabs built", flush=True)
    window.close()
    QApplication.quit()
