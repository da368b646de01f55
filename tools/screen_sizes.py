"""Review shots of a newcomer's first hour at the screen sizes people have, light and dark.

For each size a fresh, throw-away profile is started as a first launch: the welcome page, then
the ready plan chosen on it (Boston, two years of experience), then each tab and the user
guide. Writes ``build/shots/sizes/<size>-<scheme>-<name>.png`` (``welcome``, ``overview``,
``day``, ``salary``, ``plan``, ``help``). Not for the README; for looking at before a change is
called done.

    python tools/screen_sizes.py                       # 1024x768, 1280x720, 1600x1000
    QT_SCALE_FACTOR=1.5 python tools/screen_sizes.py --sizes 853x480   # 1280x720 at 150%
    python tools/screen_sizes.py --readme    # docs/screenshots/{welcome,help}.png at 1280x800
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

ROOT = Path(__file__).resolve().parents[1]
SIZES = ("1024x768", "1280x720", "1600x1000")
TABS = ("overview", "day", "salary", "plan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=list(SIZES), metavar="WxH")
    parser.add_argument("--schemes", nargs="+", default=["light", "dark"])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "shots" / "sizes")
    parser.add_argument(
        "--readme", action="store_true", help="write the README's welcome and help shots"
    )
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args.out.mkdir(parents=True, exist_ok=True)

    from ptplanner.ui.app import make_application

    app = make_application()
    if args.readme:
        readme = ROOT / "docs" / "screenshots"
        first_hour(app, (1280, 800), "light", args.out / "readme")
        for name in ("welcome", "help"):
            (args.out / f"readme-{name}.png").replace(readme / f"{name}.png")
            print(f"moved to {readme / f'{name}.png'}")
        return 0
    for size in args.sizes:
        width, height = (int(part) for part in size.split("x"))
        for scheme in args.schemes:
            first_hour(app, (width, height), scheme, args.out / f"{size}-{scheme}")
    return 0


def settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def save(widget: QWidget, prefix: Path, name: str) -> None:
    target = prefix.parent / f"{prefix.name}-{name}.png"
    widget.grab().save(str(target))
    print(f"wrote {target}")


def first_hour(app: QApplication, size: tuple[int, int], scheme: str, prefix: Path) -> None:
    """A first launch in a new profile: welcome, the ready plan chosen, each tab, the guide."""
    profile = Path(tempfile.mkdtemp(prefix="ptplanner-sizes-"))
    os.environ["PTPLANNER_DATA_DIR"] = str(profile / "data")
    os.environ["PTPLANNER_CONFIG_DIR"] = str(profile / "config")

    from ptplanner.ui.help import find_help_window, show_help
    from ptplanner.ui.main_window import MainWindow
    from ptplanner.ui.theme import apply_colour_scheme

    apply_colour_scheme(scheme)
    window = MainWindow()
    window.resize(*size)
    window.show()
    window.finish_loading()
    settle(app)
    welcome = window.welcome.page if window.welcome is not None else None
    if welcome is None:
        raise SystemExit("the welcome page did not open on a first launch")
    welcome.location.setText("Boston")
    welcome.years.setValue(2)
    settle(app)
    save(window, prefix, "welcome")
    welcome.ready_button.click()
    settle(app)
    for index, name in enumerate(TABS):
        window.tabs.setCurrentIndex(index)
        window.page(name)
        settle(app)
        save(window, prefix, name)
    show_help(window, "salary")
    settle(app)
    guide = find_help_window()
    if guide is not None:
        guide.resize(min(size[0], 980), min(size[1], 700))
        settle(app)
        save(guide, prefix, "help")
        guide.close()
    window.close()
    settle(app)


if __name__ == "__main__":
    sys.exit(main())
