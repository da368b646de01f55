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
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMainWindow

from ptplanner.ui import feature_scan

feature_scan.install()  # before the imports below: each one is checked

from ptplanner.core.resources import ResourceError, resource_path  # noqa: E402
from ptplanner.ui.theme import apply_colour_scheme  # noqa: E402

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


def run(self_test: bool = False) -> int:
    app = make_application()
    window = start()
    if self_test:
        QTimer.singleShot(0, lambda: _self_test(window))
    return app.exec()


def _self_test(window: QMainWindow) -> None:
    """Build and show every tab and read every guide page, then quit: proves resources and
    imports are all there.
    """
    from ptplanner.ui.main_window import TAB_NAMES, MainWindow

    assert isinstance(window, MainWindow)
    try:
        from ptplanner.ui.tabs.overview.tab import OverviewTab

        for index, name in enumerate(TAB_NAMES):
            window.tabs.setCurrentIndex(index)
            content = window.page(name)
            if isinstance(content, OverviewTab):
                content.show_all_sections()  # the sections after the first screen's too
            QApplication.processEvents()
        from ptplanner.ui.help.pages import PAGE_NAMES, page_html

        for page in PAGE_NAMES:  # the guide's pages ship in resources/ too
            page_html(page)
    except Exception as error:  # a self-test reports every failure as its exit status
        print(f"self-test failed: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        QApplication.exit(1)
        return
    print(
        f"self-test ok: {len(TAB_NAMES)} tabs built, {len(PAGE_NAMES)} guide pages read",
        flush=True,
    )
    window.close()
    QApplication.quit()
