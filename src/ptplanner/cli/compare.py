"""``ptplanner compare PLACE PLACE...``: one profile priced in several places, as a table, CSV or
JSON, every figure with its source.

The profile and assumption options are ``ptplanner projection``'s own (added and validated by
the same code, so a value refused there is refused here in the same words); ``--year`` picks the
year priced. :func:`add_single_year_options` and :func:`profile_from_args` are shared with
``ptplanner offer``. Never imports Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from ptplanner.cli.args import Subcommands, UsageError, add_paper_option, text_argument

if TYPE_CHECKING:
    from ptplanner.core.compare import PlaceFigures
    from ptplanner.core.salary.inputs import SalaryInputs

COMPARE_EXAMPLES = """\
examples:
  ptplanner compare boston houston
  ptplanner compare boston "Texas" national --experience 2 --cert cmaa
  ptplanner compare denver phoenix --employer hospital --year 2027 --format json
  ptplanner compare boston houston --format csv > places.csv
  ptplanner compare boston houston phoenix --pdf places.pdf --paper letter
"""

NOT_RELEASED = "n/a"
"""Shown where BLS or BEA released no figure."""


def add_compare_parser(commands: Subcommands) -> None:
    """Add ``compare`` and its options to the top-level ``ptplanner`` parser."""
    parser = commands.add_parser(
        "compare",
        help="compare pay and the job market in several places (table, CSV or JSON)",
        description="Price your profile in each place for one year: typical base pay, its\n"
        "likely range, hourly pay, total compensation, pay in national-average prices (BEA\n"
        "price level), the area's BLS P10-P90 for the occupation and its job market\n"
        "(employment, jobs per 1,000, location quotient). BLS OEWS May 2025 pay carried\n"
        "to the year asked.",
        epilog=COMPARE_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "places",
        nargs="+",
        type=text_argument,
        metavar="PLACE",
        help='a state, a metro area or "national"; a unique part of the name is enough',
    )
    add_single_year_options(parser)
    parser.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="what to print (default table)",
    )
    parser.add_argument(
        "--pdf",
        metavar="FILE",
        help="also write the comparison as a printable PDF (no window is shown)",
    )
    add_paper_option(parser, "paper size of the PDF (default: the one used where you live)")
    parser.set_defaults(func=run_compare)


def add_single_year_options(parser: argparse.ArgumentParser, *, assumptions: bool = True) -> None:
    """``projection``'s profile options, its assumption options unless ``assumptions`` is
    false (the defaults then hold), and ``--year``."""
    from ptplanner.cli.args import ASSUMPTION_OPTIONS
    from ptplanner.cli.projection import add_assumption_arguments, add_profile_arguments

    add_profile_arguments(parser)
    if assumptions:
        add_assumption_arguments(parser)
    else:
        unset = [o.removeprefix("--").replace("-", "_") for o in ASSUMPTION_OPTIONS.values()]
        parser.set_defaults(**dict.fromkeys([*unset, "raise_", "pto", "promotion_raise"], None))
    parser.add_argument(
        "--year", type=int, metavar="YEAR", help="the year to price (default: this year)"
    )
    # What projection's own options would hold: a one-year request, nothing saved read.
    parser.set_defaults(
        years=1,
        event=[],
        from_plan=False,
        plan_file=None,
        career_packet=False,
        dollars=None,
    )


def profile_from_args(
    args: argparse.Namespace, today: date | None = None
) -> tuple[SalaryInputs, int]:
    """The validated profile and year the options ask for (UsageError naming the option)."""
    from ptplanner.cli.projection_request import scenario_from_args

    args.start_year = args.year
    try:
        request = scenario_from_args(args, today).request
    except UsageError as error:
        raise UsageError(str(error).replace("--start-year", "--year")) from None
    return request.inputs, request.start_year


def run_compare(args: argparse.Namespace) -> int:
    from ptplanner.core.compare import compare_places
    from ptplanner.core.locations import LocationError

    if args.location is not None:
        raise UsageError("--location: give the places to compare as arguments instead")
    if args.pdf is not None and not args.pdf.strip():
        raise UsageError("--pdf: needs a file name, e.g. --pdf places.pdf")
    if args.paper and not args.pdf:
        raise UsageError("--paper: only applies to a PDF; add --pdf FILE")
    inputs, year = profile_from_args(args)
    if args.pdf:
        from ptplanner.cli.projection import check_writable

        check_writable(args.pdf)
    try:
        places = compare_places(inputs, args.places, year)
    except LocationError as error:
        raise UsageError(str(error)) from None
    sys.stdout.write(FORMATS[args.format](places))
    if args.pdf:
        write_compare_pdf(args.pdf, args.paper, inputs, places)
        print(f"wrote {args.pdf}", file=sys.stderr)
    return 0


def write_compare_pdf(
    path: str, paper: str | None, inputs: SalaryInputs, places: Sequence[PlaceFigures]
) -> None:
    """The printable comparison: this module's table, notes and sources, laid out on paper.
    The only place ``compare`` loads Qt."""
    from ptplanner.ui.report.compare_document import CompareSheet, write_compare_pdf_headless
    from ptplanner.ui.report.pdf import default_page_size

    headers, rows = table_cells(places)
    sheet = CompareSheet(
        title=f"Your profile in each place, {places[0].year}",
        subtitle=heading_line(places[0].year) + ".",
        profile=profile_facts(inputs, places[0].year),
        headers=headers,
        rows=rows,
        notes=table_notes(places[0].year),
        sources=place_sources(places),
        printed_on=date.today(),
    )
    page_size = {"letter": "Letter", "a4": "A4"}.get(paper or "") or default_page_size()
    try:
        write_compare_pdf_headless(sheet, path, page_size)  # type: ignore[arg-type]
    except OSError as error:
        raise UsageError(f"--pdf: cannot write {path}: {error.strerror or error}") from None


PROFILE_LABELS = ("Role", "Experience", "Education", "Certifications", "Skills", "Employer type")
"""What the printout says about the profile priced (the place is each row's own)."""


def profile_facts(inputs: SalaryInputs, year: int) -> tuple[tuple[str, str], ...]:
    """The profile in words, as the projection's printout states it."""
    from ptplanner.core.projection import ProjectionRequest, project
    from ptplanner.core.report.build import scenario_facts

    facts = scenario_facts(project(ProjectionRequest(inputs=inputs, start_year=year, years=1)))
    by_label = {fact.label: fact.value for fact in facts}
    return tuple((label, by_label[label]) for label in PROFILE_LABELS if label in by_label)


def _money(value: float | None) -> str:
    return NOT_RELEASED if value is None else f"${value:,.0f}"


def _number(value: float | None, digits: int) -> str:
    return NOT_RELEASED if value is None else f"{value:,.{digits}f}"


COLUMNS: tuple[tuple[str, Callable[[PlaceFigures], str]], ...] = (
    ("Area", lambda p: p.area),
    ("Typical", lambda p: _money(p.base_typical)),
    ("Likely range", lambda p: f"{_money(p.base_low)}-{_money(p.base_high)}"),
    ("Hourly", lambda p: f"${p.hourly_typical:,.2f}"),
    ("Total comp.", lambda p: _money(p.total_compensation)),
    ("Price level", lambda p: _number(p.price_level, 1)),
    ("In U.S. prices", lambda p: _money(p.cost_of_living_adjusted)),
    ("BLS P10-P90", lambda p: f"{_money(p.bls_p10)}-{_money(p.bls_p90)}"),
    ("Employment", lambda p: _number(p.employment, 0)),
    ("Jobs/1,000", lambda p: _number(p.jobs_per_1000, 3)),
    ("LQ", lambda p: _number(p.location_quotient, 2)),
)


def table_cells(places: Sequence[PlaceFigures]) -> tuple[list[str], list[list[str]]]:
    """The comparison's headers and rows as text: the table, and the printout's table."""
    return [name for name, _ in COLUMNS], [[cell(p) for _, cell in COLUMNS] for p in places]


def heading_line(year: int) -> str:
    """What the figures are: the title's second line."""
    return f"BLS OEWS May 2025 pay carried to {year}; money in {year} dollars, base pay a year"


def table_notes(year: int) -> str:
    """What each column is and where it comes from."""
    return (
        "Hourly: typical / 2,080 hours. In U.S. prices: typical x 100 / BEA price level. "
        "BLS P10-P90: the area's published figures for SOC 43-6013, carried to "
        f"{year} as the estimate is. Employment, jobs per 1,000 jobs and location quotient (LQ): "
        f"BLS OEWS May 2025 as published; {NOT_RELEASED} where BLS released none."
    )


def place_sources(places: Sequence[PlaceFigures]) -> tuple[str, ...]:
    """Every source the places cite, once, in order."""
    return tuple(dict.fromkeys(s for place in places for s in place.sources))


def format_table(places: Sequence[PlaceFigures]) -> str:
    from ptplanner.core.report.model import BLS_NOTE

    year = places[0].year
    headers, rows = table_cells(places)
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]

    def line(cells: Sequence[str]) -> str:
        pairs = enumerate(zip(cells, widths, strict=True))
        parts = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs]
        return "  ".join(parts).rstrip() + "\n"

    out = []
    out.append(f"Your profile in each place, {year} ({heading_line(year)})\n")
    out.append(line(headers))
    out.append(line(["-" * w for w in widths]))
    out.extend(line(row) for row in rows)
    out.append(f"\n{table_notes(year)}\nSources: {'; '.join(place_sources(places))}. {BLS_NOTE}\n")
    return "".join(out)


def place_record(place: PlaceFigures) -> dict[str, Any]:
    """One place as JSON/CSV keys: every field of :class:`PlaceFigures`, sources as a list."""
    record = place._asdict()
    record["sources"] = list(place.sources)
    return record


def format_json(places: Sequence[PlaceFigures]) -> str:
    import json

    return json.dumps({"places": [place_record(p) for p in places]}, indent=2) + "\n"


def format_csv(places: Sequence[PlaceFigures]) -> str:
    # Loaded here: every ptplanner command registers this one's options at start-up.
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    fields = list(places[0]._fields)
    writer.writerow(fields)
    for place in places:
        record = place_record(place)
        record["sources"] = "; ".join(place.sources)
        writer.writerow(["" if record[f] is None else record[f] for f in fields])
    return out.getvalue()


FORMATS: dict[str, Callable[[Sequence[PlaceFigures]], str]] = {
    "table": format_table,
    "csv": format_csv,
    "json": format_json,
}
