"""Starting the desktop application: QApplication, icon, colour scheme, the main window.

Only this module and the ``ui`` package import Qt; ``ptplanner.cli`` imports it inside
``run_window`` so the command line never pays for Qt.
"""

from __future__ import annotations

import os
import sys

# pyqtgraph picks the first Qt binding it finds; name ours before anything imports it.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from ptplanner import __version__
from ptplanner.core.resources import ResourceError, resource_path
from ptplanner.core.settings import Settings

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


def apply_colour_scheme(settings: Settings) -> None:
    """Follow the system's light or dark scheme unless the user chose one in View."""
    hints = QGuiApplication.styleHints()
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
        "system": Qt.ColorScheme.Unknown,
    }[settings.colour_scheme]
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("ptplanner")
    app.setApplicationDisplayName("PT Planner")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("ptplanner")
    app.setDesktopFileName(APP_ID)
    # Fusion draws the same on every platform and honours the light/dark colour scheme.
    app.setStyle("Fusion")
    app.setWindowIcon(app_icon())
    return app


def run(self_test: bool = False) -> int:
    app = make_application()
    from ptplanner.ui.main_window import MainWindow

    window = MainWindow()
    apply_colour_scheme(window.settings)
    window.show()
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
