"""What every ``ptplanner`` command shares: one-line usage errors, exit codes, option names.

A user error is one line on stderr starting ``ptplanner: error:`` and exit status 2, whether
argparse finds it or a command does; a traceback is a bug.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, NoReturn, TypeAlias

if TYPE_CHECKING:
    from pydantic import ValidationError

EXIT_USAGE = 2
"""Exit status for anything the user asked for that cannot be done."""
EXIT_INTERRUPTED = 130
"""Exit status after Ctrl+C, as a shell reports a SIGINT."""


class UsageError(Exception):
    """A problem with what the user asked for; its message is printed as one line."""


class OneLineErrorParser(argparse.ArgumentParser):
    """argparse, but an error is one line and exit status 2 (no usage dump)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"ptplanner: error: {message} (see '{self.prog} --help')\n")


def text_argument(value: str) -> str:
    """argparse ``type=`` for a text option: the value must be UTF-8.

    Python passes bytes that are not UTF-8 on as lone surrogates ("\\udcff"), which no
    validator, file or terminal accepts, so they are refused as the option is read.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(f"'{shown_text(value)}' is not UTF-8 text") from None
    return value


PAPER_SIZES = ("letter", "a4")
"""What ``--paper`` takes, in any case ("A4" too)."""


def add_paper_option(parser: argparse.ArgumentParser | argparse._ArgumentGroup, help: str) -> None:
    """``--paper letter|a4`` for a command that writes a PDF or prints, the same on every one."""
    parser.add_argument("--paper", choices=PAPER_SIZES, type=str.lower, help=help)


def shown_text(value: str) -> str:
    """``value`` printable whatever it holds: bytes that were not UTF-8 shown as ``\\xff``."""
    try:
        raw = value.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that did not come from a byte
        raw = value.encode("utf-8", "backslashreplace")
    return raw.decode("utf-8", "backslashreplace")


# A string: argparse's class is generic only to type checkers, not at run time. Any parser class:
# a command adds itself to whatever parser leads (the tests give it a plain ArgumentParser).
Subcommands: TypeAlias = "argparse._SubParsersAction[Any]"
"""The top-level parser's commands, which each command module adds itself to."""


# Where each assumption's option lives, so a validation error names the option the user typed.
ASSUMPTION_OPTIONS = {
    "market_growth_pct": "--market-growth",
    "inflation_pct": "--inflation",
    "bonus_pct": "--bonus",
    "retirement_contribution_pct": "--contribution",
    "match_rate_pct": "--match-rate",
    "match_cap_pct": "--match-cap",
    "health_value_pct": "--health",
    "ce_stipend_usd": "--stipend",
    "profit_sharing_usd": "--profit-sharing",
}
INPUT_OPTIONS = {
    "years_experience": "--experience",
    "education": "--education",
    "certifications": "--cert",
    "location": "--location",
    "employer_type": "--employer",
    "skills": "--skill",
    "role": "--role",
    "years": "--years",
    "start_year": "--start-year",
    "events": "--event",
}


def describe_validation(error: ValidationError) -> str:
    """A pydantic error as one line naming the option the user typed: "--bonus: must be at
    most 100 (got 500)"; the words are core.messages', never pydantic's."""
    from ptplanner.core.messages import what_is_wrong

    first = error.errors()[0]
    location = [str(part) for part in first["loc"]]
    name = location[-1] if location else ""
    if "assumptions" in location:
        option = ASSUMPTION_OPTIONS.get(name, name)
    else:
        option = next((INPUT_OPTIONS[p] for p in location if p in INPUT_OPTIONS), name)
    message = what_is_wrong(first)
    value = first.get("input")
    simple = not isinstance(value, dict | list | tuple | set | frozenset)
    shown = f" (got {value:g})" if isinstance(value, float) else f" (got {value})"
    quiet = not simple or "(got" in message or str(value).casefold() in message.casefold()
    return f"{option}: {message}" + ("" if quiet else shown)
