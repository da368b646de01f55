"""``ptplanner projection``'s options turned into one validated projection request.

Without ``--from-plan`` the profile is the options and the core's defaults: nothing saved is
read, as before. With ``--from-plan`` it is the profile the window saved (the settings file's
``salary_inputs``), the options given on the command line override it, and then the saved plan
adds what it says is done and planned through the core's one derivation
(:func:`ptplanner.core.plan.profile.profile_for_plan`), so the command line, its PDF and the
window's printout state the same career.

Every bad value is one :class:`~ptplanner.cli.args.UsageError` line naming the option; a value
outside what BLS history supports says the allowed range and why. Imported only when a
projection runs, so ``ptplanner plan`` and ``--version`` never load the salary model.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ValidationError

from ptplanner.cli.args import ASSUMPTION_OPTIONS, UsageError, describe_validation, shown_text
from ptplanner.core.format import whole_number
from ptplanner.core.locations import LocationError
from ptplanner.core.messages import plain_message, what_is_wrong
from ptplanner.core.projection import Dollars, Event, ProjectionRequest, apply_event
from ptplanner.core.salary.inputs import (
    INFLATION_RANGE,
    MARKET_GROWTH_RANGE,
    SalaryInputs,
)
from ptplanner.core.salary.market import market_history

if TYPE_CHECKING:
    # Only an annotation here: the plan model is imported when a command reads the plan.
    from ptplanner.core.plan.model import Plan

ModelT = TypeVar("ModelT", bound=BaseModel)

REMOVED_OPTIONS = {
    "pto": (
        "--pto",
        "removed: paid leave is already inside annual pay (BLS annual pay counts every paid "
        "hour), so it is no longer added on top; the report says how much of base pay it is",
    ),
    "promotion_raise": (
        "--promotion-raise",
        "removed: a promotion now moves you into the next role's BLS pay instead of adding a "
        "fixed raise; plan one with --event YEAR:promotion[:ROLE] (see --list-roles)",
    ),
}
"""Options of the first career model: the attribute argparse stores them in, their name and
why they are refused."""


@dataclass(frozen=True)
class Scenario:
    """What one ``ptplanner projection`` run projects, and how it shows it."""

    request: ProjectionRequest
    dollars: Dollars
    plan: Plan | None
    """The saved plan when ``--from-plan`` or ``--career-packet`` read it."""
    notes: tuple[str, ...] = ()
    """What the user should be told on stderr (plan steps left out, a profile not read)."""


def scenario_from_args(args: argparse.Namespace, today: date | None = None) -> Scenario:
    """Build and validate the request the options ask for (UsageError if anything is bad)."""
    today = today or date.today()
    refuse_removed_options(args)
    notes: list[str] = []
    settings = None
    saved = SalaryInputs()
    if args.from_plan:
        from ptplanner.core.settings import load_settings

        settings = load_settings()
        saved = _saved_profile(settings.salary_inputs, notes)
    profile = _validated(SalaryInputs, _with_options(saved, args))
    first_year = args.start_year if args.start_year is not None else today.year
    # The start year alone first, so a bad one is reported as itself, not through an event.
    _validated(ProjectionRequest, {"start_year": first_year, "inputs": profile})
    years = args.years if args.years is not None else 10
    dollars: Dollars = args.dollars or "today"
    if settings is not None:
        years = args.years if args.years is not None else settings.projection_years
        dollars = args.dollars or settings.dollars
    plan = None
    events: list[Event] = []
    work_starts = None
    if args.from_plan or args.career_packet:
        option = "--from-plan" if args.from_plan else "--career-packet"
        plan = read_plan(args.plan_file, option, notes)
    if args.from_plan:
        from ptplanner.core.plan.profile import profile_for_plan

        try:
            derived = profile_for_plan(profile, plan, today)
        except (ValidationError, LocationError, ValueError) as error:
            reason = plain_message(error) if isinstance(error, ValidationError) else str(error)
            raise UsageError(
                f"--from-plan: your plan's salary links do not apply: {reason}"
            ) from None
        profile, work_starts = derived.inputs, derived.work_starts
        notes += derived.notes
        # A planned step whose date falls before the projection starts has happened by then.
        events = [e.model_copy(update={"year": max(e.year, first_year)}) for e in derived.events]
    for text in args.event:
        events.append(_checked_event(text, profile, first_year))
    request = _validated(
        ProjectionRequest,
        {
            "inputs": profile,
            "years": years,
            "start_year": first_year,
            "events": events,
            "work_starts": work_starts,
        },
    )
    return Scenario(request, dollars, plan, tuple(notes))


def refuse_removed_options(args: argparse.Namespace) -> None:
    for attribute, (option, why) in REMOVED_OPTIONS.items():
        if getattr(args, attribute, None) is not None:
            raise UsageError(f"{option}: {why}")


def _saved_profile(data: dict[str, Any] | None, notes: list[str]) -> SalaryInputs:
    """The profile the window saved, or the defaults (with a note) when there is none or it no
    longer validates: the window does the same, so both start from the same profile."""
    if not data:
        return SalaryInputs()
    try:
        return SalaryInputs.from_saved(data)
    except (ValidationError, LocationError, ValueError) as error:
        reason = plain_message(error) if isinstance(error, ValidationError) else str(error)
        notes.append(f"your saved profile could not be used ({reason}); using the defaults")
        return SalaryInputs()


def _with_options(saved: SalaryInputs, args: argparse.Namespace) -> dict[str, Any]:
    """``saved`` as SalaryInputs fields with every profile and assumption option given put in."""
    data = saved.model_dump()
    given = {
        "years_experience": args.experience,
        "education": _id(args.education),
        "certifications": None if args.cert is None else {_id(c) for c in args.cert},
        "location": args.location,
        "employer_type": _id(args.employer),
        "skills": None if args.skill is None else {_id(s) for s in args.skill},
        "role": _id(args.role),
    }
    data.update({field: value for field, value in given.items() if value is not None})
    assumptions = data["assumptions"]
    for field, option in ASSUMPTION_OPTIONS.items():
        value = getattr(args, option.lstrip("-").replace("-", "_"))
        if value is not None:
            assumptions[field] = value
    _check_range("--inflation", assumptions["inflation_pct"], INFLATION_RANGE, _inflation_why())
    if args.raise_ is not None:
        if args.market_growth is not None:
            raise UsageError(
                "--raise: give --market-growth or --raise, not both (--raise is the old "
                "option: the pay scale's growth with inflation in it)"
            )
        assumptions["market_growth_pct"] = market_growth_from_raise(
            args.raise_, assumptions["inflation_pct"]
        )
    elif args.market_growth is not None:
        _check_range("--market-growth", args.market_growth, MARKET_GROWTH_RANGE, _market_why())
    return data


def market_growth_from_raise(raise_pct: float, inflation_pct: float) -> float:
    """``--raise`` (nominal growth of the pay scale) as market growth beyond inflation, percent;
    UsageError when either is outside the range history supports."""
    _check_range("--raise", raise_pct, MARKET_GROWTH_RANGE, _market_why())
    growth = ((1 + raise_pct / 100.0) / (1 + inflation_pct / 100.0) - 1) * 100.0
    low, high = MARKET_GROWTH_RANGE
    if not low <= growth <= high:
        raise UsageError(
            f"--raise: {raise_pct:g}% with {inflation_pct:g}% inflation is {growth:+.2f}% a year "
            f"beyond prices, outside {low:g} to {high:g}: {_market_why()}"
        )
    return growth


def _check_range(option: str, value: float, bounds: tuple[float, float], why: str) -> None:
    low, high = bounds
    if not low <= value <= high:
        raise UsageError(
            f"{option}: must be between {low:g} and {high:g} percent a year (got {value:g}): {why}"
        )


def _market_why() -> str:
    history = market_history()
    return (
        "the range BLS pay history supports (the occupation's median moved "
        f"{history.real_growth_pct:+.2f}% a year beyond prices from {history.from_period} to "
        f"{history.to_period}); more would compound past any history"
    )


def _inflation_why() -> str:
    return (
        "wider than the CPI-U's yearly change in any year since 1960; beyond it the "
        "projection would rest on no history"
    )


def _id(value: str | None) -> str | None:
    return None if value is None else value.strip().lower()


def parse_event(text: str) -> Event:
    """``YEAR:KIND[:VALUE]`` as an Event (UsageError naming ``--event TEXT`` when bad)."""
    parts = text.split(":", 2)
    year = whole_number(parts[0])
    if len(parts) < 2 or year is None:
        raise UsageError(f"--event: expected YEAR:KIND[:VALUE], got {shown_text(text)!r}")
    data = {
        "year": year,
        "kind": parts[1].strip().lower(),
        "value": parts[2].strip().lower() if len(parts) == 3 else "",
    }
    if data["kind"] == "location" and len(parts) == 3:
        data["value"] = parts[2].strip()  # an area's name keeps its capitals
    try:
        return Event.model_validate(data)
    except ValidationError as error:
        raise UsageError(f"--event {text}: {_event_error(data, error)}") from None


def _checked_event(text: str, profile: SalaryInputs, first_year: int) -> Event:
    """The event ``--event TEXT`` asks for, checked against the profile it applies to."""
    event = parse_event(text)
    if event.year < first_year:
        raise UsageError(
            f"--event {text}: comes before the projection starts ({first_year}); "
            "put what you already have in --cert, --education and the other profile options"
        )
    try:
        apply_event(profile, event)
    except ValidationError as error:
        raise UsageError(f"--event {text}: {_event_error(event.model_dump(), error)}") from None
    except (LocationError, ValueError) as error:
        raise UsageError(f"--event {text}: {error}") from None
    return event


def _event_error(event: dict[str, Any], error: ValidationError) -> str:
    """What is wrong with one ``--event``, from the first error validating it."""
    first = error.errors()[0]
    message = what_is_wrong(first)
    if first["type"] == "literal_error":
        message = f"unknown kind {event['kind']!r} (it {message})"
    elif first["loc"] == ("year",):
        message = describe_validation(error).replace("year:", "the year", 1)
    return message


def read_plan(plan_file: str | None, option: str, notes: list[str]) -> Plan | None:
    """The saved plan (or ``--plan-file``'s), None when none has been made yet."""
    from ptplanner.core.storage.saved_plan import read_plan_for_projection

    try:
        return read_plan_for_projection(Path(plan_file) if plan_file else None, notes)
    except ValueError as error:
        raise UsageError(f"{option}: {error}") from None


def _validated(model: type[ModelT], data: object) -> ModelT:
    """``model.model_validate(data)``, any error a UsageError naming the option."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise UsageError(describe_validation(error)) from None
    except LocationError as error:
        raise UsageError(f"--location: {error}") from None
