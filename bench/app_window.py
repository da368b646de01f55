"""The real window, started by ``ptplanner.ui.app.start()`` as ``ptplanner`` does.

Quits at the window's first ``QEvent.Paint`` (the same detector as ``bare_window.py``). Run it with
private ``PTPLANNER_DATA_DIR`` / ``PTPLANNER_CONFIG_DIR`` (``run.py`` does) so no user data is
touched.

    python bench/app_window.py             # start-up to first paint
    python bench/app_window.py --loaded    # ... to the end of loading: first tab built, plan open
    python bench/app_window.py --all-tabs  # then show each tab in turn until painted (memory)

With ``--all-tabs`` it prints one JSON line: which tabs were shown and what each one holds.
"""

from __future__ import annotations

import json
import os
import sys
import traceback
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _paint import PaintWatch, quit_at_first_paint, wait_painted
from ptplanner.ui.app import make_application, start


def show_every_tab(window: Any) -> None:
    from ptplanner.ui.main_window import TAB_NAMES

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
    watches: list[PaintWatch] = []

    def watch(window: Any) -> None:
        if "--all-tabs" in sys.argv:
            watches.append(PaintWatch(window, lambda: show_every_tab(window)))
        elif "--loaded" in sys.argv:
            window.loaded.connect(app.quit)
        else:
            watches.append(quit_at_first_paint(window))

    start(before_show=watch)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
