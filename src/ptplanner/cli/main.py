"""The ``ptplanner`` command: opens the window, or prints a projection, or edits the plan.

This module is the entry point (``ptplanner.cli.main:main``, ``gui_main`` for desktop launchers):
it builds the top-level parser and runs the chosen command. The commands import what they need
when they run, so ``ptplanner --version`` loads almost nothing, ``ptplanner projection`` starts
as fast as pydantic does and never loads Qt, and only the window and ``--pdf`` import Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

# Not typing.TYPE_CHECKING: `ptplanner --version` answers before typing or argparse is imported.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse

VERSION_ONLY = ["--version"]
"""The command line answered before any parser is built: the common ``ptplanner --version``."""


def print_version() -> int:
    """Print ``ptplanner VERSION``; returns the exit status."""
    from ptplanner import __version__

    print(f"ptplanner {__version__}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    # Imported here: `ptplanner --version` needs none of them.
    from ptplanner import __version__
    from ptplanner.cli.args import OneLineErrorParser
    from ptplanner.cli.compare import add_compare_parser
    from ptplanner.cli.offer import add_offer_parser
    from ptplanner.cli.plan_parser import add_plan_parser
    from ptplanner.cli.projection import add_projection_parser
    from ptplanner.cli.window import add_window_parser

    parser = OneLineErrorParser(
        prog="ptplanner",
        description="Career planner for Physical Therapy Care Coordinators. "
        "With no command, opens the desktop window.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ptplanner {__version__}",
        help="print the version and exit",
    )
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=OneLineErrorParser
    )
    add_window_parser(commands)
    add_projection_parser(commands)
    add_plan_parser(commands)
    add_compare_parser(commands)
    add_offer_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words == VERSION_ONLY:
        return print_version()
    from ptplanner.cli.args import EXIT_INTERRUPTED, EXIT_USAGE, UsageError
    from ptplanner.cli.window import run_window

    if words in ([], ["window"]):
        # The launcher's command: no parser to build, nor every command's module to import.
        import argparse

        args = argparse.Namespace(command="window", self_test=False)
    else:
        args = build_parser().parse_args(argv)
    func = getattr(args, "func", run_window)
    if args.command == "plan":
        # `plan export --format pdf` loads Qt, so it runs outside the Qt-free plan commands.
        from ptplanner.cli.plan_pdf import routed

        func = routed(args, func)
    try:
        return int(func(args))
    except UsageError as error:
        print(f"ptplanner: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `ptplanner projection | head` closing the pipe early is fine
        return 0


def gui_main() -> int:
    """Entry point for desktop launchers: always the window."""
    return main(["window"])
