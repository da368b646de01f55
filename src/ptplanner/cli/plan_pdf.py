"""``ptplanner plan export --format pdf FILE``: the plan printout as a PDF, with no window.

Its own module because it loads Qt: :mod:`ptplanner.cli.plan_commands` never may (contract), so
:func:`routed` sends a PDF export here before the plan commands see it. The plan is read as
``plan export`` reads it (no lock, nothing created); the PDF is Letter or A4, as the
projection's printout, and written the same safe way.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from ptplanner.cli.args import EXIT_USAGE, UsageError, shown_text

Command = Callable[[argparse.Namespace], int]


def wants_pdf(args: argparse.Namespace) -> bool:
    """Whether the command line asks ``plan export`` for a PDF (by ``--format`` or ``.pdf``)."""
    if getattr(args, "command", None) != "plan" or getattr(args, "plan_command", None) != "export":
        return False
    chosen = getattr(args, "format", None)
    return chosen == "pdf" or (chosen is None and str(args.file).lower().endswith(".pdf"))


def routed(args: argparse.Namespace, func: Command) -> Command:
    """The function that runs ``args``: a PDF export here, anything else ``func``."""
    return run_plan_pdf if wants_pdf(args) else func


def run_plan_pdf(args: argparse.Namespace) -> int:
    """Write the printout; exit status 2 with one line on stderr when it can't be done."""
    from ptplanner.cli.plan_commands import _opened

    try:
        if getattr(args, "remind_days", None) is not None or getattr(args, "todos", False):
            raise UsageError("--remind-days and --todos only go with --format ics")
        with _opened(args, write=False) as (_, result):
            plan = result.plan
        _write(args, plan)
    except UsageError as error:
        print(f"ptplanner: error: {' '.join(str(error).split())}", file=sys.stderr)
        return EXIT_USAGE
    return 0


def _write(args: argparse.Namespace, plan: object) -> None:
    from ptplanner.core.plan.model import Plan
    from ptplanner.ui.report.pdf import default_page_size
    from ptplanner.ui.report.plan.output import plan_pdf_bytes, write_plan_pdf

    assert isinstance(plan, Plan)
    paper = {"letter": "Letter", "a4": "A4"}.get(getattr(args, "paper", None) or "")
    page_size = paper or default_page_size()
    today = date.today()
    if args.file == "-":
        from ptplanner.ui.report.pdf import ensure_gui_application

        ensure_gui_application()
        data, _ = plan_pdf_bytes(plan, today, page_size)  # type: ignore[arg-type]
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    target = Path(args.file).expanduser()
    try:
        pages = write_plan_pdf(plan, today, target, page_size, headless=True)  # type: ignore[arg-type]
    except OSError as error:
        raise UsageError(f"cannot write {target}: {error.strerror or error}") from None
    from ptplanner.core.plan.model import step_count

    print(
        f"Wrote the plan ({step_count(plan)} steps, {pages} page{'s' if pages != 1 else ''}, "
        f"{page_size}) to {shown_text(str(target))} (PDF)."
    )
