"""``ptplanner offer --pay AMOUNT/hour|AMOUNT/year --location PLACE``: where an offer falls in the
area's BLS pay, beside the estimate for the profile there and the typical package.

The profile options are ``ptplanner projection``'s (through
:func:`ptplanner.cli.compare.add_single_year_options`). What the employer adds has its own
options (``--bonus``, ``--match``, ``--health``, ``--days-off``), so projection's assumption
options are not offered: the typical package beside the offer uses the default assumptions.
Bad pay ("abc/hour", zero, negative) or an unknown place is one line and exit status 2.
Never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from ptplanner.cli.args import Subcommands, UsageError, text_argument
from ptplanner.cli.compare import add_single_year_options, profile_from_args

if TYPE_CHECKING:
    from ptplanner.core.offer import OfferCheck

OFFER_EXAMPLES = """\
examples:
  ptplanner offer --pay 21.50/hour --location boston
  ptplanner offer --pay '$45,000/year' --location houston --experience 2 --cert cmaa
  ptplanner offer --pay 48000/year --location denver --bonus 3 --match 4 --health 6000 \\
      --days-off 15 --format json
"""


def add_offer_parser(commands: Subcommands) -> None:
    """Add ``offer`` and its options to the top-level ``ptplanner`` parser."""
    parser = commands.add_parser(
        "offer",
        help="check a job offer against BLS pay in its area (table or JSON)",
        description="Where an offer's pay falls in the area's BLS distribution for the\n"
        "occupation (a percentile, linear between BLS's published P10, P25, median, P75 and\n"
        'P90; "below the 10th" / "above the 90th" outside them), against the estimate for\n'
        "your profile there, and its total compensation beside the typical package.",
        epilog=OFFER_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    offer = parser.add_argument_group("the offer")
    add = offer.add_argument
    add(
        "--pay",
        required=True,
        type=text_argument,
        metavar="AMOUNT/hour|AMOUNT/year",
        help="the pay offered, e.g. 21.50/hour or 45000/year",
    )
    add("--bonus", type=float, metavar="N", dest="offer_bonus", help="bonus, percent of pay")
    add(
        "--match",
        type=float,
        metavar="N",
        dest="offer_match",
        help="the employer's retirement contribution (match), percent of pay",
    )
    add(
        "--health",
        type=float,
        metavar="USD",
        dest="offer_health",
        help="health insurance the employer pays, dollars a year",
    )
    add("--days-off", type=int, metavar="N", help="paid days off a year (shown, not added)")
    # The offer's --bonus and --health are its own; the typical package beside it uses the
    # default assumptions (BLS ECEC, the guide), so projection's assumption options are left out.
    add_single_year_options(parser, assumptions=False)
    parser.add_argument(
        "--format", choices=("table", "json"), default="table", help="what to print"
    )
    parser.set_defaults(func=run_offer)


OFFER_OPTIONS = {
    "amount": "--pay",
    "bonus_pct": "--bonus",
    "retirement_match_pct": "--match",
    "health_usd": "--health",
    "paid_days_off": "--days-off",
}


def run_offer(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from ptplanner.cli.args import describe_validation
    from ptplanner.core.locations import LocationError
    from ptplanner.core.offer import Offer, check_offer, parse_pay

    if args.location is None:
        raise UsageError("--location: say where the job is, e.g. --location boston")
    try:
        amount, per = parse_pay(args.pay)
    except ValueError as error:
        raise UsageError(f"--pay: {error}") from None
    given = {
        "bonus_pct": args.offer_bonus,
        "retirement_match_pct": args.offer_match,
        "health_usd": args.offer_health,
        "paid_days_off": args.days_off,
    }
    try:
        offer = Offer.model_validate(
            {"amount": amount, "per": per, **{k: v for k, v in given.items() if v is not None}}
        )
    except ValidationError as error:
        message = describe_validation(error)
        field = str(error.errors()[0]["loc"][-1])
        raise UsageError(message.replace(field, OFFER_OPTIONS.get(field, field), 1)) from None
    inputs, year = profile_from_args(args)
    try:
        check = check_offer(offer, inputs, year)
    except LocationError as error:
        raise UsageError(f"--location: {error}") from None
    sys.stdout.write(format_json(check) if args.format == "json" else format_table(check))
    return 0


def offer_record(check: OfferCheck) -> dict[str, Any]:
    """The check as JSON keys: the offer as given, every figure, sources as a list."""
    record = check._asdict()
    record["offer"] = check.offer.model_dump()
    record["sources"] = list(check.sources)
    return record


def format_json(check: OfferCheck) -> str:
    return json.dumps(offer_record(check), indent=2) + "\n"


def format_table(check: OfferCheck) -> str:
    from ptplanner.core.report.model import BLS_NOTE

    offer = check.offer
    days = "not given" if offer.paid_days_off is None else f"{offer.paid_days_off}"
    lines = [
        f"Offer in {check.area}, {check.year} (BLS OEWS May 2025 pay carried to {check.year})",
        f"  Pay offered:           ${check.annual:,.0f} a year (${check.hourly:,.2f} an hour "
        "x 2,080 hours)",
        f"  In BLS's pay there:    {check.position_text} (SOC 43-6013, all employers)",
        f"  Estimate for you:      ${check.estimate_typical:,.0f} typical, likely "
        f"${check.estimate_low:,.0f}-${check.estimate_high:,.0f}",
        f"  Offer's package:       ${check.offer_total:,.0f} (bonus {offer.bonus_pct:g}%, "
        f"retirement {offer.retirement_match_pct:g}%, health ${offer.health_usd:,.0f})",
        f"  Typical package:       ${check.typical_total:,.0f} (base, bonus, 401(k) match, "
        "health cover and stipend at the default assumptions)",
        f"  Paid days off:         {days} (already paid inside base pay, so not added)",
        "",
        check.note,
        f"Sources: {'; '.join(check.sources)}. {BLS_NOTE}",
    ]
    return "\n".join(lines) + "\n"
