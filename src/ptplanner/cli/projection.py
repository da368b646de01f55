"""``ptplanner projection``: its options, and the run that prints the report and writes the PDF.

:mod:`ptplanner.cli.projection_request` turns the options into a validated
:class:`~ptplanner.core.projection.ProjectionRequest` (every bad value a one-line
:class:`~ptplanner.cli.args.UsageError` naming the option), the projection becomes a
:class:`~ptplanner.core.report.model.Report`, and :mod:`ptplanner.cli.formats` prints it. Qt is
imported only for ``--pdf`` and ``--print``; the salary model only when a projection runs.
``--print`` hands the same PDF to the system print service with ``lp``
(:mod:`ptplanner.core.print_queue`).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ptplanner.cli.args import Subcommands, UsageError, add_paper_option, text_argument

if TYPE_CHECKING:
    from ptplanner.core.report.build import ReportInput

PROJECTION_EXAMPLES = """\
examples:
  ptplanner projection
  ptplanner projection --location boston --experience 2 --cert cmaa --years 15
  ptplanner projection --location "Texas" --employer hospital --skill emr --skill insurance
  ptplanner projection --education associate --event 2027:certification:cehrs --format csv
  ptplanner projection --role senior_coordinator --event 2030:promotion --dollars nominal
  ptplanner projection --event 2028:role:office_manager --event 2033:promotion
  ptplanner projection --market-growth 0.5 --inflation 2.5 --format json > projection.json
  ptplanner projection --location denver --pdf projection.pdf
  ptplanner projection --from-plan --career-packet --paper a4 --pdf packet.pdf
  ptplanner projection --location boston --years 3 --print --printer Office_Laser
  ptplanner projection --list-roles
  ptplanner projection --list-locations | grep -i ", TX"

where the profile comes from:
  without --from-plan, from these options and the defaults only (nothing saved is read);
  with --from-plan, from the profile the window saved, then the options you give here
  override it, then your plan adds what it says is done (held now) and planned (events).
"""


def add_projection_parser(commands: Subcommands) -> None:
    """Add ``projection`` and its options to the top-level ``ptplanner`` parser."""
    projection = commands.add_parser(
        "projection",
        help="print a salary projection (table, CSV, JSON or PDF)",
        # The formatter keeps line breaks as written (for the examples), so these are wrapped.
        description="Estimate base pay and total compensation this year and project it year by\n"
        "year, in this year's dollars unless --dollars nominal. Pay comes from BLS OEWS May\n"
        "2025 wages for your role in the chosen area, carried to each year with the pay\n"
        "scale's growth from BLS history and inflation; education, certifications and\n"
        "skills follow the career guide.",
        epilog=PROJECTION_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_projection_arguments(projection)
    projection.set_defaults(func=run_projection)


def add_projection_arguments(parser: argparse.ArgumentParser) -> None:
    add_profile_arguments(parser)
    _projection_arguments(parser)
    add_assumption_arguments(parser)
    _output_arguments(parser)


def add_profile_arguments(parser: argparse.ArgumentParser) -> None:
    profile = parser.add_argument_group(
        "your profile",
        "Defaults: a new PT care coordinator, high school diploma, national pay, private\n"
        "clinic. With --from-plan, each option given replaces the saved profile's value.",
    )
    add = profile.add_argument
    add(
        "--role",
        type=text_argument,
        metavar="ROLE",
        help="your job now: a role id from --list-roles (default care_coordinator)",
    )
    add("--experience", type=float, metavar="YEARS", help="years of experience (default 0)")
    add(
        "--education",
        type=text_argument,
        metavar="LEVEL",
        help="hs (high school diploma or GED), associate or bachelor (default hs)",
    )
    add(
        "--cert",
        type=text_argument,
        action="append",
        metavar="ID",
        help="a certification you hold: cmaa, cehrs or cpct (repeatable)",
    )
    add(
        "--location",
        type=text_argument,
        metavar="AREA",
        help='"national" (default), a state or a metro area; a unique part of the name is '
        "enough (e.g. boston)",
    )
    add(
        "--employer",
        type=text_argument,
        metavar="TYPE",
        help="hospital, private_clinic (default), corporate_chain or specialty_clinic",
    )
    add(
        "--skill",
        type=text_argument,
        action="append",
        metavar="ID",
        help="emr, billing_coding, insurance or excel (repeatable)",
    )


def _projection_arguments(parser: argparse.ArgumentParser) -> None:
    future = parser.add_argument_group("projection")
    add = future.add_argument
    add(
        "--years",
        type=int,
        metavar="N",
        help="years to project after the first (default 10; with --from-plan, the window's): "
        "the table shows this year and the next N (N + 1 rows), as the window's "
        "'Project over N years' does",
    )
    add(
        "--start-year",
        type=int,
        metavar="YEAR",
        help="first year of the projection (default: this year)",
    )
    add(
        "--event",
        type=text_argument,
        action="append",
        default=[],
        metavar="YEAR:KIND[:VALUE]",
        help="a planned change: 2027:certification:cmaa, 2027:skill:emr, "
        "2028:education:associate, 2029:location:boston, 2030:employer_type:hospital, "
        "2031:promotion (the next role), 2031:promotion:office_manager or "
        "2031:role:office_manager (repeatable)",
    )
    add(
        "--from-plan",
        action="store_true",
        help="start from the profile saved by the window, override it with the options "
        "given, and add your saved plan: finished steps are held now, dated open ones "
        "become events, the first job step starts your experience (without this option "
        "nothing saved is read)",
    )
    add(
        "--plan-file",
        metavar="FILE",
        help="the plan to read with --from-plan or --career-packet (default: your saved plan)",
    )


def add_assumption_arguments(parser: argparse.ArgumentParser) -> None:
    assumptions = parser.add_argument_group(
        "assumptions",
        "Defaults come from the data (BLS pay history, CPI-U, BLS ECEC, the guide);\n"
        "values outside what history supports are refused, saying the range and why.",
    )
    for option, help_text in (
        (
            "--market-growth",
            "growth of the whole pay scale beyond inflation, percent a year "
            "(default: BLS's 2020-2025 history for the job)",
        ),
        ("--inflation", "inflation, percent a year (default: the latest CPI-U year)"),
        (
            "--raise",
            "old option: growth of the pay scale with inflation in it, percent a year; "
            "converted to --market-growth",
        ),
        ("--bonus", "bonus and other supplemental pay, percent of base"),
        ("--contribution", "your 401(k) contribution, percent of base"),
        ("--match-rate", "employer match per dollar you put in, percent"),
        ("--match-cap", "the match applies up to this percent of base"),
        ("--health", "value of employer health cover, percent of base"),
        ("--stipend", "continuing-education stipend, dollars a year"),
        ("--profit-sharing", "profit sharing, dollars a year"),
    ):
        # "raise" is a Python keyword: its value is read as ``args.raise_``.
        dest = "raise_" if option == "--raise" else option.removeprefix("--").replace("-", "_")
        assumptions.add_argument(option, type=float, metavar="N", help=help_text, dest=dest)
    # Options of the first model, kept only to say why they are gone.
    for option in ("--pto", "--promotion-raise"):
        assumptions.add_argument(option, nargs="?", const="", help=argparse.SUPPRESS)


def _output_arguments(parser: argparse.ArgumentParser) -> None:
    output = parser.add_argument_group("output")
    add = output.add_argument
    add(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="what to print (default table)",
    )
    add(
        "--dollars",
        choices=("today", "nominal"),
        default=None,
        help="show pay in this year's dollars (today, the default) or as the amounts paid "
        "each year (nominal); with --from-plan the window's choice is the default",
    )
    add("--pdf", metavar="FILE", help="also write a printable PDF report (no window is shown)")
    add(
        "--print",
        action="store_true",
        help="print the report on a printer through the system print service (CUPS's lp); "
        "exit status 0 only when the print service accepted the job",
    )
    add(
        "--printer",
        metavar="NAME",
        type=text_argument,
        help="the printer for --print, as lpstat -p lists it (default: the default printer)",
    )
    add_paper_option(
        output,
        "paper size of the PDF or printout (default: the printer's paper for --print, "
        "else the one used where you live, as the window does)",
    )
    add(
        "--career-packet",
        action="store_true",
        help="add your plan's progress (done, overdue and next steps) and a role summary with "
        "BLS pay for every role to the PDF or printout",
    )
    add(
        "--list-roles",
        action="store_true",
        help="list the career ladder's roles (ids for --role and --event), their BLS pay and "
        "usual prerequisites, and exit",
    )
    add(
        "--list-locations",
        action="store_true",
        help="list every area name the --location option accepts and exit",
    )


def report_input(args: argparse.Namespace, today: date | None = None) -> ReportInput:
    """What the run prints: the projection the options ask for, as a report's input."""
    from ptplanner.cli.projection_request import scenario_from_args
    from ptplanner.core.projection import project
    from ptplanner.core.report.build import ReportInput

    today = today or date.today()
    scenario = scenario_from_args(args, today)
    for note in scenario.notes:
        print(f"ptplanner: note: {' '.join(note.split())}", file=sys.stderr)
    return ReportInput(
        projection=project(scenario.request),
        plan=scenario.plan,
        career_packet=args.career_packet,
        printed_on=today,
        dollars=scenario.dollars,
    )


def run_projection(args: argparse.Namespace) -> int:
    if args.pdf is not None and not args.pdf.strip():
        raise UsageError("--pdf: needs a file name, e.g. --pdf projection.pdf")
    if args.printer is not None and not args.print:
        raise UsageError("--printer: only applies to printing; add --print")
    if args.printer is not None and not args.printer.strip():
        raise UsageError("--printer: needs a printer name, e.g. --printer Office_Laser")
    if (args.paper or args.career_packet) and not (args.pdf or args.print):
        option = "--paper" if args.paper else "--career-packet"
        raise UsageError(
            f"{option}: only applies to a PDF or a printout; add --pdf FILE or --print"
        )
    if args.list_locations:
        from ptplanner.core.locations import usable_areas

        for area in usable_areas():
            print(area.name)
        return 0
    if args.list_roles:
        from ptplanner.cli.roles import format_roles

        sys.stdout.write(format_roles(args.format))
        return 0
    from ptplanner.cli.formats import FORMATS
    from ptplanner.core.report.build import build_report

    if args.pdf:
        check_writable(args.pdf)
    source = report_input(args)
    # The text states what the PDF states: the same report, sources and all.
    sys.stdout.write(FORMATS[args.format](build_report(source)))
    if args.pdf:
        from ptplanner.ui.report.pdf import default_page_size, write_pdf_headless

        paper = {"letter": "Letter", "a4": "A4"}.get(args.paper or "") or default_page_size()
        try:
            write_pdf_headless(source, args.pdf, page_size=paper)  # type: ignore[arg-type]
        except OSError as error:
            raise UsageError(f"--pdf: cannot write {args.pdf}: {error.strerror}") from None
        print(f"wrote {args.pdf}", file=sys.stderr)
    if args.print:
        print_report(source, args.printer, args.paper)
    return 0


def print_report(source: ReportInput, printer: str | None, paper_option: str | None) -> None:
    """Send the report's PDF to ``printer`` (the default one when None) with ``lp``; a job the
    print service does not accept is a one-line :class:`UsageError` (exit status 2)."""
    from ptplanner.core.print_queue import PrintError, query_queue, queue_paper, send_with_lp
    from ptplanner.ui.report.pdf import (
        PageSizeName,
        default_page_size,
        ensure_gui_application,
        job_title,
        pdf_bytes,
    )

    if printer is not None:
        status = query_queue(printer)
        if status.state in ("missing", "rejecting", "no_service"):
            raise UsageError(f"--print: not printed: {status.message(printer)}")
        if status.state == "stopped":
            print(f"ptplanner: note: {status.message(printer)}", file=sys.stderr)
    papers: dict[str, PageSizeName] = {"letter": "Letter", "a4": "A4"}
    chosen = papers.get(paper_option or "")
    paper = chosen or queue_paper(printer) or default_page_size()
    ensure_gui_application()
    data, pages = pdf_bytes(source, paper)
    try:
        job = send_with_lp(data, job_title(source), printer)
    except PrintError as error:
        raise UsageError(f"--print: not printed: {error}") from None
    where = printer or "the default printer"
    plural = "s" if pages != 1 else ""
    print(f"sent {pages} page{plural} on {paper} paper to {where} (job {job})", file=sys.stderr)


def check_writable(path: str) -> None:
    """Fail before any work when the PDF cannot be written where asked."""
    target = Path(os.path.realpath(Path(path).expanduser()))  # a link is written through
    folder = target.parent
    try:
        if target.is_dir():
            raise UsageError(f"--pdf: {path} is a folder, not a file name")
        if target.exists() and not target.is_file():
            raise UsageError(f"--pdf: {path} is not a regular file; give a file name")
        if not folder.is_dir():
            raise UsageError(f"--pdf: cannot write {path}: no such folder {folder}")
        if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
            raise UsageError(f"--pdf: cannot write {path}: permission denied")
    except OSError as error:  # a name too long, or a folder on the way that cannot be read
        raise UsageError(f"--pdf: cannot write {path}: {error.strerror or error}") from None
