"""The real window, started the way ``ptplanner.ui.app.run`` does, quitting at its first paint.

``make_application()``, ``MainWindow()``, ``apply_colour_scheme()``, ``show()``, then quit at the
first ``QEvent.Paint`` on the window (the same detector as ``bare_window.py``). Run it with private
``PTPLANNER_DATA_DIR`` / ``PTPLANNER_CONFIG_DIR`` (``run.py`` does) so no user data is touched.

    python bench/app_window.py             # start-up to first paint
    python bench/app_window.py --all-tabs  # then show each tab in turn until painted (memory)

With ``--all-tabs`` it prints one JSON line: which tabs were shown and what each one holds.
"""

from __future__ import annotations

import json
import os
import sys
import traceback

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _paint import PaintWatch, quit_at_first_paint, wait_painted
from ptplanner.ui.app import apply_colour_scheme, make_application
from ptplanner.ui.main_window import TAB_NAMES, MainWindow


def show_every_tab(window: MainWindow) -> None:
    app = make_application()
    try:
        shown = {}
        for index, name in enumerate(TAB_NAMES):
            window.tabs.setCurrentIndex(index)
            page = window.page(name)
            watch = PaintWatch(page)
            page.update()
            painted = wait_painted(watch, 0, timeout=10.0)
            shown[name] = {"class": type(page).__name__, "painted": painted}
        print(json.dumps({"tabs": shown}))
    except Exception:
        traceback.print_exc()
        app.exit(1)  # an exception in a slot must not leave the event loop running
    else:
        app.quit()


def main() -> int:
    app = make_application()
    window = MainWindow()
    apply_colour_scheme(window.settings)
    if "--all-tabs" in sys.argv:
        _watch = PaintWatch(window, lambda: show_every_tab(window))
    else:
        _watch = quit_at_first_paint(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
