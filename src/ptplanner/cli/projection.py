"""``ptplanner projection``: options in, a validated projection request, the report printed out.

The options become a :class:`~ptplanner.core.projection.ProjectionRequest` (every bad value a
one-line :class:`~ptplanner.cli.args.UsageError` naming the option), the projection becomes a
:class:`~ptplanner.core.report.model.Report`, and :mod:`ptplanner.cli.formats` prints it. Qt is
imported only for ``--pdf``.
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from ptplanner.cli.args import (
    ASSUMPTION_OPTIONS,
    Subcommands,
    UsageError,
    describe_validation,
    text_argument,
)
from ptplanner.core.format import whole_number

if TYPE_CHECKING:
    from pydantic import BaseModel, ValidationError

    from ptplanner.core.plan.model import Plan
    from ptplanner.core.projection import ProjectionRequest
    from ptplanner.core.salary.inputs import SalaryInputs

ModelT = TypeVar("ModelT", bound="BaseModel")

PROJECTION_EXAMPLES = """\
examples:
  ptplanner projection
  ptplanner projection --location boston --experience 2 --cert cmaa --years 15
  ptplanner projection --location "Texas" --employer hospital --skill emr --skill insurance
  ptplanner projection --education associate --event 2027:certification:cehrs --format csv
  ptplanner projection --raise 3 --inflation 2.5 --format json > projection.json
  ptplanner projection --location denver --pdf projection.pdf
  ptplanner projection --from-plan --career-packet --paper a4 --pdf packet.pdf
  ptplanner projection --list-locations | grep -i ", TX"
"""


def add_projection_parser(commands: Subcommands) -> None:
    """Add ``projection`` and its options to the top-level ``ptplanner`` parser."""
    projection = commands.add_parser(
        "projection",
        help="print a salary projection (table, CSV, JSON or PDF)",
        description="Estimate base pay and total compensation today and project it year by "
        "year. Figures come from BLS OEWS May 2025 wages for the chosen area, with the career "
        "guide's effects for education and certifications.",
        epilog=PROJECTION_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_projection_arguments(projection)
    projection.set_defaults(func=run_projection)


def add_projection_arguments(parser: argparse.ArgumentParser) -> None:
    profile = parser.add_argument_group("your profile")
    profile.add_argument(
        "--experience",
        type=float,
        default=0.0,
        metavar="YEARS",
        help="years of experience as a coordinator (default 0)",
    )
    profile.add_argument(
        "--education",
        type=text_argument,
        default="hs",
        metavar="LEVEL",
        help="hs, associate or bachelor (default hs)",
    )
    profile.add_argument(
        "--cert",
        type=text_argument,
        action="append",
        default=[],
        metavar="ID",
        help="a certification you hold: cmaa, cehrs or cpct (repeatable)",
    )
    profile.add_argument(
        "--location",
        type=text_argument,
        default="national",
        metavar="AREA",
        help='"national", a state or a metro area; a unique part of the name '
        "is enough (e.g. boston)",
    )
    profile.add_argument(
        "--employer",
        type=text_argument,
        default="private_clinic",
        metavar="TYPE",
        help="hospital, private_clinic, corporate_chain or specialty_clinic "
        "(default private_clinic)",
    )
    profile.add_argument(
        "--skill",
        type=text_argument,
        action="append",
        default=[],
        metavar="ID",
        help="emr, billing_coding, insurance or excel (repeatable)",
    )

    future = parser.add_argument_group("projection")
    future.add_argument("--years", type=int, default=10, help="years to project (default 10)")
    future.add_argument(
        "--start-year",
        type=int,
        default=None,
        metavar="YEAR",
        help="first year of the projection (default: this year)",
    )
    future.add_argument(
        "--event",
        type=text_argument,
        action="append",
        default=[],
        metavar="YEAR:KIND[:VALUE]",
        help="a planned change, e.g. 2027:certification:cmaa, "
        "2028:education:associate, 2029:location:boston, "
        "2030:employer_type:hospital, 2031:promotion (repeatable)",
    )
    future.add_argument(
        "--from-plan",
        action="store_true",
        help="use your saved plan: completed credentials become inputs and "
        "planned ones with target dates become events",
    )
    future.add_argument(
        "--plan-file",
        metavar="FILE",
        default=None,
        help="the plan to read with --from-plan (default: your saved plan)",
    )

    assumptions = parser.add_argument_group("assumptions (defaults come from the data)")
    for option, help_text in (
        ("--raise", "annual raise of the pay scale, percent"),
        ("--inflation", "annual inflation, percent"),
        ("--bonus", "bonus and other supplemental pay, percent of base"),
        ("--contribution", "your 401(k) contribution, percent of base"),
        ("--match-rate", "employer match per dollar you put in, percent"),
        ("--match-cap", "the match applies up to this percent of base"),
        ("--health", "value of employer health cover, percent of base"),
        ("--pto", "value of paid time off, percent of base"),
        ("--stipend", "continuing-education stipend, dollars a year"),
        ("--profit-sharing", "profit sharing, dollars a year"),
        ("--promotion-raise", "pay rise on each promotion event, percent (a ptplanner assumption)"),
    ):
        assumptions.add_argument(option, type=float, default=None, metavar="N", help=help_text)

    output = parser.add_argument_group("output")
    output.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="what to print (default table)",
    )
    output.add_argument(
        "--pdf",
        metavar="FILE",
        default=None,
        help="also write a printable PDF report (no window is shown)",
    )
    output.add_argument(
        "--paper",
        choices=("letter", "a4"),
        default=None,
        help="paper size of the PDF (default: the one used where you live, as the window does)",
    )
    output.add_argument(
        "--career-packet",
        action="store_true",
        help="add your plan's progress and next steps and a one-page role summary to the PDF",
    )
    output.add_argument(
        "--list-locations",
        action="store_true",
        help="list every area name the --location option accepts and exit",
    )


def parse_event(text: str) -> dict[str, object]:
    parts = text.split(":", 2)
    year = whole_number(parts[0])
    if len(parts) < 2 or year is None:
        raise UsageError(f"--event: expected YEAR:KIND[:VALUE], got {text!r}")
    return {
        "year": year,
        "kind": parts[1].strip(),
        "value": parts[2].strip() if len(parts) == 3 else "",
    }


def request_from_args(args: argparse.Namespace) -> ProjectionRequest:
    """Build and validate a ProjectionRequest from the parsed options (UsageError if bad)."""
    from ptplanner.core.projection import ProjectionRequest
    from ptplanner.core.salary.inputs import SalaryInputs

    inputs = _inputs_from_args(args)
    cli_events = [parse_event(text) for text in args.event]
    first_year = args.start_year if args.start_year is not None else date.today().year
    events: list[dict[str, object]] = list(cli_events)
    if args.from_plan:
        inputs, extra_events = _apply_saved_plan(inputs, args.plan_file, first_year)
        events += extra_events
    payload: dict[str, object] = {
        "years": args.years,
        "events": events,
        "start_year": first_year,
        "inputs": inputs,
    }
    profile = _validated(SalaryInputs, inputs)
    # Each event on its own, so a bad one is named as the user wrote it, not as the profile
    # option its value would have set ("--event 2027:certification:foo", not "--cert").
    for text, event in zip(args.event, cli_events, strict=True):
        _check_event(text, event, profile, first_year)
    return _validated(ProjectionRequest, payload)


def _inputs_from_args(args: argparse.Namespace) -> dict[str, object]:
    """The profile options as SalaryInputs fields, assumptions filled in from the defaults."""
    from ptplanner.core.salary.inputs import default_assumptions

    assumptions = default_assumptions().model_dump()
    for field, option in ASSUMPTION_OPTIONS.items():
        value = getattr(args, option.lstrip("-").replace("-", "_"))
        if value is not None:
            assumptions[field] = value
    return {
        "years_experience": args.experience,
        "education": args.education.strip().lower(),
        "certifications": {c.strip().lower() for c in args.cert},
        "location": args.location,
        "employer_type": args.employer.strip().lower(),
        "skills": {s.strip().lower() for s in args.skill},
        "assumptions": assumptions,
    }


def _apply_saved_plan(
    inputs: dict[str, object], plan_file: str | None, first_year: int
) -> tuple[dict[str, object], list[dict[str, object]]]:
    """``--from-plan``: the inputs with the saved plan's steps applied, and its dated steps."""
    from ptplanner.core.storage.saved_plan import apply_plan_to_request

    notes: list[str] = []
    try:
        inputs, extra_events = apply_plan_to_request(inputs, plan_file, notes=notes)
    except ValueError as error:
        raise UsageError(f"--from-plan: {error}") from None
    _print_notes(notes)
    # A planned step whose date falls before the projection starts has happened by then.
    for event in extra_events:
        event["year"] = max(int(event["year"]), first_year)
    return inputs, extra_events


def _validated(model: type[ModelT], data: object) -> ModelT:
    """``model.model_validate(data)``, any error a UsageError naming the option."""
    from pydantic import ValidationError

    from ptplanner.core.locations import LocationError

    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise UsageError(describe_validation(error)) from None
    except LocationError as error:
        raise UsageError(f"--location: {error}") from None


def _check_event(
    text: str, event: dict[str, object], profile: SalaryInputs, first_year: int
) -> None:
    """Raise a UsageError naming ``--event TEXT`` if that event can't apply to the profile."""
    from pydantic import ValidationError

    from ptplanner.core.locations import LocationError
    from ptplanner.core.projection import Event, apply_event

    year = event["year"]
    assert isinstance(year, int)  # parse_event made it one
    if year < first_year:
        raise UsageError(
            f"--event {text}: comes before the projection starts ({first_year}); "
            "put what you already have in --cert, --education and the other profile options"
        )
    try:
        apply_event(profile, Event.model_validate(event))
    except ValidationError as error:
        raise UsageError(f"--event {text}: {_event_error(event, error)}") from None
    except (LocationError, ValueError) as error:
        raise UsageError(f"--event {text}: {error}") from None


def _event_error(event: dict[str, object], error: ValidationError) -> str:
    """What is wrong with one ``--event``, from the first error validating it."""
    first = error.errors()[0]
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "literal_error":
        message = f"unknown kind {event['kind']!r} ({message})"
    elif first["loc"] == ("year",):
        message = describe_validation(error).replace("year:", "the year", 1)
    return message


def run_projection(args: argparse.Namespace) -> int:
    if args.pdf is not None and not args.pdf.strip():
        raise UsageError("--pdf: needs a file name, e.g. --pdf projection.pdf")
    if (args.paper or args.career_packet) and not args.pdf:
        option = "--paper" if args.paper else "--career-packet"
        raise UsageError(f"{option}: only applies to a PDF; add --pdf FILE")
    if args.list_locations:
        from ptplanner.core.locations import usable_areas

        for area in usable_areas():
            print(area.name)
        return 0
    from ptplanner.cli.formats import FORMATS
    from ptplanner.core.projection import project
    from ptplanner.core.report.build import ReportInput, build_report

    projection = project(request_from_args(args))
    plan = None
    if args.pdf:
        check_writable(args.pdf)
        if args.career_packet:
            plan = _plan_for_packet(args.plan_file)
    # The text states what the PDF states: the same report, sources and all.
    report = build_report(
        ReportInput(projection=projection, plan=plan, career_packet=args.career_packet)
    )
    sys.stdout.write(FORMATS[args.format](report))
    if args.pdf:
        from ptplanner.ui.report.pdf import default_page_size, write_pdf_headless

        paper = {"letter": "Letter", "a4": "A4"}.get(args.paper or "") or default_page_size()
        try:
            write_pdf_headless(
                projection,
                args.pdf,
                page_size=paper,  # type: ignore[arg-type]
                plan=plan,
                career_packet=args.career_packet,
            )
        except OSError as error:
            raise UsageError(f"--pdf: cannot write {args.pdf}: {error.strerror}") from None
        print(f"wrote {args.pdf}", file=sys.stderr)
    return 0


def _plan_for_packet(plan_file: str | None) -> Plan | None:
    from ptplanner.core.storage.saved_plan import read_plan_for_projection

    notes: list[str] = []
    try:
        plan = read_plan_for_projection(Path(plan_file) if plan_file else None, notes)
    except ValueError as error:
        raise UsageError(f"--career-packet: {error}") from None
    _print_notes(notes)
    return plan


def _print_notes(notes: list[str]) -> None:
    for note in notes:
        print(f"ptplanner: note: {' '.join(note.split())}", file=sys.stderr)


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
