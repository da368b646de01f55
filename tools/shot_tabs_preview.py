"""Render the "Overview" and "A day in the life" tabs to PNGs for a look before a release.

Each tab is shown offscreen at 1280x800 and 1024x700, in the default light palette and in a dark
Fusion palette, and saved to ``build/shots/`` (git-ignored), together with a few states a reader
reaches (each overview section scrolled to, a search with and without matches, another block
selected in the day). Run: ``.venv/bin/python tools/shot_tabs_preview.py``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from ptplanner.core.content import overview
from ptplanner.core.day import day_timeline
from ptplanner.core.onet import onet
from ptplanner.ui.tabs.day.tab import DayTab
from ptplanner.ui.tabs.overview.tab import OverviewTab
from ptplanner.ui.theme import dark_palette

ROOT = Path(__file__).resolve().parents[1]
SIZES = ((1280, 800), (1024, 700))


def save(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    widget.repaint()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(ROOT))


def overview_states(tab: OverviewTab, stem: str, out: Path, full: bool) -> None:
    save(tab, out / f"{stem}.png")
    if not full:
        return
    for key in ("skills", "certifications", "employers", "career_ladder", "outlook"):
        tab.scroll_to_section(key)
        save(tab, out / f"{stem}-{key}.png")
    tab.search_edit.setText("authorization")
    save(tab, out / f"{stem}-search.png")
    tab.search_edit.setText("zebra crossing")
    save(tab, out / f"{stem}-nomatch.png")
    tab.search_edit.clear()


def day_states(tab: DayTab, stem: str, out: Path, full: bool) -> None:
    save(tab, out / f"{stem}.png")
    if not full:
        return
    tab.select_block("utilization_review")
    tab.timeline_view.setFocus()
    save(tab, out / f"{stem}-afternoon.png")
    tab.select_block(tab.timeline.blocks[-1].id)
    save(tab, out / f"{stem}-last.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "shots")
    parser.add_argument("--only", choices=("overview", "day"), help="render one tab only")
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setStyle("Fusion")
    light = app.style().standardPalette()
    tabs: list[tuple[str, Callable[[], QWidget], Callable[..., None]]] = [
        ("overview", lambda: OverviewTab(overview(), onet()), overview_states),
        ("day", lambda: DayTab(day_timeline(), onet()), day_states),
    ]
    for scheme, palette in (("light", light), ("dark", dark_palette())):
        app.setPalette(palette)
        for width, height in SIZES:
            for name, make, states in tabs:
                if args.only and name != args.only:
                    continue
                widget = make()
                widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, False)
                widget.resize(width, height)
                widget.show()
                states(widget, f"{name}-{scheme}-{width}x{height}", out, full=True)
                widget.close()
                widget.deleteLater()
                QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
