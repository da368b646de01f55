"""``ptplanner window`` (and plain ``ptplanner``): open the desktop window, or say why not."""

from __future__ import annotations

import argparse
import os
import sys

from ptplanner.cli.args import Subcommands, UsageError


def no_display() -> bool:
    """True on Linux with no X11 or Wayland display and no Qt platform chosen by hand."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def add_window_parser(commands: Subcommands) -> None:
    """Add ``window`` to the top-level ``ptplanner`` parser."""
    window = commands.add_parser("window", help="open the desktop window (the default)")
    window.add_argument(
        "--self-test",
        action="store_true",
        help="open the window, build every tab, then quit (checks an installation or bundle)",
    )
    window.set_defaults(func=run_window)


def run_window(args: argparse.Namespace) -> int:
    if no_display():
        # Qt would abort with a core dump and a page of plugin advice; say it in one line.
        raise UsageError(
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "start ptplanner from a desktop session, or use 'ptplanner projection' and "
            "'ptplanner plan' in a terminal"
        )
    from ptplanner.ui.app import run

    return int(run(self_test=bool(getattr(args, "self_test", False))))
