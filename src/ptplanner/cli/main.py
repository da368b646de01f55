"""The ``ptplanner`` command: opens the window, or prints a projection, or edits the plan.

Qt is imported only on the paths that need it (the window and ``--pdf``), so ``ptplanner
projection`` starts as fast as pydantic does and runs on machines with no display. Every user
error is one line on stderr and exit status 2; a traceback is a bug.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

# ptplanner uses no pydantic plugins. Left enabled, pydantic would scan every installed
# package's metadata for them on the first model it builds (a noticeable part of a projection's
# run time) and would let any plugin in the environment see the user's plan as it is validated.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import ValidationError

from ptplanner.core.format import money

if TYPE_CHECKING:
    from ptplanner.core.sources import Source

EXIT_USAGE = 2


class UsageError(Exception):
    """A problem with what the user asked for; its message is printed as one line."""


class _Parser(argparse.ArgumentParser):
    """argparse, but an error is one line and exit status 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"ptplanner: error: {message} (see '{self.prog} --help')\n")


class _VersionAction(argparse.Action):
    """``--version``, reading the package metadata only when asked."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help=str(kwargs.get("help", "")),
        )

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from ptplanner import __version__

        print(f"ptplanner {__version__}")
        parser.exit(0)


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

# Where each assumption's option lives, so a validation error names the option the user typed.
ASSUMPTION_OPTIONS = {
    "raise_pct": "--raise",
    "inflation_pct": "--inflation",
    "bonus_pct": "--bonus",
    "retirement_contribution_pct": "--contribution",
    "match_rate_pct": "--match-rate",
    "match_cap_pct": "--match-cap",
    "health_value_pct": "--health",
    "pto_value_pct": "--pto",
    "ce_stipend_usd": "--stipend",
    "profit_sharing_usd": "--profit-sharing",
    "promotion_pct": "--promotion-raise",
}
INPUT_OPTIONS = {
    "years_experience": "--experience",
    "education": "--education",
    "certifications": "--cert",
    "location": "--location",
    "employer_type": "--employer",
    "skills": "--skill",
    "years": "--years",
    "start_year": "--start-year",
    "events": "--event",
}


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="ptplanner",
        description="Career planner for Physical Therapy Care Coordinators. "
        "With no command, opens the desktop window.",
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    window = commands.add_parser("window", help="open the desktop window (the default)")
    window.add_argument(
        "--self-test",
        action="store_true",
        help="open the window, build every tab, then quit (checks an installation or bundle)",
    )
    window.set_defaults(func=run_window)

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

    try:
        from ptplanner.cli.plan_parser import add_plan_parser
    except ImportError:  # pragma: no cover - the plan command ships with the package
        pass
    else:
        add_plan_parser(commands)
    return parser


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
        "--education", default="hs", metavar="LEVEL", help="hs, associate or bachelor (default hs)"
    )
    profile.add_argument(
        "--cert",
        action="append",
        default=[],
        metavar="ID",
        help="a certification you hold: cmaa, cehrs or cpct (repeatable)",
    )
    profile.add_argument(
        "--location",
        default="national",
        metavar="AREA",
        help='"national", a state or a metro area; a unique part of the name '
        "is enough (e.g. boston)",
    )
    profile.add_argument(
        "--employer",
        default="private_clinic",
        metavar="TYPE",
        help="hospital, private_clinic, corporate_chain or specialty_clinic "
        "(default private_clinic)",
    )
    profile.add_argument(
        "--skill",
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = getattr(args, "func", run_window)
    try:
        return int(func(args))
    except UsageError as error:
        print(f"ptplanner: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `ptplanner projection | head` closing the pipe early is fine
        return 0


def gui_main() -> int:
    """Entry point for desktop launchers: always the window."""
    return main(["window"])


def _no_display() -> bool:
    """True on Linux with no X11 or Wayland display and no Qt platform chosen by hand."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_window(args: argparse.Namespace) -> int:
    if _no_display():
        # Qt would abort with a core dump and a page of plugin advice; say it in one line.
        raise UsageError(
            "no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "start ptplanner from a desktop session, or use 'ptplanner projection' and "
            "'ptplanner plan' in a terminal"
        )
    from ptplanner.ui.app import run

    return int(run(self_test=bool(getattr(args, "self_test", False))))


# --- projection -------------------------------------------------------------------------------


def _describe_validation(error: ValidationError) -> str:
    first = error.errors()[0]
    location = [str(part) for part in first["loc"]]
    name = location[-1] if location else ""
    if "assumptions" in location:
        option = ASSUMPTION_OPTIONS.get(name, name)
    else:
        option = next((INPUT_OPTIONS[p] for p in location if p in INPUT_OPTIONS), name)
    context = first.get("ctx") or {}
    kind = first["type"]
    if kind in {"less_than_equal", "less_than"}:
        message = f"must be at most {context.get('le', context.get('lt')):g}"
    elif kind in {"greater_than_equal", "greater_than"}:
        message = f"must be at least {context.get('ge', context.get('gt')):g}"
    else:
        message = str(first["msg"]).removeprefix("Value error, ")
    value = first.get("input")
    simple = not isinstance(value, dict | list | tuple | set | frozenset)
    shown = f" (got {value:g})" if isinstance(value, float) else f" (got {value})"
    return f"{option}: {message}" + (
        shown if simple and str(value).casefold() not in message.casefold() else ""
    )


def parse_event(text: str) -> dict[str, object]:
    parts = text.split(":", 2)
    if len(parts) < 2 or not parts[0].strip().isdigit():
        raise UsageError(f"--event: expected YEAR:KIND[:VALUE], got {text!r}")
    return {
        "year": int(parts[0]),
        "kind": parts[1].strip(),
        "value": parts[2].strip() if len(parts) == 3 else "",
    }


def request_from_args(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """Build and validate a ProjectionRequest from the parsed options (UsageError if bad)."""
    from ptplanner.core.locations import LocationError
    from ptplanner.core.projection import Event, ProjectionRequest, apply_event
    from ptplanner.core.salary import SalaryInputs, default_assumptions

    assumptions = default_assumptions().model_dump()
    for field, option in ASSUMPTION_OPTIONS.items():
        value = getattr(args, option.lstrip("-").replace("-", "_"))
        if value is not None:
            assumptions[field] = value
    inputs: dict[str, object] = {
        "years_experience": args.experience,
        "education": args.education.strip().lower(),
        "certifications": {c.strip().lower() for c in args.cert},
        "location": args.location,
        "employer_type": args.employer.strip().lower(),
        "skills": {s.strip().lower() for s in args.skill},
        "assumptions": assumptions,
    }
    cli_events = [parse_event(text) for text in args.event]
    first_year = args.start_year if args.start_year is not None else date.today().year
    payload: dict[str, object] = {
        "years": args.years,
        "events": cli_events,
        "start_year": first_year,
    }
    if args.from_plan:
        from ptplanner.core.plan.salary_link import apply_plan_to_request

        try:
            inputs, extra_events = apply_plan_to_request(inputs, args.plan_file)
        except ValueError as error:
            raise UsageError(f"--from-plan: {error}") from None
        # A planned step whose date falls before the projection starts has happened by then.
        for event in extra_events:
            event["year"] = max(int(event["year"]), first_year)
        payload["events"] = [*payload["events"], *extra_events]  # type: ignore[misc]
    payload["inputs"] = inputs
    try:
        profile = SalaryInputs.model_validate(inputs)
    except ValidationError as error:
        raise UsageError(_describe_validation(error)) from None
    except LocationError as error:
        raise UsageError(f"--location: {error}") from None
    # Each event on its own, so a bad one is named as the user wrote it, not as the profile
    # option its value would have set ("--event 2027:certification:foo", not "--cert").
    for text, event in zip(args.event, cli_events, strict=True):
        if int(event["year"]) < first_year:  # type: ignore[call-overload]
            raise UsageError(
                f"--event {text}: comes before the projection starts ({first_year}); "
                "put what you already have in --cert, --education and the other profile options"
            )
        try:
            apply_event(profile, Event.model_validate(event))
        except ValidationError as error:
            first = error.errors()[0]
            message = str(first["msg"]).removeprefix("Value error, ")
            if first["type"] == "literal_error":
                message = f"unknown kind {event['kind']!r} ({message})"
            elif first["loc"] == ("year",):
                message = _describe_validation(error).replace("year:", "the year", 1)
            raise UsageError(f"--event {text}: {message}") from None
        except (LocationError, ValueError) as error:
            raise UsageError(f"--event {text}: {error}") from None
    try:
        return ProjectionRequest.model_validate(payload)
    except ValidationError as error:
        raise UsageError(_describe_validation(error)) from None
    except LocationError as error:
        raise UsageError(f"--location: {error}") from None


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
    from ptplanner.core.projection import project

    projection = project(request_from_args(args))
    if args.pdf:
        _check_writable(args.pdf)
    text = {"table": format_table, "csv": format_csv, "json": format_json}[args.format](projection)
    sys.stdout.write(text)
    if args.pdf:
        from ptplanner.ui.report.printing import default_page_size, write_pdf_headless

        plan = None
        if args.career_packet:
            from ptplanner.core.plan.salary_link import read_plan_for_projection

            try:
                plan = read_plan_for_projection(Path(args.plan_file) if args.plan_file else None)
            except ValueError as error:
                raise UsageError(f"--career-packet: {error}") from None
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


def _check_writable(path: str) -> None:
    """Fail before any work when the PDF cannot be written where asked."""
    target = Path(os.path.realpath(Path(path).expanduser()))  # a link is written through
    folder = target.parent
    if target.is_dir():
        raise UsageError(f"--pdf: {path} is a folder, not a file name")
    if target.exists() and not target.is_file():
        raise UsageError(f"--pdf: {path} is not a regular file; give a file name")
    if not folder.is_dir():
        raise UsageError(f"--pdf: cannot write {path}: no such folder {folder}")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise UsageError(f"--pdf: cannot write {path}: permission denied")


# Every projection rests on these, whatever its breakdown cites.
BASE_SOURCES = ("bls_oews_2025", "bea_rpp_2023", "bls_cpi_u", "bls_ecec_2026q1", "guide")
BLS_NOTE = (
    "BLS.gov cannot vouch for the data or analyses derived from these data after the data have "
    "been retrieved from BLS.gov."
)


def sources_used(projection) -> list[Source]:  # type: ignore[no-untyped-def]
    """The catalogue entries behind a projection: the base tables, then what the breakdown cites."""
    from ptplanner.core.sources import source_catalog

    catalog = source_catalog()
    ids = list(dict.fromkeys([*BASE_SOURCES, *(i.source for i in projection.today.breakdown)]))
    return [catalog.get(source_id) for source_id in ids]


def citation(source_id: str, date: str) -> str:
    """A breakdown line's citation: the source's name, and its date where the name lacks it."""
    from ptplanner.core.sources import source_catalog

    short = source_catalog().get(source_id).short
    return short if date.casefold() in short.casefold() else f"{short}, {date}"


def sources_line(projection) -> str:  # type: ignore[no-untyped-def]
    return "; ".join(source.short for source in sources_used(projection))


def price_level_text(today) -> str:  # type: ignore[no-untyped-def]
    """The BEA price level and whose it is, saying so when the area borrows its state's."""
    if today.price_level_is_fallback:
        return (
            f"BEA price level {today.price_level:.1f}, that of {today.price_level_from}: "
            "BEA publishes none for this area"
        )
    return f"BEA price level {today.price_level:.1f}"


def scenario_lines(projection) -> list[str]:  # type: ignore[no-untyped-def]
    from ptplanner.core.salary import salary_model

    model = salary_model()
    inputs = projection.request.inputs
    certs = ", ".join(sorted(c.upper() for c in inputs.certifications)) or "none"
    skills = ", ".join(s.label for s in model.skills if s.id in inputs.skills) or "none"
    return [
        f"Location: {projection.today.area_name}",
        f"Employer: {model.employer(inputs.employer_type).label}",
        f"Education: {model.education_level(inputs.education).label}",
        f"Certifications: {certs}",
        f"Skills: {skills}",
        f"Experience: {inputs.years_experience:g} years",
    ]


def format_table(projection) -> str:  # type: ignore[no-untyped-def]
    today = projection.today
    out = io.StringIO()
    out.write("PT Care Coordinator salary projection\n")
    for scenario_line in scenario_lines(projection):
        out.write(f"  {scenario_line}\n")
    out.write(
        f"\nToday (BLS {today.data_date} pay levels): typical {money(today.typical)}, "
        f"range {money(today.low)}-{money(today.high)}, total compensation "
        f"{money(today.compensation.total)}\n"
    )
    if today.cost_of_living_adjusted is not None:
        out.write(
            f"In national-average prices ({price_level_text(today)}): "
            f"{money(today.cost_of_living_adjusted)}\n"
        )
    out.write("\nWhy:\n")
    for item in today.breakdown:
        out.write(f"  {item.amount:>+10,.0f}  {item.label}  [{citation(item.source, item.date)}]\n")
    out.write(f"  {today.typical:>10,.0f}  = typical base pay\n\n")
    headers = ("Year", "Exp", "Stage", "Low", "Typical", "High", "Total comp", "Typical*", "Events")
    rows = [
        (
            str(row.year),
            f"{row.experience:g}",
            row.stage,
            money(row.low),
            money(row.typical),
            money(row.high),
            money(row.total_compensation),
            money(row.typical_real),
            "; ".join(row.events),
        )
        for row in projection.rows
    ]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    right = {0, 1, 3, 4, 5, 6, 7}

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip() + "\n"

    out.write(line(headers))
    out.write(line(["-" * w for w in widths]))
    for row in rows:
        out.write(line(row))
    out.write(f"\n* inflation-adjusted. {projection.growth_factor_note}\n")
    from ptplanner.core.salary import salary_model

    occupation = salary_model().occupation
    out.write(f"Sources: {sources_line(projection)}. Occupation: BLS {occupation}. {BLS_NOTE}\n")
    return out.getvalue()


CSV_COLUMNS = (
    "year",
    "experience",
    "stage",
    "base_low",
    "base_typical",
    "base_high",
    "total_compensation",
    "base_typical_inflation_adjusted",
    "total_compensation_inflation_adjusted",
    "events",
    "sources",
)


def format_csv(projection) -> str:  # type: ignore[no-untyped-def]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    # A spreadsheet keeps rows, not footers: every row names what its figures come from.
    sources = f"{sources_line(projection)}. {BLS_NOTE}"
    for row in projection.rows:
        writer.writerow(
            [
                row.year,
                f"{row.experience:g}",
                row.stage,
                round(row.low),
                round(row.typical),
                round(row.high),
                round(row.total_compensation),
                round(row.typical_real),
                round(row.total_real),
                "; ".join(row.events),
                sources,
            ]
        )
    return out.getvalue()


def format_json(projection) -> str:  # type: ignore[no-untyped-def]
    today = projection.today
    payload = {
        "scenario": json.loads(projection.request.model_dump_json()),
        "today": {
            "area": today.area_name,
            "stage": today.stage_label,
            "base_low": round(today.low),
            "base_typical": round(today.typical),
            "base_high": round(today.high),
            "total_compensation": round(today.compensation.total),
            "compensation": {k: round(v, 2) for k, v in today.compensation.model_dump().items()},
            "cost_of_living_adjusted": None
            if today.cost_of_living_adjusted is None
            else round(today.cost_of_living_adjusted),
            "price_level": today.price_level,
            "price_level_from": today.price_level_from,
            "price_level_is_fallback": today.price_level_is_fallback,
            "breakdown": [item.model_dump() for item in today.breakdown],
            "data_date": today.data_date,
        },
        "rows": [
            {
                "year": row.year,
                "experience": row.experience,
                "stage": row.stage,
                "base_low": round(row.low),
                "base_typical": round(row.typical),
                "base_high": round(row.high),
                "total_compensation": round(row.total_compensation),
                "base_typical_inflation_adjusted": round(row.typical_real),
                "total_compensation_inflation_adjusted": round(row.total_real),
                "events": list(row.events),
            }
            for row in projection.rows
        ],
        "note": projection.growth_factor_note,
        "sources": [
            {
                "id": source.id,
                "name": source.short,
                "publisher": source.publisher,
                "title": source.title,
                "reference_date": source.reference_date,
                "licence": source.licence,
                "attribution": source.attribution,
            }
            for source in sources_used(projection)
        ],
        "bls_note": BLS_NOTE,
    }
    return json.dumps(payload, indent=2) + "\n"
